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

    /** The telephone in characters, as its column holds it. */
    public static final int CONTACT_PHONE_MAX_LENGTH = 40;

    /** The self-service area's hours in characters ({@code 24小时}, {@code 07:00-22:00}). */
    public static final int SELF_SERVICE_HOURS_MAX_LENGTH = 40;

    @Id
    private UUID id;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ServicePointKind kind;

    private String address;

    @Column(name = "opening_hours", nullable = false)
    private String openingHours = "";

    @Column(name = "contact_phone")
    private String contactPhone;

    /** Whether the point has a self-service area (自助服务区), open {@code selfServiceHours} (e.g. 24小时). */
    @Column(name = "self_service", nullable = false)
    private boolean selfService;

    @Column(name = "self_service_hours")
    private String selfServiceHours;

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

    public OpeningHours openingHours() {
        return OpeningHours.parse(openingHours);
    }

    public String contactPhone() {
        return contactPhone;
    }

    public boolean selfService() {
        return selfService;
    }

    public String selfServiceHours() {
        return selfServiceHours;
    }

    /** Replaces what the public guide prints of the point; blank texts are stored as none. */
    public void describe(
            String newName,
            String newAddress,
            String newContactPhone,
            OpeningHours hours,
            boolean hasSelfService,
            String newSelfServiceHours) {
        this.name = newName;
        this.address = newAddress;
        this.contactPhone = newContactPhone;
        this.openingHours = hours.stored();
        this.selfService = hasSelfService;
        this.selfServiceHours = hasSelfService ? newSelfServiceHours : null;
    }
}
