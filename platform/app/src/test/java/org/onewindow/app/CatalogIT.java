package org.onewindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.testing.Api;
import org.onewindow.testing.TestCounty;
import org.onewindow.testing.TestDatabase;

/**
 * The catalog over REST on the real WAR, told with a county of this class's own ({@link TestCounty} 沂河县, numbered
 * as the demo county): its town 起凤镇 (106) with the villages 付庙村 (201) and 华沟村 (202), and the town 田庄镇 (100)
 * beside it. The public reads the catalog without a token; 起凤镇's administrator adapts items for the town; the
 * standards team publishes a new version and the town settles the conflict it gets. Each test uses its own item, so
 * none depends on another's changes; each refusal is checked for its key, a readable message and nothing having
 * changed. The standard catalog is shared by every county: a test that publishes or drafts a demo item leaves it as
 * the demo has it, for the classes that read it after this one; the neighbour counties a publication reaches are
 * counties of their own too.
 */
class CatalogIT extends ShippedWar {

    /** 沂河县, this class's own: its overrides, conflicts and re-bases no other class reads. */
    static TestCounty yihe;

    static String COUNTY;
    static String QIFENG;
    static String HUAGOU;
    static String FUMIAO;
    static String TIANZHUANG;
    static String qifengAdmin;
    static String qifengClerk;
    static String huagouClerk;
    static String fumiaoClerk;
    static String standardsEditor;

    /**
     * The county with its two towns and 起凤镇's villages, the departments the standard items name (a standards
     * editor's draft is checked against them), 起凤镇's administrator, a clerk in 起凤镇 and in each village, and a
     * standards editor.
     */
    @BeforeEach
    void ownCounty() {
        if (yihe != null) {
            return;
        }
        yihe = TestCounty.named("沂河县")
                .town(106, "起凤镇", "付庙村", "华沟村")
                .town(100, "田庄镇")
                .backOffice()
                .make(api);
        COUNTY = yihe.code();
        QIFENG = yihe.code("起凤镇");
        HUAGOU = yihe.code("华沟村");
        FUMIAO = yihe.code("付庙村");
        TIANZHUANG = yihe.code("田庄镇");
        qifengAdmin = yihe.staff("起凤镇", "qifeng.admin", Set.of("TENANT_ADMIN"));
        qifengClerk = yihe.clerk("起凤镇", "qifeng.clerk");
        huagouClerk = yihe.clerk("华沟村", "huagou.clerk");
        fumiaoClerk = yihe.clerk("付庙村", "fumiao.clerk");
        standardsEditor = yihe.standardsEditor("standards.editor");
    }

    // --- the public catalog ----------------------------------------------------------------------------

    @Test
    void anyoneSearchesAVillagesCatalogByNameThemeLifeEventAndServiceObject() {
        Api.Answer pension = api.get("api/v1/catalog/items?tenant=" + HUAGOU + "&q=" + encode("养老"), null);
        assertThat(pension.status()).as(pension.body()).isEqualTo(200);
        assertThat(codes(pension)).contains("RS-0001");
        JsonObject first = pension.json().asJsonArray().getJsonObject(0);
        assertThat(first.getString("name")).isEqualTo("城乡居民基本养老保险参保登记");
        assertThat(first.getString("department")).isEqualTo("RS");
        assertThat(first.getInt("promisedLimitDays")).isZero();
        assertThat(first.getBoolean("onTheSpot")).isTrue();

        assertThat(codes(api.get("api/v1/catalog/items?tenant=" + HUAGOU + "&theme=" + encode("社会救助"), null)))
                .contains("MZ-0001", "MZ-0002")
                .doesNotContain("RS-0001");
        assertThat(codes(api.get("api/v1/catalog/items?tenant=" + HUAGOU + "&lifeEvent=" + encode("创业"), null)))
                .containsExactly("XZSP-0001", "XZSP-0002");
        assertThat(codes(api.get("api/v1/catalog/items?tenant=" + HUAGOU + "&serviceObject=LEGAL_PERSON", null)))
                .contains("ZRZY-0001", "XZSP-0002")
                .doesNotContain("RS-0001");
    }

    @Test
    void theSearchFindsWhatPeopleTypeEverydayWordsFullWidthSpacesAndBrackets() {
        // 低保 is an alias of 最低生活保障申请; the ideographic space and half-width brackets are how people type.
        Map<String, List<String>> expected = Map.of(
                "低保", List.of("MZ-0001"),
                "养老\u3000保险", List.of("RS-0001"),
                "养老 保险", List.of("RS-0001"),
                "宅基地和建房(规划许可)", List.of("NY-0001"),
                "医保", List.of("YB-0001"));

        expected.forEach((query, codes) -> {
            Api.Answer found = api.get("api/v1/catalog/items?tenant=" + HUAGOU + "&q=" + encode(query), null);

            assertThat(found.status()).as(found.body()).isEqualTo(200);
            assertThat(codes(found)).as(query).containsExactlyElementsOf(codes);
        });
        // Several words mean all of them: no item is both 养老 and 医疗.
        assertThat(codes(api.get("api/v1/catalog/items?tenant=" + HUAGOU + "&q=" + encode("养老 医疗"), null)))
                .isEmpty();
    }

    @Test
    void anUnknownTenantOrItemIsNotFound() {
        Api.Answer unknownTenant = api.get("api/v1/catalog/items?tenant=" + yihe.prefix() + "999999", null);
        assertThat(unknownTenant.status()).isEqualTo(404);
        assertThat(unknownTenant.field("error")).isEqualTo("catalog.tenant.not.found");
        assertReadable(unknownTenant);
        assertThat(api.get("api/v1/catalog/items?tenant=abc", null).status()).isEqualTo(404);

        Api.Answer unknownItem = api.get("api/v1/catalog/items/XX-9999?tenant=" + HUAGOU, null);
        assertThat(unknownItem.status()).isEqualTo(404);
        assertThat(unknownItem.field("error")).isEqualTo("catalog.item.not.found");
        assertThat(unknownItem.field("message")).contains("XX-9999");

        Api.Answer overrideOfUnknown = api.putJson(
                "api/v1/catalog/items/XX-9999/override",
                yihe.token(qifengAdmin),
                "{\"patch\":{\"localNotes\":\"无此事项\"}}");
        assertThat(overrideOfUnknown.status()).isEqualTo(404);
        assertThat(overrideOfUnknown.field("error")).isEqualTo("catalog.item.not.found");
    }

