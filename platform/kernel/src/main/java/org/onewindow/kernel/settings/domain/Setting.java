package org.onewindow.kernel.settings.domain;

import java.util.regex.Pattern;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.error.MessageKey;
import org.onewindow.kernel.text.TextField;
import org.onewindow.kernel.text.TextRule;

/**
 * A setting a county gives its towns and villages (可继承的设置, issue 11): a value with a built-in default, set at
 * the county and, where the setting allows, overridden by a town or a village for itself and the divisions below it.
 * The set is fixed here; each setting checks its own values. A module that knows more about a value (the case number
 * pattern) adds its check through {@link org.onewindow.kernel.settings.application.SettingCheck}.
 */
public enum Setting {
    /**
     * When a case turns amber (预警): the share of its promised time used, in percent, 1–99. Every tier may set it.
     */
    WARNING_THRESHOLD_PERCENT("warningThresholdPercent", Kind.WHOLE_NUMBER, 1, 99, "80", SettingSource.VILLAGE),
    /**
     * How the county numbers its cases (受理编号规则), e.g. {@code {county}-{date}-{seq:6}}: one sequence per county,
     * so only the county sets it. The casework module checks the pattern.
     */
    CASE_NUMBER_FORMAT("caseNumberFormat", Kind.TEXT, 1, 40, "{county}-{date}-{seq:6}", SettingSource.COUNTY),
    /**
     * The working days a named bad review (差评) has to be rectified in (整改时限), set by the locality: 5–15 are
     * seen (DOMAIN.md, 好差评), 1–30 allowed, 10 by default. Every tier may set it.
     */
    RECTIFICATION_DEADLINE_WORKING_DAYS(
            "rectificationDeadlineWorkingDays", Kind.WHOLE_NUMBER, 1, 30, "10", SettingSource.VILLAGE),
    /**
     * The issuing body printed on documents (出具单位, e.g. 某某县行政审批服务局), at most 50 characters; empty by
     * default, when documents name the division itself. Every tier may set it.
     */
    ISSUING_BODY_NAME("issuingBodyName", Kind.TEXT, 0, 50, "", SettingSource.VILLAGE),
    /**
     * The issuing body's seal (电子印章图片) printed beside its name on the window's notices and the decision letter: a
     * PNG on a transparent background ({@link SealImage}), uploaded on its own; the value is its SHA-256, empty by
     * default, when documents are stamped by hand. A county or a town sets it (a village has no seal of its own).
     */
    SEAL_IMAGE("sealImage", Kind.IMAGE, 0, SealImage.MAX_BYTES, "", SettingSource.TOWN);

    /** What a value is. */
    public enum Kind {
        /** A whole number between {@link #min()} and {@link #max()}. */
        WHOLE_NUMBER,
        /** One line of text, {@link #min()} to {@link #max()} characters counted as code points. */
        TEXT,
        /** An image uploaded on its own, at most {@link #max()} bytes; the value is its SHA-256. */
        IMAGE
    }

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");

    private final String key;
    private final Kind kind;
    private final int min;
    private final int max;
    private final String defaultValue;
    private final SettingSource deepest;

    Setting(String key, Kind kind, int min, int max, String defaultValue, SettingSource deepest) {
        this.key = key;
        this.kind = kind;
        this.min = min;
        this.max = max;
        this.defaultValue = defaultValue;
        this.deepest = deepest;
    }

    /** The name in the API and in the database, e.g. {@code warningThresholdPercent}. */
    public String key() {
        return key;
    }

    public Kind kind() {
        return kind;
    }

    /** The smallest value (a number) or length (a text); 0 for an image. */
    public int min() {
        return min;
    }

    /** The largest value (a number), length (a text) or size in bytes (an image). */
    public int max() {
        return max;
    }

    /** The built-in value, in force where no tier set one. */
    public String defaultValue() {
        return defaultValue;
    }

    /** The setting's name in the reader's language ({@code settings.name.warningThresholdPercent}). */
    public MessageKey label() {
        return new MessageKey("settings.name." + key);
    }

    /** Whether a division of {@code tier} may set its own value (the county always may). */
    public boolean mayBeSetAt(SettingSource tier) {
        return tier != SettingSource.DEFAULT && tier.compareTo(deepest) <= 0;
    }

    /**
     * The setting of this name.
     *
     * @throws DomainException 404 {@code settings.unknown}
     */
    public static Setting named(String key) {
        for (Setting setting : values()) {
            if (setting.key.equals(key)) {
                return setting;
            }
        }
        throw DomainException.notFound("settings.unknown", key == null ? "" : key);
    }

    /**
     * The value as stored: a number without sign or leading zeros, a text as {@link TextRule} cleans it.
     *
     * @throws DomainException 400 {@code settings.value.required}, {@code settings.value.number} (not a whole
     *     number), {@code settings.value.range} (outside min–max), {@code settings.value.length}, or the text rule's
     *     refusal; {@code settings.value.image} for an image, which is uploaded as a file, never typed
     */
    public String parse(String text) {
        if (kind == Kind.IMAGE) {
            throw new DomainException("settings.value.image", label());
        }
        String value = text == null ? "" : text.strip();
        if (kind == Kind.WHOLE_NUMBER) {
            if (value.isEmpty()) {
                throw new DomainException("settings.value.required", label());
            }
            if (!DIGITS.matcher(value).matches()) {
                throw new DomainException("settings.value.number", label(), value);
            }
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                throw new DomainException("settings.value.range", label(), number, min, max);
            }
            return Integer.toString(number);
        }
        String cleaned = TextRule.clean(key, value, TextField.line(TextField.LINE_MAX_LENGTH));
        cleaned = cleaned == null ? "" : cleaned;
        int length = cleaned.codePointCount(0, cleaned.length());
        if (length == 0 && min > 0) {
            throw new DomainException("settings.value.required", label());
        }
        if (length > max) {
            throw new DomainException("settings.value.length", label(), max);
        }
        return cleaned;
    }
}
