package org.onewindow.kernel.tenant.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The division list format counties exchange: a header {@code code,parent_code,level,name}, then one
 * division a line, parents before their children. Parsing checks only the shape of each line; the
 * tree rules are checked by the import against the database and the earlier lines.
 */
public final class TenantCsv {

    public static final String HEADER = "code,parent_code,level,name";

    /** One parsed line, numbered as an editor shows it (the header is line 1). */
    public record Row(int line, String code, String parentCode, String level, String name) {}

    private TenantCsv() {}

    public static List<Row> parse(Reader input) {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(input)) {
            String header = reader.readLine();
            if (header != null && header.startsWith("\uFEFF")) {
                header = header.substring(1);
            }
            if (header == null || !header.strip().equals(HEADER)) {
                throw new ImportRejectedException(
                        List.of(new ImportRejectedException.LineError(1, "import.csv.header", HEADER)));
            }
            List<ImportRejectedException.LineError> errors = new ArrayList<>();
            String text;
            int line = 1;
            while ((text = reader.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                String[] cells = text.split(",", -1);
                if (cells.length != 4) {
                    errors.add(new ImportRejectedException.LineError(line, "import.csv.columns", cells.length));
                    continue;
                }
                rows.add(new Row(line, cells[0].strip(), cells[1].strip(), cells[2].strip(), cells[3].strip()));
            }
            if (!errors.isEmpty()) {
                throw new ImportRejectedException(errors);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
