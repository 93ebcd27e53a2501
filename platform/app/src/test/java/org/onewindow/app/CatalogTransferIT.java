package org.onewindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.testing.Api;
import org.onewindow.testing.TestCounty;

/**
 * The standard catalog in and out over REST, on the real WAR with a county of this class's own ({@link TestCounty}
 * 博兴县, with the demo county's thirteen county departments, whose codes the catalog's items name): its standards
 * editor exports the catalog as JSON and as a workbook, imports the export back as no change, imports a changed item
 * as a draft and a new item as version 1; a workbook with bad rows is refused whole, each row named, and nothing
 * changes; an oversized file, an anonymous caller and a clerk are refused. The items it touches (YB-0001, IMP-*) and
 * their theme (导入测试) are used by no other test.
 */
class CatalogTransferIT extends ShippedWar {

    /** The county departments the demo catalog's items name, as the demo county has them. */
    static final List<String> DEPARTMENTS =
            List.of("XZSP", "GA", "ZRZY", "RS", "MZ", "SW", "ZJ", "CZ", "SCJG", "YB", "WJ", "CL", "NY");

    /** 博兴县, this class's own: its standards editor's imports are checked against its departments. */
    static TestCounty boxing;

    static String COUNTY;
    static String qifengClerk;
    static String standardsEditor;

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A county with the catalog's departments, a town with a clerk, and a standards editor. */
    @BeforeEach
    void ownCounty() {
        if (boxing != null) {
            return;
        }
        TestCounty.Builder county = TestCounty.named("博兴县").town("起凤镇");
        DEPARTMENTS.forEach(code -> county.department("博兴县", code, code));
        boxing = county.make(api);
        COUNTY = boxing.code();
        qifengClerk = boxing.staff("起凤镇", "qifeng.clerk", Set.of("CLERK"));
        standardsEditor = boxing.standardsEditor("standards.editor");
    }

