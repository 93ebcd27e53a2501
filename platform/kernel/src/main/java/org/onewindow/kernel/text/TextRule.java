package org.onewindow.kernel.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one rule for text that a person or a department system writes, on every channel (REST bodies and parameters,
 * Faces forms, imported files; ADR 0011). A text is refused when it cannot be right, and otherwise kept as written,
 * only cleaned of what no one means:
 *
 * <ul>
 *   <li>refused: NUL and the other C0 and C1 control characters and DEL (tab and line breaks only in a
 *       {@linkplain TextField#multiLine() multi-line} field), a lone surrogate (half of a pair: a client that cut a
 *       string or a JSON {@code \ud800}), a Unicode noncharacter (U+FFFE, U+FFFF, U+FDD0–U+FDEF and the last two of
 *       every plane), U+FFFD (a replacement character: the sender's conversion lost a character, and storing it
 *       would hide the loss), and more than {@link TextField#maxLength()} characters counted in code points;
 *   <li>trimmed: spaces at either end, ASCII and full-width (U+3000) alike, no-break and zero-width spaces, tabs and
 *       line breaks;
 *   <li>normalised to NFC (a decomposed {@code é} or {@code ǚ} is stored composed, so equal names compare equal),
 *       except CJK compatibility ideographs (U+F900–U+FAFF, U+2F800–U+2FA1F), which are kept as written: GB 18030
 *       maps characters of real names there and NFC would silently swap them for their unified twins; in a
 *       multi-line field CR LF and a lone CR become LF, as a browser's text area and a Windows client send them.
 * </ul>
 *
 * Characters from every plane are otherwise kept, rare ones of names (𠮷 U+20BB7, 𪚥 U+2A6A5) and private use
 * included. A {@linkplain TextField#exact() exact} field (a password) is refused alike but never trimmed or
 * normalised.
 */
public final class TextRule {

    private TextRule() {}

    /**
     * {@code value} as it is stored.
     *
     * @param field how the caller names the field, for the refusal's message
     * @return null for null; "" for a text of spaces only (whether a field is required is the caller's rule)
     * @throws TextRefusedException naming the field, the character's position (from 1, in code points of what was
     *     sent) and the rule
     */
    public static String clean(String field, String value, TextField spec) {
        Checked checked = check(field, value, spec);
        if (checked.problem() != null) {
            throw new TextRefusedException(List.of(checked.problem()));
        }
        return checked.text();
    }

    /** The cleaned text, or why it is refused (then {@code text} is null). */
    public record Checked(String text, TextProblem problem) {}

    /** Like {@link #clean} without throwing, for a channel that collects every refusal of a request. */
    public static Checked check(String field, String value, TextField spec) {
        if (value == null) {
            return new Checked(null, null);
        }
        int start = 0;
        int end = value.length();
        if (!spec.exact()) {
            while (start < end && space(value.charAt(start))) {
                start++;
            }
            while (end > start && space(value.charAt(end - 1))) {
                end--;
            }
        }
        String kept = value.substring(start, end);
        TextProblem problem = refusal(field, kept, value.codePointCount(0, start), spec.multiLine());
        if (problem != null) {
            return new Checked(null, problem);
        }
        String stored = spec.exact() ? kept : normalised(kept, spec.multiLine());
        int length = stored.codePointCount(0, stored.length());
        if (length > spec.maxLength()) {
            return new Checked(null, new TextProblem(field, "text.too-long", List.of(field, spec.maxLength(), length)));
        }
        return new Checked(stored, null);
    }

    /** The first character of {@code text} that no text may hold, or null. */
    private static TextProblem refusal(String field, String text, int before, boolean multiLine) {
        int position = before;
        for (int i = 0; i < text.length(); ) {
            position++;
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = text.codePointAt(i);
                if (noncharacter(codePoint)) {
                    return problem(field, "text.noncharacter", position, codePoint);
                }
                i += 2;
                continue;
            }
            if (Character.isSurrogate(c)) {
                return problem(field, "text.surrogate", position, c);
            }
            if (c == '\t' || c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
                if (!multiLine) {
                    return problem(field, "text.line-break", position, c);
                }
            } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                return problem(field, "text.control", position, c);
            } else if (c == '\uFFFD') {
                return problem(field, "text.replacement", position, c);
            } else if (noncharacter(c)) {
                return problem(field, "text.noncharacter", position, c);
            }
            i++;
        }
        return null;
    }

    private static TextProblem problem(String field, String key, int position, int codePoint) {
        return new TextProblem(field, key, List.of(field, position, codePoint(codePoint)));
    }

    /** How messages show a character that cannot be shown: {@code U+0000}, {@code U+D800}, {@code U+1FFFF}. */
    public static String codePoint(int codePoint) {
        return String.format(Locale.ROOT, "U+%04X", codePoint);
    }

    /**
     * Whether {@code c} is white space at the end of a typed or pasted text: ASCII space, tab and line breaks, every
     * Unicode space separator (the full-width space U+3000 of Chinese input methods, the no-break space), the line
     * and paragraph separators, and the zero-width space and byte order mark that web pages and editors leave.
     */
    public static boolean space(char c) {
        return c == '\t' || c == '\n' || c == '\r' || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
    }

    /** {@code text} without white space ({@link #space}) at either end; nothing else changes. */
    public static String trim(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && space(text.charAt(start))) {
            start++;
        }
        while (end > start && space(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    static boolean noncharacter(int codePoint) {
        return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
    }

    /** NFC, CJK compatibility ideographs kept; in several lines, one kind of line break. */
    static String normalised(String text, boolean multiLine) {
        String lines = multiLine ? text.replace("\r\n", "\n").replace('\r', '\n') : text;
        if (Normalizer.isNormalized(lines, Normalizer.Form.NFC)) {
            return lines;
        }
        StringBuilder out = new StringBuilder(lines.length());
        int segment = 0;
        for (int i = 0; i < lines.length(); ) {
            int codePoint = lines.codePointAt(i);
            int next = i + Character.charCount(codePoint);
            if (compatibilityIdeograph(codePoint)) {
                out.append(Normalizer.normalize(lines.substring(segment, i), Normalizer.Form.NFC));
                out.appendCodePoint(codePoint);
                segment = next;
            }
            i = next;
        }
        return out.append(Normalizer.normalize(lines.substring(segment), Normalizer.Form.NFC))
                .toString();
    }

    private static boolean compatibilityIdeograph(int codePoint) {
        return (codePoint >= 0xF900 && codePoint <= 0xFAFF) || (codePoint >= 0x2F800 && codePoint <= 0x2FA1F);
    }

    /** Every problem of {@code problems} as one refusal, or nothing when there is none. */
    public static void refuseAny(List<TextProblem> problems) {
        if (!problems.isEmpty()) {
            throw new TextRefusedException(new ArrayList<>(problems));
        }
    }
}
