package org.onewindow.admin;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.onewindow.catalog.domain.ItemElements;
import org.onewindow.kernel.json.Json;

/**
 * The common elements of a standards draft as a form (表单编辑): the name, the statutory and promised limits in
 * working days, the fees, the materials (name, required or not, sources) and the legal basis. It only carries what
 * was typed into the draft's JSON; whether that is allowed is the catalog's one check ({@code ItemRules}), so a
 * limit is kept as typed and a word where a number belongs is refused there, as in the JSON.
 */
public class DraftForm implements Serializable {

    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d{1,18}");
    private static final Pattern SOURCE_SEPARATORS = Pattern.compile("[,，、;；\\s]+");

    private String name;
    private String statutory;
    private String promised;
    private String legalBasis;
    private final List<Fee> fees = new ArrayList<>();
    private final List<Material> materials = new ArrayList<>();

    /** The form of the draft's elements as they stand. */
    static DraftForm of(JsonObject elements) {
        DraftForm form = new DraftForm();
        form.name = elements.getString("name", "");
        form.statutory = shown(elements.get(ItemElements.STATUTORY_LIMIT_DAYS));
        form.promised = shown(elements.get(ItemElements.PROMISED_LIMIT_DAYS));
        form.legalBasis = lines(elements.get(ItemElements.LEGAL_BASIS));
        if (elements.get("fees") instanceof JsonArray list) {
            list.stream()
                    .filter(JsonObject.class::isInstance)
                    .map(JsonValue::asJsonObject)
                    .forEach(fee -> form.fees.add(Fee.of(fee)));
        }
        if (elements.get("materials") instanceof JsonArray list) {
            list.stream()
                    .filter(JsonObject.class::isInstance)
                    .map(JsonValue::asJsonObject)
                    .forEach(material -> form.materials.add(Material.of(material)));
        }
        return form;
    }

    /**
     * The draft's elements with the form's in place of their own; every other element, and every other field of a
     * material or a fee, stays as it was.
     */
    JsonObject applyTo(JsonObject elements) {
        JsonObjectBuilder item = Json.createObjectBuilder(elements);
        item.add("name", name == null ? "" : name.strip());
        item.add(ItemElements.STATUTORY_LIMIT_DAYS, days(statutory));
        item.add(ItemElements.PROMISED_LIMIT_DAYS, days(promised));
        String[] basisLines = legalBasis == null ? new String[0] : legalBasis.split("\\R");
        list(item, elements, ItemElements.LEGAL_BASIS, words(basisLines));
        JsonArrayBuilder feeList = Json.createArrayBuilder();
        fees.stream().filter(fee -> !fee.blank()).forEach(fee -> feeList.add(fee.toJson()));
        list(item, elements, "fees", feeList);
        JsonArrayBuilder materialList = Json.createArrayBuilder();
        materials.forEach(material -> materialList.add(material.toJson()));
        list(item, elements, "materials", materialList);
        return item.build();
    }

    /** A list the form left empty stays absent when the draft had none, so that it does not show as a change. */
    private static void list(JsonObjectBuilder item, JsonObject elements, String name, JsonArrayBuilder values) {
        JsonArray list = values.build();
        if (!list.isEmpty() || elements.containsKey(name)) {
            item.add(name, list);
        }
    }

    /** A whole number as a number; anything else as typed, for the catalog's rules to refuse in words. */
    private static JsonValue days(String typed) {
        String value = typed == null ? "" : typed.strip();
        if (value.isEmpty()) {
            return JsonValue.NULL;
        }
        return WHOLE.matcher(value).matches() ? Json.createValue(new BigDecimal(value)) : Json.createValue(value);
    }

