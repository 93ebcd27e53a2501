package org.onewindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.testing.Api;
import org.onewindow.testing.TestCounty;
import org.onewindow.testing.TestDatabase;

/**
 * The back office over REST on the real WAR, in a county of its own (沂河县 with the town of 起凤镇 and its villages
 * 华沟村 and 付庙村, and their back office: the reviewers of the villages and the town, of the departments 民政局 MZ,
 * 住建局 ZJ and 财政局 CZ, and the clerks of each window, named as the demo county names its own): acceptance starts the item's process, each
 * tier and department finds its task in its own queue and nobody else's, the last review decides, the result goes
 * back to the intake window; on-the-spot items are decided at once; two reviewers on one task, a rejection without
 * reason and a task outside the caller's groups change nothing.
 */
class CaseworkBackOfficeIT extends ShippedWar {

    static final String DIBAO = "MZ-0001";
    static final String SOLE_TRADER = "XZSP-0001";
    static final String BUILDING_PERMIT = "ZJ-0001";
    static final String ID_NUMBER = "370321195803121012";
    static final String BASIS = "《社会救助暂行办法》第九条";

    static TestCounty yihe;

    @BeforeEach
    void ownCounty() {
        if (yihe != null) {
            return;
        }
        yihe = TestCounty.named("沂河县").town("起凤镇", "华沟村", "付庙村").backOffice().make(api);
        yihe.clerk("沂河县", "county.clerk");
        yihe.clerk("起凤镇", "qifeng.clerk");
        yihe.clerk("华沟村", "huagou.clerk");
        yihe.clerk("付庙村", "fumiao.clerk");
        yihe.reviewer("华沟村", "huagou.reviewer", "CWH");
        yihe.reviewer("付庙村", "fumiao.reviewer", "CWH");
        yihe.reviewer("起凤镇", "qifeng.reviewer", "SHSW");
        yihe.reviewer("沂河县", "mz.reviewer", "MZ");
        yihe.reviewer("沂河县", "mz.reviewer2", "MZ");
        yihe.reviewer("沂河县", "zj.reviewer", "ZJ");
        yihe.reviewer("沂河县", "cz.reviewer", "CZ");
    }

