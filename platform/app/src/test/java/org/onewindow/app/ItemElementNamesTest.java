package org.onewindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.onewindow.catalog.domain.ItemElements;

/**
 * A catalog item's element names are written once, as {@link ItemElements}' constants (issue 9): no main source of
 * any module spells one as a string literal, so renaming or finding an element is one edit and one search. The scan
 * covers the names no other JSON of the product uses; the generic words ({@code code}, {@code name}, {@code type},
 * {@code materials}, {@code fees}, …) name other things too (a case's materials, a sheet, a template's steps) and
 * are left to review.
 */
class ItemElementNamesTest {

    private static final Path ROOT = Path.of("../..");

    private static final List<Path> SOURCES =
            List.of(Path.of("modules"), Path.of("faces-ui"), Path.of("tenant-admin"), Path.of("platform/app"));

    /** Element names that are ordinary words of other JSON as well. */
    private static final Set<String> GENERIC = Set.of(
            "code",
            "name",
            "type",
            "department",
            "conditions",
            "fees",
            "materials",
            "process",
            "form",
            "copies",
            "mandatory",
            "sources",
            "note",
            "basis",
            "unit",
            "amount",
            "collectedBy",
            "template",
            "steps",
            "step",
            "tier",
            "themes");

    /**
     * Files whose JSON is their own, not an item's: a case keeps what it was accepted under in its own shape
     * (casework's stored case and its API views), with keys that happen to read like an item's.
     */
    private static final Set<String> OWN_SHAPES = Set.of("CaseJson.java", "CaseViews.java");

    @Test
    void noMainSourceSpellsAnElementNameOutsideTheConstants() throws IOException {
        List<String> names = guardedNames();
        assertThat(names).contains("promisedLimitDays", "statutoryLimitDays", "intakeTiers", "onTheSpot");

        List<String> found = new ArrayList<>();
        for (Path module : SOURCES) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(module))) {
                files.filter(f -> f.toString().endsWith(".java"))
                        .filter(f -> f.toString().contains("src/main/java"))
                        .filter(f -> !f.getFileName().toString().equals("ItemElements.java"))
                        .filter(f -> !OWN_SHAPES.contains(f.getFileName().toString()))
                        .forEach(file -> {
                            String text = read(file);
                            names.stream()
                                    .filter(name -> text.contains("\"" + name + "\""))
                                    .forEach(name -> found.add(ROOT.relativize(file) + ": \"" + name + "\""));
                        });
            }
        }
        assertThat(found).as("use ItemElements' constants").isEmpty();
    }

    private static List<String> guardedNames() {
        List<String> names = new ArrayList<>();
        for (Field field : ItemElements.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    String name = (String) field.get(null);
                    if (!GENERIC.contains(name)) {
                        names.add(name);
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return names;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
