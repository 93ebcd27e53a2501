package org.onewindow.kernel.security.domain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.onewindow.kernel.imports.ImportColumn;
import org.onewindow.kernel.imports.ImportLimits;
import org.onewindow.kernel.imports.ImportProblem;
import org.onewindow.kernel.imports.ImportedRow;
import org.onewindow.kernel.imports.ImportedTable;
import org.onewindow.kernel.imports.UploadedTables;

/**
 * The staff list a county keeps (工作人员名单): a header naming the columns {@code division}, {@code username}, {@code
 * name}, {@code roles} and optionally {@code departments}, {@code windows}, {@code password} (or 区划代码, 用户名, 姓名,
 * 角色, 部门, 窗口, 初始密码), in any order, then one staff member a row; as CSV in any encoding Excel or WPS writes, or
 * as the first sheet of an .xlsx workbook (the import reader of ADR 0009). A division code, roles, departments or
 * windows merged over several rows apply to each of them; a username, name or password must be written on each row.
 * Lists in a cell are separated by 、 , ， ; or ；. Reading checks the shape of each row; whether the importing
 * administrator may create the account is the account service's rule, asked row by row.
 */
public final class StaffList {

    /**
     * At most 1,000 staff a file: each created account hashes its password (PBKDF2, a good part of a second on a small
     * server), and a county's clerks fit; a larger list is split.
     */
    public static final ImportLimits LIMITS = new ImportLimits(ImportLimits.DEFAULT.maxBytes(), 100L << 20, 1_000);

    public static final List<ImportColumn> COLUMNS = List.of(
            ImportColumn.of("division")
                    .headed("区划代码")
                    .alsoNamed("所属区划代码", "所属区划", "division_code")
                    .asCode()
                    .requiringValue()
                    .fillingMergedCells(),
            ImportColumn.of("username").headed("用户名").alsoNamed("账号", "登录名").requiringValue(),
            ImportColumn.of("name").headed("姓名").alsoNamed("displayName").requiringValue(),
            ImportColumn.of("roles").headed("角色").requiringValue().fillingMergedCells(),
            ImportColumn.of("departments").headed("部门").alsoNamed("所属部门").fillingMergedCells(),
            ImportColumn.of("windows").headed("窗口").fillingMergedCells(),
            ImportColumn.of("password").headed("初始密码").alsoNamed("密码"));

    /** What separates the entries of a list in one cell. */
    private static final Pattern LIST = Pattern.compile("[、,，;；]+");

    /**
     * One staff member as the file gives them, numbered as the user's program shows its line or row (the header usually
     * is 1); lists as written, split.
     */
    public record Row(
            int line,
            String division,
            String username,
            String displayName,
            List<String> roles,
            List<String> departments,
            List<String> windows,
            String password) {

        public Row {
            roles = List.copyOf(roles);
            departments = List.copyOf(departments);
            windows = List.copyOf(windows);
        }
    }

    /** Why a row (or, at line 0 or the header's line, the file) is refused: the column and a message key. */
    public record Problem(int line, String column, String key, List<Object> arguments) {

        public Problem {
            arguments = List.copyOf(arguments);
        }
    }

    /**
     * The file read: every row that is not blank, each row's problems by line, and the problems of the file as a whole
     * (unreadable, a column missing, a broken quote after which no row can be trusted); with any of those, no row is
     * imported.
     */
    public record Parsed(List<Row> rows, Map<Integer, List<Problem>> rowProblems, List<Problem> fileProblems) {

        public Parsed {
            rows = List.copyOf(rows);
            rowProblems = Map.copyOf(rowProblems);
            fileProblems = List.copyOf(fileProblems);
        }

        /** The problems of the row at {@code line}, empty when it read well. */
        public List<Problem> problemsOf(int line) {
            return rowProblems.getOrDefault(line, List.of());
        }
    }

    private StaffList() {}

