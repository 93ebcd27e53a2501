package org.onewindow.catalog.domain;

import static org.onewindow.catalog.domain.ItemElements.ACCEPTANCE_CRITERIA;
import static org.onewindow.catalog.domain.ItemElements.ALIASES;
import static org.onewindow.catalog.domain.ItemElements.APPLICATION_FORM;
import static org.onewindow.catalog.domain.ItemElements.CODE;
import static org.onewindow.catalog.domain.ItemElements.COMMITMENT_ALLOWED;
import static org.onewindow.catalog.domain.ItemElements.CONDITIONS;
import static org.onewindow.catalog.domain.ItemElements.DEPARTMENT;
import static org.onewindow.catalog.domain.ItemElements.FEES;
import static org.onewindow.catalog.domain.ItemElements.FEE_AMOUNT;
import static org.onewindow.catalog.domain.ItemElements.FEE_BASIS;
import static org.onewindow.catalog.domain.ItemElements.FEE_COLLECTED_BY;
import static org.onewindow.catalog.domain.ItemElements.FEE_UNIT;
import static org.onewindow.catalog.domain.ItemElements.HANDLING_TIER;
import static org.onewindow.catalog.domain.ItemElements.INTAKE_TIERS;
import static org.onewindow.catalog.domain.ItemElements.LEGAL_BASIS;
import static org.onewindow.catalog.domain.ItemElements.LIFE_EVENTS;
import static org.onewindow.catalog.domain.ItemElements.MATERIALS;
import static org.onewindow.catalog.domain.ItemElements.MATERIAL_COPIES;
import static org.onewindow.catalog.domain.ItemElements.MATERIAL_FORM;
import static org.onewindow.catalog.domain.ItemElements.MATERIAL_MANDATORY;
import static org.onewindow.catalog.domain.ItemElements.MATERIAL_NOTE;
import static org.onewindow.catalog.domain.ItemElements.MATERIAL_SOURCES;
import static org.onewindow.catalog.domain.ItemElements.MAX_VISITS;
import static org.onewindow.catalog.domain.ItemElements.NAME;
import static org.onewindow.catalog.domain.ItemElements.ONLINE_DEPTH;
import static org.onewindow.catalog.domain.ItemElements.ON_THE_SPOT;
import static org.onewindow.catalog.domain.ItemElements.PROCESS;
import static org.onewindow.catalog.domain.ItemElements.PROCESS_STEPS;
import static org.onewindow.catalog.domain.ItemElements.PROCESS_TEMPLATE;
import static org.onewindow.catalog.domain.ItemElements.PROMISED_LIMIT_DAYS;
import static org.onewindow.catalog.domain.ItemElements.RESULT_LICENSE_TYPE;
import static org.onewindow.catalog.domain.ItemElements.RESULT_TYPE;
import static org.onewindow.catalog.domain.ItemElements.SERVICE_OBJECT;
import static org.onewindow.catalog.domain.ItemElements.STATUTORY_LIMIT_DAYS;
import static org.onewindow.catalog.domain.ItemElements.THEMES;
import static org.onewindow.catalog.domain.ItemElements.TYPE;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.onewindow.kernel.error.DomainException;

/**
 * The rules every standard item meets before it is stored (事项要素校验), the one check of an item however it
 * arrives: a draft saved or published through the API or the console, a JSON file or a workbook imported. They are
 * the required elements, the known values of each coded element, whole numbers of working days with the promise
 * within the law's limit ({@link WorkingDayLimits}), a valid application form (申请表), well-formed materials and
 * fees, a department the county has and a process template in force. Every broken rule is reported with its
 * element, none stops the check; a file's own rules (each item code once per file) stay with the import.
 */
public final class ItemRules {