    @Test
    void changingTheCatalogNeedsAToken() {
        Api.Answer anonymousPublish =
                api.post("api/v1/catalog/items/RS-0001/drafts/2/publish", null, "application/json", "");
        assertThat(anonymousPublish.status()).isEqualTo(401);
        Api.Answer anonymousConflicts = api.get("api/v1/catalog/conflicts", null);
        assertThat(anonymousConflicts.status()).isEqualTo(401);
        Api.Answer anonymousImpact = api.get("api/v1/catalog/items/RS-0001/drafts/2/impact", null);
        assertThat(anonymousImpact.status()).isEqualTo(401);
        assertThat(anonymousImpact.field("error")).isEqualTo("token.missing");
    }

    // --- the story: a town adapts an item, the standard moves on, the town settles the conflict --------------

    @Test
    void aTownsOverrideReachesItsVillagesAndSurvivesAStandardsUpdateByItsOwnChoice() throws Exception {
        JsonObject demo = standard("MZ-0001");
        try {
            String qifeng = yihe.token(qifengAdmin);
            String editor = yihe.token(standardsEditor);

            // 起凤镇 promises 最低生活保障申请 in 10 working days instead of 20 (the law allows 30) and adds a note.
            Api.Answer set = api.putJson(
                    "api/v1/catalog/items/MZ-0001/override",
                    qifeng,
                    "{\"patch\":{\"promisedLimitDays\":10,\"localNotes\":\"起凤镇便民服务中心二楼社会事务窗口办理\"}}");
            assertThat(set.status()).as(set.body()).isEqualTo(200);
            assertThat(set.json().asJsonObject().getInt("overrideVersion")).isNotNegative();

            JsonObject village = item("MZ-0001", HUAGOU);
            assertThat(village.getJsonObject("elements").getInt("promisedLimitDays"))
                    .isEqualTo(10);
            assertThat(village.getJsonObject("sources").getString("promisedLimitDays"))
                    .isEqualTo("TOWN");
            assertThat(village.getJsonObject("sources").getString("localNotes")).isEqualTo("TOWN");
            assertThat(village.getJsonObject("sources").getString("maxVisits")).isEqualTo("STANDARD");
            assertThat(item("MZ-0001", TIANZHUANG).getJsonObject("elements").getInt("promisedLimitDays"))
                    .isEqualTo(20);

            // The standards team shortens the promise to 15 and lets the item be done online, zero visits.
            JsonObject next = Json.createObjectBuilder(DemoStandards.demoItem("MZ-0001"))
                    .add("promisedLimitDays", 15)
                    .add("maxVisits", 0)
                    .build();
            Api.Answer draft = api.postJson("api/v1/catalog/items/MZ-0001/drafts", editor, next.toString());
            assertThat(draft.status()).as(draft.body()).isEqualTo(201);
            int version = draft.json().asJsonObject().getInt("version");
            assertThat(version).isEqualTo(2);

            Api.Answer impact = api.get("api/v1/catalog/items/MZ-0001/drafts/2/impact", editor);
            assertThat(impact.status()).as(impact.body()).isEqualTo(200);
            JsonObject preview = impact.json().asJsonObject();
            assertThat(preview.getInt("conflictedCount")).isEqualTo(1);
            JsonObject conflicted = preview.getJsonArray("conflicts").getJsonObject(0);
            assertThat(conflicted.getString("code")).isEqualTo(QIFENG);
            assertThat(conflicted.getString("name")).isEqualTo("起凤镇");
            assertThat(conflicted.getJsonArray("elements").getString(0)).isEqualTo("promisedLimitDays");
            assertThat(item("MZ-0001", HUAGOU).getInt("standardVersion"))
                    .as("a preview changes nothing")
                    .isEqualTo(1);

            JsonObject published = publishAndWait("MZ-0001", 2, editor);
            assertThat(published.getString("state")).as(published.toString()).isEqualTo("SUCCEEDED");
            assertThat(published.getInt("conflictedCount")).isEqualTo(1);
            assertThat(published.getInt("percent")).isEqualTo(100);

            // Until the town decides, its value stays in effect; the untouched element follows the standard.
            JsonObject waiting = item("MZ-0001", HUAGOU);
            assertThat(waiting.getInt("standardVersion")).isEqualTo(2);
            assertThat(waiting.getJsonObject("elements").getInt("promisedLimitDays"))
                    .isEqualTo(10);
            assertThat(item("MZ-0001", TIANZHUANG).getJsonObject("elements").getInt("promisedLimitDays"))
                    .isEqualTo(15);

            Api.Answer conflicts = api.get("api/v1/catalog/conflicts", qifeng);
            assertThat(conflicts.status()).as(conflicts.body()).isEqualTo(200);
            JsonObject conflict = conflicts.json().asJsonArray().stream()
                    .map(JsonValue::asJsonObject)
                    .filter(c -> c.getString("itemCode").equals("MZ-0001"))
                    .findFirst()
                    .orElseThrow();
            assertThat(conflict.getString("element")).isEqualTo("promisedLimitDays");
            assertThat(conflict.getInt("oldStandard")).isEqualTo(20);
            assertThat(conflict.getInt("newStandard")).isEqualTo(15);
            assertThat(conflict.getInt("local")).isEqualTo(10);
            assertThat(conflicts(api.get("api/v1/catalog/conflicts", yihe.adminToken())))
                    .as("a conflict is the town's own business")
                    .isEmpty();

            Api.Answer kept = api.postJson(
                    "api/v1/catalog/conflicts/MZ-0001/promisedLimitDays", qifeng, "{\"resolution\":\"KEEP_LOCAL\"}");
            assertThat(kept.status()).as(kept.body()).isEqualTo(200);
            assertThat(conflicts(api.get("api/v1/catalog/conflicts", qifeng))).doesNotContain("MZ-0001");

            JsonObject settled = item("MZ-0001", HUAGOU);
            assertThat(settled.getInt("standardVersion")).isEqualTo(2);
            assertThat(settled.getJsonObject("elements").getInt("promisedLimitDays"))
                    .isEqualTo(10);
            assertThat(settled.getJsonObject("sources").getString("promisedLimitDays"))
                    .isEqualTo("TOWN");
            assertThat(settled.getJsonObject("elements").getInt("maxVisits")).isZero();
            assertThat(settled.getJsonObject("sources").getString("maxVisits")).isEqualTo("STANDARD");
            assertThat(settled.getJsonObject("elements").getString("localNotes"))
                    .contains("二楼");

            assertThat(auditActions(QIFENG))
                    .contains("catalog.override.set", "catalog.override.rebased", "catalog.conflict.resolved");
            assertThat(auditActions(COUNTY)).contains("catalog.draft.created", "catalog.version.published");
            // The publication ran as the system job, not as a person made up; the editor who asked for it is kept.
            assertThat(selectText("select string_agg(distinct actor, ',') from audit_entry where tenant_code = '"
                            + QIFENG + "' and action = 'catalog.override.rebased'"))
                    .isEqualTo("system:publication");
            assertThat(selectText(
                            "select actor || ' for ' || (cast(after_state as jsonb) ->> 'requestedBy') from audit_entry"
                                    + " where action = 'catalog.version.published' and subject_id = 'MZ-0001/2'"))
                    .isEqualTo("system:publication for " + standardsEditor);
            // The re-bases were appended to their tenants' chains in one batch per county: every chain still holds.
            Api.Answer chains = api.post("api/v1/audit/verification", qifeng, "application/json", "");
            assertThat(chains.json().asJsonObject().getBoolean("intact"))
                    .as(chains.body())
                    .isTrue();
        } finally {
            leaveAsTheDemoHasIt("MZ-0001", demo);
        }
    }

