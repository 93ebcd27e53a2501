package org.onewindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.testing.Api;
import org.onewindow.testing.TestCounty;
import org.onewindow.testing.TestDatabase;

/**
 * Process templates (流程模板) on the real WAR, in a county of this class's own ({@link TestCounty} 沂源县, numbered as
 * the demo county: 起凤镇 106 with 华沟村, 田庄镇 100 with its village): the four standard flows run as the catalog needs
 * them; 起凤镇 adapts the tiered review for its villages and retires the adaptation again; nobody can deploy code,
 * another tier's template or a malformed file. Dry runs show who gets which task in which order and keep nothing.
 */
class ProcessTemplateIT extends ShippedWar {

    /** 沂源县, this class's own: the templates its towns publish no other class reads. */
    static TestCounty yiyuan;

    static String COUNTY;
    static String QIFENG;
    static String HUAGOU;
    static String TIANZHUANG_VILLAGE;
    static String CIVIL_AFFAIRS;
    static String qifengAdmin;
    static String qifengClerk;
    static String huagouClerk;
    static String standardsEditor;

    /** A county with 起凤镇 and its village 华沟村, and 田庄镇 with a village of its own. */
    @BeforeEach
    void ownCounty() {
        if (yiyuan != null) {
            return;
        }
        yiyuan = TestCounty.named("沂源县").demoTowns().make(api);
        COUNTY = yiyuan.code();
        QIFENG = yiyuan.code("起凤镇");
        HUAGOU = yiyuan.code("华沟村");
        TIANZHUANG_VILLAGE = yiyuan.code("田庄村");
        CIVIL_AFFAIRS = COUNTY + "/MZ";
        qifengAdmin = yiyuan.staff("起凤镇", "qifeng.admin", Set.of("TENANT_ADMIN"));
        qifengClerk = yiyuan.staff("起凤镇", "qifeng.clerk", Set.of("CLERK"));
        huagouClerk = yiyuan.staff("华沟村", "huagou.clerk", Set.of("CLERK"));
        standardsEditor = yiyuan.standardsEditor("standards.editor");
    }

    @Test
    void everyVillageInheritsTheFourStandardTemplates() {
        Api.Answer answer = api.get("api/v1/process-templates?tenant=" + HUAGOU, null);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonArray templates = answer.json().asJsonArray();
        assertThat(templates.getValuesAs(JsonObject.class).stream().map(t -> t.getString("key")))
                .contains("on-the-spot", "parallel-review", "single-department", "tiered-review");
        JsonObject tiered = find(templates, "tiered-review");
        assertThat(tiered.getString("source")).isEqualTo("STANDARD");
        assertThat(tiered.getString("tenant")).isEqualTo("standard");
        assertThat(tiered.getJsonArray("steps").getJsonObject(0).getString("kind"))
                .isEqualTo("SEQUENTIAL_REVIEWS");

        Api.Answer bpmn =
                api.get("api/v1/process-templates/definitions/" + tiered.getString("definitionId") + "/bpmn", null);
        assertThat(bpmn.status()).isEqualTo(200);
        assertThat(bpmn.body()).contains("<process id=\"tiered-review\"", "逐级审查");
    }

    @Test
    void aTieredReviewGoesVillageThenTownThenCountyAndBackToTheWindowAndKeepsNothing() throws SQLException {
        long instancesBefore = rowsOf("act_hi_procinst");
        // Real cases (the demo's, other tests') wait in their tasks on the same database.
        long tasksBefore = rowsOf("act_ru_task");

        JsonObject run = trial("tiered-review", HUAGOU, List.of(HUAGOU, QIFENG, CIVIL_AFFAIRS), 0);

        assertThat(run.getBoolean("finished")).isTrue();
        assertThat(groups(run))
                .containsExactly(List.of(HUAGOU), List.of(QIFENG), List.of(CIVIL_AFFAIRS), List.of(HUAGOU));
        assertThat(steps(run))
                .containsExactly(
                        List.of("tierReview"), List.of("tierReview"), List.of("tierReview"), List.of("windowDelivery"));
        assertThat(rowsOf("act_hi_procinst")).as("a dry run keeps no instance").isEqualTo(instancesBefore);
        assertThat(rowsOf("act_ru_task")).as("nor a task").isEqualTo(tasksBefore);
    }

