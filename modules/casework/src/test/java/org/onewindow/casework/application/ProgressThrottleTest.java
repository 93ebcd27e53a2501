package org.onewindow.casework.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Guessing check codes: a few wrong ones are fine, then the number (or the client) waits out the window. */
class ProgressThrottleTest {

    private static final String NUMBER = "370321-20261130-000001";

    private Instant now = Instant.parse("2026-11-30T01:00:00Z");
    private final ProgressThrottle throttle = new ProgressThrottle(new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void fiveWrongCodesForANumberThrottleItForEveryClientUntilTheWindowPasses() {
        for (int i = 0; i < ProgressThrottle.MAX_FAILURES_PER_NUMBER; i++) {
            throttle.check(NUMBER, "client-" + i);
            throttle.failed(NUMBER, "client-" + i);
        }

        CaseworkRefusal refused = catchThrowableOfType(CaseworkRefusal.class, () -> throttle.check(NUMBER, "another"));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.key()).isEqualTo("casework.progress.throttled");
        assertThat(refused.retryAfterSeconds()).isEqualTo(ProgressThrottle.WINDOW.toSeconds());
        assertThatCode(() -> throttle.check("370321-20261130-000002", "another"))
                .doesNotThrowAnyException();

        now = now.plus(ProgressThrottle.WINDOW).plusSeconds(1);
        assertThatCode(() -> throttle.check(NUMBER, "another")).doesNotThrowAnyException();
    }

    @Test
    void fourWrongCodesAreNotThrottled() {
        for (int i = 0; i < ProgressThrottle.MAX_FAILURES_PER_NUMBER - 1; i++) {
            throttle.failed(NUMBER, "client");
        }
        assertThatCode(() -> throttle.check(NUMBER, "client")).doesNotThrowAnyException();
    }

    @Test
    void aClientGuessingAcrossManyNumbersIsThrottledToo() {
        for (int i = 0; i < ProgressThrottle.MAX_FAILURES_PER_CLIENT; i++) {
            throttle.failed("370321-20261130-" + String.format("%06d", i), "10.0.0.9");
        }

        CaseworkRefusal refused =
                catchThrowableOfType(CaseworkRefusal.class, () -> throttle.check("370321-20261130-999999", "10.0.0.9"));
        assertThat(refused.status()).isEqualTo(429);
        assertThatCode(() -> throttle.check("370321-20261130-999999", "10.0.0.10"))
                .doesNotThrowAnyException();
    }

    @Test
    void theWaitIsUntilTheOldestCountedFailureLeavesTheWindow() {
        for (int i = 0; i < ProgressThrottle.MAX_FAILURES_PER_NUMBER; i++) {
            throttle.failed(NUMBER, "client");
            now = now.plus(Duration.ofMinutes(1));
        }

        CaseworkRefusal refused = catchThrowableOfType(CaseworkRefusal.class, () -> throttle.check(NUMBER, "client"));
        // The first failure was 5 minutes ago: 10 minutes to go.
        assertThat(refused.retryAfterSeconds()).isEqualTo(Duration.ofMinutes(10).toSeconds());
    }
}
