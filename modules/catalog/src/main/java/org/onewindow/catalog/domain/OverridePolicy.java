package org.onewindow.catalog.domain;

import static org.onewindow.catalog.domain.ItemElements.APPLICATION_FORM;
import static org.onewindow.catalog.domain.ItemElements.CODE;
import static org.onewindow.catalog.domain.ItemElements.EXTRA_FORM_FIELDS;
import static org.onewindow.catalog.domain.ItemElements.EXTRA_MATERIALS;
import static org.onewindow.catalog.domain.ItemElements.FEE_REDUCTIONS;
import static org.onewindow.catalog.domain.ItemElements.GUIDANCE;
import static org.onewindow.catalog.domain.ItemElements.LEGAL_BASIS;
import static org.onewindow.catalog.domain.ItemElements.LOCAL_NOTES;
import static org.onewindow.catalog.domain.ItemElements.LOCAL_SERVICE_POINT;
import static org.onewindow.catalog.domain.ItemElements.LOCAL_WINDOW;
import static org.onewindow.catalog.domain.ItemElements.MATERIALS;
import static org.onewindow.catalog.domain.ItemElements.NAME;
import static org.onewindow.catalog.domain.ItemElements.OFFERED;
import static org.onewindow.catalog.domain.ItemElements.PROMISED_LIMIT_DAYS;
import static org.onewindow.catalog.domain.ItemElements.STATUTORY_LIMIT_DAYS;
import static org.onewindow.catalog.domain.ItemElements.TYPE;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.onewindow.kernel.error.DomainException;

/**
 * What a county, town or village may change of a standard item for its own area (本级调整), and how. A tier may
 * adapt how the item is delivered locally (a shorter promise, its window, notes, extra optional materials, fee
 * reductions, optional fields on the application form, whether it offers the item at all) but never what law or the standard fixes (legal basis,
 * statutory limit, mandatory materials, the item's identity). Anything not listed is refused too, so a new
 * element of the standard is protected until someone decides a tier may change it.
 */
public final class OverridePolicy {

    /** The elements a tier may set. */
    public static final Set<String> ALLOWED = Set.of(
            PROMISED_LIMIT_DAYS,
            LOCAL_WINDOW,
            LOCAL_SERVICE_POINT,
            LOCAL_NOTES,
            GUIDANCE,
            EXTRA_MATERIALS,
            OFFERED,
            FEE_REDUCTIONS,
            EXTRA_FORM_FIELDS);

    /** The elements law or the standard fixes; refused with their own message so the clerk learns why. */
    public static final Set<String> PROTECTED =
            Set.of(CODE, NAME, TYPE, LEGAL_BASIS, STATUTORY_LIMIT_DAYS, MATERIALS, APPLICATION_FORM);

    private OverridePolicy() {}

    /**
     * Checks that a patch only names elements a tier may set, whatever their values.
     *
     * @throws DomainException {@code catalog.override.protected} or {@code catalog.override.unknown.element}
     */
    public static void checkElements(JsonObject patch) {
        patch.keySet().forEach(OverridePolicy::checkElement);
    }

    /**
     * Checks a whole patch against the effective item it applies to (the standard with the overrides of the
     * tiers above already applied).
     *
     * @throws DomainException naming the first rule broken
     */
    public static void check(JsonObject patch, JsonObject above) {
        patch.forEach((element, value) -> checkValue(element, value, above));
    }

