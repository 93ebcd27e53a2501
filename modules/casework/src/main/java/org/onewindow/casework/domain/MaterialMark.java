package org.onewindow.casework.domain;

import org.onewindow.kernel.error.DomainException;

/**
 * What the clerk ticked for one material at the window.
 *
 * @param kind seen on paper, uploaded as a scan, satisfied by government data, or handed in but not in the legal
 *     form (不符合法定形式: unsigned, expired, illegible…)
 * @param note the upload's or the licence's reference where there is one; for {@link Kind#NOT_CONFORMING} what is
 *     wrong, which the correction notice repeats (required)
 * @throws DomainException {@code casework.material.reason.required}
 */
public record MaterialMark(Kind kind, String note) {

    /** The clerk's tick. */
    public enum Kind {
        PAPER_SEEN,
        SCANNED_UPLOAD,
        GOVERNMENT_DATA,
        NOT_CONFORMING;

        /** Whether the material counts as there. */
        public boolean satisfies() {
            return this != NOT_CONFORMING;
        }
    }

    public MaterialMark {
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
        note = Texts.optional(note);
        Texts.maxLength(note, Pause.REASON_MAX_LENGTH, "casework.material.note.length");
        if (kind == Kind.NOT_CONFORMING && note == null) {
            throw new DomainException("casework.material.reason.required");
        }
    }

    public static MaterialMark paperSeen() {
        return new MaterialMark(Kind.PAPER_SEEN, null);
    }

    public static MaterialMark scanned(String uploadReference) {
        return new MaterialMark(Kind.SCANNED_UPLOAD, uploadReference);
    }

    public static MaterialMark governmentData(String reference) {
        return new MaterialMark(Kind.GOVERNMENT_DATA, reference);
    }

    public static MaterialMark notConforming(String whatIsWrong) {
        return new MaterialMark(Kind.NOT_CONFORMING, whatIsWrong);
    }
}
