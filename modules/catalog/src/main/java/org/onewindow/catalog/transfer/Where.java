package org.onewindow.catalog.transfer;

import java.util.List;
import java.util.Map;

/**
 * Where an element of an imported item came from: a spreadsheet row (with the cell of each column) or an
 * item of a JSON list (whose materials are reported as {@code materials[2].form}).
 *
 * @param sheet the sheet's name, or {@code items} for JSON
 * @param row the row number as the user sees it, from 1
 * @param cells the cell reference of each column, e.g. {@code promisedLimitDays → K5}; empty for JSON
 * @param prefix what goes before the column's name, e.g. {@code materials[2].}
 */
record Where(String sheet, int row, Map<String, String> cells, String prefix) {

    static Where json(int index) {
        return new Where(CatalogJson.ITEMS, index, Map.of(), "");
    }

    /** The same item, for its {@code index}th material (from 1). */
    Where material(int index) {
        return new Where(sheet, row, Map.of(), prefix + "materials[" + index + "].");
    }

    RowError error(String column, String key, Object... arguments) {
        return new RowError(sheet, row, prefix + column, cells.getOrDefault(column, ""), key, List.of(arguments));
    }
}
