package org.onewindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.onewindow.testing.Api;
import org.onewindow.testing.TestCounty;

/**
 * 最低生活保障申请 cases made over REST for the browser tests that start further down the flow: taken in complete at
 * 华沟村, reviewed at the village and 起凤镇, decided by 县民政局, in a test county with a back office, by its accounts of
 * the demo county's names ({@code huagou.clerk}, {@code huagou.reviewer}, {@code qifeng.reviewer}, {@code mz.reviewer}).
 */
final class DibaoCases {

    static final String DIBAO = "MZ-0001";
    static final String ID_NUMBER = "370321195803121012";
    static final String BASIS = "《社会救助暂行办法》第九条";

    private final Api api;
    private final TestCounty county;

    DibaoCases(Api api, TestCounty county) {
        this.api = api;
        this.county = county;
    }

    /** Taken in complete at 华沟村 by its clerk: the case number. */
    String takenIn(String applicant) {
        String body = "{\"itemCode\":\"" + DIBAO + "\",\"applicant\":{\"kind\":\"PERSON\",\"name\":\"" + applicant
                + "\",\"idNumber\":\"" + ID_NUMBER + "\"},\"materials\":{"
                + "\"ID_CARD\":{\"kind\":\"PAPER_SEEN\"},\"HOUSEHOLD_REGISTER\":{\"kind\":\"PAPER_SEEN\"},"
                + "\"INCOME_STATEMENT\":{\"kind\":\"PAPER_SEEN\"},\"CHECK_AUTHORISATION\":{\"kind\":\"PAPER_SEEN\"},"
                + "\"FAMILY_ASSETS\":{\"kind\":\"GOVERNMENT_DATA\"}}," + DemoFormAnswers.inBody(DIBAO) + "}";
        Api.Exchange taken = api.exchange(
                "POST",
                "api/v1/cases",
                token("huagou.clerk"),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()),
                body);
        assertThat(taken.answer().status()).as(taken.answer().body()).isEqualTo(201);
        return taken.answer().json().asJsonObject().getString("caseNumber");
    }

    /** Reviewed at 华沟村 and 起凤镇: its task waits for 县民政局. */
    String atTheCounty(String applicant) {
        String number = takenIn(applicant);
        approve("huagou.reviewer", number, "入户调查属实，民主评议通过");
        approve("qifeng.reviewer", number, "审核通过，已公示7天无异议");
        return number;
    }

    /** Granted by 县民政局 with its opinion: the result waits for 华沟村's window. */
    String decided(String applicant, String countyOpinion) {
        String number = atTheCounty(applicant);
        JsonObject county = onlyTaskOf("mz.reviewer", number);
        Api.Answer decided = api.postJson(
                "api/v1/tasks/" + county.getString("id") + "/approve",
                token("mz.reviewer"),
                "{\"opinion\":\"" + countyOpinion + "\",\"legalBasis\":\"" + BASIS + "\"}");
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        return number;
    }

    private void approve(String reviewer, String number, String opinion) {
        JsonObject task = onlyTaskOf(reviewer, number);
        Api.Answer done = api.postJson(
                "api/v1/tasks/" + task.getString("id") + "/approve",
                token(reviewer),
                "{\"opinion\":\"" + opinion + "\"}");
        assertThat(done.status()).as(done.body()).isEqualTo(200);
    }

    /** The open tasks of one case in the user's queue. */
    List<JsonObject> tasksOf(String user, String number) {
        Api.Answer page = api.get("api/v1/tasks?q=" + number, token(user));
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return page.json().asJsonObject().getJsonArray("tasks").stream()
                .map(JsonValue::asJsonObject)
                .toList();
    }

    JsonObject onlyTaskOf(String user, String number) {
        List<JsonObject> tasks = tasksOf(user, number);
        assertThat(tasks).as("%s's tasks of %s", user, number).hasSize(1);
        return tasks.getFirst();
    }

    /** A token of the account named {@code user} here (its password is the demo's in a test county too). */
    String token(String user) {
        return api.token(county.username(user), ShippedWar.PASSWORD);
    }
}
