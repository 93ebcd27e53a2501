package org.onewindow.catalog.domain;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.error.FieldError;
import org.onewindow.kernel.identity.domain.ResidentIdNumber;
import org.onewindow.kernel.identity.domain.UnifiedSocialCreditCode;
import org.onewindow.kernel.json.Json;
import org.onewindow.kernel.personaldata.domain.Masks;
import org.onewindow.kernel.text.TextField;
import org.onewindow.kernel.text.TextProblem;
import org.onewindow.kernel.text.TextRule;

/**
 * One field of an application form (申请表字段), as the catalog's JSON writes it: {@code code}, {@code label},
 * {@code type} ({@link FormFieldType}), {@code required}, and what its type allows of {@code min}/{@code max}
 * (numbers), {@code maxLength} and {@code pattern} (free text), {@code options} (a choice), {@code columns} (a table),
 * {@code after} (a date later than another date field of the same level), {@code unit} and {@code note} (shown to the
 * clerk). Built only by {@link ApplicationForm}, which checks the definition.
 *
 * @param code the key of the answer, unique among its siblings, e.g. {@code householdSize}
 * @param label what the clerk reads, e.g. 共同生活家庭成员人数
 * @param type what the answer is
 * @param required whether the answer may be left out (a table: at least one row)
 * @param min the smallest number allowed, or null
 * @param max the largest number allowed, or null
 * @param maxLength the most characters of a free text, or null for the type's default
 * @param pattern a regular expression the whole free text must match, or null
 * @param options the choices of a {@code select}, in order; empty otherwise
 * @param unit the unit shown beside the value (元, 万元, 平方米), or null
 * @param note a hint shown beside the field, or null
 * @param columns the columns of a {@code table}; empty otherwise
 * @param after the code of the date field this date must be later than, or null
 * @param sensitive a free text that is personal information beyond the form's types (a bank account, a card
 *     number): shown masked everywhere like an ID number, all but its last four characters
 */
