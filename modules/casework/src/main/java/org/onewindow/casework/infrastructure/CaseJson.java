package org.onewindow.casework.infrastructure;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.onewindow.casework.domain.CorrectionNotice;
import org.onewindow.casework.domain.ItemSnapshot;
import org.onewindow.casework.domain.MaterialSource;
import org.onewindow.casework.domain.MaterialToSupply;
import org.onewindow.casework.domain.RequiredMaterial;
import org.onewindow.casework.domain.Routing;
import org.onewindow.kernel.json.Json;

/**
 * The {@code jsonb} columns of a case row: the item snapshot, the correction notices and the routing, written and
 * read back.
 */
public final class CaseJson {

    private CaseJson() {}

    public static String write(ItemSnapshot item) {
        JsonArrayBuilder materials = Json.createArrayBuilder();
        for (RequiredMaterial material : item.materials()) {
            JsonArrayBuilder sources = Json.createArrayBuilder();
            material.sources().stream().sorted().forEach(source -> sources.add(source.name()));
            materials.add(Json.createObjectBuilder()
                    .add("code", material.code())
                    .add("name", material.name())
                    .add("mandatory", material.mandatory())
                    .add("sources", sources));
        }
        JsonArrayBuilder legalBasis = Json.createArrayBuilder();
        item.legalBasis().forEach(legalBasis::add);
        JsonObjectBuilder written = Json.createObjectBuilder()
                .add("code", item.code())
                .add("version", item.version())
                .add("name", item.name())
                .add("onTheSpot", item.onTheSpot())
                .add("promisedLimitWorkingDays", item.promisedLimitWorkingDays())
                .add("statutoryLimitWorkingDays", item.statutoryLimitWorkingDays())
                .add("materials", materials)
                .add("legalBasis", legalBasis);
        if (item.itemType() != null) {
            written.add("itemType", item.itemType());
        }
        return written.build().toString();
    }

    public static ItemSnapshot readItem(String json) {
        JsonObject item = read(json);
        List<RequiredMaterial> materials = new ArrayList<>();
        for (JsonValue value : item.getJsonArray("materials")) {
            JsonObject material = value.asJsonObject();
            Set<MaterialSource> sources = EnumSet.noneOf(MaterialSource.class);
            material.getJsonArray("sources")
                    .getValuesAs(jakarta.json.JsonString.class)
                    .forEach(s -> sources.add(MaterialSource.valueOf(s.getString())));
            materials.add(new RequiredMaterial(
                    material.getString("code"), material.getString("name"), material.getBoolean("mandatory"), sources));
        }
        return new ItemSnapshot(
                item.getString("code"),
                item.getInt("version"),
                item.getString("name"),
                item.getBoolean("onTheSpot"),
                item.getInt("promisedLimitWorkingDays"),
                item.getInt("statutoryLimitWorkingDays"),
                materials,
                // Snapshots taken before the type and basis were kept have neither.
                item.getString("itemType", null),
                item.containsKey("legalBasis")
                        ? item.getJsonArray("legalBasis").getValuesAs(jakarta.json.JsonString.class).stream()
                                .map(jakarta.json.JsonString::getString)
                                .toList()
                        : List.of());
    }

    public static String write(Routing routing) {
        if (routing == null) {
            return null;
        }
        JsonArrayBuilder groups = Json.createArrayBuilder();
        routing.reviewGroups().forEach(groups::add);
        return Json.createObjectBuilder()
                .add("template", routing.template())
                .add("windowGroup", routing.windowGroup())
                .add("reviewGroups", groups)
                .build()
                .toString();
    }

    public static Routing readRouting(String json) {
        if (json == null) {
            return null;
        }
        JsonObject routing = read(json);
        return new Routing(
                routing.getString("template"),
                routing.getString("windowGroup"),
                routing.getJsonArray("reviewGroups").getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString)
                        .toList());
    }

    public static String write(CorrectionNotice notice) {
        if (notice == null) {
            return null;
        }
        JsonArrayBuilder toSupply = Json.createArrayBuilder();
        for (MaterialToSupply material : notice.toSupply()) {
            JsonObjectBuilder line = Json.createObjectBuilder()
                    .add("code", material.code())
                    .add("name", material.name())
                    .add("notConforming", material.notConforming());
            if (material.whatIsWrong() != null) {
                line.add("whatIsWrong", material.whatIsWrong());
            }
            toSupply.add(line);
        }
        return Json.createObjectBuilder()
                .add("issuedOn", notice.issuedOn().toString())
                .add("issuedBy", notice.issuedBy())
                .add("legalBasis", notice.legalBasis())
                .add("toSupply", toSupply)
                .add(
                        "documentNumber",
                        notice.documentNumber() == null ? JsonValue.NULL : Json.createValue(notice.documentNumber()))
                .build()
                .toString();
    }

    public static CorrectionNotice readNotice(String json) {
        if (json == null) {
            return null;
        }
        JsonObject notice = read(json);
        List<MaterialToSupply> toSupply = new ArrayList<>();
        for (JsonValue value : notice.getJsonArray("toSupply")) {
            JsonObject line = value.asJsonObject();
            toSupply.add(new MaterialToSupply(
                    line.getString("code"),
                    line.getString("name"),
                    line.getBoolean("notConforming"),
                    line.getString("whatIsWrong", null)));
        }
        return new CorrectionNotice(
                LocalDate.parse(notice.getString("issuedOn")),
                notice.getString("issuedBy"),
                toSupply,
                notice.getString("legalBasis"),
                notice.getString("documentNumber", null));
    }

    private static JsonObject read(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
