package org.onewindow.kernel.security.application;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.onewindow.kernel.security.domain.Role;
import org.onewindow.kernel.security.domain.StaffPrincipal;
import org.onewindow.kernel.tenant.domain.DivisionCode;
import org.onewindow.kernel.tenant.domain.TenantLevel;

/**
 * Bearer tokens in the MicroProfile JWT shape ({@code upn}, {@code groups}, RS256) with the tenant
 * and scope as extra claims. Anything but RS256 signed by our key, from our issuer, in its lifetime,
 * is refused. A token also stays true to its account (issue 8, ASVS 5.0 V7): it names the account's token
 * version ({@code ver}), and is refused once the account is disabled, locked, logged out or its roles change
 * (the version moves), when its subject is unknown or its claims (tenant, level, roles, departments) no longer match
 * the stored account, when it is not yet valid ({@code nbf}, {@code iat} in the future) and when it claims a lifetime
 * longer than configured. The stored account is read at most once per {@code onewindow.jwt.account-check} (default 5
 * seconds) per username, and at once on this node after a change made here ({@link #forget}).
 */
@ApplicationScoped
public class TokenService {

    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    /** Verified tokens kept until they expire; a department system sends the same token many times. */
    private static final int VERIFIED_CACHE_SIZE = 10_000;

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    private record Verified(StaffPrincipal principal, Instant expires, int tokenVersion) {}

    /** Stored accounts as last read, by username; an empty state means "no such account". */
    private final Map<String, Looked> accountsSeen = new ConcurrentHashMap<>();

    private record Looked(Optional<TokenAccounts.State> state, Instant at) {}

    @Inject
    SigningKeys keys;

    @Inject
    TokenAccounts accounts;

    @Inject
    @ConfigProperty(name = "onewindow.jwt.account-check", defaultValue = "PT5S")
    Duration accountCheck;

    @Resource
    TransactionSynchronizationRegistry transaction;

