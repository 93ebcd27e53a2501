package org.onewindow.kernel.tenant.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.UUID;

/** A window (窗口) of a service point, of one type: where a clerk takes cases in and hands results out. */
@Entity
@Table(name = "service_window")
public class ServiceWindow extends TenantOwned {

    @Id
    private UUID id;

    @Column(name = "service_point_id", nullable = false, updatable = false)
    private UUID servicePointId;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private WindowType type;

    @Version
    private int version;

    protected ServiceWindow() {}

    public ServiceWindow(ServicePoint point, String name, WindowType type) {
        super(point.tenantCode());
        this.id = UUID.randomUUID();
        this.servicePointId = point.id();
        this.name = name;
        this.type = type;
    }

    public UUID id() {
        return id;
    }

    public UUID servicePointId() {
        return servicePointId;
    }

    public String name() {
        return name;
    }

    public WindowType type() {
        return type;
    }
}
