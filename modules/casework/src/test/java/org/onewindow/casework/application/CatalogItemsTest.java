package org.onewindow.casework.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.onewindow.casework.domain.ItemSnapshot;
import org.onewindow.casework.domain.MaterialSource;
import org.onewindow.casework.domain.RequiredMaterial;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.json.Json;
import org.onewindow.kernel.tenant.domain.TenantLevel;

/** The demo catalog's items read as intake needs them: tiers, limits and materials with their sources. */
class CatalogItemsTest {

    private static JsonObject demoItem(String code) {
        try (InputStream in = CatalogItemsTest.class.getResourceAsStream("/org/onewindow/catalog/demo/catalog.json");
                var reader = Json.createReader(in)) {
            for (JsonValue item : reader.readObject().getJsonArray("items")) {
                if (item.asJsonObject().getString("code").equals(code)) {
                    return item.asJsonObject();
                }
            }
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no demo item " + code);
    }

    @Test
    void dibaoIsTakenInAtEveryTierWithFiveMandatoryMaterials() {
        JsonObject dibao = demoItem("MZ-0001");

        ItemSnapshot snapshot = CatalogItems.snapshot("MZ-0001", 1, dibao);

        assertThat(CatalogItems.intakeTiers(dibao)).containsExactlyInAnyOrder(CatalogItems.Tier.values());
        assertThat(snapshot.name()).isEqualTo("最低生活保障申请");
        assertThat(snapshot.promisedLimitWorkingDays()).isEqualTo(20);
        assertThat(snapshot.statutoryLimitWorkingDays()).isEqualTo(30);
        assertThat(snapshot.materials())
                .extracting(RequiredMaterial::code)
                .containsExactly(
                        "ID_CARD", "HOUSEHOLD_REGISTER", "INCOME_STATEMENT", "CHECK_AUTHORISATION", "FAMILY_ASSETS");
        assertThat(snapshot.materials()).allMatch(RequiredMaterial::mandatory);
        assertThat(snapshot.materials().get(0).sources())
                .containsExactlyInAnyOrder(MaterialSource.ELICENCE, MaterialSource.APPLICANT);
        assertThat(snapshot.materials().get(4).sources()).containsExactly(MaterialSource.SHARED_DATA);
    }

    @Test
    void aCriminalRecordCertificateIsNotTakenInAtAVillage() {
        JsonObject certificate = demoItem("GA-0001");

        assertThat(CatalogItems.intakeTiers(certificate))
                .containsExactlyInAnyOrder(CatalogItems.Tier.TOWN, CatalogItems.Tier.COUNTY)
                .doesNotContain(CatalogItems.Tier.of(TenantLevel.VILLAGE));
    }

    @Test
    void streetsTakeInLikeTownsAndCommunitiesLikeVillages() {
        assertThat(CatalogItems.Tier.of(TenantLevel.STREET)).isEqualTo(CatalogItems.Tier.TOWN);
        assertThat(CatalogItems.Tier.of(TenantLevel.COMMUNITY)).isEqualTo(CatalogItems.Tier.VILLAGE);
    }

    @Test
    void aPromiseAboveTheStatutoryLimitIsRefused() {
        JsonObject broken = Json.createObjectBuilder(demoItem("MZ-0001"))
                .add("promisedLimitDays", 40)
                .build();

        DomainException refused =
                catchThrowableOfType(DomainException.class, () -> CatalogItems.snapshot("MZ-0001", 1, broken));
        assertThat(refused.key()).isEqualTo("casework.limits.promised.above.statutory");
    }
}
