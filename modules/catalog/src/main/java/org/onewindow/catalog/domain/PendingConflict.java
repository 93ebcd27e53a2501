package org.onewindow.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.onewindow.kernel.tenant.domain.DivisionCode;
import org.onewindow.kernel.tenant.domain.TenantOwned;

/**
 * A {@link Conflict} a standards update left a tenant to resolve (待处理的版本更新冲突): one element of one item,
 * with the old and new standard values and the local one side by side, until the tenant's administrator decides.
 * Like an override it belongs to a version of the item ({@code baseVersion}): the tenant sees the conflicts on the
 * version in force; a publication stages them on the next one (ADR 0012).
 */
@Entity
@Table(name = "item_conflict")
public class PendingConflict extends TenantOwned {

    @Id
    private UUID id;

    @Column(name = "item_code", nullable = false, updatable = false)
    private String itemCode;

    @Column(nullable = false, updatable = false)
    private String element;

    @Column(name = "old_standard", nullable = false)
    private String oldStandard;

    @Column(name = "new_standard", nullable = false)
    private String newStandard;

    @Column(name = "local_value", nullable = false)
    private String localValue;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Conflict.Reason reason;

    @Column(name = "to_version", nullable = false)
    private int toVersion;

    @Column(name = "base_version", nullable = false, updatable = false)
    private int baseVersion;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected PendingConflict() {}

    /** A conflict the update to {@code toVersion} raised, pending on that version. */
    public PendingConflict(DivisionCode tenant, String itemCode, int toVersion, Conflict conflict, Instant now) {
        super(tenant);
        this.id = UUID.randomUUID();
        this.itemCode = itemCode;
        this.element = conflict.element();
        this.baseVersion = toVersion;
        replace(toVersion, conflict, now);
    }

    /** This conflict still pending on a later version (a publication that did not touch its element). */
    public PendingConflict carriedOnto(int version) {
        PendingConflict carried = new PendingConflict(tenantCode(), itemCode, toVersion, toDomain(), createdAt);
        carried.baseVersion = version;
        return carried;
    }

    /** A later update conflicting on the same element again: the newer conflict is the one to decide. */
    public void replace(int newVersion, Conflict conflict, Instant now) {
        if (!conflict.element().equals(element)) {
            throw new IllegalArgumentException(conflict.element() + " is not " + element);
        }
        this.oldStandard = JsonText.write(conflict.oldStandard());
        this.newStandard = JsonText.write(conflict.newStandard());
        this.localValue = JsonText.write(conflict.local());
        this.reason = conflict.reason();
        this.toVersion = newVersion;
        this.createdAt = now;
    }

    public Conflict toDomain() {
        return new Conflict(
                element, JsonText.read(oldStandard), JsonText.read(newStandard), JsonText.read(localValue), reason);
    }

    public String itemCode() {
        return itemCode;
    }

    public String element() {
        return element;
    }

    public int toVersion() {
        return toVersion;
    }

    public int baseVersion() {
        return baseVersion;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
