package org.onewindow.kernel.tenant.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A tenant: one administrative division (县, 镇/街道, 村/居) that runs its own service points, staff
 * and departments. Its 12-digit division code is its key and, cut to its tier's digits, the scope of
 * what its staff may see.
 */
@Entity
@Table(name = "tenant")
public class Tenant {

    @Id
    private String code;

    @Column(name = "county_code", nullable = false, updatable = false)
    private String countyCode;

    @Column(name = "parent_code", updatable = false)
    private String parentCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TenantLevel level;

    @Column(nullable = false)
    private String name;

    @Version
    private int version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    /** The day the division was retired (撤销); null while it is part of the tree. */
    @Column(name = "retired_on")
    private LocalDate retiredOn;

    /** The division that took over a retired one's staff and open cases (merged into, re-coded as), if any. */
    @Column(name = "successor_code")
    private String successorCode;

    protected Tenant() {}

    public Tenant(DivisionCode code, DivisionCode parent, TenantLevel level, String name, Instant now) {
        this.code = code.value();
        this.countyCode = code.county().value();
        this.parentCode = parent == null ? null : parent.value();
        this.level = level;
        this.name = name;
        this.createdAt = now;
    }

    public DivisionCode code() {
        return new DivisionCode(code);
    }

    public DivisionCode parentCode() {
        return parentCode == null ? null : new DivisionCode(parentCode);
    }

    public TenantLevel level() {
        return level;
    }

    public String name() {
        return name;
    }

    public int version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** The code prefix of this tenant's subtree: what a user of this tenant may see. */
    public String scope() {
        return code().scopePrefix(level);
    }

    public void rename(String newName) {
        this.name = newName;
    }

    /**
     * Changes the tier within the same code shape (镇 → 街道, 村 → 社区): the code, and so the scope, stay.
     *
     * @throws org.onewindow.kernel.error.DomainException {@code tenant.level.change} for a tier of another shape
     */
    public void relevel(TenantLevel newLevel) {
        TenantRules.checkRelevel(this, newLevel);
        this.level = newLevel;
    }

    /** Whether the division has been retired: it takes no new intake and no longer appears in pickers. */
    public boolean isRetired() {
        return retiredOn != null;
    }

    public LocalDate retiredOn() {
        return retiredOn;
    }

    public DivisionCode successorCode() {
        return successorCode == null ? null : new DivisionCode(successorCode);
    }

    /** Retires the division on {@code day}, naming where its staff and open cases went ({@code null}: nowhere). */
    public void retire(LocalDate day, DivisionCode successor) {
        this.retiredOn = day;
        this.successorCode = successor == null ? null : successor.value();
    }

    /**
     * Takes back a retirement whose change was reverted before it was confirmed (docs/adr/0014): the division is in the
     * tree again, takes intake again, and names no successor.
     */
    public void reinstate() {
        this.retiredOn = null;
        this.successorCode = null;
    }
}
