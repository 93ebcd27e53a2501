package org.onewindow.kernel.security.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.tenant.domain.DivisionCode;
import org.onewindow.kernel.tenant.domain.TenantLevel;

/** A staff account of one tenant, locked for a while after too many wrong passwords in a row. */
class StaffAccountTest {

    private static final DivisionCode TOWN = new DivisionCode("370321106000");
    private static final Instant NOW = Instant.parse("2025-03-01T02:00:00Z");

    private static StaffAccount clerk() {
        return new StaffAccount(TOWN, "wang.fang", "王芳", "{hash}", Set.of(Role.CLERK), Set.of());
    }

    private static void failTimes(StaffAccount account, int times) {
        for (int i = 0; i < times; i++) {
            account.recordFailedLogin(NOW.plusSeconds(i));
        }
    }

    @Nested
    class TokenVersion {

        @Test
        void aNewAccountStartsAtZeroAndALoginChangesNothing() {
            StaffAccount account = clerk();

            account.recordSuccessfulLogin();
            failTimes(account, 4);

            assertThat(account.tokenVersion()).isZero();
        }

        @Test
        void aLockoutAChangeOfRolesDisablingAndLogoutEachMoveIt() {
            StaffAccount account = clerk();

            failTimes(account, 5);
            assertThat(account.tokenVersion()).isEqualTo(1);
            account.changeRoles(Set.of(Role.WINDOW_LEAD));
            assertThat(account.tokenVersion()).isEqualTo(2);
            assertThat(account.roles()).containsExactly(Role.WINDOW_LEAD);
            account.revokeTokens();
            assertThat(account.tokenVersion()).isEqualTo(3);
            account.disable();
            assertThat(account.tokenVersion()).isEqualTo(4);
            assertThat(account.enabled()).isFalse();
        }
    }

    @Nested
    class Lockout {

        @Test
        void aNewAccountIsEnabledAndUnlocked() {
            StaffAccount account = clerk();

            assertThat(account.enabled()).isTrue();
            assertThat(account.failedLogins()).isZero();
            assertThat(account.lockedUntil()).isNull();
            assertThat(account.isLockedAt(NOW)).isFalse();
        }

        @Test
        void fourWrongPasswordsDoNotLock() {
            StaffAccount account = clerk();

            failTimes(account, 4);

            assertThat(account.failedLogins()).isEqualTo(4);
            assertThat(account.isLockedAt(NOW.plusSeconds(4))).isFalse();
            assertThat(account.lockedUntil()).isNull();
        }

        @Test
        void theFifthWrongPasswordLocksForFifteenMinutes() {
            StaffAccount account = clerk();
            failTimes(account, 4);
            Instant fifth = NOW.plusSeconds(60);

            account.recordFailedLogin(fifth);

            assertThat(StaffAccount.MAX_FAILED_LOGINS).isEqualTo(5);
            assertThat(StaffAccount.LOCK_DURATION).isEqualTo(Duration.ofMinutes(15));
            assertThat(account.lockedUntil()).isEqualTo(fifth.plus(Duration.ofMinutes(15)));
            assertThat(account.isLockedAt(fifth)).isTrue();
            assertThat(account.isLockedAt(fifth.plus(Duration.ofMinutes(15)).minusNanos(1)))
                    .isTrue();
        }

        @Test
        void theLockEndsAfterFifteenMinutes() {
            StaffAccount account = clerk();
            failTimes(account, 5);
            Instant until = account.lockedUntil();

            assertThat(account.isLockedAt(until)).isFalse();
            assertThat(account.isLockedAt(until.plusSeconds(1))).isFalse();
        }

        @Test
        void afterALockTheCountStartsAgain() {
            StaffAccount account = clerk();
            failTimes(account, 5);

            assertThat(account.failedLogins()).isZero();
        }

        @Test
        void aSuccessfulLoginResetsTheCount() {
            StaffAccount account = clerk();
            failTimes(account, 4);

            account.recordSuccessfulLogin();
            failTimes(account, 4);

            assertThat(account.failedLogins()).isEqualTo(4);
            assertThat(account.isLockedAt(NOW.plusSeconds(4))).isFalse();
        }

