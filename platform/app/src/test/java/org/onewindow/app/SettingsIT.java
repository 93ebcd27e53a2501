package org.onewindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.testing.Api;
import org.onewindow.testing.Browser;
import org.onewindow.testing.TestCounty;
import org.onewindow.testing.TestDatabase;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Settings inherited down the tenant tree (issue 11), on a county of this class's own ({@link TestCounty} 沂源县) with
 * its town 起凤镇 and the town's villages 华沟村 and 付庙村: the county sets, a village inherits and overrides, a town may not touch what only the
 * county sets, bad values change nothing, and casework counts with what is in force.
 */
class SettingsIT extends ShippedWarInBrowser {

    /** 沂源县, this class's own: what it sets no other class reads. */
    static TestCounty yiyuan;

    static String COUNTY;
    static String QIFENG;
    static String HUAGOU;
    static String FUMIAO;
    static String countyAdminName;
    static String townAdminName;
    static String villageAdminName;
    static String huagouClerk;
    static String fumiaoClerk;

    /** A county with the town 起凤镇 and its villages 华沟村 and 付庙村, whose 低保 passes village, town and county. */
    @BeforeEach
    void ownCounty() {
        if (yiyuan != null) {
            return;
        }
        yiyuan = TestCounty.named("沂源县")
                .town("起凤镇", "付庙村", "华沟村")
                .department("沂源县", "MZ", "民政局")
                .department("起凤镇", "SHSW", "社会事务办")
                .department("华沟村", "CWH", "村委会")
                .department("付庙村", "CWH", "村委会")
                .make(api);
        COUNTY = yiyuan.code();
        QIFENG = yiyuan.code("起凤镇");
        HUAGOU = yiyuan.code("华沟村");
        FUMIAO = yiyuan.code("付庙村");
        countyAdminName = yiyuan.admin();
        townAdminName = yiyuan.staff("起凤镇", "qifeng.admin", Set.of("TENANT_ADMIN"));
        villageAdminName = yiyuan.staff("华沟村", "huagou.admin", Set.of("TENANT_ADMIN"));
        huagouClerk = yiyuan.staff("华沟村", "huagou.clerk", Set.of("CLERK"));
        fumiaoClerk = yiyuan.staff("付庙村", "fumiao.clerk", Set.of("CLERK"));
    }

    /** Each test starts from the built-in defaults. */
    @AfterEach
    void forgetTheSettings() throws Exception {
        try (Connection su = TestDatabase.get().superuserConnection();
                Statement sql = su.createStatement()) {
            sql.executeUpdate("delete from tenant_setting where county_code = '" + COUNTY + "'");
        }
    }

