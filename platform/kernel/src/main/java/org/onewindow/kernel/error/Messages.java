package org.onewindow.kernel.error;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Renders message keys in the caller's language; Chinese (zh-CN) is the default, English the alternative. */
public final class Messages {

    public static final Locale DEFAULT_LOCALE = Locale.SIMPLIFIED_CHINESE;
    private static final String BUNDLE = "org.onewindow.kernel.messages";

    private Messages() {}

    public static String format(Locale locale, String key, Object... arguments) {
        ResourceBundle bundle = ResourceBundle.getBundle(
                BUNDLE,
                supported(locale),
                Messages.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        try {
            return new MessageFormat(bundle.getString(key), locale).format(arguments);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    public static String format(Locale locale, DomainException e) {
        return format(locale, e.key(), e.arguments().toArray());
    }

    /** English when asked for, Chinese otherwise. */
    public static Locale supported(Locale requested) {
        return requested != null && requested.getLanguage().equals("en") ? Locale.ENGLISH : DEFAULT_LOCALE;
    }
}