    /** The coded elements and their values, each with the label a county's spreadsheet may use instead. */
    public static final Map<String, Map<String, String>> VOCABULARIES = Map.of(
            TYPE,
            labels(
                    "ADMINISTRATIVE_LICENCE", "行政许可",
                    "ADMINISTRATIVE_PAYMENT", "行政给付",
                    "ADMINISTRATIVE_CONFIRMATION", "行政确认",
                    "ADMINISTRATIVE_LEVY", "行政征收",
                    "ADMINISTRATIVE_REWARD", "行政奖励",
                    "ADMINISTRATIVE_ADJUDICATION", "行政裁决",
                    "OTHER_ADMINISTRATIVE_POWER", "其他行政权力",
                    "PUBLIC_SERVICE", "公共服务"),
            SERVICE_OBJECT,
            labels("NATURAL_PERSON", "自然人", "LEGAL_PERSON", "法人", "BOTH", "自然人和法人"),
            HANDLING_TIER,
            labels("COUNTY", "县级", "TOWN", "乡镇级", "VILLAGE", "村级"),
            INTAKE_TIERS,
            labels("COUNTY", "县级", "TOWN", "乡镇级", "VILLAGE", "村级"),
            RESULT_TYPE,
            labels("LICENCE", "证照", "REPLY", "批复"),
            MATERIAL_FORM,
            labels("ORIGINAL", "原件", "COPY", "复印件", "ELECTRONIC", "电子"));

    /** The elements every item has. */
    public static final List<String> REQUIRED = List.of(
            CODE,
            NAME,
            TYPE,
            SERVICE_OBJECT,
            DEPARTMENT,
            HANDLING_TIER,
            INTAKE_TIERS,
            ON_THE_SPOT,
            COMMITMENT_ALLOWED,
            STATUTORY_LIMIT_DAYS,
            PROMISED_LIMIT_DAYS,
            LEGAL_BASIS);

    static final List<String> BOOLEANS = List.of(ON_THE_SPOT, COMMITMENT_ALLOWED);
    static final List<String> TEXT_LISTS =
            List.of(ALIASES, THEMES, LIFE_EVENTS, LEGAL_BASIS, CONDITIONS, ACCEPTANCE_CRITERIA);
    static final List<String> MATERIAL_REQUIRED =
            List.of(CODE, NAME, MATERIAL_FORM, MATERIAL_COPIES, MATERIAL_MANDATORY);
    static final List<String> FEE_TEXTS = List.of(NAME, FEE_BASIS, FEE_UNIT, FEE_AMOUNT, FEE_COLLECTED_BY);

    private static final Pattern CODE_PATTERN = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final int NAME_LENGTH = 200;

    private final Set<String> departments;
    private final String county;
    private final Set<String> templates;

    /**
     * @param departments the codes of the departments of the editor's county
     * @param county that county's division code, for the message
     * @param templates the keys of the standard process templates in force
     */
    public ItemRules(Set<String> departments, String county, Set<String> templates) {
        this.departments = Set.copyOf(departments);
        this.county = county;
        this.templates = Set.copyOf(templates);
    }

    private ItemRules() {
        this.departments = null;
        this.county = "";
        this.templates = null;
    }

    /**
     * The rules of the item's own shape, without the county's departments and templates: for reading an item
     * already stored ({@link CatalogItem#of}), which met them all when it was written.
     */
    public static ItemRules shapeOnly() {
        return new ItemRules();
    }

    /**
     * Refuses an item that breaks a rule.
     *
     * @throws ItemRefused listing every rule broken, each with its element
     */
    public void require(JsonObject elements) {
        List<ElementProblem> problems = check(elements);
        if (!problems.isEmpty()) {
            throw new ItemRefused(problems);
        }
    }

