package org.onewindow.catalog.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The catalog files a county really has, read by the kernel's import reader: a JSON saved by Notepad in GBK, and
 * workbooks as Excel and WPS save them, with a title row, a material's item code merged down over its materials,
 * codes typed as numbers and Excel's empty formatted rows and columns.
 */
class CountyFilesTest {

    static final String ITEM = """
            {"code": "TT-0001", "name": "最低生活保障申请", "type": "PUBLIC_SERVICE", "serviceObject": "NATURAL_PERSON",
             "department": "MZ", "handlingTier": "TOWN", "intakeTiers": ["TOWN"], "onTheSpot": false,
             "commitmentAllowed": false, "statutoryLimitDays": 20, "promisedLimitDays": 10, "legalBasis": ["《社会救助暂行办法》"]}
            """;

    @Test
    void aJsonCatalogSavedInGbkReadsAsTheSameChineseAsInUtf8() throws Exception {
        String document = "{\"items\": [" + ITEM + "]}";

        ParsedCatalog gbk = CatalogJson.read(document.getBytes("GBK"));
        ParsedCatalog utf8 = CatalogJson.read(document.getBytes(StandardCharsets.UTF_8));

        assertThat(gbk.errors()).isEmpty();
        assertThat(gbk.items().getFirst().elements().getString("name")).isEqualTo("最低生活保障申请");
        assertThat(gbk.items().getFirst().elements())
                .isEqualTo(utf8.items().getFirst().elements());
    }

    @Test
    void aJsonCatalogWithAReplacementCharacterEvenEscapedIsRefused() {
        String raw = "{\"items\": [" + ITEM.replace("最低生活", "最\uFFFD生活") + "]}";
        String escaped = "{\"items\": [" + ITEM.replace("最低生活", "最\\ufffd生活") + "]}";

        for (String document : List.of(raw, escaped)) {
            ParsedCatalog parsed = CatalogJson.read(document.getBytes(StandardCharsets.UTF_8));
            assertThat(parsed.items()).isEmpty();
            assertThat(parsed.errors()).extracting(RowError::key).containsExactly("import.text.replacement");
        }
    }

    @Test
    void bytesNoEncodingReadsAreRefusedNamingTheEncodingsAccepted() {
        // 0xFF starts no character in UTF-8 nor in GB18030.
        byte[] document = "{\"items\": [\"\u00ff\"]}".getBytes(StandardCharsets.ISO_8859_1);

        ParsedCatalog parsed = CatalogJson.read(document);

        assertThat(parsed.errors()).extracting(RowError::key).containsExactly("import.encoding.unknown");
    }

