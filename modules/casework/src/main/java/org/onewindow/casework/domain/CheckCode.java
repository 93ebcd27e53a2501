package org.onewindow.casework.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.onewindow.kernel.error.DomainException;

/**
 * The short check code printed on the receipt (查询码) that, with the case number, opens the public progress page.
 * Six characters from an alphabet without look-alikes (no 0/O, 1/I/L), e.g. {@code 7KQ4MX}: 31⁶ ≈ 887 million codes,
 * so with throttled guessing a case number alone reveals nothing. Typed codes are read case-insensitively and
 * compared in constant time. {@link #toString()} does not show the code.
 *
 * @param value the code
 * @throws DomainException {@code casework.checkcode.format}
 */
public record CheckCode(String value) {

    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public static final int LENGTH = 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    public CheckCode {
        if (!wellFormed(value)) {
            throw new DomainException("casework.checkcode.format");
        }
    }

    /** A fresh code from a {@link SecureRandom}. */
    public static CheckCode generate() {
        return generate(RANDOM);
    }

    /** A fresh code from the given source (tests pass a seeded one; production a {@link SecureRandom}). */
    public static CheckCode generate(RandomGenerator random) {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new CheckCode(code.toString());
    }

    /** Whether the typed code is this one; a malformed one simply does not match. */
    public boolean matches(String typed) {
        String normalised = typed == null ? "" : typed.strip().toUpperCase(Locale.ROOT);
        return MessageDigest.isEqual(
                value.getBytes(StandardCharsets.US_ASCII), normalised.getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean wellFormed(String value) {
        if (value == null || value.length() != LENGTH) {
            return false;
        }
        return value.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }

    @Override
    public String toString() {
        return "CheckCode[******]";
    }
}
