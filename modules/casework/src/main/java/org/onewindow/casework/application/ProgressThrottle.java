package org.onewindow.casework.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Throttles guessing of check codes (查询码) at the public receipt lookups (进度查询 and the decision letter by the
 * receipt): a client that gave {@value #MAX_FAILURES_PER_QUARTER_HOUR} wrong codes within {@link #SHORT_WINDOW}, or
 * {@value #MAX_FAILURES_PER_DAY} within {@link #DAY_WINDOW}, waits (429) until its oldest counted failure leaves the
 * window. The client is the address {@link ClientAddress} names (an IPv6 client by its /64 network).
 *
 * <p>Failures are counted per client only, never per case number: a count per number would let anyone lock the
 * receipt's holder out of their own case by typing wrong codes for it (case numbers are sequential). What protects a
 * case instead is the code's entropy: 31⁶ = 887,503,681 codes ({@link org.onewindow.casework.domain.CheckCode}),
 * and one client gets at most {@value #MAX_FAILURES_PER_DAY} guesses a day, 36,500 a year: a chance of 1 in 24,000
 * a year to hit one given case. An attacker with 1,000 addresses (1,000 IPv6 /64 networks) gets 36.5 million guesses
 * a year, 4 % of the code space: one given case with a chance of 1 in 24 a year; spreading the guesses over many
 * numbers does no better, each guess tries one code of one number. See ADR 0022.
 *
 * <p>Kept in memory, per node: a cluster of two nodes allows twice as many guesses, still far too few to matter. At
 * most {@value #MAX_TRACKED} clients are remembered, the least recently failing forgotten first.
 */
@ApplicationScoped
public class ProgressThrottle {

    public static final int MAX_FAILURES_PER_QUARTER_HOUR = 20;
    public static final Duration SHORT_WINDOW = Duration.ofMinutes(15);
    public static final int MAX_FAILURES_PER_DAY = 100;
    public static final Duration DAY_WINDOW = Duration.ofHours(24);

    static final int MAX_TRACKED = 20_000;

    // Guarded by this (check and failed are synchronized: lookups are few, guesses fewer). In access order, so that
    // the eldest entry is the client that failed longest ago.
    private final Map<String, Deque<Instant>> failures = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
            return size() > MAX_TRACKED;
        }
    };

    @Inject
    Clock clock;

    public ProgressThrottle() {}

    ProgressThrottle(Clock clock) {
        this.clock = clock;
    }

    /**
     * Refuses a lookup while the client has too many recent failures; a client under both limits passes, whatever
     * number it asks about and however often others got that number's code wrong.
     *
     * @param client the client's key ({@link ClientAddress#of})
     * @throws CaseworkRefusal 429 {@code casework.progress.throttled}, with the seconds to wait
     */
    public synchronized void check(String client) {
        Deque<Instant> times = failures.get(client);
        if (times == null) {
            return;
        }
        Instant now = clock.instant();
        times.removeIf(at -> !at.isAfter(now.minus(DAY_WINDOW)));
        long wait = Math.max(
                waitSeconds(times, SHORT_WINDOW, MAX_FAILURES_PER_QUARTER_HOUR, now),
                waitSeconds(times, DAY_WINDOW, MAX_FAILURES_PER_DAY, now));
        if (wait > 0) {
            throw new CaseworkRefusal(
                    CaseworkRefusal.TOO_MANY_REQUESTS, wait, "casework.progress.throttled", (wait + 59) / 60);
        }
    }

    /** Counts a wrong code (or an unknown number) against the client. */
    public synchronized void failed(String client) {
        Instant now = clock.instant();
        Deque<Instant> times = failures.computeIfAbsent(client, k -> new ArrayDeque<>());
        times.addLast(now);
        while (times.size() > MAX_FAILURES_PER_DAY) {
            times.removeFirst();
        }
    }

    /** Seconds until fewer than {@code max} of the failures are within {@code window} of now; 0 when already so. */
    private static long waitSeconds(Deque<Instant> times, Duration window, int max, Instant now) {
        Instant since = now.minus(window);
        long within = times.stream().filter(at -> at.isAfter(since)).count();
        if (within < max) {
            return 0;
        }
        // The failure whose leaving the window brings the count below the limit.
        Instant releasing = times.stream()
                .filter(at -> at.isAfter(since))
                .skip(within - max)
                .findFirst()
                .orElse(now);
        return Math.max(1, Duration.between(now, releasing.plus(window)).toSeconds());
    }
}
