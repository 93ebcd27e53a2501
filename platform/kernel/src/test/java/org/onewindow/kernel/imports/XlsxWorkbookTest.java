package org.onewindow.kernel.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.error.Messages;

/**
 * Workbooks as counties fill them in Excel or WPS, made with POI: codes typed as numbers, merged cells, title rows,
 * formatted but empty rows and columns; each read to the exact values a person sees, or refused with its cell.
 */
class XlsxWorkbookTest {

    static final List<ImportColumn> COLUMNS = CsvTablesTest.COLUMNS.stream()
            .map(c -> c.name().equals("parent_code") || c.name().equals("level") ? c.fillingMergedCells() : c)
            .toList();

    static byte[] workbook(Consumer<Sheet> fill) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fill.accept(workbook.createSheet("区划"));
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
                default -> row.createCell(i).setCellValue(cells[i].toString());
            }
        }
    }

    static ImportedTable read(byte[] xlsx) {
        try (XlsxWorkbook workbook =
                XlsxWorkbook.open(xlsx, ImportLimits.DEFAULT).orElseThrow()) {
            return workbook.sheet(COLUMNS).orElseThrow();
        }
    }

    @Test
    void codesTypedAsNumbersReadAsTheirDigitsNeverAsExcelsScientificDisplay() {
        byte[] xlsx = workbook(sheet -> {
            row(sheet, 0, "code", "parent_code", "level", "name");
            row(sheet, 1, 370321000000L, null, "county", "桓台县");
            row(sheet, 2, 370321106000L, 370321000000L, "town", "起凤镇");
            row(sheet, 3, 370321106202.0, "370321106000", "village", "华沟村");
        });

        ImportedTable table = read(xlsx);

        assertThat(table.problems()).isEmpty();
        assertThat(CsvTablesTest.values(table)).isEqualTo(CsvTablesTest.EXPECTED);
        assertThat(table.rows().get(2).cell("code")).isEqualTo("A4");
    }

    @Test
    void aParentCodeAndLevelMergedOverTheirVillagesApplyToEachRow() {
        byte[] xlsx = workbook(sheet -> {
            row(sheet, 0, "code", "parent_code", "level", "name");
            row(sheet, 1, "370321106202", "370321106000", "village", "华沟村");
            row(sheet, 2, "370321106203", null, null, "东村");
            row(sheet, 3, "370321106204", null, null, "西村");
            sheet.addMergedRegion(CellRangeAddress.valueOf("B2:B4"));
            sheet.addMergedRegion(CellRangeAddress.valueOf("C2:C4"));
        });

        ImportedTable table = read(xlsx);

        assertThat(table.problems()).isEmpty();
        assertThat(CsvTablesTest.values(table))
                .containsExactly(
                        "2:370321106202|370321106000|village|华沟村",
                        "3:370321106203|370321106000|village|东村",
                        "4:370321106204|370321106000|village|西村");
    }

    @Test
    void aNameMergedOverSeveralRowsIsRefusedSinceEachRowNeedsItsOwn() {
        byte[] xlsx = workbook(sheet -> {
            row(sheet, 0, "code", "parent_code", "level", "name");
            row(sheet, 1, "370321106202", "370321106000", "village", "华沟村");
            row(sheet, 2, "370321106203", "370321106000", "village", null);
            sheet.addMergedRegion(CellRangeAddress.valueOf("D2:D3"));
        });

        ImportedTable table = read(xlsx);

        assertThat(table.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(3);
            assertThat(problem.column()).isEqualTo("name");
            assertThat(problem.cell()).isEqualTo("D3");
            assertThat(Messages.format(
                            Locale.SIMPLIFIED_CHINESE,
                            problem.key(),
                            problem.arguments().toArray()))
                    .isEqualTo("“name”在合并单元格 D2:D3 中：这一列每行须有自己的值，请取消合并并逐行填写");
        });
    }

    @Test
    void titleRowsMergedAcrossAboveTheHeaderAndEmptyFormattedRowsAndColumnsAreReadPast() {
        byte[] xlsx = workbook(sheet -> {
            row(sheet, 0, "桓台县行政区划表");
            sheet.addMergedRegion(CellRangeAddress.valueOf("A1:F1"));
            row(sheet, 2, "区划代码", "上级区划代码", "层级", "名称", "", "  ");
            row(sheet, 3, 370321106202L, 370321106000L, "village", "　华沟村　", "", null);
            CellStyle yellow = sheet.getWorkbook().createCellStyle();
            for (int r = 4; r < 40; r++) {
                Row empty = sheet.createRow(r);
                for (int c = 0; c < 8; c++) {
                    empty.createCell(c).setCellStyle(yellow);
                }
            }
        });
        List<ImportColumn> chinese = List.of(
                ImportColumn.of("code").alsoNamed("区划代码").asCode().requiringValue(),
                ImportColumn.of("parent_code").alsoNamed("上级区划代码").asCode().required(),
                ImportColumn.of("level").alsoNamed("层级").requiringValue(),
                ImportColumn.of("name").alsoNamed("名称").requiringValue());

        ImportedTable table;
        try (XlsxWorkbook workbook =
                XlsxWorkbook.open(xlsx, ImportLimits.DEFAULT).orElseThrow()) {
            table = workbook.sheet(chinese, "区划").orElseThrow();
        }

        assertThat(table.problems()).isEmpty();
        assertThat(table.headerLine()).isEqualTo(3);
        assertThat(CsvTablesTest.values(table)).containsExactly("4:370321106202|370321106000|village|华沟村");
    }

    @Test
    void aCodeOfMoreDigitsThanExcelKeepsIsRefusedAsScientificWithItsCell() {
        byte[] xlsx = workbook(sheet -> {
            row(sheet, 0, "code", "parent_code", "level", "name");
            row(sheet, 1, 370321106202123456.0, 370321106000L, "village", "华沟村");
        });

        ImportedTable table = read(xlsx);

        assertThat(table.problems())
                .extracting(p -> p.line() + " " + p.cell() + " " + p.key())
                .containsExactly("2 A2 import.code.scientific");
    }

    @Test
    void aFormulaErrorInAReadColumnIsRefusedAndAComputedValueIsRead() {
        byte[] xlsx = workbook(sheet -> {
            row(sheet, 0, "code", "parent_code", "level", "name");
            row(sheet, 1, "370321106202", "370321106000", "village", null);
            sheet.getRow(1).createCell(3).setCellErrorValue(FormulaError.NA.getCode());
            row(sheet, 2, null, "370321106000", "village", "东村");
            sheet.getRow(2).createCell(0).setCellFormula("370321106000+203");
            sheet.getWorkbook().getCreationHelper().createFormulaEvaluator().evaluateAll();
        });

        ImportedTable table = read(xlsx);

        assertThat(table.problems())
                .extracting(p -> p.line() + " " + p.cell() + " " + p.key() + " " + p.arguments())
                .containsExactly("2 D2 import.cell.error [name, #N/A]");
        assertThat(table.rows().get(1).get("code")).isEqualTo("370321106203");
    }

    @Test
    void aFileThatIsNoWorkbookIsEmptyAndAZipBombIsTooLarge() throws Exception {
        assertThat(XlsxWorkbook.open("code,name\n".getBytes(), ImportLimits.DEFAULT))
                .isEmpty();
        assertThat(XlsxWorkbook.open(new byte[0], ImportLimits.DEFAULT)).isEmpty();

        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write(new byte[2 << 20]);
            zip.closeEntry();
        }
        ImportLimits small = new ImportLimits(1 << 20, 1 << 20, 100);
        assertThat(bomb.size()).isLessThan(1 << 20);
        assertThatThrownBy(() -> XlsxWorkbook.open(bomb.toByteArray(), small))
                .isInstanceOfSatisfying(ImportTooLargeException.class, e -> {
                    assertThat(e.key()).isEqualTo("import.unpacked.too.large");
                    assertThat(Messages.format(Locale.ENGLISH, e))
                            .startsWith("The workbook unpacks to more than 1 MiB");
                });
    }

    @Test
    void moreRowsThanTheLimitAreTooLarge() {
        byte[] xlsx = workbook(sheet -> {
            row(sheet, 0, "code", "parent_code", "level", "name");
            for (int r = 1; r <= 30; r++) {
                row(sheet, r, "3703211062" + String.format("%02d", r), "370321106000", "village", "村" + r);
            }
        });
        ImportLimits small = new ImportLimits(1 << 20, 10 << 20, 5);

        assertThatThrownBy(() -> {
                    try (XlsxWorkbook workbook = XlsxWorkbook.open(xlsx, small).orElseThrow()) {
                        workbook.sheet(COLUMNS);
                    }
                })
                .isInstanceOfSatisfying(
                        ImportTooLargeException.class, e -> assertThat(e.key()).isEqualTo("import.rows.too.many"));
    }

    @Test
    void exactNumbersKeepFifteenDigitsAndNoFloatingPointNoise() {
        assertThat(XlsxWorkbook.ExactNumbers.exact(370321106202.0)).isEqualTo("370321106202");
        assertThat(XlsxWorkbook.ExactNumbers.exact(0.1 + 0.2)).isEqualTo("0.3");
        assertThat(XlsxWorkbook.ExactNumbers.exact(20.0)).isEqualTo("20");
        assertThat(XlsxWorkbook.ExactNumbers.exact(1.5)).isEqualTo("1.5");
        assertThat(XlsxWorkbook.ExactNumbers.exact(-0.0)).isEqualTo("0");
        assertThat(XlsxWorkbook.ExactNumbers.exact(370321106202123456.0)).matches("3\\.70321106202123E\\+17");
    }
}
