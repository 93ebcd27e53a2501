package org.onewindow.kernel.error;

import java.text.DateFormat;
import java.text.Format;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.TimeZone;
import org.onewindow.kernel.calendar.WorkingDayCalendar;

/**
 * Renders message keys in the caller's language; Chinese (zh-CN) is the default, English the
 * alternative. A key's first segment names the module that owns it: {@code catalog.override.protected}
 * is looked up in {@code org/onewindow/catalog/messages}, then in the kernel's bundle. A date or time in a message
 * ({@code {0,time,HH:mm}}, given a {@link Date} or an {@link Instant}) reads in the deployment's zone
 * ({@link WorkingDayCalendar#ZONE}, Beijing time) as every page shows times, whatever the server's own zone.
 */
public final class Messages {

    public static final Locale DEFAULT_LOCALE = Locale.SIMPLIFIED_CHINESE;
    private static final String KERNEL_BUNDLE = "org.onewindow.kernel.messages";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private static final TimeZone ZONE = TimeZone.getTimeZone(WorkingDayCalendar.ZONE);

    private Messages() {}

    public static String format(Locale locale, String key, Object... arguments) {
        Locale language = supported(locale);
        int dot = key.indexOf('.');
        String module = dot > 0 ? "org.onewindow." + key.substring(0, dot) + ".messages" : KERNEL_BUNDLE;
        for (String bundle : new String[] {module, KERNEL_BUNDLE}) {
            try {
                String pattern = ResourceBundle.getBundle(
                                bundle, language, Messages.class.getClassLoader(), NO_FALLBACK)
                        .getString(key);
                MessageFormat message = new MessageFormat(pattern, language);
                for (Format part : message.getFormats()) {
                    if (part instanceof DateFormat time) {
                        time.setTimeZone(ZONE);
                    }
                }
                return message.format(localised(language, arguments));
            } catch (MissingResourceException e) {
                // not this bundle's key, or no such bundle: try the next
            }
        }
        return key;
    }

    /** The arguments with every {@link MessageKey} replaced by its text in the language, an {@link Instant} by a date. */
    private static Object[] localised(Locale language, Object[] arguments) {
        Object[] rendered = arguments.clone();
        for (int i = 0; i < rendered.length; i++) {
            if (rendered[i] instanceof MessageKey label) {
                rendered[i] = format(language, label.key());
            } else if (rendered[i] instanceof Instant instant) {
                rendered[i] = Date.from(instant);
            }
        }
        return rendered;
    }

    public static String format(Locale locale, DomainException e) {
        return format(locale, e.key(), e.arguments().toArray());
    }

    /** English when asked for, Chinese otherwise. */
    public static Locale supported(Locale requested) {
        return requested != null && requested.getLanguage().equals("en") ? Locale.ENGLISH : DEFAULT_LOCALE;
    }
}
