package org.onewindow.casework.domain;

import java.time.LocalDate;
import org.onewindow.kernel.calendar.PausedPeriod;
import org.onewindow.kernel.error.DomainException;

/**
 * One line of a case's pause ledger (暂停计时记录): why the clock stopped, on which legal basis, from when to when. The
 * days count as {@link PausedPeriod} counts them: the working days after {@code start} up to and including
 * {@code end}.
 *
 * @param kind supplements or the kind of special procedure
 * @param start the day the pause was ordered
 * @param end the day it was lifted; {@code null} while the case is still paused
 * @param reason what the applicant must supply, or why the special procedure is needed (1–500 characters)
 * @param legalBasis the article relied on, e.g. {@link LegalBasis#SPECIAL_PROCEDURE}
 * @param announcedWorkingDays for a special procedure, how long the applicant was told it takes (§45), in working
 *     days; {@code null} for supplements
 * @param result what the special procedure found (hearing record, test report…), once it ended; may be {@code null}
 * @throws DomainException {@code casework.pause.reason.required}, {@code casework.pause.reason.length},
 *     {@code casework.pause.basis.required}, {@code casework.pause.duration.required}, {@code calendar.pause.dates}
 */
public record Pause(
        PauseKind kind,
        LocalDate start,
        LocalDate end,
        String reason,
        String legalBasis,
        Integer announcedWorkingDays,
        String result) {

    public static final int REASON_MAX_LENGTH = 500;

    public Pause {
        if (kind == null || start == null) {
            throw new IllegalArgumentException("kind and start are required");
        }
        reason = Texts.required(reason, "casework.pause.reason.required");
        Texts.maxLength(reason, REASON_MAX_LENGTH, "casework.pause.reason.length");
        legalBasis = Texts.required(legalBasis, "casework.pause.basis.required");
        if (kind.isSpecialProcedure() && (announcedWorkingDays == null || announcedWorkingDays < 1)) {
            throw new DomainException("casework.pause.duration.required");
        }
        if (!kind.isSpecialProcedure()) {
            announcedWorkingDays = null;
        }
        if (end != null) {
            new PausedPeriod(start, end);
        }
        result = Texts.optional(result);
    }

    public boolean isOpen() {
        return end == null;
    }

    /** The pause lifted on {@code day}. */
    Pause endedOn(LocalDate day, String outcome) {
        return new Pause(kind, start, day, reason, legalBasis, announcedWorkingDays, outcome);
    }

    /** The paused days as of {@code today}: an open pause runs up to today. */
    public PausedPeriod period(LocalDate today) {
        if (end != null) {
            return new PausedPeriod(start, end);
        }
        return new PausedPeriod(start, today.isBefore(start) ? start : today);
    }
}
