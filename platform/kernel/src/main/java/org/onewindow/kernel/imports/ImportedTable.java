package org.onewindow.kernel.imports;

import java.util.List;
import java.util.Set;

/**
 * A file read as a table: the columns found in its header, its rows that are not blank, and every problem
 * found in reading it. An import applies nothing while {@link #problems()} is not empty, and checks its own rules
 * on the rows first so that all problems are reported at once.
 *
 * @param headerLine the line (row) of the header, from 1; 0 when none was found
 */
public record ImportedTable(int headerLine, Set<String> columns, List<ImportedRow> rows, List<ImportProblem> problems) {

    public ImportedTable {
        columns = Set.copyOf(columns);
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }

    static ImportedTable refused(ImportProblem problem) {
        return new ImportedTable(0, Set.of(), List.of(), List.of(problem));
    }
}