    static byte[] workbook(Consumer<Workbook> fill) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fill.accept(workbook);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void row(Sheet sheet, int index, Object... cells) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < cells.length; i++) {
            switch (cells[i]) {
                case null -> {}
                case Number number -> row.createCell(i).setCellValue(number.doubleValue());
                case Boolean bool -> row.createCell(i).setCellValue(bool);
                default -> row.createCell(i).setCellValue(cells[i].toString());
            }
        }
    }

    @Test
    void aWpsWorkbookWithATitleRowMergedItemCodesAndNumericCodesReadsExactly() {
        byte[] xlsx = workbook(workbook -> {
            Sheet items = workbook.createSheet("事项");
            row(items, 0, "桓台县政务服务事项目录（2026年版）");
            items.addMergedRegion(CellRangeAddress.valueOf("A1:L1"));
            row(items, 1, (Object[]) CatalogWorkbookTest.ITEM_HEADER);
            row(items, 2, CatalogWorkbookTest.item("TT-0001", "　最低生活保障申请 ", "MZ", 20.0, 10.0));
            row(items, 3, CatalogWorkbookTest.item("1001", "数字编码事项", "MZ", 20, 10));
            items.getRow(3).getCell(0).setCellValue(1001.0); // a code Excel keeps as a number
            for (int r = 4; r < 30; r++) {
                items.createRow(r).createCell(20).setCellValue(""); // rows Excel formatted but left empty
            }
            Sheet materials = workbook.createSheet("材料");
            row(materials, 0, (Object[]) CatalogWorkbookTest.MATERIAL_HEADER);
            row(materials, 1, "TT-0001", "ID_CARD", "居民身份证", "原件", 1, "是", "APPLICANT");
            row(materials, 2, null, "HUKOU", "户口簿", "原件", 1, "是", "APPLICANT");
            row(materials, 3, null, "INCOME", "收入证明", "原件", 1, false, "APPLICANT");
            materials.addMergedRegion(CellRangeAddress.valueOf("A2:A4"));
            row(materials, 4, 1001, "ID_CARD", "居民身份证", "原件", 1, "是", "APPLICANT", null, "", null);
        });

        ParsedCatalog parsed = CatalogWorkbook.read(xlsx);
        List<RowError> errors = new ArrayList<>(parsed.errors());
        errors.addAll(TransferFixtures.check(parsed.items()));

        assertThat(errors).isEmpty();
        assertThat(parsed.items()).extracting(ImportedItem::code).containsExactly("TT-0001", "1001");
        JsonObject first = parsed.items().getFirst().elements();
        assertThat(first.getString("name")).isEqualTo("最低生活保障申请");
        assertThat(first.getInt("statutoryLimitDays")).isEqualTo(20);
        assertThat(first.getJsonArray("materials").getValuesAs(JsonObject.class))
                .extracting(m -> m.getString("code") + " " + m.get("mandatory"))
                .containsExactly("ID_CARD true", "HUKOU true", "INCOME false");
        assertThat(parsed.items().getFirst().where().row()).isEqualTo(3);
        assertThat(parsed.items().get(1).elements().getJsonArray("materials")).hasSize(1);
    }

    @Test
    void anItemNameMergedOverTwoRowsIsRefusedWithItsCellAndNothingIsGuessed() {
        byte[] xlsx = workbook(workbook -> {
            Sheet items = workbook.createSheet("事项");
            row(items, 0, (Object[]) CatalogWorkbookTest.ITEM_HEADER);
            row(items, 1, CatalogWorkbookTest.item("TT-0001", "同名事项", "MZ", 20, 10));
            row(items, 2, CatalogWorkbookTest.item("TT-0002", null, "MZ", 20, 10));
            items.addMergedRegion(CellRangeAddress.valueOf("B2:B3"));
        });

        ParsedCatalog parsed = CatalogWorkbook.read(xlsx);

        assertThat(parsed.errors())
                .extracting(CatalogWorkbookTest::where)
                .containsExactly("事项 3 name B3 import.cell.merged");
    }

    @Test
    void anItemCodeInScientificNotationIsRefused() {
        byte[] xlsx = workbook(workbook -> {
            Sheet items = workbook.createSheet("事项");
            row(items, 0, (Object[]) CatalogWorkbookTest.ITEM_HEADER);
            row(items, 1, CatalogWorkbookTest.item("3.70321E+11", "编码被科学计数", "MZ", 20, 10));
        });

        assertThat(CatalogWorkbook.read(xlsx).errors())
                .extracting(CatalogWorkbookTest::where)
                .containsExactly("事项 2 code A2 import.code.scientific");
    }

    @Test
    void anUnknownColumnWithEmptyHeaderButDataIsRefusedAsAShiftedRow() {
        byte[] xlsx = workbook(workbook -> {
            Sheet items = workbook.createSheet("事项");
            row(items, 0, (Object[]) CatalogWorkbookTest.ITEM_HEADER);
            Object[] shifted = java.util.Arrays.copyOf(CatalogWorkbookTest.item("TT-0001", "x", "MZ", 20, 10), 13);
            shifted[12] = "多出来的";
            row(items, 1, shifted);
        });

        assertThat(CatalogWorkbook.read(xlsx).errors())
                .extracting(CatalogWorkbookTest::where)
                .containsExactly("事项 2  M2 import.cell.unheaded");
    }
}