    @Test
    void onlyAStandardsEditorExportsOrImportsTheCatalog() throws Exception {
        for (String path : List.of("api/v1/catalog/export", "api/v1/catalog/export.xlsx")) {
            Api.Answer anonymous = api.get(path, null);
            assertThat(anonymous.status()).as(path).isEqualTo(401);
            assertThat(anonymous.field("error")).isEqualTo("token.missing");
            Api.Answer clerk = api.get(path, boxing.token(qifengClerk));
            assertThat(clerk.status()).as(path).isEqualTo(403);
        }
        String countyAdmin = boxing.adminToken();
        assertThat(api.get("api/v1/catalog/export", countyAdmin).status()).isEqualTo(403);
        Api.Answer clerkImport = api.postJson("api/v1/catalog/import", boxing.token(qifengClerk), "{\"items\":[]}");
        assertThat(clerkImport.status()).isEqualTo(403);
        assertThat(post("api/v1/catalog/import/xlsx", null, XLSX, new byte[] {1}, "zh-CN")
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void anExportImportsBackAsNoChangeAChangedItemAsADraftAndANewItemAsVersionOne() throws Exception {
        String editor = boxing.token(standardsEditor);
        JsonObject exported = export(editor);
        JsonArray items = exported.getJsonArray("items");
        assertThat(items).hasSizeGreaterThanOrEqualTo(13);
        assertThat(exported.getJsonObject("itemVersions")).hasSize(items.size());

        // Arrange-Act-Assert 1: the export as it is changes nothing.
        long versionsBefore = selectCount("select count(*) from item_version");
        Api.Answer same = api.postJson("api/v1/catalog/import", editor, exported.toString());
        assertThat(same.status()).as(same.body()).isEqualTo(200);
        assertThat(same.json().asJsonObject().getInt("unchanged")).isEqualTo(items.size());
        assertThat(same.json().asJsonObject().getInt("drafted")).isZero();
        assertThat(selectCount("select count(*) from item_version")).isEqualTo(versionsBefore);

        // 2: one changed item becomes a draft of its next version; one new item is in force at once.
        JsonObject insurance = item(items, "YB-0001");
        JsonObject changed = Json.createObjectBuilder(insurance)
                .add(
                        "conditions",
                        Json.createArrayBuilder(insurance.getJsonArray("conditions"))
                                .add("导入测试：新增条件"))
                .build();
        JsonObject added = newItem("IMP-0001", "导入测试新事项");
        String document = Json.createObjectBuilder()
                .add("items", Json.createArrayBuilder().add(changed).add(added))
                .build()
                .toString();
        Api.Answer imported = api.postJson("api/v1/catalog/import", editor, document);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        JsonObject summary = imported.json().asJsonObject();
        assertThat(summary.getInt("drafted")).isEqualTo(1);
        assertThat(summary.getInt("created")).isEqualTo(1);
        assertThat(summary.getJsonArray("items").getJsonObject(0).getString("result"))
                .isEqualTo("DRAFTED");
        assertThat(summary.getJsonArray("items").getJsonObject(0).getInt("version"))
                .isEqualTo(2);
        assertThat(selectCount("select count(*) from item_version where item_code = 'YB-0001' and state = 'DRAFT'"))
                .isEqualTo(1);
        JsonObject afterImport = export(editor);
        assertThat(afterImport.getJsonObject("itemVersions").getInt("YB-0001")).isEqualTo(1);
        assertThat(afterImport.getJsonObject("itemVersions").getInt("IMP-0001")).isEqualTo(1);
        Api.Answer publicView = api.get(
                "api/v1/catalog/items?tenant=" + COUNTY + "&theme=" + java.net.URLEncoder.encode("导入测试", "UTF-8"),
                null);
        assertThat(publicView.json().asJsonArray().getJsonObject(0).getString("code"))
                .isEqualTo("IMP-0001");

        // 3: the same change again is refused while the draft is open, and nothing else of that file is stored.
        String again = Json.createObjectBuilder()
                .add("items", Json.createArrayBuilder().add(changed).add(newItem("IMP-0002", "导入测试另一事项")))
                .build()
                .toString();
        Api.Answer refused = api.postJson("api/v1/catalog/import", editor, again);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        JsonObject error = refused.json().asJsonObject().getJsonArray("errors").getJsonObject(0);
        assertThat(error.getString("error")).isEqualTo("catalog.import.draft.exists");
        assertThat(error.getInt("row")).isEqualTo(1);
        assertThat(error.getString("message")).contains("YB-0001").contains("草稿第2版");
        assertThat(selectCount("select count(*) from item_version where item_code = 'IMP-0002'"))
                .isZero();
    }

    @Test
    void theWorkbookExportImportsBackAsNoChange() throws Exception {
        String editor = boxing.token(standardsEditor);
        HttpResponse<byte[]> workbook = get("api/v1/catalog/export.xlsx", editor);
        assertThat(workbook.statusCode()).isEqualTo(200);
        assertThat(workbook.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith(XLSX));
        int inForce = export(editor).getJsonArray("items").size();
        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(workbook.body()))) {
            assertThat(read.getSheet("事项").getLastRowNum()).isEqualTo(inForce);
            assertThat(read.getSheet("材料").getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("事项编码 (itemCode)");
        }

        long versionsBefore = selectCount("select count(*) from item_version");
        HttpResponse<byte[]> back = post("api/v1/catalog/import/xlsx", editor, XLSX, workbook.body(), "zh-CN");

        assertThat(back.statusCode()).as(new String(back.body())).isEqualTo(200);
        JsonObject summary = json(back.body());
        assertThat(summary.getInt("unchanged") + summary.getInt("drafted")).isEqualTo(inForce);
        // Only items another test left with a newer draft could differ; nothing was drafted by this round trip.
        assertThat(summary.getInt("drafted")).isZero();
        assertThat(selectCount("select count(*) from item_version")).isEqualTo(versionsBefore);
    }

    @Test
    void aWorkbookWithBadRowsIsRefusedWholeEachRowNamedAndNothingChanges() throws Exception {
        String editor = boxing.token(standardsEditor);
        byte[] xlsx = workbook(
                row("IMP-0101", "导入测试好事项", "MZ", 20, 10), // row 2: fine on its own
                row("IMP-0102", "法定时限写错", "MZ", "十五", 10), // row 3: malformed number
                row("IMP-0103", "部门不存在", "NOPE", 20, 10), // row 4: unknown department
                row("IMP-0101", "编码重复", "MZ", 20, 10)); // row 5: duplicate code
        long versionsBefore = selectCount("select count(*) from item_version");
        long auditBefore = selectCount("select count(*) from audit_entry");

        HttpResponse<byte[]> refused = post("api/v1/catalog/import/xlsx", editor, XLSX, xlsx, "zh-CN");

        assertThat(refused.statusCode()).isEqualTo(400);
        JsonObject body = json(refused.body());
        assertThat(body.getString("error")).isEqualTo("catalog.import.rejected");
        assertThat(body.getString("message")).contains("3处错误").contains("未导入");
        assertThat(body.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                        .map(e -> e.getString("sheet") + " " + e.getInt("row") + " " + e.getString("column") + " "
                                + e.getString("cell") + " " + e.getString("error")))
                .containsExactly(
                        "事项 3 statutoryLimitDays J3 catalog.import.number.malformed",
                        "事项 4 department E4 catalog.import.department.unknown",
                        "事项 5 code A5 catalog.import.code.duplicate");
        assertThat(body.getJsonArray("errors").getJsonObject(1).getString("message"))
                .isEqualTo("部门“NOPE”不是本县（" + COUNTY + "）的部门");
        assertThat(selectCount("select count(*) from item_version")).isEqualTo(versionsBefore);
        assertThat(selectCount("select count(*) from audit_entry")).isEqualTo(auditBefore);
        assertThat(export(editor).getJsonObject("itemVersions")).doesNotContainKey("IMP-0101");

        JsonObject english = json(
                post("api/v1/catalog/import/xlsx", editor, XLSX, xlsx, "en").body());
        assertThat(english.getJsonArray("errors").getJsonObject(0).getString("message"))
                .isEqualTo("\"statutoryLimitDays\" must be a whole number, 0 or more, not \"十五\"");
    }

    @Test
    void anOversizedOrUnreadableFileIsRefusedWithAClearMessage() throws Exception {
        String editor = boxing.token(standardsEditor);
        byte[] sixMiB = new byte[6 * 1024 * 1024];

        HttpResponse<byte[]> tooLarge = post("api/v1/catalog/import/xlsx", editor, XLSX, sixMiB, "zh-CN");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(json(tooLarge.body()).getString("error")).isEqualTo("catalog.import.too.large");
        assertThat(json(tooLarge.body()).getString("message")).contains("5 MiB");

        HttpResponse<byte[]> notAWorkbook =
                post("api/v1/catalog/import/xlsx", editor, XLSX, "code,name\n".getBytes(), "zh-CN");
        assertThat(notAWorkbook.statusCode()).isEqualTo(400);
        assertThat(json(notAWorkbook.body())
                        .getJsonArray("errors")
                        .getJsonObject(0)
                        .getString("error"))
                .isEqualTo("catalog.import.file.unreadable");
    }

    // --- helpers -----------------------------------------------------------------------------------------

    private JsonObject export(String token) {
        Api.Answer answer = api.get("api/v1/catalog/export", token);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().asJsonObject();
    }

    private static JsonObject item(JsonArray items, String code) {
        return items.getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getString("code").equals(code))
                .findFirst()
                .orElseThrow();
    }

