package org.onewindow.kernel.imports;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A table uploaded as a file, whatever the file: CSV or tab-separated text ({@link CsvTables}) or the first sheet of
 * an .xlsx workbook ({@link XlsxWorkbook}). A workbook that cannot be opened or has no sheet gives a table refused as a
 * whole, so each import reports it like any other problem of the file.
 */
public final class UploadedTables {

    /** How the file is to be read. */
    public enum Format {
        CSV,
        XLSX;

        /**
         * The format a file's name says (.xlsx; .csv, .txt, .tsv), or empty for any other (an Excel 97–2003 .xls
         * included: it must be saved again as .xlsx).
         */
        public static Optional<Format> ofFileName(String fileName) {
            String name = fileName == null ? "" : fileName.strip().toLowerCase(Locale.ROOT);
            if (name.endsWith(".xlsx")) {
                return Optional.of(XLSX);
            }
            if (name.endsWith(".csv") || name.endsWith(".txt") || name.endsWith(".tsv")) {
                return Optional.of(CSV);
            }
            return Optional.empty();
        }
    }

    private UploadedTables() {}

    /**
     * @throws ImportTooLargeException over any of the {@code limits}
     */
    public static ImportedTable read(byte[] file, Format format, List<ImportColumn> columns, ImportLimits limits) {
        if (format == Format.CSV) {
            return CsvTables.read(file, columns, limits);
        }
        Optional<XlsxWorkbook> opened = XlsxWorkbook.open(file, limits);
        if (opened.isEmpty()) {
            return ImportedTable.refused(ImportProblem.ofFile("import.xlsx.unreadable"));
        }
        try (XlsxWorkbook workbook = opened.get()) {
            return workbook.sheet(columns)
                    .orElseGet(() -> ImportedTable.refused(ImportProblem.ofFile("import.xlsx.empty")));
        }
    }
}
