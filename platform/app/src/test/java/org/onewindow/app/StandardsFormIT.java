package org.onewindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.testing.Api;
import org.onewindow.testing.Browser;
import org.onewindow.testing.TestCounty;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The standards team edits a draft's common elements in a form (issue 7), over the demo catalog's 建设工程消防设计审查
 * (ZJ-0002: statutory 15 working days, promised 10). The form saves through the catalog's one rule set, as the JSON
 * does: a promise above the law is refused at its field and nothing is saved. The editor is of a county of this
 * class's own ({@link TestCounty} 济阳县, with the departments the items name, against which a draft is checked); the
 * standard catalog is shared by every county and a draft is of a standard item, so each test leaves the item without
 * the draft it started, also when it stops half-way.
 */
class StandardsFormIT extends ShippedWarInBrowser {

    private static final String ITEM = "ZJ-0002";

    /** 济阳县, this class's own, with the departments ZJ-0001 and ZJ-0002 name (住建局, 财政局). */
    static TestCounty jiyang;

    static String standardsEditor;

    /** The demo items the tests draft, with the number of the version in force before each test. */
    private final java.util.Map<String, Integer> inForce = new java.util.LinkedHashMap<>();

    @BeforeEach
    void ownCounty() {
        if (jiyang == null) {
            jiyang = TestCounty.named("济阳县")
                    .department("济阳县", "ZJ", "济阳县住房和城乡建设局")
                    .department("济阳县", "CZ", "济阳县财政局")
                    .make(api);
            standardsEditor = jiyang.standardsEditor("standards.editor");
        }
        for (String item : java.util.List.of(ITEM, "ZJ-0001")) {
            inForce.put(item, standardVersion(item));
        }
    }

    /** Discards a draft a test started and did not discard itself, so the shared item is left as it was found. */
    @AfterEach
    void leaveTheItemsAsFound() {
        String editor = jiyang.token(standardsEditor);
        inForce.forEach((item, version) -> {
            assertThat(standardVersion(item)).as(item + " in force").isEqualTo(version);
            String draft = "api/v1/catalog/items/" + item + "/drafts/" + (version + 1);
            Api.Answer open = api.get(draft, editor);
            if (open.status() == 200) {
                Api.Answer discarded = api.delete(
                        draft + "?lockVersion=" + open.json().asJsonObject().getInt("lockVersion"), editor);
                assertThat(discarded.status()).as(discarded.body()).isEqualTo(204);
            }
            assertThat(api.get(draft, editor).status())
                    .as(item + " without a draft")
                    .isEqualTo(404);
        });
    }

