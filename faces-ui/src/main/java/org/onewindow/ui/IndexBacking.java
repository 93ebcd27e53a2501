package org.onewindow.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** The root URL goes to the staff home (which asks for a login first). */
@Named
@RequestScoped
public class IndexBacking {

    public String home() {
        return LoginBacking.HOME + "?faces-redirect=true";
    }
}
