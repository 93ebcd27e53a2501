package org.onewindow.catalog.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of field an application form (申请表) has, each with its name in the catalog's JSON and what its answer
 * is: a JSON string for texts, choices, phones, dates ({@code 2026-12-01}) and resident ID numbers, a JSON number for
 * numbers and money, an object {@code {"name", "uscc"}} for an organisation, a list of row objects for a table.
 */
public enum FormFieldType {
    /** One line of text. */
    TEXT("text"),
    /** Several lines of text. */
    TEXTAREA("textarea"),
    /** A whole number. */
    INTEGER("integer"),
    /** A number with decimals. */
    DECIMAL("decimal"),
    /** An amount with at most two decimals (分), in the field's {@code unit} (元, 万元). */
    MONEY("money"),
    /** A calendar date, ISO 8601 ({@code 2026-12-01}). */
    DATE("date"),
    /** One of the field's {@code options}. */
    SELECT("select"),
    /** A mainland mobile number or a landline with its area code. */
    PHONE("phone"),
    /** An address as written. */
    ADDRESS("address"),
    /** A resident ID number (公民身份号码, GB 11643), checked and kept like the applicant's. */
    RESIDENT_ID("residentId"),
    /** An organisation: its name and its unified social credit code (统一社会信用代码, GB 32100), checked. */
    ORGANISATION("organisation"),
    /** Repeated rows (e.g. household members), each with the field's {@code columns}. */
    TABLE("table");

    private final String json;

    FormFieldType(String json) {
        this.json = json;
    }

    /** The name in the catalog's JSON, e.g. {@code residentId}. */
    public String json() {
        return json;
    }

    public static Optional<FormFieldType> of(String json) {
        return Arrays.stream(values()).filter(type -> type.json.equals(json)).findFirst();
    }

    /** Whether {@code min} and {@code max} bound the answer. */
    public boolean numeric() {
        return this == INTEGER || this == DECIMAL || this == MONEY;
    }

    /** Whether the answer is free text that {@code maxLength} and {@code pattern} may constrain. */
    public boolean freeText() {
        return this == TEXT || this == TEXTAREA || this == ADDRESS;
    }

    /** Every JSON name, for messages. */
    public static String names() {
        return String.join(
                ", ", Arrays.stream(values()).map(FormFieldType::json).toList());
    }
}
