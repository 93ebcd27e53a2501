package org.onewindow.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.onewindow.catalog.application.StandardsService;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.ui.FacesMessages;

/**
 * The adoption table (采纳情况) the county and the standards team see on the catalog and standards pages: which
 * tenants of their area adapt items and whether each is up to date or has conflicts pending.
 */
@Named
@ViewScoped
public class AdoptionBacking implements Serializable {

    @Inject
    StandardsService standards;

    private List<AdoptionRow> rows;

    /** A tenant that adapts items, as the table shows it. */
    public record AdoptionRow(
            String code, String name, int overrides, int itemsInConflict, int conflicts, boolean upToDate)
            implements Serializable {}

    public List<AdoptionRow> getRows() {
        if (rows == null) {
            refresh();
        }
        return rows;
    }

    /** The state of a tenant with conflicts pending, in words. */
    public String pending(AdoptionRow row) {
        return AdminText.text("adoption.state.pending", row.itemsInConflict());
    }

    /** Reads the table again when it is next shown, e.g. after a publication. */
    public void forget() {
        rows = null;
    }

    public void refresh() {
        try {
            rows = standards.adoption().stream()
                    .map(a -> new AdoptionRow(
                            a.tenant().value(),
                            a.name(),
                            a.overrides(),
                            a.itemsInConflict(),
                            a.conflicts(),
                            a.upToDate()))
                    .toList();
        } catch (DomainException e) {
            rows = List.of();
            FacesMessages.error(e);
        }
    }
}
