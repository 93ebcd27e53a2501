package org.onewindow.ui.clerk.tasks;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.onewindow.casework.application.WorkQueueService;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The queue as a lazy PrimeFaces table over the service's keyset pages (by promised due date, then id): a queue of
 * hundreds of thousands is never counted or skipped through. The model remembers the cursor of every page it has
 * seen, so the paginator offers the pages read so far and the next one, and going back costs one page read.
 */
public class TaskQueueModel extends LazyDataModel<TaskRow> {

    /** A client proxy of the application-scoped service: serializable with the view. */
    private final WorkQueueService queue;

    private final String state;
    private final String search;

    /** {@code cursors.get(i)} opens page i; the first page needs none. */
    private final List<String> cursors = new ArrayList<>();

    /** The size of the last page, once a page without a next one was read; -1 while unknown. */
    private int lastPageSize = -1;

    public TaskQueueModel(WorkQueueService queue, String state, String search) {
        this.queue = queue;
        this.state = state;
        this.search = search;
        cursors.add(null);
    }

    /** The rows known to exist: every reachable page full, or exactly, once the last page was read. */
    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        int pageSize = Math.max(1, getPageSize() == 0 ? QueueBacking.ROWS : getPageSize());
        return lastPageSize >= 0 ? (cursors.size() - 1) * pageSize + lastPageSize : cursors.size() * pageSize;
    }

    @Override
    public List<TaskRow> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        int page = Math.min(first / Math.max(1, pageSize), cursors.size() - 1);
        JsonObject answer = queue.queue(state, null, search, cursors.get(page), pageSize);
        List<TaskRow> rows = new ArrayList<>();
        answer.getJsonArray("tasks").forEach(task -> rows.add(TaskRow.of(task.asJsonObject())));
        JsonValue next = answer.get("next");
        boolean more = next != null && next.getValueType() == JsonValue.ValueType.STRING;
        if (more && cursors.size() == page + 1) {
            cursors.add(answer.getString("next"));
        }
        if (!more && cursors.size() == page + 1) {
            lastPageSize = rows.size();
        }
        setRowCount(count(filterBy));
        return rows;
    }

    @Override
    public String getRowKey(TaskRow row) {
        return row.id();
    }

    @Override
    public TaskRow getRowData(String rowKey) {
        return getWrappedData() == null
                ? null
                : getWrappedData().stream()
                        .filter(row -> row.id().equals(rowKey))
                        .findFirst()
                        .orElse(null);
    }
}