    private static JsonArrayBuilder words(String[] values) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        Arrays.stream(values).map(String::strip).filter(v -> !v.isEmpty()).forEach(list::add);
        return list;
    }

    private static String shown(JsonValue value) {
        if (value == null || value == JsonValue.NULL) {
            return "";
        }
        if (value instanceof JsonString text) {
            return text.getString();
        }
        return value instanceof JsonNumber number ? number.toString() : value.toString();
    }

    private static String lines(JsonValue value) {
        if (!(value instanceof JsonArray list)) {
            return shown(value);
        }
        return list.stream().map(DraftForm::shown).collect(Collectors.joining("\n"));
    }

    /** Adds an empty fee to fill in; an empty one is left out when saving. */
    public void addFee() {
        fees.add(new Fee());
    }

    public void removeFee(int index) {
        fees.remove(index);
    }

    public void removeMaterial(int index) {
        materials.remove(index);
    }

    /** One fee (收费项目): its name, amount, unit, basis and the department that collects it. */
    public static class Fee implements Serializable {
        private String original = "{}";
        private String name;
        private String amount;
        private String unit;
        private String basis;
        private String collectedBy;

        static Fee of(JsonObject fee) {
            Fee row = new Fee();
            row.original = fee.toString();
            row.name = fee.getString("name", "");
            row.amount = shown(fee.get("amount"));
            row.unit = fee.getString("unit", "");
            row.basis = fee.getString("basis", "");
            row.collectedBy = fee.getString("collectedBy", "");
            return row;
        }

        boolean blank() {
            return "{}".equals(original)
                    && List.of(text(name), text(amount), text(unit), text(basis), text(collectedBy)).stream()
                            .allMatch(String::isEmpty);
        }

        JsonObject toJson() {
            JsonObjectBuilder fee =
                    Json.createObjectBuilder(Elements.read(original).asJsonObject());
            put(fee, "name", name);
            put(fee, "amount", amount);
            put(fee, "unit", unit);
            put(fee, "basis", basis);
            put(fee, "collectedBy", collectedBy);
            return fee.build();
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getAmount() {
            return amount;
        }

        public void setAmount(String amount) {
            this.amount = amount;
        }

        public String getUnit() {
            return unit;
        }

        public void setUnit(String unit) {
            this.unit = unit;
        }

        public String getBasis() {
            return basis;
        }

        public void setBasis(String basis) {
            this.basis = basis;
        }

        public String getCollectedBy() {
            return collectedBy;
        }

        public void setCollectedBy(String collectedBy) {
            this.collectedBy = collectedBy;
        }
    }

    /** One material (申请材料) as the form edits it: its name, whether it is required, and its sources. */
    public static class Material implements Serializable {
        private String original = "{}";
        private String code;
        private String name;
        private boolean mandatory;
        private String sources;

        static Material of(JsonObject material) {
            Material row = new Material();
            row.original = material.toString();
            row.code = material.getString("code", "");
            row.name = material.getString("name", "");
            row.mandatory = material.getBoolean("mandatory", false);
            row.sources = material.get("sources") instanceof JsonArray list
                    ? list.stream().map(DraftForm::shown).collect(Collectors.joining(", "))
                    : shown(material.get("sources"));
            return row;
        }

        JsonObject toJson() {
            JsonObjectBuilder material =
                    Json.createObjectBuilder(Elements.read(original).asJsonObject());
            material.add("name", text(name));
            material.add("mandatory", mandatory);
            material.add("sources", words(SOURCE_SEPARATORS.split(text(sources))));
            return material.build();
        }

        public String getCode() {
            return code;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public boolean isMandatory() {
            return mandatory;
        }

        public void setMandatory(boolean mandatory) {
            this.mandatory = mandatory;
        }

        public String getSources() {
            return sources;
        }

        public void setSources(String sources) {
            this.sources = sources;
        }
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    private static void put(JsonObjectBuilder object, String field, String value) {
        if (text(value).isEmpty()) {
            object.remove(field);
        } else {
            object.add(field, text(value));
        }
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getStatutory() {
        return statutory;
    }

    public void setStatutory(String statutory) {
        this.statutory = statutory;
    }

    public String getPromised() {
        return promised;
    }

    public void setPromised(String promised) {
        this.promised = promised;
    }

    public String getLegalBasis() {
        return legalBasis;
    }

    public void setLegalBasis(String legalBasis) {
        this.legalBasis = legalBasis;
    }

    public List<Fee> getFees() {
        return fees;
    }

    public List<Material> getMaterials() {
        return materials;
    }
}
