package org.onewindow.kernel.error;

import java.util.Arrays;
import java.util.List;

/**
 * A rule of the domain was broken by the caller's input. It carries a message key and its arguments,
 * not a sentence, so that each channel renders it in the caller's language (zh-CN by default).
 */
public class DomainException extends RuntimeException {

    /** How a refusal maps to a channel: REST turns these into 400, 404, 403, 401 and 409. */
    public enum Kind {
        INVALID,
        NOT_FOUND,
        FORBIDDEN,
        UNAUTHORIZED,
        CONFLICT
    }

    private final Kind kind;
    private final String key;
    private final transient List<Object> arguments;

    public DomainException(String key, Object... arguments) {
        this(Kind.INVALID, key, arguments);
    }

    public DomainException(Kind kind, String key, Object... arguments) {
        super(key + " " + Arrays.toString(arguments));
        this.kind = kind;
        this.key = key;
        this.arguments = List.of(arguments);
    }

    public static DomainException notFound(String key, Object... arguments) {
        return new DomainException(Kind.NOT_FOUND, key, arguments);
    }

    public static DomainException conflict(String key, Object... arguments) {
        return new DomainException(Kind.CONFLICT, key, arguments);
    }

    public Kind kind() {
        return kind;
    }

    public String key() {
        return key;
    }

    public List<Object> arguments() {
        return arguments;
    }
}
