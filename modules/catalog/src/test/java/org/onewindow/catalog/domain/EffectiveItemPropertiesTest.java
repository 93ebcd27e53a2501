package org.onewindow.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.catalog.domain.JsonValues.same;

import jakarta.json.JsonValue;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.onewindow.catalog.domain.CatalogArbitraries.Update;

/** Applied county, then town, then village, the deepest tier that set an element is where it comes from. */
class EffectiveItemPropertiesTest {

    @Provide
    Arbitrary<Update> chains() {
        return CatalogArbitraries.chains();
    }

    @Property
    void eachElementComesFromTheDeepestTierThatSetIt(@ForAll("chains") Update chain) {
        ItemVersion standard = chain.from();
        EffectiveItem item = EffectiveItem.resolve(standard, chain.chain());

        Set<String> elements = new HashSet<>(standard.elements().keySet());
        chain.chain().forEach(override -> elements.addAll(override.patch().keySet()));
        for (String element : elements) {
            Optional<TierOverride> deepest = chain.chain().reversed().stream()
                    .filter(o -> o.sets(element))
                    .findFirst();
            if (deepest.isEmpty()) {
                assertThat(item.source(element)).contains(ElementSource.STANDARD);
                assertThat(same(item.element(element), standard.element(element)))
                        .isTrue();
            } else if (deepest.get().value(element).getValueType() == JsonValue.ValueType.NULL) {
                assertThat(item.source(element)).as("%s cleared", element).isEmpty();
                assertThat(item.elements()).doesNotContainKey(element);
            } else {
                assertThat(item.source(element))
                        .as(element)
                        .contains(deepest.get().tier());
                assertThat(same(item.element(element), deepest.get().value(element)))
                        .isTrue();
            }
        }
        assertThat(item.sources().keySet()).isEqualTo(item.elements().keySet());
    }

    @Property
    void theOrderOfTiersFollowsTheDivisionCodes(@ForAll("chains") Update chain) {
        List<ElementSource> tiers =
                chain.chain().stream().map(TierOverride::tier).toList();

        assertThat(tiers).isSorted().doesNotHaveDuplicates();
    }
}
