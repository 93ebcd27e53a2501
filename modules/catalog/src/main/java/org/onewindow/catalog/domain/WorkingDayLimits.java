package org.onewindow.catalog.domain;

import org.onewindow.kernel.error.DomainException;

/**
 * An item's two time limits in working days (工作日): the statutory limit (法定时限) the law sets and the promised
 * limit (承诺时限) the service promises, 0 for an item done on the spot. The promise may only be shorter than the law
 * allows: this record is the one place that rule is written, for the standard's items (drafts, imports) and for the
 * shorter promise a county, town or village sets for its area alike.
 *
 * @param statutoryLimitWorkingDays the statutory limit, working days, at least 0
 * @param promisedLimitWorkingDays the promised limit, working days, from 0 to {@code statutoryLimitWorkingDays}
 */
public record WorkingDayLimits(int statutoryLimitWorkingDays, int promisedLimitWorkingDays) {

    /** The message of a promise above the law's limit, with the promised and the statutory days as arguments. */
    public static final String PROMISED_ABOVE_STATUTORY = "catalog.limits.promised.above.statutory";

    /**
     * @throws DomainException {@value #PROMISED_ABOVE_STATUTORY} (promised, statutory) when the promise exceeds the
     *     law's limit; {@code catalog.limits.negative} when a limit is below 0
     */
    public WorkingDayLimits {
        if (statutoryLimitWorkingDays < 0 || promisedLimitWorkingDays < 0) {
            throw new DomainException("catalog.limits.negative", promisedLimitWorkingDays, statutoryLimitWorkingDays);
        }
        if (promisedLimitWorkingDays > statutoryLimitWorkingDays) {
            throw new DomainException(PROMISED_ABOVE_STATUTORY, promisedLimitWorkingDays, statutoryLimitWorkingDays);
        }
    }
}
