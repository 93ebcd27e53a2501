package org.onewindow.ui.catalog;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import org.onewindow.ui.LocaleBacking;

/**
 * The header of the public pages: switching the language comes back to the same address with the same query, so
 * a citizen's search or guide stays bookmarkable in either language.
 */
@Named
@RequestScoped
public class PublicBar {

    @Inject
    LocaleBacking locale;

    public void switchLanguage() throws IOException {
        locale.toggle();
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        String query = external.getRequestParameterMap().getOrDefault("back", "");
        // Only a query string is carried: the path is this page's own, so the redirect cannot leave the application.
        String safeQuery = query.replaceAll("[\\r\\n#]", "");
        external.redirect(external.getRequestContextPath()
                + faces.getViewRoot().getViewId()
                + (safeQuery.isBlank() ? "" : "?" + safeQuery));
        faces.responseComplete();
    }
}
