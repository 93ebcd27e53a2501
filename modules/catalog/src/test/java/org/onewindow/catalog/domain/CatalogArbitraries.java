package org.onewindow.catalog.domain;

import static org.onewindow.catalog.domain.DemoCatalog.HUAGOU;
import static org.onewindow.catalog.domain.DemoCatalog.HUANTAI;
import static org.onewindow.catalog.domain.DemoCatalog.QIFENG;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.onewindow.kernel.tenant.domain.DivisionCode;

/**
 * Random versions of 城乡居民基本养老保险参保登记 and random valid overrides of it by 桓台县, 起凤镇 and 华沟村. Values
 * come from small sets shared by the standard and the tiers, so that the standard and a tier often say the
 * same thing, and often not.
 */
final class CatalogArbitraries {

    static final List<String> NAMES = List.of("城乡居民基本养老保险参保登记", "城乡居民养老保险参保登记");
    static final List<String> NOTES = List.of("请提前电话预约", "村代办员每周二坐班");
    static final List<String> GUIDANCE = List.of("带身份证原件", "可在爱山东APP办理");
    static final List<String> WINDOWS = List.of("3号综合窗口", "社会事务窗口");

    private static final JsonObject RS_0001 = DemoCatalog.item("RS-0001");

    /** An update of the standard, and the chain of overrides made on the version before it. */
    record Update(ItemVersion from, ItemVersion to, List<TierOverride> chain) {}

    private CatalogArbitraries() {}

    static Arbitrary<Update> updates() {
        return standardElements()
                .flatMap(old -> Combinators.combine(standardElements(), chainOn(old))
                        .as((next, chain) -> {
                            ItemVersion from = ItemVersion.published(1, old);
                            ItemVersion to = from.nextDraft(next).publish();
                            return new Update(from, to, chain);
                        }));
    }

    /** A standard version and a chain made on it, for the rules that do not need an update. */
    static Arbitrary<Update> chains() {
        return standardElements()
                .flatMap(elements -> chainOn(elements).map(chain -> {
                    ItemVersion standard = ItemVersion.published(1, elements);
                    return new Update(standard, standard, chain);
                }));
    }

    /**
     * RS-0001 with a varied name, statutory and promised limits, and sometimes guidance, notes or "offered"
     * of its own, so the standard can change the elements tiers override.
     */
    static Arbitrary<JsonObject> standardElements() {
        return Arbitraries.integers()
                .between(1, 5)
                .flatMap(statutory -> Combinators.combine(
                                Arbitraries.of(NAMES),
                                Arbitraries.integers().between(0, statutory),
                                Arbitraries.of(GUIDANCE).optional(0.5),
                                Arbitraries.of(NOTES).optional(0.3),
                                Arbitraries.of(true, false).optional(0.3))
                        .as((name, promised, guidance, notes, offered) -> {
                            JsonObjectBuilder elements = Json.createObjectBuilder(RS_0001)
                                    .add("name", name)
                                    .add("statutoryLimitDays", statutory)
                                    .add("promisedLimitDays", promised);
                            guidance.ifPresent(text -> elements.add("guidance", text));
                            notes.ifPresent(text -> elements.add("localNotes", text));
                            offered.ifPresent(yes -> elements.add("offered", yes));
                            return elements.build();
                        }));
    }

    /** Overrides of the county, the town and the village, each there or not, valid on {@code standard}. */
    static Arbitrary<List<TierOverride>> chainOn(JsonObject standard) {
        int statutory = standard.getInt("statutoryLimitDays");
        return Combinators.combine(
                        override(HUANTAI, statutory), override(QIFENG, statutory), override(HUAGOU, statutory))
                .as((county, town, village) -> Stream.of(county, town, village)
                        .flatMap(Optional::stream)
                        .toList());
    }

    private static Arbitrary<Optional<TierOverride>> override(DivisionCode tenant, int statutory) {
        return patch(statutory)
                .map(patch -> new TierOverride(tenant, "RS-0001", 1, patch))
                .optional(0.7);
    }

    /** Some of the allowed elements, each set to a valid value or, for texts, cleared. */
    static Arbitrary<JsonObject> patch(int statutory) {
        Arbitrary<JsonValue> texts = Arbitraries.of(NOTES).map(text -> (JsonValue) Json.createValue(text));
        return Combinators.combine(
                        maybe(Arbitraries.integers().between(0, statutory).map(days -> Json.createValue((int) days))),
                        maybe(Arbitraries.oneOf(texts, Arbitraries.just(JsonValue.NULL))),
                        maybe(Arbitraries.of(JsonValue.TRUE, JsonValue.FALSE)),
                        maybe(Arbitraries.of(GUIDANCE).map(text -> (JsonValue) Json.createValue(text))),
                        maybe(Arbitraries.of(WINDOWS).map(text -> (JsonValue) Json.createValue(text))))
                .as((promised, notes, offered, guidance, window) -> {
                    JsonObjectBuilder patch = Json.createObjectBuilder();
                    promised.ifPresent(value -> patch.add(ItemElements.PROMISED_LIMIT_DAYS, value));
                    notes.ifPresent(value -> patch.add(ItemElements.LOCAL_NOTES, value));
                    offered.ifPresent(value -> patch.add(ItemElements.OFFERED, value));
                    guidance.ifPresent(value -> patch.add(ItemElements.GUIDANCE, value));
                    window.ifPresent(value -> patch.add(ItemElements.LOCAL_WINDOW, value));
                    return patch.build();
                });
    }

    private static <T extends JsonValue> Arbitrary<Optional<JsonValue>> maybe(Arbitrary<T> values) {
        return values.map(value -> (JsonValue) Objects.requireNonNull(value)).optional(0.5);
    }
}
