package org.onewindow.kernel.security.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.error.MessageKey;
import org.onewindow.kernel.error.Messages;
import org.onewindow.kernel.tenant.domain.DivisionCode;
import org.onewindow.kernel.tenant.domain.TenantLevel;

/**
 * Who may grant what (ADR 0008), over a county with two towns (one a street) and two villages of one town, and a
 * second county with a town: every granter × every target × every role, against a table written out in full.
 */
class GrantPolicyTest {

    private record Division(DivisionCode code, TenantLevel level) {}

    /** The divisions a grant may be aimed at, by the names the table uses. */
    private static final Map<String, Division> TARGETS = new LinkedHashMap<>();

    static {
        TARGETS.put("county", division("370321000000", TenantLevel.COUNTY)); // 桓台县
        TARGETS.put("town", division("370321106000", TenantLevel.TOWN)); // 起凤镇
        TARGETS.put("village", division("370321106202", TenantLevel.VILLAGE)); // 华沟村, in 起凤镇
        TARGETS.put("sibling-village", division("370321106201", TenantLevel.VILLAGE)); // 付庙村, in 起凤镇
        TARGETS.put("sibling-town", division("370321001000", TenantLevel.STREET)); // 索镇街道
        TARGETS.put("sibling-town-village", division("370321001201", TenantLevel.COMMUNITY));
        TARGETS.put("other-county", division("370322000000", TenantLevel.COUNTY));
        TARGETS.put("other-county-town", division("370322101000", TenantLevel.TOWN));
    }

    /** The granters: a role set held at one of the divisions above. */
    private static final Map<String, StaffPrincipal> GRANTERS = new LinkedHashMap<>();

    static {
        GRANTERS.put("operator@county", at("county", Role.PLATFORM_OPERATOR));
        GRANTERS.put("county-admin@county", at("county", Role.COUNTY_ADMIN));
        GRANTERS.put("county-admin+auditor@county", at("county", Role.COUNTY_ADMIN, Role.AUDITOR));
        GRANTERS.put("operator+county-admin@county", at("county", Role.PLATFORM_OPERATOR, Role.COUNTY_ADMIN));
        GRANTERS.put("tenant-admin@town", at("town", Role.TENANT_ADMIN));
        GRANTERS.put("tenant-admin@village", at("village", Role.TENANT_ADMIN));
        GRANTERS.put("standards-editor@county", at("county", Role.STANDARDS_EDITOR));
        GRANTERS.put("auditor@county", at("county", Role.AUDITOR));
        GRANTERS.put("window-lead+clerk+reviewer@town", at("town", Role.WINDOW_LEAD, Role.CLERK, Role.REVIEWER));
        // The account the attack made: county and deployment roles stored on a town's account take no effect.
        GRANTERS.put(
                "attacker@town",
                at("town", Role.STANDARDS_EDITOR, Role.COUNTY_ADMIN, Role.PLATFORM_OPERATOR, Role.AUDITOR));
        // A tenant administrator cannot be held at a county, so it grants nothing there.
        GRANTERS.put("tenant-admin@county", at("county", Role.TENANT_ADMIN));
    }

