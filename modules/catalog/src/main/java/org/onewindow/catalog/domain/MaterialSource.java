package org.onewindow.catalog.domain;

/**
 * Where a material may come from (材料来源), as an item's {@code sources} states it: the applicant brings it
 * ({@code APPLICANT}), the window reads an e-licence of a type ({@code ELICENSE:RESIDENT_ID}), or the department
 * fetches shared data itself ({@code SHARED:ECONOMIC_CHECK}, which the applicant must never be asked for). A source
 * of none of these shapes is kept as written.
 *
 * @param kind which of the three, or {@link Kind#OTHER}
 * @param detail the e-licence type or the shared data's name; the whole text for {@link Kind#OTHER}; empty for the
 *     applicant
 */
public record MaterialSource(Kind kind, String detail) {

    public enum Kind {
        APPLICANT,
        ELICENCE,
        SHARED,
        OTHER
    }

    private static final String APPLICANT = "APPLICANT";
    private static final String ELICENCE = "ELICENSE:";
    private static final String SHARED = "SHARED:";

    /** The source an item's text states. */
    public static MaterialSource of(String text) {
        if (text.equals(APPLICANT)) {
            return new MaterialSource(Kind.APPLICANT, "");
        }
        if (text.startsWith(ELICENCE)) {
            return new MaterialSource(Kind.ELICENCE, text.substring(ELICENCE.length()));
        }
        if (text.startsWith(SHARED)) {
            return new MaterialSource(Kind.SHARED, text.substring(SHARED.length()));
        }
        return new MaterialSource(Kind.OTHER, text);
    }

    /** The text of the item's JSON form: {@code of(text).text()} is {@code text}. */
    public String text() {
        return switch (kind) {
            case APPLICANT -> APPLICANT;
            case ELICENCE -> ELICENCE + detail;
            case SHARED -> SHARED + detail;
            case OTHER -> detail;
        };
    }
}
