package org.onewindow.catalog.domain;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.onewindow.kernel.error.FieldError;
import org.onewindow.kernel.error.FieldsRefusedException;
import org.onewindow.kernel.json.Json;
import org.onewindow.kernel.text.TextField;
import org.onewindow.kernel.text.TextRule;

/**
 * An item's application form (申请表): what the applicant states besides their identity and the materials, as typed
 * fields ({@link FormField}). It is the catalog element {@code applicationForm}, {@code {"name", "fields": [...]}},
 * versioned and published with the item; a tier adds optional local fields through {@code extraFormFields} (see
 * {@link OverridePolicy}), never changes or removes the standard's.
 *
 * <p>The one place both halves of its rules live: the definition ({@link #parse}, wherever an item is checked: drafts,
 * imports, overrides) and the answers ({@link #check}, at intake), each refusal a {@link FieldError} with its path.
 */
public record ApplicationForm(String name, List<FormField> fields) implements Serializable {

    /** The most characters of a form's name, a label or a note. */
    public static final int NAME_MAX_LENGTH = 100;

    /** The longest {@code maxLength} a field may declare, as a guide's paragraph. */
    public static final int MAX_LENGTH_LIMIT = 10_000;

    private static final Pattern CODE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");
    private static final List<String> FORM_KEYS = List.of("name", "fields");
    private static final List<String> FIELD_KEYS = List.of(
            "code",
            "label",
            "type",
            "required",
            "min",
            "max",
            "maxLength",
            "pattern",
            "options",
            "unit",
            "note",
            "columns",
            "after",
            "sensitive");

    public ApplicationForm {
        fields = List.copyOf(fields);
    }

    // --- the definition -------------------------------------------------------------------------------------

    /**
     * The form an element defines.
     *
     * @param definition the element's value
     * @param path how the element is named in errors, e.g. {@code applicationForm}
     * @throws FieldsRefusedException {@code catalog.form.invalid}, listing every rule broken with its path (see
     *     {@link #problems})
     */
    public static ApplicationForm parse(JsonValue definition, String path) {
        List<FieldError> errors = new ArrayList<>();
        ApplicationForm form = read(definition, path, errors);
        if (!errors.isEmpty()) {
            throw new FieldsRefusedException("catalog.form.invalid", errors);
        }
        return form;
    }

    /**
     * What is wrong with a form's definition, every rule: an object with a {@code name} and at least one field; each
     * field with a code (a letter, then letters, digits or {@code _}) unique among its siblings, a label, a known type,
     * and only the keys its type uses: {@code min ≤ max} for numbers, a positive {@code maxLength} and a valid regular
     * expression as {@code pattern} for free text, distinct {@code options} for a choice, {@code columns} for a table
     * (no table within a table), {@code after} naming a sibling date field.
     */
    public static List<FieldError> problems(JsonValue definition, String path) {
        List<FieldError> errors = new ArrayList<>();
        read(definition, path, errors);
        return errors;
    }

    /**
     * Local fields a tier adds (its {@code extraFormFields}): definitions as a form's fields, each optional.
     *
     * @throws FieldsRefusedException {@code catalog.form.invalid} as {@link #parse}
     */
    public static List<FormField> parseFields(JsonValue definitions, String path) {
        List<FieldError> errors = new ArrayList<>();
        List<FormField> fields = fields(definitions, path, false, errors);
        if (!errors.isEmpty()) {
            throw new FieldsRefusedException("catalog.form.invalid", errors);
        }
        return fields;
    }

    /**
     * The form of an effective item: the standard's {@code applicationForm} with the local fields of the tiers
     * ({@code extraFormFields}) after it; empty when the item has no form.
     *
     * @throws FieldsRefusedException when a stored definition no longer passes (it was checked when it was written)
     */
    public static Optional<ApplicationForm> of(JsonObject elements) {
        JsonValue standard = elements.get(ItemElements.APPLICATION_FORM);
        if (standard == null || standard == JsonValue.NULL) {
            return Optional.empty();
        }
        ApplicationForm form = parse(standard, ItemElements.APPLICATION_FORM);
        JsonValue local = elements.get(ItemElements.EXTRA_FORM_FIELDS);
        if (local == null || local == JsonValue.NULL) {
            return Optional.of(form);
        }
        List<FormField> all = new ArrayList<>(form.fields);
        all.addAll(parseFields(local, ItemElements.EXTRA_FORM_FIELDS));
        return Optional.of(new ApplicationForm(form.name, all));
    }

