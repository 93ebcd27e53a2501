package org.onewindow.catalog.transfer;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.onewindow.catalog.domain.ApplicationForm;

/**
 * The rules an imported item must meet before anything is stored (导入校验): the required elements, the known
 * values of each coded element, a valid application form (申请表), whole numbers of days with the promise within the law's limit, a department
 * the county has, and each item code once per file. Every broken rule is reported, none stops the check.
 */
final class ItemRules {

    /** The coded elements and their values, each with the label a county's spreadsheet may use instead. */
    static final Map<String, Map<String, String>> VOCABULARIES = Map.of(
            "type",
            labels(
                    "ADMINISTRATIVE_LICENCE", "行政许可",
                    "ADMINISTRATIVE_PAYMENT", "行政给付",
                    "ADMINISTRATIVE_CONFIRMATION", "行政确认",
                    "ADMINISTRATIVE_LEVY", "行政征收",
                    "ADMINISTRATIVE_REWARD", "行政奖励",
                    "ADMINISTRATIVE_ADJUDICATION", "行政裁决",
                    "OTHER_ADMINISTRATIVE_POWER", "其他行政权力",
                    "PUBLIC_SERVICE", "公共服务"),
            "serviceObject",
            labels("NATURAL_PERSON", "自然人", "LEGAL_PERSON", "法人", "BOTH", "自然人和法人"),
            "handlingTier",
            labels("COUNTY", "县级", "TOWN", "乡镇级", "VILLAGE", "村级"),
            "intakeTiers",
            labels("COUNTY", "县级", "TOWN", "乡镇级", "VILLAGE", "村级"),
            "resultType",
            labels("LICENCE", "证照", "REPLY", "批复"),
            "form",
            labels("ORIGINAL", "原件", "COPY", "复印件", "ELECTRONIC", "电子"));

    static final List<String> REQUIRED = List.of(
            "code",
            "name",
            "type",
            "serviceObject",
            "department",
            "handlingTier",
            "intakeTiers",
            "onTheSpot",
            "commitmentAllowed",
            "statutoryLimitDays",
            "promisedLimitDays",
            "legalBasis");
    static final List<String> BOOLEANS = List.of("onTheSpot", "commitmentAllowed");
    static final List<String> TEXT_LISTS =
            List.of("aliases", "themes", "lifeEvents", "legalBasis", "conditions", "acceptanceCriteria");
    static final List<String> MATERIAL_REQUIRED = List.of("code", "name", "form", "copies", "mandatory");

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final int NAME_LENGTH = 200;

    private final Set<String> departments;
    private final String county;
    private final Set<String> templates;

    /**
     * @param departments the codes of the departments of the editor's county
     * @param county that county's division code, for the message
     * @param templates the keys of the standard process templates in force
     */
    ItemRules(Set<String> departments, String county, Set<String> templates) {
        this.departments = Set.copyOf(departments);
        this.county = county;
        this.templates = Set.copyOf(templates);
    }

    /** What is wrong with the items, in file order; empty when all may be stored. */
    List<RowError> check(List<ImportedItem> items) {
        List<RowError> errors = new ArrayList<>();
        Map<String, Where> firstSeen = new HashMap<>();
        for (ImportedItem item : items) {
            check(item, errors);
            String code = item.code();
            if (!code.isEmpty()) {
                Where first = firstSeen.putIfAbsent(code, item.where());
                if (first != null) {
                    errors.add(item.where().error("code", "catalog.import.code.duplicate", code, first.row()));
                }
            }
        }
        return errors;
    }

    private void check(ImportedItem item, List<RowError> errors) {
        JsonObject elements = item.elements();
        Where where = item.where();
        for (String name : REQUIRED) {
            if (absent(elements.get(name))) {
                errors.add(where.error(name, "catalog.import.required", name));
            }
        }
        if (elements.get("code") instanceof JsonString code
                && !CODE.matcher(code.getString()).matches()) {
            errors.add(where.error("code", "catalog.import.code.format", code.getString()));
        }
        text(elements, "name", where, errors);
        if (elements.get("name") instanceof JsonString name && name.getString().length() > NAME_LENGTH) {
            errors.add(where.error("name", "catalog.import.too.long", "name", NAME_LENGTH));
        }
        for (String coded : List.of("type", "serviceObject", "handlingTier", "resultType")) {
            coded(elements.get(coded), coded, coded, where, errors);
        }
        if (elements.get("department") instanceof JsonString department
                && !department.getString().isBlank()
                && !departments.contains(department.getString())) {
            errors.add(where.error("department", "catalog.import.department.unknown", department.getString(), county));
        } else {
            text(elements, "department", where, errors);
        }
        if (elements.get("process") instanceof JsonObject process
                && process.get("template") instanceof JsonString template
                && !templates.contains(template.getString())) {
            errors.add(where.error("process", "catalog.import.process.template.unknown", template.getString()));
        }
        if (list(elements, "intakeTiers", where, errors) instanceof JsonArray tiers) {
            tiers.forEach(tier -> coded(tier, "intakeTiers", "intakeTiers", where, errors));
        }
        BOOLEANS.forEach(name -> bool(elements.get(name), name, where, errors));
        Integer statutory = days(elements.get("statutoryLimitDays"), "statutoryLimitDays", 0, where, errors);
        Integer promised = days(elements.get("promisedLimitDays"), "promisedLimitDays", 0, where, errors);
        if (statutory != null && promised != null && promised > statutory) {
            errors.add(
                    where.error("promisedLimitDays", "catalog.import.promised.above.statutory", promised, statutory));
        }
        days(elements.get("onlineDepth"), "onlineDepth", 0, where, errors);
        days(elements.get("maxVisits"), "maxVisits", 0, where, errors);
        for (String name : TEXT_LISTS) {
            if (list(elements, name, where, errors) instanceof JsonArray values) {
                values.forEach(value -> {
                    if (!(value instanceof JsonString)) {
                        errors.add(where.error(name, "catalog.import.text.expected", name));
                    }
                });
            }
        }
        JsonValue resultLicence = elements.get("resultLicenseType");
        if (resultLicence != null && resultLicence != JsonValue.NULL && !(resultLicence instanceof JsonString)) {
            errors.add(where.error("resultLicenseType", "catalog.import.text.expected", "resultLicenseType"));
        }
        if (elements.get(ApplicationForm.ELEMENT) instanceof JsonValue form && form != JsonValue.NULL) {
            ApplicationForm.problems(form, ApplicationForm.ELEMENT)
                    .forEach(problem -> errors.add(where.error(
                            problem.field(), problem.key(), problem.arguments().toArray())));
        }
        if (list(elements, "materials", where, errors) instanceof JsonArray materials) {
            Set<String> codes = new HashSet<>();
            for (int i = 0; i < materials.size(); i++) {
                Where at = i < item.materials().size() ? item.materials().get(i) : where.material(i + 1);
                if (materials.get(i) instanceof JsonObject material) {
                    material(material, at, errors);
                    String code = material.getString("code", "");
                    if (!code.isEmpty() && !codes.add(code)) {
                        errors.add(at.error("code", "catalog.import.material.duplicate", item.code(), code));
                    }
                } else {
                    errors.add(at.error("", "catalog.import.object.expected"));
                }
            }
        }
    }

