package org.onewindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.json.Json;
import org.onewindow.testing.Api;
import org.onewindow.testing.TestCounty;
import org.onewindow.testing.TestDatabase;

/**
 * The front window over REST on the real WAR, in a county of its own (沂河县 with 起凤镇 and its villages 付庙村 and
 * 华沟村, and their back office): 华沟村's clerk takes in 最低生活保障申请 (MZ-0001), gets one correction notice when a
 * material is missing and a case number, check code and due dates when all are there; the receipt opens the public
 * progress and nothing else; another village sees nothing; bad input changes nothing. Only the demo cases are read in
 * the demo county, where the seeding made them.
 */
class CaseworkIT extends ShippedWar {

    static final String DIBAO = "MZ-0001";
    static final String ID_NUMBER = "370321195803121012";
    static final String AGENT_ID = "370321194510014681";

    static TestCounty yihe;

    /**
     * 沂河县 as the demo county has it where these cases go: 华沟村's clerk and reviewer, a clerk of the sibling village
     * 付庙村, 起凤镇's clerk, administrator and reviewer, the county's auditor and 民政局 reviewer, and a 24-hour
     * self-service room at the county, which hands nothing over.
     */
    @BeforeEach
    void ownCounty() {
        if (yihe != null) {
            return;
        }
        yihe = TestCounty.named("沂河县").town("起凤镇", "付庙村", "华沟村").backOffice().make(api);
        yihe.clerk("华沟村", "huagou.clerk");
        yihe.clerk("付庙村", "fumiao.clerk");
        yihe.clerk("起凤镇", "qifeng.clerk");
        yihe.staff("起凤镇", "qifeng.admin", Set.of("TENANT_ADMIN"));
        yihe.staff("沂河县", "county.auditor", Set.of("AUDITOR"));
        yihe.reviewer("华沟村", "huagou.reviewer", "CWH");
        yihe.reviewer("起凤镇", "qifeng.reviewer", "SHSW");
        yihe.reviewer("沂河县", "mz.reviewer", "MZ");
        yihe.addPoint("沂河县", "沂河县24小时自助服务区", "SELF_SERVICE_24H");
    }

    // --- intake ---------------------------------------------------------------------------------------

