package org.onewindow.kernel.identity.domain;

/**
 * What a clerk's keyboard produces, made comparable: Chinese input methods type full-width digits and
 * letters (U+FF01…U+FF5E) and an ideographic space (U+3000), and pasted text often brings spaces or a
 * zero-width character at either end. Characters inside the text are left alone, so a stray space in
 * the middle is still refused rather than silently dropped.
 */
final class IdentifierText {

    private static final char FULL_WIDTH_FIRST = '\uFF01';
    private static final char FULL_WIDTH_LAST = '\uFF5E';
    private static final int FULL_WIDTH_OFFSET = 0xFEE0;

    private IdentifierText() {}

    /** Half-width ASCII for full-width forms, nothing around, ASCII letters in upper case; null stays null. */
    static String normalise(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder half = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= FULL_WIDTH_FIRST && c <= FULL_WIDTH_LAST) {
                c = (char) (c - FULL_WIDTH_OFFSET);
            } else if (c == '\u3000') {
                c = ' ';
            }
            half.append(c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c);
        }
        int start = 0;
        int end = half.length();
        while (start < end && isPadding(half.charAt(start))) {
            start++;
        }
        while (end > start && isPadding(half.charAt(end - 1))) {
            end--;
        }
        return half.substring(start, end);
    }

    private static boolean isPadding(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT;
    }

    /** The character at {@code index} as a clerk reads it, for messages: "第3位". */
    static int position(int index) {
        return index + 1;
    }
}
