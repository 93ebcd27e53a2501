package org.onewindow.catalog.guide;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.onewindow.catalog.domain.ApplicationForm;
import org.onewindow.catalog.domain.EffectiveItem;
import org.onewindow.catalog.domain.ElementSource;
import org.onewindow.catalog.domain.FormField;
import org.onewindow.catalog.domain.ItemElements;
import org.onewindow.catalog.guide.ServiceGuide.Fact;
import org.onewindow.catalog.guide.ServiceGuide.Material;
import org.onewindow.catalog.guide.ServiceGuide.Section;

/**
 * Words an effective item as a service guide. Pure: the names of departments and licence types come in as
 * maps, so the wording is tested without a database. An element the item does not have is left out rather than
 * printed empty.
 */
public final class GuideBuilder {

    private static final String ELICENSE = "ELICENSE:";
    private static final String SHARED = "SHARED:";

    private final GuideText text;
    private final EffectiveItem item;
    private final JsonObject elements;
    private final Function<String, String> departmentName;
    private final Function<String, String> licenceName;

    private GuideBuilder(
            EffectiveItem item,
            Locale locale,
            Function<String, String> departmentName,
            Function<String, String> licenceName) {
        this.text = GuideText.of(locale);
        this.item = item;
        this.elements = item.elements();
        this.departmentName = departmentName;
        this.licenceName = licenceName;
    }

    /**
     * @param departments department code → official name, for the place's county
     * @param licences licence type code → name
     */
    public static ServiceGuide build(
            String tenantCode,
            String tenantName,
            EffectiveItem item,
            Map<String, String> departments,
            Map<String, String> licences,
            Locale locale) {
        GuideBuilder builder = new GuideBuilder(
                item, locale, code -> departments.getOrDefault(code, code), code -> licences.getOrDefault(code, code));
        return new ServiceGuide(
                tenantCode,
                tenantName,
                item.standard().code(),
                builder.string("name"),
                item.standard().number(),
                builder.text.locale(),
                builder.sections(),
                builder.materials());
    }

    private List<Section> sections() {
        List<Section> sections = new ArrayList<>();
        section(
                sections,
                "basic",
                List.of(
                        fact("code", List.of(item.standard().code())),
                        fact("type", value("type", string("type"))),
                        fact(ItemElements.LEGAL_BASIS, strings(ItemElements.LEGAL_BASIS)),
                        fact(
                                ItemElements.SERVICE_OBJECT,
                                value(ItemElements.SERVICE_OBJECT, string(ItemElements.SERVICE_OBJECT))),
                        fact("department", mapped(string("department"), departmentName)),
                        fact(ItemElements.HANDLING_TIER, value("tier", string(ItemElements.HANDLING_TIER))),
                        fact(
                                ItemElements.INTAKE_TIERS,
                                joined(strings(ItemElements.INTAKE_TIERS).stream()
                                        .map(t -> text.value("tier", t))
                                        .toList())),
                        fact(ItemElements.THEMES, joined(strings(ItemElements.THEMES))),
                        fact(ItemElements.LIFE_EVENTS, joined(strings(ItemElements.LIFE_EVENTS)))));
        section(sections, "conditions", List.of(fact(ItemElements.CONDITIONS, strings(ItemElements.CONDITIONS))));
        section(
                sections,
                "acceptance",
                List.of(fact(ItemElements.ACCEPTANCE_CRITERIA, strings(ItemElements.ACCEPTANCE_CRITERIA))));
        section(sections, "form", List.of(formFact()));
        section(
                sections,
                "limits",
                List.of(
                        fact(ItemElements.STATUTORY_LIMIT_DAYS, days(ItemElements.STATUTORY_LIMIT_DAYS)),
                        fact(ItemElements.PROMISED_LIMIT_DAYS, days(ItemElements.PROMISED_LIMIT_DAYS))));
        section(sections, "process", List.of(fact("processSteps", processSteps())));
        section(
                sections,
                "fees",
                List.of(fact(ItemElements.FEES, fees()), fact(ItemElements.FEE_REDUCTIONS, feeReductions())));
        section(
                sections,
                "delivery",
                List.of(
                        fact(ItemElements.ON_THE_SPOT, yesNo(ItemElements.ON_THE_SPOT)),
                        fact(ItemElements.COMMITMENT_ALLOWED, yesNo(ItemElements.COMMITMENT_ALLOWED)),
                        fact(
                                ItemElements.ONLINE_DEPTH,
                                elements.get(ItemElements.ONLINE_DEPTH) instanceof JsonNumber depth
                                        ? List.of(text.value(ItemElements.ONLINE_DEPTH, depth.toString()))
                                        : List.of()),
                        fact(ItemElements.MAX_VISITS, visits())));
        section(
                sections,
                "result",
                List.of(
                        fact(
                                ItemElements.RESULT_TYPE,
                                value(ItemElements.RESULT_TYPE, string(ItemElements.RESULT_TYPE))),
                        fact("resultLicense", mapped(string(ItemElements.RESULT_LICENSE_TYPE), licenceName))));
        section(
                sections,
                "local",
                List.of(
                        fact(ItemElements.LOCAL_WINDOW, one(string(ItemElements.LOCAL_WINDOW))),
                        fact(ItemElements.LOCAL_SERVICE_POINT, one(string(ItemElements.LOCAL_SERVICE_POINT))),
                        fact(ItemElements.LOCAL_NOTES, one(string(ItemElements.LOCAL_NOTES))),
                        fact(ItemElements.GUIDANCE, one(string(ItemElements.GUIDANCE)))));
        return sections;
    }

