package org.onewindow.kernel.imports;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads an uploaded text file in the encoding it was saved in, or refuses it; never guesses into replacement
 * characters. Accepted, in this order:
 *
 * <ol>
 *   <li>a byte order mark: UTF-8 (Excel's "CSV UTF-8"), UTF-16 little or big endian (Excel's and WPS's "Unicode
 *       text", tab-separated);
 *   <li>otherwise UTF-8, if every byte sequence is valid UTF-8 (decoded strictly, {@link CodingErrorAction#REPORT});
 *   <li>otherwise GB18030 (GB 18030-2022), the superset of GBK and GB2312 that Chinese Excel's and WPS's "CSV (逗号分隔)"
 *       writes, if every sequence is valid there.
 * </ol>
 *
 * Strict UTF-8 first is safe: GBK text of any length is almost never valid UTF-8 (its lead bytes 0x81–0xFE followed
 * by ASCII are invalid there), while UTF-8 Chinese read as GB18030 would silently become other characters. The
 * decoded text is refused when it holds U+FFFD (a replacement character: the file was damaged by an earlier
 * conversion, and storing it would hide the loss) or a control character other than tab and line breaks (NUL:
 * typically UTF-16 saved without its byte order mark).
 */
public final class TextDecoder {

    static final String ACCEPTED = "UTF-8, UTF-16, GB18030/GBK";
    private static final Charset GB18030 = Charset.forName("GB18030");

    private TextDecoder() {}

    public static DecodedText decode(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return strictly(bytes, 3, StandardCharsets.UTF_8);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return strictly(bytes, 2, StandardCharsets.UTF_16LE);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return strictly(bytes, 2, StandardCharsets.UTF_16BE);
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                // NUL is valid UTF-8 but never in a list: UTF-16 without its byte order mark, refused as such.
                int line = lineAt(bytes, i);
                return refused(ImportProblem.of(line, "", "", "import.text.control", line, "U+0000"));
            }
        }
        Attempt utf8 = attempt(bytes, 0, StandardCharsets.UTF_8);
        if (utf8.text != null) {
            return checked(utf8.text, "UTF-8");
        }
        Attempt gb = attempt(bytes, 0, GB18030);
        if (gb.text != null) {
            return checked(gb.text, "GB18030");
        }
        // Neither: name the line where even the more permissive reading failed.
        int line = lineAt(bytes, Math.max(utf8.failedAt, gb.failedAt));
        return refused(ImportProblem.of(line, "", "", "import.encoding.unknown", line, ACCEPTED));
    }

    private static DecodedText strictly(byte[] bytes, int from, Charset charset) {
        Attempt attempt = attempt(bytes, from, charset);
        if (attempt.text == null) {
            int line = lineAt(bytes, attempt.failedAt);
            return refused(ImportProblem.of(line, "", "", "import.encoding.invalid", charset.name(), line));
        }
        return checked(attempt.text, charset.name());
    }

    private static DecodedText checked(String text, String encoding) {
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
            } else if (c == '\uFFFD') {
                return refused(ImportProblem.of(line, "", "", "import.text.replacement", line));
            } else if ((c < 0x20 && c != '\t' && c != '\r') || c == 0x7F) {
                return refused(ImportProblem.of(
                        line, "", "", "import.text.control", line, String.format(Locale.ROOT, "U+%04X", (int) c)));
            }
        }
        return new DecodedText(text.startsWith("\uFEFF") ? text.substring(1) : text, encoding, null);
    }

    private static DecodedText refused(ImportProblem problem) {
        return new DecodedText("", "", problem);
    }

    private record Attempt(String text, int failedAt) {}

    private static Attempt attempt(byte[] bytes, int from, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil(bytes.length * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            return new Attempt(null, in.position());
        }
        return new Attempt(out.flip().toString(), -1);
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, bytes.length); i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