    /**
     * The whole matrix: Y = allowed, . = refused. Columns in {@link Role} order. A granter × target pair that is not
     * listed allows nothing.
     */
    private static final String EXPECTED = """
            granter                          target                CLERK REVIEWER WINDOW_LEAD TENANT_ADMIN COUNTY_ADMIN STANDARDS_EDITOR AUDITOR PLATFORM_OPERATOR
            operator@county                  county                .     .        .           .            Y            Y                Y       Y
            operator@county                  town                  .     .        .           .            .            .                Y       .
            operator@county                  village               .     .        .           .            .            .                Y       .
            operator@county                  sibling-village       .     .        .           .            .            .                Y       .
            operator@county                  sibling-town          .     .        .           .            .            .                Y       .
            operator@county                  sibling-town-village  .     .        .           .            .            .                Y       .
            county-admin@county              county                Y     Y        Y           .            .            .                .       .
            county-admin@county              town                  Y     Y        Y           Y            .            .                .       .
            county-admin@county              village               Y     Y        Y           Y            .            .                .       .
            county-admin@county              sibling-village       Y     Y        Y           Y            .            .                .       .
            county-admin@county              sibling-town          Y     Y        Y           Y            .            .                .       .
            county-admin@county              sibling-town-village  Y     Y        Y           Y            .            .                .       .
            county-admin+auditor@county      county                Y     Y        Y           .            .            .                .       .
            county-admin+auditor@county      town                  Y     Y        Y           Y            .            .                .       .
            county-admin+auditor@county      village               Y     Y        Y           Y            .            .                .       .
            county-admin+auditor@county      sibling-village       Y     Y        Y           Y            .            .                .       .
            county-admin+auditor@county      sibling-town          Y     Y        Y           Y            .            .                .       .
            county-admin+auditor@county      sibling-town-village  Y     Y        Y           Y            .            .                .       .
            operator+county-admin@county     county                Y     Y        Y           .            Y            Y                Y       Y
            operator+county-admin@county     town                  Y     Y        Y           Y            .            .                Y       .
            operator+county-admin@county     village               Y     Y        Y           Y            .            .                Y       .
            operator+county-admin@county     sibling-village       Y     Y        Y           Y            .            .                Y       .
            operator+county-admin@county     sibling-town          Y     Y        Y           Y            .            .                Y       .
            operator+county-admin@county     sibling-town-village  Y     Y        Y           Y            .            .                Y       .
            tenant-admin@town                town                  Y     Y        Y           .            .            .                .       .
            tenant-admin@town                village               Y     Y        Y           Y            .            .                .       .
            tenant-admin@town                sibling-village       Y     Y        Y           Y            .            .                .       .
            tenant-admin@village             village               Y     Y        Y           .            .            .                .       .
            """;

    @Test
    void everyGranterEveryTargetEveryRoleIsExactlyAsTheTableSays() {
        Map<String, Set<Role>> expected = expectedCells();
        SoftAssertions softly = new SoftAssertions();
        int cells = 0;
        for (var granter : GRANTERS.entrySet()) {
            for (var target : TARGETS.entrySet()) {
                Set<Role> allowed = expected.getOrDefault(granter.getKey() + " " + target.getKey(), Set.of());
                for (Role role : Role.values()) {
                    boolean actual = GrantPolicy.mayGrant(
                            granter.getValue(),
                            role,
                            target.getValue().code(),
                            target.getValue().level());
                    softly.assertThat(actual)
                            .as("%s grants %s at %s", granter.getKey(), role, target.getKey())
                            .isEqualTo(allowed.contains(role));
                    cells++;
                }
                softly.assertThat(GrantPolicy.grantable(
                                granter.getValue(),
                                target.getValue().code(),
                                target.getValue().level()))
                        .as("%s at %s", granter.getKey(), target.getKey())
                        .isEqualTo(allowed.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(allowed));
            }
        }
        softly.assertAll();
        assertThat(cells).isEqualTo(GRANTERS.size() * TARGETS.size() * Role.values().length);
    }

    @Test
    void theTableNamesOnlyKnownGrantersTargetsAndEveryRoleOnce() {
        String[] header = EXPECTED.lines().findFirst().orElseThrow().trim().split("\\s+");
        assertThat(Arrays.asList(header).subList(2, header.length))
                .containsExactlyElementsOf(
                        Arrays.stream(Role.values()).map(Role::name).toList());
        for (String row : expectedCells().keySet()) {
            String[] key = row.split(" ");
            assertThat(GRANTERS).containsKey(key[0]);
            assertThat(TARGETS).containsKey(key[1]);
        }
    }

    @Nested
    class Refusals {

        private final StaffPrincipal townAdmin = GRANTERS.get("tenant-admin@town");