    /** The application form (申请表) under its own name, e.g. 最低生活保障申请表, with its fields as the lines. */
    private Fact formFact() {
        Fact fact = fact(ItemElements.APPLICATION_FORM, formFields());
        return ApplicationForm.of(elements)
                .map(form -> new Fact(fact.key(), form.name(), fact.values(), fact.local()))
                .orElse(fact);
    }

    /**
     * The application form's fields in short, one line per field ("家庭成员：表格（姓名、身份证号码…），必填") so an
     * applicant knows what they will be asked; empty when the item has no form.
     */
    private List<String> formFields() {
        return ApplicationForm.of(elements)
                .map(form -> {
                    List<String> lines = new ArrayList<>();
                    form.fields()
                            .forEach(field -> lines.add(text.text(
                                    "form.field",
                                    field.label(),
                                    formType(field),
                                    text.text(field.required() ? "form.required" : "form.optional"))));
                    return lines;
                })
                .orElse(List.of());
    }

    private String formType(FormField field) {
        String type = text.value("formType", field.type().json());
        if (!field.columns().isEmpty()) {
            return text.text(
                    "form.columns",
                    type,
                    String.join(
                            text.text("list.separator"),
                            field.columns().stream().map(FormField::label).toList()));
        }
        return field.unit() == null ? type : text.text("form.unit", type, field.unit());
    }

    private void section(List<Section> sections, String key, List<Fact> facts) {
        List<Fact> present = facts.stream().filter(f -> !f.values().isEmpty()).toList();
        if (!present.isEmpty()) {
            sections.add(new Section(key, text.text("section." + key), present));
        }
    }

    private Fact fact(String key, List<String> values) {
        String local = item.source(elementOf(key))
                .filter(source -> source != ElementSource.STANDARD)
                .map(source -> text.text("local." + source.name()))
                .orElse("");
        return new Fact(key, text.text("fact." + key), values, local);
    }

    private static String elementOf(String factKey) {
        return switch (factKey) {
            case "resultLicense" -> ItemElements.RESULT_LICENSE_TYPE;
            case "processSteps" -> "process";
            default -> factKey;
        };
    }

    private List<Material> materials() {
        List<Material> materials = new ArrayList<>();
        list(ItemElements.MATERIALS).forEach(m -> materials.add(material(m, false)));
        list(ItemElements.EXTRA_MATERIALS).forEach(m -> materials.add(material(m, true)));
        return materials;
    }

