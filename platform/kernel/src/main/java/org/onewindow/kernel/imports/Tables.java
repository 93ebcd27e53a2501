package org.onewindow.kernel.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.onewindow.kernel.text.TextField;
import org.onewindow.kernel.text.TextRule;

/**
 * The rules every imported table follows, whatever the file: the header is found among the first rows (title rows
 * above it are read past), columns by name in any order, blank rows skipped, trailing empty columns and padded
 * header cells ignored, cells trimmed, codes Excel turned into numbers read back or refused, and data under no
 * header refused (a comma that shifted the row).
 */
final class Tables {

    /** How many rows that are not blank may stand above the header (a title, a date, a unit). */
    static final int HEADER_SEARCH_ROWS = 10;

    /**
     * A cell's text passes the one text rule (ADR 0011) as several lines (Alt+Enter in Excel) of at most
     * {@link TextField#FREE_MAX_LENGTH}; each import's own rules then limit its columns further.
     */
    private static final TextField CELL = TextField.lines(TextField.FREE_MAX_LENGTH);

    private static final Pattern NAME_IN_BRACKETS = Pattern.compile("[(（]\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*[)）]$");
    private static final Pattern SCIENTIFIC = Pattern.compile("[+-]?\\d+(?:\\.\\d+)?[eE][+-]?\\d+");
    private static final Pattern WHOLE_WITH_ZEROS = Pattern.compile("(\\d+)\\.0+");

    /**
     * A row as the file holds it.
     *
     * @param line its line or row number, from 1
     * @param cells its cells, untrimmed, in file order
     * @param refs each cell's reference in a sheet ({@code B7}), or null for a text file
     * @param merged the cells below the first row of a merged region, by position, each with the region
     *     ({@code A2:A5}); their text is the region's value
     * @param errors the cells holding a formula error, by position, each with the error ({@code #N/A})
     */
    record RawRow(
            int line, List<String> cells, List<String> refs, Map<Integer, String> merged, Map<Integer, String> errors) {

        RawRow(int line, List<String> cells) {
            this(line, cells, null, Map.of(), Map.of());
        }

        String cell(int index) {
            return index < cells.size() && cells.get(index) != null ? cells.get(index) : "";
        }

        boolean blank() {
            for (int i = 0; i < cells.size(); i++) {
                if (!merged.containsKey(i) && !trim(cell(i)).isEmpty()) {
                    return false;
                }
            }
            return true;
        }
    }

    private Tables() {}

    static ImportedTable build(
            List<RawRow> raw, List<ImportColumn> columns, ImportLimits limits, List<ImportProblem> earlier) {
        List<ImportProblem> problems = new ArrayList<>(earlier);
        RawRow header = null;
        Map<Integer, ImportColumn> found = Map.of();
        RawRow firstNonBlank = null;
        int looked = 0;
        int headerIndex = -1;
        for (int i = 0; i < raw.size() && looked < HEADER_SEARCH_ROWS; i++) {
            RawRow row = raw.get(i);
            if (row.blank()) {
                continue;
            }
            looked++;
            if (firstNonBlank == null) {
                firstNonBlank = row;
            }
            Map<Integer, ImportColumn> matched = match(row, columns);
            boolean complete = !matched.isEmpty()
                    && columns.stream().filter(ImportColumn::headerRequired).allMatch(c -> matched.containsValue(c));
            if (complete) {
                header = row;
                found = matched;
                headerIndex = i;
                break;
            }
        }
        if (header == null) {
            Map<Integer, ImportColumn> partial = firstNonBlank == null ? Map.of() : match(firstNonBlank, columns);
            int line = firstNonBlank == null ? 1 : firstNonBlank.line();
            for (ImportColumn column : columns) {
                if (column.headerRequired() && !partial.containsValue(column)) {
                    problems.add(ImportProblem.of(line, column.name(), "", "import.column.missing", column.header()));
                }
            }
            return new ImportedTable(0, Set.of(), List.of(), problems);
        }
        problems.addAll(duplicates(header, columns));
        Map<String, Integer> index = new LinkedHashMap<>();
        found.forEach((position, column) -> index.putIfAbsent(column.name(), position));

        List<ImportedRow> rows = new ArrayList<>();
        for (int i = headerIndex + 1; i < raw.size(); i++) {
            RawRow row = raw.get(i);
            if (row.blank()) {
                continue;
            }
            if (rows.size() >= limits.maxRows()) {
                throw new ImportTooLargeException("import.rows.too.many", limits.maxRows());
            }
            rows.add(read(row, header, found, columns, index, problems));
        }
        return new ImportedTable(header.line(), index.keySet(), rows, problems);
    }