    @Test
    void dibaoTakenInAtTheVillageIsReviewedThereAndAtTheTownAndDecidedByCivilAffairs() {
        JsonObject accepted = takeIn("huagou.clerk", dibao("王秀英"));
        String number = accepted.getString("caseNumber");
        assertThat(accepted.getString("state")).isEqualTo("ACCEPTED");
        assertThat(accepted.isNull("processInstanceId")).isFalse();

        // 华沟村: the village opinion waits for the village's reviewer; no clerk or other village sees it.
        JsonObject village = onlyTaskOf("huagou.reviewer", number);
        assertThat(village.getString("kind")).isEqualTo("REVIEW");
        assertThat(village.getString("tenant")).isEqualTo(yihe.code("华沟村"));
        assertThat(village.getString("applicantName")).isEqualTo("王秀英");
        assertThat(village.getString("promisedDueDate")).isEqualTo(accepted.getString("promisedDueDate"));
        assertThat(tasksOf("huagou.clerk", number)).isEmpty();
        assertThat(tasksOf("fumiao.clerk", number)).isEmpty();
        assertThat(tasksOf("mz.reviewer", number)).isEmpty();
        assertThat(api.get("api/v1/tasks/" + village.getString("id"), token("fumiao.clerk"))
                        .status())
                .isEqualTo(404);

        JsonObject afterVillage = act("huagou.reviewer", village, "approve", "{\"opinion\":\"入户调查属实，民主评议通过\"}");
        assertThat(afterVillage.getJsonObject("case").getString("state")).isEqualTo("IN_REVIEW");
        assertThat(afterVillage.getJsonObject("task").getString("state")).isEqualTo("DONE");

        // 起凤镇 reviews it next.
        JsonObject town = onlyTaskOf("qifeng.reviewer", number);
        assertThat(town.getString("tenant")).isEqualTo(yihe.code("起凤镇"));
        assertThat(tasksOf("huagou.reviewer", number)).isEmpty();
        act("qifeng.reviewer", town, "approve", "{\"opinion\":\"审核通过，已公示7天无异议\"}");

        // The county's civil affairs bureau decides; the housing bureau never sees the task.
        JsonObject county = onlyTaskOf("mz.reviewer", number);
        assertThat(county.getString("tenant")).isEqualTo(yihe.code());
        assertThat(county.getString("department")).isEqualTo("MZ");
        assertThat(tasksOf("zj.reviewer", number)).isEmpty();
        Api.Answer wrongDepartment =
                api.postJson("api/v1/tasks/" + county.getString("id") + "/approve", token("zj.reviewer"), "{}");
        assertThat(wrongDepartment.status()).isEqualTo(404);
        assertThat(wrongDepartment.field("error")).isEqualTo("casework.task.not.found");

        JsonObject decided = act(
                        "mz.reviewer",
                        county,
                        "approve",
                        "{\"opinion\":\"符合最低生活保障条件\",\"legalBasis\":\"" + BASIS + "\"}")
                .getJsonObject("case");
        assertThat(decided.getString("state")).isEqualTo("DECIDED_APPROVED");
        JsonObject decision = decided.getJsonObject("decision");
        assertThat(decision.getBoolean("approved")).isTrue();
        assertThat(decision.getString("decidedBy")).isEqualTo(yihe.username("mz.reviewer"));
        assertThat(decision.getString("legalBasis")).isEqualTo(BASIS);
        assertThat(actions(decided)).endsWith("ACCEPT", "START_REVIEW", "GIVE_OPINION", "GIVE_OPINION", "APPROVE");
        assertThat(decided.getString("decisionWording"))
                .as("a benefit is granted, not licensed")
                .isEqualTo("准予给付");
        assertThat(decided.getString("itemWording")).isEqualTo("BENEFIT");

        // The result is back at 华沟村's window, and only there; the queue names the decision as a benefit's.
        JsonObject delivery = onlyTaskOf("huagou.clerk", number);
        assertThat(delivery.getString("kind")).isEqualTo("WINDOW_DELIVERY");
        assertThat(delivery.getString("decisionWording")).isEqualTo("准予给付");
        assertThat(delivery.getBoolean("decisionApproved")).isTrue();
        assertThat(tasksOf("fumiao.clerk", number)).isEmpty();
        Api.Answer approveDelivery =
                api.postJson("api/v1/tasks/" + delivery.getString("id") + "/approve", token("huagou.clerk"), "{}");
        assertThat(approveDelivery.status()).isEqualTo(409);
        assertThat(approveDelivery.field("error")).isEqualTo("casework.task.kind");
        Api.Answer held = api.postJson(
                "api/v1/cases/" + number + "/delivery", token("huagou.clerk"), "{\"mode\":\"INTAKE_WINDOW\"}");
        assertThat(held.status()).as(held.body()).isEqualTo(200);
        assertThat(onlyTaskOf("huagou.clerk", number).getString("kind")).isEqualTo("WINDOW_DELIVERY");
        Api.Answer collected = api.postJson(
                "api/v1/cases/" + number + "/pickup",
                token("huagou.clerk"),
                "{\"collectedBy\":\"王秀英\",\"idNumber\":\"" + ID_NUMBER + "\"}");
        assertThat(collected.status()).as(collected.body()).isEqualTo(200);
        assertThat(tasksOf("huagou.clerk", number))
                .as("the delivery step is done")
                .isEmpty();

        // The decision is on the record after a reload, and in the audit chain.
        JsonObject reloaded =
                api.get("api/v1/cases/" + number, token("huagou.clerk")).json().asJsonObject();
        assertThat(reloaded.getJsonObject("decision").getString("reason")).isEqualTo("符合最低生活保障条件");
        assertThat(selectCount(
                        "select count(*) from audit_entry where action = 'casework.case.decided' and subject_id = '"
                                + decided.getString("id") + "'"))
                .isEqualTo(1);
    }

