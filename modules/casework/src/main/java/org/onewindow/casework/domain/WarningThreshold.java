package org.onewindow.casework.domain;

import org.onewindow.kernel.error.DomainException;

/**
 * When a case turns amber (预警): the share of its promised time used, in percent; set per tenant, 80 by default.
 *
 * @param percent 1 to 100
 * @throws DomainException {@code casework.warning.percent}
 */
public record WarningThreshold(int percent) {

    public static final WarningThreshold DEFAULT = new WarningThreshold(80);

    public WarningThreshold {
        if (percent < 1 || percent > 100) {
            throw new DomainException("casework.warning.percent", percent);
        }
    }

    /** Whether {@code used} of {@code limit} working days reaches the threshold; never for a limit of 0. */
    public boolean reachedBy(int used, int limit) {
        return limit > 0 && (long) used * 100 >= (long) percent * limit;
    }
}