    @Test
    void aRefusalAtTheTownEndsTheTieredReviewAndTheResultGoesBackToTheWindow() {
        JsonObject run = trial("tiered-review", HUAGOU, List.of(HUAGOU, QIFENG, CIVIL_AFFAIRS), 2);

        assertThat(groups(run)).containsExactly(List.of(HUAGOU), List.of(QIFENG), List.of(HUAGOU));
        assertThat(steps(run).get(2)).containsExactly("windowDelivery");
    }

    @Test
    void departmentsReviewInParallelAndTheDecisionWaitsForAllOfThem() {
        String housing = COUNTY + "/ZJ";
        String finance = COUNTY + "/CZ";

        JsonObject run = trial("parallel-review", COUNTY, List.of(housing, finance), 0);

        assertThat(groups(run)).containsExactly(List.of(finance, housing), List.of(COUNTY), List.of(COUNTY));
        assertThat(steps(run))
                .containsExactly(
                        List.of("departmentReviews", "departmentReviews"),
                        List.of("jointDecision"),
                        List.of("windowDelivery"));
    }

    @Test
    void onTheSpotAndSingleDepartmentFlows() {
        assertThat(steps(trial("on-the-spot", HUAGOU, List.of(HUAGOU), 0))).containsExactly(List.of("windowDecision"));
        JsonObject single = trial("single-department", QIFENG, List.of(COUNTY + "/GA"), 0);
        assertThat(groups(single)).containsExactly(List.of(COUNTY + "/GA"), List.of(QIFENG));
    }

    @Test
    void theCatalogItemNamesItsTemplateAndWhoReviewsItAtEachTier() {
        Api.Answer answer = api.get("api/v1/catalog/items/MZ-0001/process?tenant=" + HUAGOU, null);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonObject process = answer.json().asJsonObject();
        assertThat(process.getJsonObject("template").getString("key")).isEqualTo("tiered-review");
        assertThat(process.getString("windowGroup")).isEqualTo(HUAGOU);
        assertThat(process.getJsonArray("reviewGroups").getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString))
                .containsExactly(HUAGOU, QIFENG, CIVIL_AFFAIRS);

