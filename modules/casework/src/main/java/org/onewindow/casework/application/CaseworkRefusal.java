package org.onewindow.casework.application;

import org.onewindow.kernel.error.DomainException;

/**
 * A refusal with an HTTP status the kernel's kinds do not have: 422 for an idempotency key replayed with another
 * body, 429 for too many wrong progress check codes, 413 for a scan over its limit. Rendered in the usual problem
 * shape by the casework API's mapper.
 */
public class CaseworkRefusal extends DomainException {

    public static final int UNPROCESSABLE = 422;
    public static final int TOO_MANY_REQUESTS = 429;
    public static final int TOO_LARGE = 413;

    private final int status;
    private final long retryAfterSeconds;

    public CaseworkRefusal(int status, long retryAfterSeconds, String key, Object... arguments) {
        super(key, arguments);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    /** For a 429: when to try again, in seconds; 0 otherwise. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
