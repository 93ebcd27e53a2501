package org.onewindow.casework.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.onewindow.kernel.error.DomainException;

/**
 * How a county numbers its cases (受理编号规则): a pattern of literal characters (upper-case letters, digits, hyphens)
 * and placeholders:
 *
 * <ul>
 *   <li>{@code {county}}: the county's 6-digit division code, e.g. {@code 370321};
 *   <li>{@code {date}}: the acceptance date as {@code yyyyMMdd}; {@code {year}}: its year as {@code yyyy};
 *   <li>{@code {seq:N}}: the sequence number, zero-padded to N digits (4–10); exactly once.
 * </ul>
 *
 * The default {@value #DEFAULT_PATTERN} gives {@code 370321-20261130-000123}: the hyphens make the number readable on
 * the receipt and over the phone, and are safe in a URL. The sequence comes from the database; its {@link #scope()}
 * says how often it must restart so that numbers stay unique (per county and day with {@code {date}}, per county
 * and year with only {@code {year}}, never otherwise).
 *
 * @param pattern the pattern
 * @throws DomainException {@code casework.number.pattern.placeholder} for an unknown placeholder,
 *     {@code casework.number.pattern.literal} also for a hyphen at the start or end,
 *     {@code casework.number.pattern.sequence} unless {@code {seq:N}} occurs exactly once with N in 4–10,
 *     {@code casework.number.pattern.literal} for a character other than A–Z, 0–9 and a hyphen,
 *     {@code casework.number.pattern.length} when the numbers would be longer than {@value CaseNumber#MAX_LENGTH}
 */
public record CaseNumberFormat(String pattern) {

    // Before DEFAULT: its constructor parses with them.
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");
    private static final Pattern SEQUENCE = Pattern.compile("seq:(\\d{1,2})");
    private static final Pattern LITERAL = Pattern.compile("[A-Z0-9-]*");
    private static final Pattern COUNTY = Pattern.compile("\\d{6}");

    public static final String DEFAULT_PATTERN = "{county}-{date}-{seq:6}";
    public static final CaseNumberFormat DEFAULT = new CaseNumberFormat(DEFAULT_PATTERN);

    /** How often the sequence restarts. */
    public enum SequenceScope {
        /** Per county and acceptance date. */
        DAY,
        /** Per county and year. */
        YEAR,
        /** Never: one sequence per county. */
        NONE
    }

    public CaseNumberFormat {
        if (pattern == null || pattern.isBlank()) {
            throw new DomainException("casework.number.pattern.sequence", "");
        }
        pattern = pattern.strip();
        parts(pattern);
    }

    /** The number of the {@code sequence}-th case of the county on the day. */
    public CaseNumber format(String countyCode, LocalDate acceptedOn, long sequence) {
        if (countyCode == null || !COUNTY.matcher(countyCode).matches()) {
            throw new DomainException("casework.number.county", countyCode);
        }
        StringBuilder number = new StringBuilder();
        for (Part part : parts(pattern)) {
            switch (part.kind) {
                case LITERAL -> number.append(part.text);
                case COUNTY -> number.append(countyCode);
                case DATE ->
                    number.append(String.format(
                            "%04d%02d%02d",
                            acceptedOn.getYear(), acceptedOn.getMonthValue(), acceptedOn.getDayOfMonth()));
                case YEAR -> number.append(String.format("%04d", acceptedOn.getYear()));
                case SEQUENCE -> {
                    long max = (long) Math.pow(10, part.width) - 1;
                    if (sequence < 1 || sequence > max) {
                        throw new DomainException("casework.number.sequence", sequence, max);
                    }
                    number.append(String.format("%0" + part.width + "d", sequence));
                }
            }
        }
        return new CaseNumber(number.toString());
    }

    /** How often the sequence must restart for the numbers to stay unique. */
    public SequenceScope scope() {
        List<Part> parts = parts(pattern);
        if (parts.stream().anyMatch(p -> p.kind == Kind.DATE)) {
            return SequenceScope.DAY;
        }
        if (parts.stream().anyMatch(p -> p.kind == Kind.YEAR)) {
            return SequenceScope.YEAR;
        }
        return SequenceScope.NONE;
    }

    private enum Kind {
        LITERAL,
        COUNTY,
        DATE,
        YEAR,
        SEQUENCE
    }

    private record Part(Kind kind, String text, int width) {
        int length() {
            return switch (kind) {
                case LITERAL -> text.length();
                case COUNTY -> 6;
                case DATE -> 8;
                case YEAR -> 4;
                case SEQUENCE -> width;
            };
        }
    }

    private static List<Part> parts(String pattern) {
        List<Part> parts = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(pattern);
        int at = 0;
        int sequences = 0;
        while (matcher.find()) {
            literal(pattern.substring(at, matcher.start()), parts);
            String name = matcher.group(1);
            Matcher sequence = SEQUENCE.matcher(name);
            if (name.equals("county")) {
                parts.add(new Part(Kind.COUNTY, null, 0));
            } else if (name.equals("date")) {
                parts.add(new Part(Kind.DATE, null, 0));
            } else if (name.equals("year")) {
                parts.add(new Part(Kind.YEAR, null, 0));
            } else if (sequence.matches()) {
                int width = Integer.parseInt(sequence.group(1));
                if (width < 4 || width > 10) {
                    throw new DomainException("casework.number.pattern.sequence", pattern);
                }
                sequences++;
                parts.add(new Part(Kind.SEQUENCE, null, width));
            } else {
                throw new DomainException("casework.number.pattern.placeholder", "{" + name + "}");
            }
            at = matcher.end();
        }
        literal(pattern.substring(at), parts);
        if (sequences != 1) {
            throw new DomainException("casework.number.pattern.sequence", pattern);
        }
        // A number starts and ends with a letter or digit (see CaseNumber), so the pattern must too.
        Part first = parts.getFirst();
        Part last = parts.getLast();
        if (first.kind == Kind.LITERAL && first.text.startsWith("-")) {
            throw new DomainException("casework.number.pattern.literal", first.text);
        }
        if (last.kind == Kind.LITERAL && last.text.endsWith("-")) {
            throw new DomainException("casework.number.pattern.literal", last.text);
        }
        int length = parts.stream().mapToInt(Part::length).sum();
        if (length > CaseNumber.MAX_LENGTH) {
            throw new DomainException("casework.number.pattern.length", length, CaseNumber.MAX_LENGTH);
        }
        return parts;
    }

    private static void literal(String text, List<Part> parts) {
        if (text.isEmpty()) {
            return;
        }
        if (!LITERAL.matcher(text).matches()) {
            throw new DomainException("casework.number.pattern.literal", text);
        }
        parts.add(new Part(Kind.LITERAL, text, 0));
    }
}
