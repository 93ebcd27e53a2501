package org.onewindow.catalog.domain;

import static org.onewindow.catalog.domain.ItemElements.*;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.json.Json;
import org.onewindow.kernel.tenant.domain.DivisionCode;

/**
 * A standard catalog item (标准事项) as a typed value: its elements ({@link ItemElements} names them) read from the
 * JSON form the API, the export files and the stored versions use, and written back to the same JSON
 * ({@code CatalogItem.of(json).toJson()} equals {@code json}). An element this record does not type (a tier's
 * guidance, a new element of the standard), or one stated as {@code null} or in a shape the rules refuse, is kept
 * as it was in {@link #others}; the rules themselves are {@link ItemRules}', the one check of an item wherever it
 * arrives. A component is null when the item does not state the element.
 *
 * @param code 事项编码
 * @param name 事项名称
 * @param aliases 别名
 * @param type 事项类型, a code of {@link ItemRules#VOCABULARIES}
 * @param serviceObject 服务对象
 * @param department 实施部门, the county department's code
 * @param handlingTier 办理层级
 * @param intakeTiers 受理层级
 * @param onTheSpot 即办件
 * @param commitmentAllowed 可告知承诺
 * @param limits 法定时限 and 承诺时限 in working days
 * @param onlineDepth 网办深度
 * @param maxVisits 最多跑动次数
 * @param legalBasis 设定依据
 * @param themes 主题
 * @param lifeEvents 人生事件
 * @param conditions 受理条件
 * @param acceptanceCriteria 审查标准
 * @param fees 收费项目
 * @param materials 申请材料
 * @param resultType 办理结果类型
 * @param resultLicenseType 结果证照类型
 * @param process 办理流程
 * @param applicationForm 申请表
 * @param others every other element, as stated
 */
