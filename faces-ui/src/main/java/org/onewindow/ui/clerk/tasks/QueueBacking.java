package org.onewindow.ui.clerk.tasks;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import java.io.Serializable;
import java.util.function.Supplier;
import org.onewindow.casework.application.ReviewService;
import org.onewindow.casework.application.WorkQueueService;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.scope.Caller;
import org.onewindow.ui.FacesMessages;

/**
 * The work queue page ({@code /clerk/tasks/queue.xhtml}, 待办任务): the caller's open and claimed tasks by promised due
 * date, filtered by state and searched by case number or applicant name; claim (认领) and release (释放). Two staff
 * claiming the same task: one wins, the other reads why.
 */
@Named
@ViewScoped
public class QueueBacking implements Serializable {

    /** Tasks per page. */
    static final int ROWS = 20;

    @Inject
    WorkQueueService queue;

    @Inject
    ReviewService review;

    @Inject
    Caller caller;

    private String state;
    private String search;
    private TaskQueueModel tasks;

    /** The queue from its first page, as the filters now say. */
    public void find() {
        tasks = null;
    }

    public TaskQueueModel getTasks() {
        if (tasks == null) {
            tasks = new TaskQueueModel(queue, state, search);
        }
        return tasks;
    }

    public void claim(String taskId) {
        act(() -> review.claim(taskId), "queue.claimed");
    }

    public void release(String taskId) {
        act(() -> review.release(taskId), "queue.released");
    }

    /** Claims or releases; either way the queue is read again (another may have been quicker). */
    private void act(Supplier<JsonObject> action, String done) {
        try {
            FacesMessages.infoOf("k", done, TaskRow.of(action.get()).caseReference());
        } catch (DomainException e) {
            FacesMessages.error(e);
        }
        tasks = null;
    }

    /** Whether the caller holds the task (may release it, or act on it). */
    public boolean mine(TaskRow task) {
        return task.claimedBy(caller.require().username());
    }

    public String getState() {
        return state;
    }

    /** {@code ALL} (the select's "open and claimed") or blank: no state filter. */
    public void setState(String state) {
        this.state = state == null || state.isBlank() || state.equals("ALL") ? null : state;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }
}
