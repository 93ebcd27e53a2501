package org.onewindow.app;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.onewindow.archprobe.api.ResourceProbe;
import org.onewindow.archprobe.domain.ModuleProbe;
import org.onewindow.kernel.archprobe.KernelProbe;
import org.onewindow.process.archprobe.ProcessProbe;
import org.onewindow.ui.archprobe.ScreenProbe;

/**
 * The direction of dependencies that issue 9 asks the build to enforce, over the production classes of
 * every part of the WAR (this module depends on all of them):
 *
 * <pre>
 *   app (the assembly) → faces-ui, tenant-admin (screens) → modules/* → platform/process → platform/kernel
 * </pre>
 *
 * A business module is any package {@code org.onewindow.<module>} that is not a platform part, so casework,
 * e-licences, the portal and supervision fall under these rules the day their jar joins the WAR. Modules
 * talk to each other only through the other's {@code application} package (its services and the CDI events
 * carrying ids), never through its domain entities or repositories (STYLE.md 12), and only the kernel sets
 * the database scope that row-level security reads (STYLE.md 13).
 */
class ArchitectureTest {

    static final String ROOT = "org.onewindow";

    /** The first package segments under {@link #ROOT} that are platform parts rather than business modules. */
    static final Set<String> PLATFORM_PARTS = Set.of("kernel", "process", "ui", "admin", "app", "launcher", "testing");

    static final String KERNEL = ROOT + ".kernel..";
    static final String PROCESS = ROOT + ".process..";
    static final String[] SCREENS = {ROOT + ".ui..", ROOT + ".admin.."};
    static final String ASSEMBLY = ROOT + ".app..";
    static final String[] HARNESS = {ROOT + ".launcher..", ROOT + ".testing.."};

    /** The kernel's own way to run as a principal it holds (its login step): nobody else may. */
    static final String RUN_AS = "org.onewindow.kernel.scope.Scopes#runAs";

    /** Making a principal up: the scope the database sees is derived from it. */
    static final String NEW_PRINCIPAL = "org.onewindow.kernel.security.domain.StaffPrincipal#<init>";

    /**
     * Classes outside the kernel that build a scope by hand. None: another scope is entered with a kernel
     * {@code Scope} (a visitor or a system job) through {@code Scopes.run} (ADR 0018). An entry that no longer builds a
     * scope fails {@link #theScopeDebtListNamesOnlyRealDebt}, so the list can only shrink.
     */
    static final Map<String, Set<String>> SCOPE_DEBT = Map.of();

    /** Reading the system time directly: every class takes an injected {@code java.time.Clock} instead (ADR 0018). */
    static final Set<String> SYSTEM_TIME = Set.of(
            "java.time.Instant#now",
            "java.time.LocalDate#now",
            "java.time.LocalDateTime#now",
            "java.time.LocalTime#now",
            "java.time.OffsetDateTime#now",
            "java.time.ZonedDateTime#now",
            "java.time.YearMonth#now",
            "java.time.Year#now",
            "java.time.Clock#systemUTC",
            "java.time.Clock#systemDefaultZone",
            "java.lang.System#currentTimeMillis");

    /** The one producer of the clock, the only class that reads the system time. */
    static final Map<String, Set<String>> CLOCK_PRODUCER =
            Map.of("org.onewindow.kernel.time.SystemClock", Set.of("java.time.Clock#systemUTC"));

    static final ArchRule KERNEL_BELOW_ALL = noClasses()
            .that()
            .resideInAPackage(KERNEL)
            .should()
            .dependOnClassesThat(resideInAPackage(ROOT + "..").and(DescribedPredicate.not(resideInAPackage(KERNEL))))
            .because("every module builds on the kernel, so the kernel cannot know any of them");

    static final ArchRule PROCESS_ON_KERNEL_ONLY = noClasses()
            .that()
            .resideInAPackage(PROCESS)
            .should()
            .dependOnClassesThat(
                    resideInAPackage(ROOT + "..").and(DescribedPredicate.not(resideInAnyPackage(KERNEL, PROCESS))))
            .because("modules plug their processes into the engine, not the other way round");

