package org.onewindow.catalog.transfer;

import java.util.Comparator;
import java.util.List;
import org.onewindow.kernel.error.DomainException;

/** An import with bad rows (导入被拒绝): every bad row is reported and nothing of the file is stored. */
public class CatalogImportRejected extends DomainException {

    private final transient List<RowError> errors;

    public CatalogImportRejected(List<RowError> errors) {
        super("catalog.import.rejected", errors.size());
        this.errors = errors.stream()
                .sorted(Comparator.comparing(RowError::sheet).thenComparingInt(RowError::row))
                .toList();
    }

    /** The errors by sheet and row; within a row, in the order the rules found them. */
    public List<RowError> errors() {
        return errors;
    }
}
