package org.onewindow.kernel.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A file the product answers with (a guide, a notice, a scan, a seal, an export), and the one way its headers are
 * written: the media type, {@code Content-Disposition} shown in the browser ({@code inline}) or saved ({@code
 * attachment}) with the name twice, as RFC 6266 asks, a plain ASCII {@code filename} for old clients and {@code
 * filename*=UTF-8''…} (RFC 5987) carrying a Chinese name, and {@code X-Content-Type-Options: nosniff} so that a browser
 * never reads it as another type (a scan must never run as a page).
 *
 * <p>The name is a file's base name without its extension, as a person would read it ({@code 受理通知书-370321-…}); the
 * extension and the media type are the product's. Whatever the name holds, nothing of it reaches the header but what
 * is safe there: path separators, quotes, control characters (CR/LF) and the characters RFC 5987 leaves out are
 * replaced by {@code _} in the ASCII form and percent-encoded, or replaced, in the UTF-8 form; a name with nothing
 * left is {@code file}. Characters outside the Basic Multilingual Plane ({@code 𠮷}) are encoded as their four UTF-8
 * bytes, never split.
 *
 * @param name the base name as given (not yet made safe)
 * @param extension the extension without its dot, letters and digits only, e.g. {@code pdf}
 * @param mediaType the media type, e.g. {@code application/pdf}
 * @param inline {@code true} to show it in the browser, {@code false} to save it (an export, a template)
 */
public record FileAnswer(String name, String extension, String mediaType, boolean inline) {

    /** The longest base name kept, in characters (code points): a header stays short. */
    static final int NAME_MAX_LENGTH = 80;

    /** The name when nothing safe is left of the one given. */
    static final String FALLBACK = "file";

    public FileAnswer {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(extension, "extension");
        if (!extension.matches("[A-Za-z0-9]{1,10}")) {
            throw new IllegalArgumentException("an extension is 1-10 letters or digits: " + extension);
        }
    }

    /** A file shown in the browser. */
    public static FileAnswer inline(String name, String extension, String mediaType) {
        return new FileAnswer(name, extension, mediaType, true);
    }

    /** A file the browser saves. */
    public static FileAnswer attachment(String name, String extension, String mediaType) {
        return new FileAnswer(name, extension, mediaType, false);
    }

    /** A PDF shown in the browser. */
    public static FileAnswer pdf(String name) {
        return inline(name, "pdf", "application/pdf");
    }

    /**
     * The {@code Content-Disposition} value, e.g. {@code inline; filename="file-370321.pdf";
     * filename*=UTF-8''%E5%8F%97%E7%90%86-370321.pdf}; the second form only when the name is not plain ASCII.
     */
    public String contentDisposition() {
        String readable = readableName();
        String ascii = asciiName(readable);
        StringBuilder value = new StringBuilder(inline ? "inline" : "attachment")
                .append("; filename=\"")
                .append(ascii)
                .append('.')
                .append(extension)
                .append('"');
        if (!readable.equals(ascii)) {
            value.append("; filename*=UTF-8''").append(percentEncoded(readable + "." + extension));
        }
        return value.toString();
    }

    /** The headers of the answer besides its media type: the disposition and nosniff. */
    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Disposition", contentDisposition());
        headers.put("X-Content-Type-Options", "nosniff");
        return headers;
    }

    /** A JAX-RS answer 200 with {@code entity} and these headers; the caller adds its caching. */
    public Response.ResponseBuilder response(Object entity) {
        Response.ResponseBuilder response = Response.ok(entity, mediaType);
        headers().forEach(response::header);
        return response;
    }

    /** Writes {@code bytes} with these headers to a servlet's answer (the staff pages' links). */
    public void write(HttpServletResponse response, byte[] bytes) throws java.io.IOException {
        response.setContentType(mediaType);
        headers().forEach(response::setHeader);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /**
     * The name as a person reads it, safe in a header once encoded: NFC; of ASCII only letters, digits and {@code -
     * . _} kept (a path separator, a quote, CR/LF, a space become {@code _}); of the rest every control, format and
     * separator character, half a surrogate pair and U+FFFD replaced by {@code _}; runs of {@code _} made one and
     * {@code - . _} trimmed at the ends; at most {@link #NAME_MAX_LENGTH} code points.
     */
    String readableName() {
        String given = name == null ? "" : Normalizer.normalize(name, Normalizer.Form.NFC);
        StringBuilder safe = new StringBuilder();
        given.codePoints().limit(NAME_MAX_LENGTH * 2L).forEach(c -> {
            boolean unsafe = (c < 0x80 && !isAsciiSafe(c))
                    || Character.isISOControl(c)
                    || Character.getType(c) == Character.FORMAT
                    || Character.getType(c) == Character.SURROGATE
                    || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR
                    || c == 0xFFFD;
            safe.appendCodePoint(unsafe || Character.isWhitespace(c) ? '_' : c);
        });
        String collapsed = collapsed(safe.toString());
        if (collapsed.codePointCount(0, collapsed.length()) > NAME_MAX_LENGTH) {
            collapsed = collapsed.substring(0, collapsed.offsetByCodePoints(0, NAME_MAX_LENGTH));
        }
        return collapsed.isEmpty() ? FALLBACK : collapsed;
    }

    /** Runs of {@code _} made one, {@code - . _} trimmed at both ends. */
    private static String collapsed(String name) {
        return name.replaceAll("_{2,}", "_").replaceAll("^[-._]+|[-._]+$", "");
    }

    /** The ASCII form of a readable name: letters, digits, {@code - . _}; anything else {@code _}. */
    static String asciiName(String readable) {
        StringBuilder ascii = new StringBuilder();
        readable.codePoints().forEach(c -> ascii.append(isAsciiSafe(c) ? (char) c : '_'));
        String collapsed = collapsed(ascii.toString());
        return collapsed.isEmpty() ? FALLBACK : collapsed;
    }

    private static boolean isAsciiSafe(int c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_';
    }

    /** RFC 5987's value-chars: attr-char as it is, every other byte of the UTF-8 form as {@code %XX}. */
    static String percentEncoded(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (isAsciiSafe(c) || "!#$&+^`|~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return encoded.toString();
    }
}