    @Test
    void anItemATownDoesNotOfferLeavesItsVillagesCatalogsButNotAnotherTowns() {
        String qifeng = yihe.token(qifengAdmin);
        try {
            Api.Answer notOffered =
                    api.putJson("api/v1/catalog/items/ZJ-0001/override", qifeng, "{\"patch\":{\"offered\":false}}");
            assertThat(notOffered.status()).as(notOffered.body()).isEqualTo(200);

            assertThat(codes(api.get("api/v1/catalog/items?tenant=" + FUMIAO, null)))
                    .doesNotContain("ZJ-0001");
            assertThat(codes(api.get("api/v1/catalog/items?tenant=" + QIFENG, null)))
                    .doesNotContain("ZJ-0001");
            assertThat(codes(api.get("api/v1/catalog/items?tenant=" + TIANZHUANG, null)))
                    .contains("ZJ-0001");
            assertThat(item("ZJ-0001", FUMIAO).getBoolean("offered")).isFalse();
        } finally {
            // Leave the town's item as the standard has it for this class's other tests, which read its villages.
            removeOverride("ZJ-0001", QIFENG, qifeng);
        }
    }

    // --- printed guides ---------------------------------------------------------------------------------

    /**
     * Issue 7: a rare character of a real place or person name (CJK Extension B, 𠮷 U+20BB7) made the guide PDF fail
     * with HTTP 500. 起凤镇 names its window after 𠮷家庄 and 𡈽村; 华沟村's guide prints it, in Chinese and English.
     */
    @Test
    void aGuideWithExtensionBCharactersInTheTownsTextPrintsThemInBothLanguages() throws Exception {
        String qifeng = yihe.token(qifengAdmin);
        String window = "𠮷家庄便民服务站（𡈽村代办点）";
        Api.Answer set = api.putJson(
                "api/v1/catalog/items/NY-0001/override",
                qifeng,
                Json.createObjectBuilder()
                        .add(
                                "patch",
                                Json.createObjectBuilder()
                                        .add("localWindow", window)
                                        .add("localNotes", "𠮷 village: bring the land certificate ①"))
                        .build()
                        .toString());
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        try {
            for (String lang : List.of("zh", "en")) {
                HttpResponse<byte[]> pdf = PublicCatalogIT.get(
                        base.resolve("api/v1/catalog/items/NY-0001/guide.pdf?tenant=" + HUAGOU + "&lang=" + lang));

                assertThat(pdf.statusCode()).as(lang).isEqualTo(200);
                assertThat(pdf.headers().firstValue("Content-Type"))
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/pdf"));
                String text = PublicCatalogIT.textOf(pdf.body());
                assertThat(text)
                        .as(lang)
                        .contains("𠮷")
                        .contains(window)
                        .contains("𠮷 village: bring the land certificate ①")
                        .contains(lang.equals("en") ? "Service guide" : "农村宅基地和建房（规划许可）审批");
            }
        } finally {
            // Leave the town's item as the standard has it for this class's other tests, which read its villages.
            removeOverride("NY-0001", QIFENG, qifeng);
        }
    }

    // --- refusals --------------------------------------------------------------------------------------

    @Test
    void aPromiseAboveTheLawOrAChangeOfTheLegalBasisIsRefusedAndNothingChanges() throws Exception {
        String qifeng = yihe.token(qifengAdmin);
        long overridesBefore = selectCount("select count(*) from item_override");

        Api.Answer tooLong =
                api.putJson("api/v1/catalog/items/MZ-0002/override", qifeng, "{\"patch\":{\"promisedLimitDays\":25}}");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.field("error")).isEqualTo("catalog.limits.promised.above.statutory");
        assertThat(tooLong.field("message")).isEqualTo("承诺时限25个工作日不能超过法定时限20个工作日");

        Api.Answer legalBasis = api.putJson(
                "api/v1/catalog/items/MZ-0002/override", qifeng, "{\"patch\":{\"legalBasis\":[\"镇政府通知\"]}}");
        assertThat(legalBasis.status()).isEqualTo(400);
        assertThat(legalBasis.field("error")).isEqualTo("catalog.override.protected");
        assertReadable(legalBasis);

        Api.Answer noPatch = api.putJson("api/v1/catalog/items/MZ-0002/override", qifeng, "{\"version\":0}");
        assertThat(noPatch.status()).isEqualTo(400);
        assertThat(noPatch.field("error")).isEqualTo("catalog.override.patch.required");

