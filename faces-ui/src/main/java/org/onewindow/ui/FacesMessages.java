package org.onewindow.ui;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.Locale;
import java.util.ResourceBundle;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.error.FieldError;
import org.onewindow.kernel.error.FieldsRefusedException;
import org.onewindow.kernel.error.Messages;

/** Messages on the current page, in the page's language. */
public final class FacesMessages {

    private FacesMessages() {}

    public static void error(DomainException e) {
        error(null, e);
    }

    /**
     * Shows the refusal next to {@code clientId}, or at the top of the page when null; a refusal of several fields
     * (an item's application form in the console) with a line for each, named by its path.
     */
    public static void error(String clientId, DomainException e) {
        FacesContext faces = FacesContext.getCurrentInstance();
        Locale locale = faces.getViewRoot().getLocale();
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, Messages.format(locale, e), null));
        if (e instanceof FieldsRefusedException refused) {
            for (FieldError error : refused.errors()) {
                String text = error.field() + "："
                        + Messages.format(locale, error.key(), error.arguments().toArray());
                faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
            }
        }
        faces.validationFailed();
    }

    public static void errorText(String text) {
        errorText(null, text);
    }

    /** A text already in the page's language, next to {@code clientId} (top of the page when null). */
    public static void errorText(String clientId, String text) {
        FacesContext.getCurrentInstance()
                .addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        FacesContext.getCurrentInstance().validationFailed();
    }

    /** A confirmation from the UI text bundle ({@code org.onewindow.ui.text}). */
    public static void info(String key, Object... arguments) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text(key, arguments), null));
    }

    /** A confirmation from the faces-config bundle known to pages as {@code var}. */
    public static void infoOf(String var, String key, Object... arguments) {
        FacesContext.getCurrentInstance()
                .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, textOf(var, key, arguments), null));
    }

    public static String text(String key, Object... arguments) {
        return textOf("t", key, arguments);
    }

    /** A text of the faces-config bundle known to pages as {@code var} ({@code t}, {@code c}, {@code k}). */
    public static String textOf(String var, String key, Object... arguments) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, var);
        return new java.text.MessageFormat(
                        bundle.getString(key), faces.getViewRoot().getLocale())
                .format(arguments);
    }
}