    @Test
    void aVillageInheritsTheCountysThresholdOverridesItAndRestoresIt() throws Exception {
        String countyAdmin = yiyuan.adminToken();
        String villageAdmin = yiyuan.token(villageAdminName);
        String clerk = yiyuan.token(huagouClerk);
        long countyChanges = audited(COUNTY, "settings.changed");
        long villageChanges = audited(HUAGOU, "settings.changed");
        long villageRestores = audited(HUAGOU, "settings.restored");

        // Nothing set: the built-in default, and a clerk may read but not change.
        JsonObject before = setting(clerk, "warningThresholdPercent");
        assertThat(before.getString("value")).isEqualTo("80");
        assertThat(before.getString("source")).isEqualTo("DEFAULT");
        assertThat(before.getBoolean("mayChange")).isFalse();

        Api.Answer set = api.putJson("api/v1/settings/warningThresholdPercent", countyAdmin, "{\"value\":\"60\"}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.field("source")).isEqualTo("COUNTY");

        JsonObject inherited = setting(villageAdmin, "warningThresholdPercent");
        assertThat(inherited.getString("value")).isEqualTo("60");
        assertThat(inherited.getString("source")).isEqualTo("COUNTY");
        assertThat(inherited.getString("sourceTenant")).isEqualTo(COUNTY);
        assertThat(inherited.getBoolean("setHere")).isFalse();
        assertThat(inherited.getBoolean("mayChange")).isTrue();

        Api.Answer own = api.putJson("api/v1/settings/warningThresholdPercent", villageAdmin, "{\"value\":70}");
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        JsonObject overridden = setting(clerk, "warningThresholdPercent");
        assertThat(overridden.getString("value")).isEqualTo("70");
        assertThat(overridden.getString("source")).isEqualTo("VILLAGE");
        assertThat(overridden.getBoolean("setHere")).isTrue();
        assertThat(overridden.getString("inheritedValue")).isEqualTo("60");
        // The sibling village and the county itself keep the county's value.
        assertThat(setting(yiyuan.token(fumiaoClerk), "warningThresholdPercent").getString("value"))
                .isEqualTo("60");
        assertThat(setting(countyAdmin, "warningThresholdPercent").getString("value"))
                .isEqualTo("60");

        // Row-level security: the village's scope reads its own value and those above it, not a sibling's.
        try (Connection su = TestDatabase.get().superuserConnection();
                Statement sql = su.createStatement()) {
            sql.executeUpdate("insert into tenant_setting (county_code, tenant_code, scope_prefix, name, value,"
                    + " changed_by) values ('" + COUNTY + "', '" + FUMIAO + "', '" + FUMIAO
                    + "', 'warningThresholdPercent', '90', 'test')");
        }
        assertThat(asApp(HUAGOU, "select count(*) from tenant_setting")).isEqualTo(2);
        assertThat(asApp(FUMIAO, "select count(*) from tenant_setting")).isEqualTo(2);
        // The town's scope is its 9-digit prefix: both villages and the county.
        assertThat(asApp(QIFENG.substring(0, 9), "select count(*) from tenant_setting"))
                .isEqualTo(3);

        Api.Answer restored = api.delete("api/v1/settings/warningThresholdPercent", villageAdmin);
        assertThat(restored.status()).as(restored.body()).isEqualTo(200);
        assertThat(restored.field("value")).isEqualTo("60");
        assertThat(restored.field("source")).isEqualTo("COUNTY");
        Api.Answer again = api.delete("api/v1/settings/warningThresholdPercent", villageAdmin);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.field("message")).contains("本级没有单独设置预警比例");

        assertThat(audited(COUNTY, "settings.changed")).isEqualTo(countyChanges + 1);
        assertThat(audited(HUAGOU, "settings.changed")).isEqualTo(villageChanges + 1);
        assertThat(audited(HUAGOU, "settings.restored")).isEqualTo(villageRestores + 1);
    }

    @Test
    void refusedChangesSayWhyInBothLanguagesAndChangeNothing() throws Exception {
        String countyAdmin = yiyuan.adminToken();
        String townAdmin = yiyuan.token(townAdminName);
        String clerk = yiyuan.token(huagouClerk);
        api.putJson("api/v1/settings/warningThresholdPercent", countyAdmin, "{\"value\":\"60\"}");
        String stored = storedSettings();
        long audits = audited(COUNTY, "settings.changed") + audited(QIFENG, "settings.changed");

        Api.Answer format = api.putJson("api/v1/settings/caseNumberFormat", townAdmin, "{\"value\":\"QF{seq:6}\"}");
        assertThat(format.status()).as(format.body()).isEqualTo(403);
        assertThat(format.field("type")).endsWith("settings.tier.refused");
        assertThat(format.field("message")).isEqualTo("受理编号规则不能由乡镇（街道）单独设置：乡镇（街道）沿用上级设置的值");
        Api.Exchange english = api.exchange(
                "PUT",
                "api/v1/settings/caseNumberFormat",
                townAdmin,
                Map.of("Accept-Language", "en"),
                "{\"value\":\"QF{seq:6}\"}");
        assertThat(english.answer().field("message"))
                .isEqualTo("Case number format cannot be set by a town or street: a town or street uses the value set"
                        + " above it");
        assertThat(api.delete("api/v1/settings/caseNumberFormat", townAdmin).status())
                .isEqualTo(403);
        assertThat(setting(townAdmin, "caseNumberFormat").getBoolean("mayChange"))
                .isFalse();

        Api.Answer notAdmin = api.putJson("api/v1/settings/warningThresholdPercent", clerk, "{\"value\":\"50\"}");
        assertThat(notAdmin.status()).isEqualTo(403);
        assertThat(notAdmin.field("message")).isEqualTo("您没有执行此操作的权限");

        for (String bad : new String[] {"0", "100", "abc", "", "-1"}) {
            Api.Answer refused =
                    api.putJson("api/v1/settings/warningThresholdPercent", townAdmin, "{\"value\":\"" + bad + "\"}");
            assertThat(refused.status()).as(bad + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.field("message")).as(bad).contains("预警比例");
        }
        assertThat(api.putJson("api/v1/settings/warningThresholdPercent", townAdmin, "{\"value\":\"100\"}")
                        .field("message"))
                .isEqualTo("预警比例（承诺时限已用百分比）应在1到99之间，100超出范围");
        Api.Answer badPattern =
                api.putJson("api/v1/settings/caseNumberFormat", countyAdmin, "{\"value\":\"HT{date}\"}");
        assertThat(badPattern.status()).isEqualTo(400);
        assertThat(badPattern.field("message")).contains("须恰好包含一个序号");
        Api.Answer unknown = api.putJson("api/v1/settings/stampColour", countyAdmin, "{\"value\":\"x\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(api.putJson("api/v1/settings/warningThresholdPercent", countyAdmin, "")
                        .status())
                .isEqualTo(400);

        assertThat(storedSettings()).as("nothing changed").isEqualTo(stored);
        assertThat(audited(COUNTY, "settings.changed") + audited(QIFENG, "settings.changed"))
                .isEqualTo(audits);
    }

