package org.onewindow.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A stored version of a standard catalog item (标准事项版本), the row behind {@link ItemVersion}. Standard data
 * belongs to no tenant: everyone reads it, only the standards team writes it. The lock version guards a draft
 * against two editors and a publication against a second one at the same time.
 */
@Entity
@Table(name = "item_version")
public class StandardItemVersion {

    @Id
    private UUID id;

    @Column(name = "item_code", nullable = false, updatable = false)
    private String itemCode;

    @Column(name = "version_no", nullable = false, updatable = false)
    private int number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private VersionState state;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String elements;

    @Version
    private int version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    protected StandardItemVersion() {}

    public StandardItemVersion(ItemVersion item, Instant now) {
        this.id = UUID.randomUUID();
        this.itemCode = item.code();
        this.number = item.number();
        this.state = item.state();
        this.name = item.elements().getString("name", item.code());
        this.elements = JsonText.write(item.elements());
        this.createdAt = now;
        this.publishedAt = item.state() == VersionState.DRAFT ? null : createdAt;
    }

    public ItemVersion toDomain() {
        return new ItemVersion(itemCode, number, state, JsonText.readObject(elements));
    }

    /** Moves the row to the state of {@code next}, the same version after a transition. */
    public void moveTo(ItemVersion next, Instant now) {
        if (!next.code().equals(itemCode) || next.number() != number) {
            throw new IllegalArgumentException(
                    next.code() + " v" + next.number() + " is not " + itemCode + " v" + number);
        }
        if (state == VersionState.DRAFT && next.state() == VersionState.PUBLISHED) {
            publishedAt = now;
        }
        state = next.state();
    }

    /** Replaces a draft's elements; a published or retired version never changes. */
    public void edit(ItemVersion next) {
        if (state != VersionState.DRAFT
                || next.state() != VersionState.DRAFT
                || !next.code().equals(itemCode)
                || next.number() != number) {
            throw new IllegalStateException(itemCode + " v" + number + " is not an open draft");
        }
        this.name = next.elements().getString("name", itemCode);
        this.elements = JsonText.write(next.elements());
    }

    public String itemCode() {
        return itemCode;
    }

    public int number() {
        return number;
    }

    public VersionState state() {
        return state;
    }

    public String name() {
        return name;
    }

    public int version() {
        return version;
    }

    public Instant publishedAt() {
        return publishedAt;
    }
}
