package org.onewindow.ui.clerk.tasks;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.function.Supplier;
import org.onewindow.casework.application.ReviewService;
import org.onewindow.casework.domain.Case;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.scope.Caller;
import org.onewindow.ui.FacesMessages;
import org.onewindow.ui.clerk.cases.CaseBacking;

/**
 * The review actions on the case page ({@code /clerk/cases/case.xhtml?number=…&task=…}): claim and release the task,
 * approve, reject with reason and basis, ask for supplements, a special procedure, the one extension. Each is
 * {@link ReviewService}'s; this bean keeps the dialogs' fields and reloads the case after an act. A task outside the
 * caller's groups is not found (the error page, 404).
 */
@Named
@ViewScoped
public class ReviewBacking implements Serializable {

    @Inject
    ReviewService review;

    @Inject
    CaseBacking caseBacking;

    @Inject
    Caller caller;

    private String taskId;
    private TaskRow task;

    private String opinion;
    private String legalBasis;
    private String reason;
    private String procedureKind = "EXPERT_REVIEW";
    private Integer workingDays;
    private String approvedBy;
    private String result;
    private boolean rejectChecked;

    /** @throws DomainException 404 for a task outside the caller's groups, shown as the error page */
    public void load() {
        if (taskId != null && !taskId.isBlank()) {
            task = TaskRow.of(review.task(taskId.strip()));
        }
    }

    public void claim() {
        act(() -> review.claim(task.id()), "review.claimed", null);
    }

    public void release() {
        act(() -> review.release(task.id()), "review.released", null);
    }

    public void approve() {
        act(() -> review.approve(task.id(), opinion, legalBasis), "review.approved", "review-dialogs:approve-dialog");
    }

    /**
     * Checks the rejection before asking for confirmation (§38: a reason and the legal basis), each refusal beside its
     * field; only when both are given does the dialog turn to its confirmation ({@link #isRejectChecked}), where
     * {@link #reject} acts.
     */
    public void checkReject() {
        try {
            Case.checkedOpinion(false, reason, legalBasis);
        } catch (DomainException e) {
            FacesMessages.error(
                    e.key().startsWith("casework.decision.basis")
                            ? "review-dialogs:reject-basis"
                            : "review-dialogs:reject-reason",
                    e);
            return;
        }
        rejectChecked = true;
    }

    /** Back from the rejection's confirmation to its fields. */
    public void editReject() {
        rejectChecked = false;
    }

    public void reject() {
        // Done or refused, the dialog shows its fields again (with the refusal, if any).
        rejectChecked = false;
        act(() -> review.reject(task.id(), reason, legalBasis), "review.rejected", "review-dialogs:reject-dialog");
    }

    /** Whether the rejection was checked and waits for its confirmation. */
    public boolean isRejectChecked() {
        return rejectChecked;
    }

    public void requestSupplement() {
        act(
                () -> review.requestSupplement(task.id(), reason, legalBasis),
                "review.supplement.requested",
                "review-dialogs:supplement-dialog");
    }

    public void receiveSupplement() {
        act(() -> review.receiveSupplement(task.id()), "review.supplement.received", null);
    }

    public void startSpecialProcedure() {
        act(
                () -> review.startSpecialProcedure(task.id(), procedureKind, reason, legalBasis, workingDays),
                "review.procedure.started",
                "review-dialogs:procedure-dialog");
    }

    public void endSpecialProcedure() {
        act(
                () -> review.endSpecialProcedure(task.id(), result),
                "review.procedure.ended",
                "review-dialogs:end-procedure-dialog");
    }

    public void extend() {
        act(
                () -> review.extend(task.id(), workingDays, approvedBy, reason),
                "review.extended",
                "review-dialogs:extend-dialog");
    }

    /**
     * Runs an act; on success says so, clears the dialogs and reads the case and the task again. A refusal is said
     * once: in the dialog the act came from ({@code dialog}, its client id), else at the top of the page.
     */
    private void act(Supplier<?> action, String done, String dialog) {
        try {
            action.get();
        } catch (DomainException e) {
            FacesMessages.error(dialog, e);
            return;
        }
        FacesMessages.infoOf("k", done);
        opinion = null;
        legalBasis = null;
        reason = null;
        workingDays = null;
        approvedBy = null;
        result = null;
        caseBacking.reload();
        reloadTask();
    }

    /** Reads the task again after an act on the page (issuance completes the delivery task); null once it is gone. */
    public void reloadTask() {
        if (task == null) {
            return;
        }
        try {
            task = TaskRow.of(review.task(task.id()));
        } catch (DomainException gone) {
            task = null;
        }
    }

    /** Whether the caller holds the task and so may act on it. */
    public boolean isMine() {
        return task != null && task.claimedBy(caller.require().username());
    }

    /** Whether the task decides (a review or the window's on-the-spot decision), not a delivery. */
    public boolean isDeciding() {
        return task != null && !"WINDOW_DELIVERY".equals(task.kind());
    }

    public String getTaskId() {
        return taskId;
    }

    public void setTaskId(String taskId) {
        this.taskId = taskId;
    }

    public TaskRow getTask() {
        return task;
    }

    public String getOpinion() {
        return opinion;
    }

    public void setOpinion(String opinion) {
        this.opinion = opinion;
    }

    public String getLegalBasis() {
        return legalBasis;
    }

    public void setLegalBasis(String legalBasis) {
        this.legalBasis = legalBasis;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getProcedureKind() {
        return procedureKind;
    }

    public void setProcedureKind(String procedureKind) {
        this.procedureKind = procedureKind;
    }

    public Integer getWorkingDays() {
        return workingDays;
    }

    public void setWorkingDays(Integer workingDays) {
        this.workingDays = workingDays;
    }

    public String getApprovedBy() {
        return approvedBy;
    }

    public void setApprovedBy(String approvedBy) {
        this.approvedBy = approvedBy;
    }

    public String getResult() {
        return result;
    }

    public void setResult(String result) {
        this.result = result;
    }
}