    @Test
    void anEditorChangesThePromiseAndAMaterialInTheFormAndAPromiseAboveTheLawIsRefusedAtItsField() {
        // Arrange: a new draft of the item, in the form.
        new LoginPage(browser, base).open().logIn(standardsEditor, TestCounty.PASSWORD);
        StandardsPage standards = new StandardsPage(browser, base);
        standards.open(ITEM);
        standards.startDraft();
        assertThat(standards.field("form-statutory")).isEqualTo("15");
        assertThat(standards.field("form-promised")).isEqualTo("10");
        assertThat(standards.field("materials:1:material-name")).isEqualTo("消防设计文件");

        // Act: a shorter promise and a renamed material, saved with the keyboard.
        standards.fill("form-promised", "8");
        standards.fillMaterial(1, "material-name", "消防设计文件及图纸");
        Browser.screenshot(browser, "standards-form");
        standards.saveForm();

        // Assert: saved, and the comparison with the version in force shows both changes.
        assertThat(standards.messages()).contains("已保存");
        standards.showChangedOnly();
        assertThat(standards.changedRows())
                .contains("承诺时限")
                .contains("8")
                .contains("消防设计文件及图纸")
                .doesNotContain("事项名称");
        Browser.screenshot(browser, "standards-form-saved-diff");
        String json = standards.editDraft();
        assertThat(json).contains("\"promisedLimitDays\": 8").contains("消防设计文件及图纸");
        int draft = Integer.parseInt(standards.draftVersion().replaceAll("\\D", ""));

        // Act: a promise above the statutory limit.
        standards.fill("form-promised", "20");
        String refused = standards.saveFormRefused("form-promised");

        // Assert: the catalog's own message at the field, and the draft as it was.
        assertThat(refused).contains("承诺时限20个工作日不能超过法定时限15个工作日");
        assertThat(standards.field("form-promised")).isEqualTo("20");
        browser.executeScript(
                "arguments[0].scrollIntoView({block: 'center'});",
                browser.findElement(By.id("standards:form-promised")));
        Browser.screenshot(browser, "standards-form-refused");
        String editor = jiyang.token(standardsEditor);
        JsonObject stored = api.get("api/v1/catalog/items/" + ITEM + "/drafts/" + draft, editor)
                .json()
                .asJsonObject()
                .getJsonObject("elements");
        assertThat(stored.getInt("promisedLimitDays")).isEqualTo(8);
        assertThat(stored.getInt("statutoryLimitDays")).isEqualTo(15);

        // The form fits a phone.
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            new WebDriverWait(browser, Duration.ofSeconds(5))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("standards:save-form")));
            Object fits = browser.executeScript("const form = document.getElementById('standards:draft-form');"
                    + " return form.getBoundingClientRect().right <= window.innerWidth + 1"
                    + " && form.scrollWidth <= form.clientWidth + 1;");
            assertThat(fits).as("the draft form fits 390 px").isEqualTo(true);
            Browser.screenshot(browser, "standards-form-phone");
        } finally {
            browser.manage().window().setSize(new Dimension(1366, 900));
        }

        // A JSON that stops being JSON is refused with where it stops, in words.
        standards.editElements("{\n  \"name\": \"建设工程消防设计审查\",\n}");
        assertThat(standards.compareRefused()).contains("第3行").doesNotContain("Invalid token");
        Browser.screenshot(browser, "standards-json-refused");

        // The draft is discarded, leaving the shared catalog as the other tests know it.
        standards.cancelDraft();
        standards.discardDraft();
        assertThat(standards.draftVersion()).isEqualTo("无");
    }

    /**
     * A material that only JSON could add before: 建筑工程施工许可证核发 (ZJ-0001, four materials) gets a fifth, 总平面图,
     * a copy, two of them, brought by the applicant and read from the drawing review's shared data, chosen by their
     * names. A word for the copies is refused at the field in words, and nothing is saved.
     */
    @Test
    void anEditorAddsAMaterialWithTwoSourcesByTheirNamesAndAWordForItsCopiesIsRefusedAtTheField() {
        // Arrange
        new LoginPage(browser, base).open().logIn(standardsEditor, TestCounty.PASSWORD);
        StandardsPage standards = new StandardsPage(browser, base);
        standards.open("ZJ-0001");
        standards.startDraft();
        assertThat(standards.chosenSources(3))
                .as("a material's sources by their names")
                .contains("部门共享数据：施工图审查");

        // Act
        int added = standards.addMaterial();
        standards.fillMaterial(added, "material-code", "SITE_PLAN");
        standards.fillMaterial(added, "material-name", "总平面图");
        standards.chooseMaterialForm(added, "复印件");
        standards.fillMaterial(added, "material-copies", "2");
        standards.toggleSource(added, "部门共享数据：施工图审查");
        assertThat(standards.chosenSources(added)).containsExactly("申请人提供", "部门共享数据：施工图审查");
        Browser.screenshot(browser, "standards-form-material-added");
        standards.saveForm();

        // Assert: saved through the one path, read back through the API and in the JSON
        assertThat(standards.messages()).contains("已保存");
        int draft = Integer.parseInt(standards.draftVersion().replaceAll("\\D", ""));
        String editor = jiyang.token(standardsEditor);
        JsonObject material =
                stored("ZJ-0001", draft, editor).getJsonArray("materials").getJsonObject(added);
        assertThat(material.getString("code")).isEqualTo("SITE_PLAN");
        assertThat(material.getString("name")).isEqualTo("总平面图");
        assertThat(material.getString("form")).isEqualTo("COPY");
        assertThat(material.getInt("copies")).isEqualTo(2);
        assertThat(material.getBoolean("mandatory")).isTrue();
        assertThat(material.getJsonArray("sources").getValuesAs(jakarta.json.JsonString::getString))
                .containsExactly("APPLICANT", "SHARED:DRAWING_REVIEW");
        String json = standards.editDraft();
        assertThat(json).contains("\"SITE_PLAN\"").contains("\"SHARED:DRAWING_REVIEW\"");
        assertThat(standards.chosenSources(added)).containsExactly("申请人提供", "部门共享数据：施工图审查");

        // Act: a word where the number of copies belongs
        standards.fillMaterial(added, "material-copies", "两份");
        String refused = standards.saveFormRefused("materials:" + added + ":material-copies");

        // Assert: the field named in words, and the draft as it was
        assertThat(refused).contains("份数").contains("两份").doesNotContain("copies");
        Browser.screenshot(browser, "standards-form-material-refused");
        assertThat(stored("ZJ-0001", draft, editor)
                        .getJsonArray("materials")
                        .getJsonObject(added)
                        .getInt("copies"))
                .isEqualTo(2);

        // The draft is discarded, leaving the shared catalog as the other tests know it.
        standards.cancelDraft();
        standards.discardDraft();
        assertThat(standards.draftVersion()).isEqualTo("无");
    }

    /** The number of the item's version in force, as the county reads it. */
    private int standardVersion(String item) {
        Api.Answer answer = api.get("api/v1/catalog/items/" + item + "?tenant=" + jiyang.code(), null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().asJsonObject().getInt("standardVersion");
    }

    private JsonObject stored(String item, int draft, String token) {
        var answer = api.get("api/v1/catalog/items/" + item + "/drafts/" + draft, token);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().asJsonObject().getJsonObject("elements");
    }
}
