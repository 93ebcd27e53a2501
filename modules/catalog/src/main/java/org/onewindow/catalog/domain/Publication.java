package org.onewindow.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * A publication of a standard version (发布任务), run in the background because it re-bases the overrides of every
 * county (ADR 0012): queued; running while each county's overrides are re-based into staged rows, one county per
 * transaction; settling once the new version is in force for every tenant at once (the old version's rows are
 * removed and each re-base entered in its tenant's audit trail); then succeeded with its figures. A failure while
 * running discards what was staged: failed, with the reason, and every tenant still on the version before.
 *
 * <p>Its steps are written by the worker that holds its lease ({@code worker}, {@code lease_until}), through
 * guarded statements in {@code Publications}; this class reads the row.
 */
@Entity
@Table(name = "publication")
public class Publication {

    public enum State {
        QUEUED,
        RUNNING,
        /** In force for every tenant; the old version's rows are being removed, the re-bases audited. */
        SETTLING,
        SUCCEEDED,
        FAILED;

        public boolean finished() {
            return this == SUCCEEDED || this == FAILED;
        }
    }

    @Id
    private UUID id;

    @Column(name = "item_code", nullable = false, updatable = false)
    private String itemCode;

    @Column(name = "version_no", nullable = false, updatable = false)
    private int versionNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    @Column(name = "counties_total", nullable = false)
    private int countiesTotal;

    @Column(name = "counties_done", nullable = false)
    private int countiesDone;

    @Column(name = "counties_settled", nullable = false)
    private int countiesSettled;

    @Column(name = "from_version")
    private Integer fromVersion;

    @Column(name = "in_force_at")
    private Instant inForceAt;

    @Column
    private String worker;

    @Column(nullable = false)
    private int overriding;

    @Column(nullable = false)
    private int changed;

    @Column(nullable = false)
    private int conflicted;

    @Column(name = "error_key")
    private String errorKey;

    @Column(name = "error_text")
    private String errorText;

    @Column(name = "started_by", nullable = false, updatable = false)
    private String startedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Version
    private int version;

    protected Publication() {}

    /** A queued publication that {@code worker} is to run (its lease is set by {@code Publications#queue}). */
    public Publication(String itemCode, int versionNumber, String startedBy, String worker, Instant now) {
        this.id = UUID.randomUUID();
        this.itemCode = itemCode;
        this.versionNumber = versionNumber;
        this.state = State.QUEUED;
        this.startedBy = startedBy;
        this.worker = worker;
        this.createdAt = now;
    }

    /**
     * Percent of the work done: staging every county is the first half, settling it the second; a publication with
     * nothing to re-base is done when it succeeds.
     */
    public int percent() {
        if (state == State.SUCCEEDED) {
            return 100;
        }
        return countiesTotal == 0 ? 0 : 50 * (countiesDone + countiesSettled) / countiesTotal;
    }

    public UUID id() {
        return id;
    }

    public String itemCode() {
        return itemCode;
    }

    public int versionNumber() {
        return versionNumber;
    }

    public State state() {
        return state;
    }

    public int countiesTotal() {
        return countiesTotal;
    }

    public int countiesDone() {
        return countiesDone;
    }

    public int countiesSettled() {
        return countiesSettled;
    }

    /** The version in force when the publication started; empty while queued or for an item's first version. */
    public OptionalInt fromVersion() {
        return fromVersion == null ? OptionalInt.empty() : OptionalInt.of(fromVersion);
    }

    /** When the new version came into force for every tenant; null before. */
    public Instant inForceAt() {
        return inForceAt;
    }

    public String worker() {
        return worker;
    }

    public int overriding() {
        return overriding;
    }

    public int changed() {
        return changed;
    }

    public int conflicted() {
        return conflicted;
    }

    public String errorKey() {
        return errorKey;
    }

    public String errorText() {
        return errorText;
    }

    public String startedBy() {
        return startedBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }
}
