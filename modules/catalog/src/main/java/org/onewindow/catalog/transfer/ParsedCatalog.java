package org.onewindow.catalog.transfer;

import java.util.List;

/** A file read into items, with what could not even be read (a missing sheet or column, broken JSON). */
record ParsedCatalog(List<ImportedItem> items, List<RowError> errors) {

    ParsedCatalog {
        items = List.copyOf(items);
        errors = List.copyOf(errors);
    }

    static ParsedCatalog refused(RowError error) {
        return new ParsedCatalog(List.of(), List.of(error));
    }
}
