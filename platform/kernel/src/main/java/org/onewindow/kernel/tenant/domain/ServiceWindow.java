package org.onewindow.kernel.tenant.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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

    /** The item codes it takes in, comma-separated; {@code null}: every item offered at its division. */
    private String items;

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

    /** The items it takes in; empty: every item offered at its division (the default). */
    public Optional<Set<String>> items() {
        return items == null ? Optional.empty() : Optional.of(new TreeSet<>(Arrays.asList(items.split(","))));
    }

    /**
     * Names, retypes and sets the items of the window; {@code takesIn} empty restores the default (every item).
     * The items must be offered at its division: the service checks them.
     */
    public void change(String newName, WindowType newType, Optional<Set<String>> takesIn) {
        this.name = newName;
        this.type = newType;
        this.items = takesIn.filter(codes -> !codes.isEmpty())
                .map(codes -> String.join(",", new TreeSet<>(codes)))
                .orElse(null);
    }
}
