package org.onewindow.kernel.imports;

import java.util.List;

/**
 * One reason a file or one of its rows is refused: where (the line of a text file or the row of a sheet, from 1,
 * or 0 for the file as a whole; the column's name; in a sheet, the cell such as {@code B7}) and why, as a message
 * key of the kernel's bundle with its arguments.
 */
public record ImportProblem(int line, String column, String cell, String key, List<Object> arguments) {

    public ImportProblem {
        arguments = List.copyOf(arguments);
    }

    static ImportProblem of(int line, String column, String cell, String key, Object... arguments) {
        return new ImportProblem(line, column, cell, key, List.of(arguments));
    }

    static ImportProblem ofFile(String key, Object... arguments) {
        return of(0, "", "", key, arguments);
    }
}
