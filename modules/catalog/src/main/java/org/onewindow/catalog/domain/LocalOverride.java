package org.onewindow.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.onewindow.kernel.tenant.domain.TenantOwned;

/**
 * A tenant's stored adaptation of one standard item (本级调整), the row behind {@link TierOverride}. A tenant has at
 * most one per item; its lock version lets an administrator's change fail cleanly when someone else changed it
 * first, or a standards update re-based it meanwhile.
 */
@Entity
@Table(name = "item_override")
public class LocalOverride extends TenantOwned {

    @Id
    private UUID id;

    @Column(name = "item_code", nullable = false, updatable = false)
    private String itemCode;

    @Column(name = "base_version", nullable = false)
    private int baseVersion;

    @Column(nullable = false)
    private String patch;

    @Version
    private int version;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected LocalOverride() {}

    public LocalOverride(TierOverride override, Instant now) {
        super(override.tenant());
        this.id = UUID.randomUUID();
        this.itemCode = override.itemCode();
        replace(override, now);
    }

    public TierOverride toDomain() {
        return new TierOverride(tenantCode(), itemCode, baseVersion, JsonText.readObject(patch));
    }

    /** Takes the base and patch of {@code override}, which must be this tenant's override of this item. */
    public void replace(TierOverride override, Instant now) {
        if (!override.tenant().equals(tenantCode()) || !override.itemCode().equals(itemCode)) {
            throw new IllegalArgumentException("not the override of " + tenantCode() + " for " + itemCode);
        }
        this.baseVersion = override.baseVersion();
        this.patch = JsonText.write(override.patch());
        this.updatedAt = now;
    }

    public String itemCode() {
        return itemCode;
    }

    public int baseVersion() {
        return baseVersion;
    }

    public int version() {
        return version;
    }
}