public record CatalogItem(
        String code,
        String name,
        List<String> aliases,
        String type,
        String serviceObject,
        String department,
        String handlingTier,
        List<String> intakeTiers,
        Boolean onTheSpot,
        Boolean commitmentAllowed,
        WorkingDayLimits limits,
        Integer onlineDepth,
        Integer maxVisits,
        List<String> legalBasis,
        List<String> themes,
        List<String> lifeEvents,
        List<String> conditions,
        List<String> acceptanceCriteria,
        List<Fee> fees,
        List<Material> materials,
        String resultType,
        String resultLicenseType,
        Process process,
        ApplicationForm applicationForm,
        JsonObject others) {

    /**
     * A material the applicant brings or the window fetches (申请材料).
     *
     * @param code 材料编码
     * @param name 材料名称
     * @param form 材料形式: ORIGINAL, COPY or ELECTRONIC
     * @param copies 份数
     * @param mandatory 是否必需
     * @param sources where it may come from (来源)
     * @param note 备注
     * @param others the material's other keys, as stated
     */
    public record Material(
            String code,
            String name,
            String form,
            Integer copies,
            Boolean mandatory,
            List<MaterialSource> sources,
            String note,
            JsonObject others) {

        static Material of(JsonObject json) {
            Reader in = new Reader(json);
            String code = in.text(CODE);
            String name = in.text(NAME);
            String form = in.text(MATERIAL_FORM);
            Integer copies = in.whole(MATERIAL_COPIES);
            Boolean mandatory = in.bool(MATERIAL_MANDATORY);
            List<String> sources = in.texts(MATERIAL_SOURCES);
            return new Material(
                    code,
                    name,
                    form,
                    copies,
                    mandatory,
                    sources == null
                            ? null
                            : sources.stream().map(MaterialSource::of).toList(),
                    in.text(MATERIAL_NOTE),
                    in.rest());
        }

        JsonObject toJson() {
            return new Writer()
                    .text(CODE, code)
                    .text(NAME, name)
                    .text(MATERIAL_FORM, form)
                    .whole(MATERIAL_COPIES, copies)
                    .bool(MATERIAL_MANDATORY, mandatory)
                    .texts(
                            MATERIAL_SOURCES,
                            sources == null
                                    ? null
                                    : sources.stream().map(MaterialSource::text).toList())
                    .text(MATERIAL_NOTE, note)
                    .rest(others);
        }
    }

    /**
     * A fee the item charges (收费项目).
     *
     * @param name 收费项目名称
     * @param basis 收费依据
     * @param unit 计费单位, e.g. {@code CNY_PER_SQM}
     * @param amount the amount in yuan as the item states it, e.g. {@code "60.00"}
     * @param collectedBy the collecting department's code
     * @param others the fee's other keys, as stated
     */
    public record Fee(String name, String basis, String unit, String amount, String collectedBy, JsonObject others) {

        static Fee of(JsonObject json) {
            Reader in = new Reader(json);
            return new Fee(
                    in.text(NAME),
                    in.text(FEE_BASIS),
                    in.text(FEE_UNIT),
                    in.text(FEE_AMOUNT),
                    in.text(FEE_COLLECTED_BY),
                    in.rest());
        }

        JsonObject toJson() {
            return new Writer()
                    .text(NAME, name)
                    .text(FEE_BASIS, basis)
                    .text(FEE_UNIT, unit)
                    .text(FEE_AMOUNT, amount)
                    .text(FEE_COLLECTED_BY, collectedBy)
                    .rest(others);
        }
    }

    /**
     * How a case of the item runs (办理流程): the process template and the steps in order, each a JSON object
     * ({@code step}, {@code tier}, {@code department}, {@code parallelGroup}, {@code note}) that
     * {@link ProcessPlan#of} resolves for the tenant taking the case in.
     *
     * @param template the process template's key
     * @param steps the steps, as stated; null when none are
     * @param others the process's other keys, as stated
     */
    public record Process(String template, List<JsonObject> steps, JsonObject others) {

        static Process of(JsonObject json) {
            Reader in = new Reader(json);
            return new Process(in.text(PROCESS_TEMPLATE), in.list(PROCESS_STEPS, JsonObject.class), in.rest());
        }

        JsonObject toJson() {
            Writer out = new Writer().text(PROCESS_TEMPLATE, template);
            if (steps != null) {
                JsonArrayBuilder array = Json.createArrayBuilder();
                steps.forEach(array::add);
                out.json.add(PROCESS_STEPS, array);
            }
            return out.rest(others);
        }

        /** The plan of a case taken in at {@code intake}: who reviews it, step by step. */
        public ProcessPlan plan(DivisionCode intake) {
            return ProcessPlan.of(toJson(), intake);
        }
    }

    /** The item of a JSON form, stored or received; never refuses (the rules are {@link ItemRules}'). */
    public static CatalogItem of(JsonObject json) {
        Reader in = new Reader(json);
        return new CatalogItem(
                in.text(CODE),
                in.text(NAME),
                in.texts(ALIASES),
                in.text(TYPE),
                in.text(SERVICE_OBJECT),
                in.text(DEPARTMENT),
                in.text(HANDLING_TIER),
                in.texts(INTAKE_TIERS),
                in.bool(ON_THE_SPOT),
                in.bool(COMMITMENT_ALLOWED),
                in.limits(),
                in.whole(ONLINE_DEPTH),
                in.whole(MAX_VISITS),
                in.texts(LEGAL_BASIS),
                in.texts(THEMES),
                in.texts(LIFE_EVENTS),
                in.texts(CONDITIONS),
                in.texts(ACCEPTANCE_CRITERIA),
                in.objects(FEES, Fee::of),
                in.objects(MATERIALS, Material::of),
                in.text(RESULT_TYPE),
                in.text(RESULT_LICENSE_TYPE),
                in.object(PROCESS, Process::of),
                in.form(),
                in.rest());
    }

    /** The JSON form: each element stated, typed ones first in the order of the standard catalog, then the others. */
    public JsonObject toJson() {
        Writer out = new Writer()
                .text(CODE, code)
                .text(NAME, name)
                .texts(ALIASES, aliases)
                .text(TYPE, type)
                .text(SERVICE_OBJECT, serviceObject)
                .text(DEPARTMENT, department)
                .text(HANDLING_TIER, handlingTier)
                .texts(INTAKE_TIERS, intakeTiers)
                .bool(ON_THE_SPOT, onTheSpot)
                .bool(COMMITMENT_ALLOWED, commitmentAllowed);
        if (limits != null) {
            out.whole(STATUTORY_LIMIT_DAYS, limits.statutoryLimitWorkingDays())
                    .whole(PROMISED_LIMIT_DAYS, limits.promisedLimitWorkingDays());
        }
        out.whole(ONLINE_DEPTH, onlineDepth)
                .whole(MAX_VISITS, maxVisits)
                .texts(LEGAL_BASIS, legalBasis)
                .texts(THEMES, themes)
                .texts(LIFE_EVENTS, lifeEvents)
                .texts(CONDITIONS, conditions)
                .texts(ACCEPTANCE_CRITERIA, acceptanceCriteria)
                .objects(FEES, fees, Fee::toJson)
                .objects(MATERIALS, materials, Material::toJson)
                .text(RESULT_TYPE, resultType)
                .text(RESULT_LICENSE_TYPE, resultLicenseType);
        if (process != null) {
            out.json.add(PROCESS, process.toJson());
        }
        if (applicationForm != null) {
            out.json.add(APPLICATION_FORM, applicationForm.toJson());
        }
        return out.rest(others);
    }

    /** The process plan of a case taken in at {@code intake}; 404 {@code catalog.process.missing} without one. */
    public ProcessPlan plan(DivisionCode intake) {
        if (process == null) {
            throw DomainException.notFound("catalog.process.missing");
        }
        return process.plan(intake);
    }

    /** The application form, when the item has one. */
    public Optional<ApplicationForm> form() {
        return Optional.ofNullable(applicationForm);
    }

    /**
     * Takes the elements of a JSON object one by one, each only when it has its type; what is left over (unknown,
     * null or of another shape) stays as stated.
     */
    private static final class Reader {

        private final Map<String, JsonValue> left;

        Reader(JsonObject json) {
            this.left = new LinkedHashMap<>(json);
        }

        private <T> T take(String name, Function<JsonValue, T> read) {
            JsonValue value = left.get(name);
            T typed = value == null ? null : read.apply(value);
            if (typed != null) {
                left.remove(name);
            }
            return typed;
        }

        String text(String name) {
            return take(name, value -> value instanceof JsonString s ? s.getString() : null);
        }

        Boolean bool(String name) {
            return take(
                    name,
                    value -> value == JsonValue.TRUE ? Boolean.TRUE : value == JsonValue.FALSE ? Boolean.FALSE : null);
        }

        Integer whole(String name) {
            return take(name, Reader::whole);
        }

        /** A whole number written as one ({@code 5}, not {@code 5.0}), so that it is written back the same. */
        private static Integer whole(JsonValue value) {
            if (value instanceof JsonNumber number && number.isIntegral()) {
                try {
                    int whole = number.intValueExact();
                    return Integer.toString(whole).equals(number.toString()) ? whole : null;
                } catch (ArithmeticException e) {
                    return null;
                }
            }
            return null;
        }

        List<String> texts(String name) {
            List<JsonString> texts = list(name, JsonString.class);
            return texts == null
                    ? null
                    : texts.stream().map(JsonString::getString).toList();
        }

        <T extends JsonValue> List<T> list(String name, Class<T> type) {
            return take(name, value -> {
                if (!(value instanceof JsonArray array) || !array.stream().allMatch(type::isInstance)) {
                    return null;
                }
                return array.getValuesAs(type);
            });
        }

        <T> List<T> objects(String name, Function<JsonObject, T> read) {
            List<JsonObject> objects = list(name, JsonObject.class);
            return objects == null ? null : objects.stream().map(read).toList();
        }

        <T> T object(String name, Function<JsonObject, T> read) {
            return take(name, value -> value instanceof JsonObject object ? read.apply(object) : null);
        }

        /** Both limits, when both are whole working days and the promise is within the law's limit. */
        WorkingDayLimits limits() {
            Integer statutory = whole(left.getOrDefault(STATUTORY_LIMIT_DAYS, JsonValue.NULL));
            Integer promised = whole(left.getOrDefault(PROMISED_LIMIT_DAYS, JsonValue.NULL));
            if (statutory == null || promised == null || promised > statutory || promised < 0) {
                return null;
            }
            left.remove(STATUTORY_LIMIT_DAYS);
            left.remove(PROMISED_LIMIT_DAYS);
            return new WorkingDayLimits(statutory, promised);
        }

        /** The form, when it passes and reads back as it is written (else it stays as stated). */
        ApplicationForm form() {
            return take(APPLICATION_FORM, value -> {
                if (value == JsonValue.NULL
                        || !ApplicationForm.problems(value, APPLICATION_FORM).isEmpty()) {
                    return null;
                }
                ApplicationForm form = ApplicationForm.parse(value, APPLICATION_FORM);
                return form.toJson().equals(value) ? form : null;
            });
        }

        JsonObject rest() {
            JsonObjectBuilder rest = Json.createObjectBuilder();
            left.forEach(rest::add);
            return rest.build();
        }
    }

    /** Writes the stated elements in order, leaving out those the item does not state. */
    private static final class Writer {

        final JsonObjectBuilder json = Json.createObjectBuilder();

        Writer text(String name, String value) {
            if (value != null) {
                json.add(name, value);
            }
            return this;
        }

        Writer bool(String name, Boolean value) {
            if (value != null) {
                json.add(name, value);
            }
            return this;
        }

        Writer whole(String name, Integer value) {
            if (value != null) {
                json.add(name, value);
            }
            return this;
        }

        Writer texts(String name, List<String> values) {
            if (values != null) {
                json.add(name, Json.createArrayBuilder(values));
            }
            return this;
        }

        <T> Writer objects(String name, List<T> values, Function<T, JsonObject> write) {
            if (values != null) {
                JsonArrayBuilder array = Json.createArrayBuilder();
                values.forEach(value -> array.add(write.apply(value)));
                json.add(name, array);
            }
            return this;
        }

        JsonObject rest(JsonObject others) {
            others.forEach(json::add);
            return json.build();
        }
    }

    public CatalogItem {
        aliases = copy(aliases);
        intakeTiers = copy(intakeTiers);
        legalBasis = copy(legalBasis);
        themes = copy(themes);
        lifeEvents = copy(lifeEvents);
        conditions = copy(conditions);
        acceptanceCriteria = copy(acceptanceCriteria);
        fees = copy(fees);
        materials = copy(materials);
        others = others == null ? JsonValue.EMPTY_JSON_OBJECT : others;
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? null : List.copyOf(new ArrayList<>(list));
    }
}
