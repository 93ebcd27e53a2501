package org.onewindow.casework.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onewindow.casework.domain.CorrectionNotice;
import org.onewindow.casework.domain.ItemSnapshot;
import org.onewindow.casework.domain.LegalBasis;
import org.onewindow.casework.domain.MaterialSource;
import org.onewindow.casework.domain.MaterialToSupply;
import org.onewindow.casework.domain.RequiredMaterial;

/** The jsonb columns give back exactly what was written: the snapshot a case was accepted under must never drift. */
class CaseJsonTest {

    @Test
    void theItemSnapshotComesBackEqual() {
        ItemSnapshot item = new ItemSnapshot(
                "MZ-0001",
                3,
                "最低生活保障申请",
                false,
                20,
                30,
                List.of(
                        new RequiredMaterial(
                                "ID_CARD",
                                "居民身份证",
                                true,
                                EnumSet.of(MaterialSource.ELICENCE, MaterialSource.APPLICANT)),
                        new RequiredMaterial("DISABILITY_CERT", "残疾人证", false, EnumSet.of(MaterialSource.APPLICANT))),
                "ADMINISTRATIVE_PAYMENT",
                List.of("《社会救助暂行办法》（国务院令第649号）"));

        assertThat(CaseJson.readItem(CaseJson.write(item))).isEqualTo(item);
    }

    @Test
    void aSnapshotTakenBeforeTheItemTypeWasKeptReadsAsOfUnknownTypeAndIsNoLicence() {
        String before = "{\"code\":\"XZSP-0001\",\"version\":1,\"name\":\"个体工商户设立登记\",\"onTheSpot\":true,"
                + "\"promisedLimitWorkingDays\":0,\"statutoryLimitWorkingDays\":15,\"materials\":[]}";

        ItemSnapshot read = CaseJson.readItem(before);

        assertThat(read.itemType()).isNull();
        assertThat(read.legalBasis()).isEmpty();
        assertThat(read.licence()).isFalse();
    }

    @Test
    void aCorrectionNoticeComesBackEqual() {
        CorrectionNotice notice = new CorrectionNotice(
                LocalDate.of(2026, 11, 30),
                "huagou.clerk",
                List.of(
                        new MaterialToSupply("INCOME_STATEMENT", "家庭收入及财产状况声明", false, null),
                        new MaterialToSupply("CHECK_AUTHORISATION", "家庭经济状况核对授权书", true, "未签字")),
                LegalBasis.CORRECTION,
                "370321补正〔2026〕000007号");
        CorrectionNotice beforeNumbers = new CorrectionNotice(
                notice.issuedOn(), notice.issuedBy(), notice.toSupply(), notice.legalBasis(), null);

        assertThat(CaseJson.readNotice(CaseJson.write(notice))).isEqualTo(notice);
        assertThat(CaseJson.readNotice(CaseJson.write(beforeNumbers))).isEqualTo(beforeNumbers);
        assertThat(CaseJson.write((CorrectionNotice) null)).isNull();
        assertThat(CaseJson.readNotice(null)).isNull();
    }
}
