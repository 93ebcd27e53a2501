package org.onewindow.app;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.onewindow.catalog.application.StandardsService;
import org.onewindow.catalog.domain.ItemElements;
import org.onewindow.kernel.json.Json;
import org.onewindow.kernel.scope.Scope;
import org.onewindow.kernel.scope.Scopes;
import org.onewindow.kernel.security.application.AccountService;
import org.onewindow.kernel.security.domain.Role;
import org.onewindow.kernel.tenant.application.ServicePointService;
import org.onewindow.kernel.tenant.application.TenantService;
import org.onewindow.kernel.tenant.domain.DivisionCode;
import org.onewindow.kernel.tenant.domain.OpeningHours;
import org.onewindow.kernel.tenant.domain.ServicePoint;
import org.onewindow.kernel.tenant.domain.ServicePointKind;
import org.onewindow.kernel.tenant.domain.Tenant;
import org.onewindow.kernel.tenant.domain.TenantLevel;
import org.onewindow.kernel.tenant.domain.WindowType;

/**
 * The demo county (桓台县, its towns and the villages of three of them), its departments, service
 * points, the demo accounts and the demo catalog. Loaded once, in one transaction, and only when {@code onewindow.demo}
 * is true: demo accounts never exist in a production deployment. Then, on every start, the demo cases
 * ({@link DemoCases}), each in its own transaction; those made before are replayed, not taken in again.
 */
