package org.onewindow.catalog.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.error.Messages;

/**
 * A county's item list in Excel, read into items and checked row by row: every bad cell is reported with its
 * sheet, row, column and cell, and the shipped catalog goes out to a workbook and back unchanged.
 */
class CatalogWorkbookTest {

    static final String[] ITEM_HEADER = {
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
        "legalBasis"
    };
    static final String[] MATERIAL_HEADER = {"itemCode", "code", "name", "form", "copies", "mandatory", "sources"};

    static Object[] item(String code, String name, String department, Object statutory, Object promised) {
        return new Object[] {
            code, name, "公共服务", "自然人", department, "乡镇级", "村级、乡镇级", "是", "否", statutory, promised, "《法一》\n《法二》"
        };
    }

    @Test
    void theShippedCatalogGoesToAWorkbookAndComesBackUnchanged() {
        List<JsonObject> demo =
                TransferFixtures.demoCatalog().getJsonArray("items").getValuesAs(JsonObject.class);

        ParsedCatalog back = CatalogWorkbook.read(CatalogWorkbook.write(demo));

        assertThat(back.errors()).isEmpty();
        assertThat(TransferFixtures.check(back.items())).isEmpty();
        assertThat(back.items()).hasSize(demo.size());
        for (int i = 0; i < demo.size(); i++) {
            ImportedItem item = back.items().get(i);
            assertThat(item.where().row()).isEqualTo(i + 2);
            assertThat(item.over(demo.get(i))).as(item.code()).isEqualTo(demo.get(i));
        }
    }

    @Test
    void anItemWithoutTheOptionalElementsComesBackWithoutThemToo() {
        JsonObject minimal = Json.createObjectBuilder()
                .add("code", "TT-0001")
                .add("name", "最少要素的事项")
                .add("type", "PUBLIC_SERVICE")
                .add("serviceObject", "NATURAL_PERSON")
                .add("department", "MZ")
                .add("handlingTier", "TOWN")
                .add("intakeTiers", Json.createArrayBuilder().add("TOWN"))
                .add("onTheSpot", false)
                .add("commitmentAllowed", true)
                .add("statutoryLimitDays", 20)
                .add("promisedLimitDays", 20)
                .add("legalBasis", Json.createArrayBuilder().add("《法》"))
                .build();

        ImportedItem back = CatalogWorkbook.read(CatalogWorkbook.write(List.of(minimal)))
                .items()
                .getFirst();

        assertThat(back.over(minimal)).isEqualTo(minimal);
        assertThat(back.elements().getJsonArray("materials")).isEmpty();
    }

    @Test
    void aCountysOwnSpreadsheetReadsWithLabelsLooseYesNoAndEitherSeparator() {
        byte[] xlsx = new Workbooks()
                .sheet(
                        "事项",
                        new String[] {
                            "承诺时限（工作日） (promisedLimitDays)",
                            "事项编码 (code)",
                            "name",
                            "type",
                            "serviceObject",
                            "department",
                            "handlingTier",
                            "intakeTiers",
                            "onTheSpot",
                            "commitmentAllowed",
                            "statutoryLimitDays",
                            "legalBasis",
                            "themes",
                            "不认识的列"
                        },
                        new Object[] {
                            "5",
                            "TT-0001",
                            "测试事项",
                            "行政许可",
                            "BOTH",
                            "MZ",
                            "COUNTY",
                            "村级，县级",
                            true,
                            "FALSE",
                            20,
                            "《法一》\r\n\n《法二》",
                            "社会保障、养老",
                            "ignored"
                        })
                .bytes();

        ParsedCatalog parsed = CatalogWorkbook.read(xlsx);

        assertThat(parsed.errors()).isEmpty();
        JsonObject elements = parsed.items().getFirst().elements();
        assertThat(elements)
                .isEqualTo(Json.createObjectBuilder()
                        .add("code", "TT-0001")
                        .add("name", "测试事项")
                        .add("type", "ADMINISTRATIVE_LICENCE")
                        .add("serviceObject", "BOTH")
                        .add("department", "MZ")
                        .add("handlingTier", "COUNTY")
                        .add(
                                "intakeTiers",
                                Json.createArrayBuilder().add("VILLAGE").add("COUNTY"))
                        .add("onTheSpot", true)
                        .add("commitmentAllowed", false)
                        .add("statutoryLimitDays", 20)
                        .add("promisedLimitDays", 5)
                        .add("themes", Json.createArrayBuilder().add("社会保障").add("养老"))
                        .add("legalBasis", Json.createArrayBuilder().add("《法一》").add("《法二》"))
                        .build());
        // No materials sheet: an existing item keeps its materials, and the elements without a column.
        JsonObject inForce = Json.createObjectBuilder()
                .add(
                        "materials",
                        Json.createArrayBuilder().add(Json.createObjectBuilder().add("code", "ID")))
                .add("fees", JsonValue.EMPTY_JSON_ARRAY)
                .add("name", "旧名称")
                .build();
        JsonObject next = parsed.items().getFirst().over(inForce);
        assertThat(next.getString("name")).isEqualTo("测试事项");
        assertThat(next.getJsonArray("materials")).hasSize(1);
        assertThat(next.getJsonArray("fees")).isEmpty();
    }

