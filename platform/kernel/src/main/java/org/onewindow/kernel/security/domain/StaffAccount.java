package org.onewindow.kernel.security.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.onewindow.kernel.tenant.domain.DivisionCode;
import org.onewindow.kernel.tenant.domain.TenantOwned;

/**
 * A staff account (工作人员账号) of one tenant: clerks, reviewers, window leads, administrators,
 * standards editors and auditors. Reviewers are further scoped to departments of their tenant.
 */
@Entity
@Table(name = "staff_account")
public class StaffAccount extends TenantOwned {

    /** Failed logins in a row after which the account is locked for {@link #LOCK_DURATION}. */
    public static final int MAX_FAILED_LOGINS = 5;

    /** Lower-case letters, digits, dot, underscore or hyphen; the column holds 40. */
    public static final int USERNAME_MAX_LENGTH = 40;

    /** The name shown for the account (姓名), in characters; the column holds 50. */
    public static final int DISPLAY_NAME_MAX_LENGTH = 50;

    public static final Duration LOCK_DURATION = Duration.ofMinutes(15);

    @Id
    private UUID id;

    @Column(nullable = false, updatable = false)
    private String username;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(nullable = false)
    private String roles;

    @Column(nullable = false)
    private String departments;

    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(nullable = false)
    private boolean enabled;

    /**
     * Set when an administrator chose the password (a new account, a reset): the holder must replace it at the next
     * login, before any page or token is given (the login flow asks {@link #passwordChangeRequired}).
     */
    @Column(name = "password_change_required", nullable = false)
    private boolean passwordChangeRequired;

    /** The windows ({@code service_window} ids) of the account's tenant the staff member serves at, comma-separated. */
    @Column(nullable = false)
    private String windows = "";

    /** Bumped whenever the tokens issued so far must stop working (see {@link #revokeTokens}). */
    @Column(name = "token_version", nullable = false)
    private int tokenVersion;

    @Version
    private int version;

    protected StaffAccount() {}

    public StaffAccount(
            DivisionCode tenant,
            String username,
            String displayName,
            String passwordHash,
            Set<Role> roles,
            Set<String> departments) {
        super(tenant);
        this.id = UUID.randomUUID();
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.roles = joined(roles);
        this.departments = String.join(",", departments.stream().sorted().toList());
        this.enabled = true;
    }

    public UUID id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Set<Role> roles() {
        Set<Role> result = EnumSet.noneOf(Role.class);
        for (String role : roles.split(",")) {
            if (!role.isBlank()) {
                result.add(Role.valueOf(role));
            }
        }
        return result;
    }

    /**
     * Replaces the roles and revokes the tokens that carry the old ones; whether the change is allowed is {@link
     * GrantPolicy#checkChange}'s to say.
     */
    public void changeRoles(Set<Role> newRoles) {
        this.roles = joined(newRoles);
        revokeTokens();
    }

    /** The version every token of this account must name; tokens naming an older one are refused. */
    public int tokenVersion() {
        return tokenVersion;
    }

    /** Ends every token issued so far (logout, lockout, disabling, a change of roles). */
    public void revokeTokens() {
        tokenVersion++;
    }

    /** Disables the account: no login, and no token of it works any more. */
    public void disable() {
        enabled = false;
        revokeTokens();
    }

    private static String joined(Set<Role> roles) {
        return String.join(",", roles.stream().map(Role::name).sorted().toList());
    }

    public Set<String> departments() {
        Set<String> result = new LinkedHashSet<>();
        for (String department : departments.split(",")) {
            if (!department.isBlank()) {
                result.add(department);
            }
        }
        return result;
    }

    public boolean enabled() {
        return enabled;
    }

    /** Enables a disabled account again; its old tokens stay ended (disabling bumped their version). */
    public void enable() {
        enabled = true;
    }

    /** Ends a lockout before its time (the administrator knows who was typing) and forgets the failed logins. */
    public void unlock() {
        lockedUntil = null;
        failedLogins = 0;
    }

    public boolean passwordChangeRequired() {
        return passwordChangeRequired;
    }

    /**
     * A password an administrator set (重置密码): it unlocks the account, ends every token, and must be replaced by
     * its holder at the next login.
     */
    public void resetPassword(String newHash) {
        passwordHash = newHash;
        passwordChangeRequired = true;
        unlock();
        revokeTokens();
    }

    /** The holder's own new password: no change is required any more, and tokens got with the old one end. */
    public void changePassword(String newHash) {
        passwordHash = newHash;
        passwordChangeRequired = false;
        revokeTokens();
    }

    /** Marks a new account's password as the administrator's, to be replaced at the first login. */
    public void requirePasswordChange() {
        passwordChangeRequired = true;
    }

    public void rename(String newDisplayName) {
        displayName = newDisplayName;
    }

    /**
     * Replaces the departments and windows the staff member works for (their scope inside the tenant) and ends the
     * tokens that carry the old departments.
     */
    public void assign(Set<String> newDepartments, Set<String> newWindows) {
        departments = String.join(",", newDepartments.stream().sorted().toList());
        windows = String.join(",", newWindows.stream().sorted().toList());
        revokeTokens();
    }

    public Set<String> windows() {
        Set<String> result = new LinkedHashSet<>();
        for (String window : windows.split(",")) {
            if (!window.isBlank()) {
                result.add(window);
            }
        }
        return result;
    }

    public int failedLogins() {
        return failedLogins;
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }

    /** Counts a wrong password; the {@value #MAX_FAILED_LOGINS}th in a row locks the account. */
    public void recordFailedLogin(Instant now) {
        failedLogins++;
        if (failedLogins >= MAX_FAILED_LOGINS) {
            lockedUntil = now.plus(LOCK_DURATION);
            failedLogins = 0;
            // Someone is guessing the password: tokens got with it (if it was guessed before) stop too.
            revokeTokens();
        }
    }

    public void recordSuccessfulLogin() {
        failedLogins = 0;
        lockedUntil = null;
    }
}
