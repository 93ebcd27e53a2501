package org.onewindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.json.Json;
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
 * Scanned materials (扫描件) on the real WAR, in a county of its own (沂河县 with 起凤镇, its villages 华沟村 and 付庙村, and
 * their back office): 华沟村's clerk uploads a real PDF, JPEG and PNG to a
 * case of 最低生活保障申请 and reads back the same bytes; the county's reviewer adds one in review; every bad upload
 * (empty, too large, not what it claims, another type, an unknown material, a closed case, another village's case)
 * gets its clear answer and changes nothing; on the case page the clerk uploads with the file chooser and opens the
 * scan in a new tab, on a desktop and at 390 px.
 */
class MaterialFilesIT extends ShippedWarInBrowser {

    static final String PDF = "application/pdf";
    static final String ID_NUMBER = "370321195803121012";

    static TestCounty yihe;
    static String huagouClerk;
    static String qifengClerk;
    static String fumiaoClerk;
    static String mzReviewer;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void ownCounty() {
        if (yihe != null) {
            return;
        }
        yihe = TestCounty.named("沂河县").town("起凤镇", "华沟村", "付庙村").backOffice().make(api);
        huagouClerk = yihe.clerk("华沟村", "huagou.clerk");
        qifengClerk = yihe.clerk("起凤镇", "qifeng.clerk");
        fumiaoClerk = yihe.clerk("付庙村", "fumiao.clerk");
        yihe.reviewer("华沟村", "huagou.reviewer", "CWH");
        yihe.reviewer("起凤镇", "qifeng.reviewer", "SHSW");
        mzReviewer = yihe.reviewer("沂河县", "mz.reviewer", "MZ");
    }

    @Test
    void aRealPdfJpegAndPngAreStoredWithTheirSha256AndReadBackByteForByte() throws Exception {
        String clerk = api.token(huagouClerk, PASSWORD);
        String number = dibaoAccepted(clerk, "王秀英");
        byte[] pdf = pdf();
        byte[] jpeg = image("jpg");
        byte[] png = image("png");

        HttpResponse<String> first = upload(clerk, number, "INCOME_STATEMENT", PDF, pdf, "收入声明.pdf", null);
        HttpResponse<String> second = upload(clerk, number, "HOUSEHOLD_REGISTER", "image/jpeg", jpeg, "户口簿.jpg", null);
        HttpResponse<String> third = upload(clerk, number, "HOUSEHOLD_REGISTER", "image/png", png, null, null);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
        assertThat(third.statusCode()).as(third.body()).isEqualTo(201);
        JsonObject stored = json(first);
        assertThat(stored.getString("materialCode")).isEqualTo("INCOME_STATEMENT");
        assertThat(stored.getString("contentType")).isEqualTo(PDF);
        assertThat(stored.getInt("sizeBytes")).isEqualTo(pdf.length);
        assertThat(stored.getString("sha256")).isEqualTo(sha256(pdf));
        assertThat(stored.getString("fileName")).isEqualTo("收入声明.pdf");
        assertThat(stored.getString("uploadedBy")).isEqualTo(huagouClerk);
        assertThat(stored.getString("uploadedAt")).isNotBlank();
        assertThat(first.headers().firstValue("Location").orElseThrow())
                .endsWith("/materials/INCOME_STATEMENT/files/" + stored.getString("id"));

        // Read back: the same bytes, the type checked at upload, shown inline and never sniffed as something else.
        for (var upload : Map.of(first, pdf, second, jpeg, third, png).entrySet()) {
            JsonObject file = json(upload.getKey());
            HttpResponse<byte[]> back = bytes(
                    "api/v1/cases/" + number + "/materials/" + file.getString("materialCode") + "/files/"
                            + file.getString("id"),
                    clerk);
            assertThat(back.statusCode()).isEqualTo(200);
            assertThat(back.body()).isEqualTo(upload.getValue());
            assertThat(sha256(back.body())).isEqualTo(file.getString("sha256"));
            assertThat(back.headers().firstValue("Content-Type")).hasValue(file.getString("contentType"));
            assertThat(back.headers().firstValue("Content-Disposition").orElseThrow())
                    .startsWith("inline");
            assertThat(back.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
        assertThat(json(second).getString("contentType")).isEqualTo("image/jpeg");
        assertThat(json(third).getString("contentType")).isEqualTo("image/png");
        assertThat(json(third).isNull("fileName")).isTrue();

        // The list of a material, oldest first; the town above reads it too.
        JsonArray register = list(clerk, number, "HOUSEHOLD_REGISTER");
        assertThat(register)
                .extracting(f -> f.asJsonObject().getString("id"))
                .containsExactly(json(second).getString("id"), json(third).getString("id"));
        assertThat(list(api.token(qifengClerk, PASSWORD), number, "HOUSEHOLD_REGISTER"))
                .hasSize(2);

        // The material is marked scanned with the file's reference; the timeline and the audit chain have each upload.
        JsonObject view = api.get("api/v1/cases/" + number, clerk).json().asJsonObject();
        assertThat(view.toString())
                .contains("sha256:" + sha256(png).substring(0, 12))
                .contains("sha256:" + sha256(pdf).substring(0, 12));
        assertThat(view.getJsonArray("timeline"))
                .extracting(step -> step.asJsonObject().getString("action"))
                .filteredOn("ATTACH_SCAN"::equals)
                .hasSize(3);
        assertThat(selectCount("select count(*) from audit_entry a join case_file c on a.subject_id = c.id::text"
                        + " where c.case_number = '" + number + "' and a.action = 'casework.material.scan.attached'"))
                .isEqualTo(3);

        // The county's reviewer, in review, adds a scan too; the clerk's stays.
        HttpResponse<String> byReviewer =
                upload(api.token(mzReviewer, PASSWORD), number, "CHECK_AUTHORISATION", PDF, pdf, "授权书.pdf", null);
        assertThat(byReviewer.statusCode()).as(byReviewer.body()).isEqualTo(201);
        assertThat(json(byReviewer).getString("uploadedBy")).isEqualTo(mzReviewer);
        assertThat(selectCount("select count(*) from case_material_file f join case_file c on f.case_id = c.id"
                        + " where c.case_number = '" + number + "'"))
                .isEqualTo(4);
    }

    @Test
    void everyBadUploadGetsItsClearAnswerAndNothingChanges() throws Exception {
        String clerk = api.token(huagouClerk, PASSWORD);
        String number = dibaoAccepted(clerk, "李桂兰");
        byte[] png = image("png");
        String before = state(number);

        assertRefused(
                upload(clerk, number, "INCOME_STATEMENT", PDF, new byte[0], null, null),
                400,
                "casework.upload.empty",
                "空");
        assertRefused(
                upload(clerk, number, "INCOME_STATEMENT", PDF, png, "声明.pdf", null),
                400,
                "casework.upload.type.mismatch",
                "PDF");
        assertRefused(
                upload(clerk, number, "INCOME_STATEMENT", PDF, "这不是PDF".getBytes(StandardCharsets.UTF_8), null, null),
                400,
                "casework.upload.content.unknown",
                "PDF");
        assertRefused(
                upload(clerk, number, "INCOME_STATEMENT", "text/plain", png, null, null),
                400,
                "casework.upload.type.unsupported",
                "text/plain");
        byte[] tooLarge = new byte[(10 << 20) + 1];
        System.arraycopy(pdf(), 0, tooLarge, 0, 5);
        assertRefused(
                upload(clerk, number, "INCOME_STATEMENT", PDF, tooLarge, null, null),
                413,
                "casework.upload.too.large",
                "10 MiB");
        assertRefused(
                upload(clerk, number, "NO_SUCH_MATERIAL", "image/png", png, null, null),
                404,
                "casework.material.not.found",
                "NO_SUCH_MATERIAL");
        // Another village's clerk: exactly as for a case that does not exist.
        HttpResponse<String> elsewhere =
                upload(api.token(fumiaoClerk, PASSWORD), number, "INCOME_STATEMENT", "image/png", png, null, null);
        String noSuchCase = yihe.prefix() + "-20200101-999999";
        HttpResponse<String> unknown =
                upload(api.token(fumiaoClerk, PASSWORD), noSuchCase, "INCOME_STATEMENT", "image/png", png, null, null);
        assertRefused(elsewhere, 404, "casework.case.not.found", number);
        assertRefused(unknown, 404, "casework.case.not.found", noSuchCase);
        assertThat(bytes(
                                "api/v1/cases/" + number + "/materials/INCOME_STATEMENT/files",
                                api.token(fumiaoClerk, PASSWORD))
                        .statusCode())
                .isEqualTo(404);
        // In English for who asks in English.
        HttpResponse<String> english = upload(clerk, number, "INCOME_STATEMENT", PDF, png, null, "en");
        assertRefused(english, 400, "casework.upload.type.mismatch", "claims to be PDF but is PNG");
        assertThat(bytes("api/v1/cases/" + number + "/materials/INCOME_STATEMENT/files/" + UUID.randomUUID(), clerk)
                        .statusCode())
                .isEqualTo(404);

        assertThat(state(number))
                .as("no file, mark, step or audit entry was added")
                .isEqualTo(before);
        assertThat(list(clerk, number, "INCOME_STATEMENT")).isEmpty();
    }

    @Test
    void aClosedCaseTakesNoMoreScans() throws Exception {
        String clerk = api.token(huagouClerk, PASSWORD);
        String id = api.exchange(
                        "POST",
                        "api/v1/cases",
                        clerk,
                        Map.of("Idempotency-Key", UUID.randomUUID().toString()),
                        "{\"itemCode\":\"MZ-0001\",\"applicant\":{\"kind\":\"PERSON\",\"name\":\"赵小满\",\"idNumber\":\""
                                + ID_NUMBER + "\"},\"materials\":{},"
                                + DemoFormAnswers.inBody("MZ-0001") + "}")
                .answer()
                .json()
                .asJsonObject()
                .getString("id");
        assertThat(api.postJson(
                                "api/v1/cases/" + id + "/refusal",
                                clerk,
                                "{\"reason\":\"不属于本机关职权范围\",\"legalBasis\":\"《社会救助暂行办法》第十一条\"}")
                        .status())
                .isEqualTo(200);
        String before = state(id);

        assertRefused(
                upload(clerk, id, "INCOME_STATEMENT", PDF, pdf(), null, null), 409, "casework.case.transition", "不予受理");

        assertThat(state(id)).isEqualTo(before);
    }

    @Test
    void onceDecidedACaseTakesNoMoreScansThroughIssuanceToCompletion() throws Exception {
        String clerk = api.token(huagouClerk, PASSWORD);
        String number = dibaoAccepted(clerk, "钱文静");
        decideInTheBackOffice(yihe, number);

        String decided = state(number);
        assertRefused(
                upload(clerk, number, "INCOME_STATEMENT", PDF, pdf(), null, null),
                409,
                "casework.case.transition",
                "准予许可");
        assertThat(state(number)).as("nothing stored, no mark changed").isEqualTo(decided);
        // A reviewer neither, nor in English.
        assertRefused(
                upload(api.token(mzReviewer, PASSWORD), number, "INCOME_STATEMENT", PDF, pdf(), null, "en"),
                409,
                "casework.case.transition",
                "upload a scan");

        Api.Answer held = api.postJson("api/v1/cases/" + number + "/delivery", clerk, "{\"mode\":\"INTAKE_WINDOW\"}");
        assertThat(held.status()).as(held.body()).isEqualTo(200);
        String waiting = state(number);
        assertRefused(
                upload(clerk, number, "ID_CARD", "image/png", image("png"), null, null),
                409,
                "casework.case.transition",
                "待领取");
        assertThat(state(number)).isEqualTo(waiting);

        Api.Answer collected = api.postJson(
                "api/v1/cases/" + number + "/pickup",
                clerk,
                "{\"collectedBy\":\"钱文静\",\"idNumber\":\"" + ID_NUMBER + "\"}");
        assertThat(collected.status()).as(collected.body()).isEqualTo(200);
        String completed = state(number);
        assertRefused(
                upload(clerk, number, "INCOME_STATEMENT", PDF, pdf(), null, null),
                409,
                "casework.case.transition",
                "办结");
        assertThat(state(number)).isEqualTo(completed);
        assertThat(list(clerk, number, "INCOME_STATEMENT")).isEmpty();
    }

    @Test
    void theClerkUploadsAScanOnTheCasePageAndOpensItInANewTab() throws Exception {
        String number = dibaoAccepted(api.token(huagouClerk, PASSWORD), "孙玉珍");
        byte[] png = image("png");
        Path file = Files.createTempFile("户口簿", ".png");
        Files.write(file, png);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.manage().window().setSize(new Dimension(1366, 900));
        assertThat(new LoginPage(browser, base).open().logIn(huagouClerk, PASSWORD))
                .isEmpty();

        browser.get(base.resolve("clerk/cases/case.xhtml?number=" + number).toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("scan-list")));
        assertThat(browser.findElement(By.id("scan-hint")).getText()).contains("10 MiB");
        browser.findElement(By.cssSelector("li[data-material='HOUSEHOLD_REGISTER'] input[type=file]"))
                .sendKeys(file.toString());

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "已上传扫描件"));
        var link = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("li[data-material='HOUSEHOLD_REGISTER'] a.ow-scan-file")));
        assertThat(link.getText()).endsWith(".png");
        assertThat(link.getAttribute("target")).isEqualTo("_blank");
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("上传扫描件");
        // The material's note says where its scan is, in words; the reference stays in its title.
        WebElement scanNote = browser.findElement(By.id("materials-card")).findElement(By.cssSelector(".ow-scan-note"));
        assertThat(scanNote.getText()).isEqualTo("已上传，见下方“扫描件”");
        assertThat(scanNote.getAttribute("title")).startsWith("sha256:");
        assertThat(browser.findElement(By.id("materials-card")).getText()).doesNotContain("sha256");
        browser.executeScript("document.getElementById('materials-card').scrollIntoView()");
        Browser.screenshot(browser, "clerk-case-scan-uploaded");
        HttpResponse<byte[]> opened = inSession(URI.create(link.getAttribute("href")));
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.body()).isEqualTo(png);
        assertThat(opened.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/png");
        assertThat(opened.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("inline");
        String href = link.getAttribute("href");
        URI another = URI.create(href.substring(0, href.lastIndexOf("id=") + 3) + UUID.randomUUID());
        assertThat(inSession(another).statusCode())
                .as("another id: the error page")
                .isEqualTo(404);

        // On a phone the materials stack and the upload stays within the screen.
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        var upload = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("li[data-material='HOUSEHOLD_REGISTER'] .ow-scan-upload")));
        assertThat(upload.getRect().getX() + upload.getRect().getWidth())
                .isLessThanOrEqualTo(
                        ((Number) browser.executeScript("return document.documentElement.clientWidth")).intValue());
        browser.executeScript("arguments[0].scrollIntoView()", upload);
        Browser.screenshot(browser, "clerk-case-scans-390");
        Files.delete(file);
    }

    @Test
    void theOpenApiDocumentTakesAScanAsPdfJpegOrPngBytes() {
        Api.Exchange openapi = api.exchange("GET", "openapi", null, Map.of("Accept", "application/json"), null);
        JsonObject upload = openapi.answer()
                .json()
                .asJsonObject()
                .getJsonObject("paths")
                .getJsonObject("/api/v1/cases/{caseNumber}/materials/{materialCode}/files")
                .getJsonObject("post");

        assertThat(upload.getString("operationId")).isEqualTo("uploadMaterialFile");
        JsonObject content = upload.getJsonObject("requestBody").getJsonObject("content");
        // Also */*: any other type reaches the service, which answers it with a clear 400 rather than a bare 415.
        assertThat(content.keySet()).contains(PDF, "image/jpeg", "image/png");
        assertThat(content.getJsonObject(PDF).getJsonObject("schema").getString("format"))
                .isEqualTo("binary");
    }

    // --- helpers ----------------------------------------------------------------------------------------

    private static void assertRefused(HttpResponse<String> answer, int status, String error, String inMessage) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonObject problem =
                Json.createReader(new java.io.StringReader(answer.body())).readObject();
        assertThat(problem.getString("error")).isEqualTo(error);
        assertThat(problem.getString("message")).contains(inMessage);
    }

    /** 低保 taken in complete at 华沟村: its case number. */
    private String dibaoAccepted(String clerk, String applicant) {
        String materials = "{\"ID_CARD\":{\"kind\":\"PAPER_SEEN\"},\"HOUSEHOLD_REGISTER\":{\"kind\":\"PAPER_SEEN\"},"
                + "\"INCOME_STATEMENT\":{\"kind\":\"PAPER_SEEN\"},\"CHECK_AUTHORISATION\":{\"kind\":\"PAPER_SEEN\"},"
                + "\"FAMILY_ASSETS\":{\"kind\":\"GOVERNMENT_DATA\"}}";
        Api.Exchange taken = api.exchange(
                "POST",
                "api/v1/cases",
                clerk,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()),
                "{\"itemCode\":\"MZ-0001\",\"applicant\":{\"kind\":\"PERSON\",\"name\":\"" + applicant
                        + "\",\"idNumber\":\"" + ID_NUMBER + "\"},\"materials\":" + materials + ","
                        + DemoFormAnswers.inBody("MZ-0001") + "}");
        assertThat(taken.answer().status()).as(taken.answer().body()).isEqualTo(201);
        return taken.answer().json().asJsonObject().getString("caseNumber");
    }

    private HttpResponse<String> upload(
            String token, String reference, String material, String type, byte[] body, String name, String language)
            throws Exception {
        String path = "api/v1/cases/" + reference + "/materials/" + material + "/files"
                + (name == null ? "" : "?fileName=" + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (language != null) {
            request.header("Accept-Language", language);
        }
        // On a fresh connection each, as a browser's upload is: a 413 comes before the body is read.
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> bytes(String path, String token) throws Exception {
        return http.send(
                HttpRequest.newBuilder(base.resolve(path))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private JsonArray list(String token, String reference, String material) {
        Api.Answer answer = api.get("api/v1/cases/" + reference + "/materials/" + material + "/files", token);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().asJsonArray();
    }

    /** A GET in the browser's session, as the link on the page opens it. */
    private HttpResponse<byte[]> inSession(URI uri) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri)
                        .header(
                                "Cookie",
                                browser.manage().getCookies().stream()
                                        .map(c -> c.getName() + "=" + c.getValue())
                                        .collect(Collectors.joining("; ")))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonObject json(HttpResponse<String> answer) {
        return Json.createReader(new java.io.StringReader(answer.body())).readObject();
    }

    /** A one-page PDF as PDFBox writes it. */
    private static byte[] pdf() throws Exception {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.save(out);
            return out.toByteArray();
        }
    }

    /** A small image as ImageIO writes it ({@code jpg} or {@code png}). */
    private static byte[] image(String format) throws Exception {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0xA61B29);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).isTrue();
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** What an upload could change of a case: its files, marks, steps and audit entries. */
    private static String state(String reference) throws Exception {
        String match = reference.contains("-") && reference.length() < 36
                ? "c.case_number = '" + reference + "'"
                : "c.id::text = '" + reference + "'";
        try (Connection su = TestDatabase.get().superuserConnection();
                Statement sql = su.createStatement();
                ResultSet rs = sql.executeQuery("select (select count(*) from case_material_file f join case_file c"
                        + " on f.case_id = c.id where " + match
                        + ") || ' ' || (select string_agg(m.material_code || ':'"
                        + " || m.mark_kind || ':' || coalesce(m.note, ''), ',' order by m.material_code)"
                        + " from case_material m join case_file c on m.case_id = c.id where " + match
                        + ") || ' '"
                        + " || (select count(*) from case_step s join case_file c on s.case_id = c.id where "
                        + match
                        + ") || ' ' || (select count(*) from audit_entry a join case_file c on a.subject_id = c.id::text"
                        + " where " + match + ") || ' ' || (select state || version from case_file c where "
                        + match
                        + ")")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
