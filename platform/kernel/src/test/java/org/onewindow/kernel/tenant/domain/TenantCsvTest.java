package org.onewindow.kernel.tenant.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The division list counties exchange: header, then one division a line, numbered as an editor shows them. */
class TenantCsvTest {

    private static final String HEADER = "code,parent_code,level,name\n";

    private static List<TenantCsv.Row> parse(String text) {
        return TenantCsv.parse(new StringReader(text));
    }

    private static ImportRejectedException rejection(String text) {
        ImportRejectedException rejected = catchThrowableOfType(ImportRejectedException.class, () -> parse(text));
        assertThat(rejected).as("the file should be rejected").isNotNull();
        return rejected;
    }

    @Test
    void rowsCarryTheirLineNumbersCountingTheHeaderAsLineOne() {
        String file = HEADER
                + "370321000000,,county,桓台县\n"
                + "370321106000,370321000000,town,起凤镇\n"
                + "370321106202,370321106000,village,华沟村\n";

        List<TenantCsv.Row> rows = parse(file);

        assertThat(rows)
                .containsExactly(
                        new TenantCsv.Row(2, "370321000000", "", "county", "桓台县"),
                        new TenantCsv.Row(3, "370321106000", "370321000000", "town", "起凤镇"),
                        new TenantCsv.Row(4, "370321106202", "370321106000", "village", "华沟村"));
    }

    @Test
    void cellsAreStrippedAndWindowsLineEndsAccepted() {
        List<TenantCsv.Row> rows = parse("code,parent_code,level,name\r\n 370321106000 , 370321000000 ,TOWN, 起凤镇 \r\n");

        assertThat(rows).containsExactly(new TenantCsv.Row(2, "370321106000", "370321000000", "TOWN", "起凤镇"));
    }

    @Test
    void aUtf8ByteOrderMarkBeforeTheHeaderIsTolerated() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = (HEADER + "370321000000,,county,桓台县\n").getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, file, 0, bom.length);
        System.arraycopy(body, 0, file, bom.length, body.length);

        List<TenantCsv.Row> rows =
                TenantCsv.parse(new InputStreamReader(new ByteArrayInputStream(file), StandardCharsets.UTF_8));

        assertThat(rows).containsExactly(new TenantCsv.Row(2, "370321000000", "", "county", "桓台县"));
    }

    @Test
    void blankLinesAreSkippedButStillCounted() {
        String file = HEADER + "\n" + "370321000000,,county,桓台县\n" + "   \n" + "\n"
                + "370321106000,370321000000,town,起凤镇\n\n";

        List<TenantCsv.Row> rows = parse(file);

        assertThat(rows).extracting(TenantCsv.Row::line).containsExactly(3, 6);
    }

    @Test
    void aFileWithOnlyTheHeaderHasNoRows() {
        assertThat(parse(HEADER)).isEmpty();
        assertThat(parse("code,parent_code,level,name")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "code,parent,level,name\n", "name,level,parent_code,code\n", "370321000000,,county,桓台县\n"})
    void aWrongHeaderIsRejectedAtLineOne(String file) {
        ImportRejectedException rejected = rejection(file + "370321000000,,county,桓台县\n");

        assertThat(rejected.key()).isEqualTo("import.rejected");
        assertThat(rejected.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(1);
            assertThat(error.key()).isEqualTo("import.csv.header");
            assertThat(error.arguments()).containsExactly(TenantCsv.HEADER);
        });
    }

    @Test
    void anEmptyFileIsRejectedAtLineOne() {
        ImportRejectedException rejected = rejection("");

        assertThat(rejected.errors())
                .extracting(ImportRejectedException.LineError::line)
                .containsExactly(1);
        assertThat(rejected.errors())
                .extracting(ImportRejectedException.LineError::key)
                .containsExactly("import.csv.header");
    }

    @Test
    void everyLineWithTheWrongNumberOfColumnsIsReported() {
        String file = HEADER
                + "370321000000,,county,桓台县\n" // 2: fine
                + "370321106000,370321000000,town\n" // 3: three columns
                + "\n" // 4: blank
                + "370321106202,370321106000,village,华沟村,extra\n" // 5: five columns
                + "370321106203,370321106000,village,东村\n" // 6: fine
                + "just one cell\n"; // 7: one column

        ImportRejectedException rejected = rejection(file);

        assertThat(rejected.errors())
                .extracting(ImportRejectedException.LineError::line)
                .containsExactly(3, 5, 7);
        assertThat(rejected.errors())
                .extracting(ImportRejectedException.LineError::key)
                .containsOnly("import.csv.columns");
        assertThat(rejected.errors()).extracting(error -> error.arguments()[0]).containsExactly(3, 5, 1);
        assertThat(rejected.key()).isEqualTo("import.rejected");
        assertThat(rejected.arguments()).containsExactly(3);
    }

    @Test
    void theErrorsOfARejectedImportCannotBeChangedAfterwards() {
        ImportRejectedException rejected = rejection(HEADER + "a,b\n");

        assertThat(rejected.errors()).isUnmodifiable();
    }
}
