package org.onewindow.ui;

import jakarta.faces.context.FacesContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.omnifaces.util.Messages;

/**
 * The one resolver of every page's messages: OmniFaces {@link Messages} ({@code Messages.addGlobalInfo(key, …)},
 * {@code Messages.addError(clientId, key, …)}) hands each message here, and it is worded in the view's language
 * (zh-CN by default, en) from the product's bundles:
 *
 * <ul>
 *   <li>{@code "t:saved"}, {@code "k:withdrawal.done"}, {@code "a:tenant.added"}: a key of the faces bundle that pages
 *       know by that name ({@code t}, {@code c}, {@code k} of faces-ui, {@code a} of the console), with its
 *       arguments;
 *   <li>{@code "casework.decision.reason.required"}: a key of the kernel's or a module's bundle, the key of a
 *       {@link org.onewindow.kernel.error.DomainException}, with its arguments
 *       ({@link org.onewindow.kernel.error.Messages});
 *   <li>anything else: a text already in the page's language, shown exactly as given (its arguments are not applied,
 *       so a user's braces or apostrophes stay as typed).
 * </ul>
 *
 * Registered once when the application starts, as a listener of this jar's web fragment.
 */
@WebListener
public class MessageResolver implements Messages.Resolver, ServletContextListener {

    /** The longest name a faces bundle is known by on the pages ({@code t}, {@code c}, {@code k}, {@code a}). */
    private static final int MAX_VAR_LENGTH = 2;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Messages.setResolver(this);
    }

    @Override
    public String getMessage(String message, Object... params) {
        return word(FacesContext.getCurrentInstance(), message, params);
    }

    /**
     * The words of {@code message} as this resolver gives them on a page.
     *
     * @param faces the page's context, or {@code null} outside a page (then no faces bundle is read, and Chinese is
     *     the language)
     * @return the text to show, never {@code null}
     */
    public static String word(FacesContext faces, String message, Object... params) {
        if (message == null) {
            return "";
        }
        Object[] arguments = params == null ? new Object[0] : params;
        Locale locale = faces == null || faces.getViewRoot() == null
                ? org.onewindow.kernel.error.Messages.DEFAULT_LOCALE
                : faces.getViewRoot().getLocale();
        int colon = message.indexOf(':');
        if (faces != null && colon > 0 && colon <= MAX_VAR_LENGTH) {
            String key = message.substring(colon + 1);
            try {
                ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, message.substring(0, colon));
                if (bundle != null && bundle.containsKey(key)) {
                    return new MessageFormat(bundle.getString(key), locale).format(arguments);
                }
            } catch (MissingResourceException e) {
                // no bundle of that name: a text with a colon, shown as given below
            }
        }
        // A key of no bundle comes back as itself: a text already worded.
        return org.onewindow.kernel.error.Messages.format(locale, message, arguments);
    }
}
