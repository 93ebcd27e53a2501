package org.onewindow.kernel.audit.domain;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.StringReader;
import java.time.Instant;
import java.util.UUID;
import org.onewindow.kernel.json.Json;

/**
 * One link of a tenant's audit trail (全程留痕): who did what to which thing, when, with the state
 * before and after. Entries are only ever inserted; each carries the hash of the one before it in the
 * same tenant's chain, so a changed or removed entry breaks every hash after it.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    private UUID id;

    @Column(name = "county_code", nullable = false, updatable = false)
    private String countyCode;

    @Column(name = "tenant_code", nullable = false, updatable = false)
    private String tenantCode;

    @Column(nullable = false, updatable = false)
    private long seq;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(nullable = false, updatable = false)
    private String action;

    @Column(name = "subject_type", nullable = false, updatable = false)
    private String subjectType;

    @Column(name = "subject_id", nullable = false, updatable = false)
    private String subjectId;

    /** The state before, as JSON text (the hash is over its canonical form, so spacing does not matter). */
    @Column(name = "before_state", updatable = false)
    private String before;

    @Column(name = "after_state", updatable = false)
    private String after;

    @Column(name = "prev_hash", nullable = false, updatable = false)
    private String prevHash;

    @Column(nullable = false, updatable = false)
    private String hash;

    protected AuditEntry() {}

    AuditEntry(AuditRecord record, long seq, String prevHash, String hash) {
        this.id = UUID.randomUUID();
        this.countyCode = record.tenantCode().substring(0, 6) + "000000";
        this.tenantCode = record.tenantCode();
        this.seq = seq;
        this.occurredAt = record.occurredAt();
        this.actor = record.actor();
        this.action = record.action();
        this.subjectType = record.subjectType();
        this.subjectId = record.subjectId();
        this.before = record.before() == null ? null : record.before().toString();
        this.after = record.after() == null ? null : record.after().toString();
        this.prevHash = prevHash;
        this.hash = hash;
    }

    /** What the hash covers, read back from the stored columns. */
    public AuditRecord record() {
        return new AuditRecord(
                tenantCode, occurredAt, actor, action, subjectType, subjectId, parse(before), parse(after));
    }

    private static JsonObject parse(String json) {
        if (json == null) {
            return null;
        }
        try (var reader = Json.createReader(new StringReader(json))) {
            JsonValue value = reader.readValue();
            return value.asJsonObject();
        }
    }

    public UUID id() {
        return id;
    }

    public String tenantCode() {
        return tenantCode;
    }

    public long seq() {
        return seq;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String actor() {
        return actor;
    }

    public String action() {
        return action;
    }

    public String subjectType() {
        return subjectType;
    }

    public String subjectId() {
        return subjectId;
    }

    public String before() {
        return before;
    }

    public String after() {
        return after;
    }

    public String prevHash() {
        return prevHash;
    }

    public String hash() {
        return hash;
    }
}
