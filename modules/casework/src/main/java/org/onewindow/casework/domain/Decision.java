package org.onewindow.casework.domain;

import java.time.LocalDate;

/**
 * The department's decision (准予 / 不予行政许可决定). A rejection must give its reason and legal basis (§38: "应当说明
 * 理由"); an approval gives its legal basis, its opinion is optional.
 *
 * @param approved true to grant, false to reject
 * @param reason the reason or opinion (1–500 characters); required for a rejection
 * @param legalBasis the article relied on; required
 * @param decidedBy the reviewer
 * @param decidedOn the day
 * @throws org.onewindow.kernel.error.DomainException {@code casework.decision.reason.required},
 *     {@code casework.decision.reason.length}, {@code casework.decision.basis.required}
 */
public record Decision(boolean approved, String reason, String legalBasis, String decidedBy, LocalDate decidedOn) {

    public Decision {
        reason = approved ? Texts.optional(reason) : Texts.required(reason, "casework.decision.reason.required");
        Texts.maxLength(reason, Pause.REASON_MAX_LENGTH, "casework.decision.reason.length");
        legalBasis = Texts.required(legalBasis, "casework.decision.basis.required");
    }
}