        @Test
        void aForbiddenGrantIsA403NamingTheRoleAndTheDivision() {
            Division town = TARGETS.get("town");

            assertThatThrownBy(() -> GrantPolicy.checkGrant(
                            townAdmin, EnumSet.of(Role.CLERK, Role.STANDARDS_EDITOR), town.code(), town.level()))
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN);
                        assertThat(e.key()).isEqualTo("account.role.not.grantable");
                        assertThat(e.arguments())
                                .containsExactly(
                                        "STANDARDS_EDITOR", "370321106000", new MessageKey("role.STANDARDS_EDITOR"));
                        assertThat(Messages.format(Messages.DEFAULT_LOCALE, e))
                                .isEqualTo("您无权在区划370321106000授予角色“标准编辑”（STANDARDS_EDITOR）");
                    });
        }

        @Test
        void aGrantWithinReachPasses() {
            Division village = TARGETS.get("village");

            GrantPolicy.checkGrant(
                    townAdmin, EnumSet.of(Role.TENANT_ADMIN, Role.CLERK), village.code(), village.level());
        }

        @Test
        void nobodyChangesTheirOwnRoles() {
            StaffAccount own = account("town", "wang.fang", Role.TENANT_ADMIN);

            assertThatThrownBy(() -> GrantPolicy.checkChange(townAdmin, own, EnumSet.of(Role.CLERK), TenantLevel.TOWN))
                    .isInstanceOfSatisfying(
                            DomainException.class, e -> assertThat(e.key()).isEqualTo("account.roles.own"));
        }

        @Test
        void aRoleTheCallerCouldNotGrantIsNotTakenAwayEither() {
            StaffAccount auditorAndClerk = account("town", "li.si", Role.AUDITOR, Role.CLERK);

            assertThatThrownBy(() -> GrantPolicy.checkChange(
                            townAdmin, auditorAndClerk, EnumSet.of(Role.CLERK), TenantLevel.TOWN))
                    .isInstanceOfSatisfying(
                            DomainException.class,
                            e -> assertThat(e.arguments()).first().isEqualTo("AUDITOR"));
        }

        @Test
        void aPeerAdministratorIsChangedOnlyByTheLevelAbove() {
            StaffAccount peer = account("town", "zhao.liu", Role.TENANT_ADMIN);

            assertThatThrownBy(() -> GrantPolicy.checkChange(townAdmin, peer, EnumSet.of(Role.CLERK), TenantLevel.TOWN))
                    .isInstanceOf(DomainException.class);
            GrantPolicy.checkChange(
                    GRANTERS.get("county-admin@county"), peer, EnumSet.of(Role.CLERK), TenantLevel.TOWN);
        }

        @Test
        void aTownAdministratorManagesItsVillagesStaffButNotAPeerNorItselfNorAnAuditor() {
            Division village = TARGETS.get("village");
            StaffAccount clerk = account("village", "hg.clerk", Role.CLERK, Role.WINDOW_LEAD);
            StaffAccount villageAdmin = account("village", "hg.admin", Role.TENANT_ADMIN);

            GrantPolicy.checkManage(townAdmin, clerk, village.level());
            GrantPolicy.checkManage(townAdmin, villageAdmin, village.level());
            assertThatThrownBy(() -> GrantPolicy.checkManage(
                            townAdmin, account("town", "qf.peer", Role.TENANT_ADMIN), TenantLevel.TOWN))
                    .isInstanceOfSatisfying(
                            DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN));
            assertThatThrownBy(() -> GrantPolicy.checkManage(
                            townAdmin, account("town", "wang.fang", Role.TENANT_ADMIN), TenantLevel.TOWN))
                    .isInstanceOfSatisfying(
                            DomainException.class, e -> assertThat(e.key()).isEqualTo("account.manage.own"));
            assertThatThrownBy(() -> GrantPolicy.checkManage(
                            GRANTERS.get("county-admin@county"),
                            account("county", "county.auditor", Role.AUDITOR),
                            TenantLevel.COUNTY))
                    .isInstanceOf(DomainException.class);
            assertThatThrownBy(() -> GrantPolicy.checkManage(
                            townAdmin, account("sibling-town-village", "sj.clerk", Role.CLERK), TenantLevel.COMMUNITY))
                    .as("outside the scope")
                    .isInstanceOf(DomainException.class);
        }

        @Test
        void rolesStoredWhereTheyCannotBeHeldMayBeDroppedByWhoeverManagesTheRest() {
            StaffAccount attacker = account("town", "evil", Role.STANDARDS_EDITOR, Role.COUNTY_ADMIN, Role.CLERK);

            GrantPolicy.checkChange(townAdmin, attacker, EnumSet.of(Role.CLERK), TenantLevel.TOWN);
            assertThatThrownBy(() -> GrantPolicy.checkChange(
                            townAdmin, attacker, EnumSet.of(Role.CLERK, Role.COUNTY_ADMIN), TenantLevel.TOWN))
                    .isInstanceOf(DomainException.class);
        }
    }

    @Nested
    class EffectiveRoles {

        @Test
        void countyAndDeploymentRolesOnATownsAccountGiveNothing() {
            StaffPrincipal attacker = GRANTERS.get("attacker@town");

            assertThat(attacker.roles()).containsExactly(Role.AUDITOR);
            assertThat(attacker.has(Role.STANDARDS_EDITOR)).isFalse();
            assertThat(attacker.has(Role.COUNTY_ADMIN)).isFalse();
        }

        @Test
        void whereEachRoleMayBeHeld() {
            for (Role role : Role.values()) {
                boolean county = role.mayBeHeldAt(TenantLevel.COUNTY);
                boolean village = role.mayBeHeldAt(TenantLevel.VILLAGE);
                switch (role) {
                    case COUNTY_ADMIN, STANDARDS_EDITOR, PLATFORM_OPERATOR -> {
                        assertThat(county).as(role.name()).isTrue();
                        assertThat(village).as(role.name()).isFalse();
                    }
                    case TENANT_ADMIN -> {
                        assertThat(county).isFalse();
                        assertThat(village).isTrue();
                    }
                    default -> {
                        assertThat(county).as(role.name()).isTrue();
                        assertThat(village).as(role.name()).isTrue();
                    }
                }
            }
            assertThat(Arrays.stream(Role.values()).filter(Role::deploymentWide))
                    .containsExactlyInAnyOrder(Role.STANDARDS_EDITOR, Role.PLATFORM_OPERATOR);
        }
    }

    // --- helpers ---------------------------------------------------------------------------------

    private static Map<String, Set<Role>> expectedCells() {
        List<String> lines = new ArrayList<>(EXPECTED.lines().map(String::trim).toList());
        String[] header = lines.remove(0).split("\\s+");
        Map<String, Set<Role>> cells = new LinkedHashMap<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            String[] cell = line.split("\\s+");
            assertThat(cell).as(line).hasSameSizeAs(header);
            Set<Role> allowed = EnumSet.noneOf(Role.class);
            for (int i = 2; i < cell.length; i++) {
                assertThat(cell[i]).as(line).isIn("Y", ".");
                if (cell[i].equals("Y")) {
                    allowed.add(Role.valueOf(header[i]));
                }
            }
            assertThat(cells.put(cell[0] + " " + cell[1], allowed))
                    .as("duplicate row " + line)
                    .isNull();
        }
        return cells;
    }

    private static Division division(String code, TenantLevel level) {
        return new Division(new DivisionCode(code), level);
    }

    private static StaffPrincipal at(String target, Role... roles) {
        Division division = TARGETS.get(target);
        return new StaffPrincipal(
                "wang.fang", "王芳", division.code(), division.level(), target, Set.of(roles), Set.of());
    }

    private static StaffAccount account(String target, String username, Role... roles) {
        return new StaffAccount(TARGETS.get(target).code(), username, username, "{hash}", Set.of(roles), Set.of());
    }
}
