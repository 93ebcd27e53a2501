package org.onewindow.casework.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.onewindow.kernel.error.Messages;

/**
 * What the applicant is told about a case, by an in-app message and a text message (告知): each kind is a template of
 * the casework bundle ({@code casework.notify.<kind>}) with named parameters, in this order. The parameters are the
 * case's public facts (number, item, places, dates, what to supply): never a name, an ID number or a phone.
 */
public enum NotificationKind {
    /** 受理. */
    ACCEPTED("caseNumber", "item", "promisedDueDate"),
    /** 补正通知 (§32): everything to supply, at the intake point. */
    CORRECTION_NOTICE("item", "place"),
    /** 审查中补正: what to supply; the clock is paused. */
    SUPPLEMENT_REQUESTED("caseNumber", "whatToSupply"),
    /** 特别程序 (§45): what and how long. */
    SPECIAL_PROCEDURE("caseNumber", "procedure", "workingDays"),
    /** 延期 (§42): the reason. */
    EXTENDED("caseNumber", "reason"),
    /** 准予 / 不予许可. */
    DECIDED("caseNumber", "item", "outcome"),
    /** 待领取: where the result waits. */
    READY_FOR_PICKUP("caseNumber", "item", "place"),
    /** 已寄出: the post's tracking number. */
    POSTED("caseNumber", "trackingNumber"),
    /** 办结. */
    COMPLETED("caseNumber");

    private final List<String> parameters;

    NotificationKind(String... parameters) {
        this.parameters = List.of(parameters);
    }

    /** The names of the template's parameters, in order. */
    public List<String> parameters() {
        return parameters;
    }

    /** The template's key in the casework bundle, e.g. {@code casework.notify.ready.for.pickup}. */
    public String templateKey() {
        return "casework.notify." + name().toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /**
     * The message in {@code locale}.
     *
     * @param values every parameter of {@link #parameters()} by name; others are ignored
     * @throws IllegalArgumentException naming a missing parameter (a programming error of the caller)
     */
    public String render(Locale locale, Map<String, String> values) {
        return Messages.format(locale, templateKey(), arguments(values).toArray());
    }

    /**
     * The values in the template's order.
     *
     * @throws IllegalArgumentException naming a missing parameter
     */
    public List<String> arguments(Map<String, String> values) {
        List<String> arguments = new ArrayList<>();
        for (String name : parameters) {
            String value = values.get(name);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name() + " needs the parameter " + name);
            }
            arguments.add(value.strip());
        }
        return arguments;
    }
}
