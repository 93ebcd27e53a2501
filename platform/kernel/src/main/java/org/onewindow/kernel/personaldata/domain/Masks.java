package org.onewindow.kernel.personaldata.domain;

/**
 * Masked forms of personal data for screens, notices and logs where the full value is not needed
 * (GB/T 35273-2020 §6.2 de-identified display). A resident ID number masks itself ({@code
 * ResidentIdNumber.masked()}); names and phone numbers are masked here. Characters outside the Basic
 * Multilingual Plane (e.g. 𠮷, a surrogate pair in Java) count as one character.
 */
public final class Masks {

    private Masks() {}

    /**
     * The first character of a name and one {@code *} for each of the others: 张三 → 张*, 欧阳娜娜 →
     * 欧***; a one-character name becomes {@code *}. Blank stays blank; null becomes "".
     */
    public static String name(String name) {
        if (name == null) {
            return "";
        }
        String trimmed = name.strip();
        int characters = trimmed.codePointCount(0, trimmed.length());
        if (characters == 0) {
            return "";
        }
        if (characters == 1) {
            return "*";
        }
        int firstEnd = trimmed.offsetByCodePoints(0, 1);
        return trimmed.substring(0, firstEnd) + "*".repeat(characters - 1);
    }

    /**
     * An 11-digit mobile number as 138****5678; any other number keeps only its last 4 digits
     * visible ({@code ****1234}), a number of 4 digits or fewer is masked entirely.
     */
    public static String phone(String phone) {
        if (phone == null) {
            return "";
        }
        String digits = phone.strip();
        int length = digits.length();
        if (length == 11 && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return digits.substring(0, 3) + "****" + digits.substring(7);
        }
        if (length <= 4) {
            return "*".repeat(length);
        }
        return "*".repeat(length - 4) + digits.substring(length - 4);
    }
}