    private Material material(JsonObject material, boolean local) {
        List<String> sources = material.get("sources") instanceof JsonArray array
                ? array.getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString)
                        .toList()
                : List.of();
        boolean held = sources.stream().anyMatch(s -> s.startsWith(ELICENSE) || s.startsWith(SHARED));
        boolean mandatory = material.getBoolean("mandatory", false);
        return new Material(
                material.getString("name", ""),
                text.value("form", material.getString("form", "ORIGINAL")),
                material.getInt("copies", 1),
                mandatory,
                text.text("mandatory." + mandatory),
                String.join(
                        text.locale().getLanguage().equals("en") ? "; " : "；",
                        sources.stream().map(this::source).toList()),
                held,
                material.getString("note", ""),
                local);
    }

    private String source(String source) {
        if (source.startsWith(ELICENSE)) {
            return text.text("source.ELICENSE", licenceName.apply(source.substring(ELICENSE.length())));
        }
        if (source.startsWith(SHARED)) {
            return text.text("source.SHARED");
        }
        return text.value("source", source);
    }

    private List<String> fees() {
        if (!(elements.get(ItemElements.FEES) instanceof JsonArray fees)) {
            return List.of();
        }
        if (fees.isEmpty()) {
            return List.of(text.text("fees.none"));
        }
        return fees.stream()
                .filter(JsonObject.class::isInstance)
                .map(JsonValue::asJsonObject)
                .map(fee -> {
                    String amount =
                            fee.getString("amount", "") + " " + text.value("unit", fee.getString("unit", "CNY"));
                    String basis = fee.getString("basis", "");
                    return basis.isBlank()
                            ? text.text("fee.line.plain", fee.getString("name", ""), amount.strip())
                            : text.text("fee.line", fee.getString("name", ""), amount.strip(), basis);
                })
                .toList();
    }

    private List<String> feeReductions() {
        return list(ItemElements.FEE_REDUCTIONS).stream()
                .map(reduction -> {
                    String name = reduction.getString("name", reduction.getString("description", ""));
                    String basis = reduction.getString("basis", "");
                    return name.isBlank() ? basis : text.text("fee.line.plain", name, basis);
                })
                .toList();
    }

    private List<String> days(String element) {
        if (!(elements.get(element) instanceof JsonNumber days)) {
            return List.of();
        }
        return List.of(days.intValue() == 0 ? text.text("days.zero") : text.text("days", days.intValue()));
    }

    private List<String> visits() {
        if (!(elements.get(ItemElements.MAX_VISITS) instanceof JsonNumber visits)) {
            return List.of();
        }
        return List.of(visits.intValue() == 0 ? text.text("visits.zero") : text.text("visits", visits.intValue()));
    }

    private List<String> yesNo(String element) {
        JsonValue value = elements.get(element);
        if (value == JsonValue.TRUE) {
            return List.of(text.text("yes"));
        }
        return value == JsonValue.FALSE ? List.of(text.text("no")) : List.of();
    }

    private List<String> value(String prefix, String code) {
        return code.isEmpty() ? List.of() : List.of(text.value(prefix, code));
    }

    private static List<String> mapped(String code, Function<String, String> names) {
        return code.isEmpty() ? List.of() : List.of(names.apply(code));
    }

    /** Short words on one line: 村（社区）、镇（街道）. */
    private List<String> joined(List<String> words) {
        return words.isEmpty() ? List.of() : List.of(String.join(text.text("list.separator"), words));
    }

    private static List<String> one(String value) {
        return value.isBlank() ? List.of() : List.of(value);
    }

    /**
     * The item's review steps in order (办理流程): who looks at the application, at which tier, and why. Unnumbered: the
     * page and the PDF number a fact's lines.
     */
    private List<String> processSteps() {
        if (!(elements.get("process") instanceof JsonObject process)
                || !(process.get("steps") instanceof JsonArray steps)) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        for (JsonObject step : steps.getValuesAs(JsonObject.class)) {
            String who = text.value("tier", step.getString("tier", ""));
            String department = step.getString("department", "");
            if (!department.isEmpty()) {
                who = who + " " + departmentName.apply(department);
            }
            String note = step.getString("note", "");
            lines.add(text.text(
                    note.isEmpty() ? "process.step" : "process.step.note",
                    text.value("step", step.getString("step", "")),
                    who,
                    note));
        }
        return lines;
    }

    private String string(String element) {
        return elements.get(element) instanceof JsonString s ? s.getString() : "";
    }

    private List<String> strings(String element) {
        if (!(elements.get(element) instanceof JsonArray array)) {
            return List.of();
        }
        return array.stream()
                .filter(JsonString.class::isInstance)
                .map(v -> ((JsonString) v).getString())
                .toList();
    }

    private List<JsonObject> list(String element) {
        if (!(elements.get(element) instanceof JsonArray array)) {
            return List.of();
        }
        return array.stream()
                .filter(JsonObject.class::isInstance)
                .map(JsonValue::asJsonObject)
                .toList();
    }
}
