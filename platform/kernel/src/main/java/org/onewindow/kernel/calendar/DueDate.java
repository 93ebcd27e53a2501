package org.onewindow.kernel.calendar;

import java.time.LocalDate;
import java.time.Year;
import java.util.Set;

/**
 * A date reached by counting working days, and whether it rests on a guess: when the count ran through a year
 * whose holiday notice is not loaded (the State Council publishes next year's notice in October–December), the
 * weekday rule was assumed for that year and the date may move once the notice is entered. Screens show such a date
 * as provisional (暂按周一至周五计算) and the background job recomputes it when the notice arrives.
 *
 * @param date the date
 * @param yearsWithoutNotice the years the count crossed without a notice; empty when the date is certain
 */
public record DueDate(LocalDate date, Set<Year> yearsWithoutNotice) {

    public DueDate {
        yearsWithoutNotice = Set.copyOf(yearsWithoutNotice);
    }

    /** True when at least one year of the count followed the weekday rule for want of its notice. */
    public boolean provisional() {
        return !yearsWithoutNotice.isEmpty();
    }
}
