package org.onewindow.kernel.imports;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV or tab-separated text file read as a table, as Excel, WPS and text editors write it: in any encoding
 * {@link TextDecoder} accepts, quoted by RFC 4180 (commas, doubled quotes and line breaks inside quotes), with CRLF
 * or LF line ends, separated by commas, or by tabs when the header line has more tabs than commas (Excel's
 * "Unicode text"). Then the rules of every table apply (see {@link Tables}): header found by name, blank rows such
 * as {@code ,,,} skipped, trailing empty columns ignored, cells trimmed. Errors carry the line where the row
 * starts, as a text editor numbers it.
 */
public final class CsvTables {

    private CsvTables() {}

    /**
     * @throws ImportTooLargeException over {@link ImportLimits#maxBytes()} or {@link ImportLimits#maxRows()}
     */
    public static ImportedTable read(byte[] file, List<ImportColumn> columns, ImportLimits limits) {
        if (file.length > limits.maxBytes()) {
            throw new ImportTooLargeException("import.too.large", ImportLimits.mebibytes(limits.maxBytes()));
        }
        DecodedText decoded = TextDecoder.decode(file);
        if (decoded.refused()) {
            return ImportedTable.refused(decoded.problem());
        }
        String text = decoded.text();
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setDelimiter(delimiter(text))
                .setIgnoreEmptyLines(false)
                .get();
        List<Tables.RawRow> rows = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        int line = 1;
        try (CSVParser parser = format.parse(new StringReader(text))) {
            var records = parser.iterator();
            while (true) {
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                } catch (UncheckedIOException e) {
                    // A quote opened and never closed, or text after a closing quote: the rest cannot be split.
                    problems.add(ImportProblem.of(line, "", "", "import.csv.quotes", line));
                    break;
                }
                CSVRecord record = records.next();
                Tables.RawRow row = new Tables.RawRow(line, record.toList());
                line = (int) parser.getCurrentLineNumber() + 1;
                // Blank rows are never kept, and the rest are counted as they come, so no file fills the memory.
                if (!row.blank()) {
                    if (rows.size() > limits.maxRows() + Tables.HEADER_SEARCH_ROWS) {
                        throw new ImportTooLargeException("import.rows.too.many", limits.maxRows());
                    }
                    rows.add(row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Tables.build(rows, columns, limits, problems);
    }

    /** Tab when the first line with a tab or a comma has more tabs than commas, else comma. */
    static char delimiter(String text) {
        for (String line : text.split("\\R", 50)) {
            long tabs = line.chars().filter(c -> c == '\t').count();
            long commas = line.chars().filter(c -> c == ',').count();
            if (tabs + commas > 0) {
                return tabs > commas ? '\t' : ',';
            }
        }
        return ',';
    }
}
