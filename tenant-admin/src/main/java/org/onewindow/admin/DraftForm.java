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
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.onewindow.catalog.domain.ItemElements;
import org.onewindow.catalog.domain.MaterialSource;
import org.onewindow.kernel.json.Json;

/**
 * The common elements of a standards draft as a form (表单编辑): the name, the statutory and promised limits in
 * working days, the fees, the materials (code, name, form, copies, required or not, sources) and the legal basis. It
 * only carries what was typed into the draft's JSON; whether that is allowed is the catalog's one check
 * ({@code ItemRules}), so a limit or a number of copies is kept as typed and a word where a number belongs is refused
 * there, as in the JSON.
 */
public class DraftForm implements Serializable {

    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d{1,18}");

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
        Row.read(elements, ItemElements.FEES, Fee::new, form.fees);
        Row.read(elements, ItemElements.MATERIALS, Material::new, form.materials);
        return form;
    }

    /**
     * The draft's elements with the form's in place of their own; every other element, and every other field of a
     * material or a fee, stays as it was.
     */
    JsonObject applyTo(JsonObject elements) {
        JsonObjectBuilder item = Json.createObjectBuilder(elements);
        item.add("name", name == null ? "" : name.strip());
        item.add(ItemElements.STATUTORY_LIMIT_DAYS, number(statutory));
        item.add(ItemElements.PROMISED_LIMIT_DAYS, number(promised));
        String[] basisLines = legalBasis == null ? new String[0] : legalBasis.split("\\R");
        list(item, elements, ItemElements.LEGAL_BASIS, words(Arrays.asList(basisLines)));
        list(item, elements, ItemElements.FEES, Row.toJson(fees));
        list(item, elements, ItemElements.MATERIALS, Row.toJson(materials));
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
    private static JsonValue number(String typed) {
        String value = text(typed);
        if (value.isEmpty()) {
            return JsonValue.NULL;
        }
        return WHOLE.matcher(value).matches() ? Json.createValue(new BigDecimal(value)) : Json.createValue(value);
    }

    private static JsonArrayBuilder words(List<String> values) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        values.stream().map(DraftForm::text).filter(v -> !v.isEmpty()).forEach(list::add);
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
        Row.remove(fees, index);
    }

    /**
     * Adds an empty material to fill in, an original brought by the applicant, one copy, required: what most
     * materials are. Unlike a fee, a new material is saved as it is, for the rules to name what it lacks.
     */
    public void addMaterial() {
        Material material = new Material();
        material.form = "ORIGINAL";
        material.copies = "1";
        material.mandatory = true;
        material.sources =
                new ArrayList<>(List.of(MaterialSource.of("APPLICANT").text()));
        materials.add(material);
    }

    public void removeMaterial(int index) {
        Row.remove(materials, index);
    }

    /**
     * A row of a list element (a fee, a material): the object it was read from, so that the fields the form does not
     * show stay as they were, and the fields it does, put back over it.
     */
    abstract static class Row implements Serializable {
        String original = "{}";

        /** Reads the row's fields from the object it stands for. */
        abstract void read(JsonObject object);

        /** Puts the row's fields over the object it was read from. */
        abstract void write(JsonObjectBuilder object);

        /** Whether the row is new and nothing was typed into it: it is left out when saving. */
        boolean blank() {
            return false;
        }

        boolean isNew() {
            return "{}".equals(original);
        }

        JsonObject toJson() {
            JsonObjectBuilder object =
                    Json.createObjectBuilder(Elements.read(original).asJsonObject());
            write(object);
            return object.build();
        }

        /** The rows of the list element {@code name}, each object read into a new row. */
        static <R extends Row> void read(JsonObject elements, String name, Supplier<R> row, List<R> rows) {
            if (elements.get(name) instanceof JsonArray list) {
                list.stream()
                        .filter(JsonObject.class::isInstance)
                        .map(JsonValue::asJsonObject)
                        .forEach(object -> {
                            R read = row.get();
                            read.original = object.toString();
                            read.read(object);
                            rows.add(read);
                        });
            }
        }

        static JsonArrayBuilder toJson(List<? extends Row> rows) {
            JsonArrayBuilder list = Json.createArrayBuilder();
            rows.stream().filter(row -> !row.blank()).forEach(row -> list.add(row.toJson()));
            return list;
        }

        /** Removes the row at {@code index}; an index no longer there (a form posted twice) removes nothing. */
        static void remove(List<? extends Row> rows, int index) {
            if (index >= 0 && index < rows.size()) {
                rows.remove(index);
            }
        }
    }

    /** One fee (收费项目): its name, amount, unit, basis and the department that collects it. */
    public static class Fee extends Row {
        private String name;
        private String amount;
        private String unit;
        private String basis;
        private String collectedBy;

        @Override
        void read(JsonObject fee) {
            name = fee.getString("name", "");
            amount = shown(fee.get("amount"));
            unit = fee.getString("unit", "");
            basis = fee.getString("basis", "");
            collectedBy = fee.getString("collectedBy", "");
        }

        @Override
        boolean blank() {
            return isNew() && Stream.of(name, amount, unit, basis, collectedBy).allMatch(v -> text(v).isEmpty());
        }

        @Override
        void write(JsonObjectBuilder fee) {
            put(fee, "name", name);
            put(fee, "amount", amount);
            put(fee, "unit", unit);
            put(fee, "basis", basis);
            put(fee, "collectedBy", collectedBy);
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

    /**
     * One material (申请材料) as the form edits it: its code, name, form (原件, 复印件, 电子件), number of copies,
     * whether it is required, and its sources as the item's text states them ({@code APPLICANT},
     * {@code ELICENSE:RESIDENT_ID}, {@code SHARED:ECONOMIC_CHECK}), chosen by their names.
     */
    public static class Material extends Row {
        private String code;
        private String name;
        private String form;
        private String copies;
        private boolean mandatory;
        private List<String> sources = new ArrayList<>();

        @Override
        void read(JsonObject material) {
            code = material.getString(ItemElements.CODE, "");
            name = material.getString("name", "");
            form = shown(material.get(ItemElements.MATERIAL_FORM));
            copies = shown(material.get(ItemElements.MATERIAL_COPIES));
            mandatory = material.getBoolean(ItemElements.MATERIAL_MANDATORY, false);
            sources = material.get(ItemElements.MATERIAL_SOURCES) instanceof JsonArray list
                    ? new ArrayList<>(list.stream().map(DraftForm::shown).toList())
                    : new ArrayList<>();
        }

        @Override
        void write(JsonObjectBuilder material) {
            put(material, ItemElements.CODE, code);
            material.add("name", text(name));
            put(material, ItemElements.MATERIAL_FORM, form);
            if (text(copies).isEmpty()) {
                material.remove(ItemElements.MATERIAL_COPIES);
            } else {
                material.add(ItemElements.MATERIAL_COPIES, number(copies));
            }
            material.add(ItemElements.MATERIAL_MANDATORY, mandatory);
            material.add(ItemElements.MATERIAL_SOURCES, words(inOriginalOrder()));
        }

        /**
         * The chosen sources, those the material had first in its own order, then the new ones: the choices list
         * sources in the form's order, and an untouched material must not show as changed.
         */
        private List<String> inOriginalOrder() {
            List<String> chosen = sources == null ? List.of() : sources;
            List<String> ordered = new ArrayList<>();
            if (Elements.read(original).asJsonObject().get(ItemElements.MATERIAL_SOURCES) instanceof JsonArray had) {
                had.stream().map(DraftForm::shown).filter(chosen::contains).forEach(ordered::add);
            }
            chosen.stream().filter(source -> !ordered.contains(source)).forEach(ordered::add);
            return ordered;
        }

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getForm() {
            return form;
        }

        public void setForm(String form) {
            this.form = form;
        }

        public String getCopies() {
            return copies;
        }

        public void setCopies(String copies) {
            this.copies = copies;
        }

        public boolean isMandatory() {
            return mandatory;
        }

        public void setMandatory(boolean mandatory) {
            this.mandatory = mandatory;
        }

        public List<String> getSources() {
            return sources;
        }

        public void setSources(List<String> sources) {
            this.sources = sources == null ? new ArrayList<>() : new ArrayList<>(sources);
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
