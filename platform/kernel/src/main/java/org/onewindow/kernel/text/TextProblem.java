package org.onewindow.kernel.text;

import java.util.List;

/**
 * Why one field's text was refused, in the caller's language when rendered: its message key ({@code text.control},
 * {@code text.too-long} …) and arguments, the first of which is always the field's name.
 *
 * @param field how the caller names the field: a JSON path ({@code applicant.name}), a parameter, a form label
 * @param key the message key in the kernel's bundle
 * @param arguments the message's arguments, {@code field} first
 */
public record TextProblem(String field, String key, List<Object> arguments) {

    public TextProblem {
        arguments = List.copyOf(arguments);
    }
}