    private static void material(JsonObject material, Where where, List<RowError> errors) {
        for (String name : MATERIAL_REQUIRED) {
            if (absent(material.get(name))) {
                errors.add(where.error(name, "catalog.import.required", name));
            }
        }
        text(material, "code", where, errors);
        text(material, "name", where, errors);
        coded(material.get("form"), "form", "form", where, errors);
        days(material.get("copies"), "copies", 0, where, errors);
        bool(material.get("mandatory"), "mandatory", where, errors);
        if (list(material, "sources", where, errors) instanceof JsonArray sources) {
            sources.forEach(source -> {
                if (!(source instanceof JsonString)) {
                    errors.add(where.error("sources", "catalog.import.text.expected", "sources"));
                }
            });
        }
    }

    private static boolean absent(JsonValue value) {
        return value == null
                || value == JsonValue.NULL
                || (value instanceof JsonString s && s.getString().isBlank())
                || (value instanceof JsonArray a && a.isEmpty());
    }

    private static void text(JsonObject elements, String name, Where where, List<RowError> errors) {
        JsonValue value = elements.get(name);
        if (!absent(value) && !(value instanceof JsonString)) {
            errors.add(where.error(name, "catalog.import.text.expected", name));
        }
    }

    private static void coded(JsonValue value, String vocabulary, String column, Where where, List<RowError> errors) {
        if (absent(value)) {
            return;
        }
        Map<String, String> known = VOCABULARIES.get(vocabulary);
        String given = value instanceof JsonString s ? s.getString() : value.toString();
        if (!known.containsKey(given)) {
            errors.add(where.error(
                    column, "catalog.import.value.unknown", column, given, String.join(", ", known.keySet())));
        }
    }

    private static void bool(JsonValue value, String name, Where where, List<RowError> errors) {
        if (!absent(value)
                && value.getValueType() != JsonValue.ValueType.TRUE
                && value.getValueType() != JsonValue.ValueType.FALSE) {
            errors.add(where.error(name, "catalog.import.boolean.malformed", name, shown(value)));
        }
    }

    /** A whole number of at least {@code min}, or null (with an error when it is there but is not one). */
    private static Integer days(JsonValue value, String name, int min, Where where, List<RowError> errors) {
        if (absent(value)) {
            return null;
        }
        if (value instanceof JsonNumber number
                && number.isIntegral()
                && number.bigDecimalValue().signum() >= 0) {
            try {
                int days = number.intValueExact();
                if (days >= min) {
                    return days;
                }
            } catch (ArithmeticException e) {
                // far too large: refused below like any other malformed number
            }
        }
        errors.add(where.error(name, "catalog.import.number.malformed", name, shown(value)));
        return null;
    }

    private static JsonValue list(JsonObject elements, String name, Where where, List<RowError> errors) {
        JsonValue value = elements.get(name);
        if (value != null && value != JsonValue.NULL && !(value instanceof JsonArray)) {
            errors.add(where.error(name, "catalog.import.list.expected", name));
            return null;
        }
        return value;
    }

    private static String shown(JsonValue value) {
        return value instanceof JsonString s ? s.getString() : value.toString();
    }

    /** The code a spreadsheet's label stands for (行政许可 → ADMINISTRATIVE_LICENCE); anything else unchanged. */
    static String code(String vocabulary, String given) {
        Map<String, String> known = VOCABULARIES.get(vocabulary);
        for (Map.Entry<String, String> entry : known.entrySet()) {
            if (entry.getValue().equals(given)) {
                return entry.getKey();
            }
        }
        return given;
    }

    private static Map<String, String> labels(String... codesAndLabels) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < codesAndLabels.length; i += 2) {
            labels.put(codesAndLabels[i], codesAndLabels[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(labels);
    }
}
