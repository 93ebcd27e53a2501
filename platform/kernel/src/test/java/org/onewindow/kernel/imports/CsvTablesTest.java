package org.onewindow.kernel.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.onewindow.kernel.error.Messages;

/**
 * Text files as Excel, WPS and editors save a county's division list: every encoding they write reads to the same
 * values, Excel's padding is read past, and what would store wrong text or lost digits is refused with its line.
 */
class CsvTablesTest {

    static final List<ImportColumn> COLUMNS = List.of(
            ImportColumn.of("code").asCode().requiringValue(),
            ImportColumn.of("parent_code").asCode().required(),
            ImportColumn.of("level").requiringValue(),
            ImportColumn.of("name").alsoNamed("名称").requiringValue());

    static final String LIST = "code,parent_code,level,name\r\n"
            + "370321000000,,county,桓台县\r\n"
            + "370321106000,370321000000,town,起凤镇\r\n"
            + "370321106202,370321106000,village,华沟村\r\n";

    static ImportedTable read(byte[] file) {
        return CsvTables.read(file, COLUMNS, ImportLimits.DEFAULT);
    }

    static List<String> values(ImportedTable table) {
        return table.rows().stream()
                .map(row -> row.line() + ":" + row.get("code") + "|" + row.get("parent_code") + "|" + row.get("level")
                        + "|" + row.get("name"))
                .toList();
    }

    static final List<String> EXPECTED = List.of(
            "2:370321000000||county|桓台县",
            "3:370321106000|370321000000|town|起凤镇",
            "4:370321106202|370321106000|village|华沟村");

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static String message(ImportProblem problem, Locale locale) {
        return Messages.format(locale, problem.key(), problem.arguments().toArray());
    }

    @Test
    void gbkAsChineseExcelsCsvWritesItReadsAsTheSameChinese() throws Exception {
        ImportedTable table = read(LIST.getBytes("GBK"));

        assertThat(table.problems()).isEmpty();
        assertThat(values(table)).isEqualTo(EXPECTED);
        assertThat(TextDecoder.decode(LIST.getBytes("GBK")).encoding()).isEqualTo("GB18030");
    }

    @Test
    void gb18030BeyondGbkReadsToo() {
        // 𠮷 (U+20BB7, CJK Extension B, in real village names) exists in GB18030 as a four-byte sequence only.
        String list = "code,parent_code,level,name\n370321106209,370321106000,village,𠮷家村\n";

        ImportedTable table = read(list.getBytes(Charset.forName("GB18030")));

        assertThat(table.problems()).isEmpty();
        assertThat(table.rows().getFirst().get("name")).isEqualTo("𠮷家村");
    }

    @Test
    void utf8WithAndWithoutByteOrderMarkReadsTheSame() {
        byte[] plain = LIST.getBytes(StandardCharsets.UTF_8);
        byte[] bom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, plain);

