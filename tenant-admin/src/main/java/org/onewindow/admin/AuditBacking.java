package org.onewindow.admin;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BinaryOperator;
import org.onewindow.kernel.audit.application.AuditTrailService;
import org.onewindow.kernel.audit.domain.AuditEntry;
import org.onewindow.kernel.calendar.WorkingDayCalendar;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.error.Messages;
import org.onewindow.kernel.tenant.domain.OpeningHours;
import org.onewindow.ui.FacesMessages;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.StreamedContent;

/**
 * The console's audit page ({@code /admin/audit.xhtml}, 审计日志): the trail of the scope, page by page, filtered by
 * who, what and when, in words (action names and changed fields in the page's language), its export as CSV that
 * Chinese Excel opens, and its verification.
 */
@Named
@ViewScoped
public class AuditBacking implements Serializable {

    /** The most rows one export writes; a narrower filter exports the rest. */
    static final int EXPORT_MAX_ROWS = 100_000;

    private static final int EXPORT_BATCH = 1000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Inject
    Clock clock;

    @Inject
    AuditTrailService trail;

    private String tenantPrefix;
    private String actor;
    private String action;
    private String subjectType;
    private String subject;
    private LocalDate from;
    private LocalDate to;
    private VerificationView verification;

    private final LazyDataModel<EntryRow> entries = new LazyDataModel<>() {
        @Override
        public int count(Map<String, FilterMeta> filters) {
            try {
                return (int) trail.count(filter());
            } catch (DomainException e) {
                FacesMessages.error(e);
                return 0;
            }
        }

        @Override
        public List<EntryRow> load(
                int first, int pageSize, Map<String, SortMeta> sort, Map<String, FilterMeta> filters) {
            try {
                return rows(trail.page(filter(), first, pageSize));
            } catch (DomainException e) {
                return List.of();
            }
        }

        @Override
        public String getRowKey(EntryRow row) {
            return row.tenant() + ":" + row.seq();
        }
    };

    /**
     * An entry as the table shows it: words, not keys (a division's, an account's and an object's name where the
     * scope holds it); the keys stay for the title and the export.
     */
    public record EntryRow(
            String tenant,
            String tenantName,
            long seq,
            java.util.Date occurredAt,
            String actor,
            String actorName,
            String action,
            String actionLabel,
            String subject,
            String subjectKey,
            String change)
            implements Serializable {}

    /** A choice of the action filter. */
    public record ActionChoice(String key, String label) implements Serializable {}

    /** A verification outcome as the page shows it. */
    public record VerificationView(boolean intact, int chains, long entries, List<String> broken)
            implements Serializable {}

    public void search() {
        // The lazy model reads the filter on its next load; a period the wrong way round is said here.
        try {
            trail.count(filter());
        } catch (DomainException e) {
            FacesMessages.error(e);
        }
    }

    public void clear() {
        tenantPrefix = null;
        actor = null;
        action = null;
        subjectType = null;
        subject = null;
        from = null;
        to = null;
    }

    /** The actions of the scope in words, for the action filter. */
    public List<ActionChoice> getActions() {
        return trail.actions().stream()
                .map(key -> new ActionChoice(key, actionLabel(key)))
                .sorted(java.util.Comparator.comparing(ActionChoice::label))
                .toList();
    }

    /** The kinds of object of the scope in words, for the object filter. */
    public List<ActionChoice> getSubjectTypes() {
        return trail.subjectTypes().stream()
                .map(key -> new ActionChoice(key, subjectTypeLabel(key)))
                .sorted(java.util.Comparator.comparing(ActionChoice::label))
                .toList();
    }

