package org.onewindow.admin;

import java.io.Serializable;
import org.onewindow.kernel.tenant.domain.Tenant;

/** A division as the console's tree and forms hold it between requests. */
public record TenantNode(String code, String parentCode, String level, String name, int version, boolean leaf)
        implements Serializable {

    public static TenantNode of(Tenant tenant) {
        return new TenantNode(
                tenant.code().value(),
                tenant.parentCode() == null ? null : tenant.parentCode().value(),
                tenant.level().name(),
                tenant.name(),
                tenant.version(),
                tenant.level().isLeaf());
    }
}