    /**
     * @throws org.onewindow.kernel.imports.ImportTooLargeException over {@link #LIMITS}
     */
    public static Parsed read(byte[] file, UploadedTables.Format format) {
        ImportedTable table = UploadedTables.read(file, format, COLUMNS, LIMITS);
        Set<Integer> lines = new java.util.HashSet<>();
        table.rows().forEach(row -> lines.add(row.line()));
        Map<Integer, List<Problem>> byRow = new HashMap<>();
        List<Problem> ofFile = new ArrayList<>();
        for (ImportProblem problem : table.problems()) {
            Problem p = new Problem(problem.line(), problem.column(), problem.key(), problem.arguments());
            // A broken quote leaves the rest of the file unsplit: the rows after it are unknown, so the file is
            // refused.
            if (lines.contains(problem.line()) && !problem.key().equals("import.csv.quotes")) {
                byRow.computeIfAbsent(problem.line(), l -> new ArrayList<>()).add(p);
            } else {
                ofFile.add(p);
            }
        }
        if (table.rows().isEmpty() && ofFile.isEmpty()) {
            ofFile.add(new Problem(table.headerLine(), "", "account.import.empty", List.of()));
        }
        List<Row> rows = new ArrayList<>();
        for (ImportedRow row : table.rows()) {
            String name = row.get("name");
            if (name.contains("?")) {
                // What Excel's GBK "CSV (逗号分隔)" writes for a character GBK lacks (𠮷): the name has lost it.
                byRow.computeIfAbsent(row.line(), l -> new ArrayList<>())
                        .add(new Problem(row.line(), "name", "account.import.name.lost", List.of(name)));
            }
            rows.add(new Row(
                    row.line(),
                    row.get("division"),
                    row.get("username"),
                    name,
                    split(row.get("roles")),
                    split(row.get("departments")),
                    split(row.get("windows")),
                    row.get("password")));
        }
        duplicates(rows, byRow);
        return new Parsed(rows, byRow, ofFile);
    }

    /** Every row of a username written more than once is refused: which of them is meant is not guessed. */
    private static void duplicates(List<Row> rows, Map<Integer, List<Problem>> byRow) {
        Map<String, List<Integer>> lines = new LinkedHashMap<>();
        for (Row row : rows) {
            if (!row.username().isEmpty()) {
                lines.computeIfAbsent(row.username().toLowerCase(java.util.Locale.ROOT), u -> new ArrayList<>())
                        .add(row.line());
            }
        }
        for (List<Integer> same : lines.values()) {
            if (same.size() > 1) {
                String all = String.join("、", same.stream().map(String::valueOf).toList());
                for (int line : same) {
                    byRow.computeIfAbsent(line, l -> new ArrayList<>())
                            .add(new Problem(line, "username", "account.import.username.repeated", List.of(all)));
                }
            }
        }
    }

    /**
     * An empty staff list to fill in (.xlsx): the first sheet headed in Chinese, its division code column formatted as
     * text so that Excel keeps every digit, and a second sheet explaining each column.
     */
    public static byte[] template() {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet staff = workbook.createSheet("工作人员");
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            org.apache.poi.ss.usermodel.Row header = staff.createRow(0);
            for (int i = 0; i < COLUMNS.size(); i++) {
                header.createCell(i).setCellValue(COLUMNS.get(i).header());
                staff.setDefaultColumnStyle(i, text);
                staff.setColumnWidth(i, (i == 0 ? 16 : 14) * 256);
            }
            Sheet notes = workbook.createSheet("填写说明");
            String[][] lines = {
                {"列", "说明"},
                {"区划代码", "12位统计用区划代码，如 370321106202（华沟村）；须在您管辖的区划内。同一村的几行可合并单元格"},
                {"用户名", "登录用，3到40位小写字母、数字、点、下划线或连字符，全县唯一"},
                {"姓名", "必填"},
                {"角色", "窗口人员、审批人员、窗口负责人、区划管理员，多个用顿号分隔；只能授予您有权授予的角色"},
                {"部门", "选填：部门名称或代码，多个用顿号分隔；审批人员必填"},
                {"窗口", "选填：窗口名称，或“服务站名称 · 窗口名称”"},
                {"初始密码", "选填：至少10位；不填则由系统生成。首次登录时必须修改"}
            };
            for (int r = 0; r < lines.length; r++) {
                org.apache.poi.ss.usermodel.Row row = notes.createRow(r);
                row.createCell(0).setCellValue(lines[r][0]);
                row.createCell(1).setCellValue(lines[r][1]);
            }
            notes.setColumnWidth(1, 90 * 256);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> split(String cell) {
        List<String> entries = new ArrayList<>();
        for (String entry : LIST.split(cell)) {
            if (!entry.isBlank()) {
                entries.add(entry.strip());
            }
        }
        return entries;
    }
}