    @Test
    void casesCountWithTheSettingsInForceWhenTheyAreTakenIn() throws Exception {
        String countyAdmin = yiyuan.adminToken();
        String villageAdmin = yiyuan.token(villageAdminName);
        String clerk = yiyuan.token(huagouClerk);

        assertThat(api.putJson("api/v1/settings/caseNumberFormat", countyAdmin, "{\"value\":\"HT{year}-{seq:8}\"}")
                        .status())
                .isEqualTo(200);
        api.putJson("api/v1/settings/warningThresholdPercent", countyAdmin, "{\"value\":\"60\"}");
        String atSixty = takeIn(clerk);
        assertThat(atSixty)
                .matches("HT" + LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() + "-\\d{8}");

        api.putJson("api/v1/settings/warningThresholdPercent", villageAdmin, "{\"value\":\"70\"}");
        String atSeventy = takeIn(clerk);
        assertThat(atSeventy).startsWith("HT").isNotEqualTo(atSixty);

        // 低保 has 20 working days promised: 60% warns after 12 of them, 70% after 14.
        LocalDate warnedAtSixty = warnFrom(atSixty);
        LocalDate warnedAtSeventy = warnFrom(atSeventy);
        assertThat(warnedAtSeventy).isAfter(warnedAtSixty);

        // Back to the default pattern: the next case has a number of the old shape again.
        api.delete("api/v1/settings/caseNumberFormat", countyAdmin);
        assertThat(takeIn(clerk)).startsWith(yiyuan.prefix() + "-");
    }

    @Test
    void theWindowsNoticesPrintTheIssuingBodyTheTownNamed() throws Exception {
        String clerk = yiyuan.token(huagouClerk);
        JsonObject before = takeInAnswer(clerk);
        assertThat(receiptText(before, clerk)).contains("华沟村");

        String body = "桓台县起凤镇便民服务中心华沟村代办点";
        assertThat(api.putJson(
                                "api/v1/settings/issuingBodyName",
                                yiyuan.token(townAdminName),
                                "{\"value\":\"" + body + "\"}")
                        .status())
                .isEqualTo(200);
        // The village inherits its town's name; a receipt printed again, and a new one, carry it.
        assertThat(receiptText(takeInAnswer(clerk), clerk)).contains(body);
        assertThat(receiptText(before, clerk)).contains(body);
    }

    /**
     * The county uploads its seal (a red ring on a transparent background): a village inherits it, shown as the
     * county's, and its receipt prints it beside the issuing body; the county removes it and the next print has none.
     */
    @Test
    void theSealTheCountyUploadsIsPrintedOnAVillagesReceiptUntilItIsRemoved() throws Exception {
        // Arrange: a county with the town 起凤镇 and its village 华沟村, a case taken in at the village
        String countyAdmin = yiyuan.adminToken();
        String clerk = yiyuan.token(huagouClerk);
        byte[] seal = seal(true);
        JsonObject accepted = takeInAnswer(clerk);
        assertThat(receiptImages(accepted, clerk)).as("no seal yet").isZero();
        long audits = audited(COUNTY, "settings.changed");

        // Act: the county's administrator uploads it
        Api.Answer uploaded = api.put("api/v1/settings/sealImage/image", countyAdmin, "image/png", seal);

        // Assert: in force down the tree, with where it comes from, and printed
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
        assertThat(uploaded.field("source")).isEqualTo("COUNTY");
        assertThat(uploaded.field("value")).hasSize(64);
        JsonObject inherited = setting(clerk, "sealImage");
        assertThat(inherited.getString("kind")).isEqualTo("IMAGE");
        assertThat(inherited.getString("source")).isEqualTo("COUNTY");
        assertThat(inherited.getString("sourceTenant")).isEqualTo(COUNTY);
        assertThat(inherited.getString("value")).isEqualTo(uploaded.field("value"));
        assertThat(inherited.getBoolean("mayChange")).isFalse();
        var image = pdf("api/v1/settings/sealImage/image", clerk);
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.body()).isEqualTo(seal);
        assertThat(receiptImages(accepted, clerk))
                .as("the seal beside the issuing body")
                .isEqualTo(1);
        assertThat(audited(COUNTY, "settings.changed")).isEqualTo(audits + 1);

