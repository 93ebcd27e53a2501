package org.onewindow.kernel.identity.domain;

import java.io.Serial;
import java.io.Serializable;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import java.util.Optional;
import org.onewindow.kernel.error.DomainException;

/**
 * A citizen's resident ID number (公民身份号码, GB 11643-1999): 18 characters = 6-digit area code of the
 * place of first registration + 8-digit birth date {@code YYYYMMDD} + 3-digit sequence code (odd for
 * men, even for women) + a check character over the first 17 digits (ISO 7064 MOD 11-2: weights
 * {@code 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2}, sum mod 11 mapped to {@code 1 0 X 9 8 7 6 5 4 3 2}).
 *
 * <p>The number is sensitive personal information (GB/T 35273-2020 §3.2 and appendix B): {@link
 * #toString()} and every refusal show only the masked form or nothing of the number, so neither a log
 * line nor an exception message ever carries it. The full number comes out only through {@link
 * #fullNumber()}, for encryption ({@code org.onewindow.kernel.personaldata}) and for the roles that
 * need it.
 *
 * <p>Refusals, each a {@link DomainException} of kind {@code INVALID} with its own key:
 * {@code identity.resident.required} (empty), {@code identity.resident.legacy} (a 15-digit number of
 * the first generation: the 18-digit one is asked for), {@code identity.resident.length} (argument:
 * the number of characters), {@code identity.resident.character} (arguments: position from 1, the
 * character), {@code identity.resident.birth.date} (no such date), {@code identity.resident.birth.future}
 * (after today), {@code identity.resident.check} (argument: the check character the first 17 digits
 * call for).
 */
public final class ResidentIdNumber implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public static final int LENGTH = 18;
    private static final int LEGACY_LENGTH = 15;
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK_CHARACTERS = "10X98765432".toCharArray();
    private static final String MASK = "********";

    private final String number;

    private ResidentIdNumber(String number) {
        this.number = number;
    }

    /**
     * Checks a number as typed at the window: surrounding spaces and full-width characters are
     * normalised, a lowercase {@code x} becomes {@code X}.
     *
     * @param text the number as entered; may be null
     * @param today the date against which the birth date must not lie in the future (the tenant's
     *     local date, from an injected {@link Clock})
     * @throws DomainException with one of the keys listed on the class
     */
    public static ResidentIdNumber parse(String text, LocalDate today) {
        Objects.requireNonNull(today, "today");
        String number = checkShape(text);
        LocalDate birth = birthDateOf(number).orElseThrow(() -> new DomainException("identity.resident.birth.date"));
        if (birth.isAfter(today)) {
            throw new DomainException("identity.resident.birth.future");
        }
        char expected = checkCharacter(number);
        if (number.charAt(LENGTH - 1) != expected) {
            throw new DomainException("identity.resident.check", String.valueOf(expected));
        }
        return new ResidentIdNumber(number);
    }

    /** {@link #parse(String, LocalDate)} with today's date from {@code clock}. */
    public static ResidentIdNumber parse(String text, Clock clock) {
        return parse(text, LocalDate.now(clock));
    }

    /**
     * A number that was checked before it was stored (for example one just decrypted): everything is
     * checked again except that the birth date lies before today, which held when it was taken in.
     */
    public static ResidentIdNumber restore(String storedNumber) {
        return parse(storedNumber, LocalDate.MAX);
    }

    /** Whether {@code text} is a valid number on {@code today}; never throws. */
    public static boolean isValid(String text, LocalDate today) {
        try {
            parse(text, today);
            return true;
        } catch (DomainException e) {
            return false;
        }
    }

    /**
     * The check character GB 11643 gives the first 17 digits of {@code number}.
     *
     * @param number at least 17 ASCII digits; only the first 17 are read
     */
    public static char checkCharacter(CharSequence number) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (number.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS[sum % 11];
    }

    private static String checkShape(String text) {
        String number = IdentifierText.normalise(text);
        if (number == null || number.isEmpty()) {
            throw new DomainException("identity.resident.required");
        }
        if (number.length() == LEGACY_LENGTH && allDigits(number, LEGACY_LENGTH)) {
            throw new DomainException("identity.resident.legacy");
        }
        if (number.length() != LENGTH) {
            throw new DomainException("identity.resident.length", number.codePointCount(0, number.length()));
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = number.charAt(i);
            boolean allowed = isDigit(c) || (i == LENGTH - 1 && c == 'X');
            if (!allowed) {
                throw new DomainException("identity.resident.character", IdentifierText.position(i), String.valueOf(c));
            }
        }
        return number;
    }

    private static Optional<LocalDate> birthDateOf(String number) {
        try {
            return Optional.of(LocalDate.of(
                    Integer.parseInt(number.substring(6, 10)),
                    Integer.parseInt(number.substring(10, 12)),
                    Integer.parseInt(number.substring(12, 14))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static boolean allDigits(String text, int length) {
        for (int i = 0; i < length; i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The full 18 characters. Sensitive: encrypt it before storing, never log or display it unmasked. */
    public String fullNumber() {
        return number;
    }

    /** The 6-digit administrative division code of the place of first registration (e.g. {@code 370321}). */
    public String areaCode() {
        return number.substring(0, 6);
    }

    public LocalDate birthDate() {
        return birthDateOf(number).orElseThrow();
    }

    /** Age in completed years on {@code date}. */
    public int ageOn(LocalDate date) {
        return Period.between(birthDate(), date).getYears();
    }

    /** From the parity of the 3-digit sequence code (characters 15–17). */
    public Sex sex() {
        return (number.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    /** First 6 and last 4 characters, the 8 of the birth date hidden: {@code 370321********1234}. */
    public String masked() {
        return number.substring(0, 6) + MASK + number.substring(LENGTH - 4);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResidentIdNumber that && number.equals(that.number);
    }

    @Override
    public int hashCode() {
        return number.hashCode();
    }

    /** The masked form: a number written to a log by accident shows no birth date. */
    @Override
    public String toString() {
        return masked();
    }
}