    /** What is wrong with the item, element by element; empty when it may be stored. */
    public List<ElementProblem> check(JsonObject elements) {
        List<ElementProblem> errors = new ArrayList<>();
        for (String name : REQUIRED) {
            if (absent(elements.get(name))) {
                errors.add(ElementProblem.of(name, "catalog.import.required", name));
            }
        }
        if (elements.get(CODE) instanceof JsonString code
                && !CODE_PATTERN.matcher(code.getString()).matches()) {
            errors.add(ElementProblem.of(CODE, "catalog.import.code.format", code.getString()));
        }
        text(elements, NAME, -1, errors);
        if (elements.get(NAME) instanceof JsonString name && name.getString().length() > NAME_LENGTH) {
            errors.add(ElementProblem.of(NAME, "catalog.import.too.long", NAME, NAME_LENGTH));
        }
        for (String coded : List.of(TYPE, SERVICE_OBJECT, HANDLING_TIER, RESULT_TYPE)) {
            coded(elements.get(coded), coded, -1, errors);
        }
        if (departments != null
                && elements.get(DEPARTMENT) instanceof JsonString department
                && !department.getString().isBlank()
                && !departments.contains(department.getString())) {
            errors.add(
                    ElementProblem.of(DEPARTMENT, "catalog.import.department.unknown", department.getString(), county));
        } else {
            text(elements, DEPARTMENT, -1, errors);
        }
        process(elements.get(PROCESS), errors);
        if (list(elements, INTAKE_TIERS, -1, errors) instanceof JsonArray tiers) {
            tiers.forEach(tier -> coded(tier, INTAKE_TIERS, -1, errors));
        }
        BOOLEANS.forEach(name -> bool(elements.get(name), name, -1, errors));
        limits(elements, errors);
        days(elements.get(ONLINE_DEPTH), ONLINE_DEPTH, -1, errors);
        days(elements.get(MAX_VISITS), MAX_VISITS, -1, errors);
        for (String name : TEXT_LISTS) {
            texts(elements, name, -1, errors);
        }
        JsonValue resultLicence = elements.get(RESULT_LICENSE_TYPE);
        if (resultLicence != null && resultLicence != JsonValue.NULL && !(resultLicence instanceof JsonString)) {
            errors.add(ElementProblem.of(RESULT_LICENSE_TYPE, "catalog.import.text.expected", RESULT_LICENSE_TYPE));
        }
        if (elements.get(APPLICATION_FORM) instanceof JsonValue form && form != JsonValue.NULL) {
            ApplicationForm.problems(form, APPLICATION_FORM)
                    .forEach(problem ->
                            errors.add(new ElementProblem(-1, problem.field(), problem.key(), problem.arguments())));
        }
        if (list(elements, FEES, -1, errors) instanceof JsonArray fees) {
            for (JsonValue fee : fees) {
                if (fee instanceof JsonObject object) {
                    FEE_TEXTS.forEach(name -> text(object, name, -1, errors));
                } else {
                    errors.add(ElementProblem.of(FEES, "catalog.import.object.expected"));
                }
            }
        }
        materials(elements, errors);
        return errors;
    }

    /** Both limits whole working days, the promise within the law's: {@link WorkingDayLimits} decides. */
    private static void limits(JsonObject elements, List<ElementProblem> errors) {
        Integer statutory = days(elements.get(STATUTORY_LIMIT_DAYS), STATUTORY_LIMIT_DAYS, -1, errors);
        Integer promised = days(elements.get(PROMISED_LIMIT_DAYS), PROMISED_LIMIT_DAYS, -1, errors);
        if (statutory != null && promised != null) {
            try {
                new WorkingDayLimits(statutory, promised);
            } catch (DomainException refused) {
                errors.add(ElementProblem.of(
                        PROMISED_LIMIT_DAYS, refused.key(), refused.arguments().toArray()));
            }
        }
    }

    private void process(JsonValue process, List<ElementProblem> errors) {
        if (process == null || process == JsonValue.NULL) {
            return;
        }
        if (!(process instanceof JsonObject object)) {
            errors.add(ElementProblem.of(PROCESS, "catalog.import.object.expected"));
            return;
        }
        if (object.get(PROCESS_TEMPLATE) instanceof JsonString template) {
            if (templates != null && !templates.contains(template.getString())) {
                errors.add(ElementProblem.of(PROCESS, "catalog.import.process.template.unknown", template.getString()));
            }
        } else {
            errors.add(ElementProblem.of(PROCESS, "catalog.import.required", PROCESS + "." + PROCESS_TEMPLATE));
        }
        if (list(object, PROCESS_STEPS, -1, errors) instanceof JsonArray steps) {
            steps.forEach(step -> {
                if (!(step instanceof JsonObject)) {
                    errors.add(ElementProblem.of(PROCESS_STEPS, "catalog.import.object.expected"));
                }
            });
        }
    }