    /**
     * Checks one element's value. A null value clears what a tier above set (a village hiding the county's
     * notes), except for the promise and whether the item is offered, which always have a value.
     *
     * @throws DomainException naming the rule broken
     */
    public static void checkValue(String element, JsonValue value, JsonObject above) {
        checkElement(element);
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            if (element.equals(PROMISED_LIMIT_DAYS) || element.equals(OFFERED)) {
                throw new DomainException("catalog.override.clear.refused", element);
            }
            return;
        }
        switch (element) {
            case PROMISED_LIMIT_DAYS -> checkPromisedLimit(value, above);
            case OFFERED -> {
                if (value.getValueType() != JsonValue.ValueType.TRUE
                        && value.getValueType() != JsonValue.ValueType.FALSE) {
                    throw new DomainException("catalog.override.boolean.expected", element);
                }
            }
            case EXTRA_MATERIALS -> checkExtraMaterials(list(element, value), above);
            case FEE_REDUCTIONS -> checkFeeReductions(list(element, value));
            case EXTRA_FORM_FIELDS -> checkExtraFormFields(list(element, value), above);
            case LOCAL_WINDOW, LOCAL_SERVICE_POINT, LOCAL_NOTES, GUIDANCE -> checkText(element, value);
            default -> throw new IllegalStateException("no value rule for allowed element " + element);
        }
    }

    /** Whether {@link #checkValue} accepts the value; for the re-base, which records a refusal as a conflict. */
    public static boolean allows(String element, JsonValue value, JsonObject above) {
        try {
            checkValue(element, value, above);
            return true;
        } catch (DomainException refused) {
            return false;
        }
    }

    private static void checkElement(String element) {
        if (PROTECTED.contains(element)) {
            throw new DomainException("catalog.override.protected", element);
        }
        if (!ALLOWED.contains(element)) {
            throw new DomainException("catalog.override.unknown.element", element);
        }
    }

    /** A promise (承诺时限) is whole working days, and only the law's limit (法定时限) bounds it from above. */
    private static void checkPromisedLimit(JsonValue value, JsonObject above) {
        if (!(value instanceof JsonNumber days)
                || !days.isIntegral()
                || days.bigDecimalValue().signum() < 0) {
            throw new DomainException("catalog.override.days.invalid", PROMISED_LIMIT_DAYS, value.toString());
        }
        if (above.get(STATUTORY_LIMIT_DAYS) instanceof JsonNumber statutory) {
            // A promise too large for an int is far above any law's limit: WorkingDayLimits refuses it as one.
            new WorkingDayLimits(
                    statutory.intValue(),
                    days.bigDecimalValue()
                            .min(BigDecimal.valueOf(Integer.MAX_VALUE))
                            .intValue());
        }
    }

    /**
     * A tier may ask for more, but only as optional materials (e.g. a local form that speeds things up): a
     * mandatory material decided locally would be a requirement without legal basis. Reusing a standard
     * material's code would shadow it, so that is refused too.
     */
    private static void checkExtraMaterials(JsonArray materials, JsonObject above) {
        Set<String> standardCodes = new HashSet<>();
        if (above.get(MATERIALS) instanceof JsonArray standard) {
            for (JsonValue material : standard) {
                if (material instanceof JsonObject object) {
                    standardCodes.add(object.getString("code", ""));
                }
            }
        }
        for (int i = 0; i < materials.size(); i++) {
            if (!(materials.get(i) instanceof JsonObject material)
                    || material.getString("code", "").isBlank()
                    || material.getString("name", "").isBlank()) {
                throw new DomainException("catalog.override.material.incomplete", i + 1);
            }
            String code = material.getString("code");
            if (!(material.get("mandatory") instanceof JsonValue mandatory)
                    || mandatory.getValueType() != JsonValue.ValueType.FALSE) {
                throw new DomainException("catalog.override.material.mandatory", code);
            }
            if (standardCodes.contains(code)) {
                throw new DomainException("catalog.override.material.duplicate", code);
            }
        }
    }

    /**
     * A tier may ask for more on the application form, but only as optional fields (a local question that helps the
     * window): a required answer decided locally would be a condition without legal basis. The standard's fields stay
     * as they are, so a local field may not take one of their codes.
     */
    private static void checkExtraFormFields(JsonArray fields, JsonObject above) {
        JsonValue standard = above.get(ItemElements.APPLICATION_FORM);
        if (standard == null || standard == JsonValue.NULL) {
            throw new DomainException("catalog.override.form.absent");
        }
        ApplicationForm form = ApplicationForm.parse(standard, ItemElements.APPLICATION_FORM);
        for (FormField field : ApplicationForm.parseFields(fields, EXTRA_FORM_FIELDS)) {
            if (field.required()) {
                throw new DomainException("catalog.override.form.field.required", field.code());
            }
            if (form.field(field.code()).isPresent()) {
                throw new DomainException("catalog.override.form.field.duplicate", field.code());
            }
        }
    }

    /** A fee reduction (收费减免) without a basis would be an arbitrary one: each names the rule it rests on. */
    private static void checkFeeReductions(List<JsonValue> reductions) {
        for (int i = 0; i < reductions.size(); i++) {
            if (!(reductions.get(i) instanceof JsonObject reduction)
                    || reduction.getString("basis", "").isBlank()) {
                throw new DomainException("catalog.override.fee.basis.required", i + 1);
            }
        }
    }

    private static void checkText(String element, JsonValue value) {
        if (!(value instanceof JsonString text) || text.getString().isBlank()) {
            throw new DomainException("catalog.override.text.expected", element);
        }
    }

    private static JsonArray list(String element, JsonValue value) {
        if (!(value instanceof JsonArray array)) {
            throw new DomainException("catalog.override.list.expected", element);
        }
        return array;
    }
}
