package org.onewindow.testing;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A county of one test class's own (issue 9, ADR 0034): a fresh division code, its towns and villages, its
 * departments, a service point with a window at every division, and staff with their roles, so that what a class
 * changes (a point's hours, a closure, a setting, a merge) no other class reads. The standard catalog is shared by
 * every county and offered at each, so the county's items are the demo catalog's, adapted by overrides if a test
 * wants.
 *
 * <p>Made through the product's own doors where it has one: the towns and villages by the county administrator's
 * division import, the staff below the county by the accounts API, the windows by the service points API. Three
 * things have no door for a county that did not exist at installation, and are written as the installer writes them:
 * the county itself (counties arrive by the installer's import; every administrator's scope is its own county), the
 * accounts of county-wide roles (the platform operator grants them only inside its own county), and the service
 * points and departments (the seeding's service; the API edits them but does not add them). Every account's password
 * is {@link TestDatabase#DEMO_PASSWORD}: the county-wide accounts take the demo administrator's stored hash.
 *
 * <p>A county that takes in cases has a back office ({@link Builder#backOffice()}): the departments the standard
 * catalog's items are reviewed by at each tier, and the test's own {@link #reviewer reviewers} and {@link #clerk
 * clerks} in them. The process templates need nothing of the county: the standard ones are in force in every county
 * that has not overridden them.
 *
 * <pre>{@code
 * static TestCounty county;
 *
 * @BeforeEach
 * void ownCounty() {
 *     if (county == null) county = TestCounty.named("沂河县").town("起凤镇", "华沟村").town("田庄镇").make(api);
 * }
 * }</pre>
 */
public final class TestCounty {

    /** The password of every account of a test county. */
    public static final String PASSWORD = TestDatabase.DEMO_PASSWORD;

    /** Test counties are numbered from here (9xxxxx: no province, so no demo or real code meets them). */
    static final String FIRST = "900001";

    private final String prefix;
    private final String name;
    private final Api api;
    private final Map<String, String> codes;
    private final Map<String, UUID> points;
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private Duration madeIn;

    private TestCounty(String prefix, String name, Api api, Map<String, String> codes, Map<String, UUID> points) {
        this.prefix = prefix;
        this.name = name;
        this.api = api;
        this.codes = codes;
        this.points = points;
    }

    /** A county to make, named {@code name} (its code is chosen when it is made). */
    public static Builder named(String name) {
        return new Builder(name);
    }

    /** The county's code, e.g. {@code 900001000000}. */
    public String code() {
        return prefix + "000000";
    }

    /** The county's six-digit prefix, the scope of its administrators. */
    public String prefix() {
        return prefix;
    }

    public String name() {
        return name;
    }

    /**
     * The code of the town or village named {@code division}, or of the county by its own name; a 12-digit code (a
     * division a test added itself) is answered as it is.
     */
    public String code(String division) {
        if (division.matches("\\d{12}")) {
            return division;
        }
        String code = codes.get(division);
        if (code == null) {
            throw new IllegalArgumentException("no division " + division + " in " + name + ": " + codes.keySet());
        }
        return code;
    }

    /**
     * The service point of {@code division} (the county or one of its towns and villages): {@code 县名便民服务中心}, {@code
     * 镇名便民服务中心} or {@code 村名便民服务站}.
     */
    public UUID point(String division) {
        UUID point = points.get(code(division));
        if (point == null) {
            throw new IllegalArgumentException(division + " has no service point");
        }
        return point;
    }

    /** The service point's name at {@code division}, as the county was made with it. */
    public String pointName(String division) {
        return pointName(division, TenantLevelOf.of(code(division)));
    }

    /** The username of the county's administrator (COUNTY_ADMIN), made with the county. */
    public String admin() {
        return username("county.admin");
    }

    /**
     * The deployment-unique username of an account named {@code local} here, e.g. {@code t1.county.admin} in the first
     * test county: numbered, not coded, so a message that names the account does not name the county's code.
     */
    public String username(String local) {
        return username(prefix, local);
    }

    private static String username(String prefix, String local) {
        return "t" + (Integer.parseInt(prefix) - Integer.parseInt(FIRST) + 1) + "." + local;
    }

    /** A bearer token of the account {@code username}, logged in once per county. */
    public String token(String username) {
        return tokens.computeIfAbsent(username, user -> api.token(user, PASSWORD));
    }

    /** The county administrator's token. */
    public String adminToken() {
        return token(admin());
    }

    /**
     * An account {@code local} of {@code division} with {@code roles} (and, for a reviewer, the departments of its
     * division it works for), made by the county's administrator through the accounts API; county-wide roles
     * (COUNTY_ADMIN, AUDITOR) as the installer makes them. Answers the username.
     */
    public String staff(String division, String local, Set<String> roles, String... departments) {
        String username = username(local);
        String tenant = code(division);
        if (roles.contains("COUNTY_ADMIN") || roles.contains("AUDITOR")) {
            try (Installer installer = new Installer()) {
                installer.account(prefix, tenant, username, local, roles, List.of(departments));
            }
            return username;
        }
        JsonArrayBuilder roleList = Json.createArrayBuilder();
        roles.forEach(roleList::add);
        JsonArrayBuilder departmentList = Json.createArrayBuilder();
        for (String department : departments) {
            departmentList.add(department);
        }
        Api.Answer made = api.postJson(
                "api/v1/tenants/" + tenant + "/accounts",
                adminToken(),
                Json.createObjectBuilder()
                        .add("username", username)
                        .add("displayName", local)
                        .add("password", PASSWORD)
                        .add("roles", roleList)
                        .add("departments", departmentList)
                        .build()
                        .toString());
        if (made.status() != 201) {
            throw new IllegalStateException("no account " + username + ": " + made);
        }
        return username;
    }

    /**
     * A reviewer (REVIEWER) {@code local} of {@code division} who works for {@code departments} there, e.g. {@code
     * reviewer("沂河县", "mz.reviewer", "MZ")}: the tasks of those departments' steps reach it, as {@link #staff} makes
     * it. Answers the username.
     */
    public String reviewer(String division, String local, String... departments) {
        return staff(division, local, Set.of("REVIEWER"), departments);
    }

    /** A clerk (CLERK) {@code local} at the windows of {@code division}, as {@link #staff} makes it. */
    public String clerk(String division, String local) {
        return staff(division, local, Set.of("CLERK"));
    }

    /**
     * Another service point of {@code division} named {@code pointName} ({@code kind} COUNTY_CENTRE, TOWN_CENTRE,
     * VILLAGE_STATION or SELF_SERVICE_24H), as the seeding adds one: the API edits points but does not add them.
     */
    public UUID addPoint(String division, String pointName, String kind) {
        try (Installer installer = new Installer()) {
            return installer.point(prefix, code(division), pointName, kind);
        }
    }

    /** A window of {@code point} ({@code type} as the API takes it), added by the county's administrator. */
    public UUID addWindow(UUID point, String windowName, String type) {
        Api.Answer window = api.postJson(
                "api/v1/service-points/" + point + "/windows",
                adminToken(),
                Json.createObjectBuilder()
                        .add("name", windowName)
                        .add("type", type)
                        .build()
                        .toString());
        if (window.status() != 201) {
            throw new IllegalStateException("no window " + windowName + " at " + point + ": " + window);
        }
        return UUID.fromString(window.field("id"));
    }

    /** How long making the county took (its divisions, points, windows, departments and administrator). */
    public Duration madeIn() {
        return madeIn;
    }

    @Override
    public String toString() {
        return name + " " + code();
    }

    /**
     * A standards editor (STANDARDS_EDITOR) of the county, named {@code local}, as the installer makes one: a
     * deployment-wide role, which the platform operator grants only in its own county. What the editor imports is
     * checked against this county's departments. Answers the username.
     */
    public String standardsEditor(String local) {
        String username = username(local);
        try (Installer installer = new Installer()) {
            installer.account(prefix, code(), username, local, Set.of("STANDARDS_EDITOR"), List.of());
        }
        return username;
    }

    private static String pointName(String division, String level) {
        return division + (level.equals("VILLAGE") ? "便民服务站" : "便民服务中心");
    }

    /** A county to make: its name, towns and villages, departments. */
    public static final class Builder {

        private final String name;
        private final Map<String, List<String>> towns = new LinkedHashMap<>();
        private final Map<String, Integer> numbers = new LinkedHashMap<>();
        private final List<String[]> departments = new ArrayList<>();
        private boolean backOffice;

        private Builder(String name) {
            this.name = name;
        }

        /** A town of the county with its villages, numbered in order (towns 101…, villages 201… of their town). */
        public Builder town(String town, String... villages) {
            return town(101 + towns.size(), town, villages);
        }

        /**
         * A town numbered {@code number} (the code's digits 7–9, 100…999, e.g. 106 for {@code 370321106000}) with its
         * villages numbered 201… in order: a county with the demo county's numbering.
         */
        public Builder town(int number, String town, String... villages) {
            if (number < 100 || number > 999 || numbers.containsValue(number)) {
                throw new IllegalArgumentException("town number " + number + " of " + town);
            }
            towns.put(town, List.of(villages));
            numbers.put(town, number);
            return this;
        }

        /** A department {@code code} ({@code 民政局}, short name the same) at the county, town or village named. */
        public Builder department(String division, String code, String departmentName) {
            departments.add(new String[] {division, code, departmentName});
            return this;
        }

        /**
         * The demo county's two towns under their numbers, so codes keep the demo's shape: 田庄镇 (100) with 田庄村, and
         * 起凤镇 (106) with 付庙村 and 华沟村.
         */
        public Builder demoTowns() {
            return town(100, "田庄镇", "田庄村").town(106, "起凤镇", "付庙村", "华沟村");
        }

        /**
         * The back office the standard catalog's items are routed to (受理在基层、审批在后台), as the demo county has it:
         * at the county the departments that own or review an item ({@code 沂河县民政局} MZ, {@code 沂河县残疾人联合会} CL,
         * …), at each town its {@code 社会事务办公室} (SHSW), at each village its {@code 村民委员会} (CWH), since a reviewer
         * works for a department of its division. A department added by {@link #department} in its place is kept.
         * Written as the seeding's service adds departments (the API edits them but does not add them).
         */
        public Builder backOffice() {
            backOffice = true;
            return this;
        }

        /**
         * Makes the county as {@code api}'s server sees it: the county and its administrator, the towns and villages by
         * import, a point with a 综合受理窗口 at every division, the departments (with the {@link #backOffice()}'s).
         */
        public TestCounty make(Api api) {
            try (Installer installer = new Installer()) {
                return make(api, installer);
            }
        }

        private TestCounty make(Api api, Installer installer) {
            long start = System.nanoTime();
            String prefix = installer.county(name);
            Map<String, String> codes = new LinkedHashMap<>();
            codes.put(name, prefix + "000000");
            StringBuilder csv = new StringBuilder("code,parent_code,level,name\n");
            for (Map.Entry<String, List<String>> town : towns.entrySet()) {
                int townNumber = numbers.get(town.getKey());
                String townCode = prefix + townNumber + "000";
                codes.put(town.getKey(), townCode);
                csv.append(townCode)
                        .append(',')
                        .append(prefix)
                        .append("000000,TOWN,")
                        .append(town.getKey())
                        .append('\n');
                int villageNumber = 200;
                for (String village : town.getValue()) {
                    villageNumber++;
                    String villageCode = prefix + townNumber + villageNumber;
                    codes.put(village, villageCode);
                    csv.append(villageCode)
                            .append(',')
                            .append(townCode)
                            .append(",VILLAGE,")
                            .append(village)
                            .append('\n');
                }
            }
            String admin = username(prefix, "county.admin");
            installer.account(prefix, prefix + "000000", admin, "县管理员", Set.of("COUNTY_ADMIN"), List.of());
            long installed = System.nanoTime();
            String adminToken = api.token(admin, PASSWORD);
            long loggedIn = System.nanoTime();
            if (!towns.isEmpty()) {
                Api.Answer imported = api.post("api/v1/tenants/import", adminToken, "text/csv", csv.toString());
                if (imported.status() != 200) {
                    throw new IllegalStateException("the divisions of " + name + " were refused: " + imported);
                }
            }
            long divisions = System.nanoTime();
            Map<String, UUID> points = new LinkedHashMap<>();
            for (Map.Entry<String, String> division : codes.entrySet()) {
                String level = TenantLevelOf.of(division.getValue());
                UUID point = installer.point(
                        prefix,
                        division.getValue(),
                        pointName(division.getKey(), level),
                        switch (level) {
                            case "COUNTY" -> "COUNTY_CENTRE";
                            case "TOWN" -> "TOWN_CENTRE";
                            default -> "VILLAGE_STATION";
                        });
                points.put(division.getValue(), point);
            }
            Map<String, String[]> byPlace = new LinkedHashMap<>();
            for (String[] department : departments) {
                String code = codes.get(department[0]);
                if (code == null) {
                    throw new IllegalArgumentException("no division " + department[0] + " for " + department[1]);
                }
                byPlace.put(
                        code + "/" + department[1], new String[] {code, department[1], department[2], department[2]});
            }
            if (backOffice) {
                for (Map.Entry<String, String> division : codes.entrySet()) {
                    for (String[] department :
                            BackOffice.of(division.getKey(), TenantLevelOf.of(division.getValue()))) {
                        byPlace.putIfAbsent(
                                division.getValue() + "/" + department[0],
                                new String[] {division.getValue(), department[0], department[1], department[2]});
                    }
                }
            }
            for (String[] department : byPlace.values()) {
                installer.department(prefix, department[0], department[1], department[2], department[3]);
            }
            TestCounty county = new TestCounty(
                    prefix, name, api, Collections.unmodifiableMap(codes), Collections.unmodifiableMap(points));
            county.tokens.put(admin, adminToken);
            for (UUID point : points.values()) {
                county.addWindow(point, "综合受理窗口", "COMPREHENSIVE");
            }
            long end = System.nanoTime();
            county.madeIn = Duration.ofNanos(end - start);
            System.out.printf(
                    "TestCounty %s made in %d ms (county and administrator %d, login %d, import %d, points, windows"
                            + " and departments %d)%n",
                    county,
                    county.madeIn.toMillis(),
                    (installed - start) / 1_000_000,
                    (loggedIn - installed) / 1_000_000,
                    (divisions - loggedIn) / 1_000_000,
                    (end - divisions) / 1_000_000);
            return county;
        }

        /**
         * Lays the county down in the database alone, for a class that tests the database without the server (row-level
         * security, scopes): the county, its towns and villages and a service point at every division, written as the
         * installer and the divisions' import write them, as the superuser. It has no accounts, windows or departments;
         * the tables must exist (the class runs the migrations first).
         */
        public TestCounty install() {
            try (Installer installer = new Installer()) {
                if (!departments.isEmpty()) {
                    throw new IllegalStateException("a county laid down in the database alone has no departments");
                }
                String prefix = installer.county(name);
                Map<String, String> codes = new LinkedHashMap<>();
                codes.put(name, prefix + "000000");
                for (Map.Entry<String, List<String>> town : towns.entrySet()) {
                    String townCode = prefix + numbers.get(town.getKey()) + "000";
                    codes.put(town.getKey(), townCode);
                    installer.division(prefix, townCode, prefix + "000000", "TOWN", town.getKey());
                    int villageNumber = 200;
                    for (String village : town.getValue()) {
                        villageNumber++;
                        String villageCode = townCode.substring(0, 9) + villageNumber;
                        codes.put(village, villageCode);
                        installer.division(prefix, villageCode, townCode, "VILLAGE", village);
                    }
                }
                Map<String, UUID> points = new LinkedHashMap<>();
                for (Map.Entry<String, String> division : codes.entrySet()) {
                    String level = TenantLevelOf.of(division.getValue());
                    String kind = switch (level) {
                        case "COUNTY" -> "COUNTY_CENTRE";
                        case "TOWN" -> "TOWN_CENTRE";
                        default -> "VILLAGE_STATION";
                    };
                    points.put(
                            division.getValue(),
                            installer.point(prefix, division.getValue(), pointName(division.getKey(), level), kind));
                }
                return new TestCounty(
                        prefix, name, null, Collections.unmodifiableMap(codes), Collections.unmodifiableMap(points));
            }
        }
    }

    /**
     * A platform operator (PLATFORM_OPERATOR) of the county, named {@code local}, as the installer makes the first one:
     * a deployment-wide role, which an installation holds only in its own county, so a class that asks what the role
     * may do in a county of its own has it there. Answers the username.
     */
    public String operator(String local) {
        String username = username(local);
        try (Installer installer = new Installer()) {
            installer.account(prefix, code(), username, local, Set.of("PLATFORM_OPERATOR"), List.of());
        }
        return username;
    }

    /** The departments of a division's back office by its tier, as the demo county has them: code, name, short name. */
    private static final class BackOffice {

        /** The county's departments that own or review a standard item: code, name after the county's, short name. */
        private static final List<String[]> COUNTY = List.of(
                new String[] {"XZSP", "行政审批服务局", "行政审批局"},
                new String[] {"GA", "公安局", "公安局"},
                new String[] {"ZRZY", "自然资源局", "自然资源局"},
                new String[] {"RS", "人力资源和社会保障局", "人社局"},
                new String[] {"MZ", "民政局", "民政局"},
                new String[] {"ZJ", "住房和城乡建设局", "住建局"},
                new String[] {"CZ", "财政局", "财政局"},
                new String[] {"SCJG", "市场监督管理局", "市场监管局"},
                new String[] {"YB", "医疗保障局", "医保局"},
                new String[] {"WJ", "卫生健康局", "卫健局"},
                new String[] {"CL", "残疾人联合会", "残联"},
                new String[] {"NY", "农业农村局", "农业农村局"});

        static List<String[]> of(String division, String level) {
            return switch (level) {
                case "COUNTY" ->
                    COUNTY.stream()
                            .map(d -> new String[] {d[0], division + d[1], d[2]})
                            .toList();
                case "TOWN" -> List.<String[]>of(new String[] {"SHSW", division + "社会事务办公室", "社会事务办"});
                default -> List.<String[]>of(new String[] {"CWH", division + "村民委员会", division + "委会"});
            };
        }
    }

    /** The level a code's shape says (county, town, village), as the import is told it. */
    private static final class TenantLevelOf {
        static String of(String code) {
            if (code.endsWith("000000")) {
                return "COUNTY";
            }
            return code.endsWith("000") ? "TOWN" : "VILLAGE";
        }
    }

    /**
     * What the installer writes for a county that has no door in the product (see the class comment), on one
     * superuser connection: a connection's authentication costs more than the rows.
     */
    private static final class Installer implements AutoCloseable {

        private final Connection su;

        Installer() {
            try {
                su = TestDatabase.get().superuserConnection();
            } catch (SQLException e) {
                throw new IllegalStateException("no connection to the test database", e);
            }
        }

        /** The next free test county's prefix, with its county row written. */
        String county(String name) {
            synchronized (Installer.class) {
                try {
                    String last;
                    try (PreparedStatement sql = su.prepareStatement(
                                    "select max(left(code, 6)) from tenant where level = 'COUNTY' and code like '9%'");
                            ResultSet rs = sql.executeQuery()) {
                        rs.next();
                        last = rs.getString(1);
                    }
                    String prefix = last == null ? FIRST : String.valueOf(Integer.parseInt(last) + 1);
                    write(
                            "insert into tenant (county_code, code, parent_code, level, name) values (?, ?, null,"
                                    + " 'COUNTY', ?)",
                            prefix + "000000",
                            prefix + "000000",
                            name);
                    return prefix;
                } catch (SQLException e) {
                    throw new IllegalStateException("no county " + name, e);
                }
            }
        }

        /** A town or village as the divisions' import writes it. */
        void division(String prefix, String code, String parent, String level, String name) {
            write(
                    "insert into tenant (county_code, code, parent_code, level, name) values (?, ?, ?, ?, ?)",
                    prefix + "000000",
                    code,
                    parent,
                    level,
                    name);
        }

        /** An account whose password is the demo one: it takes the demo county administrator's stored hash. */
        void account(
                String prefix,
                String tenant,
                String username,
                String displayName,
                Set<String> roles,
                List<String> departments) {
            write(
                    "insert into staff_account (county_code, id, tenant_code, username, display_name, password_hash,"
                            + " roles, departments) select ?, ?, ?, ?, ?, password_hash, ?, ? from staff_account"
                            + " where username = 'county.admin'",
                    prefix + "000000",
                    UUID.randomUUID(),
                    tenant,
                    username,
                    displayName,
                    String.join(",", roles.stream().sorted().toList()),
                    String.join(",", departments.stream().sorted().toList()));
        }

        UUID point(String prefix, String tenant, String name, String kind) {
            UUID id = UUID.randomUUID();
            write(
                    "insert into service_point (county_code, id, tenant_code, name, kind) values (?, ?, ?, ?, ?)",
                    prefix + "000000",
                    id,
                    tenant,
                    name,
                    kind);
            return id;
        }

        void department(String prefix, String tenant, String code, String name, String shortName) {
            write(
                    "insert into department (county_code, id, tenant_code, code, name, short_name) values (?, ?, ?, ?,"
                            + " ?, ?)",
                    prefix + "000000",
                    UUID.randomUUID(),
                    tenant,
                    code,
                    name,
                    shortName);
        }

        private void write(String statement, Object... values) {
            try (PreparedStatement sql = su.prepareStatement(statement)) {
                for (int i = 0; i < values.length; i++) {
                    sql.setObject(i + 1, values[i]);
                }
                if (sql.executeUpdate() != 1) {
                    throw new IllegalStateException("not written: " + statement);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(statement, e);
            }
        }

        @Override
        public void close() {
            try {
                su.close();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
