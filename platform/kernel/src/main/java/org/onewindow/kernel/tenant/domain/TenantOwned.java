package org.onewindow.kernel.tenant.domain;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/**
 * A row that belongs to one tenant: it carries the tenant's division code, which row-level security
 * filters on, and the county's, which is part of every key so that the schema can be distributed by
 * county later (see ADR 0001).
 */
@MappedSuperclass
public abstract class TenantOwned {

    @Column(name = "county_code", nullable = false, updatable = false)
    private String countyCode;

    @Column(name = "tenant_code", nullable = false, updatable = false)
    private String tenantCode;

    protected TenantOwned() {}

    protected TenantOwned(DivisionCode tenant) {
        this.countyCode = tenant.county().value();
        this.tenantCode = tenant.value();
    }

    public DivisionCode tenantCode() {
        return new DivisionCode(tenantCode);
    }
}