    private static ApplicationForm read(JsonValue definition, String path, List<FieldError> errors) {
        if (!(definition instanceof JsonObject form)) {
            errors.add(new FieldError(path, "catalog.form.object.expected", List.of(path)));
            return null;
        }
        unknownKeys(form, FORM_KEYS, path, errors);
        String name = text(form, "name", path, true, errors);
        JsonValue list = form.get("fields");
        if (!(list instanceof JsonArray array) || array.isEmpty()) {
            errors.add(new FieldError(path + ".fields", "catalog.form.fields.required", List.of()));
            return null;
        }
        List<FormField> fields = fields(array, path + ".fields", false, errors);
        return errors.isEmpty() ? new ApplicationForm(name, fields) : null;
    }

    /** A list of field definitions; {@code columns}: they are a table's, which holds no table. */
    private static List<FormField> fields(
            JsonValue definitions, String path, boolean columns, List<FieldError> errors) {
        if (!(definitions instanceof JsonArray array)) {
            errors.add(new FieldError(path, "catalog.form.list.expected", List.of(path)));
            return List.of();
        }
        List<FormField> fields = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            String at = path + "[" + i + "]";
            if (!(array.get(i) instanceof JsonObject definition)) {
                errors.add(new FieldError(at, "catalog.form.field.object.expected", List.of(i + 1)));
                continue;
            }
            FormField field = field(definition, at, columns, errors);
            if (field != null && !codes.add(field.code())) {
                errors.add(new FieldError(at + ".code", "catalog.form.field.code.duplicate", List.of(field.code())));
            }
            if (field != null) {
                fields.add(field);
                paths.add(at);
            }
        }
        for (int i = 0; i < fields.size(); i++) {
            FormField field = fields.get(i);
            if (field.after() != null
                    && fields.stream()
                            .noneMatch(f -> f.code().equals(field.after()) && f.type() == FormFieldType.DATE)) {
                errors.add(new FieldError(
                        paths.get(i) + ".after",
                        "catalog.form.field.after.unknown",
                        List.of(field.code(), field.after())));
            }
        }
        return fields;
    }

    /** One field's definition, or null when it cannot be read at all; every broken rule added to {@code errors}. */
    private static FormField field(JsonObject definition, String path, boolean column, List<FieldError> errors) {
        int before = errors.size();
        unknownKeys(definition, FIELD_KEYS, path, errors);
        String code = text(definition, "code", path, true, errors);
        if (code != null && !CODE.matcher(code).matches()) {
            errors.add(new FieldError(path + ".code", "catalog.form.field.code.format", List.of(code)));
        }
        String label = text(definition, "label", path, true, errors);
        String typeName = text(definition, "type", path, true, errors);
        FormFieldType type =
                typeName == null ? null : FormFieldType.of(typeName).orElse(null);
        if (typeName != null && type == null) {
            errors.add(new FieldError(
                    path + ".type", "catalog.form.field.type.unknown", List.of(typeName, FormFieldType.names())));
        }
        JsonValue requiredValue = definition.get("required");
        boolean required = requiredValue == JsonValue.TRUE;
        if (requiredValue != null && requiredValue != JsonValue.TRUE && requiredValue != JsonValue.FALSE) {
            errors.add(new FieldError(path + ".required", "catalog.form.field.boolean.expected", List.of("required")));
        }
        JsonValue sensitiveValue = definition.get("sensitive");
        boolean sensitive = sensitiveValue == JsonValue.TRUE;
        if (sensitiveValue != null && sensitiveValue != JsonValue.TRUE && sensitiveValue != JsonValue.FALSE) {
            errors.add(
                    new FieldError(path + ".sensitive", "catalog.form.field.boolean.expected", List.of("sensitive")));
        }
        String unit = text(definition, "unit", path, false, errors);
        String note = text(definition, "note", path, false, errors);
        if (type == null) {
            return null;
        }
        BigDecimal min = number(definition, "min", type.numeric(), type, path, errors);
        BigDecimal max = number(definition, "max", type.numeric(), type, path, errors);
        if (min != null && max != null && min.compareTo(max) > 0) {
            errors.add(new FieldError(
                    path + ".max",
                    "catalog.form.field.min.above.max",
                    List.of(min.toPlainString(), max.toPlainString())));
        }
        Integer maxLength = maxLength(definition, type, path, errors);
        String pattern = pattern(definition, type, path, errors);
        List<String> options = options(definition, type, path, errors);
        List<FormField> columns = List.of();
        if (type == FormFieldType.TABLE && column) {
            errors.add(
                    new FieldError(path + ".type", "catalog.form.field.table.nested", List.of(String.valueOf(code))));
        } else if (type == FormFieldType.TABLE) {
            JsonValue list = definition.get("columns");
            if (!(list instanceof JsonArray array) || array.isEmpty()) {
                errors.add(new FieldError(path + ".columns", "catalog.form.field.columns.required", List.of(code)));
            } else {
                columns = fields(array, path + ".columns", true, errors);
            }
        } else {
            notFor(definition, "columns", type, path, errors);
        }
        String after = text(definition, "after", path, false, errors);
        if (after != null && type != FormFieldType.DATE) {
            errors.add(new FieldError(path + ".after", "catalog.form.field.key.type", List.of("after", type.json())));
        }
        if (sensitive && type != FormFieldType.TEXT) {
            errors.add(new FieldError(
                    path + ".sensitive", "catalog.form.field.key.type", List.of("sensitive", type.json())));
        }
        if (errors.size() > before) {
            return null;
        }
        return new FormField(
                code, label, type, required, min, max, maxLength, pattern, options, unit, note, columns, after,
                sensitive);
    }

    private static void unknownKeys(JsonObject object, List<String> known, String path, List<FieldError> errors) {
        object.keySet().stream()
                .filter(key -> !known.contains(key))
                .forEach(key -> errors.add(new FieldError(
                        path + "." + key, "catalog.form.key.unknown", List.of(key, String.join(", ", known)))));
    }

    /** A text of at most {@link #NAME_MAX_LENGTH} characters (one line, through the text rule), or null. */
    private static String text(JsonObject object, String key, String path, boolean required, List<FieldError> errors) {
        JsonValue value = object.get(key);
        if (value == null || value == JsonValue.NULL) {
            if (required) {
                errors.add(new FieldError(path + "." + key, "catalog.form.key.required", List.of(key)));
            }
            return null;
        }
        if (!(value instanceof JsonString string)) {
            errors.add(new FieldError(path + "." + key, "catalog.form.text.expected", List.of(key)));
            return null;
        }
        int limit = key.equals("pattern") || key.equals("note") ? MAX_LENGTH_LIMIT : NAME_MAX_LENGTH;
        TextRule.Checked checked = TextRule.check(key, string.getString(), TextField.line(limit));
        if (checked.problem() != null) {
            errors.add(new FieldError(
                    path + "." + key, checked.problem().key(), checked.problem().arguments()));
            return null;
        }
        if (checked.text().isEmpty()) {
            if (required) {
                errors.add(new FieldError(path + "." + key, "catalog.form.key.required", List.of(key)));
            }
            return null;
        }
        return checked.text();
    }

    private static BigDecimal number(
            JsonObject definition, String key, boolean allowed, FormFieldType type, String path, List<FieldError> e) {
        JsonValue value = definition.get(key);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!allowed) {
            notFor(definition, key, type, path, e);
            return null;
        }
        if (!(value instanceof JsonNumber number)) {
            e.add(new FieldError(path + "." + key, "catalog.form.number.expected", List.of(key)));
            return null;
        }
        return number.bigDecimalValue();
    }

    private static Integer maxLength(JsonObject definition, FormFieldType type, String path, List<FieldError> e) {
        JsonValue value = definition.get("maxLength");
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!type.freeText()) {
            notFor(definition, "maxLength", type, path, e);
            return null;
        }
        if (value instanceof JsonNumber number
                && number.isIntegral()
                && number.bigDecimalValue().signum() > 0
                && number.bigDecimalValue().compareTo(BigDecimal.valueOf(MAX_LENGTH_LIMIT)) <= 0) {
            return number.intValue();
        }
        e.add(new FieldError(path + ".maxLength", "catalog.form.field.maxLength", List.of(MAX_LENGTH_LIMIT)));
        return null;
    }

    private static String pattern(JsonObject definition, FormFieldType type, String path, List<FieldError> e) {
        if (definition.get("pattern") != null && !type.freeText()) {
            notFor(definition, "pattern", type, path, e);
            return null;
        }
        String pattern = text(definition, "pattern", path, false, e);
        if (pattern != null) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException invalid) {
                e.add(new FieldError(path + ".pattern", "catalog.form.field.pattern.invalid", List.of(pattern)));
                return null;
            }
        }
        return pattern;
    }

    private static List<String> options(JsonObject definition, FormFieldType type, String path, List<FieldError> e) {
        JsonValue value = definition.get("options");
        if (type != FormFieldType.SELECT) {
            notFor(definition, "options", type, path, e);
            return List.of();
        }
        if (!(value instanceof JsonArray array) || array.isEmpty()) {
            e.add(new FieldError(path + ".options", "catalog.form.field.options.required", List.of()));
            return List.of();
        }
        List<String> options = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String option = array.get(i) instanceof JsonString s ? TextRule.trim(s.getString()) : "";
            if (option.isEmpty() || option.length() > NAME_MAX_LENGTH) {
                e.add(new FieldError(path + ".options[" + i + "]", "catalog.form.field.option.text", List.of(i + 1)));
            } else if (options.contains(option)) {
                e.add(new FieldError(
                        path + ".options[" + i + "]", "catalog.form.field.option.duplicate", List.of(option)));
            } else {
                options.add(option);
            }
        }
        return options;
    }

    private static void notFor(JsonObject definition, String key, FormFieldType type, String path, List<FieldError> e) {
        JsonValue value = definition.get(key);
        if (value != null && value != JsonValue.NULL) {
            e.add(new FieldError(path + "." + key, "catalog.form.field.key.type", List.of(key, type.json())));
        }
    }

    /** The definition in the catalog's JSON shape. */
    public JsonObject toJson() {
        JsonArrayBuilder list = Json.createArrayBuilder();
        fields.forEach(field -> list.add(field.toJson()));
        return Json.createObjectBuilder().add("name", name).add("fields", list).build();
    }

    /** The field with this code at the form's top level. */
    public Optional<FormField> field(String code) {
        return fields.stream().filter(f -> f.code().equals(code)).findFirst();
    }

    // --- the answers ------------------------------------------------------------------------------------------

    /**
     * The answers as they are kept, or why not.
     *
     * @param answers the cleaned answers (texts through the text rule, numbers of money with two decimals, phones and
     *     ID numbers normalised), in the fields' order; null when there are errors
     * @param errors every answer refused, with its path ({@code members[2].idNumber}) and message key
     */
    public record Checked(JsonObject answers, List<FieldError> errors) {
        public Checked {
            errors = List.copyOf(errors);
        }
    }

    /**
     * Checks an applicant's answers, a pure function of the form, the answers and the day: required answers there (a
     * required table with a row), each of its field's type ({@code catalog.form.answer.*}), within {@code min},
     * {@code max}, {@code maxLength} and {@code pattern}, one of the {@code options}, a resident ID number or a USCC
     * valid by the kernel's identifier rules ({@code identity.resident.*}, {@code identity.uscc.*}), texts by the one
     * text rule ({@code text.*}), dates ISO 8601 and after their {@code after} date; keys the form does not have are
     * refused.
     *
     * @param answers what was sent; null counts as nothing answered
     * @param today the day a resident ID's birth date must not be after (the tenant's date)
     */
    public Checked check(JsonObject answers, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        JsonObject cleaned =
                FormField.answers(fields, answers == null ? JsonValue.EMPTY_JSON_OBJECT : answers, "", today, errors);
        return new Checked(errors.isEmpty() ? cleaned : null, errors);
    }

    /**
     * The answers as they are kept.
     *
     * @throws FieldsRefusedException {@code catalog.form.answers.refused}, listing every answer refused (see
     *     {@link #check})
     */
    public JsonObject answers(JsonObject answers, LocalDate today) {
        Checked checked = check(answers, today);
        if (!checked.errors().isEmpty()) {
            throw new FieldsRefusedException("catalog.form.answers.refused", checked.errors());
        }
        return checked.answers();
    }

    /** Kept answers as every view shows them: resident ID numbers ({@code 370321********1234}) and phones masked. */
    public JsonObject masked(JsonObject answers) {
        return FormField.masked(fields, answers);
    }
}