    @Test
    void aMissingMandatoryMaterialGivesOneCorrectionNoticeListingItAndNothingIsAccepted() throws Exception {
        String clerk = token("huagou.clerk");
        long numbered = selectCount(cases() + " and case_number is not null");

        Api.Exchange taken = takeIn(clerk, key(), dibao(ID_NUMBER, "INCOME_STATEMENT"));

        assertThat(taken.answer().status()).as(taken.answer().body()).isEqualTo(201);
        JsonObject answer = json(taken);
        assertThat(answer.getString("state")).isEqualTo("AWAITING_SUPPLEMENTS");
        assertThat(answer.isNull("caseNumber")).isTrue();
        assertThat(answer.isNull("checkCode")).isTrue();
        JsonObject notice = answer.getJsonObject("correctionNotice");
        assertThat(notice.getJsonArray("toSupply")).hasSize(1);
        assertThat(notice.getJsonArray("toSupply").getJsonObject(0).getString("code"))
                .isEqualTo("INCOME_STATEMENT");
        assertThat(notice.getJsonArray("toSupply").getJsonObject(0).getString("name"))
                .isEqualTo("家庭收入及财产状况声明");
        assertThat(notice.getString("legalBasis"))
                .as("a benefit's notice cites its own basis, not the Licensing Law")
                .contains("社会救助暂行办法")
                .doesNotContain("行政许可法");
        assertThat(selectCount(cases() + " and case_number is not null")).isEqualTo(numbered);
        var printed = pdf("api/v1/cases/" + answer.getString("id") + "/correction-notice.pdf", clerk);
        assertThat(printed.statusCode()).isEqualTo(200);
        try (var document = org.apache.pdfbox.Loader.loadPDF(printed.body())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document))
                    .contains("补正通知书")
                    .contains("社会救助暂行办法")
                    .doesNotContain("行政许可法");
        }

        // The supplement arrives: accepted now, with a number.
        Api.Answer supplied = api.postJson(
                "api/v1/cases/" + answer.getString("id") + "/supplements",
                clerk,
                "{\"materials\":{\"INCOME_STATEMENT\":{\"kind\":\"PAPER_SEEN\"}}}");
        assertThat(supplied.status()).as(supplied.body()).isEqualTo(200);
        JsonObject accepted = supplied.json().asJsonObject();
        assertThat(accepted.getString("state")).isEqualTo("ACCEPTED");
        assertThat(accepted.getString("caseNumber")).matches(yihe.prefix() + "-" + today() + "-\\d{6}");
        assertThat(accepted.getString("checkCode")).hasSize(6);
        assertThat(accepted.getJsonArray("timeline"))
                .extracting(step -> step.asJsonObject().getString("action"))
                .containsExactly("RECEIVE", "MARK_MATERIALS", "ISSUE_CORRECTION_NOTICE", "MARK_MATERIALS", "ACCEPT");
    }

    @Test
    void aCompleteApplicationIsAcceptedWithNumberCheckCodeAndDueDatesAndTheApplicantMasked() throws Exception {
        String clerk = token("huagou.clerk");

        Api.Exchange taken = takeIn(clerk, key(), dibaoWithAgent(ID_NUMBER));

        assertThat(taken.answer().status()).as(taken.answer().body()).isEqualTo(201);
        JsonObject answer = json(taken);
        String number = answer.getString("caseNumber");
        assertThat(answer.getString("state")).isEqualTo("ACCEPTED");
        assertThat(number).matches(yihe.prefix() + "-" + today() + "-\\d{6}");
        assertThat(taken.header("Location").orElseThrow()).endsWith("/api/v1/cases/" + number);
        String code = answer.getString("checkCode");
        assertThat(code).matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}");
        LocalDate acceptedOn = LocalDate.parse(answer.getString("acceptedOn"));
        LocalDate promised = LocalDate.parse(answer.getString("promisedDueDate"));
        LocalDate statutory = LocalDate.parse(answer.getString("statutoryDueDate"));
        assertThat(acceptedOn).isEqualTo(LocalDate.now(ZoneId.of("Asia/Shanghai")));
        // The limits of the item as 华沟村 offers it: N working days are at least N calendar days, and the statutory
        // limit is the longer one.
        JsonObject offered = api.get("api/v1/catalog/items/" + DIBAO + "?tenant=" + yihe.code("华沟村"), clerk)
                .json()
                .asJsonObject()
                .getJsonObject("elements");
        int promisedDays = offered.getInt("promisedLimitDays");
        int statutoryDays = offered.getInt("statutoryLimitDays");
        assertThat(promisedDays).isPositive().isLessThan(statutoryDays);
        assertThat(promised).isAfterOrEqualTo(acceptedOn.plusDays(promisedDays));
        assertThat(statutory)
                .isAfterOrEqualTo(acceptedOn.plusDays(statutoryDays))
                .isAfter(promised);
        assertThat(answer.getJsonObject("applicant").getString("idNumber")).isEqualTo("370321********1012");
        assertThat(answer.getJsonObject("agent").getString("idNumber")).isEqualTo("370321********4681");
        assertThat(taken.answer().body()).doesNotContain(ID_NUMBER).doesNotContain(AGENT_ID);

        // Stored sealed and hashed: neither the ID number nor the check code in clear.
        try (Connection su = TestDatabase.get().superuserConnection();
                Statement sql = su.createStatement();
                ResultSet rs = sql.executeQuery(
                        "select c::text, check_code_hash from case_file c where case_number = '" + number + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).doesNotContain(ID_NUMBER).doesNotContain(AGENT_ID);
            assertThat(rs.getString(2)).hasSize(64).isNotEqualTo(code);
        }

        Api.Answer seen = api.get("api/v1/cases/" + number, clerk);
        assertThat(seen.status()).isEqualTo(200);
        // Taken in at 华沟村's station, at its only intake window: the case and its timeline say so.
        JsonObject place = seen.json().asJsonObject().getJsonObject("intakeWindow");
        assertThat(place.getString("servicePoint")).isEqualTo("华沟村便民服务站");
        assertThat(place.getString("window")).isEqualTo("综合受理窗口");
        assertThat(seen.json()
                        .asJsonObject()
                        .getJsonArray("timeline")
                        .getJsonObject(0)
                        .getString("place"))
                .isEqualTo("华沟村便民服务站 综合受理窗口");
        assertThat(seen.json().asJsonObject().getJsonObject("applicant").getString("idNumber"))
                .isEqualTo("370321********1012");
        assertThat(seen.body()).doesNotContain(ID_NUMBER).doesNotContain(code);

        // Another village's clerk: exactly as if there were no such case.
        Api.Answer elsewhere = api.get("api/v1/cases/" + number, token("fumiao.clerk"));
        Api.Answer unknown = api.get("api/v1/cases/" + yihe.prefix() + "-20200101-999999", token("fumiao.clerk"));
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(elsewhere.field("error")).isEqualTo("casework.case.not.found");
        assertThat(unknown.status()).isEqualTo(404);
        // The town above sees it.
        assertThat(api.get("api/v1/cases/" + number, token("qifeng.clerk")).status())
                .isEqualTo(200);

        // The receipt opens the progress, without login and without anything personal.
        Api.Answer progress = api.get("api/v1/progress/" + number + "?code=" + code.toLowerCase(), null);
        assertThat(progress.status()).as(progress.body()).isEqualTo(200);
        JsonObject shown = progress.json().asJsonObject();
        assertThat(shown.getString("stage")).isEqualTo("ACCEPTED");
        assertThat(shown.getString("itemName")).isEqualTo("最低生活保障申请");
        assertThat(shown.getString("acceptedOn")).isEqualTo(acceptedOn.toString());
        assertThat(shown.getString("promisedDueDate")).isEqualTo(promised.toString());
        assertThat(progress.body())
                .doesNotContain("王秀英")
                .doesNotContain("李建国")
                .doesNotContain("370321********")
                .doesNotContain(ID_NUMBER)
                .doesNotContain("huagou");

        // A wrong code answers exactly like an unknown number.
        Api.Answer wrong = api.get("api/v1/progress/" + number + "?code=" + otherCode(code), null);
        Api.Answer nonexistent = api.get("api/v1/progress/" + yihe.prefix() + "-20200101-999999?code=" + code, null);
        assertThat(wrong.status()).isEqualTo(404).isEqualTo(nonexistent.status());
        assertThat(wrong.body()).isEqualTo(nonexistent.body());
    }

    @Test
    void aVillagesCaseIsReadInItsVillageAndAboveItNeverBesideItOrWithoutALogin() throws Exception {
        JsonObject accepted = json(takeIn(token("huagou.clerk"), key(), dibao(ID_NUMBER)));
        String number = accepted.getString("caseNumber");
        String code = accepted.getString("checkCode");
        // Who stands where from 华沟村: the village itself, its town (parent), the county, a sibling village.
        Map<String, Integer> expected = new java.util.LinkedHashMap<>();
        expected.put("huagou.clerk", 200);
        expected.put("qifeng.clerk", 200);
        expected.put("qifeng.admin", 200);
        expected.put("county.admin", 200);
        expected.put("county.auditor", 200);
        expected.put("mz.reviewer", 200);
        expected.put("fumiao.clerk", 404);

        for (var who : expected.entrySet()) {
            String token = token(who.getKey());
            assertThat(api.get("api/v1/cases/" + number, token).status())
                    .as("%s reads the case", who.getKey())
                    .isEqualTo(who.getValue());
            assertThat(pdf("api/v1/cases/" + number + "/receipt.pdf?code=" + code, token)
                            .statusCode())
                    .as("%s prints the receipt", who.getKey())
                    .isEqualTo(who.getValue());
        }
        assertThat(api.get("api/v1/cases/" + number, null).status()).isEqualTo(401);
    }

    @Test
    void theAcceptanceReceiptPrintsWithTheCaseNumberTheItemAndTheCheckCodeOnlyForWhoKnowsTheCode() throws Exception {
        String clerk = token("huagou.clerk");
        JsonObject accepted = json(takeIn(clerk, key(), dibao(ID_NUMBER)));
        String number = accepted.getString("caseNumber");
        String code = accepted.getString("checkCode");

        var receipt = pdf("api/v1/cases/" + number + "/receipt.pdf?code=" + code, clerk);

        assertThat(receipt.statusCode()).isEqualTo(200);
        assertThat(receipt.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/pdf"));
        try (var document = org.apache.pdfbox.Loader.loadPDF(receipt.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("受理通知书")
                    .contains(number)
                    .contains("最低生活保障")
                    .contains(code)
                    .contains("370321********1012")
                    .containsPattern("受理窗口\\s*华沟村便民服务站\\s*综合受理窗口")
                    .doesNotContain(ID_NUMBER);
        }
        assertThat(pdf("api/v1/cases/" + number + "/receipt.pdf?code=" + otherCode(code), clerk)
                        .statusCode())
                .as("a wrong code is answered like an unknown case")
                .isEqualTo(404);
        assertThat(pdf("api/v1/cases/" + number + "/receipt.pdf?code=" + code, token("fumiao.clerk"))
                        .statusCode())
                .as("another village")
                .isEqualTo(404);
    }

    @Test
    void aCaseTakenInBeforeItsWindowWasRecordedShowsTheWindowAsUnknown() throws Exception {
        // Arrange: a case as the migration leaves one taken in earlier, without point or window
        String clerk = token("huagou.clerk");
        JsonObject accepted = json(takeIn(clerk, key(), dibao(ID_NUMBER)));
        String number = accepted.getString("caseNumber");
        try (Connection su = TestDatabase.get().superuserConnection();
                Statement sql = su.createStatement()) {
            sql.executeUpdate("update case_file set intake_service_point_id = null, intake_service_point = null,"
                    + " intake_window_id = null, intake_window = null where case_number = '" + number + "'");
        }

        // Act
        Api.Answer seen = api.get("api/v1/cases/" + number, clerk);
        var receipt = pdf("api/v1/cases/" + number + "/receipt.pdf?code=" + accepted.getString("checkCode"), clerk);

        // Assert: unknown, said as such
        assertThat(seen.status()).as(seen.body()).isEqualTo(200);
        assertThat(seen.json().asJsonObject().isNull("intakeWindow")).isTrue();
        assertThat(receipt.statusCode()).isEqualTo(200);
        try (var document = org.apache.pdfbox.Loader.loadPDF(receipt.body())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document))
                    .containsPattern("受理窗口\\s*不详");
        }
    }

    @Test
    void theCaseListsTheScansOfItsMaterialsWithoutTheirContentToWhoeverSeesTheCase() throws Exception {
        String clerk = token("huagou.clerk");
        String number = json(takeIn(clerk, key(), dibao(ID_NUMBER))).getString("caseNumber");
        byte[] scan = ("%PDF-1.4\n% 收入声明扫描件 " + UUID.randomUUID() + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
        Api.Answer uploaded = api.post(
                "api/v1/cases/" + number + "/materials/INCOME_STATEMENT/files?fileName="
                        + java.net.URLEncoder.encode("收入声明.pdf", StandardCharsets.UTF_8),
                clerk,
                "application/pdf",
                scan);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);

        Api.Answer seen = api.get("api/v1/cases/" + number, clerk);

        assertThat(seen.status()).isEqualTo(200);
        var files = seen.json().asJsonObject().getJsonArray("files");
        assertThat(files).hasSize(1);
        JsonObject file = files.getJsonObject(0);
        assertThat(file.getString("id")).isEqualTo(uploaded.field("id"));
        assertThat(file.getString("materialCode")).isEqualTo("INCOME_STATEMENT");
        assertThat(file.getString("fileName")).isEqualTo("收入声明.pdf");
        assertThat(file.getString("contentType")).isEqualTo("application/pdf");
        assertThat(file.getInt("sizeBytes")).isEqualTo(scan.length);
        assertThat(file.getString("uploadedBy")).isEqualTo(yihe.username("huagou.clerk"));
        assertThat(file.getString("uploadedPlace")).isEqualTo("华沟村");
        assertThat(java.time.Instant.parse(file.getString("uploadedAt")))
                .isBefore(java.time.Instant.now().plusSeconds(5));
        assertThat(seen.body())
                .as("never the content inline")
                .doesNotContain("%PDF")
                .doesNotContain(
                        java.util.Base64.getEncoder().encodeToString(scan).substring(0, 12))
                .doesNotContain("content\"");

        // Whoever sees the case sees its scans; another village gets the case's own 404, nothing about the files.
        assertThat(api.get("api/v1/cases/" + number, token("qifeng.clerk"))
                        .json()
                        .asJsonObject()
                        .getJsonArray("files"))
                .hasSize(1);
        Api.Answer elsewhere = api.get("api/v1/cases/" + number, token("fumiao.clerk"));
        Api.Answer unknown = api.get("api/v1/cases/" + yihe.prefix() + "-20200101-999998", token("fumiao.clerk"));
        assertThat(elsewhere.status()).isEqualTo(404).isEqualTo(unknown.status());
        assertThat(elsewhere.field("error")).isEqualTo("casework.case.not.found");
        assertThat(elsewhere.body()).doesNotContain("收入声明").doesNotContain(file.getString("id"));
        // A case without scans lists none.
        String bare = json(takeIn(clerk, key(), dibao(ID_NUMBER))).getString("caseNumber");
        assertThat(api.get("api/v1/cases/" + bare, clerk).json().asJsonObject().getJsonArray("files"))
                .isEmpty();
    }

    @Test
    void theQueuePagesWithFirstAndSizeAndRefusesAPageItCannotServeWithAProblem() {
        String clerk = token("huagou.clerk");
        List<String> numbers = new java.util.ArrayList<>();
        for (String name : List.of("翻页甲", "翻页乙", "翻页丙")) {
            String body = dibao(ID_NUMBER).replaceFirst("\"name\":\"王秀英\"", "\"name\":\"" + name + "\"");
            numbers.add(json(takeIn(clerk, key(), body)).getString("caseNumber"));
        }
        String reviewer = token("huagou.reviewer");
        String mine = "&q=" + java.net.URLEncoder.encode("翻页", StandardCharsets.UTF_8);
        List<String> whole = caseNumbers(api.get("api/v1/tasks?size=100" + mine, reviewer));
        assertThat(whole).containsExactlyInAnyOrderElementsOf(numbers);

        // One task a page, page after page: the same tasks in the same order, and nothing past the end.
        List<String> paged = new java.util.ArrayList<>();
        for (int first = 0; first < 3; first++) {
            Api.Answer page = api.get("api/v1/tasks?first=" + first + "&size=1" + mine, reviewer);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            assertThat(page.json().asJsonObject().getInt("first")).isEqualTo(first);
            assertThat(page.json().asJsonObject().getInt("size")).isEqualTo(1);
            paged.addAll(caseNumbers(page));
        }
        assertThat(paged).containsExactlyElementsOf(whole);
        assertThat(caseNumbers(api.get("api/v1/tasks?first=1&size=2" + mine, reviewer)))
                .containsExactlyElementsOf(whole.subList(1, 3));
        assertThat(caseNumbers(api.get("api/v1/tasks?first=3&size=1" + mine, reviewer)))
                .isEmpty();
        // limit, the size's former name, still pages for the clients that send it.
        JsonObject alias =
                api.get("api/v1/tasks?limit=2" + mine, reviewer).json().asJsonObject();
        assertThat(alias.getInt("size")).isEqualTo(2);
        assertThat(alias.getInt("limit")).isEqualTo(2);
        assertThat(alias.getJsonArray("tasks")).hasSize(2);

        Map<String, String> refusals = Map.of(
                "first=-1", "casework.queue.first",
                "first=10001", "casework.queue.first",
                "size=0", "casework.queue.limit",
                "size=-5", "casework.queue.limit",
                "size=1000000", "casework.queue.limit",
                "limit=101", "casework.queue.limit",
                "first=abc", "request.parameter.invalid",
                "size=twenty", "request.parameter.invalid",
                "first=99999999999", "request.parameter.invalid");
        refusals.forEach((query, key) -> {
            Api.Answer refused = api.get("api/v1/tasks?" + query + mine, reviewer);
            assertThat(refused.status()).as(query + " " + refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).as(query).startsWith("application/problem+json");
            assertThat(refused.field("error")).as(query).isEqualTo(key);
            assertThat(refused.field("message"))
                    .as(query)
                    .contains(key.equals("request.parameter.invalid") ? query.substring(0, query.indexOf('=')) : "");
        });
        assertThat(api.get("api/v1/tasks?first=-1" + mine, reviewer).field("message"))
                .isEqualTo("翻页起点（first）应在 0 到 10000 之间");
    }

    private static List<String> caseNumbers(Api.Answer page) {
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return page.json().asJsonObject().getJsonArray("tasks").stream()
                .map(task -> task.asJsonObject().getString("caseNumber"))
                .toList();
    }

    @Test
    void theQueueFindsAnApplicantWhoseNameHasAFullWidthSpaceHoweverTheSpaceIsTyped() {
        String clerk = token("huagou.clerk");
        String named = dibao(ID_NUMBER).replaceFirst("\"name\":\"王秀英\"", "\"name\":\"王　𠮷祥\"");
        String number = json(takeIn(clerk, key(), named)).getString("caseNumber");
        String reviewer = token("huagou.reviewer");

        for (String typed : new String[] {"王𠮷祥", "王　𠮷祥", "王 𠮷", " 王𠮷祥　"}) {
            Api.Answer found =
                    api.get("api/v1/tasks?q=" + java.net.URLEncoder.encode(typed, StandardCharsets.UTF_8), reviewer);
            assertThat(found.status()).as(found.body()).isEqualTo(200);
            assertThat(found.json().asJsonObject().getJsonArray("tasks"))
                    .as("searching %s", typed)
                    .extracting(t -> t.asJsonObject().getString("caseNumber"))
                    .contains(number);
        }
        // The name is kept as typed.
        assertThat(selectText("select applicant_name from case_file where case_number = '" + number + "'"))
                .isEqualTo("王　𠮷祥");
        assertThat(api.get("api/v1/tasks?q=" + java.net.URLEncoder.encode("王𠮷X", StandardCharsets.UTF_8), reviewer)
                        .json()
                        .asJsonObject()
                        .getJsonArray("tasks"))
                .isEmpty();
    }

    @Test
    void aGuessingClientIsThrottledWhetherTheProgressOrTheDecisionLetterIsGuessedAtAndTheHolderStillGetsIn() {
        String clerk = token("huagou.clerk");
        JsonObject answer = json(takeIn(clerk, key(), dibao(ID_NUMBER)));
        String number = answer.getString("caseNumber");
        String code = answer.getString("checkCode");
        // The guesser comes from an address of its own (no class uses 127.0.0.252), and names another address in
        // X-Forwarded-For, which counts for nothing: no proxy is trusted here.
        Api guesser = new Api(URI.create("http://127.0.0.252:" + base.getPort() + "/"));
        Map<String, String> spoofed = Map.of("X-Forwarded-For", "198.51.100.77");

        for (int i = 0; i < 15; i++) {
            assertThat(guesser.exchange(
                                    "GET",
                                    "api/v1/progress/" + number + "?code=" + otherCode(code),
                                    null,
                                    spoofed,
                                    null)
                            .answer()
                            .status())
                    .isEqualTo(404);
        }
        // The decision letter by the receipt is the same door: a wrong code there reads exactly like an unknown
        // number, and counts against the same throttle.
        String letter = "api/v1/progress/" + number + "/decision.pdf?code=";
        Api.Answer wrongLetter = guesser.get(letter + otherCode(code), null);
        Api.Answer unknownLetter =
                guesser.get("api/v1/progress/" + yihe.prefix() + "-20200101-999997/decision.pdf?code=" + code, null);
        assertThat(wrongLetter.status()).isEqualTo(404).isEqualTo(unknownLetter.status());
        assertThat(wrongLetter.field("error")).isEqualTo("casework.progress.not.found");
        assertThat(wrongLetter.body()).isEqualTo(unknownLetter.body()).doesNotContain(number);
        for (int i = 0; i < 3; i++) {
            assertThat(guesser.get(letter + otherCode(code), null).status()).isEqualTo(404);
        }
        Api.Exchange throttled =
                guesser.exchange("GET", "api/v1/progress/" + number + "?code=" + otherCode(code), null, spoofed, null);

        assertThat(throttled.answer().status()).isEqualTo(429);
        assertThat(throttled.answer().field("error")).isEqualTo("casework.progress.throttled");
        assertThat(throttled.answer().field("message")).contains("分钟后再试");
        assertThat(Long.parseLong(throttled.header("Retry-After").orElseThrow()))
                .isPositive();
        // While throttled, the guesser waits even with the right code: guessing cannot go on by mixing it in.
        assertThat(guesser.get("api/v1/progress/" + number + "?code=" + code, null)
                        .status())
                .isEqualTo(429);
        Api.Exchange letterWaits = guesser.exchange("GET", letter + code, null, Map.of(), null);
        assertThat(letterWaits.answer().status()).as("the letter waits too").isEqualTo(429);
        assertThat(letterWaits.header("Retry-After")).isPresent();
        // The receipt's holder, from anywhere else, is never held up by the guesser's 20 wrong codes for the case.
        Api.Answer holder = api.get("api/v1/progress/" + number + "?code=" + code, null);
        assertThat(holder.status()).as(holder.body()).isEqualTo(200);
        assertThat(holder.json().asJsonObject().getString("caseNumber")).isEqualTo(number);
        assertThat(new Api(URI.create("http://127.0.0.253:" + base.getPort() + "/"))
                        .get("api/v1/progress/" + number + "?code=" + code.toLowerCase(java.util.Locale.ROOT), null)
                        .status())
                .isEqualTo(200);
    }

    // --- issuance (统一出件) -------------------------------------------------------------------------------

    @Test
    void aDecidedCaseWaitsAtHuagouTheApplicantIsToldAndAnAgentCollectsItOnlyWithAnAuthorisation() throws Exception {
        String clerk = token("huagou.clerk");
        JsonObject accepted = json(takeIn(clerk, key(), withMobile(dibao(ID_NUMBER), "138 1234 5678")));
        String number = accepted.getString("caseNumber");
        String code = accepted.getString("checkCode");
        String delivery = "api/v1/cases/" + number + "/delivery";

        Api.Answer early = api.postJson(delivery, clerk, "{\"mode\":\"INTAKE_WINDOW\"}");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.field("error")).isEqualTo("casework.issuance.undecided");

        decideInTheBackOffice(yihe, number);
        // Wherever the decision shows, a benefit reads 准予给付: the case, the public progress, the window's queue.
        JsonObject decidedProgress = api.get("api/v1/progress/" + number + "?code=" + code, null)
                .json()
                .asJsonObject();
        assertThat(decidedProgress.getString("stage")).isEqualTo("DECIDED");
        assertThat(decidedProgress.getString("itemWording")).isEqualTo("BENEFIT");
        assertThat(decidedProgress.getString("decisionWording")).isEqualTo("准予给付");
        assertThat(api.get("api/v1/cases/" + number, clerk).field("decisionWording"))
                .isEqualTo("准予给付");
        assertThat(openTasks(yihe.username("huagou.clerk"), number))
                .extracting(task -> task.getString("decisionWording"))
                .containsExactly("准予给付");

        // Where the applicant may collect it: the staffed points of the county, for the case's own staff only.
        Api.Answer points = api.get("api/v1/cases/" + number + "/delivery-points", clerk);
        assertThat(points.status()).as(points.body()).isEqualTo(200);
        assertThat(points.json().asJsonArray())
                .extracting(p -> p.asJsonObject().getString("name"))
                .contains(yihe.pointName("华沟村"), yihe.pointName("起凤镇"), yihe.pointName("沂河县"))
                .doesNotContain("沂河县24小时自助服务区");
        Api.Answer pointsElsewhere = api.get("api/v1/cases/" + number + "/delivery-points", token("fumiao.clerk"));
        Api.Answer pointsUnknown = api.get("api/v1/cases/" + yihe.prefix() + "-20200101-999999/delivery-points", clerk);
        Api.Answer pointsReviewer = api.get("api/v1/cases/" + number + "/delivery-points", token("mz.reviewer"));
        assertThat(pointsElsewhere.status()).isEqualTo(404);
        assertThat(pointsElsewhere.field("error")).isEqualTo("casework.case.not.found");
        assertThat(pointsUnknown.status()).isEqualTo(404);
        assertThat(pointsReviewer.status()).isEqualTo(403);

        Api.Answer wrongMode = api.postJson(delivery, clerk, "{\"mode\":\"DRONE\"}");
        Api.Answer unknownPoint = api.postJson(
                delivery, clerk, "{\"mode\":\"SERVICE_POINT\",\"servicePointId\":\"" + UUID.randomUUID() + "\"}");
        Api.Answer elsewhere = api.postJson(delivery, token("fumiao.clerk"), "{\"mode\":\"INTAKE_WINDOW\"}");
        assertThat(wrongMode.status()).isEqualTo(400);
        assertThat(wrongMode.field("error")).isEqualTo("casework.delivery.mode");
        assertThat(wrongMode.field("message")).contains("DRONE").contains("POST");
        assertThat(unknownPoint.status()).isEqualTo(400);
        assertThat(unknownPoint.field("error")).isEqualTo("casework.delivery.point.unknown");
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(state(number)).isEqualTo("DECIDED_APPROVED");
        assertThat(selectCount("select count(*) from case_decision_letter l join case_file c on c.id = l.case_id"
                        + " where c.case_number = '" + number + "'"))
                .as("nothing issued by a refused delivery")
                .isZero();

        Api.Answer held = api.postJson(delivery, clerk, "{\"mode\":\"INTAKE_WINDOW\"}");
        assertThat(held.status()).as(held.body()).isEqualTo(200);
        JsonObject issued = held.json().asJsonObject();
        assertThat(issued.getString("state")).isEqualTo("AWAITING_PICKUP");
        assertThat(openTasks(yihe.username("huagou.clerk"), number))
                .as("the result waits at the window: its delivery task stays in the window's queue until collected")
                .hasSize(1);
        // "The window that took it in" is the point that took it in.
        assertThat(issued.getJsonObject("delivery").getString("servicePoint")).isEqualTo("华沟村便民服务站");
        String letterNumber = issued.getJsonObject("decisionLetter").getString("documentNumber");
        assertThat(letterNumber).as("a benefit's series").matches(yihe.prefix() + "准予〔\\d{4}〕\\d{6}号");
        assertThat(issued.isNull("licence"))
                .as("最低生活保障 answers with a reply, no licence")
                .isTrue();
        assertThat(issued.getJsonArray("messages"))
                .extracting(m -> m.asJsonObject().getString("kind"))
                .containsExactly("ACCEPTED", "DECIDED", "READY_FOR_PICKUP");
        assertThat(issued.getJsonArray("textMessages"))
                .extracting(m -> m.asJsonObject().getString("recipient"))
                .containsOnly("138****5678");
        assertThat(held.body()).doesNotContain("13812345678");
        try (Connection su = TestDatabase.get().superuserConnection();
                Statement sql = su.createStatement();
                ResultSet rs = sql.executeQuery("select o::text from notification_outbox o join case_file c on"
                        + " c.id = o.case_id where c.case_number = '" + number + "'")) {
            int rows = 0;
            while (rs.next()) {
                rows++;
                assertThat(rs.getString(1)).contains("138****5678").doesNotContain("13812345678");
            }
            assertThat(rows).as("accepted, decided, ready for pickup").isEqualTo(3);
        }

        // An agent without an authorisation, or with an invalid ID number: refused, nothing changes.
        String pickup = "api/v1/cases/" + number + "/pickup";
        Api.Answer noAuthorisation =
                api.postJson(pickup, clerk, "{\"collectedBy\":\"李建国\",\"idNumber\":\"" + AGENT_ID + "\"}");
        Api.Answer badId = api.postJson(
                pickup,
                clerk,
                "{\"collectedBy\":\"李建国\",\"idNumber\":\"370321199005081230\",\"authorisation\":\"委托书 HG-2026-031\"}");
        assertThat(noAuthorisation.status()).isEqualTo(400);
        assertThat(noAuthorisation.field("error")).isEqualTo("casework.pickup.authorisation.required");
        assertThat(noAuthorisation.field("message")).contains("李建国").contains("授权委托书");
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.field("error")).isEqualTo("identity.resident.check");
        assertThat(state(number)).isEqualTo("AWAITING_PICKUP");

        Api.Answer collected = api.postJson(
                pickup,
                clerk,
                "{\"collectedBy\":\"李建国\",\"idNumber\":\"" + AGENT_ID + "\",\"authorisation\":\"委托书 HG-2026-031\"}");
        assertThat(collected.status()).as(collected.body()).isEqualTo(200);
        assertThat(collected.json().asJsonObject().getString("state")).isEqualTo("COMPLETED");
        assertThat(collected.body()).doesNotContain(AGENT_ID);
        assertThat(openTasks(yihe.username("huagou.clerk"), number))
                .as("collected: the window's delivery task is done")
                .isEmpty();
        try (Connection su = TestDatabase.get().superuserConnection();
                Statement sql = su.createStatement();
                ResultSet rs = sql.executeQuery(
                        "select pickup_id_masked, c::text from case_file c where case_number = '" + number + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("370321********4681");
            assertThat(rs.getString(2)).doesNotContain(AGENT_ID);
        }

        JsonObject progress = api.get("api/v1/progress/" + number + "?code=" + code, null)
                .json()
                .asJsonObject();
        assertThat(progress.getString("stage")).isEqualTo("COMPLETED");
        assertThat(progress.getString("completedOn"))
                .isEqualTo(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());

        var letter = pdf("api/v1/cases/" + number + "/decision.pdf?code=" + code, clerk);
        assertThat(letter.statusCode()).isEqualTo(200);
        try (var document = org.apache.pdfbox.Loader.loadPDF(letter.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("准予给付决定书")
                    .contains(number)
                    .contains(letterNumber)
                    .contains("最低生活保障")
                    .contains(code)
                    .doesNotContain(ID_NUMBER);
        }
        assertThat(pdf("api/v1/cases/" + number + "/decision.pdf?code=" + otherCode(code), clerk)
                        .statusCode())
                .isEqualTo(404);

        // The outbox is drained in the background under the county's system scope.
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(40);
        long pending;
        do {
            Thread.sleep(1000);
            pending = selectCount("select count(*) from notification_outbox o join case_file c on c.id = o.case_id"
                    + " where c.case_number = '" + number + "' and o.state <> 'SENT'");
        } while (pending > 0 && System.nanoTime() < deadline);
        assertThat(pending).as("text messages not sent yet").isZero();
    }

    @Test
    void aResultByPostCarriesItsTrackingNumberAndItsDeliveryCompletesTheCase() throws Exception {
        String clerk = token("huagou.clerk");
        String number = json(takeIn(clerk, key(), dibao(ID_NUMBER))).getString("caseNumber");
        decide(number);
        String delivery = "api/v1/cases/" + number + "/delivery";

        Api.Answer untracked =
                api.postJson(delivery, clerk, "{\"mode\":\"POST\",\"recipient\":\"王秀英\",\"address\":\"沂河县起凤镇华沟村3号\"}");
        assertThat(untracked.status()).isEqualTo(400);
        assertThat(untracked.field("error")).isEqualTo("casework.post.tracking.required");
        assertThat(state(number)).isEqualTo("DECIDED_APPROVED");
        assertThat(api.postJson("api/v1/cases/" + number + "/delivery-confirmation", clerk, "")
                        .status())
                .as("nothing posted yet")
                .isEqualTo(409);

        Api.Answer posted = api.postJson(
                delivery,
                clerk,
                "{\"mode\":\"POST\",\"recipient\":\"王秀英\",\"address\":\"沂河县起凤镇华沟村3号\","
                        + "\"phone\":\"13812345678\",\"trackingNumber\":\"1180012345678\"}");
        assertThat(posted.status()).as(posted.body()).isEqualTo(200);
        assertThat(posted.json().asJsonObject().getString("state")).isEqualTo("POSTED");
        assertThat(posted.json().asJsonObject().getJsonObject("delivery").getString("trackingNumber"))
                .isEqualTo("1180012345678");

        Api.Answer delivered = api.postJson("api/v1/cases/" + number + "/delivery-confirmation", clerk, "");
        assertThat(delivered.status()).as(delivered.body()).isEqualTo(200);
        assertThat(delivered.json().asJsonObject().getString("state")).isEqualTo("COMPLETED");
        try (var document = org.apache.pdfbox.Loader.loadPDF(
                pdf("api/v1/cases/" + number + "/decision.pdf", clerk).body())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document))
                    .contains(number)
                    .contains("最低生活保障")
                    .contains("1180012345678");
        }
    }

    @Test
    void theApplicantFetchesTheDecisionLetterByTheReceiptWithoutALogin() throws Exception {
        String clerk = token("huagou.clerk");
        JsonObject accepted = json(takeIn(clerk, key(), dibao(ID_NUMBER)));
        String number = accepted.getString("caseNumber");
        String code = accepted.getString("checkCode");
        String letterPath = "api/v1/progress/" + number + "/decision.pdf?code=";

        // The right code before the letter is issued: told so, without a login.
        Api.Answer early = api.get(letterPath + code, null);
        assertThat(early.status()).isEqualTo(404);
        assertThat(early.field("error")).isEqualTo("casework.progress.letter.not.issued");
        assertThat(early.field("message")).contains(number).contains("尚未出具");

        decide(number);
        Api.Answer held = api.postJson("api/v1/cases/" + number + "/delivery", clerk, "{\"mode\":\"INTAKE_WINDOW\"}");
        assertThat(held.status()).as(held.body()).isEqualTo(200);
        String letterNumber =
                held.json().asJsonObject().getJsonObject("decisionLetter").getString("documentNumber");

        var letter = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(base.resolve(letterPath + code.toLowerCase()))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(letter.statusCode()).isEqualTo(200);
        assertThat(letter.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/pdf"));
        try (var document = org.apache.pdfbox.Loader.loadPDF(letter.body())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document))
                    .contains("准予给付决定书")
                    .contains(number)
                    .contains(letterNumber)
                    .contains("最低生活保障")
                    .doesNotContain(ID_NUMBER);
        }
        // A wrong code: see repeatedWrongCheckCodesAreThrottledWhetherTheProgressOrTheDecisionLetterIsGuessedAt.
    }

    @Test
    void anApprovedLicenceItemIssuesItsLicenceOnceWithHolderAndValidityVisibleOnlyInItsScope() throws Exception {
        String clerk = token("huagou.clerk");
        String number = json(takeIn(
                        clerk,
                        key(),
                        "{\"itemCode\":\"CL-0001\",\"applicant\":{\"kind\":\"PERSON\",\"name\":\"王秀英\",\"idNumber\":\""
                                + ID_NUMBER + "\"},\"materials\":{\"ID_CARD\":{\"kind\":\"PAPER_SEEN\"},"
                                + "\"HOUSEHOLD_REGISTER\":{\"kind\":\"PAPER_SEEN\"},\"PHOTO\":{\"kind\":\"PAPER_SEEN\"},"
                                + "\"DISABILITY_ASSESSMENT\":{\"kind\":\"GOVERNMENT_DATA\",\"note\":\"评定结果\"}}}"))
                .getString("caseNumber");
        decide(number);
        String issue = "api/v1/cases/" + number + "/issuance";
        String licences = "select count(*) from licence l join case_file c on c.id = l.case_id where c.case_number = '"
                + number + "'";

        Api.Answer backwards =
                api.postJson(issue, clerk, "{\"licenceValidFrom\":\"2026-12-01\",\"licenceValidTo\":\"2026-11-01\"}");
        Api.Answer malformed = api.postJson(issue, clerk, "{\"licenceValidFrom\":\"2026-13-01\"}");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.field("error")).isEqualTo("casework.licence.validity");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.field("error")).isEqualTo("casework.date.format");
        assertThat(selectCount(licences)).isZero();

        Api.Answer issued =
                api.postJson(issue, clerk, "{\"licenceValidFrom\":\"2026-12-01\",\"licenceValidTo\":\"2031-11-30\"}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        JsonObject licence = issued.json().asJsonObject().getJsonObject("licence");
        assertThat(licence.getString("licenceNumber")).matches(yihe.prefix() + "-\\d{4}-\\d{6}");
        assertThat(licence.getString("licenceType")).isEqualTo("DISABILITY_CERT");
        assertThat(licence.getString("holderName")).isEqualTo("王秀英");
        assertThat(licence.getString("holderIdNumber")).isEqualTo("370321********1012");
        assertThat(licence.getString("validFrom")).isEqualTo("2026-12-01");
        assertThat(licence.getString("validTo")).isEqualTo("2031-11-30");

        Api.Answer again = api.postJson(issue, clerk, "{}");
        assertThat(again.json().asJsonObject().getJsonObject("licence")).isEqualTo(licence);
        assertThat(selectCount(licences)).isEqualTo(1);
        assertThat(api.get(issue, token("fumiao.clerk")).status()).isEqualTo(404);
        String byNumber =
                "select count(*) from licence where licence_number = '" + licence.getString("licenceNumber") + "'";
        assertThat(asApp(yihe.code("付庙村"), byNumber)).isZero();
        assertThat(asApp(yihe.code("华沟村"), byNumber)).isEqualTo(1);

        // The applicant chose the county's centre, and collects it there in person: no authorisation needed.
        UUID centre = yihe.point("沂河县");
        Api.Answer chosen = api.postJson(
                "api/v1/cases/" + number + "/delivery",
                clerk,
                "{\"mode\":\"SERVICE_POINT\",\"servicePointId\":\"" + centre + "\"}");
        assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);
        assertThat(chosen.json().asJsonObject().getJsonObject("delivery").getString("servicePoint"))
                .isEqualTo("沂河县便民服务中心");
        Api.Answer inPerson = api.postJson(
                "api/v1/cases/" + number + "/pickup",
                clerk,
                "{\"collectedBy\":\"王秀英\",\"idNumber\":\"" + ID_NUMBER + "\"}");
        assertThat(inPerson.status()).as(inPerson.body()).isEqualTo(200);
        assertThat(inPerson.json().asJsonObject().getString("state")).isEqualTo("COMPLETED");
    }

    @Test
    void aPointChosenForPickupIsKeptAfterItIsRenamedUntilTheCaseLeavesIt() throws Exception {
        // Arrange: a second station of 华沟村, chosen for pickup (统一出件) by a decided case, then renamed
        UUID point = yihe.addPoint("华沟村", "测试改名前站", "VILLAGE_STATION");
        String clerk = token("huagou.clerk");
        String number = json(takeIn(clerk, key(), dibao(ID_NUMBER))).getString("caseNumber");
        decide(number);
        Api.Answer chosen = api.postJson(
                "api/v1/cases/" + number + "/delivery",
                clerk,
                "{\"mode\":\"SERVICE_POINT\",\"servicePointId\":\"" + point + "\"}");
        assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);
        String county = token("county.admin");
        Api.Answer renamed = api.putJson(
                "api/v1/service-points/" + point,
                county,
                "{\"name\":\"测试改名后站\",\"version\":"
                        + api.get("api/v1/service-points/" + point, county)
                                .json()
                                .asJsonObject()
                                .getInt("version")
                        + "}");
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        int version = renamed.json().asJsonObject().getInt("version");
        String removal = "api/v1/service-points/" + point + "?version=" + version;

        // Act: the county's administrator removes the renamed point
        Api.Answer refused = api.delete(removal, county);
        Api.Exchange english = api.exchange("DELETE", removal, county, Map.of("Accept-Language", "en"), null);

        // Assert: the case keeps the point by its id (the name it printed is the old one), in both languages
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.field("error")).isEqualTo("casework.point.open.cases");
        assertThat(refused.field("message")).contains("1件在办件").contains("测试改名后站");
        assertThat(english.answer().status()).isEqualTo(409);
        assertThat(english.answer().field("message")).contains("1 open case(s)");
        assertThat(selectCount("select count(*) from service_point where id = '" + point + "' and name = '测试改名后站'"))
                .isEqualTo(1);
        assertThat(selectCount("select count(*) from case_file where case_number = '" + number
                        + "' and delivery_point = '测试改名前站' and delivery_point_id = '" + point + "'"))
                .isEqualTo(1);

        // The result is collected (办结): the point may go.
        Api.Answer collected = api.postJson(
                "api/v1/cases/" + number + "/pickup",
                clerk,
                "{\"collectedBy\":\"王秀英\",\"idNumber\":\"" + ID_NUMBER + "\"}");
        assertThat(collected.status()).as(collected.body()).isEqualTo(200);
        Api.Answer removed = api.delete(removal, county);
        assertThat(removed.status()).as(removed.body()).isEqualTo(204);
        assertThat(selectCount("select count(*) from service_point where id = '" + point + "'"))
                .isZero();
    }

    @Test
    void theIssuingBodyTheCountySetsIsPrintedOnTheReceiptTheDecisionLetterAndTheLicence() throws Exception {
        String countyAdmin = token("county.admin");
        String clerk = token("huagou.clerk");
        String body = "沂河县行政审批服务局";
        Api.Answer set = api.putJson("api/v1/settings/issuingBodyName", countyAdmin, "{\"value\":\"" + body + "\"}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        try {
            JsonObject accepted = json(takeIn(
                    clerk,
                    key(),
                    "{\"itemCode\":\"CL-0001\",\"applicant\":{\"kind\":\"PERSON\",\"name\":\"王秀英\",\"idNumber\":\""
                            + ID_NUMBER + "\"},\"materials\":{\"ID_CARD\":{\"kind\":\"PAPER_SEEN\"},"
                            + "\"HOUSEHOLD_REGISTER\":{\"kind\":\"PAPER_SEEN\"},\"PHOTO\":{\"kind\":\"PAPER_SEEN\"},"
                            + "\"DISABILITY_ASSESSMENT\":{\"kind\":\"GOVERNMENT_DATA\",\"note\":\"评定结果\"}}}"));
            String number = accepted.getString("caseNumber");
            decide(number);
            Api.Answer issued = api.postJson("api/v1/cases/" + number + "/issuance", clerk, "{}");
            assertThat(issued.status()).as(issued.body()).isEqualTo(200);

            String receipt =
                    pdfText("api/v1/cases/" + number + "/receipt.pdf?code=" + accepted.getString("checkCode"), clerk);
            String letter = pdfText("api/v1/cases/" + number + "/decision.pdf", clerk);
            String licence = pdfText("api/v1/cases/" + number + "/licence.pdf", clerk);

            assertThat(receipt).contains("受理通知书").contains(body);
            assertThat(letter).contains(number).contains(body);
            assertThat(licence)
                    .contains("中华人民共和国残疾人证")
                    .contains("发证机关" + body)
                    .contains("持证人王秀英")
                    .contains("370321********1012")
                    .doesNotContain(ID_NUMBER);
        } finally {
            assertThat(api.delete("api/v1/settings/issuingBodyName", countyAdmin)
                            .status())
                    .isIn(200, 204);
        }
        // Unset again: the window's notices name the service point as before.
        JsonObject later = json(takeIn(clerk, key(), dibao(ID_NUMBER)));
        assertThat(pdfText(
                        "api/v1/cases/" + later.getString("caseNumber") + "/receipt.pdf?code="
                                + later.getString("checkCode"),
                        clerk))
                .doesNotContain(body);
    }

    @Test
    void decisionLettersIssuedAtTheSameTimeGetDistinctNumbers() throws Exception {
        String clerk = token("huagou.clerk");
        java.util.List<String> numbers = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String number = json(takeIn(clerk, key(), dibao(ID_NUMBER))).getString("caseNumber");
            decide(number);
            numbers.add(number);
        }

        java.util.List<String> letters;
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(numbers.size())) {
            var answers = pool.invokeAll(numbers.stream()
                    .map(number -> (java.util.concurrent.Callable<Api.Answer>)
                            () -> api.postJson("api/v1/cases/" + number + "/issuance", clerk, "{}"))
                    .toList());
            letters = new java.util.ArrayList<>();
            for (var answer : answers) {
                assertThat(answer.get().status()).as(answer.get().body()).isEqualTo(200);
                letters.add(answer.get()
                        .json()
                        .asJsonObject()
                        .getJsonObject("decisionLetter")
                        .getString("documentNumber"));
            }
        }

        assertThat(letters).doesNotHaveDuplicates().hasSize(numbers.size());
    }

    /**
     * The department's decision, written as the review's approval writes it (without the three tiers' reviews):
     * approved today by the county 民政局's reviewer, the clock stopped, the step on the timeline.
     */
    private void decide(String number) throws Exception {
        String reviewer = yihe.username("mz.reviewer");
        try (Connection su = TestDatabase.get().superuserConnection();
                Statement sql = su.createStatement()) {
            sql.executeUpdate("insert into case_step (county_code, case_id, seq, tenant_code, occurred_at, action,"
                    + " from_state, to_state, actor, place) select c.county_code, c.id, (select count(*) + 1 from"
                    + " case_step s where s.case_id = c.id), c.tenant_code, now(), 'APPROVE', c.state,"
                    + " 'DECIDED_APPROVED', '" + reviewer + "', '" + yihe.name()
                    + "民政局' from case_file c where c.case_number = '"
                    + number + "'");
            sql.executeUpdate("update case_file set state = 'DECIDED_APPROVED', decision_approved = true,"
                    + " decision_basis = '《社会救助暂行办法》第十一条', decided_by = '" + reviewer + "',"
                    + " decided_on = (now() at time zone 'Asia/Shanghai')::date,"
                    + " clock_stopped_on = (now() at time zone 'Asia/Shanghai')::date where case_number = '"
                    + number + "'");
        }
    }

    private static String state(String number) throws Exception {
        try (Connection su = TestDatabase.get().superuserConnection();
                Statement sql = su.createStatement();
                ResultSet rs = sql.executeQuery("select state from case_file where case_number = '" + number + "'")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String withMobile(String body, String mobile) {
        // The applicant's name only: the form's household table names the applicant too (本人).
        String applicant = "\"applicant\":{\"kind\":\"PERSON\",\"name\":\"王秀英\",";
        return body.replace(applicant, applicant + "\"mobile\":\"" + mobile + "\",");
    }

    // --- the application form (申请表) -----------------------------------------------------------------------

    @Test
    void theLowIncomeFormIsKeptSealedAndShownWithItsHouseholdMembersIdNumbersMasked() throws Exception {
        String clerk = token("huagou.clerk");

        Api.Exchange taken = takeIn(clerk, key(), dibao(ID_NUMBER));

        assertThat(taken.answer().status()).as(taken.answer().body()).isEqualTo(201);
        JsonObject form = json(taken).getJsonObject("form");
        assertThat(form.getString("name")).isEqualTo("最低生活保障申请表");
        assertThat(form.getJsonArray("fields")).hasSize(7);
        JsonObject answers = form.getJsonObject("answers");
        assertThat(answers.getInt("householdSize")).isEqualTo(2);
        assertThat(answers.getJsonArray("members").getJsonObject(1).getString("idNumber"))
                .isEqualTo("370321********4681");
        assertThat(answers.getJsonArray("members").getJsonObject(1).getString("name"))
                .isEqualTo("李建国");
        assertThat(answers.getJsonNumber("monthlyHouseholdIncome").toString()).isEqualTo("260.00");
        assertThat(answers.getString("phone")).isEqualTo("138****1234");

        String number = json(taken).getString("caseNumber");
        JsonObject read = api.get("api/v1/cases/" + number, clerk).json().asJsonObject();
        assertThat(read.getJsonObject("form")).isEqualTo(form);
        assertThat(read.toString()).doesNotContain(AGENT_ID);
        // At rest: the answers sealed, the masked copy without the numbers.
        String where = " from case_file where case_number = '" + number + "'";
        assertThat(selectText("select form_answers_sealed" + where))
                .startsWith("pd1:")
                .doesNotContain(AGENT_ID)
                .doesNotContain("王秀英");
        assertThat(selectText("select form_answers_masked::text" + where)).doesNotContain(AGENT_ID);
        assertThat(selectText("select form_definition->>'name'" + where)).isEqualTo("最低生活保障申请表");
    }

    @Test
    void eachWrongAnswerOfTheFormIsRefusedNamingItsFieldAndNothingIsStored() throws Exception {
        String clerk = token("huagou.clerk");
        long cases = selectCount(cases());
        long audit = selectCount(audit() + " and action not like 'login.%'");
        JsonObject valid = DemoFormAnswers.of(DIBAO);
        String member = valid.getJsonArray("members").getJsonObject(1).toString();
        Map<String, String[]> wrong = new java.util.LinkedHashMap<>();
        wrong.put(
                "\"members\":[" + member.replace(AGENT_ID, "370321194510014682") + "]",
                new String[] {"members[0].idNumber", "identity.resident.check", "校验码"});
        wrong.put(
                "\"members\":[" + member.replace(AGENT_ID, "370321451001468") + "]",
                new String[] {"members[0].idNumber", "identity.resident.legacy", "18位"});
        wrong.put(
                "\"members\":[" + member.replace("配偶", "表亲") + "]",
                new String[] {"members[0].relation", "catalog.form.answer.option", "与申请人关系"});
        wrong.put("\"householdSize\":0", new String[] {"householdSize", "catalog.form.answer.min", "不能小于1"});
        wrong.put("\"householdSize\":\"两\"", new String[] {"householdSize", "catalog.form.answer.integer", "整数"});
        wrong.put(
                "\"monthlyHouseholdIncome\":260.555",
                new String[] {"monthlyHouseholdIncome", "catalog.form.answer.money", "两位小数"});
        wrong.put("\"bankAccount\":\"6228-48\"", new String[] {"bankAccount", "catalog.form.answer.pattern", "银行账号"});
        wrong.put("\"phone\":\"12345\"", new String[] {"phone", "catalog.form.answer.phone", "手机号码"});
        wrong.put("\"bankName\":\"沂河农商银行\\n起凤支行\"", new String[] {"bankName", "text.line-break", "只能填一行"});
        wrong.put(
                "\"householdIncomeNote\":\"无\"",
                new String[] {"householdIncomeNote", "catalog.form.answer.unknown", "没有"});
        wrong.put("\"members\":[]", new String[] {"members", "catalog.form.answer.required", "家庭成员"});

        for (var entry : wrong.entrySet()) {
            String field = entry.getKey().substring(1, entry.getKey().indexOf('"', 1));
            String answers =
                    Json.createObjectBuilder(valid).remove(field).build().toString();
            String body = dibao(ID_NUMBER)
                    .replace(valid.toString(), answers.substring(0, answers.length() - 1) + "," + entry.getKey() + "}");
            Api.Answer refused = takeIn(clerk, key(), body).answer();

            String[] expected = entry.getValue();
            assertThat(refused.status())
                    .as(entry.getKey() + " " + refused.body())
                    .isEqualTo(400);
            assertThat(refused.field("error")).isEqualTo("catalog.form.answers.refused");
            JsonObject error =
                    refused.json().asJsonObject().getJsonArray("errors").getJsonObject(0);
            assertThat(refused.json().asJsonObject().getJsonArray("errors")).hasSize(1);
            assertThat(error.getString("field")).isEqualTo(expected[0]);
            assertThat(error.getString("error")).isEqualTo(expected[1]);
            assertThat(error.getString("message")).contains(expected[2]);
        }
        // No form at all: every required field named at once.
        Api.Answer none = takeIn(clerk, key(), dibao(ID_NUMBER).replace("," + DemoFormAnswers.inBody(DIBAO), ""))
                .answer();
        assertThat(none.status()).as(none.body()).isEqualTo(400);
        assertThat(none.json().asJsonObject().getJsonArray("errors"))
                .extracting(e -> e.asJsonObject().getString("field"))
                .containsExactly(
                        "householdSize",
                        "members",
                        "monthlyHouseholdIncome",
                        "reason",
                        "bankName",
                        "bankAccount",
                        "phone");
        // Answers sent for an item that has no form (城乡居民基本医疗保险参保登记).
        Api.Answer formless = takeIn(
                        clerk,
                        key(),
                        "{\"itemCode\":\"YB-0001\",\"applicant\":{\"kind\":\"PERSON\",\"name\":\"王秀英\",\"idNumber\":\""
                                + ID_NUMBER + "\"},\"materials\":{},\"form\":{\"phone\":\"13805331234\"}}")
                .answer();
        assertThat(formless.status()).as(formless.body()).isEqualTo(400);
        assertThat(formless.field("error")).isEqualTo("casework.form.absent");

        assertThat(selectCount(cases())).isEqualTo(cases);
        assertThat(selectCount(audit() + " and action not like 'login.%'")).isEqualTo(audit);
    }

    // --- bad input --------------------------------------------------------------------------------------

    @Test
    void anInvalidIdNumberOrMobileIsRefusedWithItsReasonAndNothingIsCreated() throws Exception {
        String clerk = token("huagou.clerk");
        long cases = selectCount(cases());
        long audit = selectCount(audit() + " and action not like 'login.%'");

        Api.Answer wrongCheck =
                takeIn(clerk, key(), dibao("370321199005081230")).answer();
        Api.Answer legacy = takeIn(clerk, key(), dibao("370321580312101")).answer();

        assertThat(wrongCheck.status()).isEqualTo(400);
        assertThat(wrongCheck.field("error")).isEqualTo("identity.resident.check");
        assertThat(wrongCheck.field("message")).contains("校验码").contains("应为");
        assertThat(legacy.status()).isEqualTo(400);
        assertThat(legacy.field("error")).isEqualTo("identity.resident.legacy");
        assertThat(legacy.field("message")).contains("18位");
        Api.Answer landline = takeIn(clerk, key(), withMobile(dibao(ID_NUMBER), "0533-8123456"))
                .answer();
        assertThat(landline.status()).isEqualTo(400);
        assertThat(landline.field("error")).isEqualTo("casework.mobile.format");
        assertThat(landline.field("message")).contains("11位手机号");
        assertThat(selectCount(cases())).isEqualTo(cases);
        assertThat(selectCount(audit() + " and action not like 'login.%'")).isEqualTo(audit);
    }

    @Test
    void anItemNotTakenInAtTheVillageTierIsRefusedAndNothingIsCreated() throws Exception {
        String clerk = token("huagou.clerk");
        long cases = selectCount(cases());

        Api.Answer refused = takeIn(
                        clerk,
                        key(),
                        "{\"itemCode\":\"GA-0001\",\"applicant\":{\"kind\":\"PERSON\",\"name\":\"王秀英\",\"idNumber\":\""
                                + ID_NUMBER + "\"},\"materials\":{}}")
                .answer();

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.field("error")).isEqualTo("casework.intake.tier");
        assertThat(refused.field("message")).contains("无犯罪记录证明开具").contains("村");
        assertThat(selectCount(cases())).isEqualTo(cases);
    }

    @Test
    void aReplayedKeyAnswersTheSameAndAReplayWithAnotherBodyIsRefused() throws Exception {
        String clerk = token("huagou.clerk");
        String key = key();
        long cases = selectCount(cases());

        Api.Exchange first = takeIn(clerk, key, dibao(ID_NUMBER));
        Api.Exchange again = takeIn(clerk, key, dibao(ID_NUMBER));
        Api.Exchange other = takeIn(clerk, key, dibao(ID_NUMBER, "INCOME_STATEMENT"));

        assertThat(first.answer().status()).isEqualTo(201);
        assertThat(again.answer().status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).contains("true");
        assertThat(json(again)).isEqualTo(json(first));
        assertThat(other.answer().status()).isEqualTo(422);
        assertThat(other.answer().field("error")).isEqualTo("casework.idempotency.mismatch");
        assertThat(other.answer().field("message")).contains(key).contains("新的幂等键");
        assertThat(selectCount(cases())).isEqualTo(cases + 1);

        // Without a key nothing is taken in.
        Api.Answer keyless = api.postJson("api/v1/cases", clerk, dibao(ID_NUMBER));
        assertThat(keyless.status()).isEqualTo(400);
        assertThat(keyless.field("error")).isEqualTo("casework.idempotency.key.required");
        assertThat(selectCount(cases())).isEqualTo(cases + 1);
    }

    @Test
    void aUsccFailingItsCheckIsTakenInOnlyWithAWindowLeadsRecordedOverride() throws Exception {
        String admin = token("county.admin");
        Api.Answer created = api.postJson(
                "api/v1/tenants/" + yihe.code("华沟村") + "/accounts",
                admin,
                "{\"username\":\"" + yihe.username("huagou.lead")
                        + "\",\"displayName\":\"华沟村窗口负责人\",\"password\":\"Lead-Password-1\","
                        + "\"roles\":[\"WINDOW_LEAD\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String clerk = token("huagou.clerk");
        String lead = api.token(yihe.username("huagou.lead"), "Lead-Password-1");
        long cases = selectCount(cases());

        Api.Answer plain = takeIn(clerk, key(), pilotOrganisation(null)).answer();
        Api.Answer clerkOverride =
                takeIn(clerk, key(), pilotOrganisation("早期试点代码，已核对营业执照原件")).answer();
        Api.Answer malformed = takeIn(lead, key(), pilotOrganisation("早期试点代码").replace("RT20A", "RTI00"))
                .answer();

        assertThat(plain.status()).isEqualTo(400);
        assertThat(plain.field("error")).isEqualTo("identity.uscc.check");
        assertThat(clerkOverride.status()).isEqualTo(403);
        assertThat(clerkOverride.field("error")).isEqualTo("casework.uscc.override.lead");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.field("error")).isEqualTo("identity.uscc.character");
        assertThat(selectCount(cases())).isEqualTo(cases);

        Api.Exchange overridden = takeIn(lead, key(), pilotOrganisation("早期试点代码，已核对营业执照原件"));
        assertThat(overridden.answer().status()).as(overridden.answer().body()).isEqualTo(201);
        JsonObject applicant = json(overridden).getJsonObject("applicant");
        assertThat(applicant.getString("uscc")).isEqualTo("91370321MA3C4RT20A");
        assertThat(applicant.getString("legalRepresentative")).isEqualTo("张海");
        assertThat(applicant.getString("usccCheckOverriddenBy")).isEqualTo(yihe.username("huagou.lead"));
        assertThat(selectCount(audit() + " and action = 'casework.uscc.override'"))
                .isEqualTo(1);
    }

    @Test
    void aRefusalToAcceptNeedsAReasonAndEndsTheCase() {
        String clerk = token("huagou.clerk");
        String id = json(takeIn(clerk, key(), dibao(ID_NUMBER, "CHECK_AUTHORISATION")))
                .getString("id");

        Api.Answer noReason = api.postJson(
                "api/v1/cases/" + id + "/refusal", clerk, "{\"reason\":\" \",\"legalBasis\":\"《行政许可法》第三十二条\"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.field("error")).isEqualTo("casework.refusal.reason.required");
        assertThat(api.get("api/v1/cases/" + id, clerk).json().asJsonObject().getString("state"))
                .isEqualTo("AWAITING_SUPPLEMENTS");

        Api.Answer refused = api.postJson(
                "api/v1/cases/" + id + "/refusal",
                clerk,
                "{\"reason\":\"申请人户籍不在本县\",\"legalBasis\":\"《社会救助暂行办法》第十一条\"}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(200);
        assertThat(refused.json().asJsonObject().getString("state")).isEqualTo("REFUSED");
        assertThat(refused.json().asJsonObject().getJsonObject("refusal").getString("reason"))
                .isEqualTo("申请人户籍不在本县");

        Api.Answer late = api.postJson(
                "api/v1/cases/" + id + "/supplements",
                clerk,
                "{\"materials\":{\"CHECK_AUTHORISATION\":{\"kind\":\"PAPER_SEEN\"}}}");
        assertThat(late.status()).isEqualTo(409);
    }

    @Test
    void anIntakeBodyThatBreaksItsRecordsRulesIsRefusedFieldByFieldInBothLanguagesAndNothingIsTakenIn() {
        String clerk = token("huagou.clerk");
        String key = key();
        String cases = cases();
        long before = selectCount(cases);
        String broken = "{\"applicant\":{\"kind\":\"PERSON\",\"name\":\"  \",\"idNumber\":\"" + ID_NUMBER
                + "\"},\"agent\":{\"name\":\"\",\"idNumber\":\"" + AGENT_ID + "\"}}";

        Api.Answer chinese = takeIn(clerk, key, broken).answer();
        Api.Answer english = api.exchange(
                        "POST", "api/v1/cases", clerk, Map.of("Idempotency-Key", key, "Accept-Language", "en"), broken)
                .answer();
        Api.Answer noApplicant =
                takeIn(clerk, key, "{\"itemCode\":\"" + DIBAO + "\"}").answer();
        Api.Answer noBody = takeIn(clerk, key, "null").answer();

        // The first field in the record's order answers as the service did; every field is named.
        assertRefused(
                chinese,
                english,
                "casework.intake.item.required",
                "请选择要办理的事项",
                "Choose the item to apply for",
                "itemCode casework.intake.item.required",
                "applicant.name casework.applicant.name.required",
                "agent.name casework.agent.name.required",
                "agent.authorisation casework.agent.authorisation.required");
        assertThat(chinese.json().asJsonObject().getJsonArray("errors"))
                .extracting(e -> e.asJsonObject().getString("message"))
                .contains("请填写申请人名称", "请填写代办人姓名", "代办须登记授权委托书");
        assertThat(english.json().asJsonObject().getJsonArray("errors"))
                .extracting(e -> e.asJsonObject().getString("message"))
                .contains("Please enter the applicant name", "An agent needs a recorded authorisation");
        assertThat(noApplicant.status()).isEqualTo(400);
        assertThat(noApplicant.field("error")).isEqualTo("casework.applicant.required");
        assertThat(noApplicant.field("message")).isEqualTo("请填写申请人");
        assertThat(noBody.status()).isEqualTo(400);
        assertThat(noBody.field("error")).isEqualTo("request.body.required");
        assertThat(selectCount(cases)).isEqualTo(before);

        // The key was not spent: the same key takes the whole application in.
        Api.Exchange taken = takeIn(clerk, key, dibao(ID_NUMBER));
        assertThat(taken.answer().status()).as(taken.answer().body()).isEqualTo(201);
        assertThat(selectCount(cases)).isEqualTo(before + 1);
    }

    @Test
    void refusalWithdrawalAndSupplementBodiesThatBreakTheirRulesAreRefusedFieldByFieldAndChangeNothing() {
        String clerk = token("huagou.clerk");
        String id = json(takeIn(clerk, key(), dibao(ID_NUMBER, "CHECK_AUTHORISATION")))
                .getString("id");
        String steps =
                "select count(*) from case_step s join case_file c on c.id = s.case_id where c.id = '" + id + "'";
        long before = selectCount(steps);

        assertRefused(
                api.postJson("api/v1/cases/" + id + "/refusal", clerk, "{\"reason\":\" \"}"),
                english("api/v1/cases/" + id + "/refusal", clerk, "{}"),
                "casework.refusal.reason.required",
                "请填写不予受理的理由",
                "Please give the reason for refusing to accept",
                "reason casework.refusal.reason.required",
                "legalBasis casework.refusal.basis.required");
        assertRefused(
                api.postJson("api/v1/cases/" + id + "/refusal", clerk, "{\"reason\":\"户籍不在本县\"}"),
                english("api/v1/cases/" + id + "/refusal", clerk, "{\"reason\":\"户籍不在本县\"}"),
                "casework.refusal.basis.required",
                "请填写不予受理的法律依据",
                "Please give the legal basis for refusing to accept",
                "legalBasis casework.refusal.basis.required");
        assertRefused(
                api.postJson("api/v1/cases/" + id + "/withdrawal", clerk, "{}"),
                english("api/v1/cases/" + id + "/withdrawal", clerk, "{\"reason\":\"\"}"),
                "casework.withdrawal.reason.required",
                "请填写撤回原因",
                "Please give the reason for the withdrawal",
                "reason casework.withdrawal.reason.required");
        assertRefused(
                api.postJson("api/v1/cases/" + id + "/supplements", clerk, "{}"),
                english("api/v1/cases/" + id + "/supplements", clerk, "{\"materials\":null}"),
                "casework.supplements.materials.required",
                "请填写补正收到的材料及其核验标记",
                "Please mark the materials brought as supplements",
                "materials casework.supplements.materials.required");
        for (String action : List.of("refusal", "withdrawal", "supplements")) {
            Api.Answer none = api.post("api/v1/cases/" + id + "/" + action, clerk, "application/json", "");
            assertThat(none.status()).as(action).isEqualTo(400);
            assertThat(none.field("error")).as(action).isEqualTo("request.body.required");
        }

        assertThat(selectCount(steps)).isEqualTo(before);
        assertThat(api.get("api/v1/cases/" + id, clerk).field("state")).isEqualTo("AWAITING_SUPPLEMENTS");
    }

    private Api.Answer english(String path, String token, String body) {
        return api.exchange("POST", path, token, Map.of("Accept-Language", "en"), body)
                .answer();
    }

    /** 400 in both languages with {@code key} first and exactly {@code fields} ("field key") in errors[]. */
    private static void assertRefused(
            Api.Answer chinese, Api.Answer english, String key, String zh, String en, String... fields) {
        assertThat(chinese.status()).as(chinese.body()).isEqualTo(400);
        assertThat(chinese.field("error")).isEqualTo(key);
        assertThat(chinese.field("message")).isEqualTo(zh);
        assertThat(chinese.json().asJsonObject().getJsonArray("errors"))
                .extracting(e -> e.asJsonObject().getString("field") + " "
                        + e.asJsonObject().getString("error"))
                .containsExactlyInAnyOrder(fields);
        assertThat(english.status()).as(english.body()).isEqualTo(400);
        assertThat(english.field("error")).isEqualTo(key);
        assertThat(english.field("message")).isEqualTo(en);
        assertThat(english.json().asJsonObject().getJsonArray("errors")).hasSize(fields.length);
    }

    @Test
    void correctionAndRefusalNoticesIssuedAtOnceGetDistinctNumbersOfTheCountysYearlySeriesPrintedOnThem()
            throws Exception {
        String clerk = token("huagou.clerk");
        String year = String.valueOf(LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear());
        List<String> ids = new java.util.ArrayList<>();
        List<String> corrections = new java.util.ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            var taken = pool.invokeAll(java.util.stream.IntStream.range(0, 4)
                    .mapToObj(i -> (java.util.concurrent.Callable<Api.Exchange>)
                            () -> takeIn(clerk, key(), dibao(ID_NUMBER, "INCOME_STATEMENT")))
                    .toList());
            for (var exchange : taken) {
                JsonObject answer = json(exchange.get());
                assertThat(answer.getString("state")).isEqualTo("AWAITING_SUPPLEMENTS");
                ids.add(answer.getString("id"));
                corrections.add(answer.getJsonObject("correctionNotice").getString("documentNumber"));
            }
        }
        assertThat(corrections)
                .doesNotHaveDuplicates()
                .allMatch(n -> n.matches(yihe.prefix() + "补正〔" + year + "〕\\d{6}号"));

        // Two refusals at once: distinct numbers of the refusal series; a refusal without reason draws none.
        long drawn =
                selectCount("select coalesce(max(last_value), 0) from document_number_sequence where series = 'REFUSAL'"
                        + " and county_code = '" + yihe.code() + "' and year = " + year);
        Api.Answer noReason = api.postJson(
                "api/v1/cases/" + ids.get(0) + "/refusal", clerk, "{\"reason\":\"\",\"legalBasis\":\"第三十二条\"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.field("error")).isEqualTo("casework.refusal.reason.required");
        List<String> refusals = new java.util.ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            var refused = pool.invokeAll(ids.subList(0, 2).stream()
                    .map(id -> (java.util.concurrent.Callable<Api.Answer>) () -> api.postJson(
                            "api/v1/cases/" + id + "/refusal",
                            clerk,
                            "{\"reason\":\"申请人户籍不在本县\",\"legalBasis\":\"《社会救助暂行办法》第十一条\"}"))
                    .toList());
            for (var answer : refused) {
                assertThat(answer.get().status()).as(answer.get().body()).isEqualTo(200);
                refusals.add(answer.get()
                        .json()
                        .asJsonObject()
                        .getJsonObject("refusal")
                        .getString("documentNumber"));
            }
        }
        assertThat(refusals)
                .doesNotHaveDuplicates()
                .allMatch(n -> n.matches(yihe.prefix() + "不予受理〔" + year + "〕\\d{6}号"));
        assertThat(refusals.stream()
                        .map(n -> Long.parseLong(n.replaceAll("\\D", "").substring(10))))
                .as("the next two: the attempt without a reason drew no number")
                .containsExactlyInAnyOrder(drawn + 1, drawn + 2);

        // Printed on the notices, and on the case as the page and REST read it.
        try (var document =
                org.apache.pdfbox.Loader.loadPDF(pdf("api/v1/cases/" + ids.get(2) + "/correction-notice.pdf", clerk)
                        .body())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document))
                    .contains("补正")
                    .contains(corrections.get(2));
        }
        String refusedId = ids.get(0);
        JsonObject refusedCase =
                api.get("api/v1/cases/" + refusedId, clerk).json().asJsonObject();
        String refusalNumber = refusedCase.getJsonObject("refusal").getString("documentNumber");
        try (var document = org.apache.pdfbox.Loader.loadPDF(
                pdf("api/v1/cases/" + refusedId + "/refusal-notice.pdf", clerk).body())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document))
                    .contains("不予受理")
                    .contains(refusalNumber);
        }
        assertThat(api.get("api/v1/cases/" + ids.get(3), clerk)
                        .json()
                        .asJsonObject()
                        .getJsonObject("correctionNotice")
                        .getString("documentNumber"))
                .isEqualTo(corrections.get(3));
    }

    @Test
    void onlyClerksAndWindowLeadsTakeInAndConsultationsAreRecorded() {
        Api.Answer reviewer =
                takeIn(token("mz.reviewer"), key(), dibao(ID_NUMBER)).answer();
        assertThat(reviewer.status()).isEqualTo(403);

        Api.Answer consultation = api.postJson(
                "api/v1/consultations",
                token("huagou.clerk"),
                "{\"question\":\"低保需要带哪些材料？\",\"answer\":\"身份证、户口簿、收入声明和核对授权书\",\"itemCode\":\"MZ-0001\"}");
        assertThat(consultation.status()).as(consultation.body()).isEqualTo(201);
        assertThat(consultation.field("answeredBy")).isEqualTo(yihe.username("huagou.clerk"));
        Api.Answer empty = api.postJson("api/v1/consultations", token("huagou.clerk"), "{\"question\":\"\"}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.field("error")).isEqualTo("casework.consultation.question.required");
    }

    @Test
    void theDatabaseItselfHidesAVillagesCasesFromAnotherEvenForACraftedQuery() throws Exception {
        String number =
                json(takeIn(token("huagou.clerk"), key(), dibao(ID_NUMBER))).getString("caseNumber");
        String byNumber = "select count(*) from case_file where case_number = '" + number + "'";
        String itsSteps =
                "select count(*) from case_step s join case_file c on c.id = s.case_id where c.case_number = '" + number
                        + "'";

        assertThat(asApp(yihe.code("付庙村"), byNumber)).isZero();
        assertThat(asApp(yihe.code("付庙村"), itsSteps)).isZero();
        assertThat(asApp(yihe.code("华沟村"), byNumber)).isEqualTo(1);
        assertThat(asApp(yihe.code("华沟村"), itsSteps))
                .as("received, marked, accepted")
                .isEqualTo(3);
        assertThat(asApp(yihe.code("起凤镇").substring(0, 9), byNumber)).isEqualTo(1);
        // The sequences are reached only through ow_next_case_sequence, never read or written directly.
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> asApp(yihe.prefix(), "select count(*) from case_number_sequence"))
                .hasMessageContaining("permission denied");

        try (Connection su = TestDatabase.get().superuserConnection();
                Statement sql = su.createStatement();
                ResultSet rs = sql.executeQuery("select relname from pg_class where relname in ('case_file',"
                        + " 'case_material', 'case_step', 'case_pause', 'consultation', 'case_number_sequence',"
                        + " 'idempotency_key') and relrowsecurity and relforcerowsecurity")) {
            int guarded = 0;
            while (rs.next()) {
                guarded++;
            }
            assertThat(guarded)
                    .as("tables with row-level security enabled and forced")
                    .isEqualTo(7);
        }
    }

    @Test
    void theOpenApiDocumentListsTheCaseOperations() {
        Api.Answer openapi = api.get("openapi", null);
        assertThat(openapi.body())
                .contains("/api/v1/cases/{caseNumber}/supplements")
                .contains("/api/v1/progress/{caseNumber}")
                .contains("/api/v1/cases/{caseNumber}/pickup")
                .contains("/api/v1/cases/{caseNumber}/decision.pdf")
                .contains("/api/v1/progress/{caseNumber}/decision.pdf")
                .contains("withdrawCase")
                .contains("deliverCaseResult")
                .contains("takeInCase")
                .contains("getCaseProgress");
    }

    // --- demo cases ---------------------------------------------------------------------------------------

    @Test
    void theDemoCasesAreThereAtTheVillageAndTheirReceiptOpensTheProgress() throws Exception {
        String clerk = api.token("huagou.clerk", PASSWORD);
        String huagou = "'" + DemoData.HUAGOU + "'";
        assertThat(selectCount("select count(*) from case_file where tenant_code = " + huagou
                        + " and case_number is not null"))
                .as("accepted demo cases at 华沟村")
                .isGreaterThanOrEqualTo(2 * DemoCases.PER_OUTCOME);
        assertThat(selectCount("select count(distinct state) from case_file where tenant_code = " + huagou))
                .isGreaterThanOrEqualTo(3);
        // Issued (出件) at 华沟村 too: one result waiting at its window, in its clerk's queue, one posted with its
        // tracking number, each with its decision letter numbered.
        String issued = "select c.case_number from idempotency_key k join case_file c on c.id = k.case_id"
                + " where k.tenant_code = " + huagou + " and k.idem_key = ";
        String waiting = selectText(issued + "'demo-issued-1'");
        String posted = selectText(issued + "'demo-issued-2'");
        assertThat(state(waiting)).isEqualTo("AWAITING_PICKUP");
        assertThat(state(posted)).isEqualTo("POSTED");
        assertThat(selectText("select post_tracking_number from case_file where case_number = '" + posted + "'"))
                .matches("1180\\d{9}");
        assertThat(selectCount("select count(*) from case_decision_letter l join case_file c on c.id = l.case_id"
                        + " where c.case_number in ('" + waiting + "', '" + posted + "')"))
                .isEqualTo(2);
        assertThat(api.get("api/v1/tasks?q=" + waiting, clerk)
                        .json()
                        .asJsonObject()
                        .getJsonArray("tasks"))
                .extracting(t -> t.asJsonObject().getString("kind"))
                .containsExactly("WINDOW_DELIVERY");

        // The demo's refusals cite the law that governs their item: the Licensing Law only for a licence.
        String demoRefusals = "select count(*) from case_file where state = 'REFUSED' and refusal_reason like '%（演示）'";
        assertThat(selectCount(demoRefusals)).as("the demo refuses some cases").isPositive();
        assertThat(selectCount(demoRefusals + " and refusal_basis like '%行政许可法%'"
                        + " and coalesce(item_snapshot ->> 'itemType', '') <> 'ADMINISTRATIVE_LICENCE'"))
                .isZero();

        // The first demo case at 华沟村, as the clerk sees it, replayed by its key with the same application: the
        // receipt's answer again, check code included, and nothing taken in.
        DemoCasePlan.Planned first =
                DemoCasePlan.plan(DemoCasePlan.WINDOWS, DemoCases.PER_OUTCOME).get(0);
        assertThat(first.window().tenantCode()).isEqualTo(DemoData.HUAGOU);
        String number = selectText("select c.case_number from idempotency_key k join case_file c on c.id = k.case_id"
                + " where k.tenant_code = " + huagou + " and k.idem_key = '" + first.key() + "'");
        JsonObject seen = api.get("api/v1/cases/" + number, clerk).json().asJsonObject();
        assertThat(seen.getJsonObject("applicant").getString("name")).isEqualTo(first.applicantName());
        long cases = selectCount("select count(*) from case_file");
        String itemCode = seen.getJsonObject("item").getString("code");
        var application = Json.createObjectBuilder()
                .add("itemCode", itemCode)
                .add(
                        "applicant",
                        Json.createObjectBuilder()
                                .add("kind", "PERSON")
                                .add("name", first.applicantName())
                                .add("idNumber", first.idNumber()))
                .add("materials", seen.getJsonObject("materials"));
        if (!seen.isNull("form")) {
            application.add(
                    "form",
                    DemoCases.aboutApplicant(DemoFormAnswers.of(itemCode), first.applicantName(), first.idNumber()));
        }
        Api.Exchange replayed = takeIn(clerk, first.key(), application.build().toString());
        assertThat(replayed.answer().status()).as(replayed.answer().body()).isEqualTo(201);
        assertThat(replayed.header("Idempotent-Replayed")).contains("true");
        assertThat(selectCount("select count(*) from case_file")).isEqualTo(cases);

        String code = json(replayed).getString("checkCode");
        Api.Answer progress = api.get("api/v1/progress/" + number + "?code=" + code, null);
        assertThat(progress.status()).as(progress.body()).isEqualTo(200);
        assertThat(progress.json().asJsonObject().getString("caseNumber")).isEqualTo(number);
    }

    // --- helpers ----------------------------------------------------------------------------------------

    /** A token of this county's account named {@code local} ({@code huagou.clerk}, {@code county.admin}, …). */
    private String token(String local) {
        return yihe.token(yihe.username(local));
    }

    /** Counts this county's cases: a query to add conditions to. */
    private String cases() {
        return "select count(*) from case_file where county_code = '" + yihe.code() + "'";
    }

    /** Counts this county's audit entries: a query to add conditions to. */
    private String audit() {
        return "select count(*) from audit_entry where county_code = '" + yihe.code() + "'";
    }

    private Api.Exchange takeIn(String token, String key, String body) {
        return api.exchange("POST", "api/v1/cases", token, Map.of("Idempotency-Key", key), body);
    }

    /** 低保 for a person with its application form filled in, every mandatory material marked except those named. */
    static String dibao(String idNumber, String... missing) {
        StringBuilder materials = new StringBuilder();
        Map<String, String> marks = new java.util.LinkedHashMap<>();
        marks.put("ID_CARD", "{\"kind\":\"GOVERNMENT_DATA\",\"note\":\"电子身份证\"}");
        marks.put("HOUSEHOLD_REGISTER", "{\"kind\":\"PAPER_SEEN\"}");
        marks.put("INCOME_STATEMENT", "{\"kind\":\"SCANNED_UPLOAD\",\"note\":\"sha256:9f2c\"}");
        marks.put("CHECK_AUTHORISATION", "{\"kind\":\"PAPER_SEEN\"}");
        marks.put("FAMILY_ASSETS", "{\"kind\":\"GOVERNMENT_DATA\",\"note\":\"核对报告\"}");
        for (String code : missing) {
            marks.remove(code);
        }
        marks.forEach((code, mark) -> materials
                .append(materials.isEmpty() ? "" : ",")
                .append('"')
                .append(code)
                .append("\":")
                .append(mark));
        return "{\"itemCode\":\"" + DIBAO + "\",\"applicant\":{\"kind\":\"PERSON\",\"name\":\"王秀英\",\"idNumber\":\""
                + idNumber + "\"},\"materials\":{" + materials + "}," + DemoFormAnswers.inBody(DIBAO) + "}";
    }

    /** 低保 applied for by an organisation whose pilot-era code fails its check character. */
    private static String pilotOrganisation(String overrideReason) {
        String body = dibao(ID_NUMBER);
        return body.replace(
                "\"applicant\":{\"kind\":\"PERSON\",\"name\":\"王秀英\",\"idNumber\":\"" + ID_NUMBER + "\"}",
                "\"applicant\":{\"kind\":\"ORGANISATION\",\"name\":\"沂河县华沟养老互助社\",\"uscc\":\"91370321MA3C4RT20A\","
                        + "\"legalRepresentative\":\"张海\""
                        + (overrideReason == null ? "" : ",\"usccOverrideReason\":\"" + overrideReason + "\"")
                        + "}");
    }

    private static String dibaoWithAgent(String idNumber) {
        String body = dibao(idNumber);
        return body.substring(0, body.length() - 1) + ",\"agent\":{\"name\":\"李建国\",\"idNumber\":\"" + AGENT_ID
                + "\",\"authorisation\":\"委托书 HG-2026-017\"}}";
    }

    private static JsonObject json(Api.Exchange exchange) {
        return exchange.answer().json().asJsonObject();
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private static String today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).format(DateTimeFormatter.BASIC_ISO_DATE);
    }

    /** Another well-formed code: the first character changed. */
    private static String otherCode(String code) {
        return (code.charAt(0) == '2' ? "3" : "2") + code.substring(1);
    }
}