    @Test
    void aSoleTradersLicenceIsPrintedWithNumberHolderItemValidityAndIssuingBodyOnlyInItsScope() throws Exception {
        JsonObject decided = takeIn("qifeng.clerk", soleTrader());
        String number = decided.getString("caseNumber");
        assertThat(decided.getString("decisionWording"))
                .as("a licence keeps its words")
                .isEqualTo("准予许可");
        String licencePdf = "api/v1/cases/" + number + "/licence.pdf";

        // Before the issuance there is no licence yet: told so, clearly.
        Api.Answer early = api.get(licencePdf, token("qifeng.clerk"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.field("error")).isEqualTo("casework.licence.none");
        assertThat(early.field("message")).contains(number).contains("没有证照");

        Api.Answer issued = api.postJson(
                "api/v1/cases/" + number + "/issuance",
                token("qifeng.clerk"),
                "{\"licenceValidFrom\":\"2026-12-01\",\"licenceValidTo\":\"2031-11-30\"}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        String licenceNumber =
                issued.json().asJsonObject().getJsonObject("licence").getString("licenceNumber");

        var printed = pdf(licencePdf, token("qifeng.clerk"));
        assertThat(printed.statusCode()).isEqualTo(200);
        assertThat(printed.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/pdf"));
        assertThat(pdfText(printed.body()))
                .contains("营业执照")
                .contains("证照编号" + licenceNumber)
                .contains("持证人李红梅")
                .contains("申请事项个体工商户设立登记")
                .contains("有效期限2026年12月1日至2031年11月30日")
                .contains("发证机关")
                .contains(number)
                .doesNotContain(ID_NUMBER);

        // Outside the town's scope it is unknown, exactly like the decision letter.
        assertThat(pdf(licencePdf, token("huagou.clerk")).statusCode()).isEqualTo(404);
        assertThat(pdf(licencePdf, token("fumiao.clerk")).statusCode()).isEqualTo(404);
        assertThat(pdf("api/v1/cases/" + yihe.prefix() + "-20200101-999999/licence.pdf", token("qifeng.clerk"))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aLicencesCorrectionNoticeCitesArticle32AndABenefitsItsOwnBasis() throws Exception {
        JsonObject licence =
                takeIn("qifeng.clerk", soleTrader().replace(",\"PREMISES_PROOF\":{\"kind\":\"PAPER_SEEN\"}", ""));
        JsonObject benefit =
                takeIn("qifeng.clerk", dibao("王秀英").replace("\"HOUSEHOLD_REGISTER\":{\"kind\":\"PAPER_SEEN\"},", ""));
        assertThat(licence.getString("state")).isEqualTo("AWAITING_SUPPLEMENTS");
        assertThat(benefit.getString("state")).isEqualTo("AWAITING_SUPPLEMENTS");

        String licenceNotice =
                pdfText("api/v1/cases/" + licence.getString("id") + "/correction-notice.pdf", token("qifeng.clerk"));
        String benefitNotice =
                pdfText("api/v1/cases/" + benefit.getString("id") + "/correction-notice.pdf", token("qifeng.clerk"));

        assertThat(licenceNotice).contains("补正通知书").contains("《中华人民共和国行政许可法》第三十二条");
        assertThat(benefitNotice)
                .contains("补正通知书")
                .contains("最低生活保障")
                .contains("社会救助暂行办法")
                .doesNotContain("行政许可法");
        assertThat(benefit.getJsonObject("correctionNotice").getString("legalBasis"))
                .contains("社会救助暂行办法")
                .doesNotContain("行政许可法");
    }

    @Test
    void aBenefitRefusedUnderTheLicensingLawIsRefusedNamingItsOwnBasisAndNothingChanges() {
        JsonObject waiting =
                takeIn("qifeng.clerk", dibao("王秀英").replace("\"HOUSEHOLD_REGISTER\":{\"kind\":\"PAPER_SEEN\"},", ""));
        String refusal = "api/v1/cases/" + waiting.getString("id") + "/refusal";

        Api.Answer wrongLaw = api.postJson(
                refusal, token("qifeng.clerk"), "{\"reason\":\"申请人户籍不在本县\",\"legalBasis\":\"《中华人民共和国行政许可法》第三十二条\"}");

        assertThat(wrongLaw.status()).isEqualTo(400);
        assertThat(wrongLaw.field("error")).isEqualTo("casework.refusal.basis.not.licence");
        assertThat(wrongLaw.field("message")).contains("不是行政许可").contains("社会救助暂行办法");
        assertThat(api.get("api/v1/cases/" + waiting.getString("id"), token("qifeng.clerk"))
                        .field("state"))
                .isEqualTo("AWAITING_SUPPLEMENTS");
        assertThat(selectCount("select count(*) from case_file where id = '" + waiting.getString("id")
                        + "' and refusal_reason is not null"))
                .isZero();
    }

    @Test
    void aSoleTraderIsRegisteredOnTheSpotAtTheTownWindow() {
        JsonObject decided = takeIn("qifeng.clerk", soleTrader());

        assertThat(decided.getString("state")).isEqualTo("DECIDED_APPROVED");
        assertThat(decided.getJsonObject("decision").getString("decidedBy")).isEqualTo(yihe.username("qifeng.clerk"));
        assertThat(decided.getJsonObject("decision").getString("legalBasis")).contains("第三十四条");
        assertThat(actions(decided)).endsWith("ACCEPT", "START_REVIEW", "APPROVE");
        assertThat(selectCount("select count(*) from work_task where case_number = '" + decided.getString("caseNumber")
                        + "' and state <> 'DONE'"))
                .as("no task left: decided at the window")
                .isZero();
    }

    @Test
    void aBuildingPermitIsReviewedByHousingAndFinanceInParallelAfterASupplement() {
        JsonObject accepted = takeIn("county.clerk", buildingPermit());
        String number = accepted.getString("caseNumber");
        JsonObject housing = onlyTaskOf("zj.reviewer", number);
        JsonObject finance = onlyTaskOf("cz.reviewer", number);
        assertThat(housing.getString("department")).isEqualTo("ZJ");
        assertThat(finance.getString("department")).isEqualTo("CZ");

        // Housing asks for a supplement first: the clock pauses, the applicant is told what.
        JsonObject waiting = act(
                "zj.reviewer",
                housing,
                "supplement-request",
                "{\"whatToSupply\":\"补充施工合同的签字页\",\"legalBasis\":\"《中华人民共和国行政许可法》第三十二条\"}");
        assertThat(waiting.getJsonObject("case").getString("state")).isEqualTo("SUPPLEMENT_REQUESTED");
        assertThat(waiting.getJsonObject("task").getString("claimedBy")).isEqualTo(yihe.username("zj.reviewer"));
        assertThat(onlyTaskOf("cz.reviewer", number).getBoolean("paused")).isTrue();
        assertThat(lastStep(waiting.getJsonObject("case")).getString("note")).isEqualTo("补充施工合同的签字页");

        // Finance answers meanwhile; the case is not decided while housing waits.
        act("cz.reviewer", finance, "approve", "{\"opinion\":\"配套费已核定\"}");
        JsonObject resumed = act("zj.reviewer", housing, "supplement-received", "");
        assertThat(resumed.getJsonObject("case").getString("state")).isEqualTo("IN_REVIEW");
        assertThat(resumed.getJsonObject("task").getBoolean("paused")).isFalse();

        JsonObject decided = act("zj.reviewer", housing, "approve", "{\"opinion\":\"施工条件具备\"}")
                .getJsonObject("case");
        assertThat(decided.getString("state")).isEqualTo("DECIDED_APPROVED");
        assertThat(decided.getJsonObject("decision").getString("legalBasis")).contains("《中华人民共和国建筑法》");
        assertThat(actions(decided))
                .containsSubsequence("REQUEST_SUPPLEMENT", "GIVE_OPINION", "RECEIVE_SUPPLEMENT", "APPROVE");
        assertThat(onlyTaskOf("county.clerk", number).getString("kind")).isEqualTo("WINDOW_DELIVERY");
    }

    @Test
    void aRejectionWithoutReasonIsRefusedAndChangesNothing() {
        String number = takeIn("huagou.clerk", dibao("赵玉兰")).getString("caseNumber");
        JsonObject task = onlyTaskOf("huagou.reviewer", number);
        long steps = selectCount(stepsOf(number));

        Api.Answer noReason = api.postJson(
                "api/v1/tasks/" + task.getString("id") + "/reject",
                token("huagou.reviewer"),
                "{\"reason\":\"  \",\"legalBasis\":\"" + BASIS + "\"}");
        Api.Answer noBasis = api.postJson(
                "api/v1/tasks/" + task.getString("id") + "/reject",
                token("huagou.reviewer"),
                "{\"reason\":\"家庭人均收入高于标准\"}");

        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.field("error")).isEqualTo("casework.decision.reason.required");
        assertThat(noBasis.status()).isEqualTo(400);
        assertThat(noBasis.field("error")).isEqualTo("casework.decision.basis.required");
        assertThat(onlyTaskOf("huagou.reviewer", number).getString("state")).isEqualTo("OPEN");
        assertThat(api.get("api/v1/cases/" + number, token("huagou.clerk")).field("state"))
                .isEqualTo("ACCEPTED");
        assertThat(selectCount(stepsOf(number))).isEqualTo(steps);

        // With both, the village's rejection ends the tiered review: rejected, back to the window.
        JsonObject rejected = act(
                        "huagou.reviewer",
                        task,
                        "reject",
                        "{\"reason\":\"家庭人均收入高于当地低保标准\",\"legalBasis\":\"" + BASIS + "\"}")
                .getJsonObject("case");
        assertThat(rejected.getString("state")).isEqualTo("DECIDED_REJECTED");
        assertThat(rejected.getJsonObject("decision").getString("reason")).isEqualTo("家庭人均收入高于当地低保标准");
        assertThat(tasksOf("qifeng.reviewer", number)).isEmpty();
        assertThat(onlyTaskOf("huagou.clerk", number).getString("kind")).isEqualTo("WINDOW_DELIVERY");
    }

    @Test
    void aWithdrawalAtTheVillageClosesTheTownsTaskAndNobodyCanActOnItAnyMore() {
        // Past the village's review: the task waits at 起凤镇, a division 华沟村's clerk cannot see.
        String number = takeIn("huagou.clerk", dibao("冯秀梅")).getString("caseNumber");
        act("huagou.reviewer", onlyTaskOf("huagou.reviewer", number), "approve", "{\"opinion\":\"入户调查属实\"}");
        JsonObject town = onlyTaskOf("qifeng.reviewer", number);
        act("qifeng.reviewer", town, "claim", "");
        String withdrawal = "api/v1/cases/" + number + "/withdrawal";
        long steps = selectCount(stepsOf(number));

        Api.Answer noReason = api.postJson(withdrawal, token("huagou.clerk"), "{\"reason\":\"  \"}");
        Api.Answer reviewer = api.postJson(withdrawal, token("qifeng.reviewer"), "{\"reason\":\"不再申请\"}");
        Api.Answer sibling = api.postJson(withdrawal, token("fumiao.clerk"), "{\"reason\":\"不再申请\"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.field("error")).isEqualTo("casework.withdrawal.reason.required");
        assertThat(noReason.field("message")).contains("撤回原因");
        assertThat(reviewer.status()).isEqualTo(403);
        assertThat(sibling.status()).isEqualTo(404);
        assertThat(sibling.field("error")).isEqualTo("casework.case.not.found");
        assertThat(selectCount(stepsOf(number))).isEqualTo(steps);
        assertThat(onlyTaskOf("qifeng.reviewer", number).getString("claimedBy"))
                .isEqualTo(yihe.username("qifeng.reviewer"));

        Api.Answer withdrawn = api.postJson(withdrawal, token("huagou.clerk"), "{\"reason\":\"申请人已外出务工，不再申请\"}");
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        JsonObject closed = withdrawn.json().asJsonObject();
        assertThat(closed.getString("state")).isEqualTo("WITHDRAWN");
        assertThat(closed.getString("withdrawalReason")).isEqualTo("申请人已外出务工，不再申请");
        assertThat(actions(closed)).endsWith("GIVE_OPINION", "WITHDRAW");

        // Out of the town's queue; acting on it is refused with the reason, and nothing changes.
        assertThat(tasksOf("qifeng.reviewer", number)).isEmpty();
        for (String action : List.of("approve", "claim", "release", "supplement-request")) {
            Api.Answer late = api.postJson(
                    "api/v1/tasks/" + town.getString("id") + "/" + action,
                    token("qifeng.reviewer"),
                    "{\"opinion\":\"同意\",\"whatToSupply\":\"银行流水\",\"legalBasis\":\"" + BASIS + "\"}");
            assertThat(late.status()).as(action).isEqualTo(409);
            assertThat(late.field("error")).as(action).isEqualTo("casework.task.closed");
            assertThat(late.field("message")).as(action).contains("已撤回").contains("无需再办理");
        }
        assertThat(api.get("api/v1/tasks/" + town.getString("id"), token("qifeng.reviewer"))
                        .json()
                        .asJsonObject()
                        .getString("state"))
                .isEqualTo("DONE");
        assertThat(selectCount(
                        "select count(*) from work_task where case_number = '" + number + "' and state <> 'DONE'"))
                .isZero();
        assertThat(selectCount("select count(*) from work_task where case_number = '" + number
                        + "' and outcome = 'WITHDRAWN' and completed_by = '" + yihe.username("huagou.clerk") + "'"))
                .isEqualTo(1);
        assertThat(api.get("api/v1/cases/" + number, token("huagou.clerk")).field("state"))
                .isEqualTo("WITHDRAWN");
        assertThat(selectCount(
                        "select count(*) from audit_entry where action = 'casework.case.withdrawn' and subject_id = '"
                                + closed.getString("id") + "'"))
                .isEqualTo(1);

        Api.Answer again = api.postJson(withdrawal, token("huagou.clerk"), "{\"reason\":\"再次撤回\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.field("error")).isEqualTo("casework.case.transition");
        assertThat(again.field("message")).contains("已撤回");
    }

    @Test
    void twoReviewersOnOneTaskOneWinsTheOtherIsToldWho() throws Exception {
        // Taken in at the county: its first review is the county's own, open to every county reviewer.
        String number = takeIn("county.clerk", dibao("孙桂芝")).getString("caseNumber");
        JsonObject task = onlyTaskOf("mz.reviewer", number);
        assertThat(onlyTaskOf("mz.reviewer2", number).getString("id")).isEqualTo(task.getString("id"));
        String first = token("mz.reviewer");
        String second = token("mz.reviewer2");
        CountDownLatch start = new CountDownLatch(1);

        CompletableFuture<Api.Answer> one = CompletableFuture.supplyAsync(() -> approveAfter(start, task, first));
        CompletableFuture<Api.Answer> other = CompletableFuture.supplyAsync(() -> approveAfter(start, task, second));
        start.countDown();
        List<Api.Answer> answers = List.of(one.get(), other.get());

        assertThat(answers).extracting(Api.Answer::status).containsExactlyInAnyOrder(200, 409);
        Api.Answer lost =
                answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
        assertThat(lost.field("error")).isIn("casework.task.done", "casework.task.claimed");
        assertThat(lost.field("message")).containsAnyOf(yihe.username("mz.reviewer"), yihe.username("mz.reviewer2"));
        assertThat(selectCount(stepsOf(number) + " and s.action = 'GIVE_OPINION'"))
                .isEqualTo(1);

        // A claimed task is held: the other reviewer cannot act on it until it is released.
        JsonObject next = onlyTaskOf("mz.reviewer", number);
        assertThat(api.postJson("api/v1/tasks/" + next.getString("id") + "/claim", first, "")
                        .status())
                .isEqualTo(200);
        Api.Answer held = api.postJson("api/v1/tasks/" + next.getString("id") + "/approve", second, "{}");
        assertThat(held.status()).isEqualTo(409);
        assertThat(held.field("error")).isEqualTo("casework.task.claimed");
        assertThat(api.postJson("api/v1/tasks/" + next.getString("id") + "/release", second, "")
                        .status())
                .isEqualTo(409);
        assertThat(api.postJson("api/v1/tasks/" + next.getString("id") + "/release", first, "")
                        .status())
                .isEqualTo(200);
        assertThat(api.postJson("api/v1/tasks/" + next.getString("id") + "/approve", second, "{}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aSpecialProcedurePausesTheClockAndTheOneExtensionMovesTheDueDates() {
        String number = takeIn("county.clerk", dibao("郑秀兰")).getString("caseNumber");
        JsonObject task = onlyTaskOf("mz.reviewer", number);
        String reviewer = token("mz.reviewer");

        Api.Answer notSpecial = api.postJson(
                "api/v1/tasks/" + task.getString("id") + "/special-procedure",
                reviewer,
                "{\"kind\":\"SUPPLEMENT\",\"reason\":\"听证\",\"legalBasis\":\"第四十五条\",\"announcedWorkingDays\":5}");
        assertThat(notSpecial.status()).isEqualTo(400);
        assertThat(notSpecial.field("error")).isEqualTo("casework.pause.kind");

        JsonObject hearing = act(
                "mz.reviewer",
                task,
                "special-procedure",
                "{\"kind\":\"HEARING\",\"reason\":\"利害关系人申请听证\","
                        + "\"legalBasis\":\"《中华人民共和国行政许可法》第四十五条\",\"announcedWorkingDays\":10}");
        assertThat(hearing.getJsonObject("case").getString("state")).isEqualTo("SPECIAL_PROCEDURE");
        assertThat(hearing.getJsonObject("task").getBoolean("paused")).isTrue();
        assertThat(act("mz.reviewer", task, "special-procedure/end", "{\"result\":\"听证笔录已归档\"}")
                        .getJsonObject("case")
                        .getString("state"))
                .isEqualTo("IN_REVIEW");

        String promised = onlyTaskOf("mz.reviewer", number).getString("promisedDueDate");
        JsonObject extended = act(
                "mz.reviewer",
                task,
                "extension",
                "{\"workingDays\":10,\"approvedBy\":\"县民政局局长 李明\",\"reason\":\"需入户核查家庭财产状况\"}");
        assertThat(extended.getJsonObject("case").getJsonObject("extension").getInt("workingDays"))
                .isEqualTo(10);
        assertThat(extended.getJsonObject("task").getString("promisedDueDate")).isGreaterThan(promised);
        Api.Answer again = api.postJson(
                "api/v1/tasks/" + task.getString("id") + "/extension",
                reviewer,
                "{\"workingDays\":5,\"approvedBy\":\"李明\",\"reason\":\"再次延期\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.field("error")).isEqualTo("casework.extension.once");
    }

    @Test
    void aSiblingVillageSeesNoneOfTheQueueNeitherByRestNorByACraftedQuery() throws Exception {
        String number = takeIn("huagou.clerk", dibao("周淑珍")).getString("caseNumber");
        JsonObject task = onlyTaskOf("huagou.reviewer", number);

        Api.Answer act = api.postJson("api/v1/tasks/" + task.getString("id") + "/approve", token("fumiao.clerk"), "{}");
        assertThat(act.status()).isEqualTo(404);
        assertThat(act.field("error")).isEqualTo("casework.task.not.found");
        assertThat(api.postJson("api/v1/tasks/" + task.getString("id") + "/claim", token("fumiao.clerk"), "")
                        .status())
                .isEqualTo(404);
        assertThat(api.get("api/v1/tasks?q=" + number, token("fumiao.clerk"))
                        .json()
                        .asJsonObject()
                        .getJsonArray("tasks"))
                .isEmpty();
        assertThat(onlyTaskOf("huagou.reviewer", number).getString("state")).isEqualTo("OPEN");

        String crafted = "select count(*) from work_task where case_number = '" + number + "'";
        assertThat(asApp(yihe.code("付庙村"), crafted)).isZero();
        assertThat(asApp(yihe.code("华沟村"), crafted)).isEqualTo(1);
        try (Connection su = TestDatabase.get().superuserConnection();
                Statement sql = su.createStatement();
                ResultSet rs = sql.executeQuery("select relrowsecurity and relforcerowsecurity from pg_class"
                        + " where relname = 'work_task'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(1)).isTrue();
        }
    }

    @Test
    void theQueueSearchesPagesAndRefusesBadInput() {
        String name = "钱" + UUID.randomUUID().toString().substring(0, 4);
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            numbers.add(takeIn("huagou.clerk", dibao(name)).getString("caseNumber"));
        }
        String reviewer = token("huagou.reviewer");

        JsonObject byName = api.get("api/v1/tasks?limit=2&q=" + encode(name.substring(0, 2)), reviewer)
                .json()
                .asJsonObject();
        assertThat(byName.getJsonArray("tasks")).hasSize(2);
        JsonObject rest = api.get(
                        "api/v1/tasks?limit=2&q=" + encode(name) + "&after=" + byName.getString("next"), reviewer)
                .json()
                .asJsonObject();
        List<String> seen = new ArrayList<>();
        byName.getJsonArray("tasks").forEach(t -> seen.add(t.asJsonObject().getString("caseNumber")));
        rest.getJsonArray("tasks").forEach(t -> seen.add(t.asJsonObject().getString("caseNumber")));
        assertThat(seen).containsAll(numbers);
        assertThat(api.get("api/v1/tasks?q=" + numbers.get(1), reviewer)
                        .json()
                        .asJsonObject()
                        .getJsonArray("tasks"))
                .singleElement()
                .extracting(t -> t.asJsonObject().getString("caseNumber"))
                .isEqualTo(numbers.get(1));
        assertThat(api.get("api/v1/tasks?item=" + DIBAO + "&state=MINE", reviewer)
                        .json()
                        .asJsonObject()
                        .getJsonArray("tasks"))
                .isEmpty();

        Api.Answer tooMany = api.get("api/v1/tasks?limit=101", reviewer);
        Api.Answer badState = api.get("api/v1/tasks?state=LOST", reviewer);
        Api.Answer badCursor = api.get("api/v1/tasks?after=yesterday", reviewer);
        Api.Answer admin = api.get("api/v1/tasks", token("county.admin"));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.field("error")).isEqualTo("casework.queue.limit");
        assertThat(badState.field("error")).isEqualTo("casework.queue.state");
        assertThat(badCursor.field("error")).isEqualTo("casework.queue.cursor");
        assertThat(admin.status()).isEqualTo(403);
    }

    @Test
    void aTaskTurnsOverdueInItsQueueWithinAMinuteOfCrossingItsDueDate() throws Exception {
        String number = takeIn("huagou.clerk", dibao("吴桂英")).getString("caseNumber");
        assertThat(onlyTaskOf("huagou.reviewer", number).getString("clockStatus"))
                .isEqualTo("ON_TIME");

        // As if the promised due date had passed yesterday (the statutory one still ahead).
        selectCount(
                "with moved as (update work_task set promised_due_date = (now() at time zone 'Asia/Shanghai')::date - 1"
                        + " where case_number = '" + number + "' returning 1) select count(*) from moved");

        String status = "ON_TIME";
        for (int second = 0; second < 75 && !status.equals("OVERDUE"); second++) {
            Thread.sleep(1000);
            status = onlyTaskOf("huagou.reviewer", number).getString("clockStatus");
        }
        assertThat(status).isEqualTo("OVERDUE");
    }

    @Test
    void theReviewerSeesTheFullIdNumberOnRequestEachTimeAuditedAndEveryoneElseOnlyTheMaskedOne() {
        // Arrange: 低保 of 华沟村, in the scope of its village reviewer, its town's reviewer and its clerk
        JsonObject accepted = takeIn("huagou.clerk", dibao("钱淑珍"));
        String number = accepted.getString("caseNumber");
        String id = accepted.getString("id");
        String reveal = "api/v1/cases/" + number + "/applicant-id";
        String revealed = "select count(*) from audit_entry where action = 'casework.applicant.id.revealed'"
                + " and subject_id = '" + id + "'";

        // Act
        Api.Exchange village = api.exchange("GET", reveal, token("huagou.reviewer"), Map.of(), null);
        Api.Answer town = api.get(reveal, token("qifeng.reviewer"));
        Api.Answer clerk = api.get(reveal, token("huagou.clerk"));
        Api.Answer sibling = api.get(reveal, token("fumiao.reviewer"));
        Api.Answer unknown =
                api.get("api/v1/cases/" + yihe.prefix() + "-20200101-999999/applicant-id", token("huagou.reviewer"));

        // Assert: the reviewers get the number, never cached, one audit entry each that holds no number
        assertThat(village.answer().status()).as(village.answer().body()).isEqualTo(200);
        assertThat(village.answer().field("idNumber")).isEqualTo(ID_NUMBER);
        assertThat(village.answer().field("applicantName")).isEqualTo("钱淑珍");
        assertThat(village.header("Cache-Control")).contains("no-store");
        assertThat(town.field("idNumber")).isEqualTo(ID_NUMBER);
        assertThat(selectCount(revealed)).isEqualTo(2);
        assertThat(selectText("select string_agg(actor || ' ' || coalesce(after_state::text, ''), ' | ') from"
                        + " audit_entry where action = 'casework.applicant.id.revealed' and subject_id = '" + id + "'"))
                .contains(yihe.username("huagou.reviewer"))
                .contains(yihe.username("qifeng.reviewer"))
                .doesNotContain(ID_NUMBER)
                .doesNotContain(ID_NUMBER.substring(6, 14));
        // The window's clerk is refused (the role), the neighbouring village's reviewer does not find the case
        assertThat(clerk.status()).isEqualTo(403);
        assertThat(sibling.status()).isEqualTo(404);
        assertThat(sibling.field("error")).isEqualTo("casework.case.not.found");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(selectCount(revealed)).as("a refusal is no showing").isEqualTo(2);
        // Everywhere else the number stays masked
        assertThat(api.get("api/v1/cases/" + number, token("huagou.reviewer")).body())
                .contains("370321********1012")
                .doesNotContain(ID_NUMBER);
    }

    @Test
    void theOpenApiDocumentListsTheTaskOperationsWithExamples() {
        String openapi = api.get("openapi", null).body();

        assertThat(openapi)
                .contains("/api/v1/tasks/{taskId}/approve")
                .contains("/api/v1/tasks/{taskId}/supplement-request")
                .contains("listTasks")
                .contains("家庭人均收入高于当地最低生活保障标准");
    }

    // --- helpers ----------------------------------------------------------------------------------------

    private Api.Answer approveAfter(CountDownLatch start, JsonObject task, String token) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return api.postJson("api/v1/tasks/" + task.getString("id") + "/approve", token, "{\"opinion\":\"同意\"}");
    }

    private JsonObject takeIn(String clerk, String body) {
        Api.Exchange taken = api.exchange(
                "POST",
                "api/v1/cases",
                token(clerk),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()),
                body);
        assertThat(taken.answer().status()).as(taken.answer().body()).isEqualTo(201);
        return taken.answer().json().asJsonObject();
    }

    private JsonObject act(String user, JsonObject task, String action, String body) {
        Api.Answer answer = api.postJson("api/v1/tasks/" + task.getString("id") + "/" + action, token(user), body);
        assertThat(answer.status()).as(action + ": " + answer.body()).isEqualTo(200);
        return answer.json().asJsonObject();
    }

    /** The open tasks of one case in the user's queue. */
    private List<JsonObject> tasksOf(String user, String caseNumber) {
        Api.Answer page = api.get("api/v1/tasks?q=" + caseNumber, token(user));
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return page.json().asJsonObject().getJsonArray("tasks").stream()
                .map(JsonValue::asJsonObject)
                .toList();
    }

    private JsonObject onlyTaskOf(String user, String caseNumber) {
        List<JsonObject> tasks = tasksOf(user, caseNumber);
        assertThat(tasks).as("%s's tasks of %s", user, caseNumber).hasSize(1);
        return tasks.getFirst();
    }

    /** A token of this county's account named {@code user} ({@code huagou.clerk}, {@code mz.reviewer}, …). */
    private String token(String user) {
        return yihe.token(yihe.username(user));
    }

    private static List<String> actions(JsonObject caseView) {
        return caseView.getJsonArray("timeline").stream()
                .map(step -> step.asJsonObject().getString("action"))
                .toList();
    }

    private static JsonObject lastStep(JsonObject caseView) {
        var timeline = caseView.getJsonArray("timeline");
        return timeline.getJsonObject(timeline.size() - 1);
    }

    private static String stepsOf(String caseNumber) {
        return "select count(*) from case_step s join case_file c on c.id = s.case_id where c.case_number = '"
                + caseNumber + "'";
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** 最低生活保障申请 with every mandatory material there. */
    private static String dibao(String applicant) {
        return "{\"itemCode\":\"" + DIBAO + "\",\"applicant\":{\"kind\":\"PERSON\",\"name\":\"" + applicant
                + "\",\"idNumber\":\"" + ID_NUMBER + "\"},\"materials\":{"
                + "\"ID_CARD\":{\"kind\":\"GOVERNMENT_DATA\",\"note\":\"电子身份证\"},"
                + "\"HOUSEHOLD_REGISTER\":{\"kind\":\"PAPER_SEEN\"},"
                + "\"INCOME_STATEMENT\":{\"kind\":\"PAPER_SEEN\"},"
                + "\"CHECK_AUTHORISATION\":{\"kind\":\"PAPER_SEEN\"},"
                + "\"FAMILY_ASSETS\":{\"kind\":\"GOVERNMENT_DATA\",\"note\":\"核对报告\"}},"
                + DemoFormAnswers.inBody(DIBAO) + "}";
    }

    /** 个体工商户设立登记 for a person, every material seen. */
    private static String soleTrader() {
        return "{\"itemCode\":\"" + SOLE_TRADER + "\",\"applicant\":{\"kind\":\"PERSON\",\"name\":\"李红梅\","
                + "\"idNumber\":\"" + ID_NUMBER + "\"},\"materials\":{"
                + "\"APPLICATION_FORM\":{\"kind\":\"PAPER_SEEN\"},"
                + "\"ID_CARD\":{\"kind\":\"GOVERNMENT_DATA\",\"note\":\"电子身份证\"},"
                + "\"PREMISES_PROOF\":{\"kind\":\"PAPER_SEEN\"}},"
                + DemoFormAnswers.inBody(SOLE_TRADER) + "}";
    }

    /** 建筑工程施工许可证核发 for a company, every material seen. */
    private static String buildingPermit() {
        return "{\"itemCode\":\"" + BUILDING_PERMIT + "\",\"applicant\":{\"kind\":\"ORGANISATION\","
                + "\"name\":\"桓台县鑫源建设有限公司\",\"uscc\":\"91370321MA3C4RT10E\",\"legalRepresentative\":\"刘强\"},"
                + "\"materials\":{"
                + "\"BUSINESS_LICENSE\":{\"kind\":\"GOVERNMENT_DATA\",\"note\":\"电子营业执照\"},"
                + "\"PLANNING_PERMIT\":{\"kind\":\"PAPER_SEEN\"},"
                + "\"BID_NOTICE\":{\"kind\":\"PAPER_SEEN\"},"
                + "\"DRAWING_REVIEW\":{\"kind\":\"PAPER_SEEN\"}},"
                + DemoFormAnswers.inBody(BUILDING_PERMIT) + "}";
    }
}
