package org.onewindow.kernel.security.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.security.domain.Role;
import org.onewindow.kernel.security.domain.StaffPrincipal;
import org.onewindow.kernel.tenant.domain.DivisionCode;
import org.onewindow.kernel.tenant.domain.TenantLevel;

/**
 * Tokens that stay true (issue 8): a token works only while its account is as it was when the token was issued,
 * and only inside the lifetime this deployment issues.
 */
class TokenServiceTest {

    private static final DivisionCode QIFENG = DivisionCode.of("370321106000");
    private static final DivisionCode HUAGOU = DivisionCode.of("370321106202");
    private static final Instant T0 = Instant.parse("2026-11-30T02:00:00Z");

    private static SigningKeys keys;

    private final StoredAccounts stored = new StoredAccounts();
    private final MovableClock clock = new MovableClock();
    private TokenService tokens;

    /** The accounts table as verification sees it, changed by the tests. */
    static class StoredAccounts extends TokenAccounts {
        final Map<String, State> byUsername = new HashMap<>();
        int reads;

        @Override
        public Optional<State> find(String username) {
            reads++;
            return Optional.ofNullable(byUsername.get(username));
        }
    }

    static class MovableClock extends Clock {
        Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeAll
    static void signingKey() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        keys = new SigningKeys();
        keys.configuredKey = Optional.of(Base64.getEncoder()
                .encodeToString(rsa.generateKeyPair().getPrivate().getEncoded()));
        keys.load();
    }

    @BeforeEach
    void tokenService() {
        tokens = new TokenService();
        tokens.keys = keys;
        tokens.accounts = stored;
        tokens.issuer = "https://onewindow.local";
        tokens.lifetime = Duration.ofMinutes(30);
        tokens.accountCheck = Duration.ofSeconds(5);
        tokens.clock = clock;
        store(clerk(0));
    }

    // --- the account as stored -------------------------------------------------------------------

    @Test
    void aTokenOfAnUnchangedAccountIsAccepted() throws Exception {
        String token = tokens.issue(principal());

        StaffPrincipal caller = tokens.verify(token);

        assertThat(caller.username()).isEqualTo("wang.fang");
        assertThat(caller.roles()).containsExactly(Role.CLERK);
        assertThat(SignedJWT.parse(token).getJWTClaimsSet().getLongClaim("ver")).isZero();
    }

    @Nested
    class AChangeOfTheAccountEndsItsTokens {

        @Test
        void aChangeOfRolesAtOnceOnThisNode() throws Exception {
            String token = tokens.issue(principal());
            tokens.verify(token);

            store(state(QIFENG, TenantLevel.TOWN, Set.of(Role.WINDOW_LEAD), true, null, 1));
            tokens.forget("wang.fang");

            assertRefused(token, "token.revoked");
        }

        @Test
        void onOtherNodesWithinTheAccountCheckAndNotBefore() throws Exception {
            String token = tokens.issue(principal());
            tokens.verify(token);
            store(clerk(1));

            clock.now = T0.plusSeconds(4);
            assertThat(tokens.verify(token).username())
                    .as("the stored account is read again only after 5 s")
                    .isEqualTo("wang.fang");
            clock.now = T0.plusSeconds(6);
            assertRefused(token, "token.revoked");
        }

        @Test
        void disabling() throws Exception {
            String token = tokens.issue(principal());
            store(state(QIFENG, TenantLevel.TOWN, Set.of(Role.CLERK), false, null, 0));
            tokens.forget("wang.fang");

            assertRefused(token, "token.revoked");
        }

        @Test
        void aLockoutWhileItLasts() throws Exception {
            String token = tokens.issue(principal());
            store(state(QIFENG, TenantLevel.TOWN, Set.of(Role.CLERK), true, T0.plusSeconds(900), 0));
            tokens.forget("wang.fang");

            assertRefused(token, "token.revoked");
        }

        @Test
        void removingTheAccount() throws Exception {
            String token = tokens.issue(principal());
            stored.byUsername.clear();
            tokens.forget("wang.fang");

            assertRefused(token, "token.subject");
        }

        @Test
        void aMoveToAnotherTenantEvenWithTheSameVersion() throws Exception {
            String token = tokens.issue(principal());
            store(state(HUAGOU, TenantLevel.VILLAGE, Set.of(Role.CLERK), true, null, 0));
            tokens.forget("wang.fang");

            assertRefused(token, "token.mismatch");
        }

        @Test
        void rolesThatNoLongerMatchEvenWithTheSameVersion() throws Exception {
            String token = tokens.issue(principal());
            store(state(QIFENG, TenantLevel.TOWN, Set.of(Role.CLERK, Role.TENANT_ADMIN), true, null, 0));
            tokens.forget("wang.fang");

            assertRefused(token, "token.mismatch");
        }

