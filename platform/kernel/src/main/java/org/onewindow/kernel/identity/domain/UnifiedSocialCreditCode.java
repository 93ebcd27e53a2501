package org.onewindow.kernel.identity.domain;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.onewindow.kernel.error.DomainException;

/**
 * An organisation's unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters =
 * registering authority (1) + organisation type (1) + 6-digit area code + 9-character organisation
 * code + a check character. The alphabet is {@code 0-9 A-H J-N P-R T U W-Y} (no I, O, S, V, Z), each
 * character worth its index 0…30; the check value is 31 − (Σ value × weight mod 31), 31 becoming 0,
 * with weights {@code 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28} (GB 32100-2015 §5).
 *
 * <p>Some codes issued in the early pilots are legal but fail the check. So a failed check is not
 * final: {@link #check(String)} tells a malformed code (always refused) from one that only fails its
 * check, and {@link #parseWithOverride(String, CheckOverride)} accepts the latter when a window lead
 * (窗口负责人, {@code Role.WINDOW_LEAD}) has approved it; the caller verifies the role and records the
 * override with the case. A code is public (it is printed on the business licence), so it is shown
 * in full.
 *
 * <p>Refusals, each a {@link DomainException} of kind {@code INVALID}: {@code identity.uscc.required},
 * {@code identity.uscc.length} (argument: the number of characters), {@code identity.uscc.character}
 * (position from 1, the character), {@code identity.uscc.check} (the check character the first 17 call
 * for), {@code identity.uscc.override.incomplete} (an override without approver or reason).
 */
public final class UnifiedSocialCreditCode implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public static final int LENGTH = 18;
    /** Index = the character's value in the check computation. */
    public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int MODULUS = 31;

    private final String code;
    private final CheckOverride override;

    private UnifiedSocialCreditCode(String code, CheckOverride override) {
        this.code = code;
        this.override = override;
    }

    /**
     * A window lead's decision to accept a code that fails its check (an early pilot code).
     *
     * @param approvedBy the window lead's username
     * @param reason why the code is genuine (e.g. "营业执照原件核验，早期试点代码")
     * @param approvedAt when
     */
    public record CheckOverride(String approvedBy, String reason, Instant approvedAt) implements Serializable {

        public CheckOverride {
            if (approvedBy == null || approvedBy.isBlank() || reason == null || reason.isBlank()) {
                throw new DomainException("identity.uscc.override.incomplete");
            }
            Objects.requireNonNull(approvedAt, "approvedAt");
            approvedBy = approvedBy.strip();
            reason = reason.strip();
        }
    }

    /** What {@link #check(String)} found. */
    public sealed interface Verdict permits Valid, CheckFailed, Malformed {}

    /** Well formed and its check character right. */
    public record Valid(UnifiedSocialCreditCode code) implements Verdict {}

    /**
     * Well formed but the check character is not the one the first 17 characters call for: refused
     * unless a window lead overrides.
     *
     * @param code the normalised 18 characters
     * @param expected the check character the first 17 call for
     */
    public record CheckFailed(String code, char expected) implements Verdict {

        public DomainException refusal() {
            return new DomainException("identity.uscc.check", String.valueOf(expected));
        }
    }

    /** Wrong length or a character outside the alphabet: refused, no override possible. */
    public record Malformed(DomainException refusal) implements Verdict {}

    /**
     * Checks a code as typed: surrounding spaces and full-width characters are normalised, lower-case
     * letters raised. Never throws.
     */
    public static Verdict check(String text) {
        String code = IdentifierText.normalise(text);
        if (code == null || code.isEmpty()) {
            return new Malformed(new DomainException("identity.uscc.required"));
        }
        if (code.length() != LENGTH) {
            return new Malformed(new DomainException("identity.uscc.length", code.codePointCount(0, code.length())));
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = code.charAt(i);
            if (ALPHABET.indexOf(c) < 0) {
                return new Malformed(
                        new DomainException("identity.uscc.character", IdentifierText.position(i), String.valueOf(c)));
            }
        }
        char expected = checkCharacter(code);
        return code.charAt(LENGTH - 1) == expected
                ? new Valid(new UnifiedSocialCreditCode(code, null))
                : new CheckFailed(code, expected);
    }

    /**
     * A valid code, or a refusal.
     *
     * @throws DomainException {@code identity.uscc.check} when only the check character is wrong (see
     *     {@link #parseWithOverride}), or another key of the class when malformed
     */
    public static UnifiedSocialCreditCode parse(String text) {
        return switch (check(text)) {
            case Valid valid -> valid.code();
            case CheckFailed failed -> throw failed.refusal();
            case Malformed malformed -> throw malformed.refusal();
        };
    }

    /**
     * Accepts a code whose check character is wrong because a window lead approved it; a code that
     * passes its check is returned as by {@link #parse} (no override recorded).
     *
     * @param override the approval; required
     * @throws DomainException when the code is malformed: no override makes a wrong length or an I, O,
     *     S, V, Z acceptable
     */
    public static UnifiedSocialCreditCode parseWithOverride(String text, CheckOverride override) {
        Objects.requireNonNull(override, "override");
        return switch (check(text)) {
            case Valid valid -> valid.code();
            case CheckFailed failed -> new UnifiedSocialCreditCode(failed.code(), override);
            case Malformed malformed -> throw malformed.refusal();
        };
    }

    /**
     * The check character GB 32100 gives the first 17 characters of {@code code}.
     *
     * @param code at least 17 characters of {@link #ALPHABET}; only the first 17 are read
     * @throws IllegalArgumentException if one of them is outside the alphabet
     */
    public static char checkCharacter(CharSequence code) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            int value = ALPHABET.indexOf(code.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("not in the GB 32100 alphabet at position " + (i + 1));
            }
            sum += value * WEIGHTS[i];
        }
        return ALPHABET.charAt((MODULUS - sum % MODULUS) % MODULUS);
    }

    /** The 18 characters. */
    public String value() {
        return code;
    }

    /** Character 1: 1 机构编制, 5 民政, 9 工商 (market regulation), Y other… */
    public char registeringAuthority() {
        return code.charAt(0);
    }

    /** Character 2: the organisation type within the registering authority (e.g. 1 company, 2 individual business under 9). */
    public char organisationType() {
        return code.charAt(1);
    }

    /** Characters 3–8: the registering authority's administrative division code. */
    public String areaCode() {
        return code.substring(2, 8);
    }

    /** Characters 9–17: the organisation code (组织机构代码, GB 11714) within this code. */
    public String organisationCode() {
        return code.substring(8, 17);
    }

    /** Whether the check character is wrong and the code was accepted on a window lead's override. */
    public boolean checkOverridden() {
        return override != null;
    }

    public Optional<CheckOverride> override() {
        return Optional.ofNullable(override);
    }

    /** The same organisation whether or not its check was overridden: equal by the 18 characters. */
    @Override
    public boolean equals(Object other) {
        return other instanceof UnifiedSocialCreditCode that && code.equals(that.code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }

    @Override
    public String toString() {
        return code;
    }
}
