package org.onewindow.kernel.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The one source of the current time in the product (ADR 0018): every service, page and job injects this
 * {@link Clock} (the system clock in UTC; legal dates are derived in China's zone by {@code WorkingDayCalendar.today})
 * and the build refuses reading the system time anywhere else, so that tests of any module can pass a fixed clock
 * instead.
 */
@ApplicationScoped
public class SystemClock {

    @Produces
    Clock clock() {
        return Clock.systemUTC();
    }
}
