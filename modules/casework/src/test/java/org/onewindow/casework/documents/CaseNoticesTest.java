package org.onewindow.casework.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.onewindow.casework.documents.NoticeFixtures.APPLICANT;
import static org.onewindow.casework.documents.NoticeFixtures.BASE_URL;
import static org.onewindow.casework.documents.NoticeFixtures.BASIS;
import static org.onewindow.casework.documents.NoticeFixtures.CALENDAR;
import static org.onewindow.casework.documents.NoticeFixtures.CASE_NUMBER;
import static org.onewindow.casework.documents.NoticeFixtures.CHECK_CODE;
import static org.onewindow.casework.documents.NoticeFixtures.ID_NUMBER;
import static org.onewindow.casework.documents.NoticeFixtures.MASKED_ID;
import static org.onewindow.casework.documents.NoticeFixtures.PROGRESS_URL;
import static org.onewindow.casework.documents.NoticeFixtures.STATION;
import static org.onewindow.casework.documents.NoticeFixtures.WINDOW;
import static org.onewindow.casework.documents.NoticeFixtures.header;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.onewindow.casework.domain.Applicant;
import org.onewindow.casework.domain.Case;
import org.onewindow.casework.domain.CaseNumber;
import org.onewindow.casework.domain.ItemSnapshot;
import org.onewindow.casework.domain.MaterialMark;
import org.onewindow.casework.domain.MaterialSource;

/**
 * The notices a clerk prints for 王𠮷祥's 低保 application at 华沟村, read back with PDFBox as a citizen's phone and a
 * reader would: what they say, what they never say (the full ID number), and where their QR code leads.
 */
class CaseNoticesTest {

    private final CaseNotices notices = new CaseNotices(URI.create(BASE_URL));

    /** 王𠮷祥's application for {@code item}, received at 华沟村 on Monday. */
    private static Case receivedUnder(ItemSnapshot item) {
        return Case.receive(
                NoticeFixtures.VILLAGE,
                WINDOW,
                item,
                Applicant.person(APPLICANT, ID_NUMBER),
                null,
                NoticeFixtures.CLERK,
                NoticeFixtures.MONDAY);
    }

    @Nested
    class AcceptanceReceipt {

        private final byte[] pdf =
                notices.acceptanceReceipt(header("桓受通〔2026〕000123号"), NoticeFixtures.accepted(), CALENDAR);
        private final String text = PdfReading.text(pdf);

        @Test
        void namesTheCaseTheItemTheApplicantAndTheIssuingBody() {
            assertThat(text)
                    .contains("受理通知书")
                    .contains("桓受通〔2026〕000123号")
                    .contains(APPLICANT + "：")
                    .contains(CASE_NUMBER)
                    .contains("最低生活保障申请")
                    .contains(STATION)
                    .contains("2026年11月30日");
        }

        @Test
        void namesTheApplicationOnceWhenTheItemsNameSaysIt() {
            assertThat(text).contains("提出的最低生活保障申请，经审查").doesNotContain("提出的最低生活保障申请申请");
        }

        @Test
        void printsTheCheckCodeForTheProgressLookup() {
            assertThat(text).contains("查询码" + CHECK_CODE.value());
        }

        @Test
        void printsTheIdNumberMaskedAndNeverWhole() {
            assertThat(text).contains(MASKED_ID).doesNotContain(ID_NUMBER).doesNotContain("195803121012");
        }

        @Test
        void promisesTheCompletionDateAsPromisedOnTheDayOfAcceptance() {
            // 20 working days after Monday 30 Nov 2026, counted from the day after: Monday 28 Dec.
            assertThat(text).contains("承诺办结日期2026年12月28日（承诺时限20个工作日）").doesNotContain("（承诺时限20个工作日）※");
            // 30 working days reach into 2027, whose holiday notice is not out: that date is marked provisional.
            assertThat(text).contains("法定办结期限2027年1月11日（法定时限30个工作日）※").contains("※2027年的节假日安排尚未公布，标※的日期暂按周一至周五推算");
        }

