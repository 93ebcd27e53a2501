package org.onewindow.admin;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.calendar.DayKind;
import org.onewindow.kernel.calendar.application.CalendarService;
import org.onewindow.kernel.settings.domain.Setting;
import org.onewindow.kernel.settings.domain.SettingSource;
import org.onewindow.process.domain.TemplateSource;
import org.onewindow.process.domain.TemplateStep;

/**
 * The process templates page finds a text for every key it uses and every kind of step, tier, status and draft
 * change it shows. That the console's texts ({@code #{a}}) exist in Chinese and English with the same arguments
 * is checked for every bundle of the WAR by {@code org.onewindow.testing.Bundles} in platform/app's
 * {@code BundlesTest}.
 */
class AdminTextTest {

    private static final Pattern KEY_ON_PAGE = Pattern.compile("a\\['([a-zA-Z.]+)'");
    private static final Pattern KEY_IN_CODE = Pattern.compile("\"(processes\\.[a-zA-Z.]+)\"");
    private static final Path PAGE = Path.of("src/main/resources/META-INF/resources/admin/processes.xhtml");
    private static final Path NAV = Path.of("src/main/resources/META-INF/resources/WEB-INF/includes/admin/nav.xhtml");
    private static final Path BACKING = Path.of("src/main/java/org/onewindow/admin/ProcessTemplatesBacking.java");

