package org.onewindow.casework.application;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.LocalDate;
import org.onewindow.casework.domain.DecisionWording;
import org.onewindow.casework.infrastructure.CaseRepository;
import org.onewindow.casework.infrastructure.WorkTaskRepository.WorkTask;
import org.onewindow.kernel.json.Json;

/** The JSON shape of a task in a work queue. */
public final class TaskViews {

    private TaskViews() {}

    /**
     * A task: {@code id}, {@code kind} (REVIEW, WINDOW_DECISION, WINDOW_DELIVERY), {@code step} and
     * {@code stepName} as the template names them, {@code tenant} and {@code department} (null for a division's own
     * task), {@code caseId}, {@code caseNumber}, {@code item} (code, name), {@code applicantName}, {@code state}
     * (OPEN, CLAIMED, DONE), {@code claimedBy}, {@code createdAt}, {@code promisedDueDate},
     * {@code statutoryDueDate} ({@code yyyy-MM-dd}), {@code clockStatus} (ON_TIME, WARNING, OVERDUE,
     * STATUTORY_OVERDUE), {@code paused}, {@code outcome} (APPROVED, REJECTED, DONE), {@code opinion},
     * {@code completedBy}, {@code completedAt}, {@code version}.
     */
    public static JsonObject task(WorkTask task) {
        return taskShape(task).build();
    }

    /**
     * The task as a queue shows it: {@link #task} with the decision of its case named for the item
     * ({@link CaseViews#worded}: {@code itemWording}, {@code decisionApproved}, {@code decisionWording}), so that a
     * decided 最低生活保障 waiting for issuance reads 准予给付; a case the caller's scope does not show reads as
     * undecided.
     */
    public static JsonObject task(WorkTask task, CaseRepository.DecisionName decision) {
        CaseRepository.DecisionName name =
                decision == null ? new CaseRepository.DecisionName(DecisionWording.GENERAL, null) : decision;
        return taskShape(task)
                .addAll(CaseViews.worded(name.wording(), name.approved()))
                .build();
    }

    private static JsonObjectBuilder taskShape(WorkTask task) {
        return Json.createObjectBuilder()
                .add("id", task.id())
                .add("kind", task.kind().name())
                .add("step", task.stepKey())
                .add("stepName", task.stepName())
                .add("tenant", task.tenantCode())
                .add("department", text(task.departmentCode()))
                .add("caseId", task.caseId().toString())
                .add("caseNumber", task.caseNumber())
                .add(
                        "item",
                        Json.createObjectBuilder().add("code", task.itemCode()).add("name", task.itemName()))
                .add("applicantName", task.applicantName())
                .add("state", task.state())
                .add("claimedBy", text(task.claimedBy()))
                .add("createdAt", instant(task.createdAt()))
                .add("promisedDueDate", date(task.promisedDueDate()))
                .add("statutoryDueDate", date(task.statutoryDueDate()))
                .add("clockStatus", task.clockStatus())
                .add("paused", task.paused())
                .add("outcome", text(task.outcome()))
                .add("opinion", text(task.opinion()))
                .add("completedBy", text(task.completedBy()))
                .add("completedAt", instant(task.completedAt()))
                .add("version", task.version());
    }

    private static JsonValue text(String text) {
        return text == null ? JsonValue.NULL : Json.createValue(text);
    }

    private static JsonValue date(LocalDate date) {
        return date == null ? JsonValue.NULL : Json.createValue(date.toString());
    }

    private static JsonValue instant(Instant instant) {
        return instant == null ? JsonValue.NULL : Json.createValue(instant.toString());
    }
}