        @Test
        void aSuccessfulLoginLiftsALock() {
            StaffAccount account = clerk();
            failTimes(account, 5);

            account.recordSuccessfulLogin();

            assertThat(account.lockedUntil()).isNull();
            assertThat(account.isLockedAt(NOW)).isFalse();
        }
    }

    @Nested
    class Identity {

        @Test
        void rolesAndDepartmentsRoundTrip() {
            StaffAccount reviewer = new StaffAccount(
                    TOWN,
                    "li.lei",
                    "李雷",
                    "{hash}",
                    Set.of(Role.REVIEWER, Role.WINDOW_LEAD, Role.AUDITOR),
                    Set.of("MZJ", "GTJ"));

            assertThat(reviewer.roles()).containsExactlyInAnyOrder(Role.REVIEWER, Role.WINDOW_LEAD, Role.AUDITOR);
            assertThat(reviewer.departments()).containsExactly("GTJ", "MZJ");
        }

        @Test
        void noRolesAndNoDepartmentsRoundTripAsEmpty() {
            StaffAccount account = new StaffAccount(TOWN, "nobody", "无名", "{hash}", Set.of(), Set.of());

            assertThat(account.roles()).isEmpty();
            assertThat(account.departments()).isEmpty();
        }

        @Test
        void theAccountBelongsToItsTenant() {
            StaffAccount account = clerk();

            assertThat(account.tenantCode()).isEqualTo(TOWN);
            assertThat(account.username()).isEqualTo("wang.fang");
            assertThat(account.displayName()).isEqualTo("王芳");
            assertThat(account.id()).isNotNull();
            assertThat(clerk().id()).isNotEqualTo(account.id());
        }
    }

    @Nested
    class Principal {

        private StaffPrincipal principal(DivisionCode tenant, TenantLevel level, Set<Role> roles) {
            return new StaffPrincipal("wang.fang", "王芳", tenant, level, "起凤镇", roles, Set.of());
        }

        @Test
        void aTownPrincipalSeesItsTownAndItsVillagesOnly() {
            StaffPrincipal principal = principal(TOWN, TenantLevel.TOWN, Set.of(Role.CLERK));

            assertThat(principal.scope()).isEqualTo("370321106");
            assertThat(principal.sees(TOWN)).isTrue();
            assertThat(principal.sees(new DivisionCode("370321106202"))).isTrue();
            assertThat(principal.sees(new DivisionCode("370321107202"))).isFalse();
            assertThat(principal.sees(new DivisionCode("370321000000"))).isFalse();
        }

        @Test
        void aCountyPrincipalSeesTheWholeCounty() {
            StaffPrincipal principal =
                    principal(new DivisionCode("370321000000"), TenantLevel.COUNTY, Set.of(Role.COUNTY_ADMIN));

            assertThat(principal.scope()).isEqualTo("370321");
            assertThat(principal.sees(new DivisionCode("370321107202"))).isTrue();
            assertThat(principal.sees(new DivisionCode("370322106202"))).isFalse();
        }

        @Test
        void onlyAdministratorRolesAdminister() {
            assertThat(principal(TOWN, TenantLevel.TOWN, Set.of(Role.CLERK, Role.REVIEWER))
                            .administers())
                    .isFalse();
            assertThat(principal(TOWN, TenantLevel.TOWN, Set.of(Role.CLERK, Role.TENANT_ADMIN))
                            .administers())
                    .isTrue();
            assertThat(principal(TOWN, TenantLevel.TOWN, Set.of(Role.TENANT_ADMIN))
                            .has(Role.TENANT_ADMIN))
                    .isTrue();
            assertThat(principal(TOWN, TenantLevel.TOWN, Set.of(Role.TENANT_ADMIN))
                            .has(Role.CLERK))
                    .isFalse();
        }

        @Test
        void theNameIsTheUsername() {
            assertThat(principal(TOWN, TenantLevel.TOWN, Set.of()).getName()).isEqualTo("wang.fang");
        }
    }
}
