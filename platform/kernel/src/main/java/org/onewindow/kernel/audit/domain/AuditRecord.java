package org.onewindow.kernel.audit.domain;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.onewindow.kernel.json.Json;

/**
 * The facts of one audited change, before it is chained. The time is cut to microseconds, the
 * precision PostgreSQL stores, so that the hash recomputed from the stored row is the same.
 */
public record AuditRecord(
        String tenantCode,
        Instant occurredAt,
        String actor,
        String action,
        String subjectType,
        String subjectId,
        JsonObject before,
        JsonObject after) {

    public AuditRecord {
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
    }

    /** The canonical JSON of this record at position {@code seq} after {@code prevHash}. */
    public String canonical(long seq, String prevHash) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("tenant", tenantCode)
                .add("seq", seq)
                .add("occurredAt", occurredAt.toString())
                .add("actor", actor)
                .add("action", action)
                .add("subjectType", subjectType)
                .add("subjectId", subjectId)
                .add("prevHash", prevHash);
        json.add("before", before == null ? jakarta.json.JsonValue.NULL : before);
        json.add("after", after == null ? jakarta.json.JsonValue.NULL : after);
        return CanonicalJson.of(json.build());
    }
}
