package org.onewindow.catalog.guide;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.onewindow.kernel.error.Messages;

/**
 * The words of the service guide in one language ({@code org/onewindow/catalog/guide/guide*.properties}): labels
 * and the wording of coded values (an item type, a material form). Chinese is the base bundle, English the
 * alternative; the JVM's own locale never decides.
 */
public final class GuideText {

    private static final String BUNDLE = "org.onewindow.catalog.guide.guide";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Locale locale;
    private final ResourceBundle bundle;

    private GuideText(Locale locale) {
        this.locale = Messages.supported(locale);
        this.bundle = ResourceBundle.getBundle(
                BUNDLE,
                this.locale.getLanguage().equals("en") ? Locale.ENGLISH : Locale.ROOT,
                GuideText.class.getClassLoader(),
                NO_FALLBACK);
    }

    public static GuideText of(Locale locale) {
        return new GuideText(locale);
    }

    public Locale locale() {
        return locale;
    }

    public String text(String key, Object... arguments) {
        String pattern = bundle.getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }

    /** The wording of a coded value ({@code type.PUBLIC_SERVICE}); the code itself when the bundle has none. */
    public String value(String prefix, String code) {
        try {
            return bundle.getString(prefix + "." + code);
        } catch (MissingResourceException e) {
            return code;
        }
    }
}
