package org.onewindow.ui;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;
import java.util.Locale;

/**
 * Every view speaks the session's language ({@link LocaleBacking}) from the moment it is made, not only once it
 * renders: a view action's message (a division not found) would otherwise be written in the browser's
 * {@code Accept-Language} and shown on a page in the other language.
 */
public class SessionLocaleViewHandler extends ViewHandlerWrapper {

    public SessionLocaleViewHandler(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public Locale calculateLocale(FacesContext context) {
        return CDI.current().select(LocaleBacking.class).get().getLocale();
    }
}
