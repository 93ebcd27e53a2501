package org.onewindow.kernel.tenant.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.UUID;

/** A place where citizens are served (便民服务中心/站/点): it belongs to one tenant and has windows. */
@Entity
@Table(name = "service_point")
public class ServicePoint extends TenantOwned {

    /** The address in characters, as its column holds it. */
    public static final int ADDRESS_MAX_LENGTH = 200;

    @Id
    private UUID id;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ServicePointKind kind;

    private String address;

    @Version
    private int version;

    protected ServicePoint() {}

    public ServicePoint(DivisionCode tenant, String name, ServicePointKind kind, String address) {
        super(tenant);
        this.id = UUID.randomUUID();
        this.name = name;
        this.kind = kind;
        this.address = address;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public ServicePointKind kind() {
        return kind;
    }

    public String address() {
        return address;
    }

    public int version() {
        return version;
    }

    public void rename(String newName) {
        this.name = newName;
    }
}
