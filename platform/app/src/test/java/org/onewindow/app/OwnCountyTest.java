package org.onewindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each integration-test class that changes what a county holds does it in a county of its own ({@code TestCounty},
 * ADR 0034), so no class reads what another left. The classes that still write to the shared demo county are listed
 * here, each with why; a new class that writes (a POST, PUT or DELETE, or a row written past the API) and makes no
 * county of its own fails, and a class that has moved leaves the list.
 */
class OwnCountyTest {

    /** The classes that still change the demo county, and why. */
    static final Map<String, String> DEMO_COUNTY_WRITERS = Map.ofEntries(
            Map.entry("MalformedRequestsIT", "bad bodies to every write endpoint, which change nothing"),
            Map.entry("RefusedPostsIT", "crafted posts that are refused and change nothing"));

    private static final Pattern WRITES = Pattern.compile(
            "\\.(postJson|putJson|put|post|delete)\\(|executeUpdate\\(|\"(POST|PUT|DELETE)\"|\\.execute\\(\"(insert|update|delete)");

    private static final String OWN_COUNTY = "TestCounty.named(";

    @Test
    void everyClassThatWritesMakesItsOwnCountyOrIsListedWithItsReason() throws IOException {
        Map<String, String> sources = itSources();
        Set<String> unlisted = new TreeSet<>();
        Set<String> movedButListed = new TreeSet<>();
        sources.forEach((name, source) -> {
            boolean own = source.contains(OWN_COUNTY);
            if (own && DEMO_COUNTY_WRITERS.containsKey(name)) {
                movedButListed.add(name);
            } else if (!own && WRITES.matcher(source).find() && !DEMO_COUNTY_WRITERS.containsKey(name)) {
                unlisted.add(name);
            }
        });

        assertThat(sources).as("the IT classes found").containsKeys("ServicePointsIT", "PublicCatalogIT");
        assertThat(unlisted)
                .as("IT classes that write to the shared demo county: give them a TestCounty (ADR 0034)")
                .isEmpty();
        assertThat(movedButListed)
                .as("classes on their own county, still listed as demo county writers")
                .isEmpty();
    }

    @Test
    void theClassesMovedToTheirOwnCountyStayThere() throws IOException {
        Map<String, String> sources = itSources();
        for (String moved : Set.of(
                "ServicePointsIT",
                "DivisionChangesIT",
                "SettingsIT",
                "StaffImportIT",
                "ClerkIssuanceIT",
                "MaterialFilesIT",
                "CaseworkBackOfficeIT",
                "ClerkIntakeIT",
                "ProcessTemplateIT",
                "ProcessTemplatesConsoleIT",
                "CatalogTransferIT",
                "ScopesIT",
                "RowLevelSecurityIT",
                "CaseworkIT",
                "CatalogIT",
                "StandardsFormIT",
                "BrowserIT",
                "AccountGrantsIT",
                "AuthorizationMatrixIT",
                "ApiIT",
                "AccessibilityIT",
                "PageMatrixIT")) {
            assertThat(sources.get(moved)).as(moved).contains(OWN_COUNTY);
            assertThat(DEMO_COUNTY_WRITERS).doesNotContainKey(moved);
        }
    }

    /** Every IT class's source, by simple name. */
    private static Map<String, String> itSources() throws IOException {
        Map<String, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "test", "java"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("IT.java"))
                    .toList()) {
                sources.put(file.getFileName().toString().replace(".java", ""), Files.readString(file));
            }
        }
        return sources;
    }
}