    /**
     * The filtered trail as a CSV file: UTF-8 with a byte order mark, so that Chinese Excel opens it as UTF-8;
     * action names and changes in words; at most {@value #EXPORT_MAX_ROWS} rows, newest first.
     */
    public StreamedContent getExport() {
        AuditTrailService.Filter filter = filter();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(
                AdminText.text("audit.time"),
                AdminText.text("audit.tenant"),
                AdminText.text("audit.seq"),
                AdminText.text("audit.tenant.name"),
                AdminText.text("audit.actor"),
                AdminText.text("audit.actor.name"),
                AdminText.text("audit.action"),
                AdminText.text("audit.action.key"),
                AdminText.text("audit.subject"),
                AdminText.text("audit.subject.key"),
                AdminText.text("audit.change")));
        try {
            for (int first = 0; first < EXPORT_MAX_ROWS; first += EXPORT_BATCH) {
                List<AuditEntry> batch = trail.page(filter, first, EXPORT_BATCH);
                for (EntryRow row : rows(batch)) {
                    rows.add(List.of(
                            TIME.format(ZonedDateTime.ofInstant(row.occurredAt().toInstant(), WorkingDayCalendar.ZONE)),
                            row.tenant(),
                            String.valueOf(row.seq()),
                            row.tenantName(),
                            row.actor(),
                            row.actorName(),
                            row.actionLabel(),
                            row.action(),
                            row.subject(),
                            row.subjectKey(),
                            row.change()));
                }
                if (batch.size() < EXPORT_BATCH) {
                    break;
                }
            }
        } catch (DomainException e) {
            FacesMessages.error(e);
        }
        byte[] bytes = csv(rows);
        return DefaultStreamedContent.builder()
                .name("audit-" + WorkingDayCalendar.today(clock) + ".csv")
                .contentType("text/csv; charset=UTF-8")
                .contentLength((long) bytes.length)
                .stream(() -> new ByteArrayInputStream(bytes))
                .build();
    }

    /** The rows as a CSV file in UTF-8 with a byte order mark, which Chinese Excel needs to read it as UTF-8. */
    static byte[] csv(List<List<String>> rows) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        rows.forEach(row -> csv.append(csvLine(row)));
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One CSV line (RFC 4180); a cell that Excel would run as a formula is kept as text. */
    static String csvLine(List<String> cells) {
        List<String> quoted = new ArrayList<>();
        for (String cell : cells) {
            String text = cell == null ? "" : cell;
            if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
                text = "'" + text;
            }
            quoted.add("\"" + text.replace("\"", "\"\"") + "\"");
        }
        return String.join(",", quoted) + "\r\n";
    }

    public void verify() {
        try {
            AuditTrailService.Verification result = trail.verify();
            Locale locale = locale();
            List<String> broken = result.broken().stream()
                    .map(b -> FacesMessages.text(
                            "audit.broken.at",
                            b.tenantCode(),
                            b.seq(),
                            Messages.format(locale, b.reasonKey(), b.seq())))
                    .toList();
            verification = new VerificationView(result.intact(), result.chains(), result.entries(), broken);
        } catch (DomainException e) {
            FacesMessages.error(e);
        }
    }

    private AuditTrailService.Filter filter() {
        return new AuditTrailService.Filter(tenantPrefix, actor, action, subjectType, subject, from, to);
    }

    /** A page of entries in words, their names read at once for the page. */
    private List<EntryRow> rows(List<AuditEntry> entries) {
        AuditTrailService.Names names = trail.names(entries);
        return entries.stream().map(e -> row(e, names)).toList();
    }

    static EntryRow row(AuditEntry e, AuditTrailService.Names names) {
        String tenantName = names.places().getOrDefault(e.tenantCode(), e.tenantCode());
        // The product itself (demo data, start-up tasks) acts as "system", the installer as "installation".
        String actorName =
                names.accounts().getOrDefault(e.actor(), AdminText.textOr("audit.by." + e.actor(), e.actor()));
        return new EntryRow(
                e.tenantCode(),
                tenantName,
                e.seq(),
                java.util.Date.from(e.occurredAt()),
                e.actor(),
                actorName,
                e.action(),
                actionLabel(e.action()),
                subjectTypeLabel(e.subjectType()) + " " + subjectName(e, names),
                e.subjectType() + " " + e.subjectId(),
                change(e.before(), e.after(), (field, value) -> nameOf(field, value, e.tenantCode(), names)));
    }

    /** The kind of object in words ({@code case_file} → 办件), its key when the console has none. */
    static String subjectTypeLabel(String type) {
        return AdminText.textOr("audit.subject." + type, type);
    }

    /**
     * What an entry is about, by name: an account's display name, a division's, point's, window's or department's
     * name, what another module names (an item's name with its key, a case's number); else a name its own state
     * gives; the key itself when none resolves.
     */
    static String subjectName(AuditEntry e, AuditTrailService.Names names) {
        String id = e.subjectId();
        String named = switch (e.subjectType()) {
            case "staff-account" -> names.accounts().get(id);
            case "department" -> names.places().get(e.tenantCode() + "/" + id);
            default -> names.places().get(id);
        };
        if (named != null) {
            return named;
        }
        if (names.subject(e) != null) {
            return names.subject(e);
        }
        for (JsonObject state : java.util.Arrays.asList(parse(e.after()), parse(e.before()))) {
            if (state == null) {
                continue;
            }
            for (String field : List.of("caseNumber", "name", "displayName", "itemName")) {
                if (state.get(field) instanceof JsonString text
                        && !text.getString().isBlank()) {
                    return text.getString();
                }
            }
        }
        return id;
    }

    /**
     * A stored value by name where it is a key the page can name: the id of a point or window and the code of a
     * division in any field, a department's code in {@code departments}, the account of a reviewer or clerk. A
     * {@code code} field stays as written: it is the key itself.
     */
    static String nameOf(String field, String value, String tenantCode, AuditTrailService.Names names) {
        String named = switch (field) {
            case "code" -> null;
            case "reviewer", "answeredBy", "issuedBy" -> names.accounts().get(value);
            case "departments", "department" -> names.places().get(tenantCode + "/" + value);
            default -> names.places().get(value);
        };
        return named == null ? value : named;
    }

    private static final java.util.regex.Pattern UUID_TEXT =
            java.util.regex.Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** Whether a value is absent or a bare id that no name stood in for. */
    private static boolean internalKey(String value) {
        return value == null || UUID_TEXT.matcher(value).matches();
    }

    /** The action in words ({@code login.succeeded} → 登录成功); an action the console has no words for shows its key. */
    static String actionLabel(String action) {
        return AdminText.textOr("audit.action." + action, action);
    }

    /**
     * What changed, in words: for a change, each field that differs as "名称：旧 → 新"; for a creation or a deletion,
     * the fields of the one state there is.
     */
    static String change(String before, String after) {
        return change(before, after, (field, value) -> value);
    }

    /**
     * As {@link #change(String, String)}, each value (each entry of a comma-separated list) by its name where {@code
     * named} knows one, and the fields of a nested object each on its own ("patch.name：旧 → 新"), never the JSON.
     */
    static String change(String before, String after, BinaryOperator<String> named) {
        Map<String, String> old = flat(parse(before));
        Map<String, String> now = flat(parse(after));
        Set<String> fields = new LinkedHashSet<>();
        if (old != null) {
            fields.addAll(old.keySet());
        }
        if (now != null) {
            fields.addAll(now.keySet());
        }
        List<String> parts = new ArrayList<>();
        for (String field : fields) {
            String leaf = field.substring(field.lastIndexOf('.') + 1);
            String was = old == null ? null : named(leaf, valueLabel(leaf, old.get(field)), named);
            String is = now == null ? null : named(leaf, valueLabel(leaf, now.get(field)), named);
            String label = AdminText.textOr("audit.field." + field, AdminText.textOr("audit.field." + leaf, field));
            if (internalKey(was) && internalKey(is)) {
                // An id nothing names (a closure's own id): a key for the export, not words for the reader.
                continue;
            }
            if (old != null && now != null) {
                if (!java.util.Objects.equals(was, is)) {
                    parts.add(label + "：" + blank(was) + " → " + blank(is));
                }
            } else {
                parts.add(label + "：" + blank(was == null ? is : was));
            }
        }
        return String.join("；", parts);
    }

    /** A stored code in words where the console knows the words: roles, division levels, kinds. */
    static String valueLabel(String field, String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return switch (field) {
            case "roles" -> {
                List<String> words = new ArrayList<>();
                for (String role : value.split(",")) {
                    words.add(Messages.format(locale(), "role." + role.strip()));
                }
                yield String.join("、", words);
            }
            case "level" -> AdminText.uiTextOr("level." + value, value);
            case "kind" -> AdminText.uiTextOr("point.kind." + value, AdminText.textOr("calendar.kind." + value, value));
            case "settingSource" -> AdminText.textOr("settings.source." + value, value);
            case "state", "delivery" -> AdminText.textOr("audit.value." + field + "." + value, value);
            case "openingHours", "selfServiceHours" -> hours(value);
            default ->
                value.equals("true") || value.equals("false") ? AdminText.textOr("audit.value." + value, value) : value;
        };
    }

    private static String named(String field, String value, BinaryOperator<String> named) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        List<String> words = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            words.add(named.apply(field, part.strip()));
        }
        return String.join(value.contains(",") ? "、" : "", words);
    }

    /** The fields of a state, those of a nested object under "outer.inner", a list's entries joined by commas. */
    private static Map<String, String> flat(JsonObject state) {
        if (state == null) {
            return null;
        }
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        flat("", state, fields);
        return fields;
    }

    private static void flat(String prefix, JsonObject object, Map<String, String> into) {
        object.forEach((field, value) -> {
            if (value instanceof JsonObject nested && !nested.isEmpty()) {
                flat(prefix + field + ".", nested, into);
            } else if (value instanceof jakarta.json.JsonArray list
                    && list.stream().noneMatch(v -> v instanceof JsonObject || v instanceof jakarta.json.JsonArray)) {
                into.put(
                        prefix + field,
                        String.join(",", list.stream().map(AuditBacking::text).toList()));
            } else {
                into.put(prefix + field, text(value));
            }
        });
    }

    /** A service point's stored hours ("MONDAY=08:30-12:00,13:30-17:00;…") as "周一 08:30-12:00, 13:30-17:00 / …". */
    private static String hours(String stored) {
        try {
            return String.join(
                    " / ",
                    OpeningHours.parse(stored).days().stream()
                            .map(day -> day.day().getDisplayName(TextStyle.SHORT, locale()) + " " + day.shown())
                            .toList());
        } catch (RuntimeException unreadable) {
            return stored;
        }
    }

    private static JsonObject parse(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            JsonValue value = org.onewindow.kernel.json.Json.createReader(new java.io.StringReader(json))
                    .readValue();
            return value instanceof JsonObject object ? object : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String text(JsonValue value) {
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        return value instanceof JsonString s ? s.getString() : value.toString();
    }

    private static String blank(String value) {
        return value == null || value.isEmpty() ? "—" : value;
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    public LazyDataModel<EntryRow> getEntries() {
        return entries;
    }

    public String getTenantPrefix() {
        return tenantPrefix;
    }

    public void setTenantPrefix(String tenantPrefix) {
        this.tenantPrefix = tenantPrefix;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getSubjectType() {
        return subjectType;
    }

    public void setSubjectType(String subjectType) {
        this.subjectType = subjectType;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public VerificationView getVerification() {
        return verification;
    }
}
