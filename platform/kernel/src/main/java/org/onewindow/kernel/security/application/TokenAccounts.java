package org.onewindow.kernel.security.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.onewindow.kernel.security.domain.Role;
import org.onewindow.kernel.tenant.domain.DivisionCode;
import org.onewindow.kernel.tenant.domain.TenantLevel;

/**
 * The account a bearer token names, as stored: read before any scope is known through the one narrow database
 * function {@code ow_token_account} (the kernel's migration V2), like {@code ow_login_home} for a login.
 */
@ApplicationScoped
public class TokenAccounts {

    @PersistenceContext
    EntityManager em;

    /** What a token's claims must match, and whether its tokens still work. */
    public record State(
            DivisionCode tenant,
            TenantLevel level,
            Set<Role> roles,
            Set<String> departments,
            boolean enabled,
            Instant lockedUntil,
            int tokenVersion) {

        public State {
            roles = Set.copyOf(roles);
            departments = Set.copyOf(departments);
        }

        /** Whether the account may use tokens at {@code now}: enabled and not locked. */
        public boolean usableAt(Instant now) {
            return enabled && (lockedUntil == null || !lockedUntil.isAfter(now));
        }
    }

    /** The stored account named {@code username}; empty when there is none. */
    @Transactional
    public Optional<State> find(String username) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select tenant_code, tenant_level, roles, departments, enabled, locked_until, token_version"
                                + " from ow_token_account(?1)")
                .setParameter(1, username == null ? "" : username)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        return Optional.of(new State(
                DivisionCode.of((String) row[0]),
                TenantLevel.valueOf((String) row[1]),
                roles((String) row[2]),
                departments((String) row[3]),
                (Boolean) row[4],
                instant(row[5]),
                ((Number) row[6]).intValue()));
    }

    private static Set<Role> roles(String stored) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : stored.split(",")) {
            if (!role.isBlank()) {
                roles.add(Role.valueOf(role.strip()));
            }
        }
        return roles;
    }

    private static Set<String> departments(String stored) {
        Set<String> departments = new LinkedHashSet<>();
        for (String department : stored.split(",")) {
            if (!department.isBlank()) {
                departments.add(department.strip());
            }
        }
        return departments;
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case java.sql.Timestamp t -> t.toInstant();
            case java.util.Date d -> d.toInstant();
            default -> throw new IllegalStateException("locked_until as " + value.getClass());
        };
    }
}
