package org.onewindow.kernel.security.application;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
 * is refused.
 */
@ApplicationScoped
public class TokenService {

    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    /** Verified tokens kept until they expire; a department system sends the same token many times. */
    private static final int VERIFIED_CACHE_SIZE = 10_000;

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    private record Verified(StaffPrincipal principal, Instant expires) {}

    @Inject
    SigningKeys keys;

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

    public String issue(StaffPrincipal principal) {
        Instant now = Instant.now();
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
                .issueTime(Date.from(now))
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

    public StaffPrincipal verify(String token) throws InvalidTokenException {
        Verified known = verified.get(token);
        if (known != null && known.expires().plus(CLOCK_SKEW).isAfter(Instant.now())) {
            return known.principal();
        }
        Verified checked = verifySignatureAndClaims(token);
        if (verified.size() >= VERIFIED_CACHE_SIZE) {
            verified.clear();
        }
        verified.put(token, checked);
        return checked.principal();
    }

    private Verified verifySignatureAndClaims(String token) throws InvalidTokenException {
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
        Instant now = Instant.now();
        if (!issuer.equals(claims.getIssuer())) {
            throw new InvalidTokenException("token.issuer");
        }
        if (claims.getExpirationTime() == null
                || claims.getExpirationTime().toInstant().plus(CLOCK_SKEW).isBefore(now)) {
            throw new InvalidTokenException("token.expired");
        }
        try {
            Set<Role> roles = new HashSet<>();
            for (String group : claims.getStringListClaim("groups")) {
                roles.add(Role.valueOf(group));
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
            return new Verified(principal, claims.getExpirationTime().toInstant());
        } catch (ParseException | RuntimeException e) {
            throw new InvalidTokenException("token.claims");
        }
    }
}
