package org.onewindow.catalog.guide;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.onewindow.catalog.domain.ApplicationFormTest;
import org.onewindow.catalog.domain.EffectiveItem;
import org.onewindow.catalog.domain.ItemElements;
import org.onewindow.catalog.domain.ItemVersion;
import org.onewindow.catalog.domain.TierOverride;
import org.onewindow.kernel.document.DocumentFonts;
import org.onewindow.kernel.tenant.domain.DivisionCode;

/**
 * The printable service guide, told with 城乡居民基本养老保险参保登记 as 华沟村 (in 起凤镇) offers it after 起凤镇
 * set its own window and notes: the PDF says, in Chinese a reader can extract, what the page says.
 */
class GuidePdfTest {

    static final DivisionCode QIFENG = new DivisionCode("370321106000");
    static final String HUAGOU = "370321106202";
    static final Map<String, String> DEPARTMENTS = Map.of("RS", "桓台县人力资源和社会保障局");

    @Test
    void thePensionGuideNamesTheItemItsMaterialsAndTheTownsWindowInExtractableChinese() throws Exception {
        ServiceGuide guide = GuideBuilder.build(
                HUAGOU, "华沟村", pensionAdaptedByQifeng(), DEPARTMENTS, licences(), Locale.SIMPLIFIED_CHINESE);

        byte[] pdf = GuidePdf.render(guide);

        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        Path file = Path.of("target", "guide-RS-0001.pdf");
        Files.createDirectories(file.getParent());
        Files.write(file, pdf); // for a person to look at: pdftoppm -png target/guide-RS-0001.pdf
        String text = textOf(pdf);
        assertThat(text)
                .contains("城乡居民基本养老保险参保登记")
                .contains("办事指南")
                .contains("华沟村")
                .contains("居民身份证")
                .contains("无需提交，政府部门已有")
                .contains("桓台县人力资源和社会保障局")
                .contains("《中华人民共和国社会保险法》")
                .contains("起凤镇便民服务中心社会事务窗口")
                .contains("镇（街道）调整");
    }

    /**
     * Issue 7: 𠮷 in an item name gave HTTP 500 (the non-embedded STSong-Light stops at U+FFFF) and in a title the line
     * vanished. Text from every plane the product accepts is printed in title and body, in Chinese and English.
     */
    @ParameterizedTest
    @ValueSource(strings = {"zh", "en"})
    void textFromEveryPlaneIsPrintedInTheTitleAndBody(String language) throws Exception {
        String planes = "Café Müller 中华人民共和国 㐀 𠮷𡈽 \uF900\uD87E\uDC00 ，。（） ①℃✓ 👍";
        ItemVersion standard = ItemVersion.published(
                1,
                Json.createObjectBuilder(item("RS-0001"))
                        .add("name", "𠮷家庄 " + planes)
                        .add("conditions", Json.createArrayBuilder().add("申请人 " + planes))
                        .build());
        JsonObject patch = Json.createObjectBuilder()
                .add("localWindow", "𡈽村便民服务站 window 2")
                .build();
        ServiceGuide guide = GuideBuilder.build(
                HUAGOU,
                "𠮷家庄村",
                EffectiveItem.resolve(standard, List.of(TierOverride.of(QIFENG, standard, patch))),
                DEPARTMENTS,
                licences(),
                Locale.forLanguageTag(language));

        byte[] pdf = GuidePdf.render(guide);

        Files.write(Path.of("target", "guide-planes-" + language + ".pdf"), pdf);
        String text = textOf(pdf);
        // The title (two lines at 18 pt) is all that comes before the line naming the document.
        String title = text.substring(0, text.indexOf(language.equals("en") ? "Service guide" : "办事指南"));
        for (String where : new String[] {title, text}) {
            planes.codePoints()
                    .filter(c -> c != ' ')
                    .forEach(c -> assertThat(where).as("U+%04X", c).contains(Character.toString(c)));
        }
        assertThat(title).startsWith("𠮷家庄 Café Müller");
        assertThat(text)
                .contains("申请人 Café Müller")
                .contains("𡈽村便民服务站 window 2")
                .contains("𠮷家庄村")
                .doesNotContain(DocumentFonts.SUBSTITUTE);
        if (language.equals("en")) {
            assertThat(text).contains("Service guide").contains("Basic information");
        }
    }

