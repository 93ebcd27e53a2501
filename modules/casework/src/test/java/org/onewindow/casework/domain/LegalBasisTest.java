package org.onewindow.casework.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.error.Messages;

/**
 * A notice cites the law that governs its item: a licence the Administrative Licensing Law, 最低生活保障 (a benefit)
 * 《社会救助暂行办法》, an item the catalog gives no basis for nothing at all.
 */
class LegalBasisTest {

    private static final ItemSnapshot BUILDING_PERMIT = new ItemSnapshot(
            "ZJ-0001",
            1,
            "建筑工程施工许可证核发",
            false,
            7,
            15,
            List.of(),
            ItemSnapshot.LICENCE,
            List.of("《中华人民共和国建筑法》第七条、第八条", "《建筑工程施工许可管理办法》"));

    private static final ItemSnapshot WITHOUT_BASIS =
            new ItemSnapshot("XX-0001", 1, "某事项", false, 5, 20, List.of(), "PUBLIC_SERVICE", List.of());

    @Test
    void aLicencesNoticesCiteArticle32() {
        assertThat(LegalBasis.forCorrection(BUILDING_PERMIT)).isEqualTo("《中华人民共和国行政许可法》第三十二条");
        assertThat(LegalBasis.forRefusal(BUILDING_PERMIT)).isEqualTo("《中华人民共和国行政许可法》第三十二条第一款");
    }

    @Test
    void aBenefitsNoticesCiteItsOwnBasisAndNeverTheLicensingLaw() {
        assertThat(LegalBasis.forCorrection(Fixtures.DIBAO)).isEqualTo("《社会救助暂行办法》（国务院令第649号）");
        assertThat(LegalBasis.forRefusal(Fixtures.DIBAO)).isEqualTo("《社会救助暂行办法》（国务院令第649号）");
        assertThat(LegalBasis.citesLicensingLaw(LegalBasis.forCorrection(Fixtures.DIBAO)))
                .isFalse();
    }

    @Test
    void anItemsSeveralBasesAreJoinedAndNoneGivenCitesNothing() {
        assertThat(LegalBasis.ofItem(BUILDING_PERMIT)).isEqualTo("《中华人民共和国建筑法》第七条、第八条、《建筑工程施工许可管理办法》");
        assertThat(LegalBasis.forCorrection(WITHOUT_BASIS)).isEmpty();
    }

    @Test
    void aCorrectionNoticeOfABenefitRecordsTheBenefitsBasis() {
        Case dibao = Fixtures.received(Fixtures.at("2026-11-30T09:00"));
        dibao.markMaterials(java.util.Map.of(), Fixtures.CLERK, Fixtures.at("2026-11-30T09:00"));

        CorrectionNotice notice = dibao.issueCorrectionNotice(
                "370321补正〔2026〕000001号", Fixtures.CLERK, Fixtures.at("2026-11-30T09:00"), Fixtures.CALENDAR);

        assertThat(notice.legalBasis()).contains("社会救助暂行办法").doesNotContain("行政许可法");
        assertThat(Messages.format(
                        Locale.SIMPLIFIED_CHINESE,
                        CorrectionNotice.note(Fixtures.DIBAO).key()))
                .contains("一次告知")
                .doesNotContain("行政许可法");
    }

    @Test
    void aBenefitRefusedUnderTheLicensingLawIsRefusedNamingItsOwnBasisAndNothingChanges() {
        Case dibao = Fixtures.received(Fixtures.at("2026-11-30T09:00"));

        DomainException refused = catchThrowableOfType(
                DomainException.class,
                () -> dibao.refuse(
                        "申请人户籍不在本县",
                        "《中华人民共和国行政许可法》第三十二条",
                        "370321不予受理〔2026〕000001号",
                        Fixtures.CLERK,
                        Fixtures.at("2026-11-30T10:00")));

        assertThat(refused.key()).isEqualTo("casework.refusal.basis.not.licence");
        assertThat(Messages.format(Locale.SIMPLIFIED_CHINESE, refused))
                .contains("本事项不是行政许可")
                .contains("《社会救助暂行办法》（国务院令第649号）");
        assertThat(Messages.format(Locale.ENGLISH, refused)).contains("not an administrative licence");
        assertThat(dibao.state()).isEqualTo(CaseState.RECEIVED);
        assertThat(dibao.refusal()).isEmpty();
    }

    @Test
    void aBenefitIsRefusedUnderItsOwnBasis() {
        Case dibao = Fixtures.received(Fixtures.at("2026-11-30T09:00"));

        dibao.refuse(
                "申请人户籍不在本县",
                LegalBasis.forRefusal(Fixtures.DIBAO),
                "370321不予受理〔2026〕000001号",
                Fixtures.CLERK,
                Fixtures.at("2026-11-30T10:00"));

        assertThat(dibao.state()).isEqualTo(CaseState.REFUSED);
        assertThat(dibao.refusal().orElseThrow().legalBasis()).isEqualTo("《社会救助暂行办法》（国务院令第649号）");
    }
}
