package org.onewindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.eclipse.persistence.internal.jpa.metadata.accessors.classes.ClassAccessor;
import org.eclipse.persistence.internal.jpa.metadata.converters.MixedConverterMetadata;
import org.eclipse.persistence.internal.jpa.metadata.xml.XMLEntityMappings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Issue 9, "a module registers itself": a module's jar carries its migrations, its JPA mapping, its security rules
 * and its start-up hooks, so the WAR ({@code platform/app}) holds none of them and adding a module is one dependency
 * line in its POM (docs/adr/0019-a-module-registers-itself.md). Checked over every module on this module's class
 * path and over the WAR's own sources.
 */
class ModulesRegisterThemselvesTest {

    static final Path MAIN = Path.of("src/main");

    /** What a module's mapping file may hold: its classes by full name, no defaults that would reach the others'. */
    static final Set<String> LISTING_ELEMENTS =
            Set.of("description", "mapped-superclass", "entity", "embeddable", "converter");

    /**
     * The demo seeding of the product (demo mode only): it makes demo items and cases through the catalog's and
     * casework's services, as a clerk would. It is the product's, not a module's, and the one part of the WAR that
     * may name a module.
     */
    static final Set<String> DEMO_SEEDING =
            Set.of("org.onewindow.app.DemoData", "org.onewindow.app.DemoCases", "org.onewindow.app.DemoCasePlan");

    static final Pattern MODULE_PACKAGE = Pattern.compile("org\\.onewindow\\.(?!app\\b|kernel\\b)[a-z]+");

    static List<ModuleMigrations.Module> modules;
    static JavaClasses production;

    @BeforeAll
    static void readTheClassPath() {
        modules = ModuleMigrations.discover(ModulesRegisterThemselvesTest.class.getClassLoader());
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.onewindow");
        assertThat(modules)
                .extracting(ModuleMigrations.Module::name)
                .as("the modules whose classes this test checks are on the class path")
                .contains("kernel", "process", "catalog", "casework");
    }

    @Test
    void everyEntityAndConverterIsListedInItsOwnModulesMappingFileAndNowhereElse() {
        Map<String, String> listedBy = new TreeMap<>();
        for (ModuleMigrations.Module module : modules) {
            if (module.mapping().isEmpty()) {
                continue;
            }
            URL file = onlyOne(module.mapping());
            assertThat(problems(module.name(), file)).as(file.toString()).isEmpty();
            for (String className : listedClasses(file)) {
                assertThat(listedBy.put(className, module.name()))
                        .as(className + " is listed by one module only")
                        .isNull();
            }
        }
        Map<String, String> owners = new TreeMap<>();
        for (JavaClass persistent : persistentClasses()) {
            owners.put(persistent.getName(), ArchitectureTest.partOf(persistent));
        }
        assertThat(listedBy)
                .as("every @Entity and @Converter, listed by the module whose package holds it")
                .containsAllEntriesOf(owners);
    }

