package org.onewindow.kernel.imports;

import java.util.Map;

/**
 * A row of an imported file that is not blank: its values by column name, trimmed, for the columns the file has.
 *
 * @param line the line of a text file where the row starts, or the row number of a sheet, as the user's program
 *     shows it (the header is usually line 1)
 * @param values each present column's value; "" when the cell is empty
 * @param cells each present column's cell reference ({@code B7}) in a sheet; empty for a text file
 */
public record ImportedRow(int line, Map<String, String> values, Map<String, String> cells) {

    public ImportedRow {
        values = Map.copyOf(values);
        cells = Map.copyOf(cells);
    }

    /** The column's value, "" when empty or when the file has no such column. */
    public String get(String column) {
        return values.getOrDefault(column, "");
    }

    /** The column's cell reference in a sheet, "" in a text file. */
    public String cell(String column) {
        return cells.getOrDefault(column, "");
    }
}
