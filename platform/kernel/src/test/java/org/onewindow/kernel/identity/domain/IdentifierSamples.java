package org.onewindow.kernel.identity.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The known samples of {@code src/test/resources/identifiers-*.csv} (synthetic numbers made for
 * tests): {@code value,verdict,why}, one a line after the header.
 */
final class IdentifierSamples {

    record Sample(int line, String value, boolean valid, String why) {
        @Override
        public String toString() {
            return "line " + line + ": " + value + " (" + why + ")";
        }
    }

    private IdentifierSamples() {}

    static List<Sample> read(String resource) {
        try (InputStream in = IdentifierSamples.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            List<Sample> samples = new ArrayList<>();
            String text;
            int line = 1;
            while ((text = reader.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                String[] cells = text.split(",", 3);
                if (!cells[1].equals("valid") && !cells[1].equals("invalid")) {
                    throw new IllegalStateException(resource + " line " + line + ": unknown verdict " + cells[1]);
                }
                samples.add(new Sample(line, cells[0], cells[1].equals("valid"), cells[2]));
            }
            return samples;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
