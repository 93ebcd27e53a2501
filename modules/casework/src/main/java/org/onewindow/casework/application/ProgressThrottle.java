package org.onewindow.casework.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Throttles guessing of progress check codes (进度查询): after {@value #MAX_FAILURES_PER_NUMBER} wrong codes for one
 * case number, or {@value #MAX_FAILURES_PER_CLIENT} from one client, within {@link #WINDOW}, lookups of that number
 * or from that client answer 429 until the oldest failure leaves the window. With 31⁶ codes that keeps the chance of
 * guessing a receipt's code negligible. Kept in memory, per node: a cluster of two nodes allows twice as many guesses,
 * still far too few to matter.
 */
@ApplicationScoped
public class ProgressThrottle {

    public static final int MAX_FAILURES_PER_NUMBER = 5;
    public static final int MAX_FAILURES_PER_CLIENT = 20;
    public static final Duration WINDOW = Duration.ofMinutes(15);

    /** Keeps memory bounded under a flood of distinct numbers: older entries are dropped first. */
    static final int MAX_TRACKED = 100_000;

    // Guarded by this (check and failed are synchronized: lookups are few, guesses fewer).
    private final Map<String, Deque<Instant>> failures = new HashMap<>();

    @Inject
    Clock clock;

    public ProgressThrottle() {}

    ProgressThrottle(Clock clock) {
        this.clock = clock;
    }

    /**
     * Refuses a lookup while the number or the client has too many recent failures.
     *
     * @throws CaseworkRefusal 429 {@code casework.progress.throttled}, with the seconds to wait
     */
    public synchronized void check(String caseNumber, String client) {
        Instant now = clock.instant();
        long wait = Math.max(
                waitSeconds("number:" + caseNumber, MAX_FAILURES_PER_NUMBER, now),
                waitSeconds("client:" + client, MAX_FAILURES_PER_CLIENT, now));
        if (wait > 0) {
            throw new CaseworkRefusal(
                    CaseworkRefusal.TOO_MANY_REQUESTS, wait, "casework.progress.throttled", (wait + 59) / 60);
        }
    }

    /** Counts a wrong code (or an unknown number) against the number and the client. */
    public synchronized void failed(String caseNumber, String client) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED) {
            failures.entrySet().removeIf(e -> expired(e.getValue(), now));
        }
        add("number:" + caseNumber, now);
        add("client:" + client, now);
    }

    private void add(String key, Instant now) {
        failures.compute(key, (k, times) -> {
            Deque<Instant> kept = times == null ? new ArrayDeque<>() : times;
            kept.addLast(now);
            while (kept.size() > MAX_FAILURES_PER_CLIENT) {
                kept.removeFirst();
            }
            return kept;
        });
    }

    private long waitSeconds(String key, int max, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        times.removeIf(at -> !at.isAfter(now.minus(WINDOW)));
        if (times.size() < max) {
            return 0;
        }
        // The failure whose leaving the window brings the count below the limit.
        Instant releasing = times.stream().skip(times.size() - max).findFirst().orElse(now);
        return Math.max(1, Duration.between(now, releasing.plus(WINDOW)).toSeconds());
    }

    private static boolean expired(Deque<Instant> times, Instant now) {
        return times.isEmpty() || !times.getLast().isAfter(now.minus(WINDOW));
    }
}
