package org.onewindow.casework.domain;

import java.time.LocalDate;

/**
 * A refusal to accept (不予受理), e.g. the matter is not within the body's powers (§32 ¶1 (1)–(2)); printed on the
 * refusal notice (不予受理通知书).
 *
 * @param reason why, as told to the applicant (1–500 characters)
 * @param legalBasis the article relied on
 * @param refusedBy the clerk
 * @param refusedOn the day
 * @param documentNumber the refusal notice's number in the county's series of the year
 *     ({@link DocumentSeries#REFUSAL}, {@code 370321不予受理〔2026〕000001号}); {@code null} only for a refusal made
 *     before notices were numbered
 * @throws org.onewindow.kernel.error.DomainException {@code casework.refusal.reason.required},
 *     {@code casework.refusal.reason.length}, {@code casework.refusal.basis.required},
 *     {@code casework.refusal.basis.length} (1–200 characters)
 */
public record Refusal(String reason, String legalBasis, String refusedBy, LocalDate refusedOn, String documentNumber) {

    /** The longest legal basis kept (characters). */
    public static final int BASIS_MAX_LENGTH = 200;

    public Refusal {
        reason = Texts.required(reason, "casework.refusal.reason.required");
        Texts.maxLength(reason, Pause.REASON_MAX_LENGTH, "casework.refusal.reason.length");
        legalBasis = Texts.required(legalBasis, "casework.refusal.basis.required");
        Texts.maxLength(legalBasis, BASIS_MAX_LENGTH, "casework.refusal.basis.length");
    }
}
