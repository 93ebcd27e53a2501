package org.onewindow.casework.domain;

import java.util.regex.Pattern;
import org.onewindow.kernel.error.DomainException;

/**
 * A mainland mobile number (手机号码) for text messages: 11 digits starting 13–19, typed with spaces or hyphens and an
 * optional {@code +86} or {@code 86} in front. Personal information: shown and logged only masked ({@code 138****5678});
 * {@link #toString()} masks it.
 *
 * @param digits the 11 digits
 */
public record MobileNumber(String digits) {

    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");

    public MobileNumber {
        if (digits == null || !MOBILE.matcher(digits).matches()) {
            throw new DomainException("casework.mobile.format");
        }
    }

    /**
     * The number as typed.
     *
     * @throws DomainException {@code casework.mobile.required} when blank, {@code casework.mobile.format} when it is
     *     no mainland mobile number
     */
    public static MobileNumber parse(String typed) {
        String text = Texts.required(typed, "casework.mobile.required").replaceAll("[\\s-]", "");
        if (text.startsWith("+86")) {
            text = text.substring(3);
        } else if (text.startsWith("86") && text.length() == 13) {
            text = text.substring(2);
        }
        return new MobileNumber(text);
    }

    /** The first three and last four digits: {@code 138****5678}. */
    public String masked() {
        return masked(digits);
    }

    /** Any phone text masked like a mobile number: its first three and last four characters kept, at most. */
    public static String masked(String phone) {
        if (phone == null) {
            return null;
        }
        if (phone.length() < 8) {
            return "*".repeat(phone.length());
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }

    @Override
    public String toString() {
        return masked();
    }
}