        JsonObject unchanged = item("MZ-0002", HUAGOU);
        assertThat(unchanged.getJsonObject("elements").getInt("promisedLimitDays"))
                .isEqualTo(10);
        assertThat(unchanged.get("overrideVersion")).isEqualTo(JsonValue.NULL);
        assertThat(selectCount("select count(*) from item_override")).isEqualTo(overridesBefore);
    }

    @Test
    void clerksCannotOverrideAndNoAdministratorCanReachAnotherTenantsOverride() throws Exception {
        long overridesBefore = selectCount("select count(*) from item_override");
        for (String clerk : List.of(qifengClerk, huagouClerk, fumiaoClerk)) {
            Api.Answer refused = api.putJson(
                    "api/v1/catalog/items/CL-0001/override",
                    yihe.token(clerk),
                    "{\"patch\":{\"localNotes\":\"代办员自行调整\"}}");
            assertThat(refused.status()).as(clerk).isEqualTo(403);
            assertThat(refused.field("error")).isEqualTo("caller.forbidden");
            assertReadable(refused);
        }
        assertThat(selectCount("select count(*) from item_override")).isEqualTo(overridesBefore);

        // The API only ever targets the caller's own tenant: 起凤镇's note is 起凤镇's, not 田庄镇's.
        Api.Answer town = api.putJson(
                "api/v1/catalog/items/CL-0001/override",
                yihe.token(qifengAdmin),
                "{\"patch\":{\"localNotes\":\"起凤镇残联窗口受理\"}}");
        assertThat(town.status()).as(town.body()).isEqualTo(200);
        assertThat(town.json().asJsonObject().getString("tenant")).isEqualTo(QIFENG);
        assertThat(item("CL-0001", HUAGOU).getJsonObject("sources").getString("localNotes"))
                .isEqualTo("TOWN");
        JsonObject otherTown = item("CL-0001", TIANZHUANG);
        assertThat(otherTown.getJsonObject("elements").containsKey("localNotes"))
                .isFalse();
        assertThat(otherTown.get("overrideVersion")).isEqualTo(JsonValue.NULL);
        assertThat(otherTown.getJsonObject("sources").values())
                .allMatch(source -> source.toString().equals("\"STANDARD\""));
    }

    @Test
    void aStaleOverrideVersionIsAConflictAndKeepsTheNewerValue() throws Exception {
        String qifeng = yihe.token(qifengAdmin);
        Api.Answer first =
                api.putJson("api/v1/catalog/items/GA-0001/override", qifeng, "{\"patch\":{\"localNotes\":\"第一稿\"}}");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        int read = first.json().asJsonObject().getInt("overrideVersion");

        Api.Answer second = api.putJson(
                "api/v1/catalog/items/GA-0001/override",
                qifeng,
                "{\"patch\":{\"localNotes\":\"第二稿\"},\"version\":" + read + "}");
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        long auditBefore = selectCount("select count(*) from audit_entry where action like 'catalog.%'");

        Api.Answer stale = api.putJson(
                "api/v1/catalog/items/GA-0001/override",
                qifeng,
                "{\"patch\":{\"localNotes\":\"过期的修改\"},\"version\":" + read + "}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.field("error")).isEqualTo("catalog.override.stale");
        assertReadable(stale);

        Api.Answer withoutVersion =
                api.putJson("api/v1/catalog/items/GA-0001/override", qifeng, "{\"patch\":{\"localNotes\":\"没读就改\"}}");
        assertThat(withoutVersion.status()).isEqualTo(409);

        assertThat(item("GA-0001", HUAGOU).getJsonObject("elements").getString("localNotes"))
                .isEqualTo("第二稿");
        assertThat(selectCount("select count(*) from audit_entry where action like 'catalog.%'"))
                .isEqualTo(auditBefore);
    }

    @Test
    void onlyTheStandardsTeamPublishes() {
        JsonObject demo = standard("WJ-0001");
        try {
            String editor = yihe.token(standardsEditor);
            JsonObject next = Json.createObjectBuilder(DemoStandards.demoItem("WJ-0001"))
                    .add("onlineDepth", 4)
                    .build();
            Api.Answer draft = api.postJson("api/v1/catalog/items/WJ-0001/drafts", editor, next.toString());
            assertThat(draft.status()).as(draft.body()).isEqualTo(201);
            int version = draft.json().asJsonObject().getInt("version");

            for (String other : List.of(qifengAdmin, yihe.admin())) {
                Api.Answer refused = api.post(
                        "api/v1/catalog/items/WJ-0001/drafts/" + version + "/publish",
                        yihe.token(other),
                        "application/json",
                        "");
                assertThat(refused.status()).as(other).isEqualTo(403);
                assertThat(refused.field("error")).isEqualTo("caller.forbidden");
                assertReadable(refused);
            }
            Api.Answer clerkDraft =
                    api.postJson("api/v1/catalog/items/WJ-0001/drafts", yihe.token(qifengClerk), next.toString());
            assertThat(clerkDraft.status()).isEqualTo(403);

            Api.Answer secondDraft = api.postJson("api/v1/catalog/items/WJ-0001/drafts", editor, next.toString());
            assertThat(secondDraft.status()).isEqualTo(409);
            assertThat(secondDraft.field("error")).isEqualTo("catalog.draft.exists");

            assertThat(item("WJ-0001", HUAGOU).getInt("standardVersion")).isEqualTo(1);
            assertThat(item("WJ-0001", HUAGOU).getJsonObject("elements").getInt("onlineDepth"))
                    .isEqualTo(DemoStandards.demoItem("WJ-0001").getInt("onlineDepth"));
        } finally {
            leaveAsTheDemoHasIt("WJ-0001", demo);
        }
    }

    @Test
    void twoEditorsSavingTheSameDraftCannotOverwriteEachOther() {
        JsonObject demo = standard("MZ-0002");
        try {
            String editor = yihe.token(standardsEditor);
            Api.Answer created = api.postJson(
                    "api/v1/catalog/items/MZ-0002/drafts",
                    editor,
                    Json.createObjectBuilder(DemoStandards.demoItem("MZ-0002"))
                            .add("maxVisits", 0)
                            .build()
                            .toString());
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            int number = created.json().asJsonObject().getInt("version");
            int read = created.json().asJsonObject().getInt("lockVersion");
            String path = "api/v1/catalog/items/MZ-0002/drafts/" + number;

            // Two editors read the same lock version; the first saves, the second's save is refused.
            Api.Answer first = api.putJson(path, editor, edit("MZ-0002", "第一位编辑的补充说明", read));
            Api.Answer second = api.putJson(path, editor, edit("MZ-0002", "第二位编辑的覆盖", read));

            assertThat(first.status()).as(first.body()).isEqualTo(200);
            assertThat(first.json().asJsonObject().getInt("lockVersion")).isNotEqualTo(read);
            assertThat(second.status()).as(second.body()).isEqualTo(409);
            assertThat(second.field("error")).isEqualTo("catalog.draft.stale");
            assertReadable(second);
            JsonObject kept = api.get(path, editor).json().asJsonObject();
            assertThat(kept.getJsonObject("elements").getString("guidance")).isEqualTo("第一位编辑的补充说明");

            // A stale discard is refused too; with the current lock version the draft goes and v1 stays in force.
            assertThat(api.delete(path + "?lockVersion=" + read, editor).status())
                    .isEqualTo(409);
            assertThat(api.delete(path + "?lockVersion=" + kept.getInt("lockVersion"), editor)
                            .status())
                    .isEqualTo(204);
            assertThat(api.get(path, editor).status()).isEqualTo(404);
            assertThat(item("MZ-0002", HUAGOU).getInt("standardVersion")).isEqualTo(1);

            // An invalid edit is refused and changes nothing; a clerk cannot edit.
            Api.Answer again = api.postJson(
                    "api/v1/catalog/items/MZ-0002/drafts",
                    editor,
                    DemoStandards.demoItem("MZ-0002").toString());
            assertThat(again.json().asJsonObject().getInt("version"))
                    .as("the number is free again")
                    .isEqualTo(number);
            int lock = again.json().asJsonObject().getInt("lockVersion");
            Api.Answer invalid = api.putJson(
                    path,
                    editor,
                    "{\"lockVersion\":" + lock + ",\"elements\":"
                            + Json.createObjectBuilder(DemoStandards.demoItem("MZ-0002"))
                                    .add("code", "MZ-0003")
                                    .build() + "}");
            assertThat(invalid.status()).as(invalid.body()).isEqualTo(400);
            Api.Answer clerk = api.putJson(path, yihe.token(qifengClerk), edit("MZ-0002", "x", lock));
            assertThat(clerk.status()).isEqualTo(403);
            assertThat(api.get(path, editor).json().asJsonObject().getInt("lockVersion"))
                    .isEqualTo(lock);
            assertThat(api.delete(path + "?lockVersion=" + lock, editor).status())
                    .isEqualTo(204);
        } finally {
            leaveAsTheDemoHasIt("MZ-0002", demo);
        }
    }

    private int lockOf(String code, int version, String editor) {
        return api.get("api/v1/catalog/items/" + code + "/drafts/" + version, editor)
                .json()
                .asJsonObject()
                .getInt("lockVersion");
    }

    private static String edit(String code, String guidance, int lockVersion) {
        return Json.createObjectBuilder()
                .add("lockVersion", lockVersion)
                .add(
                        "elements",
                        Json.createObjectBuilder(DemoStandards.demoItem(code)).add("guidance", guidance))
                .build()
                .toString();
    }

    @Test
    void aDraftMustBeAValidItem() throws Exception {
        JsonObject demo = standard("CL-0001");
        try {
            String editor = yihe.token(standardsEditor);
            JsonObject aboveTheLaw = Json.createObjectBuilder(DemoStandards.demoItem("CL-0001"))
                    .add("promisedLimitDays", 40)
                    .build();
            Api.Answer refused = api.postJson("api/v1/catalog/items/CL-0001/drafts", editor, aboveTheLaw.toString());
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.field("error")).isEqualTo("catalog.limits.promised.above.statutory");
            assertReadable(refused);

            Api.Answer otherItem = api.postJson(
                    "api/v1/catalog/items/CL-0001/drafts",
                    editor,
                    DemoStandards.demoItem("GA-0001").toString());
            assertThat(otherItem.status()).isEqualTo(400);
            assertThat(otherItem.field("error")).isEqualTo("catalog.version.item.mismatch");

            JsonObject unknownFlow = Json.createObjectBuilder(DemoStandards.demoItem("CL-0001"))
                    .add("process", Json.createObjectBuilder().add("template", "fast-track"))
                    .build();
            Api.Answer noSuchTemplate =
                    api.postJson("api/v1/catalog/items/CL-0001/drafts", editor, unknownFlow.toString());
            assertThat(noSuchTemplate.status()).isEqualTo(400);
            assertThat(noSuchTemplate.field("error")).isEqualTo("catalog.import.process.template.unknown");
            assertThat(noSuchTemplate.field("message")).contains("fast-track");
            assertThat(selectCount("select count(*) from item_version where item_code = 'CL-0001' and state = 'DRAFT'"))
                    .isZero();

            Api.Answer noDraft = api.get("api/v1/catalog/items/CL-0001/drafts/9/impact", editor);
            assertThat(noDraft.status()).isEqualTo(404);
            assertThat(noDraft.field("error")).isEqualTo("catalog.draft.not.found");
        } finally {
            leaveAsTheDemoHasIt("CL-0001", demo);
        }
    }

    @Test
    void aPublicationReachesTheOverridesOfEveryCountyNotOnlyTheEditors() throws Exception {
        JsonObject demo = standard("ZJ-0002");
        try {
            // Arrange: another county of the deployment has its own note on ZJ-0002.
            String other = neighbour("邻县", "ZJ-0002", county -> "邻县政务服务中心办理").code();
            String editor = yihe.token(standardsEditor);
            JsonObject next = Json.createObjectBuilder(DemoStandards.demoItem("ZJ-0002"))
                    .add("maxVisits", 0)
                    .build();
            Api.Answer draft = api.postJson("api/v1/catalog/items/ZJ-0002/drafts", editor, next.toString());
            assertThat(draft.status()).as(draft.body()).isEqualTo(201);

            // Act
            Api.Answer impact = api.get("api/v1/catalog/items/ZJ-0002/drafts/2/impact", editor);
            JsonObject published = publishAndWait("ZJ-0002", 2, editor);

            // Assert: the other county was previewed and re-based, and its catalog reads on the new version.
            assertThat(impact.body()).contains(other);
            assertThat(published.getString("state")).as(published.toString()).isEqualTo("SUCCEEDED");
            assertThat(published.getInt("countiesTotal"))
                    .as("only the neighbour overrides ZJ-0002")
                    .isEqualTo(1);
            assertThat(published.getInt("countiesDone")).isEqualTo(1);
            assertThat(selectCount("select base_version from item_override where tenant_code = '" + other
                            + "' and item_code = 'ZJ-0002'"))
                    .isEqualTo(2);
            JsonObject neighbour = item("ZJ-0002", other);
            assertThat(neighbour.getJsonObject("elements").getString("localNotes"))
                    .isEqualTo("邻县政务服务中心办理");
            assertThat(neighbour.getJsonObject("sources").getString("localNotes"))
                    .isEqualTo("COUNTY");
            assertThat(neighbour.getJsonObject("elements").getInt("maxVisits")).isZero();
            assertThat(auditActions(other)).contains("catalog.override.rebased");
        } finally {
            leaveAsTheDemoHasIt("ZJ-0002", demo);
        }
    }

    @Test
    void aPublicationThatFailsInItsLastCountyLeavesEveryTenantOnTheOldVersion() throws Exception {
        JsonObject demo = standard("ZRZY-0001");
        try {
            // Arrange: overrides of ZRZY-0001 in 沂河县 (起凤镇) and in a neighbour county whose re-base the
            // database refuses (a trigger stands in for any failure half-way: a lost connection, a full disk).
            String neighbour =
                    neighbour("故障县", "ZRZY-0001", county -> "故障县自然资源局办理").code();
            try (Connection su = TestDatabase.get().superuserConnection();
                    Statement sql = su.createStatement()) {
                sql.execute("create function ow_test_refuse() returns trigger language plpgsql as $$ begin"
                        + " if (case when tg_op = 'DELETE' then old.tenant_code else new.tenant_code end) = '"
                        + neighbour
                        + "' then raise exception 'disk full (test)'; end if;"
                        + " return case when tg_op = 'DELETE' then old else new end; end $$");
                sql.execute("create trigger ow_test_refuse before insert or update or delete on item_override"
                        + " for each row execute function ow_test_refuse()");
            }
            String qifeng = yihe.token(qifengAdmin);
            Api.Answer set = api.putJson(
                    "api/v1/catalog/items/ZRZY-0001/override", qifeng, "{\"patch\":{\"localNotes\":\"起凤镇规划建设办窗口受理\"}}");
            assertThat(set.status()).as(set.body()).isEqualTo(200);
            String editor = yihe.token(standardsEditor);
            JsonObject next = Json.createObjectBuilder(DemoStandards.demoItem("ZRZY-0001"))
                    .add("maxVisits", 0)
                    .build();
            assertThat(api.postJson("api/v1/catalog/items/ZRZY-0001/drafts", editor, next.toString())
                            .status())
                    .isEqualTo(201);
            try {
                // Act
                JsonObject failed = publishAndWait("ZRZY-0001", 2, editor);

                // Assert: the publication says why; no county moved, the draft is still a draft.
                assertThat(failed.getString("state")).as(failed.toString()).isEqualTo("FAILED");
                assertThat(failed.getString("error")).isEqualTo("catalog.publication.failed");
                assertThat(failed.getString("message")).contains("disk full (test)");
                assertThat(
                                selectCount(
                                        "select count(*) from item_override where item_code = 'ZRZY-0001' and base_version <> 1"))
                        .isZero();
                assertThat(item("ZRZY-0001", HUAGOU).getInt("standardVersion")).isEqualTo(1);
                assertThat(item("ZRZY-0001", HUAGOU).getJsonObject("elements").getString("localNotes"))
                        .isEqualTo("起凤镇规划建设办窗口受理");
                assertThat(selectCount(
                                "select count(*) from item_version where item_code = 'ZRZY-0001' and state = 'DRAFT'"))
                        .isEqualTo(1);
            } finally {
                try (Connection su = TestDatabase.get().superuserConnection();
                        Statement sql = su.createStatement()) {
                    sql.execute("drop trigger ow_test_refuse on item_override");
                    sql.execute("drop function ow_test_refuse()");
                }
            }

            // Once the cause is gone the same draft publishes, and both counties move together.
            JsonObject retried = publishAndWait("ZRZY-0001", 2, editor);
            assertThat(retried.getString("state")).as(retried.toString()).isEqualTo("SUCCEEDED");
            assertThat(selectCount(
                            "select count(*) from item_override where item_code = 'ZRZY-0001' and base_version = 2"))
                    .isEqualTo(2);
        } finally {
            leaveAsTheDemoHasIt("ZRZY-0001", demo);
        }
    }

    @Test
    void aSecondPublicationOfTheSameDraftWhileTheFirstRunsIsRefused() throws Exception {
        JsonObject demo = standard("XZSP-0001");
        try {
            String editor = yihe.token(standardsEditor);
            JsonObject next = Json.createObjectBuilder(DemoStandards.demoItem("XZSP-0001"))
                    .add("maxVisits", 0)
                    .build();
            assertThat(api.postJson("api/v1/catalog/items/XZSP-0001/drafts", editor, next.toString())
                            .status())
                    .isEqualTo(201);

            // The first publication waits on the version in force, which a superuser transaction holds locked.
            Api.Answer first;
            Api.Answer second;
            try (Connection su = TestDatabase.get().superuserConnection();
                    Statement sql = su.createStatement()) {
                su.setAutoCommit(false);
                sql.execute(
                        "select 1 from item_version where item_code = 'XZSP-0001' and state = 'PUBLISHED' for update");
                first = api.post("api/v1/catalog/items/XZSP-0001/drafts/2/publish", editor, "application/json", "");
                second = api.post("api/v1/catalog/items/XZSP-0001/drafts/2/publish", editor, "application/json", "");
                Api.Answer edit = api.putJson(
                        "api/v1/catalog/items/XZSP-0001/drafts/2",
                        editor,
                        edit("XZSP-0001", "发布中修改", lockOf("XZSP-0001", 2, editor)));
                assertThat(edit.status())
                        .as("a draft being published does not change")
                        .isEqualTo(409);
                assertThat(edit.field("error")).isEqualTo("catalog.publication.running");
                su.rollback();
            }

            assertThat(first.status()).as(first.body()).isEqualTo(202);
            assertThat(second.status()).as(second.body()).isEqualTo(409);
            assertThat(second.field("error")).isEqualTo("catalog.publication.running");
            JsonObject done = waitFor(first.json().asJsonObject().getString("id"), editor);
            assertThat(done.getString("state")).isEqualTo("SUCCEEDED");
            assertThat(item("XZSP-0001", HUAGOU).getInt("standardVersion")).isEqualTo(2);
            Api.Answer unknown = api.get("api/v1/catalog/publications/" + java.util.UUID.randomUUID(), editor);
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(api.get("api/v1/catalog/publications", null).status()).isEqualTo(401);
        } finally {
            leaveAsTheDemoHasIt("XZSP-0001", demo);
        }
    }

    @Test
    void aReaderDuringAPublicationSeesEachTenantEntirelyOnTheOldVersionOrEntirelyOnTheNew() throws Exception {
        // Arrange: an item of its own, adapted by 起凤镇 (so by its villages) and by three neighbour counties; every
        // staged row waits a little, so the publication runs for seconds while the tenants read their catalog.
        String code = "PUB-0001";
        standardItem(code, "发布测试事项一");
        List<String> neighbours = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            neighbours.add(
                    neighbour("读者县", code, county -> county.code() + " 本县说明").code());
        }
        try (Connection su = TestDatabase.get().superuserConnection();
                Statement sql = su.createStatement()) {
            sql.execute("create function ow_test_slow() returns trigger language plpgsql as $$ begin"
                    + " if new.item_code = '" + code + "' and new.base_version = 2 then perform pg_sleep(0.4); end if;"
                    + " return new; end $$");
            sql.execute("create trigger ow_test_slow before insert on item_override"
                    + " for each row execute function ow_test_slow()");
        }
        String qifeng = yihe.token(qifengAdmin);
        Api.Answer set = api.putJson(
                "api/v1/catalog/items/" + code + "/override", qifeng, "{\"patch\":{\"localNotes\":\"起凤镇本镇说明\"}}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        String editor = yihe.token(standardsEditor);
        int oldMaxVisits = item(code, HUAGOU).getJsonObject("elements").getInt("maxVisits");
        JsonObject next = Json.createObjectBuilder(testItem(code, "发布测试事项一"))
                .add("maxVisits", oldMaxVisits + 1)
                .build();
        assertThat(api.postJson("api/v1/catalog/items/" + code + "/drafts", editor, next.toString())
                        .status())
                .isEqualTo(201);
        Map<String, String> localNotes = new java.util.LinkedHashMap<>();
        localNotes.put(HUAGOU, "起凤镇本镇说明");
        neighbours.forEach(county -> localNotes.put(county, county + " 本县说明"));
        List<String> seen = new java.util.ArrayList<>();
        int readsWhileRunning = 0;
        try {
            // Act: publish, and read every tenant's item until the publication has ended.
            Api.Answer queued =
                    api.post("api/v1/catalog/items/" + code + "/drafts/2/publish", editor, "application/json", "");
            assertThat(queued.status()).as(queued.body()).isEqualTo(202);
            String publication = queued.json().asJsonObject().getString("id");
            String state = "QUEUED";
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
            while (!List.of("SUCCEEDED", "FAILED").contains(state)) {
                assertThat(System.nanoTime()).as("publication still " + state).isLessThan(deadline);
                state = api.get("api/v1/catalog/publications/" + publication, editor)
                        .json()
                        .asJsonObject()
                        .getString("state");
                for (Map.Entry<String, String> tenant : localNotes.entrySet()) {
                    // Assert: the tenant's override on the version it reads, never the standard of one version
                    // with the overrides of the other (nor a tenant left without its override).
                    JsonObject read = item(code, tenant.getKey());
                    int version = read.getInt("standardVersion");
                    assertThat(read.getJsonObject("elements").getString("localNotes"))
                            .as(tenant.getKey() + " on version " + version)
                            .isEqualTo(tenant.getValue());
                    assertThat(read.getJsonObject("elements").getInt("maxVisits"))
                            .as(tenant.getKey() + " on version " + version)
                            .isEqualTo(version == 1 ? oldMaxVisits : oldMaxVisits + 1);
                    seen.add(tenant.getKey() + "@" + version);
                }
                readsWhileRunning += state.equals("RUNNING") ? 1 : 0;
            }
            assertThat(state).isEqualTo("SUCCEEDED");
        } finally {
            try (Connection su = TestDatabase.get().superuserConnection();
                    Statement sql = su.createStatement()) {
                sql.execute("drop trigger ow_test_slow on item_override");
                sql.execute("drop function ow_test_slow()");
            }
        }
        assertThat(readsWhileRunning)
                .as("tenants read while the counties were staged")
                .isGreaterThan(1);
        assertThat(seen).contains(HUAGOU + "@1", HUAGOU + "@2");
        localNotes
                .keySet()
                .forEach(tenant ->
                        assertThat(item(code, tenant).getInt("standardVersion")).isEqualTo(2));
        assertThat(selectCount(
                        "select count(*) from item_override where item_code = '" + code + "' and base_version = 1"))
                .as("the old version's rows are removed once the new one is in force")
                .isZero();
    }

    @Test
    void aPublicationStoppedBetweenCountiesIsResumedOnceItsLeaseRunsOutAndNeverWhileItsWorkerHoldsIt()
            throws Exception {
        // Arrange: an item of its own, adapted by 起凤镇 and by two neighbour counties; the last county's tenant row
        // is locked, so the publication stops there after two counties, as a node stopping between counties would.
        String code = "PUB-0002";
        standardItem(code, "发布测试事项二");
        String second =
                neighbour("续发县", code, county -> county.code() + " 本县说明").code();
        String last = neighbour("续发县", code, county -> county.code() + " 本县说明").code();
        String qifeng = yihe.token(qifengAdmin);
        String ownNote = "{\"patch\":{\"localNotes\":\"起凤镇续发说明\"}}";
        assertThat(api.putJson("api/v1/catalog/items/" + code + "/override", qifeng, ownNote)
                        .status())
                .isEqualTo(200);
        String editor = yihe.token(standardsEditor);
        JsonObject next = Json.createObjectBuilder(testItem(code, "发布测试事项二"))
                .add("maxVisits", 1)
                .build();
        assertThat(api.postJson("api/v1/catalog/items/" + code + "/drafts", editor, next.toString())
                        .status())
                .isEqualTo(201);
        String publication;
        try (Connection lock = TestDatabase.get().superuserConnection();
                Statement sql = lock.createStatement()) {
            lock.setAutoCommit(false);
            sql.execute("select 1 from tenant where code = '" + last + "' for update");

            // Act: the publication stages two counties and stops at the third; its node "stops" and another holds
            // the publication meanwhile (a live lease): a third node looking for stopped publications leaves it alone.
            Api.Answer queued =
                    api.post("api/v1/catalog/items/" + code + "/drafts/2/publish", editor, "application/json", "");
            assertThat(queued.status()).as(queued.body()).isEqualTo(202);
            publication = queued.json().asJsonObject().getString("id");
            JsonObject stopped = waitUntil(publication, editor, p -> p.getInt("countiesDone") == 2);
            assertThat(stopped.getString("state")).isEqualTo("RUNNING");
            assertThat(stopped.getInt("countiesTotal")).isEqualTo(3);
            execute("update publication set worker = 'stopped-node/1', lease_until = now() + interval '1 hour'"
                    + " where id = '" + publication + "'");
            Api.Answer change = api.putJson("api/v1/catalog/items/" + code + "/override", qifeng, ownNote);
            assertThat(change.status())
                    .as("an override is not changed while its item is published")
                    .isEqualTo(409);
            assertThat(change.field("error")).isEqualTo("catalog.publication.running.override");
            assertReadable(change);
            lock.rollback();
        }
        Thread.sleep(2 * 5_000 + 1_000);
        JsonObject held = api.get("api/v1/catalog/publications/" + publication, editor)
                .json()
                .asJsonObject();
        assertThat(held.getString("state"))
                .as("a publication whose worker holds its lease is not taken over")
                .isEqualTo("RUNNING");
        assertThat(held.getInt("countiesDone")).isEqualTo(2);
        assertThat(item(code, HUAGOU).getInt("standardVersion")).isEqualTo(1);

        // The node holding it stops for good: its lease runs out, and a node takes the publication over.
        execute("update publication set lease_until = now() - interval '1 second' where id = '" + publication + "'");
        JsonObject done = waitFor(publication, editor);

        // Assert: resumed with the third county; every override re-based once, and audited once.
        assertThat(done.getString("state")).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.getInt("countiesDone")).isEqualTo(3);
        assertThat(done.getInt("overridingCount")).isEqualTo(3);
        assertThat(selectCount("select count(*) from item_override where item_code = '" + code + "'"))
                .isEqualTo(3);
        assertThat(selectCount(
                        "select count(*) from item_override where item_code = '" + code + "' and base_version = 2"))
                .isEqualTo(3);
        for (String tenant : List.of(QIFENG, second, last)) {
            assertThat(selectCount("select count(*) from audit_entry where tenant_code = '" + tenant + "'"
                            + " and action = 'catalog.override.rebased' and subject_id = '" + tenant + "/" + code
                            + "'"))
                    .as(tenant)
                    .isEqualTo(1);
        }
        assertThat(item(code, HUAGOU).getJsonObject("elements").getString("localNotes"))
                .isEqualTo("起凤镇续发说明");
        assertThat(item(code, last).getJsonObject("elements").getInt("maxVisits"))
                .isEqualTo(1);
    }

    // --- helpers -----------------------------------------------------------------------------------------

    /** The shared standard as 沂河县 reads it (it adapts no item itself, its towns do), put back by its editor. */
    private DemoStandards standards() {
        return new DemoStandards(api, yihe.token(standardsEditor), COUNTY);
    }

    private JsonObject standard(String code) {
        return standards().standard(code);
    }

    private void leaveAsTheDemoHasIt(String code, JsonObject demo) {
        standards().leaveAsTheDemoHasIt(code, demo);
    }

    /** A county of its own beside 沂河县 whose administrator notes {@code note} on the item for the whole county. */
    private TestCounty neighbour(String name, String code, java.util.function.Function<TestCounty, String> note) {
        TestCounty neighbour = TestCounty.named(name).make(api);
        Api.Answer set = api.putJson(
                "api/v1/catalog/items/" + code + "/override",
                neighbour.adminToken(),
                Json.createObjectBuilder()
                        .add("patch", Json.createObjectBuilder().add("localNotes", note.apply(neighbour)))
                        .build()
                        .toString());
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        return neighbour;
    }

    /** Publishes a draft and follows the background publication until it ends; answers its final state. */
    private JsonObject publishAndWait(String code, int version, String editor) {
        Api.Answer queued = api.post(
                "api/v1/catalog/items/" + code + "/drafts/" + version + "/publish", editor, "application/json", "");
        assertThat(queued.status()).as(queued.body()).isEqualTo(202);
        return waitFor(queued.json().asJsonObject().getString("id"), editor);
    }

    /** Follows a publication until {@code reached} holds for it. */
    private JsonObject waitUntil(String publication, String editor, java.util.function.Predicate<JsonObject> reached) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (true) {
            JsonObject state = api.get("api/v1/catalog/publications/" + publication, editor)
                    .json()
                    .asJsonObject();
            if (reached.test(state)) {
                return state;
            }
            assertThat(System.nanoTime()).as("publication " + state).isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * A published item of a test's own, a copy of 生育登记 (WJ-0001) under its own code and name with no theme, life
     * event or alias of its own, so no other test's search finds it.
     */
    private static void standardItem(String code, String name) throws Exception {
        execute("insert into item_version (id, item_code, version_no, state, name, elements, published_at) values"
                + " (gen_random_uuid(), '" + code + "', 1, 'PUBLISHED', '" + name + "', '"
                + testItem(code, name).toString().replace("'", "''") + "', now())");
    }

    /** The elements of such an item. */
    private static JsonObject testItem(String code, String name) {
        return Json.createObjectBuilder(DemoStandards.demoItem("WJ-0001"))
                .add("code", code)
                .add("name", name)
                .add("aliases", JsonValue.EMPTY_JSON_ARRAY)
                .add("themes", Json.createArrayBuilder().add("发布测试"))
                .add("lifeEvents", JsonValue.EMPTY_JSON_ARRAY)
                .build();
    }

    private static void execute(String sql) throws Exception {
        try (Connection su = TestDatabase.get().superuserConnection();
                Statement statement = su.createStatement()) {
            statement.execute(sql);
        }
    }

    private JsonObject waitFor(String publication, String editor) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (true) {
            Api.Answer answer = api.get("api/v1/catalog/publications/" + publication, editor);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            JsonObject state = answer.json().asJsonObject();
            if (List.of("SUCCEEDED", "FAILED").contains(state.getString("state"))) {
                return state;
            }
            assertThat(System.nanoTime())
                    .as("publication still running: " + state)
                    .isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Removes {@code tenant}'s own override of the item, if it has one ({} with the version last read). */
    private void removeOverride(String code, String tenant, String token) {
        if (item(code, tenant).get("overrideVersion") instanceof JsonNumber version) {
            Api.Answer removed = api.putJson(
                    "api/v1/catalog/items/" + code + "/override",
                    token,
                    "{\"patch\":{},\"version\":" + version.intValue() + "}");
            assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        }
        assertThat(item(code, tenant).get("overrideVersion")).as(code).isEqualTo(JsonValue.NULL);
    }

    private JsonObject item(String code, String tenant) {
        Api.Answer answer = api.get("api/v1/catalog/items/" + code + "?tenant=" + tenant, null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().asJsonObject();
    }

    private static List<String> codes(Api.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().asJsonArray().stream()
                .map(item -> item.asJsonObject().getString("code"))
                .toList();
    }

    private static List<String> conflicts(Api.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().asJsonArray().stream()
                .map(c -> c.asJsonObject().getString("itemCode"))
                .toList();
    }

    /** A refusal a clerk can read: the Chinese message, not the bare key. */
    private static void assertReadable(Api.Answer refusal) {
        String message = refusal.field("message");
        assertThat(message).isNotBlank().isNotEqualTo(refusal.field("error"));
        assertThat(message.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                .as(message)
                .isTrue();
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static List<String> auditActions(String tenant) throws Exception {
        try (Connection su = TestDatabase.get().superuserConnection();
                Statement statement = su.createStatement();
                ResultSet rs = statement.executeQuery(
                        "select action from audit_entry where tenant_code = '" + tenant + "' order by seq")) {
            List<String> actions = new java.util.ArrayList<>();
            while (rs.next()) {
                actions.add(rs.getString(1));
            }
            return actions;
        }
    }
}