public record FormField(
        String code,
        String label,
        FormFieldType type,
        boolean required,
        BigDecimal min,
        BigDecimal max,
        Integer maxLength,
        String pattern,
        List<String> options,
        String unit,
        String note,
        List<FormField> columns,
        String after,
        boolean sensitive)
        implements Serializable {

    /** The most characters of a one-line answer that declares no {@code maxLength}, as any one-line text. */
    public static final int LINE_MAX_LENGTH = TextField.LINE_MAX_LENGTH;

    /** The most characters of a several-line answer that declares no {@code maxLength}. */
    public static final int LINES_MAX_LENGTH = 2000;

    /** The most characters of an organisation's name. */
    public static final int ORGANISATION_NAME_MAX_LENGTH = 100;

    /** The most rows of a table: more is no household or list a window takes in on one form. */
    public static final int ROWS_MAX = 200;

    private static final int DIGITS_MAX = 15;
    private static final int DECIMALS_MAX = 10;

    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");
    /** Area code 0 + 2–3 digits, a 7–8 digit number not starting with 0 or 1, an extension of up to 6 digits. */
    private static final Pattern LANDLINE = Pattern.compile("0[1-9][0-9]{1,2}-?[2-9][0-9]{6,7}(-[0-9]{1,6})?");

    public FormField {
        options = List.copyOf(options);
        columns = List.copyOf(columns);
    }

    /** The column of a table with this code. */
    public Optional<FormField> column(String columnCode) {
        return columns.stream().filter(c -> c.code.equals(columnCode)).findFirst();
    }

    /** The definition in the catalog's JSON shape. */
    public JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("code", code)
                .add("label", label)
                .add("type", type.json())
                .add("required", required);
        if (min != null) {
            json.add("min", min);
        }
        if (max != null) {
            json.add("max", max);
        }
        if (maxLength != null) {
            json.add("maxLength", maxLength);
        }
        if (pattern != null) {
            json.add("pattern", pattern);
        }
        if (!options.isEmpty()) {
            json.add("options", Json.createArrayBuilder(options));
        }
        if (unit != null) {
            json.add("unit", unit);
        }
        if (note != null) {
            json.add("note", note);
        }
        if (!columns.isEmpty()) {
            JsonArrayBuilder list = Json.createArrayBuilder();
            columns.forEach(column -> list.add(column.toJson()));
            json.add("columns", list);
        }
        if (sensitive) {
            json.add("sensitive", true);
        }
        if (after != null) {
            json.add("after", after);
        }
        return json.build();
    }

    // --- answers ------------------------------------------------------------------------------------------------

    /**
     * The answers of one level (the form, or a table's row) checked against its fields: each answer cleaned, every
     * error added with its path.
     *
     * @param fields the fields of the level
     * @param answers what was sent for the level
     * @param prefix the path before a field's code: "" or {@code members[2].}
     * @return the cleaned answers, the keys in the fields' order, unanswered optional fields left out
     */
    static JsonObject answers(
            List<FormField> fields, JsonObject answers, String prefix, LocalDate today, List<FieldError> errors) {
        for (String key : answers.keySet()) {
            if (fields.stream().noneMatch(field -> field.code.equals(key))) {
                errors.add(new FieldError(prefix + key, "catalog.form.answer.unknown", List.of(key)));
            }
        }
        JsonObjectBuilder cleaned = Json.createObjectBuilder();
        Map<String, LocalDate> dates = new HashMap<>();
        for (FormField field : fields) {
            JsonValue value = answers.get(field.code);
            String path = prefix + field.code;
            if (absent(value)) {
                if (field.required) {
                    errors.add(new FieldError(path, "catalog.form.answer.required", List.of(field.label)));
                }
                continue;
            }
            int before = errors.size();
            JsonValue answer = field.answer(value, path, today, errors);
            if (errors.size() == before) {
                cleaned.add(field.code, answer);
                if (field.type == FormFieldType.DATE) {
                    dates.put(field.code, LocalDate.parse(((JsonString) answer).getString()));
                }
            }
        }
        for (FormField field : fields) {
            if (field.after != null
                    && dates.get(field.code) instanceof LocalDate date
                    && dates.get(field.after) instanceof LocalDate earlier
                    && !date.isAfter(earlier)) {
                String earlierLabel = fields.stream()
                        .filter(f -> f.code.equals(field.after))
                        .findFirst()
                        .orElseThrow()
                        .label;
                errors.add(new FieldError(
                        prefix + field.code, "catalog.form.answer.after", List.of(field.label, earlierLabel)));
            }
        }
        return cleaned.build();
    }

    private static boolean absent(JsonValue value) {
        return value == null
                || value == JsonValue.NULL
                || (value instanceof JsonString s
                        && TextRule.trim(s.getString()).isEmpty())
                || (value instanceof JsonArray a && a.isEmpty());
    }

    /** This field's answer cleaned, or {@code value} unchanged with the errors added. */
    private JsonValue answer(JsonValue value, String path, LocalDate today, List<FieldError> errors) {
        return switch (type) {
            case TEXT, ADDRESS ->
                text(value, path, TextField.line(maxLength == null ? LINE_MAX_LENGTH : maxLength), errors);
            case TEXTAREA ->
                text(value, path, TextField.lines(maxLength == null ? LINES_MAX_LENGTH : maxLength), errors);
            case INTEGER, DECIMAL, MONEY -> number(value, path, errors);
            case DATE -> date(value, path, errors);
            case SELECT -> choice(value, path, errors);
            case PHONE -> phone(value, path, errors);
            case RESIDENT_ID -> residentId(value, path, today, errors);
            case ORGANISATION -> organisation(value, path, errors);
            case TABLE -> rows(value, path, today, errors);
        };
    }

    /** A string through the one text rule (ADR 0011), then the field's pattern. */
    private JsonValue text(JsonValue value, String path, TextField spec, List<FieldError> errors) {
        String text = string(value, path, errors);
        if (text == null) {
            return value;
        }
        TextRule.Checked checked = TextRule.check(label, text, spec);
        if (checked.problem() != null) {
            TextProblem problem = checked.problem();
            errors.add(new FieldError(path, problem.key(), problem.arguments()));
            return value;
        }
        if (pattern != null && !Pattern.compile(pattern).matcher(checked.text()).matches()) {
            errors.add(new FieldError(path, "catalog.form.answer.pattern", List.of(label)));
            return value;
        }
        return Json.createValue(checked.text());
    }

    private String string(JsonValue value, String path, List<FieldError> errors) {
        if (value instanceof JsonString s) {
            return s.getString();
        }
        errors.add(new FieldError(path, "catalog.form.answer.text.expected", List.of(label)));
        return null;
    }

    /** A number of the field's kind within its bounds; money keeps two decimals (分). */
    private JsonValue number(JsonValue value, String path, List<FieldError> errors) {
        String malformed = switch (type) {
            case INTEGER -> "catalog.form.answer.integer";
            case MONEY -> "catalog.form.answer.money";
            default -> "catalog.form.answer.decimal";
        };
        if (!(value instanceof JsonNumber json)) {
            errors.add(new FieldError(path, malformed, List.of(label)));
            return value;
        }
        BigDecimal number = json.bigDecimalValue();
        // More than 15 digits before the point or 10 after is no amount, count or area anyone states on a form.
        boolean fits = number.precision() - number.scale() <= DIGITS_MAX
                && number.stripTrailingZeros().scale() <= DECIMALS_MAX
                && switch (type) {
                    case INTEGER -> number.stripTrailingZeros().scale() <= 0;
                    case MONEY -> number.stripTrailingZeros().scale() <= 2;
                    default -> true;
                };
        if (!fits) {
            errors.add(new FieldError(path, malformed, List.of(label)));
            return value;
        }
        if (min != null && number.compareTo(min) < 0) {
            errors.add(new FieldError(path, "catalog.form.answer.min", List.of(label, min.toPlainString())));
            return value;
        }
        if (max != null && number.compareTo(max) > 0) {
            errors.add(new FieldError(path, "catalog.form.answer.max", List.of(label, max.toPlainString())));
            return value;
        }
        return switch (type) {
            case INTEGER -> Json.createValue(new BigDecimal(number.toBigIntegerExact()));
            case MONEY -> Json.createValue(number.setScale(2, RoundingMode.UNNECESSARY));
            default -> Json.createValue(number);
        };
    }

    private JsonValue date(JsonValue value, String path, List<FieldError> errors) {
        String text = string(value, path, errors);
        if (text == null) {
            return value;
        }
        try {
            return Json.createValue(LocalDate.parse(TextRule.trim(text)).toString());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(path, "catalog.form.answer.date", List.of(label)));
            return value;
        }
    }

    private JsonValue choice(JsonValue value, String path, List<FieldError> errors) {
        String text = string(value, path, errors);
        if (text == null) {
            return value;
        }
        String chosen = TextRule.trim(text);
        if (!options.contains(chosen)) {
            errors.add(new FieldError(path, "catalog.form.answer.option", List.of(label, String.join("、", options))));
            return value;
        }
        return Json.createValue(chosen);
    }

    /**
     * A mobile number as its 11 digits (a {@code +86} and spaces or hyphens dropped), or a landline as written
     * without spaces ({@code 0533-7123456}, an extension after a second hyphen).
     */
    private JsonValue phone(JsonValue value, String path, List<FieldError> errors) {
        String text = string(value, path, errors);
        if (text == null) {
            return value;
        }
        String typed = text.replaceAll("[\\s\\u3000]", "");
        String digits = typed.replace("-", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        }
        if (MOBILE.matcher(digits).matches()) {
            return Json.createValue(digits);
        }
        if (LANDLINE.matcher(typed).matches()) {
            return Json.createValue(typed);
        }
        errors.add(new FieldError(path, "catalog.form.answer.phone", List.of(label)));
        return value;
    }

    /** A resident ID number as the kernel checks the applicant's, kept normalised (upper-case X). */
    private JsonValue residentId(JsonValue value, String path, LocalDate today, List<FieldError> errors) {
        String text = string(value, path, errors);
        if (text == null) {
            return value;
        }
        try {
            return Json.createValue(ResidentIdNumber.parse(text, today).fullNumber());
        } catch (DomainException refused) {
            errors.add(new FieldError(path, refused));
            return value;
        }
    }

    /** {@code {"name", "uscc"}}: both required, the code checked without the window lead's override. */
    private JsonValue organisation(JsonValue value, String path, List<FieldError> errors) {
        if (!(value instanceof JsonObject organisation)) {
            errors.add(new FieldError(path, "catalog.form.answer.organisation", List.of(label)));
            return value;
        }
        for (String key : organisation.keySet()) {
            if (!key.equals("name") && !key.equals("uscc")) {
                errors.add(new FieldError(path + "." + key, "catalog.form.answer.unknown", List.of(key)));
            }
        }
        int before = errors.size();
        String name = null;
        if (absent(organisation.get("name"))) {
            errors.add(new FieldError(path + ".name", "catalog.form.answer.organisation.name", List.of(label)));
        } else {
            TextField spec = TextField.line(ORGANISATION_NAME_MAX_LENGTH);
            String typed = string(organisation.get("name"), path + ".name", errors);
            TextRule.Checked checked = typed == null ? null : TextRule.check(label, typed, spec);
            if (checked != null && checked.problem() != null) {
                errors.add(new FieldError(
                        path + ".name",
                        checked.problem().key(),
                        checked.problem().arguments()));
            } else if (checked != null) {
                name = checked.text();
            }
        }
        String uscc = null;
        JsonValue code = organisation.get("uscc");
        try {
            uscc = UnifiedSocialCreditCode.parse(code instanceof JsonString s ? s.getString() : null)
                    .value();
        } catch (DomainException refused) {
            errors.add(new FieldError(path + ".uscc", refused));
        }
        if (errors.size() > before) {
            return value;
        }
        return Json.createObjectBuilder().add("name", name).add("uscc", uscc).build();
    }

    /** Each row an object of the columns, checked as a level of its own: {@code members[2].idNumber}. */
    private JsonValue rows(JsonValue value, String path, LocalDate today, List<FieldError> errors) {
        if (!(value instanceof JsonArray rows)) {
            errors.add(new FieldError(path, "catalog.form.answer.table", List.of(label)));
            return value;
        }
        if (rows.size() > ROWS_MAX) {
            errors.add(new FieldError(path, "catalog.form.answer.rows.max", List.of(label, ROWS_MAX)));
            return value;
        }
        JsonArrayBuilder cleaned = Json.createArrayBuilder();
        for (int i = 0; i < rows.size(); i++) {
            String at = path + "[" + i + "]";
            if (rows.get(i) instanceof JsonObject row) {
                cleaned.add(answers(columns, row, at + ".", today, errors));
            } else {
                errors.add(new FieldError(at, "catalog.form.answer.row", List.of(label, i + 1)));
            }
        }
        return cleaned.build();
    }

    // --- masking ---------------------------------------------------------------------------------------------

    /** Cleaned answers of one level with resident ID numbers and phones masked, for every view. */
    static JsonObject masked(List<FormField> fields, JsonObject answers) {
        JsonObjectBuilder masked = Json.createObjectBuilder();
        answers.forEach((code, value) -> {
            FormField field =
                    fields.stream().filter(f -> f.code.equals(code)).findFirst().orElse(null);
            masked.add(code, field == null ? value : field.masked(value));
        });
        return masked.build();
    }

    private JsonValue masked(JsonValue value) {
        return switch (type) {
            case RESIDENT_ID -> value instanceof JsonString s ? Json.createValue(maskedId(s.getString())) : value;
            case PHONE -> value instanceof JsonString s ? Json.createValue(Masks.phone(s.getString())) : value;
            case TEXT -> sensitive && value instanceof JsonString s ? Json.createValue(lastFour(s.getString())) : value;
            case TABLE -> {
                if (!(value instanceof JsonArray rows)) {
                    yield value;
                }
                JsonArrayBuilder list = Json.createArrayBuilder();
                rows.forEach(row -> list.add(row instanceof JsonObject o ? masked(columns, o) : row));
                yield list.build();
            }
            default -> value;
        };
    }

    /** All but the last four characters starred: {@code ************5678}. */
    private static String lastFour(String text) {
        int keep = Math.min(4, text.codePointCount(0, text.length()) / 2);
        int cut = text.offsetByCodePoints(text.length(), -keep);
        return "*".repeat(text.codePointCount(0, cut)) + text.substring(cut);
    }

    /** The kernel's mask ({@code 370321********1234}); a stored number is never shown in full, whatever it holds. */
    private static String maskedId(String number) {
        try {
            return ResidentIdNumber.restore(number).masked();
        } catch (DomainException e) {
            return "*".repeat(number.length());
        }
    }
}
