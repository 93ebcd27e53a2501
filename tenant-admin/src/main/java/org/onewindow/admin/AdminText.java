package org.onewindow.admin;

import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.omnifaces.util.Messages;
import org.onewindow.kernel.tenant.domain.ImportRejectedException;

/** The console's own texts ({@code org.onewindow.admin.text}, {@code #{a}} on the pages), in the page's language. */
final class AdminText {

    /** The name the console's pages know its bundle by ({@code #{a}}). */
    private static final String VAR = "a";

    private AdminText() {}

    static String text(String key, Object... arguments) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "a");
        return new MessageFormat(bundle.getString(key), faces.getViewRoot().getLocale()).format(arguments);
    }

    /** The text of the key, or {@code fallback} when the bundle has none (an element the console has no label for). */
    static String textOr(String key, String fallback) {
        try {
            FacesContext faces = FacesContext.getCurrentInstance();
            return faces.getApplication().getResourceBundle(faces, "a").getString(key);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }

    /** The text of the key in faces-ui's bundle ({@code #{t}}: levels, kinds of service point), or {@code fallback}. */
    static String uiTextOr(String key, String fallback) {
        try {
            FacesContext faces = FacesContext.getCurrentInstance();
            return faces.getApplication().getResourceBundle(faces, "t").getString(key);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }

    /** Each line of a refused import as "第3行：…" ({@code lineKey} with the line and the reason), in the page's language. */
    static List<String> lines(ImportRejectedException e, String lineKey) {
        java.util.Locale locale =
                FacesContext.getCurrentInstance().getViewRoot().getLocale();
        List<String> lines = new ArrayList<>();
        for (ImportRejectedException.LineError line : e.errors()) {
            lines.add(text(
                    lineKey,
                    line.line(),
                    org.onewindow.kernel.error.Messages.format(locale, line.key(), line.arguments())));
        }
        return lines;
    }

    /** A confirmation at the top of the page, through the one resolver ({@code org.onewindow.ui.MessageResolver}). */
    static void info(String key, Object... arguments) {
        Messages.addGlobalInfo(VAR + ":" + key, arguments);
    }

    /** A confirmation shown next to {@code clientId} rather than at the top of the page (e.g. beside an uploader). */
    static void infoAt(String clientId, String key, Object... arguments) {
        Messages.addInfo(clientId, VAR + ":" + key, arguments);
    }

    /** A refusal the console itself words (a malformed value), shown next to {@code clientId}. */
    static void error(String clientId, String key, Object... arguments) {
        Messages.addError(clientId, VAR + ":" + key, arguments);
        FacesContext.getCurrentInstance().validationFailed();
    }
}
