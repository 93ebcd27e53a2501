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
 * A publication of a standard version (发布任务), run in the background because it re-bases the overrides of every
 * county: queued, running with the counties done so far, then succeeded with its figures or failed with the
 * reason. The re-base commits as one, so a failed publication left every tenant on the version before.
 */
@Entity
@Table(name = "publication")
public class Publication {

    public enum State {
        QUEUED,
        RUNNING,
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

    public Publication(String itemCode, int versionNumber, String startedBy) {
        this.id = UUID.randomUUID();
        this.itemCode = itemCode;
        this.versionNumber = versionNumber;
        this.state = State.QUEUED;
        this.startedBy = startedBy;
        this.createdAt = Instant.now();
    }

    public void running(int counties) {
        state = State.RUNNING;
        countiesTotal = counties;
    }

    public void progress(int countiesDone, int overriding, int changed, int conflicted) {
        this.countiesDone = countiesDone;
        this.overriding = overriding;
        this.changed = changed;
        this.conflicted = conflicted;
    }

    public void succeeded(int overriding, int changed, int conflicted) {
        requireOpen();
        progress(countiesTotal, overriding, changed, conflicted);
        state = State.SUCCEEDED;
        finishedAt = Instant.now();
    }

    /** Failed: the re-base rolled back, so the figures of the counties done so far no longer hold. */
    public void failed(String errorKey, String errorText) {
        requireOpen();
        progress(0, 0, 0, 0);
        state = State.FAILED;
        this.errorKey = errorKey;
        this.errorText = errorText;
        finishedAt = Instant.now();
    }

    /** An ended publication keeps its outcome. */
    private void requireOpen() {
        if (state.finished()) {
            throw new IllegalStateException("publication " + id + " already ended " + state);
        }
    }

    /** Percent of the counties re-based so far; a publication with nothing to re-base is done when it succeeds. */
    public int percent() {
        if (state == State.SUCCEEDED) {
            return 100;
        }
        return countiesTotal == 0 ? 0 : 100 * countiesDone / countiesTotal;
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