        assertThat(values(read(plain))).isEqualTo(EXPECTED);
        assertThat(values(read(bom))).isEqualTo(EXPECTED);
        assertThat(read(bom).columns()).contains("code");
    }

    @Test
    void excelsUnicodeTextUtf16WithByteOrderMarkAndTabsReadsTheSame() {
        String tabbed = LIST.replace(',', '\t');
        byte[] le = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, tabbed.getBytes(StandardCharsets.UTF_16LE));
        byte[] be = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, tabbed.getBytes(StandardCharsets.UTF_16BE));

        assertThat(values(read(le))).isEqualTo(EXPECTED);
        assertThat(values(read(be))).isEqualTo(EXPECTED);
    }

    @Test
    void aTabSeparatedFileWithATitleLineWithoutSeparatorsIsStillSplitOnTabs() {
        String file = "桓台县行政区划表\n" + LIST.replace(',', '\t');

        ImportedTable table = read(file.getBytes(StandardCharsets.UTF_8));

        assertThat(table.headerLine()).isEqualTo(2);
        assertThat(table.rows()).extracting(row -> row.get("name")).containsExactly("桓台县", "起凤镇", "华沟村");
    }

    @Test
    void blankRowsCommaOnlyRowsAndAPaddedHeaderAreReadPast() throws Exception {
        String padded = "code,parent_code,level,name,,,\r\n"
                + "370321000000,,county,桓台县,,,\r\n"
                + ",,,\r\n"
                + "\r\n"
                + "370321106000,370321000000,town,起凤镇,,,\r\n"
                + ",,,,,,\r\n"
                + "370321106202,370321106000,village,华沟村\r\n"
                + ",,,\r\n,,,\r\n";

        ImportedTable table = read(padded.getBytes("GBK"));

        assertThat(table.problems()).isEmpty();
        assertThat(values(table))
                .containsExactly(
                        "2:370321000000||county|桓台县",
                        "5:370321106000|370321000000|town|起凤镇",
                        "7:370321106202|370321106000|village|华沟村");
    }

    @Test
    void quotedCommasDoubledQuotesAndLineBreaksInQuotesAreOneCellAndLinesStillCount() {
        String file = "code,parent_code,level,name\n"
                + "370321106202,370321106000,village,\"华沟村,东片\"\n"
                + "370321106203,370321106000,village,\"\"\"新\"\"村\"\n"
                + "370321106204,370321106000,village,\"上\n下村\"\n"
                + "370321106205,370321106000,village,后村\n";

        ImportedTable table = read(file.getBytes(StandardCharsets.UTF_8));

        assertThat(table.problems()).isEmpty();
        assertThat(table.rows())
                .extracting(row -> row.line() + ":" + row.get("name"))
                .containsExactly("2:华沟村,东片", "3:\"新\"村", "4:上\n下村", "6:后村");
    }

    @Test
    void cellsAreTrimmedOfSpacesFullWidthSpacesAndNoBreakSpaces() {
        String file = " code , parent_code ,level,　名称　\n" + "  370321106202 ,\u00A0370321106000\u00A0,village,　华沟村　\n";

        ImportedTable table = read(file.getBytes(StandardCharsets.UTF_8));

        assertThat(values(table)).containsExactly("2:370321106202|370321106000|village|华沟村");
    }

    @Test
    void columnsAreFoundByNameInAnyOrderBelowTitleRows() {
        String file = "桓台县行政区划表,,,\n"
                + "2026年11月,,,\n"
                + "name,level,code,parent_code,备注\n"
                + "华沟村,village,370321106202,370321106000,不读\n";

        ImportedTable table = read(file.getBytes(StandardCharsets.UTF_8));

        assertThat(table.problems()).isEmpty();
        assertThat(table.headerLine()).isEqualTo(3);
        assertThat(values(table)).containsExactly("4:370321106202|370321106000|village|华沟村");
    }

    @Test
    void aCodeExcelWroteWithATrailingPointZeroReadsAsItsDigits() {
        String file = "code,parent_code,level,name\n370321106202.0,370321106000.00,village,华沟村\n";

        assertThat(values(read(file.getBytes(StandardCharsets.UTF_8))))
                .containsExactly("2:370321106202|370321106000|village|华沟村");
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.70321E+11", "3.70321106202E+11", "3.7E11", "4E+11"})
    void aCodeInScientificNotationIsRefusedBecauseItsDigitsAreLost(String code) {
        String file = "code,parent_code,level,name\n" + code + ",370321106000,village,华沟村\n";

        ImportedTable table = read(file.getBytes(StandardCharsets.UTF_8));

        assertThat(table.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(2);
            assertThat(problem.column()).isEqualTo("code");
            assertThat(problem.key()).isEqualTo("import.code.scientific");
            assertThat(message(problem, Locale.SIMPLIFIED_CHINESE))
                    .isEqualTo("“code”的值“" + code + "”是科学计数法，后几位数字已经丢失：请在 Excel 中把该列设为“文本”格式，重新输入代码后再保存");
        });
    }

    @Test
    void aScientificLookingNameIsNotACodeAndStaysAsWritten() {
        String file = "code,parent_code,level,name\n370321106202,370321106000,village,1E5\n";

        assertThat(read(file.getBytes(StandardCharsets.UTF_8)).rows().getFirst().get("name"))
                .isEqualTo("1E5");
    }

    @Test
    void aRowShiftedByAnUnquotedCommaIsRefusedWithItsLineNotGuessed() {
        String file = "code,parent_code,level,name,,\n"
                + "370321106202,370321106000,village,华沟村\n"
                + "370321106203,370321106000,village,东,西村\n";

        ImportedTable table = read(file.getBytes(StandardCharsets.UTF_8));

        assertThat(table.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(3);
            assertThat(problem.key()).isEqualTo("import.cell.unheaded");
            assertThat(problem.arguments()).containsExactly(5, "西村");
        });
    }

    @Test
    void emptyRequiredValuesAndMissingColumnsAreNamed() {
        ImportedTable empty = read("code,parent_code,level,name\n370321106202,370321106000,,\n".getBytes());
        assertThat(empty.problems())
                .extracting(p -> p.line() + " " + p.column() + " " + p.key())
                .containsExactly("2 level import.value.required", "2 name import.value.required");

        ImportedTable missing = read("code,level,name\n370321106202,village,华沟村\n".getBytes());
        assertThat(missing.problems())
                .extracting(p -> p.line() + " " + p.column() + " " + p.key())
                .containsExactly("1 parent_code import.column.missing");
        assertThat(missing.rows()).isEmpty();

        ImportedTable nothing = read(",,,\n\n".getBytes());
        assertThat(nothing.problems()).extracting(ImportProblem::key).containsOnly("import.column.missing");
    }

    @Test
    void aColumnTwiceIsRefusedAtTheHeader() {
        ImportedTable table =
                read("code,parent_code,level,name,名称\n370321106202,370321106000,village,甲,乙\n".getBytes());

        assertThat(table.problems())
                .extracting(p -> p.line() + " " + p.column() + " " + p.key() + " " + p.arguments())
                .containsExactly("1 name import.column.duplicate [name, 4, 5]");
    }

    @Test
    void bytesThatAreNeitherUtf8NorGb18030AreRefusedNamingTheEncodingsAccepted() {
        byte[] file = concat("code,parent_code,level,name\n".getBytes(), new byte[] {(byte) 0x81, (byte) 0x20, 0x0A});

        ImportedTable table = read(file);

        assertThat(table.rows()).isEmpty();
        assertThat(table.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.key()).isEqualTo("import.encoding.unknown");
            assertThat(problem.line()).isEqualTo(2);
            assertThat(message(problem, Locale.SIMPLIFIED_CHINESE))
                    .startsWith("第2行起有无法识别的文字编码：请以 UTF-8, UTF-16, GB18030/GBK 编码保存");
            assertThat(message(problem, Locale.ENGLISH)).contains("UTF-8, UTF-16, GB18030/GBK");
        });
    }

    @Test
    void aReplacementCharacterLeftByAnEarlierConversionIsRefusedNotStored() {
        String damaged = "code,parent_code,level,name\n370321106202,370321106000,village,华\uFFFD村\n";

        for (Charset charset : List.of(StandardCharsets.UTF_8, Charset.forName("GB18030"))) {
            ImportedTable table = read(damaged.getBytes(charset));

            assertThat(table.rows()).as(charset.name()).isEmpty();
            assertThat(table.problems())
                    .as(charset.name())
                    .extracting(p -> p.line() + " " + p.key())
                    .containsExactly("2 import.text.replacement");
        }
    }

    @Test
    void utf16WithoutByteOrderMarkIsRefusedForItsNulsNotStoredAsGarbage() {
        ImportedTable table = read(LIST.getBytes(StandardCharsets.UTF_16LE));

        assertThat(table.rows()).isEmpty();
        assertThat(table.problems()).extracting(ImportProblem::key).containsExactly("import.text.control");
        assertThat(table.problems().getFirst().arguments()).containsExactly(1, "U+0000");
    }

    @Test
    void aBomThatLiesIsRefused() {
        byte[] file =
                concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "code\n名".getBytes(Charset.forName("GBK")));

        assertThat(read(file).problems()).extracting(ImportProblem::key).containsExactly("import.encoding.invalid");
    }

    @Test
    void anUnclosedQuoteIsRefusedAtTheLineItStarts() {
        String file = "code,parent_code,level,name\n370321106202,370321106000,village,华沟村\n"
                + "370321106203,370321106000,village,\"东村\n370321106204,370321106000,village,西村\n";

        ImportedTable table = read(file.getBytes(StandardCharsets.UTF_8));

        assertThat(table.problems()).extracting(p -> p.line() + " " + p.key()).containsExactly("3 import.csv.quotes");
    }

    @Test
    void overTheLimitsIsTooLargeNamingTheLimit() {
        ImportLimits small = new ImportLimits(200, 1000, 2);
        byte[] threeRows = LIST.getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> CsvTables.read(threeRows, COLUMNS, small))
                .isInstanceOfSatisfying(ImportTooLargeException.class, e -> {
                    assertThat(e.key()).isEqualTo("import.rows.too.many");
                    assertThat(Messages.format(Locale.SIMPLIFIED_CHINESE, e)).isEqualTo("文件超过2行，请拆分后分批导入");
                });
        assertThatThrownBy(() -> CsvTables.read(new byte[201], COLUMNS, small))
                .isInstanceOfSatisfying(
                        ImportTooLargeException.class, e -> assertThat(e.key()).isEqualTo("import.too.large"));
    }
}
