package org.onewindow.kernel.tenant.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.onewindow.kernel.imports.ImportColumn;
import org.onewindow.kernel.imports.ImportLimits;
import org.onewindow.kernel.imports.ImportProblem;
import org.onewindow.kernel.imports.ImportedTable;
import org.onewindow.kernel.imports.UploadedTables;
import org.onewindow.kernel.tenant.domain.ImportRejectedException.LineError;

/**
 * The division list counties exchange (行政区划表): a header naming the columns {@code code}, {@code parent_code},
 * {@code level} and {@code name} (or 区划代码, 上级区划代码, 层级, 名称), in any order, then one division a row, parents
 * before their children; as CSV (any encoding Excel or WPS writes) or as the first sheet of an .xlsx workbook. Title
 * rows above the header, blank rows and empty trailing columns are read past; a parent code or level merged over
 * several rows applies to each of them. Reading checks the shape of each row; the tree rules (GB/T 2260 codes,
 * level under level) are checked by the import against the database and the earlier rows.
 */
public final class DivisionList {

    public static final List<ImportColumn> COLUMNS = List.of(
            ImportColumn.of("code").alsoNamed("区划代码", "代码").asCode().requiringValue(),
            ImportColumn.of("parent_code")
                    .alsoNamed("上级区划代码", "上级代码")
                    .asCode()
                    .required()
                    .fillingMergedCells(),
            ImportColumn.of("level").alsoNamed("层级", "级别").requiringValue().fillingMergedCells(),
            ImportColumn.of("name").alsoNamed("名称", "区划名称").requiringValue(),
            ImportColumn.of("former_code").alsoNamed("原区划代码", "原代码").asCode());

    /**
     * One division, numbered as the user's program shows its line or row (the header usually is 1). {@code
     * formerCode} (optional column 原区划代码) names the code the division had before it was re-coded or moved to
     * another town; "" when it keeps its code.
     */
    public record Row(int line, String code, String parentCode, String level, String name, String formerCode) {

        public Row(int line, String code, String parentCode, String level, String name) {
            this(line, code, parentCode, level, name, "");
        }
    }

    /**
     * The rows that read well, and every problem of the file, by line; a row with a problem is not among the rows.
     */
    public record Parsed(List<Row> rows, List<LineError> errors) {

        public Parsed {
            rows = List.copyOf(rows);
            errors = errors.stream()
                    .sorted(Comparator.comparingInt(LineError::line))
                    .toList();
        }
    }

    private DivisionList() {}

    public static Parsed fromCsv(byte[] file, ImportLimits limits) {
        return rows(UploadedTables.read(file, UploadedTables.Format.CSV, COLUMNS, limits));
    }

    /** The first sheet of the workbook. */
    public static Parsed fromWorkbook(byte[] file, ImportLimits limits) {
        return rows(UploadedTables.read(file, UploadedTables.Format.XLSX, COLUMNS, limits));
    }

    private static Parsed rows(ImportedTable table) {
        List<LineError> errors = new ArrayList<>();
        Set<Integer> badLines = new HashSet<>();
        for (ImportProblem problem : table.problems()) {
            errors.add(new LineError(
                    problem.line(),
                    problem.column(),
                    problem.key(),
                    problem.arguments().toArray()));
            badLines.add(problem.line());
        }
        List<Row> rows = table.rows().stream()
                .filter(row -> !badLines.contains(row.line()))
                .map(row -> new Row(
                        row.line(),
                        row.get("code"),
                        row.get("parent_code"),
                        row.get("level"),
                        row.get("name"),
                        row.get("former_code")))
                .toList();
        return new Parsed(rows, errors);
    }
}