    /** Where time comes from; a test sets its own. */
    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "onewindow.jwt.issuer", defaultValue = "https://onewindow.local")
    String issuer;

    @Inject
    @ConfigProperty(name = "onewindow.jwt.lifetime", defaultValue = "PT30M")
    Duration lifetime;

    /** The token was not accepted; the key says why, for the log and the 401 body. */
    public static class InvalidTokenException extends Exception {
        public InvalidTokenException(String reason) {
            super(reason);
        }
    }

    public Duration lifetime() {
        return lifetime;
    }

    /**
     * A token for {@code principal}, naming its account's current token version; throws {@link
     * IllegalStateException} when the account does not exist (a principal comes from a login, so it does).
     */
    public String issue(StaffPrincipal principal) {
        Instant now = clock.instant();
        TokenAccounts.State account = accounts.find(principal.username())
                .orElseThrow(() -> new IllegalStateException("no account " + principal.username()));
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(principal.username())
                .claim("upn", principal.username())
                .claim("name", principal.displayName())
                .claim(
                        "groups",
                        principal.roles().stream().map(Role::name).sorted().toList())
                .claim("tenant", principal.tenantCode().value())
                .claim("tenant_level", principal.tenantLevel().name())
                .claim("tenant_name", principal.tenantName())
                .claim("departments", principal.departments().stream().sorted().toList())
                .claim("ver", account.tokenVersion())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        try {
            jwt.sign(new RSASSASigner(keys.privateKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** The caller a token speaks for; refused with the reason as the exception's message key. */
    public StaffPrincipal verify(String token) throws InvalidTokenException {
        Instant now = clock.instant();
        Verified known = verified.get(token);
        if (known == null || !known.expires().plus(CLOCK_SKEW).isAfter(now)) {
            known = verifySignatureAndClaims(token, now);
            if (verified.size() >= VERIFIED_CACHE_SIZE) {
                verified.clear();
            }
            verified.put(token, known);
        }
        checkAgainstAccount(known, now);
        return known.principal();
    }

    /** The account's current token version, for a console session to remember at login; -1 when none. */
    public int versionOf(String username) {
        return accounts.find(username).map(TokenAccounts.State::tokenVersion).orElse(-1);
    }

    /**
     * Checks a console session's principal, remembered with the token version of its login, as a token is checked:
     * a logout elsewhere, a lockout, disabling or a change of roles or tenant ends the session too.
     */
    public void verifySession(StaffPrincipal principal, int tokenVersion) throws InvalidTokenException {
        checkAgainstAccount(new Verified(principal, null, tokenVersion), clock.instant());
    }

    /** Forgets what this node last read of the account, after a change that must reach its tokens at once. */
    public void forget(String username) {
        accountsSeen.remove(username);
        if (transaction != null && transaction.getTransactionKey() != null) {
            // Again once the change is committed: a verification in between may have read the account as it was.
            transaction.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {}

                @Override
                public void afterCompletion(int status) {
                    accountsSeen.remove(username);
                }
            });
        }
    }

    private void checkAgainstAccount(Verified token, Instant now) throws InvalidTokenException {
        StaffPrincipal claimed = token.principal();
        TokenAccounts.State account =
                storedAccount(claimed.username(), now).orElseThrow(() -> new InvalidTokenException("token.subject"));
        if (!account.usableAt(now) || account.tokenVersion() != token.tokenVersion()) {
            throw new InvalidTokenException("token.revoked");
        }
        boolean matches = account.tenant().equals(claimed.tenantCode())
                && account.level() == claimed.tenantLevel()
                && Role.effectiveAt(account.roles(), account.level()).equals(claimed.roles())
                && account.departments().equals(claimed.departments());
        if (!matches) {
            throw new InvalidTokenException("token.mismatch");
        }
    }

    private Optional<TokenAccounts.State> storedAccount(String username, Instant now) {
        Looked seen = accountsSeen.get(username);
        if (seen == null
                || !seen.at().plus(accountCheck).isAfter(now)
                || seen.at().isAfter(now)) {
            seen = new Looked(accounts.find(username), now);
            if (accountsSeen.size() >= VERIFIED_CACHE_SIZE) {
                accountsSeen.clear();
            }
            accountsSeen.put(username, seen);
        }
        return seen.state();
    }

    private Verified verifySignatureAndClaims(String token, Instant now) throws InvalidTokenException {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
                throw new InvalidTokenException("token.algorithm");
            }
            if (!jwt.verify(new RSASSAVerifier(keys.publicKey()))) {
                throw new InvalidTokenException("token.signature");
            }
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException | JOSEException e) {
            throw new InvalidTokenException("token.malformed");
        }
        if (!issuer.equals(claims.getIssuer())) {
            throw new InvalidTokenException("token.issuer");
        }
        if (claims.getExpirationTime() == null
                || claims.getExpirationTime().toInstant().plus(CLOCK_SKEW).isBefore(now)) {
            throw new InvalidTokenException("token.expired");
        }
        if (claims.getIssueTime() == null) {
            throw new InvalidTokenException("token.claims");
        }
        Instant issued = claims.getIssueTime().toInstant();
        if (issued.minus(CLOCK_SKEW).isAfter(now)
                || (claims.getNotBeforeTime() != null
                        && claims.getNotBeforeTime()
                                .toInstant()
                                .minus(CLOCK_SKEW)
                                .isAfter(now))) {
            throw new InvalidTokenException("token.not.yet.valid");
        }
        // Nobody may mint (or keep) a token that outlives what this deployment issues.
        if (Duration.between(issued, claims.getExpirationTime().toInstant()).compareTo(lifetime.plus(CLOCK_SKEW)) > 0) {
            throw new InvalidTokenException("token.lifetime");
        }
        try {
            Set<Role> roles = new HashSet<>();
            for (String group : claims.getStringListClaim("groups")) {
                roles.add(Role.valueOf(group));
            }
            if (claims.getSubject() != null && !claims.getSubject().equals(claims.getStringClaim("upn"))) {
                throw new InvalidTokenException("token.claims");
            }
            List<String> departments = claims.getStringListClaim("departments");
            StaffPrincipal principal = new StaffPrincipal(
                    claims.getStringClaim("upn"),
                    claims.getStringClaim("name"),
                    DivisionCode.of(claims.getStringClaim("tenant")),
                    TenantLevel.valueOf(claims.getStringClaim("tenant_level")),
                    claims.getStringClaim("tenant_name"),
                    roles,
                    departments == null ? Set.of() : Set.copyOf(departments));
            Object version = claims.getClaim("ver");
            if (!(version instanceof Number number)) {
                throw new InvalidTokenException("token.claims");
            }
            return new Verified(principal, claims.getExpirationTime().toInstant(), number.intValue());
        } catch (ParseException | RuntimeException e) {
            throw new InvalidTokenException("token.claims");
        }
    }
}