    @Test
    void theGuideWordsEveryElementAnApplicantNeeds() {
        ServiceGuide guide = GuideBuilder.build(
                HUAGOU, "华沟村", pensionAdaptedByQifeng(), DEPARTMENTS, licences(), Locale.SIMPLIFIED_CHINESE);

        assertThat(guide.itemName()).isEqualTo("城乡居民基本养老保险参保登记");
        assertThat(values(guide, "basic", "type")).containsExactly("公共服务");
        assertThat(values(guide, "basic", "serviceObject")).containsExactly("自然人");
        assertThat(values(guide, "limits", "statutoryLimitDays")).containsExactly("1个工作日");
        assertThat(values(guide, "limits", "promisedLimitDays")).containsExactly("即办（当场办结）");
        assertThat(values(guide, "fees", "fees")).containsExactly("不收费");
        assertThat(values(guide, "basic", "intakeTiers")).containsExactly("村（社区）、镇（街道）、县（市、区）");
        assertThat(values(guide, "delivery", "onlineDepth")).containsExactly("四级（全程网办）");
        assertThat(guide.section("local"))
                .extracting(ServiceGuide.Fact::key)
                .containsExactly("localWindow", "localNotes");
        assertThat(guide.materials())
                .extracting(ServiceGuide.Material::name)
                .containsExactly("居民身份证", "居民户口簿", "村委会证明");
        ServiceGuide.Material id = guide.materials().get(0);
        assertThat(id.governmentHolds()).isTrue();
        assertThat(id.sources()).contains("电子证照：居民身份证").contains("申请人提供");
        assertThat(guide.materials().get(2).local()).isTrue();
        assertThat(guide.materials().get(2).mandatory()).isFalse();
    }

    @Test
    void aFeeIsWordedWithItsAmountUnitAndBasisAndEnglishIsAvailable() throws Exception {
        EffectiveItem permit = EffectiveItem.resolve(ItemVersion.published(1, item("ZJ-0001")), List.of());

        ServiceGuide chinese =
                GuideBuilder.build("370321000000", "桓台县", permit, Map.of(), licences(), Locale.SIMPLIFIED_CHINESE);
        ServiceGuide english = GuideBuilder.build("370321000000", "桓台县", permit, Map.of(), licences(), Locale.ENGLISH);

        assertThat(values(chinese, "fees", "fees")).containsExactly("城市基础设施配套费：60.00 元/平方米（按建筑面积计征（示例））");
        assertThat(values(chinese, "result", "resultLicense")).containsExactly("建筑工程施工许可证");
        assertThat(english.sections().get(0).title()).isEqualTo("Basic information");
        assertThat(values(english, "basic", "type")).containsExactly("Administrative licence");
        assertThat(textOf(GuidePdf.render(english))).contains("Materials").contains("建筑工程施工许可证核发");
    }

    @Test
    void theGuideListsTheReviewStepsInOrderWithTheirTierDepartmentAndNote() throws Exception {
        EffectiveItem subsistence = EffectiveItem.resolve(ItemVersion.published(1, item("MZ-0001")), List.of());

        ServiceGuide chinese = GuideBuilder.build(
                HUAGOU, "华沟村", subsistence, Map.of("MZ", "桓台县民政局"), licences(), Locale.SIMPLIFIED_CHINESE);
        ServiceGuide english = GuideBuilder.build(HUAGOU, "华沟村", subsistence, Map.of(), licences(), Locale.ENGLISH);

        assertThat(values(chinese, "process", "processSteps"))
                .containsExactly("村级初审、提出意见（村（社区））：入户调查、民主评议", "镇级审核（镇（街道））：审核并公示7天", "县级审批决定（县（市、区） 桓台县民政局）");
        assertThat(values(english, "process", "processSteps").get(2)).isEqualTo("County decision (County MZ)");
        // Numbered once, by the printed list
        assertThat(textOf(GuidePdf.render(chinese)).replaceAll("\\s+", ""))
                .contains("办理流程")
                .contains("2.镇级审核")
                .doesNotContain("1.1.")
                .doesNotContain("2.2.");
    }