    private static void materials(JsonObject elements, List<ElementProblem> errors) {
        if (!(list(elements, MATERIALS, -1, errors) instanceof JsonArray materials)) {
            return;
        }
        String item =
                elements.get(CODE) instanceof JsonString code ? code.getString().strip() : "";
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < materials.size(); i++) {
            if (!(materials.get(i) instanceof JsonObject material)) {
                errors.add(new ElementProblem(i, "", "catalog.import.object.expected", List.of()));
                continue;
            }
            for (String name : MATERIAL_REQUIRED) {
                if (absent(material.get(name))) {
                    errors.add(new ElementProblem(i, name, "catalog.import.required", List.of(name)));
                }
            }
            text(material, CODE, i, errors);
            text(material, NAME, i, errors);
            text(material, MATERIAL_NOTE, i, errors);
            coded(material.get(MATERIAL_FORM), MATERIAL_FORM, i, errors);
            days(material.get(MATERIAL_COPIES), MATERIAL_COPIES, i, errors);
            bool(material.get(MATERIAL_MANDATORY), MATERIAL_MANDATORY, i, errors);
            texts(material, MATERIAL_SOURCES, i, errors);
            String code = material.getString(CODE, "");
            if (!code.isEmpty() && !codes.add(code)) {
                errors.add(new ElementProblem(i, CODE, "catalog.import.material.duplicate", List.of(item, code)));
            }
        }
    }

    static boolean absent(JsonValue value) {
        return value == null
                || value == JsonValue.NULL
                || (value instanceof JsonString s && s.getString().isBlank())
                || (value instanceof JsonArray a && a.isEmpty());
    }

    private static void text(JsonObject elements, String name, int material, List<ElementProblem> errors) {
        JsonValue value = elements.get(name);
        if (!absent(value) && !(value instanceof JsonString)) {
            errors.add(new ElementProblem(material, name, "catalog.import.text.expected", List.of(name)));
        }
    }

    private static void texts(JsonObject elements, String name, int material, List<ElementProblem> errors) {
        if (list(elements, name, material, errors) instanceof JsonArray values) {
            values.forEach(value -> {
                if (!(value instanceof JsonString)) {
                    errors.add(new ElementProblem(material, name, "catalog.import.text.expected", List.of(name)));
                }
            });
        }
    }

    private static void coded(JsonValue value, String vocabulary, int material, List<ElementProblem> errors) {
        if (absent(value)) {
            return;
        }
        Map<String, String> known = VOCABULARIES.get(vocabulary);
        String given = value instanceof JsonString s ? s.getString() : value.toString();
        if (!known.containsKey(given)) {
            errors.add(new ElementProblem(
                    material,
                    vocabulary,
                    "catalog.import.value.unknown",
                    List.of(vocabulary, given, String.join(", ", known.keySet()))));
        }
    }

    private static void bool(JsonValue value, String name, int material, List<ElementProblem> errors) {
        if (!absent(value)
                && value.getValueType() != JsonValue.ValueType.TRUE
                && value.getValueType() != JsonValue.ValueType.FALSE) {
            errors.add(new ElementProblem(
                    material, name, "catalog.import.boolean.malformed", List.of(name, shown(value))));
        }
    }

    /** A whole number of at least 0, or null (with an error when it is there but is not one). */
    private static Integer days(JsonValue value, String name, int material, List<ElementProblem> errors) {
        if (absent(value)) {
            return null;
        }
        if (value instanceof JsonNumber number
                && number.isIntegral()
                && number.bigDecimalValue().signum() >= 0) {
            try {
                return number.intValueExact();
            } catch (ArithmeticException e) {
                // far too large: refused below like any other malformed number
            }
        }
        errors.add(new ElementProblem(material, name, "catalog.import.number.malformed", List.of(name, shown(value))));
        return null;
    }

    private static JsonValue list(JsonObject elements, String name, int material, List<ElementProblem> errors) {
        JsonValue value = elements.get(name);
        if (value != null && value != JsonValue.NULL && !(value instanceof JsonArray)) {
            errors.add(new ElementProblem(material, name, "catalog.import.list.expected", List.of(name)));
            return null;
        }
        return value;
    }

    private static String shown(JsonValue value) {
        return value instanceof JsonString s ? s.getString() : value.toString();
    }

    /** The code a spreadsheet's label stands for (行政许可 → ADMINISTRATIVE_LICENCE); anything else unchanged. */
    public static String code(String vocabulary, String given) {
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
        return Collections.unmodifiableMap(labels);
    }
}
