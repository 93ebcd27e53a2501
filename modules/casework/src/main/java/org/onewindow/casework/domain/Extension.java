package org.onewindow.casework.domain;

import java.time.LocalDate;
import org.onewindow.kernel.error.DomainException;

/**
 * The one extension of a case's time limit (延期) that §42 of the Administrative Licensing Law allows: up to 10
 * working days, approved by the head of the department (本行政机关负责人), its reason told to the applicant.
 *
 * @param workingDays 1 to {@link #MAX_WORKING_DAYS}
 * @param approvedBy the head who approved it (name or account)
 * @param reason the reason told to the applicant (1–500 characters)
 * @param approvedOn the day of the approval
 * @throws DomainException {@code casework.extension.days}, {@code casework.extension.approver.required},
 *     {@code casework.extension.reason.required}, {@code casework.extension.reason.length}
 */
public record Extension(int workingDays, String approvedBy, String reason, LocalDate approvedOn) {

    /** §42 ¶1: "可以延长十日". Joint or unified handling (45 + 15 days, ¶2) is not modelled yet. */
    public static final int MAX_WORKING_DAYS = 10;

    public Extension {
        if (workingDays < 1 || workingDays > MAX_WORKING_DAYS) {
            throw new DomainException("casework.extension.days", workingDays, MAX_WORKING_DAYS);
        }
        approvedBy = Texts.required(approvedBy, "casework.extension.approver.required");
        reason = Texts.required(reason, "casework.extension.reason.required");
        Texts.maxLength(reason, Pause.REASON_MAX_LENGTH, "casework.extension.reason.length");
        if (approvedOn == null) {
            throw new IllegalArgumentException("approvedOn is required");
        }
    }
}