    @Test
    void theMetadataSourceReadsEveryModulesFileAsOne() {
        XMLEntityMappings all = ModuleMappings.read(ModulesRegisterThemselvesTest.class.getClassLoader(), Map.of());

        Set<String> read = new TreeSet<>();
        all.getEntities().stream().map(ClassAccessor::getClassName).forEach(read::add);
        all.getMixedConverters().stream()
                .map(MixedConverterMetadata::getClassName)
                .forEach(read::add);
        assertThat(read)
                .as("the persistence unit gets every module's entities and converters")
                .isEqualTo(persistentClasses().stream()
                        .map(JavaClass::getName)
                        .collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void theWarsPersistenceUnitListsNoClassAndReadsTheModulesFiles() throws IOException {
        String persistence = Files.readString(MAIN.resolve("resources/META-INF/persistence.xml"));

        assertThat(persistence).doesNotContain("<class>", "<mapping-file>", "<jar-file>");
        assertThat(persistence)
                .contains("<property name=\"eclipselink.metadata-source\" value=\"" + ModuleMappings.class.getName()
                        + "\"/>");
    }

    @Test
    void theWarsWebXmlHoldsNoSecurityRule() throws IOException {
        String web = Files.readString(MAIN.resolve("webapp/WEB-INF/web.xml"));

        assertThat(web).doesNotContain("<security-constraint>", "<security-role>", "<url-pattern>/api/");
    }

    @Test
    void theWarHoldsNoStartUpHookAndNoClassNamingAModule() {
        List<String> naming = new ArrayList<>();
        for (JavaClass assembly : production) {
            if (!assembly.getPackageName().equals("org.onewindow.app")
                    || DEMO_SEEDING.contains(assembly.getName())
                    || DEMO_SEEDING.contains(
                            assembly.getEnclosingClass().map(JavaClass::getName).orElse(""))) {
                continue;
            }
            assembly.getDirectDependenciesFromSelf().stream()
                    .map(dependency -> dependency.getTargetClass().getBaseComponentType())
                    .filter(target ->
                            MODULE_PACKAGE.matcher(target.getPackageName()).lookingAt())
                    .forEach(target -> naming.add(assembly.getName() + " → " + target.getName()));
        }
        assertThat(naming).as("classes of the WAR that name a module").isEmpty();
    }

    @Test
    void theWarsFilesNameNoModule() throws IOException {
        List<String> naming = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".java") && DEMO_SEEDING.contains("org.onewindow.app." + name.replace(".java", ""))
                        || !(name.endsWith(".java") || name.endsWith(".xml") || name.endsWith(".properties"))) {
                    continue;
                }
                var matcher = MODULE_PACKAGE.matcher(Files.readString(file));
                while (matcher.find()) {
                    naming.add(file + ": " + matcher.group());
                }
            }
        }
        assertThat(naming)
                .as("the WAR's sources and files outside the demo seeding")
                .isEmpty();
    }

    /** The checks above bite: a mapping file that lists another module's class or sets a default is refused. */
    @Test
    void aMappingFileWithAnotherModulesClassOrADefaultIsRefused() {
        URL probe = onlyOne("org/onewindow/app/probe-orm.xml");

        assertThat(problems("kernel", probe))
                .containsExactlyInAnyOrder(
                        "lists org.onewindow.catalog.domain.Publication, a class of another module",
                        "sets <package>, which would reach every module's classes");
    }

    static List<JavaClass> persistentClasses() {
        return production.stream()
                .filter(c -> c.isAnnotatedWith(Entity.class) || c.isAnnotatedWith(Converter.class))
                .toList();
    }

    /** What is wrong with module {@code name}'s mapping file: classes of other modules, defaults. */
    static List<String> problems(String name, URL file) {
        List<String> problems = new ArrayList<>();
        for (Element child : children(file)) {
            String element = child.getLocalName();
            if (!LISTING_ELEMENTS.contains(element)) {
                problems.add("sets <" + element + ">, which would reach every module's classes");
            } else if (child.hasAttribute("class")
                    && !child.getAttribute("class").startsWith("org.onewindow." + name + ".")) {
                problems.add("lists " + child.getAttribute("class") + ", a class of another module");
            }
        }
        return problems;
    }

    static List<String> listedClasses(URL file) {
        return children(file).stream()
                .filter(child -> child.hasAttribute("class"))
                .map(child -> child.getAttribute("class"))
                .toList();
    }

    static List<Element> children(URL file) {
        try (InputStream in = file.openStream()) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Element root = factory.newDocumentBuilder().parse(in).getDocumentElement();
            List<Element> children = new ArrayList<>();
            for (Node node = root.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element element) {
                    children.add(element);
                }
            }
            return children;
        } catch (Exception e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }

    static URL onlyOne(String resource) {
        try {
            List<URL> found = Collections.list(
                    ModulesRegisterThemselvesTest.class.getClassLoader().getResources(resource));
            assertThat(found).as(resource + " on the class path").hasSize(1);
            return found.getFirst();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
