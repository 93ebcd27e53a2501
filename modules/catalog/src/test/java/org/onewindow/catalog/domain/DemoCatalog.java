package org.onewindow.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.function.Executable;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.tenant.domain.DivisionCode;

/** The shared demo catalog and the Huantai divisions the catalog stories are told with. */
final class DemoCatalog {

    /** The demo catalog the product ships (a copy of the project's shared demo data). */
    static final String FILE = "/org/onewindow/catalog/demo/catalog.json";

    static final DivisionCode HUANTAI = new DivisionCode("370321000000"); // 桓台县
    static final DivisionCode QIFENG = new DivisionCode("370321106000"); // 起凤镇
    static final DivisionCode HUAGOU = new DivisionCode("370321106202"); // 华沟村, in 起凤镇
    static final DivisionCode FUMIAO = new DivisionCode("370321106201"); // 付庙村, in 起凤镇
    static final DivisionCode TIANZHUANG = new DivisionCode("370321100000"); // 田庄镇
    static final DivisionCode TIANZHUANG_VILLAGE = new DivisionCode("370321100201"); // 田庄村, in 田庄镇
    static final DivisionCode SUOZHEN = new DivisionCode("370321001000"); // 索镇街道

    private static final JsonObject CATALOG = read();

    private DemoCatalog() {}

    private static JsonObject read() {
        try (Reader in = new java.io.InputStreamReader(
                        DemoCatalog.class.getResourceAsStream(FILE), StandardCharsets.UTF_8);
                JsonReader reader = Json.createReader(in)) {
            return reader.readObject();
        } catch (IOException e) {
            throw new AssertionError("cannot read " + FILE, e);
        }
    }

    /** Every item of the demo catalog, in its order. */
    static java.util.List<JsonObject> items() {
        return CATALOG.getJsonArray("items").getValuesAs(JsonObject.class);
    }

    /** One item of the demo catalog, as the standards team imported it. */
    static JsonObject item(String code) {
        return CATALOG.getJsonArray("items").stream()
                .map(JsonValue::asJsonObject)
                .filter(item -> item.getString("code").equals(code))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no item " + code + " in " + FILE));
    }

    /** 城乡居民基本养老保险参保登记: on the spot, statutory limit 1 day, promised 0, two mandatory materials. */
    static ItemVersion pensionRegistration() {
        return ItemVersion.published(1, item("RS-0001"));
    }

    /** 最低生活保障申请: statutory limit 30 days, promised 20; decided by the county. */
    static ItemVersion minimumLivingAllowance() {
        return ItemVersion.published(1, item("MZ-0001"));
    }

    /** The next published version of an item, with the standards team's changes. */
    static ItemVersion nextVersion(ItemVersion current, Consumer<JsonObjectBuilder> changes) {
        JsonObjectBuilder elements = Json.createObjectBuilder(current.elements());
        changes.accept(elements);
        return current.nextDraft(elements.build()).publish();
    }

    /** A JSON object written as text, for patches in the tests. */
    static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    static TierOverride override(DivisionCode tenant, ItemVersion base, String patch) {
        return TierOverride.of(tenant, base, json(patch));
    }

    static DomainException refusal(Executable action) {
        DomainException refused = catchThrowableOfType(DomainException.class, action::execute);
        assertThat(refused).as("the rule should refuse").isNotNull();
        return refused;
    }
}