    static final ArchRule MODULES_BELOW_SCREENS = noClasses()
            .that(inABusinessModule())
            .should()
            .dependOnClassesThat(
                    resideInAnyPackage(SCREENS).or(resideInAPackage(ASSEMBLY)).or(resideInAnyPackage(HARNESS)))
            .because("faces-ui and tenant-admin sit above the modules, and the WAR assembles them all");

    static final ArchRule SCREENS_BELOW_ASSEMBLY = noClasses()
            .that()
            .resideInAnyPackage(SCREENS)
            .should()
            .dependOnClassesThat(resideInAPackage(ASSEMBLY).or(resideInAnyPackage(HARNESS)));

    static final ArchRule HARNESS_FOR_TESTS_ONLY = noClasses()
            .that(DescribedPredicate.not(resideInAnyPackage(HARNESS)))
            .should()
            .dependOnClassesThat(resideInAPackage(ROOT + ".testing.."));

    static final ArchRule MODULES_MEET_IN_APPLICATION = classes()
            .that(inABusinessModule())
            .should(reachOtherModulesOnlyThroughTheirApplicationPackage())
            .allowEmptyShould(true);

    static final ArchRule KERNEL_SETS_SCOPE = classes()
            .that(DescribedPredicate.not(resideInAPackage(KERNEL)))
            .should(mentionNoneOf("app.scope", "set_config"))
            .because("row-level security trusts app.scope; the kernel alone sets it and restores it");

    static final ArchRule KERNEL_BUILDS_SCOPE = classes()
            .that(DescribedPredicate.not(resideInAPackage(KERNEL)))
            .should(accessNoneOf(Set.of(RUN_AS, NEW_PRINCIPAL), SCOPE_DEBT))
            .because("another scope is entered through one kernel API, never with a made-up principal");

    static final ArchRule ONE_CLOCK = classes()
            .should(readNoSystemTime())
            .because("the time comes from the injected Clock, which tests replace with a fixed one");

    static final ArchRule RESOURCES_BUILT_ONCE = classes()
            .that()
            .areAnnotatedWith(Path.class)
            .should()
            .beAnnotatedWith(ApplicationScoped.class)
            .because("a request-scoped resource is built, with its interceptors, for every request (ADR 0035)");

    static JavaClasses production;

