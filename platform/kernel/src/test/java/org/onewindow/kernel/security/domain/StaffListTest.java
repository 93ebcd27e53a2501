package org.onewindow.kernel.security.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.error.Messages;
import org.onewindow.kernel.imports.ImportTooLargeException;
import org.onewindow.kernel.imports.UploadedTables.Format;

/** The staff list as counties keep it (issue 11): the files Chinese Excel and WPS write, read row by row. */
class StaffListTest {

    private static final String HEADER = "区划代码,用户名,姓名,角色,部门,窗口,初始密码\n";

    @Test
    void aGb18030CsvFromChineseExcelKeepsARareCharacterOfAName() {
        String csv = HEADER + "370321106202,hg.ji,王𠮷,窗口人员、窗口负责人,,综合代办窗口,\n";

        StaffList.Parsed parsed = StaffList.read(csv.getBytes(Charset.forName("GB18030")), Format.CSV);

        assertThat(parsed.fileProblems()).isEmpty();
        assertThat(parsed.problemsOf(2)).isEmpty();
        assertThat(parsed.rows())
                .containsExactly(new StaffList.Row(
                        2, "370321106202", "hg.ji", "王𠮷", List.of("窗口人员", "窗口负责人"), List.of(), List.of("综合代办窗口"), ""));
    }

    @Test
    void aNameWhoseRareCharacterGbkCouldNotSaveIsRefusedWithTheReason() {
        // Excel's "CSV (逗号分隔)" in code page 936 writes "?" for 𠮷, as Java's GBK encoder does.
        byte[] gbk = (HEADER + "370321106202,hg.ji,王𠮷,窗口人员,,,\n").getBytes(Charset.forName("GBK"));

        StaffList.Parsed parsed = StaffList.read(gbk, Format.CSV);

        assertThat(parsed.rows()).extracting(StaffList.Row::displayName).containsExactly("王?");
        StaffList.Problem lost = parsed.problemsOf(2).getFirst();
        assertThat(lost.column()).isEqualTo("name");
        assertThat(Messages.format(
                        Locale.SIMPLIFIED_CHINESE, lost.key(), lost.arguments().toArray()))
                .startsWith("姓名“王?”中有问号");
    }

    @Test
    void aUsernameWrittenTwiceRefusesBothRows() {
        String csv = HEADER + "370321106202,hg.twice,甲,CLERK,,,\n370321106202,HG.TWICE,乙,CLERK,,,\n"
                + "370321106202,hg.once,丙,CLERK,,,\n";

        StaffList.Parsed parsed = StaffList.read(csv.getBytes(StandardCharsets.UTF_8), Format.CSV);

        assertThat(parsed.problemsOf(2))
                .extracting(StaffList.Problem::key)
                .containsExactly("account.import.username.repeated");
        assertThat(parsed.problemsOf(3))
                .extracting(StaffList.Problem::arguments)
                .containsExactly(List.of("2、3"));
        assertThat(parsed.problemsOf(4)).isEmpty();
    }

    @Test
    void aMissingNameIsThatRowsProblemAndAMissingColumnTheFiles() {
        StaffList.Parsed noName = StaffList.read(
                (HEADER + "370321106202,hg.noname,,CLERK,,,\n").getBytes(StandardCharsets.UTF_8), Format.CSV);
        assertThat(noName.fileProblems()).isEmpty();
        assertThat(noName.problemsOf(2))
                .extracting(StaffList.Problem::column, StaffList.Problem::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("name", "import.value.required"));

        StaffList.Parsed noRoles =
                StaffList.read("区划代码,用户名,姓名\n370321106202,hg.x,某\n".getBytes(StandardCharsets.UTF_8), Format.CSV);
        assertThat(noRoles.rows()).isEmpty();
        assertThat(noRoles.fileProblems()).extracting(StaffList.Problem::key).containsExactly("import.column.missing");
    }

    @Test
    void anEmptyFileAndAHeaderAloneAreRefusedAsAWhole() {
        assertThat(StaffList.read(HEADER.getBytes(StandardCharsets.UTF_8), Format.CSV)
                        .fileProblems())
                .extracting(StaffList.Problem::key)
                .containsExactly("account.import.empty");
        assertThat(StaffList.read(" \n".getBytes(StandardCharsets.UTF_8), Format.CSV)
                        .fileProblems())
                .isNotEmpty();
        assertThat(StaffList.read(new byte[] {1, 2, 3}, Format.XLSX).fileProblems())
                .extracting(StaffList.Problem::key)
                .containsExactly("import.xlsx.unreadable");
    }

    @Test
    void aListLongerThanTheLimitIsRefused() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i <= StaffList.LIMITS.maxRows(); i++) {
            csv.append("370321106202,hg.n").append(i).append(",某,CLERK,,,\n");
        }
        assertThatThrownBy(() -> StaffList.read(csv.toString().getBytes(StandardCharsets.UTF_8), Format.CSV))
                .isInstanceOf(ImportTooLargeException.class);
    }

    @Test
    void aWorkbookWithTheDivisionTypedAsANumberAndMergedOverItsRowsGivesItToEachRow() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("名单");
            Object[][] rows = {
                {"区划代码", "用户名", "姓名", "角色"},
                {370321106202.0, "hg.a", "甲", "窗口人员"},
                {null, "hg.b", "乙", "窗口人员"},
                {null, "hg.c", "丙", "窗口人员"}
            };
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] instanceof Double number) {
                        row.createCell(c).setCellValue(number);
                    } else if (rows[r][c] != null) {
                        row.createCell(c).setCellValue(rows[r][c].toString());
                    }
                }
            }
            sheet.addMergedRegion(CellRangeAddress.valueOf("A2:A4"));
            sheet.addMergedRegion(CellRangeAddress.valueOf("C3:C4"));
            workbook.write(out);
            xlsx = out.toByteArray();
        }

        StaffList.Parsed parsed = StaffList.read(xlsx, Format.XLSX);

        assertThat(parsed.fileProblems()).isEmpty();
        assertThat(parsed.rows()).extracting(StaffList.Row::division).containsOnly("370321106202");
        assertThat(parsed.problemsOf(2)).isEmpty();
        // A name merged over two rows belongs to neither: each person has their own.
        assertThat(parsed.problemsOf(4)).extracting(StaffList.Problem::key).containsExactly("import.cell.merged");
    }

    @Test
    void theTemplateIsAnEmptyListHeadedInChinese() {
        byte[] template = StaffList.template();

        StaffList.Parsed parsed = StaffList.read(template, Format.XLSX);

        assertThat(parsed.fileProblems()).extracting(StaffList.Problem::key).containsExactly("account.import.empty");
    }
}
