package org.onewindow.kernel.error;

import java.util.List;

/**
 * Why one field of a request was refused: where it is, as a path into the request ({@code members[2].idNumber},
 * {@code applicationForm.fields[1].options}), and the message key with its arguments, rendered in the caller's
 * language by {@link Messages}.
 *
 * @param field the path of the field, JSON style: members by name, list entries by index from 0
 * @param key the message key
 * @param arguments the message's arguments
 */
public record FieldError(String field, String key, List<Object> arguments) {

    public FieldError {
        arguments = List.copyOf(arguments);
    }

    public FieldError(String field, DomainException refusal) {
        this(field, refusal.key(), refusal.arguments());
    }
}
