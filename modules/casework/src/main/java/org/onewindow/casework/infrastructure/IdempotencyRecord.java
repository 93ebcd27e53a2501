package org.onewindow.casework.infrastructure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An {@code Idempotency-Key} a tenant's client sent with {@code POST /api/v1/cases}: the hash of the body it came
 * with, the case it made and the answer, sealed because it carries the check code that is shown only once.
 */
@Entity
@Table(name = "idempotency_key")
@IdClass(IdempotencyRecord.Key.class)
public class IdempotencyRecord {

    /** The primary key: county, tenant and the client's key. */
    public static class Key implements Serializable {
        private String countyCode;
        private String tenantCode;
        private String key;

        public Key() {}

        public Key(String countyCode, String tenantCode, String key) {
            this.countyCode = countyCode;
            this.tenantCode = tenantCode;
            this.key = key;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key that
                    && Objects.equals(countyCode, that.countyCode)
                    && Objects.equals(tenantCode, that.tenantCode)
                    && Objects.equals(key, that.key);
        }

        @Override
        public int hashCode() {
            return Objects.hash(countyCode, tenantCode, key);
        }
    }

    @Id
    @Column(name = "county_code")
    private String countyCode;

    @Id
    @Column(name = "tenant_code")
    private String tenantCode;

    @Id
    @Column(name = "idem_key")
    private String key;

    @Column(name = "request_hash", nullable = false)
    private String requestHash;

    @Column(name = "case_id", nullable = false)
    private UUID caseId;

    @Column(name = "response_sealed", nullable = false)
    private String responseSealed;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected IdempotencyRecord() {}

    public IdempotencyRecord(
            String countyCode,
            String tenantCode,
            String key,
            String requestHash,
            UUID caseId,
            String responseSealed,
            Instant createdAt) {
        this.countyCode = countyCode;
        this.tenantCode = tenantCode;
        this.key = key;
        this.requestHash = requestHash;
        this.caseId = caseId;
        this.responseSealed = responseSealed;
        this.createdAt = createdAt;
    }

    public String requestHash() {
        return requestHash;
    }

    public UUID caseId() {
        return caseId;
    }

    public String responseSealed() {
        return responseSealed;
    }
}