        Api.Answer trial = api.post(
                "api/v1/catalog/items/MZ-0001/process/trial?tenant=" + HUAGOU + "&refuseInRound=3",
                yiyuan.token(huagouClerk),
                "application/json",
                "");
        assertThat(trial.status()).as(trial.body()).isEqualTo(200);
        assertThat(groups(trial.json().asJsonObject()))
                .containsExactly(List.of(HUAGOU), List.of(QIFENG), List.of(CIVIL_AFFAIRS), List.of(HUAGOU));
        Api.Answer anonymous =
                api.post("api/v1/catalog/items/MZ-0001/process/trial?tenant=" + HUAGOU, null, "application/json", "");
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void aTownAdaptsTheTieredReviewForItsVillagesOnlyAndRetiresItAgain() {
        String qifeng = yiyuan.token(qifengAdmin);

        Api.Answer published = publish("tiered-review", QIFENG, qifeng, townTieredReview(QIFENG));

        assertThat(published.status()).as(published.body()).isEqualTo(201);
        assertThat(published.json().asJsonObject().getString("source")).isEqualTo("TOWN");
        JsonObject inHuagou = inForce("tiered-review", HUAGOU);
        assertThat(inHuagou.getString("tenant")).isEqualTo(QIFENG);
        assertThat(inHuagou.getString("source")).isEqualTo("TOWN");
        assertThat(inForce("tiered-review", TIANZHUANG_VILLAGE).getString("source"))
                .as("a village of another town keeps the standard")
                .isEqualTo("STANDARD");
        JsonObject run = trial("tiered-review", HUAGOU, List.of(HUAGOU, QIFENG), 0);
        assertThat(steps(run))
                .containsExactly(
                        List.of("tierReview"), List.of("tierReview"), List.of("townRecord"), List.of("windowDelivery"));

        Api.Answer retired = api.delete("api/v1/process-templates/tiered-review?tenant=" + QIFENG, qifeng);

        assertThat(retired.status()).as(retired.body()).isEqualTo(200);
        assertThat(retired.json().asJsonObject().getString("source")).isEqualTo("STANDARD");
        assertThat(inForce("tiered-review", HUAGOU).getString("source")).isEqualTo("STANDARD");
        JsonArray versions = api.get("api/v1/process-templates/tiered-review/versions?tenant=" + QIFENG, null)
                .json()
                .asJsonArray();
        assertThat(versions).isNotEmpty();
        assertThat(versions.getJsonObject(0).getBoolean("retired")).isTrue();
        Api.Answer again = api.delete("api/v1/process-templates/tiered-review?tenant=" + QIFENG, qifeng);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.field("error")).isEqualTo("process.template.no-override");
    }

    @Test
    void aTownDraftsItsTemplateSavesItTwiceAndPublishesItOnlyFromTheLatestRead() {
        String qifeng = yiyuan.token(qifengAdmin);
        String path = "api/v1/process-templates/parallel-review/draft?tenant=" + QIFENG;
        int versionsBefore = versions("parallel-review", QIFENG);
        byte[] first =
                bundled("parallel-review").replace("汇总各部门意见并决定", "镇长办公会汇总决定").getBytes(StandardCharsets.UTF_8);

        // A draft changes nothing in force and is not visible to the public or to another town's administrator.
        Api.Answer saved = api.put(path, qifeng, "application/xml", first);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        int lock = saved.json().asJsonObject().getInt("lockVersion");
        assertThat(saved.json()
                        .asJsonObject()
                        .getJsonArray("steps")
                        .getJsonObject(1)
                        .getString("name"))
                .isEqualTo("镇长办公会汇总决定");
        assertThat(inForce("parallel-review", HUAGOU).getString("source")).isEqualTo("STANDARD");
        assertThat(api.get(path, null).status()).isEqualTo(401);
        assertRefused(api.get(path, yiyuan.adminToken()), 403, "process.template.own-tenant");
        assertRefused(api.get(path, yiyuan.token(qifengClerk)), 403, "caller.forbidden");

        // A second save without the lock it read, or with an old one, is refused; with it, it replaces the text.
        assertRefused(api.put(path, qifeng, "application/xml", first), 409, "process.template.draft.stale");
        Api.Answer again = api.put(path + "&lockVersion=" + lock, qifeng, "application/xml", first);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        int newer = again.json().asJsonObject().getInt("lockVersion");
        assertRefused(
                api.post(
                        path.replace("/draft?", "/draft/publish?") + "&lockVersion=" + lock,
                        qifeng,
                        "application/json",
                        ""),
                409,
                "process.template.draft.stale");
        assertRefused(
                api.put(
                        path + "&lockVersion=" + newer,
                        qifeng,
                        "application/xml",
                        "<definitions>".getBytes(StandardCharsets.UTF_8)),
                400,
                "process.template.malformed");
        assertThat(versions("parallel-review", QIFENG)).isEqualTo(versionsBefore);

        // Publishing from the latest read makes it the version in force for the town's villages; the draft ends.
        Api.Answer published = api.post(
                path.replace("/draft?", "/draft/publish?") + "&lockVersion=" + newer, qifeng, "application/json", "");
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        assertThat(inForce("parallel-review", HUAGOU).getString("tenant")).isEqualTo(QIFENG);
        assertThat(api.get(path, qifeng).status()).isEqualTo(404);
        assertThat(versions("parallel-review", QIFENG)).isEqualTo(versionsBefore + 1);

        // A draft can be discarded too, which leaves the version in force alone.
        int draftLock = api.put(path, qifeng, "application/xml", first)
                .json()
                .asJsonObject()
                .getInt("lockVersion");
        assertThat(api.delete(path + "&lockVersion=" + draftLock, qifeng).status())
                .isEqualTo(204);
        assertThat(api.get(path, qifeng).status()).isEqualTo(404);
        assertThat(api.delete("api/v1/process-templates/parallel-review?tenant=" + QIFENG, qifeng)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void theStandardsTeamPublishesANewStandardVersionThatEveryCountyInherits() {
        String editor = yiyuan.token(standardsEditor);
        int before = inForce("on-the-spot", COUNTY).getInt("version");
        String next = bundled("on-the-spot").replace("窗口当场决定并出件", "窗口当场决定、出件并告知评价");

        Api.Answer published = publish("on-the-spot", "standard", editor, next);

        assertThat(published.status()).as(published.body()).isEqualTo(201);
        JsonObject inForce = inForce("on-the-spot", HUAGOU);
        assertThat(inForce.getInt("version")).isEqualTo(before + 1);
        assertThat(inForce.getJsonArray("steps").getJsonObject(0).getString("name"))
                .isEqualTo("窗口当场决定、出件并告知评价");
        Api.Answer retireStandard = api.delete("api/v1/process-templates/on-the-spot?tenant=standard", editor);
        assertThat(retireStandard.status()).isEqualTo(400);
        assertThat(retireStandard.field("error")).isEqualTo("process.template.retire.standard");
    }

    @Test
    void aTemplateThatRunsCodeOrIsNotBpmnIsRefusedAndNothingIsDeployed() {
        String qifeng = yiyuan.token(qifengAdmin);
        int versionsBefore = versions("single-department", QIFENG);

        String script = bundled("single-department")
                .replace(
                        "<userTask id=\"departmentReview\" name=\"部门审查决定\" flowable:candidateGroups=\"${reviewGroups[0]}\"/>",
                        "<scriptTask id=\"departmentReview\" scriptFormat=\"groovy\"><script>println 'x'</script></scriptTask>");
        assertRefused(publish("single-department", QIFENG, qifeng, script), 400, "process.template.element");
        String expression =
                bundled("single-department").replace("${windowGroup}", "${''.getClass().forName('java.lang.Runtime')}");
        assertRefused(publish("single-department", QIFENG, qifeng, expression), 400, "process.template.expression");
        assertRefused(
                publish("single-department", QIFENG, qifeng, bundled("on-the-spot")), 400, "process.template.key");
        assertRefused(publish("single-department", QIFENG, qifeng, "<definitions>"), 400, "process.template.malformed");
        String huge =
                bundled("single-department").replace("<process ", "<!--" + "x".repeat(300 * 1024) + "--><process ");
        assertRefused(publish("single-department", QIFENG, qifeng, huge), 400, "process.template.too-large");

        assertThat(versions("single-department", QIFENG)).as("nothing deployed").isEqualTo(versionsBefore);
        assertThat(inForce("single-department", HUAGOU).getString("source")).isEqualTo("STANDARD");
    }

    @Test
    void onlyAnAdministratorOfTheTenantItselfMayPublishItsTemplates() {
        String valid = bundled("single-department");
        assertRefused(publish("single-department", QIFENG, null, valid), 401, "token.missing");
        assertRefused(publish("single-department", QIFENG, yiyuan.token(qifengClerk), valid), 403, "caller.forbidden");
        assertRefused(
                publish("single-department", TIANZHUANG_VILLAGE, yiyuan.token(qifengAdmin), valid),
                404,
                "tenant.not.found");
        assertRefused(
                publish("single-department", QIFENG, yiyuan.adminToken(), valid), 403, "process.template.own-tenant");
        assertRefused(
                publish("single-department", "standard", yiyuan.token(qifengAdmin), valid), 403, "caller.forbidden");
        assertRefused(
                publish("no-such-flow", QIFENG, yiyuan.token(qifengAdmin), valid), 404, "process.template.not-found");

        assertRefused(
                api.postJson("api/v1/process-templates/on-the-spot/trial?tenant=" + HUAGOU, null, "{}"),
                401,
                "token.missing");

        assertThat(versions("single-department", QIFENG)).isZero();
        assertThat(versions("single-department", TIANZHUANG_VILLAGE)).isZero();
    }

    // --- helpers -----------------------------------------------------------------------------------------

    /**
     * 起凤镇 (the town {@code town}) adds a town record step after the reviews: the town keeps a register of every
     * tiered case.
     */
    static String townTieredReview(String town) {
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:flowable="http://flowable.org/bpmn"
                         targetNamespace="https://qifeng.example/process">
              <process id="tiered-review" name="逐级审查（起凤镇：镇级登记）" isExecutable="true">
                <startEvent id="accepted"/>
                <sequenceFlow id="f1" sourceRef="accepted" targetRef="tierReview"/>
                <userTask id="tierReview" name="逐级审查" flowable:candidateGroups="${reviewGroup}">
                  <multiInstanceLoopCharacteristics isSequential="true"
                      flowable:collection="${reviewGroups}" flowable:elementVariable="reviewGroup">
                    <completionCondition>${approved == false}</completionCondition>
                  </multiInstanceLoopCharacteristics>
                </userTask>
                <sequenceFlow id="f2" sourceRef="tierReview" targetRef="townRecord"/>
                <userTask id="townRecord" name="镇便民服务中心登记" flowable:candidateGroups="%s"/>
                <sequenceFlow id="f3" sourceRef="townRecord" targetRef="windowDelivery"/>
                <userTask id="windowDelivery" name="窗口出件或送达决定" flowable:candidateGroups="${windowGroup}"/>
                <sequenceFlow id="f4" sourceRef="windowDelivery" targetRef="done"/>
                <endEvent id="done"/>
              </process>
            </definitions>
            """.formatted(town);
    }

    private Api.Answer publish(String key, String tenant, String token, String xml) {
        return api.put(
                "api/v1/process-templates/" + key + "?tenant=" + tenant,
                token,
                "application/xml",
                xml.getBytes(StandardCharsets.UTF_8));
    }

    private JsonObject inForce(String key, String tenant) {
        Api.Answer answer = api.get("api/v1/process-templates/" + key + "?tenant=" + tenant, null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().asJsonObject();
    }

    private int versions(String key, String tenant) {
        Api.Answer answer = api.get("api/v1/process-templates/" + key + "/versions?tenant=" + tenant, null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().asJsonArray().size();
    }

    private JsonObject trial(String key, String tenant, List<String> reviewGroups, int refuseInRound) {
        StringBuilder groups = new StringBuilder();
        for (String group : reviewGroups) {
            groups.append(groups.isEmpty() ? "" : ",").append('"').append(group).append('"');
        }
        Api.Answer answer = api.postJson(
                "api/v1/process-templates/" + key + "/trial?tenant=" + tenant,
                // A dry run is made inside the caller's scope: the county's staff reach all three tiers.
                yiyuan.adminToken(),
                "{\"windowGroup\":\"" + tenant + "\",\"reviewGroups\":[" + groups + "],\"refuseInRound\":"
                        + refuseInRound + "}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().asJsonObject();
    }

    private static List<List<String>> groups(JsonObject run) {
        return column(run, "group");
    }

    private static List<List<String>> steps(JsonObject run) {
        return column(run, "step");
    }

    private static List<List<String>> column(JsonObject run, String field) {
        return run.getJsonArray("rounds").getValuesAs(JsonArray.class).stream()
                .map(round -> round.getValuesAs(JsonObject.class).stream()
                        .map(task -> task.getString(field))
                        .toList())
                .toList();
    }

    private static JsonObject find(JsonArray templates, String key) {
        return templates.getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getString("key").equals(key))
                .findFirst()
                .orElseThrow();
    }

    private static void assertRefused(Api.Answer answer, int status, String key) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.field("error")).isEqualTo(key);
        assertThat(answer.field("message")).isNotBlank().doesNotContain(key);
    }

    private static String bundled(String key) {
        try (var in = ProcessTemplateIT.class.getResourceAsStream(
                "/org/onewindow/process/templates/" + key + ".bpmn20.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long rowsOf(String table) throws SQLException {
        try (Connection connection = TestDatabase.get().superuserConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
