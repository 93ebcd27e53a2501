package org.onewindow.ui.clerk.tasks;

import jakarta.faces.context.FacesContext;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.util.ResourceBundle;
import org.onewindow.casework.application.CaseViews;
import org.onewindow.kernel.error.Messages;

/**
 * A task of a work queue (待办) as the queue and the case page show it, read from the casework API's task shape
 * ({@code TaskViews#task}).
 *
 * @param kind REVIEW, WINDOW_DECISION or WINDOW_DELIVERY
 * @param step the step's id in its template, e.g. {@code tierReview}
 * @param stepName the step's name as its template has it (Chinese)
 * @param state OPEN, CLAIMED or DONE
 * @param clockStatus ON_TIME, WARNING, OVERDUE or STATUTORY_OVERDUE
 * @param decisionKey the message key of its case's decision as the item words it (准予给付 for 最低生活保障), null
 *     before a decision or where the answer does not name it
 */
public record TaskRow(
        String id,
        String kind,
        String step,
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
        boolean paused,
        String decisionKey)
        implements Serializable {

    static TaskRow of(JsonObject task) {
        return new TaskRow(
                task.getString("id"),
                task.getString("kind"),
                text(task, "step"),
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
                task.getBoolean("paused", false),
                CaseViews.decisionKey(task));
    }

    /** The reference the case page opens the case by: its number, else its id. */
    public String caseReference() {
        return caseNumber == null ? caseId : caseNumber;
    }

    /**
     * The step's name in the page's language: a standard template's step by its id ({@code task.step.*} of the
     * clerk's bundle), a step only a local template has by the name that template gives it.
     */
    public String stepLabel() {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "k");
        String key = "task.step." + step;
        return step != null && bundle.containsKey(key) ? bundle.getString(key) : stepName;
    }

    /** Its case's decision in the page's language, worded for the item (准予许可, 准予给付…); null before one. */
    public String decisionLabel() {
        return decisionKey == null
                ? null
                : Messages.format(
                        FacesContext.getCurrentInstance().getViewRoot().getLocale(), decisionKey);
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