    private static JsonObject newItem(String code, String name) {
        JsonObjectBuilder item = Json.createObjectBuilder()
                .add("code", code)
                .add("name", name)
                .add("type", "PUBLIC_SERVICE")
                .add("serviceObject", "NATURAL_PERSON")
                .add("department", "MZ")
                .add("handlingTier", "TOWN")
                .add("intakeTiers", Json.createArrayBuilder().add("VILLAGE").add("TOWN"))
                .add("onTheSpot", false)
                .add("commitmentAllowed", false)
                .add("statutoryLimitDays", 20)
                .add("promisedLimitDays", 10)
                .add("themes", Json.createArrayBuilder().add("导入测试"))
                .add("lifeEvents", Json.createArrayBuilder().add("导入测试"))
                .add("legalBasis", Json.createArrayBuilder().add("《导入测试办法》"))
                .add("materials", Json.createArrayBuilder());
        return item.build();
    }

    private static Object[] row(String code, String name, String department, Object statutory, Object promised) {
        return new Object[] {
            code, name, "公共服务", "自然人", department, "乡镇级", "村级、乡镇级", "否", "否", statutory, promised, "《导入测试办法》", "导入测试"
        };
    }

    private static byte[] workbook(Object[]... rows) {
        String[] header = {
            "code",
            "name",
            "type",
            "serviceObject",
            "department",
            "handlingTier",
            "intakeTiers",
            "onTheSpot",
            "commitmentAllowed",
            "statutoryLimitDays",
            "promisedLimitDays",
            "legalBasis",
            "themes"
        };
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("事项");
            Row head = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                head.createCell(i).setCellValue(header[i]);
            }
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int i = 0; i < rows[r].length; i++) {
                    if (rows[r][i] instanceof Number number) {
                        row.createCell(i).setCellValue(number.doubleValue());
                    } else {
                        row.createCell(i).setCellValue(String.valueOf(rows[r][i]));
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<byte[]> get(String path, String token) throws Exception {
        return http.send(
                HttpRequest.newBuilder(base.resolve(path))
                        .header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> post(String path, String token, String type, byte[] body, String language)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", type)
                .header("Accept-Language", language)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonObject json(byte[] body) {
        try (var reader = Json.createReader(new ByteArrayInputStream(body))) {
            return reader.readObject();
        }
    }
}
