package org.onewindow.ui.clerk.cases;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.onewindow.catalog.domain.FormField;
import org.onewindow.catalog.domain.FormFieldType;
import org.onewindow.kernel.json.Json;

/**
 * One field of the application form (申请表) as the intake page edits it: what the item's form says of it, and what
 * the clerk typed, in the holder its input binds to (a text, a number, a date, an organisation's name and code, or the
 * rows of a table). Turned into the JSON answer the intake service checks; the service's message for the field is put
 * back beside it. Mutable view state.
 */
public final class FormEntry implements Serializable {

    /** A field's code, then for a table's cell the row's index and the column's path. */
    private static final Pattern PATH = Pattern.compile("([A-Za-z][A-Za-z0-9_]*)(?:\\[(\\d{1,4})]\\.(.+))?.*");

    private final String code;
    private final String label;
    private final String type;
    private final boolean required;
    private final String unit;
    private final String note;
    private final Integer maxLength;
    private final List<String> options;
    private final List<FormField> columns;

    private String text;
    private BigDecimal number;
    private LocalDate date;
    private String organisationName;
    private String organisationCode;
    private final List<Row> rows = new ArrayList<>();
    private String error;

    /** One row of a table: an entry per column. */
    public static final class Row implements Serializable {
        private final List<FormEntry> cells;

        Row(List<FormField> columns) {
            cells = columns.stream().map(FormEntry::new).toList();
        }

        public List<FormEntry> getCells() {
            return cells;
        }
    }

    FormEntry(FormField field) {
        code = field.code();
        label = field.label();
        type = field.type().json();
        required = field.required();
        unit = field.unit();
        note = field.note();
        maxLength = field.maxLength();
        options = List.copyOf(field.options());
        columns = List.copyOf(field.columns());
        if (field.type() == FormFieldType.TABLE && required) {
            rows.add(new Row(columns));
        }
    }

    /** Adds an empty row at the end of a table. */
    public void addRow() {
        rows.add(new Row(columns));
    }

    /** Removes a row of a table. */
    public void removeRow(Row row) {
        rows.remove(row);
    }

    /** The answer as JSON, or null when nothing was typed. */
    JsonValue answer() {
        return switch (FormFieldType.of(type).orElseThrow()) {
            case INTEGER, DECIMAL, MONEY -> number == null ? null : Json.createValue(number);
            case DATE -> date == null ? null : Json.createValue(date.toString());
            case ORGANISATION ->
                blank(organisationName) && blank(organisationCode)
                        ? null
                        : Json.createObjectBuilder()
                                .add("name", organisationName == null ? "" : organisationName)
                                .add("uscc", organisationCode == null ? "" : organisationCode)
                                .build();
            case TABLE -> {
                var list = Json.createArrayBuilder();
                rows.forEach(row -> list.add(answers(row.cells)));
                yield rows.isEmpty() ? null : list.build();
            }
            default -> blank(text) ? null : Json.createValue(text);
        };
    }

    /** The answers of entries, by code. */
    static JsonObject answers(List<FormEntry> entries) {
        JsonObjectBuilder answers = Json.createObjectBuilder();
        for (FormEntry entry : entries) {
            JsonValue answer = entry.answer();
            if (answer != null) {
                answers.add(entry.code, answer);
            }
        }
        return answers.build();
    }

    /**
     * Shows a refusal beside the entry the path names: {@code phone}, {@code builder.uscc}, {@code members[1].idNumber}.
     *
     * @return whether an entry took it
     */
    static boolean showError(List<FormEntry> entries, String path, String message) {
        Matcher at = PATH.matcher(path);
        if (!at.matches()) {
            return false;
        }
        for (FormEntry entry : entries) {
            if (!entry.code.equals(at.group(1))) {
                continue;
            }
            if (at.group(2) != null && Integer.parseInt(at.group(2)) < entry.rows.size()) {
                return showError(entry.rows.get(Integer.parseInt(at.group(2))).cells, at.group(3), message);
            }
            entry.error = entry.error == null ? message : entry.error + "；" + message;
            return true;
        }
        return false;
    }

    /** Clears the messages of the entries and their rows. */
    static void clearErrors(List<FormEntry> entries) {
        for (FormEntry entry : entries) {
            entry.error = null;
            entry.rows.forEach(row -> clearErrors(row.cells));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    public String getCode() {
        return code;
    }

    public String getLabel() {
        return label;
    }

    /** The type's JSON name ({@code residentId}), which the page picks the input by. */
    public String getType() {
        return type;
    }

    public boolean isRequired() {
        return required;
    }

    public String getUnit() {
        return unit;
    }

    public String getNote() {
        return note;
    }

    /** The most characters the input takes: the field's own limit, else the form's default for its kind. */
    public int getMaxLength() {
        if (maxLength != null) {
            return maxLength;
        }
        return "textarea".equals(type) ? FormField.LINES_MAX_LENGTH : FormField.LINE_MAX_LENGTH;
    }

    public List<String> getOptions() {
        return options;
    }

    /** The labels of a table's columns, as its legend lists them: 姓名、身份证号码… */
    public String getColumnList() {
        return String.join("、", columns.stream().map(FormField::label).toList());
    }

    public List<Row> getRows() {
        return rows;
    }

    public String getError() {
        return error;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public BigDecimal getNumber() {
        return number;
    }

    public void setNumber(BigDecimal number) {
        this.number = number;
    }

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }

    public String getOrganisationName() {
        return organisationName;
    }

    public void setOrganisationName(String organisationName) {
        this.organisationName = organisationName;
    }

    public String getOrganisationCode() {
        return organisationCode;
    }

    public void setOrganisationCode(String organisationCode) {
        this.organisationCode = organisationCode;
    }
}
