package org.onewindow.kernel.tenant.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A department (部门) of a tenant that does back-office review, e.g. 民政局 of a county. */
@Entity
@Table(name = "department")
public class Department extends TenantOwned {

    @Id
    private UUID id;

    @Column(nullable = false, updatable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(name = "short_name", nullable = false)
    private String shortName;

    protected Department() {}

    public Department(DivisionCode tenant, String code, String name, String shortName) {
        super(tenant);
        this.id = UUID.randomUUID();
        this.code = code;
        this.name = name;
        this.shortName = shortName;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public String shortName() {
        return shortName;
    }
}
