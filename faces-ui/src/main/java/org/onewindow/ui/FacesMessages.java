package org.onewindow.ui;

import jakarta.faces.context.FacesContext;
import java.util.ResourceBundle;
import org.omnifaces.util.Messages;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.error.FieldError;
import org.onewindow.kernel.error.FieldsRefusedException;

/**
 * Messages on the current page, in the page's language, through OmniFaces {@link Messages} and the product's one
 * resolver ({@link MessageResolver}): a refusal by its key, a confirmation by its bundle and key.
 */
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
        Messages.addError(clientId, e.key(), e.arguments().toArray());
        if (e instanceof FieldsRefusedException refused) {
            MessageResolver words = new MessageResolver();
            for (FieldError error : refused.errors()) {
                Messages.addError(
                        clientId,
                        error.field() + "："
                                + words.getMessage(
                                        error.key(), error.arguments().toArray()));
            }
        }
        FacesContext.getCurrentInstance().validationFailed();
    }

    public static void errorText(String text) {
        errorText(null, text);
    }

    /** A text already in the page's language, next to {@code clientId} (top of the page when null). */
    public static void errorText(String clientId, String text) {
        Messages.addError(clientId, text);
        FacesContext.getCurrentInstance().validationFailed();
    }

    /** A confirmation from the UI text bundle ({@code org.onewindow.ui.text}). */
    public static void info(String key, Object... arguments) {
        infoOf("t", key, arguments);
    }

    /** A confirmation from the faces-config bundle known to pages as {@code var}. */
    public static void infoOf(String var, String key, Object... arguments) {
        Messages.addGlobalInfo(var + ":" + key, arguments);
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
