package org.onewindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.imports.UploadedTables;
import org.onewindow.kernel.security.domain.StaffList;
import org.onewindow.testing.Api;
import org.onewindow.testing.Browser;
import org.onewindow.testing.TestCounty;
import org.onewindow.testing.TestDatabase;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Bulk import of staff from a staff list (issue 11, ADR 0015) on the real WAR over a county of this class's own
 * ({@link TestCounty} 沂南县, with the demo county's numbering) and a neighbour of its own: a preview reports
 * every row and writes nothing; the import creates the valid rows through the same checks as one account made alone,
 * each of whom must change the initial password; files that cannot be read are refused whole with a message; a move or
 * a reset ends the staff member's console session at once.
 */
class StaffImportIT extends ShippedWarInBrowser {

    static TestCounty yinan;

    /** The county's six-digit prefix: {@code c("106202")} is 华沟村. */
    static String P;

    static String COUNTY;
    static String QIFENG;
    static String HUAGOU;
    static String FUMIAO;
    static String countyAdminName;
    static String townAdminName;
    static String clerkName;
    static final String CSV = "text/csv";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String HEADER = "区划代码,用户名,姓名,角色,部门,窗口,初始密码\n";

    /** 沂南县 with 田庄镇 (100) and 起凤镇 (106) and its villages 付庙村 and 华沟村, whose station has a 综合代办窗口. */
    @BeforeEach
    void ownCounty() {
        if (yinan != null) {
            return;
        }
        yinan = TestCounty.named("沂南县")
                .demoTowns()
                .department("沂南县", "MZ", "民政局")
                .make(api);
        yinan.addWindow(yinan.point("华沟村"), "综合代办窗口", "COMPREHENSIVE");
        P = yinan.prefix();
        COUNTY = yinan.code();
        QIFENG = c("106000");
        HUAGOU = c("106202");
        FUMIAO = c("106201");
        countyAdminName = yinan.admin();
        townAdminName = yinan.staff("起凤镇", "qifeng.admin", Set.of("TENANT_ADMIN"));
        clerkName = yinan.staff("华沟村", "huagou.clerk", Set.of("CLERK"));
    }

    /** The code of the county's division numbered {@code local} (its last six digits). */
    static String c(String local) {
        return P + local;
    }

    /**
     * A county's list as Chinese Excel saves it (GB18030, with 𠮷 in a name), with two good rows and every kind of
     * bad one: the preview tells each row's fate in Chinese and writes nothing; the import creates only the two.
     */
    @Test
    void theCountyPreviewsItsListThenImportsOnlyTheValidRows() throws Exception {
        String countyAdmin = yinan.adminToken();
        String csv = HEADER
                + P + "106202,imp.ji,王𠮷,窗口人员,,综合代办窗口,\n" // 2: valid, password generated
                + P + "000000,imp.reviewer,张审批,审批人员,民政局,,Import-Pass-12\n" // 3: valid
                + P + "106202," + clerkName + ",冒名,窗口人员,,,\n" // 4: taken
                + P + "106202,imp.twice,甲,窗口人员,,,\n" // 5: repeated in the file
                + P + "106202,imp.twice,乙,窗口人员,,,\n" // 6: repeated in the file
                + P + "10620,imp.badcode,丙,窗口人员,,,\n" // 7: a code of 11 digits
                + "370322101201,imp.away,丁,窗口人员,,,\n" // 8: another county
                + P + "106202,imp.noname,,窗口人员,,,\n" // 9: no name
                + P + "106202,imp.admin,戊,县级管理员,,,\n" // 10: a county role at a village
                + P + "106202,imp.chief,己,村长,,,\n" // 11: no such role
                + P + "000000,imp.nodept,庚,审批人员,,,\n" // 12: a reviewer without department
                + P + "106202,imp.short,辛,窗口人员,,,short\n"; // 13: a password too short
        byte[] file = csv.getBytes(Charset.forName("GB18030"));
        long audit = auditCount();

        Api.Answer preview = api.post("api/v1/accounts/import/preview", countyAdmin, CSV, file);

        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        JsonObject report = preview.json().asJsonObject();
        assertThat(report.getBoolean("applied")).isFalse();
        assertThat(report.getInt("rows")).isEqualTo(12);
        assertThat(report.getInt("valid")).isEqualTo(2);
        assertThat(report.getInt("refused")).isEqualTo(10);
        Map<Integer, String> reasons = reasons(report);
        assertThat(reasons)
                .containsEntry(2, "")
                .containsEntry(3, "")
                .containsEntry(4, "username 用户名“" + clerkName + "”已被使用")
                .containsEntry(5, "username 用户名在文件中重复出现（第5、6行），请每人一行")
                .containsEntry(6, "username 用户名在文件中重复出现（第5、6行），请每人一行")
                .containsEntry(7, "division 区划代码“" + P + "10620”格式不正确：应为12位数字")
                .containsEntry(8, "division 未找到区划“370322101201”")
                .containsEntry(9, "name “姓名”不能为空")
                .containsEntry(10, "roles 您无权在区划" + P + "106202授予角色“县级管理员”（COUNTY_ADMIN）")
                .containsEntry(11, "roles 未知的角色“村长”")
                .containsEntry(12, "departments 审批人员须指定所属部门")
                .containsEntry(13, "password 密码至少10位");
        assertThat(row(report, 2).getString("displayName")).isEqualTo("王𠮷");
        assertThat(accountExists("imp.ji")).isFalse();
        assertThat(accountExists("imp.reviewer")).isFalse();
        assertThat(auditCount()).as("a preview writes nothing").isEqualTo(audit);

        Api.Answer applied = api.post("api/v1/accounts/import", countyAdmin, CSV, file);

        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        JsonObject done = applied.json().asJsonObject();
        assertThat(done.getBoolean("applied")).isTrue();
        assertThat(done.getInt("created")).isEqualTo(2);
        assertThat(done.getInt("refused")).isEqualTo(10);
        assertThat(row(done, 2).getString("outcome")).isEqualTo("created");
        String generated = row(done, 2).getString("initialPassword");
        assertThat(generated).hasSize(12);
        assertThat(row(done, 3).containsKey("initialPassword")).isFalse();
        assertThat(single("select display_name from staff_account where username = ?", "imp.ji"))
                .isEqualTo("王𠮷");
        assertThat(single(
                        "select concat_ws('|', tenant_code, roles, departments, windows <> '', password_change_required)"
                                + " from staff_account where username = ?",
                        "imp.reviewer"))
                .isEqualTo(COUNTY + "|REVIEWER|MZ|f|t");
        assertThat(single("select windows <> '' from staff_account where username = ?", "imp.ji"))
                .isEqualTo("t");
        for (String[] login : new String[][] {{"imp.ji", generated}, {"imp.reviewer", "Import-Pass-12"}}) {
            Api.Answer first = api.tokenAnswer(login[0], login[1]);
            assertThat(first.status()).as(login[0]).isEqualTo(403);
            assertThat(first.field("error")).isEqualTo("login.password.change.required");
        }
        for (String refused : List.of("imp.twice", "imp.badcode", "imp.away", "imp.noname", "imp.admin", "imp.chief")) {
            assertThat(accountExists(refused)).as(refused).isFalse();
        }
        assertThat(auditActions("imp.ji"))
                .as("its history starts with its creation")
                .startsWith("account.created");
        assertThat(single(
                        "select after_state::jsonb->>'created' from audit_entry where action = 'account.imported'"
                                + " and actor = ? order by occurred_at desc limit 1",
                        countyAdminName))
                .isEqualTo("2");

        // The same file again: both are now taken, and nothing more is made.
        JsonObject again = api.post("api/v1/accounts/import", countyAdmin, CSV, file)
                .json()
                .asJsonObject();
        assertThat(again.getInt("created")).isZero();
        assertThat(reasons(again).get(2)).isEqualTo("username 用户名“imp.ji”已被使用");
    }

    /**
     * Two counties share one deployment, and usernames are unique across it; yet what an administrator of one county
     * hears about a name tells nothing about the other county's accounts (issue 8, no oracle): a name held there is
     * refused with the very words of a reserved name no account has, never as "taken", and a staff list's preview
     * reports it like a free name. A name of its own county is still called taken (the administrator sees it anyway).
     */
    @Test
    void aNameHeldInAnotherCountyIsRefusedAsAReservedNameIsAndThePreviewTellsNothing() throws Exception {
        // Another county of the deployment with its administrator (an operator works in its own county only, ADR 0008).
        TestCounty neighbour = TestCounty.named("隔壁县").make(api);
        String gebyAdmin = neighbour.admin();
        String countyAdmin = yinan.adminToken();
        long accounts = accountCount();

        Api.Answer heldElsewhere = createClerk(countyAdmin, gebyAdmin);
        Api.Answer reserved = createClerk(countyAdmin, "root");
        Api.Answer ownCounty = createClerk(countyAdmin, clerkName);

        assertThat(heldElsewhere.status()).as(heldElsewhere.body()).isEqualTo(409);
        assertThat(heldElsewhere.field("error")).isEqualTo(reserved.field("error"));
        assertThat(heldElsewhere.field("message").replace(gebyAdmin, "root")).isEqualTo(reserved.field("message"));
        assertThat(heldElsewhere.body())
                .doesNotContain(neighbour.prefix())
                .doesNotContain("隔壁县")
                .doesNotContain("已被使用");
        assertThat(ownCounty.field("error")).isEqualTo("account.username.taken");
        assertThat(accountCount()).as("nothing made").isEqualTo(accounts);

        // A preview, which writes nothing, answers a name of the other county as a free one.
        String csv = HEADER + P + "106202," + gebyAdmin + ",冒名,窗口人员,,,\n" + P + "106202," + clerkName + ",冒名,窗口人员,,,\n"
                + P + "106202,imp.free.one,新人,窗口人员,,,\n";
        JsonObject preview = api.post(
                        "api/v1/accounts/import/preview", countyAdmin, CSV, csv.getBytes(StandardCharsets.UTF_8))
                .json()
                .asJsonObject();
        assertThat(reasons(preview))
                .containsEntry(2, "")
                .containsEntry(3, "username 用户名“" + clerkName + "”已被使用")
                .containsEntry(4, "");

        // The other county's administrator hears the same of this county's names.
        String otherAdmin = neighbour.adminToken();
        Api.Answer back = api.postJson(
                "api/v1/tenants/" + neighbour.code() + "/accounts",
                otherAdmin,
                "{\"username\":\"" + clerkName + "\",\"displayName\":\"冒名\",\"password\":\"Probe-Password-1\","
                        + "\"roles\":[\"CLERK\"]}");
        assertThat(back.field("error")).isEqualTo("account.username.unavailable");
        assertThat(accountCount()).isEqualTo(accounts);
    }

    private Api.Answer createClerk(String token, String username) {
        return api.postJson(
                "api/v1/tenants/" + P + "106202/accounts",
                token,
                "{\"username\":\"" + username + "\",\"displayName\":\"冒名\",\"password\":\"Probe-Password-1\","
                        + "\"roles\":[\"CLERK\"]}");
    }

    /** A town administrator's list grants no more than it could one by one: no county role, no other town. */
    @Test
    void aTownAdminsListGrantsNoMoreThanItCouldOneByOne() throws Exception {
        String townAdmin = yinan.token(townAdminName);
        byte[] file = (HEADER
                        + P + "000000,town.made.county,甲,县级管理员,,,\n"
                        + P + "106000,town.made.peer,乙,区划管理员,,,\n"
                        + P + "100201,town.made.away,丙,窗口人员,,,\n"
                        + P + "106202,town.made.admin,丁,区划管理员,,,\n")
                .getBytes(StandardCharsets.UTF_8);

        JsonObject preview = api.post("api/v1/accounts/import/preview", townAdmin, CSV, file)
                .json()
                .asJsonObject();

        Map<Integer, String> reasons = reasons(preview);
        assertThat(reasons.get(2)).isEqualTo("division 未找到区划“" + P + "000000”");
        assertThat(reasons.get(3)).isEqualTo("roles 您无权在区划" + P + "106000授予角色“区划管理员”（TENANT_ADMIN）");
        assertThat(reasons.get(4)).isEqualTo("division 未找到区划“" + P + "100201”");
        assertThat(reasons.get(5))
                .as("a village's administrator is the town's to appoint")
                .isEmpty();

        // Without the one good row, the import makes nothing and records nothing.
        byte[] refusedOnly =
                (HEADER + P + "106000,town.made.peer,乙,TENANT_ADMIN,,,\n").getBytes(StandardCharsets.UTF_8);
        long audit = auditCount();
        JsonObject applied = api.post("api/v1/accounts/import", townAdmin, CSV, refusedOnly)
                .json()
                .asJsonObject();
        assertThat(applied.getInt("created")).isZero();
        assertThat(accountExists("town.made.peer")).isFalse();
        assertThat(auditCount()).isEqualTo(audit);

        // Nobody else imports, and learns nothing of the file: 403 before it is read.
        Api.Answer clerk = api.post("api/v1/accounts/import/preview", yinan.token(clerkName), CSV, file);
        assertThat(clerk.status()).isEqualTo(403);
        assertThat(api.post("api/v1/accounts/import", null, CSV, file).status()).isEqualTo(401);
    }

    /** Files that cannot be read as a list are refused whole, with a message, never a 500, and nothing changes. */
    @Test
    void aFileThatIsNoStaffListIsRefusedWholeWithAMessageAndNothingChanges() throws Exception {
        String countyAdmin = yinan.adminToken();
        long accounts = accountCount();
        long audit = auditCount();
        byte[] tooLarge = new byte[(5 << 20) + 1];
        java.util.Arrays.fill(tooLarge, (byte) 'a');
        record Bad(String what, String type, byte[] body, int status, String message) {}
        List<Bad> bads = List.of(
                new Bad("empty", CSV, new byte[0], 400, "请求体不能为空"),
                new Bad("a header alone", CSV, HEADER.getBytes(StandardCharsets.UTF_8), 400, "文件中没有人员"),
                new Bad(
                        "no roles column",
                        CSV,
                        ("区划代码,用户名,姓名\n" + P + "106202,x.y.z,某\n").getBytes(StandardCharsets.UTF_8),
                        400,
                        "缺少列“角色”"),
                new Bad("over 5 MiB", CSV, tooLarge, 413, "文件超过5 MiB"),
                new Bad(
                        "a PDF as CSV",
                        CSV,
                        "%PDF-1.7\n\0\1\2binary".getBytes(StandardCharsets.ISO_8859_1),
                        400,
                        "控制字符"),
                new Bad("a CSV as workbook", XLSX, HEADER.getBytes(StandardCharsets.UTF_8), 400, "无法读取文件"),
                new Bad("a PDF", "application/pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII), 415, ""));
        for (Bad bad : bads) {
            for (String path : List.of("api/v1/accounts/import/preview", "api/v1/accounts/import")) {
                // A body refused unread leaves its connection unusable: each gets a client of its own, as in ApiIT.
                Api.Answer answer = new Api(base).post(path, countyAdmin, bad.type(), bad.body());
                assertThat(answer.status()).as(bad.what() + " " + answer.body()).isEqualTo(bad.status());
                assertThat(answer.contentType()).as(bad.what()).contains("problem+json");
                assertThat(answer.body()).as(bad.what()).contains(bad.message());
            }
        }
        assertThat(accountCount()).isEqualTo(accounts);
        assertThat(auditCount()).isEqualTo(audit);

        // The template reads back as an empty list.
        HttpResponse<byte[]> template = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(base.resolve("api/v1/accounts/import/template"))
                                .header("Authorization", "Bearer " + countyAdmin)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(template.statusCode()).isEqualTo(200);
        assertThat(StaffList.read(template.body(), UploadedTables.Format.XLSX).fileProblems())
                .extracting(StaffList.Problem::key)
                .containsExactly("account.import.empty");
    }

    /**
     * Issue 11's story for lists: {@code county.admin} imports three clerks for 华沟村 from a workbook (the division
     * written once as a number over three merged cells); one of them logs in and must change the initial password.
     */
    @Test
    void theCountyAdminImportsThreeClerksForHuagouAndOneMustChangeTheInitialPassword() throws Exception {
        Path list = Path.of("target", "华沟村工作人员.xlsx");
        Files.write(list, workbook(new Object[][] {
            {"区划代码", "用户名", "姓名", "角色", "窗口", "初始密码"},
            {Double.parseDouble(HUAGOU), "hg.list.a", "华沟甲", "窗口人员", "综合代办窗口", "Huagou-List-1"},
            {null, "hg.list.b", "华沟乙", "窗口人员", "", ""},
            {null, "hg.list.c", "华沟丙", "窗口人员、窗口负责人", "", ""}
        }));
        new LoginPage(browser, base).open().logIn(countyAdminName, TestCounty.PASSWORD);
        StaffPage staff = new StaffPage(browser, base);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

        assertThat(staff.previewList(list)).contains("共3行，3行可导入，0行未通过");
        // The dialog's template, downloaded as a person would: a workbook whose header row is the list's columns.
        Path template = download(By.id("staff-import:template"), "工作人员名单模板.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(template))) {
            Row header = book.getSheetAt(0).getRow(0);
            List<String> columns = new ArrayList<>();
            header.forEach(cell -> columns.add(cell.getStringCellValue()));
            assertThat(columns).startsWith("区划代码", "用户名", "姓名", "角色");
        }
        assertThat(staff.importReport())
                .contains("hg.list.a", "华沟丙", "窗口人员、窗口负责人", "可导入")
                .doesNotContain("未通过");
        assertThat(accountExists("hg.list.a")).as("the preview writes nothing").isFalse();
        Browser.screenshot(browser, "staff-import-preview");

        browser.findElement(By.id("staff-import:apply")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("staff:confirm-yes")));
        browser.findElement(By.id("staff:confirm-yes")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-summary"), "已创建3个账号"));
        String result = staff.importReport();
        assertThat(result).contains("已创建").doesNotContain("可导入");
        assertThat(browser.findElements(By.cssSelector("#staff-import\\:report code.ow-password")).stream()
                        .map(e -> e.getText())
                        .filter(p -> !p.isEmpty())
                        .toList())
                .as("the two rows without a password got one")
                .hasSize(2);
        Browser.screenshot(browser, "staff-import-done");
        // The result with the initial passwords, downloaded from the dialog: a line per person.
        Path resultFile = download(By.id("staff-import:result"), "工作人员导入结果.csv");
        String resultCsv = Files.readString(resultFile, StandardCharsets.UTF_8);
        assertThat(resultCsv.lines().filter(line -> line.contains("hg.list.")).toList())
                .hasSize(3)
                .allSatisfy(line -> assertThat(line).contains("已创建"));
        assertThat(resultCsv.lines().filter(line -> line.matches(".*\"hg\\.list\\.[bc]\".*\"[A-Za-z0-9]{8,}\"")))
                .as("the generated initial passwords, to hand out")
                .hasSize(2);
        assertThat(single(
                        "select string_agg(tenant_code || ':' || password_change_required, ',' order by username)"
                                + " from staff_account where username like ?",
                        "hg.list.%"))
                .isEqualTo(P + "106202:true," + P + "106202:true," + P + "106202:true");

        // The clerk's first login asks for a new password before anything else.
        new LoginPage(browser, base).open();
        browser.findElement(By.id("login:username")).sendKeys("hg.list.a");
        browser.findElement(By.id("login:password")).sendKeys("Huagou-List-1\n");
        wait.until(ExpectedConditions.urlContains("password.xhtml"));
        browser.findElement(By.id("password:current")).sendKeys("Huagou-List-1");
        browser.findElement(By.id("password:new")).sendKeys("Huagou-Own-List-2");
        browser.findElement(By.id("password:repeat")).sendKeys("Huagou-Own-List-2\n");
        wait.until(ExpectedConditions.urlContains("/app/home.xhtml"));
        assertThat(browser.findElement(By.id("who")).getText()).contains("华沟甲").contains("华沟村");
        assertThat(api.tokenAnswer("hg.list.a", "Huagou-Own-List-2").status()).isEqualTo(200);
    }

    /** A move to another village, or a password reset, ends the staff member's open console session at once. */
    @Test
    void aMoveOrAResetEndsTheConsoleSessionAtOnce() {
        String countyAdmin = yinan.adminToken();
        for (String change : List.of("move", "password")) {
            String username = "session." + change;
            assertThat(api.postJson(
                                    "api/v1/tenants/" + HUAGOU + "/accounts",
                                    countyAdmin,
                                    "{\"username\":\"" + username + "\",\"password\":\"Probe-Password-1\","
                                            + "\"roles\":[\"CLERK\"]}")
                            .status())
                    .isEqualTo(201);
            new LoginPage(browser, base).open().logIn(username, "Probe-Password-1");
            browser.get(base.resolve("app/home.xhtml").toString());
            assertThat(browser.findElement(By.id("who")).getText()).contains("华沟村");

            String body =
                    change.equals("move") ? "{\"tenant\":\"" + FUMIAO + "\"}" : "{\"password\":\"Reset-Password-1\"}";
            assertThat(api.postJson(
                                    "api/v1/tenants/" + HUAGOU + "/accounts/" + username + "/" + change,
                                    countyAdmin,
                                    body)
                            .status())
                    .isEqualTo(200);

            browser.get(base.resolve("app/home.xhtml").toString());
            assertThat(browser.getCurrentUrl()).as(change).contains("login.xhtml");
        }
        // After the reset, the next login asks for a new password first.
        new LoginPage(browser, base).open();
        browser.findElement(By.id("login:username")).sendKeys("session.password");
        browser.findElement(By.id("login:password")).sendKeys("Reset-Password-1\n");
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("password.xhtml"));
    }

    // --- helpers ---------------------------------------------------------------------------------

    /**
     * Clicks {@code button} and waits for Chromium to save the file it answers, in a directory of its own under
     * target; the file's path.
     */
    private static Path download(By button, String fileName) throws Exception {
        Path directory = Files.createTempDirectory(Path.of("target"), "downloads");
        browser.executeCdpCommand(
                "Browser.setDownloadBehavior",
                Map.of(
                        "behavior",
                        "allow",
                        "downloadPath",
                        directory.toAbsolutePath().toString()));
        browser.findElement(button).click();
        Path file = directory.resolve(fileName);
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> Files.exists(file) && !Files.exists(directory.resolve(fileName + ".crdownload")));
        return file;
    }

    private static JsonObject row(JsonObject report, int line) {
        return report.getJsonArray("report").stream()
                .map(v -> v.asJsonObject())
                .filter(r -> r.getInt("line") == line)
                .findFirst()
                .orElseThrow();
    }

    /** Each row's errors as "column message; …", "" for a row without any. */
    private static Map<Integer, String> reasons(JsonObject report) {
        Map<Integer, String> reasons = new java.util.TreeMap<>();
        for (var value : report.getJsonArray("report")) {
            JsonObject row = value.asJsonObject();
            JsonArray errors = row.getJsonArray("errors");
            List<String> texts = new ArrayList<>();
            for (var error : errors) {
                texts.add(error.asJsonObject().getString("column") + " "
                        + error.asJsonObject().getString("message"));
            }
            reasons.put(row.getInt("line"), String.join("; ", texts));
        }
        return reasons;
    }

    /** A workbook of one sheet; numbers stay numbers, and a null below a value is merged with the cells above. */
    private static byte[] workbook(Object[][] rows) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("名单");
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] instanceof Double number) {
                        row.createCell(c).setCellValue(number);
                    } else if (rows[r][c] != null) {
                        row.createCell(c).setCellValue(rows[r][c].toString());
                    }
                }
            }
            sheet.addMergedRegion(new CellRangeAddress(1, rows.length - 1, 0, 0));
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static boolean accountExists(String username) throws Exception {
        return !single("select count(*) from staff_account where username = ?", username)
                .equals("0");
    }

    private static long accountCount() throws Exception {
        return selectCount("select count(*) from staff_account");
    }

    private static long auditCount() throws Exception {
        return selectCount("select count(*) from audit_entry where action not like 'login.%'");
    }

    private static List<String> auditActions(String username) throws Exception {
        List<String> actions = new ArrayList<>();
        try (Connection su = TestDatabase.get().superuserConnection();
                PreparedStatement sql = su.prepareStatement(
                        "select action from audit_entry where subject_id = ? order by occurred_at")) {
            sql.setString(1, username);
            try (ResultSet rs = sql.executeQuery()) {
                while (rs.next()) {
                    actions.add(rs.getString(1));
                }
            }
        }
        return actions;
    }

    private static String single(String query, String parameter) throws Exception {
        try (Connection su = TestDatabase.get().superuserConnection();
                PreparedStatement sql = su.prepareStatement(query)) {
            sql.setString(1, parameter);
            try (ResultSet rs = sql.executeQuery()) {
                assertThat(rs.next()).as(parameter).isTrue();
                return rs.getString(1);
            }
        }
    }
}