        @Test
        void acceptsABenefitUnderItsOwnLegalBasisAndCitesNoArticleOfTheLicensingLaw() {
            assertThat(text)
                    .contains("根据《社会救助暂行办法》（国务院令第649号）的规定，决定予以受理")
                    .contains("审查中要求补正材料")
                    .contains("为受理凭证")
                    .doesNotContain("行政许可法")
                    .doesNotContain("第三十二条");
        }

        @Test
        void acceptsALicenceUnderArticle32AndCitesTheRulesOfTheClock() {
            String licence = PdfReading.text(notices.acceptanceReceipt(
                    header("桓受通〔2026〕000124号"),
                    acceptedAs("XZSP-0001", "个体工商户设立登记", "ADMINISTRATIVE_LICENCE", List.of("《促进个体工商户发展条例》")),
                    CALENDAR));

            assertThat(licence)
                    .contains("个体工商户设立登记申请")
                    .contains("根据《中华人民共和国行政许可法》第三十二条第一款第（五）项的规定，决定予以受理")
                    .contains("第三十二条第二款")
                    .contains("第八十二条")
                    .contains("第四十五条")
                    .doesNotContain("促进个体工商户发展条例");
        }

        @Test
        void acceptsAnItemOfUnknownTypeWithoutBasisCitingNoLaw() {
            String unknown = PdfReading.text(notices.acceptanceReceipt(
                    header("桓受通〔2026〕000126号"), acceptedAs("QT-0001", "老年优待证办理", null, List.of()), CALENDAR));

            assertThat(unknown)
                    .contains("申请材料齐全、符合规定，决定予以受理")
                    .doesNotContain("根据")
                    .doesNotContain("行政许可法");
        }

        /** An item of the given type and basis taken in complete at 华沟村 on Monday and accepted at once. */
        private static Case acceptedAs(String code, String name, String type, List<String> basis) {
            ItemSnapshot item = new ItemSnapshot(
                    code,
                    1,
                    name,
                    false,
                    5,
                    20,
                    List.of(NoticeFixtures.material("FORM", "申请书", true, MaterialSource.APPLICANT)),
                    type,
                    basis);
            Case accepted = receivedUnder(item);
            accepted.markMaterials(
                    Map.of("FORM", MaterialMark.paperSeen()), NoticeFixtures.CLERK, NoticeFixtures.MONDAY);
            accepted.accept(
                    new CaseNumber(CASE_NUMBER), CHECK_CODE, NoticeFixtures.CLERK, NoticeFixtures.MONDAY, CALENDAR);
            return accepted;
        }

        @Test
        void itsQrCodeOpensTheProgressPageOfThisCaseWithItsCheckCode() {
            assertThat(PdfReading.qrCodeOnFirstPage(pdf)).contains(PROGRESS_URL);
            assertThat(text).contains("扫描二维码查询办理进度").contains("请用手机扫描二维码，或登录" + BASE_URL + "/progress输入受理编号和查询码");
        }

        @Test
        void startsNoLineWithAClosingMark() {
            assertThat(PdfReading.lines(pdf))
                    .hasSizeGreaterThan(20)
                    .allSatisfy(line ->
                            assertThat(ChineseLineBreaks.NO_LINE_START).as(line).doesNotContain(line.substring(0, 1)));
        }

        @Test
        void fitsOnOnePage() {
            assertThat(PdfReading.pages(pdf)).isEqualTo(1);
        }

        @Test
        void aCaseNotYetAcceptedHasNoReceipt() {
            assertThatThrownBy(() -> notices.acceptanceReceipt(
                            header("桓受通〔2026〕000124号"), NoticeFixtures.awaitingSupplements(), CALENDAR))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("AWAITING_SUPPLEMENTS");
        }
    }

    @Nested
    class CorrectionNotice {

