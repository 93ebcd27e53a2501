package org.onewindow.kernel.error;

import java.util.List;

/**
 * A request refused for several fields at once, every one of them listed: REST answers 400 in the problem shape with
 * one {@code errors[]} entry per field ({@code field}, {@code error}, {@code message}), a page shows each message
 * beside its field. The whole carries its own key with the number of fields as its argument.
 */
public class FieldsRefusedException extends DomainException {

    private final transient List<FieldError> errors;

    /**
     * @param key the message of the whole, whose argument {0} is the number of fields refused
     * @param errors at least one
     */
    public FieldsRefusedException(String key, List<FieldError> errors) {
        super(key, errors.size());
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a refusal names at least one field");
        }
        this.errors = List.copyOf(errors);
    }

    /**
     * A refusal whose whole has a message of its own (e.g. the one field's own message when only one is refused).
     *
     * @param errors at least one
     */
    protected FieldsRefusedException(String key, List<Object> arguments, List<FieldError> errors) {
        super(key, arguments.toArray());
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a refusal names at least one field");
        }
        this.errors = List.copyOf(errors);
    }

    /** Each field refused, in the order of the request. */
    public List<FieldError> errors() {
        return errors;
    }
}