    @Test
    void theGuideListsTheApplicationFormsFieldsAfterTheMaterials() throws Exception {
        JsonObject elements = Json.createObjectBuilder(item("MZ-0001"))
                .add(ItemElements.APPLICATION_FORM, ApplicationFormTest.demoForm("MZ-0001"))
                .build();
        EffectiveItem subsistence = EffectiveItem.resolve(ItemVersion.published(1, elements), List.of());

        ServiceGuide chinese =
                GuideBuilder.build(HUAGOU, "华沟村", subsistence, Map.of(), licences(), Locale.SIMPLIFIED_CHINESE);
        ServiceGuide english = GuideBuilder.build(HUAGOU, "华沟村", subsistence, Map.of(), licences(), Locale.ENGLISH);

        // The form's name labels its fields: it is not counted as field 1
        assertThat(chinese.section("form"))
                .singleElement()
                .extracting(ServiceGuide.Fact::label)
                .isEqualTo("最低生活保障申请表");
        assertThat(values(chinese, "form", "applicationForm"))
                .startsWith("共同生活家庭成员人数：整数，必填", "家庭成员：表格（姓名、身份证号码、与申请人关系、月收入），必填")
                .contains("家庭月总收入：金额（元），必填")
                .doesNotContain("最低生活保障申请表");
        assertThat(values(english, "form", "applicationForm").get(1))
                .isEqualTo("家庭成员: table (姓名, 身份证号码, 与申请人关系, 月收入), required");
        assertThat(chinese.sectionsAfterMaterials().get(0).key()).isEqualTo("form");
        assertThat(textOf(GuidePdf.render(chinese))).contains("最低生活保障申请表").contains("共同生活家庭成员人数");
        assertThat(GuideBuilder.build(
                                HUAGOU,
                                "华沟村",
                                pensionAdaptedByQifeng(),
                                Map.of(),
                                licences(),
                                Locale.SIMPLIFIED_CHINESE)
                        .section("form"))
                .isEmpty();
    }

    // --- the story's data --------------------------------------------------------------------------------

    /** 起凤镇 names its window, adds notes and an optional village certificate; 华沟村 inherits all of it. */
    static EffectiveItem pensionAdaptedByQifeng() {
        ItemVersion standard = ItemVersion.published(1, item("RS-0001"));
        JsonObject patch = Json.createObjectBuilder()
                .add("localWindow", "起凤镇便民服务中心社会事务窗口")
                .add("localNotes", "村便民服务站可代办，材料齐全当场办结")
                .add(
                        "extraMaterials",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("code", "VILLAGE_CERT")
                                        .add("name", "村委会证明")
                                        .add("form", "ORIGINAL")
                                        .add("copies", 1)
                                        .add("mandatory", false)
                                        .add(
                                                "sources",
                                                Json.createArrayBuilder().add("APPLICANT"))))
                .build();
        return EffectiveItem.resolve(standard, List.of(TierOverride.of(QIFENG, standard, patch)));
    }

    static List<String> values(ServiceGuide guide, String section, String fact) {
        return guide.section(section).stream()
                .filter(f -> f.key().equals(fact))
                .findFirst()
                .map(ServiceGuide.Fact::values)
                .orElseThrow(() -> new AssertionError("no " + section + "/" + fact + " in " + guide));
    }

    static Map<String, String> licences() {
        return LicenceTypes.names();
    }

    static JsonObject item(String code) {
        try (JsonReader reader = Json.createReader(new InputStreamReader(
                GuidePdfTest.class.getResourceAsStream("/org/onewindow/catalog/demo/catalog.json"),
                StandardCharsets.UTF_8))) {
            return reader.readObject().getJsonArray("items").stream()
                    .map(JsonValue::asJsonObject)
                    .filter(item -> item.getString("code").equals(code))
                    .findFirst()
                    .orElseThrow();
        }
    }

    static String textOf(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void aSectionOfOneFactUnderItsOwnNameShowsThatNameOnce() throws Exception {
        EffectiveItem subsistence = EffectiveItem.resolve(ItemVersion.published(1, item("MZ-0001")), List.of());
        ServiceGuide chinese =
                GuideBuilder.build(HUAGOU, "华沟村", subsistence, Map.of(), licences(), Locale.SIMPLIFIED_CHINESE);

        ServiceGuide.Section conditions = chinese.sections().stream()
                .filter(section -> section.key().equals("conditions"))
                .findFirst()
                .orElseThrow();
        assertThat(conditions.labelRepeatsTitle()).isTrue();
        assertThat(textOf(GuidePdf.render(chinese)).split("申请条件", -1)).hasSize(2);
    }
}