    private static ImportedRow read(
            RawRow row,
            RawRow header,
            Map<Integer, ImportColumn> found,
            List<ImportColumn> columns,
            Map<String, Integer> index,
            List<ImportProblem> problems) {
        Map<String, String> values = new HashMap<>();
        Map<String, String> cells = new HashMap<>();
        for (ImportColumn column : columns) {
            Integer position = index.get(column.name());
            if (position == null) {
                continue;
            }
            String ref = row.refs() == null ? "" : ref(row, position);
            cells.put(column.name(), ref);
            String value = trim(row.cell(position));
            int before = problems.size();
            TextRule.Checked text = TextRule.check(column.header(), value, CELL);
            value = text.problem() == null ? text.text() : value;
            if (text.problem() != null) {
                problems.add(ImportProblem.of(
                        row.line(),
                        column.name(),
                        ref,
                        text.problem().key(),
                        text.problem().arguments().toArray()));
                value = "";
            } else if (row.errors().containsKey(position)) {
                problems.add(ImportProblem.of(
                        row.line(),
                        column.name(),
                        ref,
                        "import.cell.error",
                        column.header(),
                        row.errors().get(position)));
                value = "";
            } else if (row.merged().containsKey(position) && !column.fillsMergedCells()) {
                if (!value.isEmpty()) {
                    problems.add(ImportProblem.of(
                            row.line(),
                            column.name(),
                            ref,
                            "import.cell.merged",
                            column.header(),
                            row.merged().get(position)));
                }
                value = "";
            } else if (column.code() && !value.isEmpty()) {
                if (SCIENTIFIC.matcher(value).matches()) {
                    problems.add(ImportProblem.of(
                            row.line(), column.name(), ref, "import.code.scientific", column.header(), value));
                } else {
                    Matcher zeros = WHOLE_WITH_ZEROS.matcher(value);
                    if (zeros.matches()) {
                        value = zeros.group(1);
                    }
                }
            }
            if (value.isEmpty() && column.valueRequired() && problems.size() == before) {
                problems.add(
                        ImportProblem.of(row.line(), column.name(), ref, "import.value.required", column.header()));
            }
            values.put(column.name(), value);
        }
        // Data under no header is a row shifted by a comma or a tab inside a cell: refused, never guessed.
        for (int i = 0; i < row.cells().size(); i++) {
            if (!found.containsKey(i)
                    && trim(header.cell(i)).isEmpty()
                    && !row.merged().containsKey(i)
                    && !trim(row.cell(i)).isEmpty()) {
                problems.add(ImportProblem.of(
                        row.line(),
                        "",
                        row.refs() == null ? "" : ref(row, i),
                        "import.cell.unheaded",
                        i + 1,
                        trim(row.cell(i))));
            }
        }
        return new ImportedRow(row.line(), values, cells);
    }

    private static String ref(RawRow row, int position) {
        return position < row.refs().size() ? row.refs().get(position) : "";
    }

    private static List<ImportProblem> duplicates(RawRow header, List<ImportColumn> columns) {
        List<ImportProblem> problems = new ArrayList<>();
        for (ImportColumn column : columns) {
            List<Integer> positions = new ArrayList<>();
            for (int i = 0; i < header.cells().size(); i++) {
                if (matches(header.cell(i), column)) {
                    positions.add(i + 1);
                }
            }
            if (positions.size() > 1) {
                problems.add(ImportProblem.of(
                        header.line(),
                        column.name(),
                        "",
                        "import.column.duplicate",
                        column.header(),
                        positions.get(0),
                        positions.get(1)));
            }
        }
        return problems;
    }

    private static Map<Integer, ImportColumn> match(RawRow row, List<ImportColumn> columns) {
        Map<Integer, ImportColumn> matched = new HashMap<>();
        for (int i = 0; i < row.cells().size(); i++) {
            for (ImportColumn column : columns) {
                if (!matched.containsValue(column) && matches(row.cell(i), column)) {
                    matched.put(i, column);
                    break;
                }
            }
        }
        return matched;
    }

    static boolean matches(String headerCell, ImportColumn column) {
        String text = trim(headerCell).toLowerCase(Locale.ROOT);
        if (text.isEmpty()) {
            return false;
        }
        if (text.equals(column.name().toLowerCase(Locale.ROOT))
                || text.equals(trim(column.header()).toLowerCase(Locale.ROOT))) {
            return true;
        }
        for (String alias : column.aliases()) {
            if (text.equals(trim(alias).toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        Matcher bracketed = NAME_IN_BRACKETS.matcher(text);
        return bracketed.find() && bracketed.group(1).equals(column.name().toLowerCase(Locale.ROOT));
    }

    /**
     * The text without surrounding white space of any kind a spreadsheet leaves: spaces, tabs, line breaks, the
     * full-width space U+3000 of Chinese input methods, no-break spaces and zero-width marks pasted from web pages
     * ({@link TextRule#space}, the same for every channel).
     */
    static String trim(String text) {
        return TextRule.trim(text);
    }
}
