package org.onewindow.casework.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Guessing check codes: a client may get a few wrong, then waits out the window; nobody else's guessing ever holds up
 * a client, whatever case it asks about.
 */
class ProgressThrottleTest {

    private static final String GUESSER = "10.0.0.9";

    private Instant now = Instant.parse("2026-11-30T01:00:00Z");
    private final ProgressThrottle throttle = new ProgressThrottle(new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    private void fail(String client, int times) {
        for (int i = 0; i < times; i++) {
            throttle.check(client);
            throttle.failed(client);
        }
    }

    @Test
    void twentyWrongCodesFromAClientMakeItWaitUntilTheQuarterHourPasses() {
        fail(GUESSER, ProgressThrottle.MAX_FAILURES_PER_QUARTER_HOUR);

        CaseworkRefusal refused = catchThrowableOfType(CaseworkRefusal.class, () -> throttle.check(GUESSER));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.key()).isEqualTo("casework.progress.throttled");
        assertThat(refused.retryAfterSeconds()).isEqualTo(ProgressThrottle.SHORT_WINDOW.toSeconds());
        assertThat(refused.arguments()).containsExactly(15L);

        now = now.plus(ProgressThrottle.SHORT_WINDOW).plusSeconds(1);
        assertThatCode(() -> throttle.check(GUESSER)).doesNotThrowAnyException();
    }

    @Test
    void nineteenWrongCodesAreNotThrottled() {
        fail(GUESSER, ProgressThrottle.MAX_FAILURES_PER_QUARTER_HOUR - 1);

        assertThatCode(() -> throttle.check(GUESSER)).doesNotThrowAnyException();
    }

    @Test
    void anotherClientIsNeverHeldUpByTheGuessersFailures() {
        // The guesser goes at one case all day; the receipt's holder asks from elsewhere and always gets through.
        for (int hour = 0; hour < 24; hour++) {
            fail(GUESSER, 4);
            now = now.plus(Duration.ofHours(1));
        }

        assertThatCode(() -> throttle.check("10.0.0.10")).doesNotThrowAnyException();
        assertThatCode(() -> throttle.check(ClientAddress.of("2001:db8:0:2::1", null, java.util.Set.of())))
                .doesNotThrowAnyException();
    }

    @Test
    void theWaitIsUntilTheOldestCountedFailureLeavesTheWindow() {
        for (int i = 0; i < ProgressThrottle.MAX_FAILURES_PER_QUARTER_HOUR; i++) {
            throttle.failed(GUESSER);
            if (i < 5) {
                now = now.plus(Duration.ofMinutes(1));
            }
        }

        CaseworkRefusal refused = catchThrowableOfType(CaseworkRefusal.class, () -> throttle.check(GUESSER));
        // The first failure was 5 minutes ago: 10 minutes to go.
        assertThat(refused.retryAfterSeconds()).isEqualTo(Duration.ofMinutes(10).toSeconds());
    }

    @Test
    void aHundredWrongCodesInADayMakeTheClientWaitUntilTheFirstIsADayOld() {
        // Five short bursts under the quarter-hour limit, an hour apart: 100 in 4 hours.
        for (int burst = 0; burst < 5; burst++) {
            fail(GUESSER, 19);
            now = now.plus(Duration.ofHours(1));
        }
        fail(GUESSER, 5);
        Instant fifthBurstEnd = now;

        CaseworkRefusal refused = catchThrowableOfType(CaseworkRefusal.class, () -> throttle.check(GUESSER));
        assertThat(refused.status()).isEqualTo(429);
        // The first failure was 5 hours ago: 19 hours to go.
        assertThat(refused.retryAfterSeconds()).isEqualTo(Duration.ofHours(19).toSeconds());

        now = fifthBurstEnd.plus(Duration.ofHours(19)).plusSeconds(1);
        assertThatCode(() -> throttle.check(GUESSER)).doesNotThrowAnyException();
    }

    @Test
    void aDayIsForgottenAfterADay() {
        fail(GUESSER, 19);
        now = now.plus(ProgressThrottle.DAY_WINDOW);
        fail(GUESSER, 19);

        assertThatCode(() -> throttle.check(GUESSER)).doesNotThrowAnyException();
    }
}