@Singleton
@Startup
@DependsOn({"Database", "StandardTemplates"})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoData {

    public static final String COUNTY = "370321000000";
    public static final String QIFENG = "370321106000";
    public static final String HUAGOU = "370321106202";
    public static final String FUMIAO = "370321106201";

    /** The demo catalog the catalog module ships. */
    static final String CATALOG = "/org/onewindow/catalog/demo/catalog.json";

    /** The application forms (申请表) of some demo items, by item code, as the catalog module ships them. */
    static final String FORMS = "/org/onewindow/catalog/demo/forms.json";

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    @Inject
    @ConfigProperty(name = "onewindow.demo", defaultValue = "false")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "onewindow.demo.password")
    Optional<String> configuredPassword;

    @Inject
    Scopes scopes;

    @Inject
    Loader loader;

    @Inject
    DemoCases cases;

    @PostConstruct
    void load() {
        if (!enabled) {
            return;
        }
        // The installer: operator to appoint the county's administrators, auditor and standards editor, county
        // administrator to import the divisions and appoint the staff of the towns, editor to load the catalog.
        Scope seeding = Scope.system(
                "demo-data",
                DivisionCode.of(COUNTY),
                TenantLevel.COUNTY,
                Role.PLATFORM_OPERATOR,
                Role.COUNTY_ADMIN,
                Role.STANDARDS_EDITOR);
        scopes.run(seeding, () -> {
            if (loader.loaded()) {
                LOG.info("Demo data already present");
                // A demo database from before the catalog existed gets it on its next start.
                if (!loader.catalogLoaded()) {
                    loader.loadCatalog();
                }
            } else {
                String password = configuredPassword.filter(p -> !p.isBlank()).orElseGet(DemoData::randomPassword);
                loader.load(password);
                if (configuredPassword.filter(p -> !p.isBlank()).isEmpty()) {
                    LOG.warning("Demo accounts created with the generated password: " + password
                            + "  (set ONEWINDOW_DEMO_PASSWORD to choose one)");
                }
            }
            // On every start: a restart replays the cases' idempotency keys and takes nothing in again.
            cases.load();
        });
    }

    /** The demo catalog's items as demo mode publishes them: each with its application form where it has one. */
    static JsonArray catalogItems() {
        return withForms(read(CATALOG).getJsonArray("items"), read(FORMS));
    }

    /** The items with the form of each that {@code forms} has as its {@code applicationForm} element. */
    private static JsonArray withForms(JsonArray items, JsonObject forms) {
        JsonObject byItem = forms.getJsonObject("forms");
        JsonArrayBuilder merged = Json.createArrayBuilder();
        for (JsonValue value : items) {
            JsonObject item = value.asJsonObject();
            JsonObject form = byItem.getJsonObject(item.getString("code"));
            merged.add(
                    form == null
                            ? item
                            : Json.createObjectBuilder(item)
                                    .add(ItemElements.APPLICATION_FORM, form)
                                    .build());
        }
        return merged.build();
    }

    private static JsonObject read(String resource) {
        try (JsonReader reader = Json.createReader(
                new InputStreamReader(DemoData.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            return reader.readObject();
        }
    }

    private static String randomPassword() {
        String alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }

    /** The loading itself, in one transaction so a failure leaves no half-loaded demo. */
    @ApplicationScoped
    public static class Loader {

        @Inject
        TenantService tenants;

        @Inject
        ServicePointService servicePoints;

        @Inject
        AccountService accounts;

        @Inject
        StandardsService standards;

        public boolean loaded() {
            return tenants.exists(COUNTY);
        }

        public boolean catalogLoaded() {
            return standards.anyItem();
        }

        /** The demo catalog, each item as its published version 1, with its application form where it has one. */
        @Transactional
        public void loadCatalog() {
            int items = standards.importPublished(catalogItems());
            LOG.info("Demo catalog loaded: " + items + " items");
        }

        @Transactional
        public void load(String password) {
            try (InputStream csv = DemoData.class.getResourceAsStream("demo/tenants.csv")) {
                tenants.importCsv(csv.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            loadDepartments();
            loadServicePoints();
            accounts.create(
                    COUNTY, "platform.operator", "平台运维管理员", password, EnumSet.of(Role.PLATFORM_OPERATOR), Set.of());
            accounts.create(COUNTY, "county.admin", "县管理员", password, EnumSet.of(Role.COUNTY_ADMIN), Set.of());
            // Separate from the administrators it watches (三员分立, ADR 0008).
            accounts.create(COUNTY, "county.auditor", "县审计员", password, EnumSet.of(Role.AUDITOR), Set.of());
            accounts.create(COUNTY, "standards.editor", "标准编辑", password, EnumSet.of(Role.STANDARDS_EDITOR), Set.of());
            accounts.create(COUNTY, "mz.reviewer", "民政局审批员", password, EnumSet.of(Role.REVIEWER), Set.of("MZ"));
            // The back office of the demo items: a second civil-affairs reviewer, the housing and finance
            // departments of the joint construction permit, the county's own window, and the reviewers of the
            // village and town tiers of 最低生活保障.
            accounts.create(COUNTY, "mz.reviewer2", "民政局审批员（二）", password, EnumSet.of(Role.REVIEWER), Set.of("MZ"));
            accounts.create(COUNTY, "zj.reviewer", "住建局审批员", password, EnumSet.of(Role.REVIEWER), Set.of("ZJ"));
            accounts.create(COUNTY, "cz.reviewer", "财政局审批员", password, EnumSet.of(Role.REVIEWER), Set.of("CZ"));
            accounts.create(COUNTY, "county.clerk", "县便民服务中心窗口人员", password, EnumSet.of(Role.CLERK), Set.of());
            accounts.create(QIFENG, "qifeng.reviewer", "起凤镇审核员", password, EnumSet.of(Role.REVIEWER), Set.of("SHSW"));
            accounts.create(HUAGOU, "huagou.reviewer", "华沟村村委审核员", password, EnumSet.of(Role.REVIEWER), Set.of("CWH"));
            // 付庙村's 低保 passes its village committee first, as 华沟村's does.
            accounts.create(FUMIAO, "fumiao.reviewer", "付庙村村委审核员", password, EnumSet.of(Role.REVIEWER), Set.of("CWH"));
            accounts.create(QIFENG, "qifeng.admin", "起凤镇管理员", password, EnumSet.of(Role.TENANT_ADMIN), Set.of());
            accounts.create(QIFENG, "qifeng.clerk", "起凤镇窗口人员", password, EnumSet.of(Role.CLERK), Set.of());
            accounts.create(HUAGOU, "huagou.clerk", "华沟村代办员", password, EnumSet.of(Role.CLERK), Set.of());
            accounts.create(FUMIAO, "fumiao.clerk", "付庙村代办员", password, EnumSet.of(Role.CLERK), Set.of());
            loadCatalog();
            LOG.info("Demo county 桓台县 loaded");
        }

        private void loadDepartments() {
            try (BufferedReader csv = new BufferedReader(resource("departments.csv"))) {
                csv.lines().skip(1).filter(line -> !line.isBlank()).forEach(line -> {
                    String[] cells = line.split(",");
                    servicePoints.addDepartment(cells[1], cells[0], cells[2], cells[3]);
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void loadServicePoints() {
            ServicePoint centre = servicePoints.create(COUNTY, "桓台县便民服务中心", ServicePointKind.COUNTY_CENTRE, "桓台县索镇街道");
            for (WindowType type : WindowType.values()) {
                servicePoints.addWindow(centre.id(), windowName(type), type);
            }
            servicePoints.describe(
                    centre.id(),
                    new ServicePointService.PointDetails(
                            centre.name(), centre.address(), "0533-8210000", HALL_HOURS, true, "24小时"),
                    centre.version());
            servicePoints.create(COUNTY, "桓台县24小时自助服务区", ServicePointKind.SELF_SERVICE_24H, "桓台县便民服务中心一楼");
            for (Tenant town : tenants.children(COUNTY)) {
                ServicePoint point = servicePoints.create(
                        town.code().value(), town.name() + "便民服务中心", ServicePointKind.TOWN_CENTRE, null);
                servicePoints.addWindow(point.id(), "综合受理窗口", WindowType.COMPREHENSIVE);
                servicePoints.addWindow(point.id(), "社会事务窗口", WindowType.SOCIAL_AFFAIRS);
            }
            for (Tenant village : tenants.children(QIFENG)) {
                ServicePoint point = servicePoints.create(
                        village.code().value(), village.name() + "便民服务站", ServicePointKind.VILLAGE_STATION, null);
                servicePoints.addWindow(point.id(), "综合代办窗口", WindowType.COMPREHENSIVE);
            }
        }

        /** A hall's week as most keep it: weekdays with a lunch break (午休). */
        private static final OpeningHours HALL_HOURS = OpeningHours.of(Stream.of(
                        DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)
                .map(day -> new OpeningHours.Day(
                        day, LocalTime.of(8, 30), LocalTime.of(12, 0), LocalTime.of(13, 30), LocalTime.of(17, 30)))
                .toList());

        private static String windowName(WindowType type) {
            return switch (type) {
                case COMPREHENSIVE -> "综合受理窗口";
                case LEGAL_PERSON -> "法人事项窗口";
                case CONSTRUCTION_PROJECT -> "工程建设项目联审窗口";
                case SOCIAL_AFFAIRS -> "社会事务窗口";
                case NATURAL_PERSON -> "自然人事项窗口";
                case HUMAN_RESOURCES -> "人力资源和社会保障窗口";
                case SELF_SERVICE -> "自助服务窗口";
                case CONSULTATION -> "咨询导办窗口";
                case ISSUANCE -> "出件窗口";
            };
        }

        private static Reader resource(String name) {
            return new InputStreamReader(DemoData.class.getResourceAsStream("demo/" + name), StandardCharsets.UTF_8);
        }
    }
}