        private final byte[] pdf = notices.correctionNotice(
                header("桓补通〔2026〕000045号"), NoticeFixtures.awaitingSupplements(), LocalDate.of(2026, 12, 14));
        private final String text = PdfReading.text(pdf);

        @Test
        void listsEveryMaterialToSupplyAtOnceWithWhatIsWrong() {
            assertThat(text)
                    .contains("补正通知书")
                    .contains("桓补通〔2026〕000045号")
                    .contains("一次性告知")
                    .contains("1居民户口簿未提交，请补交")
                    .contains("2家庭收入及财产状况声明不符合法定形式：未由全体家庭成员签字")
                    .doesNotContain("3家庭");
        }

        @Test
        void asksForNothingThatWasHandedInNothingOptionalAndNothingOnlyTheGovernmentHolds() {
            assertThat(text)
                    .doesNotContain("居民身份证")
                    .doesNotContain("核对授权书")
                    .doesNotContain("残疾人证")
                    .doesNotContain("家庭经济状况核对报告");
        }

        @Test
        void aBenefitSaysByWhenAndWhereAndCitesItsOwnBasisNotTheLicensingLaw() {
            assertThat(text)
                    .contains("请于2026年12月14日前将上列全部材料提交至" + WINDOW.replace(" ", ""))
                    .contains("申请材料不齐全或者不符合规定。根据《社会救助暂行办法》（国务院令第649号）的规定，现一次性告知需要补正的全部内容如下")
                    .contains("申请材料不齐全或者不符合规定的，一次告知申请人需要补正的全部内容")
                    .doesNotContain("行政许可法")
                    .doesNotContain("第三十二条");
        }

        @Test
        void aLicenceCitesArticle32OfTheLicensingLaw() {
            String licence = PdfReading.text(notices.correctionNotice(
                    header("桓补通〔2026〕000046号"), awaitingAs(ItemSnapshot.LICENCE, List.of("《中华人民共和国建筑法》第八条")), null));

            assertThat(licence)
                    .contains("《中华人民共和国行政许可法》第三十二条第一款第（四）项")
                    .contains("依据《中华人民共和国行政许可法》第三十二条，申请材料不齐全或者不符合法定形式的，一次告知申请人需要补正的全部内容")
                    .doesNotContain("建筑法");
        }

        @Test
        void anItemWithoutBasisCitesNoLaw() {
            String unknown = PdfReading.text(
                    notices.correctionNotice(header("桓补通〔2026〕000047号"), awaitingAs(null, List.of()), null));

            assertThat(unknown)
                    .contains("申请材料不齐全或者不符合规定，现一次性告知需要补正的全部内容如下")
                    .doesNotContain("根据")
                    .doesNotContain("行政许可法");
        }

        /** The 低保 application's materials under an item of the given type and basis, missing the same two. */
        private static Case awaitingAs(String type, List<String> basis) {
            ItemSnapshot dibao = NoticeFixtures.DIBAO;
            ItemSnapshot item = new ItemSnapshot(
                    dibao.code(),
                    dibao.version(),
                    dibao.name(),
                    dibao.onTheSpot(),
                    dibao.promisedLimitWorkingDays(),
                    dibao.statutoryLimitWorkingDays(),
                    dibao.materials(),
                    type,
                    basis);
            Case waiting = receivedUnder(item);
            waiting.markMaterials(NoticeFixtures.incomplete(), NoticeFixtures.CLERK, NoticeFixtures.MONDAY);
            waiting.issueCorrectionNotice(
                    "370321补正〔2026〕000002号", NoticeFixtures.CLERK, NoticeFixtures.MONDAY, CALENDAR);
            return waiting;
        }

        @Test
        void withoutADeadlineSaysWhereOnly() {
            String withoutDeadline = PdfReading.text(
                    notices.correctionNotice(header("桓补通〔2026〕000045号"), NoticeFixtures.awaitingSupplements(), null));

            assertThat(withoutDeadline)
                    .contains("请补齐上列全部材料后提交至" + WINDOW.replace(" ", ""))
                    .doesNotContain("前将上列");
        }

