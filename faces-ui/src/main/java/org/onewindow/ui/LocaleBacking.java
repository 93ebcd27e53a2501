package org.onewindow.ui;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Locale;
import org.onewindow.kernel.error.Messages;

/** The language of the session's pages: Chinese unless the user switches to English. */
@Named
@SessionScoped
public class LocaleBacking implements Serializable {

    private Locale locale = Messages.DEFAULT_LOCALE;

    public Locale getLocale() {
        return locale;
    }

    public boolean isEnglish() {
        return locale.getLanguage().equals("en");
    }

    public void toggle() {
        locale = isEnglish() ? Messages.DEFAULT_LOCALE : Locale.ENGLISH;
        FacesContext.getCurrentInstance().getViewRoot().setLocale(locale);
    }
}
