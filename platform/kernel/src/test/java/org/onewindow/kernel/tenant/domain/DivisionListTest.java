package org.onewindow.kernel.tenant.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.onewindow.kernel.error.Messages;
import org.onewindow.kernel.imports.ImportLimits;
import org.onewindow.kernel.tenant.domain.ImportRejectedException.LineError;

/**
 * The division list counties exchange, as the files they have: a CSV saved by Chinese Excel (GBK), by WPS, by Excel
 * as "CSV UTF-8", and a workbook; each row numbered as the user's program shows it.
 */
class DivisionListTest {

    private static final String LIST = "code,parent_code,level,name\r\n"
            + "370321000000,,county,桓台县\r\n"
            + "370321106000,370321000000,town,起凤镇\r\n"
            + "370321106202,370321106000,village,华沟村\r\n";

    private static final List<DivisionList.Row> EXPECTED = List.of(
            new DivisionList.Row(2, "370321000000", "", "county", "桓台县"),
            new DivisionList.Row(3, "370321106000", "370321000000", "town", "起凤镇"),
            new DivisionList.Row(4, "370321106202", "370321106000", "village", "华沟村"));

    private static DivisionList.Parsed csv(byte[] file) {
        return DivisionList.fromCsv(file, ImportLimits.DEFAULT);
    }

    @Test
    void aChineseExcelCsvInGbkReadsWithItsChineseNames() throws Exception {
        DivisionList.Parsed parsed = csv(LIST.getBytes("GBK"));

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.rows()).isEqualTo(EXPECTED);
    }

    @Test
    void excelsPaddingOfCommaOnlyLinesAndEmptyHeaderCellsIsNoError() throws Exception {
        String padded = "code,parent_code,level,name,,,,\r\n"
                + "370321000000,,county,桓台县,,,,\r\n"
                + ",,,,,,,\r\n"
                + "370321106000,370321000000,town,起凤镇,,,,\r\n"
                + "370321106202,370321106000,village,华沟村,,,,\r\n"
                + ",,,,,,,\r\n,,,,,,,\r\n";

        DivisionList.Parsed parsed = csv(padded.getBytes("GBK"));

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.rows())
                .extracting(DivisionList.Row::line, DivisionList.Row::name)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, "桓台县"),
                        org.assertj.core.groups.Tuple.tuple(4, "起凤镇"),
                        org.assertj.core.groups.Tuple.tuple(5, "华沟村"));
    }

    @Test
    void chineseHeadersInAnyOrderRead() {
        String file = "名称,层级,区划代码,上级区划代码\n华沟村,village,370321106202,370321106000\n";

        assertThat(csv(file.getBytes(StandardCharsets.UTF_8)).rows())
                .containsExactly(new DivisionList.Row(2, "370321106202", "370321106000", "village", "华沟村"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "code,parent,level,name\n", "370321000000,,county,桓台县\n"})
    void aFileWithoutTheHeaderIsRefusedNamingTheMissingColumns(String header) {
        DivisionList.Parsed parsed = csv((header + "370321000000,,county,桓台县\n").getBytes(StandardCharsets.UTF_8));

        assertThat(parsed.rows()).isEmpty();
        assertThat(parsed.errors()).isNotEmpty().allSatisfy(error -> {
            assertThat(error.line()).isEqualTo(1);
            assertThat(error.key()).isEqualTo("import.column.missing");
        });
        assertThat(parsed.errors()).extracting(LineError::column).contains("parent_code");
    }

    @Test
    void everyBadLineIsReportedWithItsColumnAndTheRowIsLeftOut() {
        String file = "code,parent_code,level,name\n"
                + "370321000000,,county,桓台县\n" // 2: fine
                + "3.70321E+11,370321000000,town,起凤镇\n" // 3: digits lost
                + "370321106202,370321106000,village\n" // 4: no name
                + "370321106203,370321106000,village,东,村\n"; // 5: shifted by a comma

        DivisionList.Parsed parsed = csv(file.getBytes(StandardCharsets.UTF_8));

        assertThat(parsed.errors())
                .extracting(e -> e.line() + " " + e.column() + " " + e.key())
                .containsExactly(
                        "3 code import.code.scientific", "4 name import.value.required", "5  import.cell.unheaded");
        assertThat(parsed.rows()).extracting(DivisionList.Row::line).containsExactly(2);
        LineError scientific = parsed.errors().getFirst();
        assertThat(Messages.format(Locale.ENGLISH, scientific.key(), scientific.arguments()))
                .isEqualTo("\"code\" is \"3.70321E+11\", in scientific notation: its last digits are lost. Format the"
                        + " column as Text in Excel, type the codes again and save");
    }

    @Test
    void aWorkbookWithNumericCodesAndAMergedParentReadsLikeTheCsv() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Sheet1");
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue("桓台县行政区划");
            sheet.addMergedRegion(CellRangeAddress.valueOf("A1:D1"));
            String[] header = {"区划代码", "上级区划代码", "层级", "名称"};
            Row head = sheet.createRow(1);
            for (int i = 0; i < header.length; i++) {
                head.createCell(i).setCellValue(header[i]);
            }
            Object[][] rows = {
                {370321000000.0, null, "county", "桓台县"},
                {370321106000.0, 370321000000.0, "town", "起凤镇"},
                {370321106202.0, 370321106000.0, "village", "华沟村"},
                {370321106203.0, null, "village", "东村"}
            };
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 2);
                for (int c = 0; c < 4; c++) {
                    if (rows[r][c] instanceof Double number) {
                        row.createCell(c).setCellValue(number);
                    } else if (rows[r][c] != null) {
                        row.createCell(c).setCellValue(rows[r][c].toString());
                    }
                }
            }
            sheet.addMergedRegion(CellRangeAddress.valueOf("B5:B6"));
            workbook.write(out);
            xlsx = out.toByteArray();
        }

        DivisionList.Parsed parsed = DivisionList.fromWorkbook(xlsx, ImportLimits.DEFAULT);

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.rows())
                .containsExactly(
                        new DivisionList.Row(3, "370321000000", "", "county", "桓台县"),
                        new DivisionList.Row(4, "370321106000", "370321000000", "town", "起凤镇"),
                        new DivisionList.Row(5, "370321106202", "370321106000", "village", "华沟村"),
                        new DivisionList.Row(6, "370321106203", "370321106000", "village", "东村"));
    }

    @Test
    void aFileThatIsNoWorkbookIsRefusedAsAWhole() {
        DivisionList.Parsed parsed =
                DivisionList.fromWorkbook(LIST.getBytes(StandardCharsets.UTF_8), ImportLimits.DEFAULT);

        assertThat(parsed.errors())
                .extracting(LineError::line, LineError::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, "import.xlsx.unreadable"));
    }

    @Test
    void theErrorsOfARejectedImportCannotBeChangedAfterwards() {
        ImportRejectedException rejected =
                new ImportRejectedException(new java.util.ArrayList<>(List.of(new LineError(2, "", "x"))));

        assertThat(rejected.errors()).isUnmodifiable();
        assertThat(rejected.key()).isEqualTo("import.rejected");
        assertThat(rejected.arguments()).containsExactly(1);
    }
}