    @Test
    void everyBadRowIsReportedWithItsSheetRowColumnAndCell() {
        byte[] xlsx = new Workbooks()
                .sheet(
                        "事项",
                        ITEM_HEADER,
                        item("TT-0001", "测试事项一", "MZ", 20, 10),
                        item("TT-0002", "法定时限写成汉字", "MZ", "二十", 10),
                        item("TT-0003", "部门不存在", "XX", 20, 10),
                        item("TT-0001", "编码重复", "MZ", 20, 10),
                        item("TT-0004", "承诺超过法定", "MZ", 20, 30),
                        new Object[] {"TT-0005", "未知类型", "行政审批", "自然人", "MZ", "乡镇级", "村级、省级", "是", "否", 20, 10, "《法》"},
                        new Object[] {"TT-0006", null, "公共服务", "自然人", "MZ", "乡镇级", "村级", "也许", "否", 20, 10, "《法》"})
                .sheet(
                        "材料",
                        MATERIAL_HEADER,
                        new Object[] {"TT-0001", "ID_CARD", "居民身份证", "原件", 1, "是", "ELICENSE:RESIDENT_ID、APPLICANT"},
                        new Object[] {"TT-0001", "ID_CARD", "身份证复印件", "复印件", 1, "否", "APPLICANT"},
                        new Object[] {"TT-9999", "X", "无主材料", "原件", 1, "是", "APPLICANT"},
                        new Object[] {"TT-0002", "PHOTO", "照片", "照片纸", 1.5, "是", "APPLICANT"})
                .bytes();

        ParsedCatalog parsed = CatalogWorkbook.read(xlsx);
        List<RowError> errors = new ArrayList<>(parsed.errors());
        errors.addAll(TransferFixtures.check(parsed.items()));

        assertThat(errors.stream().map(CatalogWorkbookTest::where))
                .containsExactlyInAnyOrder(
                        "事项 3 statutoryLimitDays J3 catalog.import.number.malformed",
                        "事项 4 department E4 catalog.import.department.unknown",
                        "事项 5 code A5 catalog.import.code.duplicate",
                        "事项 6 promisedLimitDays K6 catalog.limits.promised.above.statutory",
                        "事项 7 type C7 catalog.import.value.unknown",
                        "事项 7 intakeTiers G7 catalog.import.value.unknown",
                        "事项 8 name B8 catalog.import.required",
                        "事项 8 onTheSpot H8 catalog.import.boolean.malformed",
                        "材料 3 code B3 catalog.import.material.duplicate",
                        "材料 4 itemCode A4 catalog.import.material.item.unknown",
                        "材料 5 form D5 catalog.import.value.unknown",
                        "材料 5 copies E5 catalog.import.number.malformed");
        RowError duplicate = errors.stream()
                .filter(e -> e.key().equals("catalog.import.code.duplicate"))
                .findFirst()
                .orElseThrow();
        assertThat(Messages.format(
                        Locale.SIMPLIFIED_CHINESE,
                        duplicate.key(),
                        duplicate.arguments().toArray()))
                .isEqualTo("事项编码“TT-0001”在文件中重复（第2行已有）");
        RowError malformed =
                errors.stream().filter(e -> e.cell().equals("J3")).findFirst().orElseThrow();
        assertThat(Messages.format(
                        Locale.ENGLISH, malformed.key(), malformed.arguments().toArray()))
                .isEqualTo("\"statutoryLimitDays\" must be a whole number, 0 or more, not \"二十\"");
    }

    @Test
    void aFileThatIsNoWorkbookOrLacksTheItemsSheetOrAColumnIsRefusedAsAWhole() {
        assertThat(CatalogWorkbook.read("code,name\nTT-1,x".getBytes()).errors())
                .extracting(RowError::key)
                .containsExactly("catalog.import.file.unreadable");
        assertThat(CatalogWorkbook.read(
                                new Workbooks().sheet("Sheet1", ITEM_HEADER).bytes())
                        .errors())
                .extracting(RowError::key, RowError::sheet)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("catalog.import.sheet.missing", "事项"));
        String[] withoutPromise = java.util.Arrays.copyOf(ITEM_HEADER, 10);
        ParsedCatalog noColumn = CatalogWorkbook.read(new Workbooks()
                .sheet("事项", withoutPromise, item("TT-0001", "x", "MZ", 1, 1))
                .bytes());
        assertThat(noColumn.errors())
                .extracting(RowError::column)
                .containsExactlyInAnyOrder("promisedLimitDays", "legalBasis");
        assertThat(CatalogWorkbook.read(new Workbooks().sheet("事项", ITEM_HEADER).bytes())
                        .errors())
                .extracting(RowError::key)
                .containsExactly("catalog.import.items.required");
    }

    static String where(RowError error) {
        return error.sheet() + " " + error.row() + " " + error.column() + " " + error.cell() + " " + error.key();
    }
}