        @Test
        void beforeAcceptanceHasNoQrCodeNoNumberAndNoCheckCode() {
            assertThat(PdfReading.qrCodeOnFirstPage(pdf)).isEmpty();
            assertThat(text).doesNotContain("受理编号").doesNotContain("查询码").doesNotContain(CHECK_CODE.value());
        }

        @Test
        void printsTheApplicantWithTheIdNumberMasked() {
            assertThat(text).contains(APPLICANT + "：").contains(MASKED_ID).doesNotContain(ID_NUMBER);
        }

        @Test
        void reprintedOnceTheCaseHasANumberCarriesTheQrCode() {
            byte[] reprint = notices.correctionNotice(
                    header("桓补通〔2026〕000045号"), NoticeFixtures.acceptedAfterCorrection(), null);

            assertThat(PdfReading.qrCodeOnFirstPage(reprint)).contains(PROGRESS_URL);
            assertThat(PdfReading.text(reprint)).contains("受理编号" + CASE_NUMBER);
        }

        @Test
        void aCaseWithoutACorrectionNoticeHasNone() {
            assertThatThrownBy(
                            () -> notices.correctionNotice(header("桓补通〔2026〕000046号"), NoticeFixtures.accepted(), null))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Nested
    class RefusalNotice {

        private final byte[] pdf =
                notices.refusalNotice(header("桓不受通〔2026〕000007号"), NoticeFixtures.refused(), "桓台县人民政府");
        private final String text = PdfReading.text(pdf);

        @Test
        void givesTheReasonAndItsLegalBasis() {
            assertThat(text)
                    .contains("不予受理通知书")
                    .contains("桓不受通〔2026〕000007号")
                    .contains("经审查，申请人户籍不在本县，不属于本机关职权范围。根据" + BASIS + "的规定，决定不予受理。")
                    .contains("最低生活保障申请");
        }

        @Test
        void tellsTheRightsOfReconsiderationWithin60DaysAndSuitWithin6Months() {
            assertThat(text)
                    .contains("可以自收到本通知书之日起六十日内向桓台县人民政府申请行政复议")
                    .contains("六个月内依法向人民法院提起行政诉讼")
                    .contains("《中华人民共和国行政复议法》第二十条")
                    .contains("《中华人民共和国行政诉讼法》第四十六条");
        }

        @Test
        void withoutAReconsiderationBodyStillTellsTheRights() {
            String unnamed =
                    PdfReading.text(notices.refusalNotice(header("桓不受通〔2026〕000007号"), NoticeFixtures.refused(), null));

            assertThat(unnamed).contains("可以自收到本通知书之日起六十日内依法申请行政复议").doesNotContain("向null");
        }

        @Test
        void hasNoQrCodeAndNoWholeIdNumber() {
            assertThat(PdfReading.qrCodeOnFirstPage(pdf)).isEmpty();
            assertThat(text).contains(MASKED_ID).doesNotContain(ID_NUMBER);
        }
    }

    @Nested
    class Licence {

        private final LicenceFacts facts = new LicenceFacts(
                "370321-2026-000001",
                "建筑工程施工许可证",
                "淄博华宇建设有限公司",
                null,
                "91370321MA3C8K6L0N",
                "建筑工程施工许可证核发",
                LocalDate.of(2026, 12, 1),
                LocalDate.of(2029, 11, 30),
                CASE_NUMBER);
        private final String text = PdfReading.text(
                notices.licence(NoticeHeader.of("桓台县行政审批服务局", "370321-2026-000001", LocalDate.of(2026, 12, 1)), facts));

        @Test
        void showsNumberHolderItemValidityAndIssuingBody() {
            assertThat(text)
                    .contains("建筑工程施工许可证")
                    .contains("证照编号370321-2026-000001")
                    .contains("持证人淄博华宇建设有限公司")
                    .contains("统一社会信用代码91370321MA3C8K6L0N")
                    .contains("申请事项建筑工程施工许可证核发")
                    .contains("有效期限2026年12月1日至2029年11月30日")
                    .contains("发证机关桓台县行政审批服务局")
                    .contains("发证日期2026年12月1日")
                    .contains("受理编号" + CASE_NUMBER);
        }

        @Test
        void aPersonsLicenceWithoutEndShowsTheIdNumberMaskedAndNoEnd() {
            String person = PdfReading.text(notices.licence(
                    header("370321-2026-000002"),
                    new LicenceFacts(
                            "370321-2026-000002",
                            null,
                            APPLICANT,
                            MASKED_ID,
                            null,
                            "残疾人证核发",
                            LocalDate.of(2026, 12, 1),
                            null,
                            null)));

            assertThat(person)
                    .contains("残疾人证核发证书")
                    .contains(MASKED_ID)
                    .doesNotContain(ID_NUMBER)
                    .contains("自2026年12月1日起长期有效")
                    .contains("发证机关" + STATION.replace(" ", ""));
        }
    }

    @Nested
    class DecisionLetters {

        @Test
        void anApprovalGrantsWithTheOpinionAndTellsWhereTheResultWaits() {
            byte[] pdf = notices.decisionLetter(header("桓民许准〔2026〕000031号"), NoticeFixtures.approved(), null);
            String text = PdfReading.text(pdf);

            assertThat(text)
                    .contains("准予给付决定书")
                    .contains("受理编号：" + CASE_NUMBER)
                    .contains("经审查，申请人家庭人均收入低于当地最低生活保障标准。根据" + BASIS + "的规定，决定准予给付。")
                    .doesNotContain("行政许可")
                    .contains("请携带本决定书和有效身份证件到" + STATION + "领取办理结果")
                    .doesNotContain("行政复议")
                    .doesNotContain(ID_NUMBER);
            assertThat(PdfReading.qrCodeOnFirstPage(pdf)).contains(PROGRESS_URL);
        }

        @Test
        void anApprovalWithoutOpinionSaysTheConditionsAreMetAndGivesThePostsNumber() {
            String text =
                    PdfReading.text(notices.decisionLetter(header("桓民许准〔2026〕000032号"), NoticeFixtures.posted(), null));

            assertThat(text).contains("经审查，申请人的申请符合法定条件、标准。").contains("邮件号EMS1234567890");
        }

        @Test
        void aRejectionGivesReasonBasisAndRights() {
            byte[] pdf = notices.decisionLetter(header("桓民许不〔2026〕000009号"), NoticeFixtures.rejected(), "桓台县人民政府");
            String text = PdfReading.text(pdf);

            assertThat(text)
                    .contains("不予给付决定书")
                    .contains("经审查，家庭人均收入高于当地最低生活保障标准。根据" + BASIS + "的规定，决定不予给付。")
                    .contains("可以自收到本决定书之日起六十日内向桓台县人民政府申请行政复议")
                    .doesNotContain("行政许可");
            assertThat(PdfReading.qrCodeOnFirstPage(pdf)).contains(PROGRESS_URL);
        }

        @Test
        void aLicenceIsGrantedOrRefusedAsAnAdministrativeLicenceCitingArticle38WhenRefused() {
            Case granted = decidedAs("ADMINISTRATIVE_LICENCE", true, "申请人符合设立条件");
            Case refused = decidedAs("ADMINISTRATIVE_LICENCE", false, "经营场所不符合要求");

            assertThat(PdfReading.text(notices.decisionLetter(header("桓许准〔2026〕000001号"), granted, null)))
                    .contains("准予行政许可决定书")
                    .contains("经审查，申请人符合设立条件。根据《促进个体工商户发展条例》的规定，决定准予行政许可。");
            assertThat(PdfReading.text(notices.decisionLetter(header("桓许不〔2026〕000001号"), refused, null)))
                    .contains("不予行政许可决定书")
                    .contains("决定不予行政许可。")
                    .contains("第三十八条第二款");
        }

        @Test
        void anItemNeitherLicenceNorBenefitIsDecidedInNeutralWords() {
            String text = PdfReading.text(
                    notices.decisionLetter(header("桓审〔2026〕000001号"), decidedAs("PUBLIC_SERVICE", true, null), null));

            assertThat(text)
                    .contains("审批决定书")
                    .contains("决定予以批准。")
                    .doesNotContain("行政许可")
                    .doesNotContain("给付");
        }

        @Test
        void anOpinionThatOpensWithItsOwnFindingsIsNotPrecededByAnother() {
            String text = PdfReading.text(notices.decisionLetter(
                    header("桓许准〔2026〕000002号"), decidedAs("ADMINISTRATIVE_LICENCE", true, "经审核，符合设立条件。"), null));
            String economy = PdfReading.text(notices.decisionLetter(
                    header("桓许准〔2026〕000003号"), decidedAs("ADMINISTRATIVE_LICENCE", true, "经济状况符合条件"), null));

            assertThat(text).contains("依法受理。经审核，符合设立条件。根据").doesNotContain("经审查，经审核");
            assertThat(economy).contains("经审查，经济状况符合条件。");
        }

        /** 个体工商户设立登记 as an item of the given type, accepted and decided on Tuesday. */
        private static Case decidedAs(String type, boolean approved, String opinion) {
            Case c = AcceptanceReceipt.acceptedAs("XZSP-0001", "个体工商户设立登记", type, List.of("《促进个体工商户发展条例》"));
            c.startReview(NoticeFixtures.REVIEWER, NoticeFixtures.TUESDAY);
            if (approved) {
                c.approve(opinion, "《促进个体工商户发展条例》", NoticeFixtures.REVIEWER, NoticeFixtures.TUESDAY);
            } else {
                c.reject(opinion, "《促进个体工商户发展条例》", NoticeFixtures.REVIEWER, NoticeFixtures.TUESDAY);
            }
            return c;
        }

        @Test
        void aCaseWithoutADecisionHasNoLetter() {
            assertThatThrownBy(
                            () -> notices.decisionLetter(header("桓民许准〔2026〕000033号"), NoticeFixtures.accepted(), null))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Nested
    class Organisations {

        @Test
        void printTheirCreditCodeWholeAndTheirLegalRepresentativeAndTheApplicationByName() {
            ItemSnapshot registration = new ItemSnapshot(
                    "SC-0107",
                    1,
                    "农民专业合作社设立登记",
                    true,
                    0,
                    15,
                    List.of(NoticeFixtures.material("CHARTER", "合作社章程", true, MaterialSource.APPLICANT)));
            Case shop = Case.receive(
                    NoticeFixtures.VILLAGE,
                    WINDOW,
                    registration,
                    Applicant.organisation("桓台县华沟𠮷祥农机专业合作社", "91370321MA3C4XYZ1K", "王𠮷祥"),
                    null,
                    NoticeFixtures.CLERK,
                    NoticeFixtures.MONDAY);
            shop.markMaterials(
                    Map.of("CHARTER", MaterialMark.paperSeen()), NoticeFixtures.CLERK, NoticeFixtures.MONDAY);
            shop.accept(new CaseNumber(CASE_NUMBER), CHECK_CODE, NoticeFixtures.CLERK, NoticeFixtures.MONDAY, CALENDAR);

            String text = PdfReading.text(notices.acceptanceReceipt(header("桓受通〔2026〕000125号"), shop, CALENDAR));

            assertThat(text)
                    .contains("桓台县华沟𠮷祥农机专业合作社：")
                    .contains("统一社会信用代码91370321MA3C4XYZ1K")
                    .contains("法定代表人王𠮷祥")
                    .contains("提出的农民专业合作社设立登记申请，经审查")
                    .contains("承诺办结日期2026年11月30日（承诺时限0个工作日）");
        }
    }

    @Nested
    class Seal {

        @Test
        void isStampedWhenTheHeaderHasOneAndNotOtherwise() {
            NoticeHeader sealed = new NoticeHeader(STATION, "桓受通〔2026〕000123号", LocalDate.of(2026, 11, 30), redSeal());

            byte[] withSeal = notices.acceptanceReceipt(sealed, NoticeFixtures.accepted(), CALENDAR);
            byte[] without = notices.acceptanceReceipt(header("桓受通〔2026〕000123号"), NoticeFixtures.accepted(), CALENDAR);

            assertThat(PdfReading.rasterImagesOnFirstPage(withSeal)).isPositive();
            assertThat(PdfReading.rasterImagesOnFirstPage(without)).isZero();
            // The seal's red ring lands on the page; a notice without one prints black and grey only.
            assertThat(PdfReading.redPixelsOnFirstPage(withSeal)).isGreaterThan(500);
            assertThat(PdfReading.redPixelsOnFirstPage(without)).isZero();
            assertThat(PdfReading.qrCodeOnFirstPage(withSeal)).contains(PROGRESS_URL);
            assertThat(PdfReading.pages(withSeal)).isEqualTo(1);
        }

        @Test
        void thatIsNoImageIsRefused() {
            NoticeHeader broken = new NoticeHeader(
                    STATION, "桓受通〔2026〕000123号", LocalDate.of(2026, 11, 30), "not an image".getBytes());

            assertThatThrownBy(() -> notices.acceptanceReceipt(broken, NoticeFixtures.accepted(), CALENDAR))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("seal");
        }

        /** A red ring on a transparent ground, as a county's seal is scanned. */
        private static byte[] redSeal() {
            BufferedImage seal = new BufferedImage(240, 240, BufferedImage.TYPE_INT_ARGB);
            Graphics2D graphics = seal.createGraphics();
            graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            graphics.setColor(new Color(0xd0, 0x10, 0x10, 0xc0));
            graphics.setStroke(new BasicStroke(12));
            graphics.drawOval(10, 10, 220, 220);
            graphics.dispose();
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            try {
                ImageIO.write(seal, "png", png);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return png.toByteArray();
        }
    }

    @Nested
    class Configuration {

        @Test
        void theProgressUrlIgnoresATrailingSlashOfTheBase() {
            CaseNotices slashed = new CaseNotices(URI.create(BASE_URL + "/"));

            assertThat(slashed.progressUrl(new CaseNumber(CASE_NUMBER), CHECK_CODE))
                    .hasToString(PROGRESS_URL);
        }

        @Test
        void aBaseThatIsNoWebAddressIsRefused() {
            for (String bad :
                    new String[] {"/onewindow", "ftp://zwfw.huantai.gov.cn", "https://zwfw.huantai.gov.cn/?x=1"}) {
                assertThatThrownBy(() -> new CaseNotices(URI.create(bad)))
                        .as(bad)
                        .isInstanceOf(IllegalArgumentException.class);
            }
        }

        @Test
        void aHeaderNeedsItsBodyAndNumber() {
            assertThatThrownBy(() -> NoticeHeader.of(" ", "桓受通〔2026〕000123号", LocalDate.of(2026, 11, 30)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("issuingBody");
            assertThatThrownBy(() -> NoticeHeader.of(STATION, null, LocalDate.of(2026, 11, 30)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("documentNumber");
        }

        @Test
        void anIdNumberIsMaskedToItsFirstSixAndLastFour() {
            assertThat(CaseNotices.masked(ID_NUMBER)).isEqualTo(MASKED_ID);
            assertThat(CaseNotices.masked("37032119580312101X")).isEqualTo("370321********101X");
            assertThat(CaseNotices.masked("1234567")).isEqualTo("*******");
        }
    }
}