    @BeforeAll
    static void importEveryPartOfTheWar() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
        assertThat(production.stream().map(ArchitectureTest::partOf).distinct())
                .as("every part of the WAR is on this module's class path, so no rule passes for want of classes")
                .contains("kernel", "process", "catalog", "ui", "admin", "app");
    }

    @Test
    void theKernelDependsOnNoModuleAndNotOnTheProcessEngine() {
        KERNEL_BELOW_ALL.check(production);
    }

    @Test
    void theProcessEngineDependsOnTheKernelOnly() {
        PROCESS_ON_KERNEL_ONLY.check(production);
    }

    @Test
    void modulesDependOnNeitherScreensNorTheAssembly() {
        MODULES_BELOW_SCREENS.check(production);
    }

    @Test
    void theScreensDependOnNeitherTheAssemblyNorTheHarness() {
        SCREENS_BELOW_ASSEMBLY.check(production);
    }

    @Test
    void noProductionClassUsesTheTestHarness() {
        HARNESS_FOR_TESTS_ONLY.check(production);
    }

    @Test
    void aModuleReachesAnotherOnlyThroughItsApplicationPackage() {
        MODULES_MEET_IN_APPLICATION.check(production);
    }

    @Test
    void onlyTheKernelSetsTheDatabaseScope() {
        KERNEL_SETS_SCOPE.check(production);
    }

    @Test
    void onlyTheKernelBuildsAScopeByHand() {
        KERNEL_BUILDS_SCOPE.check(production);
    }

    @Test
    void onlyTheClockProducerReadsTheSystemTime() {
        ONE_CLOCK.check(production);
    }

    @Test
    void everyRestResourceIsBuiltOnce() {
        RESOURCES_BUILT_ONCE.check(production);
    }

    /**
     * A page's message is worded by the one resolver (OmniFaces {@code Messages} with
     * {@code org.onewindow.ui.MessageResolver}, ADR 0026), never put together by hand in a screen; the kernel's text
     * converter alone builds one, because a converter must throw its message.
     */
    @Test
    void noScreenBuildsAFacesMessageByHand() {
        noClasses()
                .that()
                .resideInAnyPackage(ROOT + ".ui..", ROOT + ".admin..")
                .should()
                .callConstructorWhere(describe(
                        "a FacesMessage constructor",
                        call -> call.getTargetOwner().isEquivalentTo(jakarta.faces.application.FacesMessage.class)))
                .because("messages go through OmniFaces Messages and the product's resolver")
                .check(production);
    }

    @Test
    void theScopeDebtListNamesOnlyRealDebt() {
        Map<String, Set<String>> paid = new TreeMap<>();
        for (var debt : SCOPE_DEBT.entrySet()) {
            Optional<JavaClass> owner =
                    production.contain(debt.getKey()) ? Optional.of(production.get(debt.getKey())) : Optional.empty();
            Set<String> stillUsed = owner.map(c -> forbiddenAccesses(c, debt.getValue()).stream()
                            .map(ArchitectureTest::signature)
                            .collect(Collectors.toSet()))
                    .orElse(Set.of());
            Set<String> gone = new TreeSet<>(debt.getValue());
            gone.removeAll(stillUsed);
            if (!gone.isEmpty()) {
                paid.put(debt.getKey(), gone);
            }
        }
        assertThat(paid)
                .as("these no longer build a scope by hand: remove them from SCOPE_DEBT")
                .isEmpty();
    }

    /**
     * Each rule fails on classes that break it: probes in this module's test sources (never imported with
     * the production classes) do what no real class may.
     */
    @Nested
    class EachRuleBites {

        final JavaClasses probes = new ClassFileImporter()
                .importClasses(
                        KernelProbe.class,
                        ProcessProbe.class,
                        ModuleProbe.class,
                        ScreenProbe.class,
                        ResourceProbe.class);

        @Test
        void theKernelOnAModuleOrTheEngine() {
            assertThatThrownBy(() -> KERNEL_BELOW_ALL.check(probes))
                    .hasMessageContaining("KernelProbe.aModulesEntity")
                    .hasMessageContaining("KernelProbe.theEnginesStep");
        }

        @Test
        void theEngineOnAModule() {
            assertThatThrownBy(() -> PROCESS_ON_KERNEL_ONLY.check(probes))
                    .hasMessageContaining("ProcessProbe.aModulesEntity");
        }

        @Test
        void aModuleOnAScreenOrTheHarness() {
            assertThatThrownBy(() -> MODULES_BELOW_SCREENS.check(probes))
                    .hasMessageContaining("ModuleProbe.forbiddenAScreen")
                    .hasMessageContaining("ModuleProbe.forbiddenTheHarness");
            assertThatThrownBy(() -> HARNESS_FOR_TESTS_ONLY.check(probes))
                    .hasMessageContaining("ModuleProbe.forbiddenTheHarness");
        }

        @Test
        void aScreenOnTheAssembly() {
            assertThatThrownBy(() -> SCREENS_BELOW_ASSEMBLY.check(probes))
                    .hasMessageContaining("ScreenProbe.theAssembly");
        }

        @Test
        void aModuleOnAnotherModulesEntityButNotOnItsService() {
            assertThatThrownBy(() -> MODULES_MEET_IN_APPLICATION.check(probes))
                    .hasMessageContaining("ModuleProbe.forbiddenAnotherModulesEntity")
                    .hasMessageNotContaining("allowedAnotherModulesService");
        }

        @Test
        void aModuleSettingTheScopeOrMakingUpAPrincipal() {
            assertThatThrownBy(() -> KERNEL_SETS_SCOPE.check(probes))
                    .hasMessageContaining("ModuleProbe mentions \"app.scope\"")
                    .hasMessageContaining("ModuleProbe mentions \"set_config\"");
            assertThatThrownBy(() -> KERNEL_BUILDS_SCOPE.check(probes))
                    .hasMessageContaining(
                            "calls constructor <org.onewindow.kernel.security.domain.StaffPrincipal.<init>")
                    .hasMessageContaining("calls method <org.onewindow.kernel.scope.Scopes.runAs");
        }

        @Test
        void aResourceBuiltForEveryRequest() {
            assertThatThrownBy(() -> RESOURCES_BUILT_ONCE.check(probes)).hasMessageContaining("ResourceProbe");
        }

        @Test
        void aClassReadingTheSystemTime() {
            assertThatThrownBy(() -> ONE_CLOCK.check(probes))
                    .hasMessageContaining("calls method <java.time.Instant.now()>")
                    .hasMessageContaining("calls method <java.time.LocalDate.now()>")
                    .hasMessageContaining("calls method <java.lang.System.currentTimeMillis()>");
        }
    }

    /** The part a class belongs to: the first package segment under {@link #ROOT}. */
    static String partOf(JavaClass javaClass) {
        String name = javaClass.getBaseComponentType().getPackageName();
        if (!name.startsWith(ROOT + ".")) {
            return "";
        }
        String rest = name.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    static boolean isBusinessModule(String part) {
        return !part.isEmpty() && !PLATFORM_PARTS.contains(part);
    }

    static DescribedPredicate<JavaClass> inABusinessModule() {
        return describe(
                "reside in a business module (" + ROOT + ".<module>.., not " + PLATFORM_PARTS + ")",
                javaClass -> isBusinessModule(partOf(javaClass)));
    }

    static ArchCondition<JavaClass> reachOtherModulesOnlyThroughTheirApplicationPackage() {
        return new ArchCondition<>("reach another module only through its application package") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String own = partOf(origin);
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    String other = partOf(target);
                    String application = ROOT + "." + other + ".application";
                    boolean throughApplication = target.getPackageName().equals(application)
                            || target.getPackageName().startsWith(application + ".");
                    if (isBusinessModule(other) && !other.equals(own) && !throughApplication) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** Looks for the words in the class file's constants: SQL in a string cannot hide from it. */
    static ArchCondition<JavaClass> mentionNoneOf(String... words) {
        return new ArchCondition<>("mention none of " + List.of(words) + " in their code") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                String constants = classFile(javaClass);
                for (String word : words) {
                    if (constants.contains(word)) {
                        events.add(SimpleConditionEvent.violated(
                                javaClass, javaClass.getName() + " mentions \"" + word + "\""));
                    }
                }
            }
        };
    }

    static ArchCondition<JavaClass> accessNoneOf(Set<String> forbidden, Map<String, Set<String>> debt) {
        return new ArchCondition<>("call none of " + forbidden) {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                Set<String> excused = debt.getOrDefault(origin.getName(), Set.of());
                for (JavaAccess<?> access : forbiddenAccesses(origin, forbidden)) {
                    if (!excused.contains(signature(access))) {
                        events.add(SimpleConditionEvent.violated(access, access.getDescription()));
                    }
                }
            }
        };
    }

    /** Calls of {@link #SYSTEM_TIME} other than their {@code Clock} overloads ({@code LocalDate.now(clock)}). */
    static ArchCondition<JavaClass> readNoSystemTime() {
        return new ArchCondition<>("read the system time only through an injected Clock") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                Set<String> excused = CLOCK_PRODUCER.getOrDefault(origin.getName(), Set.of());
                for (JavaAccess<?> access : forbiddenAccesses(origin, SYSTEM_TIME)) {
                    boolean fromClock = access.getTarget()
                                    instanceof com.tngtech.archunit.core.domain.AccessTarget.CodeUnitAccessTarget unit
                            && unit.getRawParameterTypes().stream()
                                    .anyMatch(t -> t.isEquivalentTo(java.time.Clock.class));
                    if (!fromClock && !excused.contains(signature(access))) {
                        events.add(SimpleConditionEvent.violated(access, access.getDescription()));
                    }
                }
            }
        };
    }

    static List<JavaAccess<?>> forbiddenAccesses(JavaClass origin, Set<String> forbidden) {
        return origin.getAccessesFromSelf().stream()
                .filter(access -> forbidden.contains(signature(access)))
                .toList();
    }

    static String signature(JavaAccess<?> access) {
        return access.getTarget().getOwner().getName() + "#"
                + access.getTarget().getName();
    }

    static String classFile(JavaClass javaClass) {
        var source = javaClass.getSource().orElseThrow(() -> new AssertionError("no class file for " + javaClass));
        try (InputStream in = source.getUri().toURL().openStream()) {
            // Constant strings are stored as (modified) UTF-8; ASCII words appear byte for byte.
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