        @Test
        void aVerifiedTokenStillReadsTheAccountNoMoreThanOncePerCheckPeriod() throws Exception {
            String token = tokens.issue(principal());
            int before = stored.reads;

            for (int i = 0; i < 50; i++) {
                tokens.verify(token);
            }

            assertThat(stored.reads - before).isEqualTo(1);
        }
    }

    @Test
    void aConsoleSessionIsCheckedAsATokenIs() throws Exception {
        int version = tokens.versionOf("wang.fang");
        tokens.verifySession(principal(), version);

        store(clerk(version + 1));
        tokens.forget("wang.fang");

        assertThatThrownBy(() -> tokens.verifySession(principal(), version))
                .isInstanceOf(TokenService.InvalidTokenException.class)
                .hasMessage("token.revoked");
        assertThat(tokens.versionOf("nobody")).isEqualTo(-1);
    }

    // --- the token's own claims ------------------------------------------------------------------

    @Nested
    class ClaimsThisDeploymentNeverIssues {

        @Test
        void aFutureNotBefore() throws Exception {
            String token = sign(claims().notBeforeTime(Date.from(T0.plusSeconds(120))));

            assertRefused(token, "token.not.yet.valid");
        }

        @Test
        void aFutureIssueTime() throws Exception {
            String token = sign(
                    claims().issueTime(Date.from(T0.plusSeconds(120))).expirationTime(Date.from(T0.plusSeconds(600))));

            assertRefused(token, "token.not.yet.valid");
        }

        @Test
        void aNotBeforeWithinTheClockSkewIsFine() throws Exception {
            String token = sign(claims().notBeforeTime(Date.from(T0.plusSeconds(10))));

            assertThat(tokens.verify(token).username()).isEqualTo("wang.fang");
        }

        @Test
        void aLifetimeLongerThanConfigured() throws Exception {
            String token = sign(claims().expirationTime(Date.from(T0.plus(Duration.ofHours(2)))));

            assertRefused(token, "token.lifetime");
        }

        @Test
        void noIssueTime() throws Exception {
            assertRefused(sign(claims().issueTime(null)), "token.claims");
        }

        @Test
        void noTokenVersion() throws Exception {
            assertRefused(sign(claims().claim("ver", null)), "token.claims");
        }

        @Test
        void aSubjectOtherThanTheUser() throws Exception {
            assertRefused(sign(claims().subject("county.admin")), "token.claims");
        }

        @Test
        void anUnknownSubject() throws Exception {
            assertRefused(sign(claims().subject("nobody").claim("upn", "nobody")), "token.subject");
        }

        @Test
        void aClaimedLevelOtherThanTheTenantsStoredOne() throws Exception {
            assertRefused(sign(claims().claim("tenant_level", "COUNTY")), "token.mismatch");
        }

        @Test
        void aClaimedRoleTheAccountDoesNotHold() throws Exception {
            assertRefused(sign(claims().claim("groups", List.of("CLERK", "TENANT_ADMIN"))), "token.mismatch");
        }
    }

    // --- helpers ---------------------------------------------------------------------------------

    private void assertRefused(String token, String reason) {
        assertThatThrownBy(() -> tokens.verify(token))
                .isInstanceOf(TokenService.InvalidTokenException.class)
                .hasMessage(reason);
    }

    private static StaffPrincipal principal() {
        return new StaffPrincipal("wang.fang", "王芳", QIFENG, TenantLevel.TOWN, "起凤镇", Set.of(Role.CLERK), Set.of());
    }

    private static TokenAccounts.State clerk(int tokenVersion) {
        return state(QIFENG, TenantLevel.TOWN, Set.of(Role.CLERK), true, null, tokenVersion);
    }

    private static TokenAccounts.State state(
            DivisionCode tenant,
            TenantLevel level,
            Set<Role> roles,
            boolean enabled,
            Instant lockedUntil,
            int version) {
        return new TokenAccounts.State(tenant, level, roles, Set.of(), enabled, lockedUntil, version);
    }

    private void store(TokenAccounts.State state) {
        stored.byUsername.put("wang.fang", state);
    }

    /** What {@link TokenService#issue} would sign for wang.fang at T0, for a test to bend. */
    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder()
                .issuer("https://onewindow.local")
                .subject("wang.fang")
                .claim("upn", "wang.fang")
                .claim("name", "王芳")
                .claim("groups", List.of("CLERK"))
                .claim("tenant", QIFENG.value())
                .claim("tenant_level", "TOWN")
                .claim("tenant_name", "起凤镇")
                .claim("departments", List.of())
                .claim("ver", 0)
                .issueTime(Date.from(T0))
                .expirationTime(Date.from(T0.plus(Duration.ofMinutes(30))));
    }

    private static String sign(JWTClaimsSet.Builder claims) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims.build());
        jwt.sign(new RSASSASigner(keys.privateKey()));
        return jwt.serialize();
    }
}
