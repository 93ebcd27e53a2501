package org.onewindow.ui;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.ResourceBundle;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.error.Messages;

/** Messages on the current page, in the page's language. */
public final class FacesMessages {

    private FacesMessages() {}

    public static void error(DomainException e) {
        error(null, e);
    }

    /** Shows the refusal next to {@code clientId}, or at the top of the page when null. */
    public static void error(String clientId, DomainException e) {
        FacesContext faces = FacesContext.getCurrentInstance();
        String text = Messages.format(faces.getViewRoot().getLocale(), e);
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
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