        // Act: the same image again changes nothing; then the county removes it
        assertThat(api.put("api/v1/settings/sealImage/image", countyAdmin, "image/png", seal)
                        .status())
                .isEqualTo(200);
        assertThat(audited(COUNTY, "settings.changed")).isEqualTo(audits + 1);
        Api.Answer removed = api.delete("api/v1/settings/sealImage", countyAdmin);

        // Assert: documents are stamped by hand again
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(removed.field("source")).isEqualTo("DEFAULT");
        assertThat(setting(clerk, "sealImage").getString("value")).isEmpty();
        assertThat(api.get("api/v1/settings/sealImage/image", clerk).status()).isEqualTo(404);
        assertThat(receiptImages(accepted, clerk))
                .as("no seal after its removal")
                .isZero();
    }

    /**
     * A file that is not a PNG (whatever its type says), an empty one, one over 512 KiB, a PNG without a transparent
     * background, a seal typed as text and a village's administrator (only a county or a town sets a seal): each
     * refused with its reason in zh and en, and nothing stored or audited.
     */
    @Test
    void aBadSealIsRefusedInBothLanguagesAndChangesNothing() throws Exception {
        // Arrange
        String countyAdmin = yiyuan.adminToken();
        String villageAdmin = yiyuan.token(villageAdminName);
        byte[] jpeg = jpeg();
        byte[] tooLarge = new byte[(512 << 10) + 1];
        System.arraycopy(seal(true), 0, tooLarge, 0, 8);
        String stored = storedSettings();
        long audits = audited(COUNTY, "settings.changed") + audited(HUAGOU, "settings.changed");

        // Act
        Api.Answer notPng = api.put("api/v1/settings/sealImage/image", countyAdmin, "image/png", jpeg);
        Api.Answer text = api.put(
                "api/v1/settings/sealImage/image",
                countyAdmin,
                "image/png",
                "not a seal".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Api.Answer empty = api.put("api/v1/settings/sealImage/image", countyAdmin, "image/png", new byte[0]);
        Api.Answer large = upload(countyAdmin, tooLarge, null);
        Api.Answer opaque = api.put("api/v1/settings/sealImage/image", countyAdmin, "image/png", seal(false));
        Api.Answer typed = api.putJson("api/v1/settings/sealImage", countyAdmin, "{\"value\":\"seal.png\"}");
        Api.Answer village = api.put("api/v1/settings/sealImage/image", villageAdmin, "image/png", seal(true));
        Api.Answer notAnImage = api.put("api/v1/settings/issuingBodyName/image", countyAdmin, "image/png", seal(true));

        // Assert
        assertThat(notPng.status()).as(notPng.body()).isEqualTo(400);
        assertThat(notPng.field("error")).isEqualTo("settings.image.not.png");
        assertThat(notPng.field("message")).isEqualTo("印章图片须为PNG格式（按文件内容判断，与文件名无关），未保存");
        assertThat(upload(countyAdmin, jpeg, "en").field("message"))
                .isEqualTo("The seal image must be a PNG (judged by its content, not its name); nothing was stored");
        assertThat(text.status()).isEqualTo(400);
        assertThat(text.field("error")).isEqualTo("settings.image.not.png");
        assertThat(empty.status()).as(empty.body()).isEqualTo(400);
        assertThat(empty.field("message")).isEqualTo("上传的印章图片是空文件，未保存");
        assertThat(upload(countyAdmin, new byte[0], "en").field("message"))
                .isEqualTo("The uploaded seal image is empty; nothing was stored");
        assertThat(large.status()).as(large.body()).isEqualTo(413);
        assertThat(large.field("message")).isEqualTo("印章图片不能超过512 KiB，未保存");
        assertThat(upload(countyAdmin, tooLarge, "en").field("message"))
                .isEqualTo("The seal image may be at most 512 KiB; nothing was stored");
        assertThat(opaque.status()).as(opaque.body()).isEqualTo(400);
        assertThat(opaque.field("message")).contains("透明背景");
        assertThat(upload(countyAdmin, seal(false), "en").field("message")).contains("transparent background");
        assertThat(typed.status()).as(typed.body()).isEqualTo(400);
        assertThat(typed.field("message")).isEqualTo("文书印章图片须作为PNG图片文件上传，不能直接填写");
        assertThat(village.status()).as(village.body()).isEqualTo(403);
        assertThat(village.field("message")).isEqualTo("文书印章图片不能由村（社区）单独设置：村（社区）沿用上级设置的值");
        assertThat(setting(villageAdmin, "sealImage").getBoolean("mayChange")).isFalse();
        assertThat(notAnImage.status()).as(notAnImage.body()).isEqualTo(400);
        assertThat(notAnImage.field("error")).isEqualTo("settings.value.text");

        assertThat(storedSettings()).as("nothing changed").isEqualTo(stored);
        assertThat(audited(COUNTY, "settings.changed") + audited(HUAGOU, "settings.changed"))
                .isEqualTo(audits);
    }

    /**
     * In the console: the county's administrator uploads the seal in the setting's dialog (a photo named .png is
     * refused there), then sees it in the table, marked as set here.
     */
    @Test
    void theCountysAdministratorUploadsTheSealInTheConsole() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        java.nio.file.Path photo = java.nio.file.Path.of("target", "seal-photo.png");
        java.nio.file.Files.write(photo, jpeg());
        java.nio.file.Path png = java.nio.file.Path.of("target", "seal.png");
        java.nio.file.Files.write(png, seal(true));
        new LoginPage(browser, base).open().logIn(countyAdminName, TestCounty.PASSWORD);
        browser.get(base.resolve("admin/settings.xhtml").toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("settings:table")));
        assertThat(source("sealImage")).isEqualTo("DEFAULT");
        assertThat(browser.findElement(By.id("settings:table")).getText()).contains("文书不印印章");

        browser.findElement(By.id("settings:table:4:edit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("settings:setting-image_input")))
                .sendKeys(photo.toAbsolutePath().toString());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("settings:setting-panel"), "须为PNG格式"));
        Browser.screenshot(browser, "settings-seal-refused");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("settings:setting-image_input")))
                .sendKeys(png.toAbsolutePath().toString());

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("settings:table-panel"), "已上传"));
        assertThat(source("sealImage")).isEqualTo("OWN");
        WebElement preview = browser.findElement(By.cssSelector("img.ow-seal-preview"));
        wait.until(driver -> ((Number) ((org.openqa.selenium.JavascriptExecutor) driver)
                                .executeScript("return arguments[0].complete ? arguments[0].naturalWidth : 0", preview))
                        .intValue()
                > 0);
        Browser.screenshot(browser, "settings-seal");
    }

    /**
     * An upload of {@code content} as the seal, answered in {@code language} (null: the default, zh-CN), on a fresh
     * connection as a browser's upload is: a 413 comes before the body is read.
     */
    private Api.Answer upload(String token, byte[] content, String language) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(base.resolve("api/v1/settings/sealImage/image"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "image/png")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(content));
        if (language != null) {
            request.header("Accept-Language", language);
        }
        var answer = java.net.http.HttpClient.newHttpClient()
                .send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        return new Api.Answer(
                answer.statusCode(),
                answer.body(),
                answer.headers().firstValue("Content-Type").orElse(""));
    }

    /** A seal of 300 × 300 pixels: a red ring, on a transparent background or, for {@code transparent} false, white. */
    private static byte[] seal(boolean transparent) throws Exception {
        var image = new java.awt.image.BufferedImage(
                300,
                300,
                transparent ? java.awt.image.BufferedImage.TYPE_INT_ARGB : java.awt.image.BufferedImage.TYPE_INT_RGB);
        var pen = image.createGraphics();
        if (!transparent) {
            pen.setColor(java.awt.Color.WHITE);
            pen.fillRect(0, 0, 300, 300);
        }
        pen.setColor(new java.awt.Color(0xD0, 0x10, 0x10));
        pen.setStroke(new java.awt.BasicStroke(12));
        pen.drawOval(10, 10, 280, 280);
        pen.dispose();
        var png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", png);
        return png.toByteArray();
    }

    /** A JPEG, as a seal photographed would come. */
    private static byte[] jpeg() throws Exception {
        var image = new java.awt.image.BufferedImage(40, 40, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var jpeg = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "jpeg", jpeg);
        return jpeg.toByteArray();
    }

    /** How many images the receipt's pages carry (its QR code is drawn, not an image). */
    private int receiptImages(JsonObject accepted, String token) throws Exception {
        var receipt = pdf(
                "api/v1/cases/" + accepted.getString("caseNumber") + "/receipt.pdf?code="
                        + accepted.getString("checkCode"),
                token);
        assertThat(receipt.statusCode()).isEqualTo(200);
        try (var document = org.apache.pdfbox.Loader.loadPDF(receipt.body())) {
            int images = 0;
            for (var page : document.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    if (page.getResources().isImageXObject(name)) {
                        images++;
                    }
                }
            }
            return images;
        }
    }

    private String receiptText(JsonObject accepted, String token) throws Exception {
        var answer = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(base.resolve("api/v1/cases/"
                                        + accepted.getString("caseNumber") + "/receipt.pdf?code="
                                        + accepted.getString("checkCode")))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.statusCode()).isEqualTo(200);
        try (var document = org.apache.pdfbox.Loader.loadPDF(answer.body())) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        }
    }

    /**
     * In the console: the county's administrator sets the threshold (a bad value is refused in the dialog), sees it
     * marked as set here and restores the default after confirming; the town's administrator sees the county's value
     * with its source and cannot change the case number format. The page fits a phone.
     */
    @Test
    void theConsoleShowsWhereEachValueComesFromAndLetsTheAdministratorChangeIt() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        new LoginPage(browser, base).open().logIn(countyAdminName, TestCounty.PASSWORD);
        browser.get(base.resolve("admin/settings.xhtml").toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("settings:table")));
        assertThat(browser.findElement(By.id("subnav-settings")).getAttribute("class"))
                .contains("ow-current");
        assertThat(source("warningThresholdPercent")).isEqualTo("DEFAULT");
        assertThat(browser.findElement(By.id("settings:table")).getText())
                .contains("预警比例")
                .contains("80%")
                .contains("默认")
                .contains("{county}-{date}-{seq:6}");

        editThreshold("0");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("settings:setting-panel"), "0超出范围"));
        Browser.screenshot(browser, "settings-refused");
        editThresholdAgain("65");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("settings:table-panel"), "65%"));
        assertThat(source("warningThresholdPercent")).isEqualTo("OWN");
        assertThat(browser.findElement(By.id("settings:table-panel")).getText()).contains("本级");
        Browser.screenshot(browser, "settings-set-here");

        browser.findElement(By.id("settings:table:0:restore")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("settings:confirm-yes")));
        assertThat(browser.findElement(By.cssSelector(".ui-confirm-dialog")).getText())
                .contains("预警比例")
                .contains("80%");
        browser.findElement(By.id("settings:confirm-yes")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("settings:table-panel"), "80%"));
        assertThat(source("warningThresholdPercent")).isEqualTo("DEFAULT");

        // The audit trail says it in words.
        browser.get(base.resolve("admin/audit.xhtml").toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("audit:entries")));
        assertThat(browser.findElement(By.id("audit:entries")).getText())
                .contains("设置：本级设置一项")
                .contains("设置：恢复沿用上级")
                .contains("来源：默认 → 本级")
                .contains("值：65 → 80")
                .doesNotContain("settings.");
        browser.get(base.resolve("admin/settings.xhtml").toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("settings:table")));

        editThreshold("70");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("settings:table-panel"), "70%"));
        new LoginPage(browser, base).open().logIn(townAdminName, TestCounty.PASSWORD);
        browser.get(base.resolve("admin/settings.xhtml").toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("settings:table")));
        assertThat(source("warningThresholdPercent")).isEqualTo("COUNTY");
        assertThat(browser.findElements(By.id("settings:table:1:edit"))).isEmpty();
        assertThat(browser.findElements(By.id("settings:table:0:edit"))).hasSize(1);
        assertThat(browser.findElement(By.id("settings:table")).getText())
                .contains("70%")
                .contains("县级")
                .contains("由上级设置");
        Browser.screenshot(browser, "settings-town");

        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            browser.navigate().refresh();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("settings:table")));
            assertThat(StaffPage.fitsTheWindow(browser))
                    .as("the settings page fits 390 px")
                    .isTrue();
            Browser.screenshot(browser, "settings-phone");
            browser.findElement(By.id("settings:table:0:edit")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("settings:setting-value")));
            assertThat(StaffPage.fitsTheWindow(browser))
                    .as("the dialog fits 390 px")
                    .isTrue();
            Browser.screenshot(browser, "settings-phone-dialog");
        } finally {
            browser.manage().window().setSize(new Dimension(1366, 900));
        }
    }

    private String source(String setting) {
        return browser.findElement(By.cssSelector(".ow-source-cell[data-setting='" + setting + "']"))
                .getAttribute("data-source");
    }

    private void editThreshold(String value) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("settings:table:0:edit")))
                .click();
        editThresholdAgain(value);
    }

    private void editThresholdAgain(String value) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("settings:setting-value")));
        input.clear();
        input.sendKeys(value);
        browser.findElement(By.id("settings:save-setting")).click();
    }

    // --- helpers ---------------------------------------------------------------------------------

    private JsonObject setting(String token, String name) {
        Api.Answer all = api.get("api/v1/settings", token);
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        return all.json().asJsonObject().getJsonArray("settings").stream()
                .map(s -> s.asJsonObject())
                .filter(s -> s.getString("name").equals(name))
                .findFirst()
                .orElseThrow();
    }

    /** Takes in a complete 低保 application at 华沟村; its case number. */
    private String takeIn(String clerk) {
        return takeInAnswer(clerk).getString("caseNumber");
    }

    /** Takes in a complete 低保 application at 华沟村; the intake's answer (case number, check code). */
    private JsonObject takeInAnswer(String clerk) {
        String body = "{\"itemCode\":\"MZ-0001\",\"applicant\":{\"kind\":\"PERSON\",\"name\":\"王秀英\","
                + "\"idNumber\":\"370321195803121012\"},\"materials\":{"
                + "\"ID_CARD\":{\"kind\":\"GOVERNMENT_DATA\"},\"HOUSEHOLD_REGISTER\":{\"kind\":\"PAPER_SEEN\"},"
                + "\"INCOME_STATEMENT\":{\"kind\":\"PAPER_SEEN\"},\"CHECK_AUTHORISATION\":{\"kind\":\"PAPER_SEEN\"},"
                + "\"FAMILY_ASSETS\":{\"kind\":\"PAPER_SEEN\"}}," + DemoFormAnswers.inBody("MZ-0001") + "}";
        Api.Exchange taken = api.exchange(
                "POST",
                "api/v1/cases",
                clerk,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()),
                body);
        assertThat(taken.answer().status()).as(taken.answer().body()).isEqualTo(201);
        return taken.answer().json().asJsonObject();
    }

    private static LocalDate warnFrom(String caseNumber) throws Exception {
        try (Connection su = TestDatabase.get().superuserConnection();
                PreparedStatement sql = su.prepareStatement("select distinct t.warn_from from work_task t"
                        + " join case_file c on c.id = t.case_id where c.case_number = ?")) {
            sql.setString(1, caseNumber);
            try (ResultSet rs = sql.executeQuery()) {
                assertThat(rs.next()).as(caseNumber + " has a task").isTrue();
                return rs.getDate(1).toLocalDate();
            }
        }
    }

    private static String storedSettings() throws Exception {
        try (Connection su = TestDatabase.get().superuserConnection();
                Statement sql = su.createStatement();
                ResultSet rs = sql.executeQuery("select coalesce(string_agg(tenant_code || ':' || name || '=' || value"
                        + " || '@' || changed_at, ',' order by tenant_code, name), '') from tenant_setting where county_code = '"
                        + COUNTY + "'")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long audited(String tenant, String action) throws Exception {
        try (Connection su = TestDatabase.get().superuserConnection();
                PreparedStatement sql =
                        su.prepareStatement("select count(*) from audit_entry where tenant_code = ? and action = ?")) {
            sql.setString(1, tenant);
            sql.setString(2, action);
            try (ResultSet rs = sql.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
