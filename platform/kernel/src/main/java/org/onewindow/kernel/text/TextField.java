package org.onewindow.kernel.text;

/**
 * What one text field accepts (see {@link TextRule}): at most {@code maxLength} characters counted in code points
 * (𠮷 U+20BB7 is one, as PostgreSQL's {@code varchar(n)} and JSON Schema's {@code maxLength} count it), one line or
 * several, normalised or kept exactly.
 *
 * @param maxLength the most characters (code points) after trimming and normalisation
 * @param multiLine whether tab and line breaks are allowed (a note, a reason, a document); one line otherwise
 * @param exact whether the value is kept exactly as sent, neither trimmed nor normalised (a password: what the
 *     person typed is the secret); it is still refused for characters no text may hold
 */
public record TextField(int maxLength, boolean multiLine, boolean exact) {

    /**
     * The limit of a single-line text that declares none: a name, a code, a search, a query or path parameter.
     * Longer is a mistake or an attack, never a Chinese name or address.
     */
    public static final int LINE_MAX_LENGTH = 200;

    /**
     * The limit of any other text that declares none: a string inside a free-form JSON document (a catalog item's
     * elements, a process trial's variables) or a text area without {@code maxlength}. Long enough for any paragraph
     * of a guide; a whole document sent as one text field must declare its own limit.
     */
    public static final int FREE_MAX_LENGTH = 10_000;

    /** A text area that edits a whole document (an item's JSON, a BPMN file) and declares no {@code maxlength}. */
    public static final int DOCUMENT_MAX_LENGTH = 1_000_000;

    public TextField {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be positive: " + maxLength);
        }
    }

    /** One line of at most {@code maxLength} characters, trimmed and normalised. */
    public static TextField line(int maxLength) {
        return new TextField(maxLength, false, false);
    }

    /** Several lines (tab and line breaks allowed) of at most {@code maxLength} characters, trimmed and normalised. */
    public static TextField lines(int maxLength) {
        return new TextField(maxLength, true, false);
    }

    /** A secret such as a password: one line, refused like any text, but kept exactly as typed. */
    public static TextField secret(int maxLength) {
        return new TextField(maxLength, false, true);
    }
}
