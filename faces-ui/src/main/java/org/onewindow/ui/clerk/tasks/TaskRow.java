package org.onewindow.ui.clerk.tasks;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.Serializable;

/**
 * A task of a work queue (待办) as the queue and the case page show it, read from the casework API's task shape
 * ({@code TaskViews#task}).
 *
 * @param kind REVIEW, WINDOW_DECISION or WINDOW_DELIVERY
 * @param state OPEN, CLAIMED or DONE
 * @param clockStatus ON_TIME, WARNING, OVERDUE or STATUTORY_OVERDUE
 */
public record TaskRow(
        String id,
        String kind,
        String stepName,
        String caseId,
        String caseNumber,
        String itemName,
        String applicantName,
        String state,
        String claimedBy,
        String promisedDueDate,
        String statutoryDueDate,
        String clockStatus,
        boolean paused)
        implements Serializable {

    static TaskRow of(JsonObject task) {
        return new TaskRow(
                task.getString("id"),
                task.getString("kind"),
                text(task, "stepName"),
                task.getString("caseId"),
                text(task, "caseNumber"),
                task.getJsonObject("item").getString("name"),
                text(task, "applicantName"),
                task.getString("state"),
                text(task, "claimedBy"),
                text(task, "promisedDueDate"),
                text(task, "statutoryDueDate"),
                text(task, "clockStatus"),
                task.getBoolean("paused", false));
    }

    /** The reference the case page opens the case by: its number, else its id. */
    public String caseReference() {
        return caseNumber == null ? caseId : caseNumber;
    }

    public boolean open() {
        return "OPEN".equals(state);
    }

    public boolean claimedBy(String username) {
        return "CLAIMED".equals(state) && username.equals(claimedBy);
    }

    private static String text(JsonObject json, String key) {
        JsonValue value = json.get(key);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : json.getString(key);
    }
}
