package org.onewindow.catalog.transfer;

import java.util.List;

/**
 * One reason an imported row is refused (导入校验错误): where it is — the sheet (or {@code items} for JSON), the
 * row (the spreadsheet's own row number, or the item's position in the JSON list, from 1; 0 for the file as a
 * whole), the column (an element name such as {@code promisedLimitDays}) and, in a spreadsheet, the cell — and
 * why, as a message key with arguments that each channel renders in the caller's language.
 */
public record RowError(String sheet, int row, String column, String cell, String key, List<Object> arguments) {

    public RowError {
        arguments = List.copyOf(arguments);
    }

    /** An error about the whole file (unreadable, empty, a sheet or column missing). */
    static RowError ofFile(String sheet, String column, String key, Object... arguments) {
        return new RowError(sheet, 0, column, "", key, List.of(arguments));
    }
}