    private static Properties bundle(String language) {
        String name = "/org/onewindow/admin/text_" + language + ".properties";
        try (InputStream in = AdminTextTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Set<String> matches(Pattern pattern, Path file) throws IOException {
        Set<String> found = new TreeSet<>();
        Matcher matcher = pattern.matcher(Files.readString(file));
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    @Test
    void everyTextTheProcessesPageUsesExists() throws IOException {
        Set<String> used = matches(KEY_ON_PAGE, PAGE);
        used.addAll(matches(KEY_ON_PAGE, NAV));
        // A key ending in a dot is completed on the page (a['processes.kind.'.concat(step.kind())]): checked below.
        used.removeIf(key -> key.endsWith("."));
        used.addAll(matches(KEY_IN_CODE, BACKING));
        Arrays.stream(TemplateStep.Kind.values()).forEach(kind -> used.add("processes.kind." + kind.name()));
        Arrays.stream(TemplateSource.values()).forEach(source -> used.add("source." + source.name()));
        Set.of("IN_FORCE", "REPLACED", "RETIRED").forEach(status -> used.add("processes.status." + status));
        Arrays.stream(ProcessTemplatesBacking.StepChange.values())
                .filter(change -> change != ProcessTemplatesBacking.StepChange.SAME)
                .forEach(change -> used.add("processes.draft.change." + change.name()));

        assertThat(used).contains("processes.title", "nav.processes");
        assertThat(bundle("zh").stringPropertyNames()).containsAll(used);
        assertThat(bundle("en").stringPropertyNames()).containsAll(used);
    }

    /**
     * The staff, calendar and audit pages (issue 11) find every text they use, a day's kind and source in words, and
     * the audit page has words for every action the kernel records.
     */
    @Test
    void everyTextTheStaffCalendarAndAuditPagesUseExists() throws IOException {
        Path pages = Path.of("src/main/resources/META-INF/resources");
        Set<String> used = new TreeSet<>();
        for (String page : List.of(
                "admin/staff.xhtml",
                "admin/calendar.xhtml",
                "admin/audit.xhtml",
                "WEB-INF/includes/admin/staff-scope.xhtml")) {
            used.addAll(matches(KEY_ON_PAGE, pages.resolve(page)));
        }
        used.removeIf(key -> key.endsWith("."));
        for (String backing : List.of("StaffBacking", "CalendarBacking", "AuditBacking")) {
            used.addAll(matches(
                    Pattern.compile("\"((?:staff|calendar|audit)\\.[a-zA-Z.]+[a-zA-Z])\""),
                    Path.of("src/main/java/org/onewindow/admin/" + backing + ".java")));
        }
        used.removeIf(key -> key.startsWith("audit.action.") && !key.equals("audit.action.any")
                || key.startsWith("audit.subject.")
                || key.startsWith("audit.field.")
                || key.equals("audit.broken.at"));
        Arrays.stream(DayKind.values()).forEach(kind -> used.add("calendar.kind." + kind.name()));
        Arrays.stream(CalendarService.Source.values()).forEach(source -> used.add("calendar.source." + source.name()));
        // Every action the kernel's own services record.
        for (String action : List.of(
                "login.succeeded",
                "login.failed",
                "login.failed.locked",
                "login.refused.locked",
                "login.refused.disabled",
                "login.password.change.required",
                "logout",
                "password.changed",
                "account.created",
                "account.updated",
                "account.roles.changed",
                "account.disabled",
                "account.enabled",
                "account.unlocked",
                "account.password.reset",
                "account.moved",
                "tenant.created",
                "tenant.renamed",
                "tenant.imported",
                "tenant.relevelled",
                "tenant.retired",
                "tenant.moved",
                "tenant.merged",
                "tenant.list.applied",
                "calendar.day.added",
                "calendar.day.changed",
                "calendar.day.removed",
                "calendar.notice.imported",
                "settings.changed",
                "settings.restored")) {
            used.add("audit.action." + action);
        }

        assertThat(used).contains("staff.title", "calendar.title", "audit.export");
        assertThat(bundle("zh").stringPropertyNames()).containsAll(used);
        assertThat(bundle("en").stringPropertyNames()).containsAll(used);
    }

    /**
     * Every action a module or the kernel records in the audit trail ({@code audit.record(tenant, "action", …)}) reads
     * in words in the console, in both languages: a new action without its label fails here, not on a county's
     * audit page.
     */
    @Test
    void everyActionTheSourcesRecordHasWords() throws IOException {
        Pattern call = Pattern.compile("audit\\.record\\([^;]*?\"([a-z]+(?:\\.[a-z]+)+)\"", Pattern.DOTALL);
        Set<String> recorded = new TreeSet<>();
        for (Path sources : List.of(Path.of("../modules"), Path.of("../platform/kernel/src/main/java"))) {
            try (var files = Files.walk(sources)) {
                for (Path file : files.filter(f ->
                                f.toString().endsWith(".java") && f.toString().contains("src/main/java"))
                        .toList()) {
                    Matcher found = call.matcher(Files.readString(file));
                    while (found.find()) {
                        recorded.add("audit.action." + found.group(1));
                    }
                }
            }
        }
        assertThat(recorded).contains("audit.action.casework.case.accepted", "audit.action.settings.changed");
        assertThat(bundle("zh").stringPropertyNames()).containsAll(recorded);
        assertThat(bundle("en").stringPropertyNames()).containsAll(recorded);
    }

    /**
     * The settings page (issue 11) finds every text it uses, and every setting has its value in words, its help and
     * its hint, every source its tag.
     */
    @Test
    void everyTextTheSettingsPageUsesExists() throws IOException {
        Set<String> used = matches(KEY_ON_PAGE, Path.of("src/main/resources/META-INF/resources/admin/settings.xhtml"));
        used.removeIf(key -> key.endsWith("."));
        used.addAll(matches(
                Pattern.compile("\"(settings\\.[a-zA-Z.]+[a-zA-Z])\""),
                Path.of("src/main/java/org/onewindow/admin/SettingsBacking.java")));
        for (Setting setting : Setting.values()) {
            for (String prefix :
                    List.of("settings.value.", "settings.value.empty.", "settings.help.", "settings.hint.")) {
                used.add(prefix + setting.key());
            }
        }
        Arrays.stream(SettingSource.values()).forEach(source -> used.add("settings.source." + source.name()));
        used.add("settings.source.OWN");
        used.add("nav.settings");
        used.add("audit.subject.setting");

        assertThat(used)
                .contains("settings.title", "settings.restore.confirm", "settings.value.warningThresholdPercent");
        assertThat(bundle("zh").stringPropertyNames()).containsAll(used);
        assertThat(bundle("en").stringPropertyNames()).containsAll(used);
    }

    /** Every code the demo catalog uses in an element the console shows reads in words, not as the code. */
    @Test
    void everyCodeOfTheDemoCatalogHasWords() throws IOException {
        JsonArray items;
        try (InputStream in = AdminTextTest.class.getResourceAsStream("/org/onewindow/catalog/demo/catalog.json");
                JsonReader reader = Json.createReader(in)) {
            JsonStructure read = reader.read();
            items = read instanceof JsonArray array
                    ? array
                    : read.asJsonObject().getJsonArray("items");
        }
        Set<String> needed = new TreeSet<>();
        for (JsonValue value : items) {
            JsonObject item = value.asJsonObject();
            for (String element : List.of("type", "serviceObject", "handlingTier", "resultType", "department")) {
                if (item.get(element) instanceof JsonString code) {
                    needed.add("element." + element + "." + code.getString());
                }
            }
            item.getJsonArray("intakeTiers")
                    .forEach(t -> needed.add("element.intakeTiers." + ((JsonString) t).getString()));
            item.getJsonArray("materials")
                    .forEach(m -> needed.add("element.form." + m.asJsonObject().getString("form")));
            JsonObject process = item.getJsonObject("process");
            needed.add("element.template." + process.getString("template"));
            process.getJsonArray("steps").forEach(step -> {
                needed.add("element.step." + step.asJsonObject().getString("step"));
                needed.add("element.tier." + step.asJsonObject().getString("tier"));
            });
        }

        assertThat(needed).contains("element.serviceObject.NATURAL_PERSON", "element.department.MZ");
        assertThat(bundle("zh").stringPropertyNames()).containsAll(needed);
        assertThat(bundle("en").stringPropertyNames()).containsAll(needed);
    }

    @Test
    void theProcessesTextsHaveNoBareApostropheThatMessageFormatWouldSwallow() {
        for (Properties texts : new Properties[] {bundle("zh"), bundle("en")}) {
            texts.stringPropertyNames().stream()
                    .filter(key -> key.startsWith("processes."))
                    .forEach(key -> assertThat(texts.getProperty(key)).as(key).doesNotContain("'"));
        }
    }

    @Test
    void aStepKindReadsInWordsAndADryRunEndsInWords() {
        Properties chinese = bundle("zh");
        Properties english = bundle("en");

        assertThat(chinese.getProperty("processes.kind.SEQUENTIAL_REVIEWS")).isEqualTo("逐级审查");
        assertThat(chinese.getProperty("processes.kind.PARALLEL_REVIEWS")).isEqualTo("并联审查");
        assertThat(new MessageFormat(chinese.getProperty("processes.trial.finished"), Locale.SIMPLIFIED_CHINESE)
                        .format(new Object[] {4}))
                .isEqualTo("共4轮，流程已办结");
        assertThat(new MessageFormat(english.getProperty("processes.trial.finished"), Locale.ENGLISH)
                        .format(new Object[] {1}))
                .isEqualTo("1 round, the case is done");
        assertThat(new MessageFormat(english.getProperty("processes.trial.finished"), Locale.ENGLISH)
                        .format(new Object[] {4}))
                .isEqualTo("4 rounds, the case is done");
    }
}
