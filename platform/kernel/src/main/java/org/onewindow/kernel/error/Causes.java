package org.onewindow.kernel.error;

import java.sql.SQLException;

/** What lies under an exception that JPA, JTA or a parser wrapped: the database's error code, the first cause. */
public final class Causes {

    /** PostgreSQL's SQLSTATE for a broken unique constraint: someone else wrote the same key first. */
    private static final String UNIQUE_VIOLATION = "23505";

    private Causes() {}

    /** Whether a unique constraint refused the write, however deep the database's error is wrapped. */
    public static boolean uniqueViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The innermost cause's message, cut to {@code max} characters: what to tell a person, not a stack trace. */
    public static String rootMessage(Throwable e, int max) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.length() > max ? message.substring(0, max) + "…" : message;
    }
}
