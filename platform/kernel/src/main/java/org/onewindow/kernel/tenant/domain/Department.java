package org.onewindow.kernel.tenant.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
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

    /** The catalog item codes it handles at its division, comma-separated; empty when none are named. */
    @Column(nullable = false)
    private String items = "";

    @Version
    private int version;

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

    public UUID id() {
        return id;
    }

    public int version() {
        return version;
    }

    /** The item codes it handles at its division, sorted. */
    public Set<String> items() {
        return items.isEmpty() ? Set.of() : new TreeSet<>(Arrays.asList(items.split(",")));
    }

    /** Renames the department and replaces the items it handles (the service checks them against the catalog). */
    public void change(String newName, String newShortName, Set<String> handled) {
        this.name = newName;
        this.shortName = newShortName;
        this.items = String.join(",", new TreeSet<>(handled));
    }
}
