package org.onewindow.casework.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The {@link Clock} the casework services take their time from (the system clock in UTC; legal dates are derived in
 * China's zone by {@code WorkingDayCalendar.today}). Tests of the services pass a fixed one instead.
 */
@ApplicationScoped
public class Clocks {

    @Produces
    Clock clock() {
        return Clock.systemUTC();
    }
}
