package org.onewindow.ui.catalog;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.onewindow.catalog.guide.GuideText;
import org.onewindow.catalog.guide.ServiceGuide;
import org.onewindow.catalog.guide.ServiceGuideService;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.error.Messages;
import org.onewindow.ui.LocaleBacking;

/** The service guide page ({@code /catalog/guide.xhtml}): the same guide the PDF prints, in the page's language. */
@Named
@RequestScoped
public class GuideBacking {

    @Inject
    ServiceGuideService guides;

    @Inject
    LocaleBacking localeBacking;

    private String tenant;

    /** The search words of the list the guide was opened from, so that "back to the list" finds them again. */
    private String q;

    private String item;
    private ServiceGuide guide;
    private String notFound;

    public void load() {
        try {
            guide = guides.guide(tenant, item == null ? "" : item.strip(), localeBacking.getLocale());
        } catch (DomainException e) {
            notFound = Messages.format(localeBacking.getLocale(), e);
        }
    }

    public ServiceGuide getGuide() {
        return guide;
    }

    public String getNotFound() {
        return notFound;
    }

    /** A label of the guide bundle (material columns, hints), in the page's language. */
    public String text(String key) {
        return GuideText.of(localeBacking.getLocale()).text(key);
    }

    /** Which standard version the guide rests on, and that the window's latest notice prevails. */
    public String getFooter() {
        return GuideText.of(localeBacking.getLocale()).text("guide.footer", guide.standardVersion());
    }

    /** The PDF of this guide, in the page's language. */
    public String getPdfUrl() {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                + "/api/v1/catalog/items/" + encode(guide.itemCode()) + "/guide.pdf?tenant="
                + encode(guide.tenantCode())
                + (localeBacking.isEnglish() ? "&lang=en" : "");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public String getTenant() {
        return tenant;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public void setTenant(String tenant) {
        this.tenant = tenant;
    }

    public String getItem() {
        return item;
    }

    public void setItem(String item) {
        this.item = item;
    }
}
