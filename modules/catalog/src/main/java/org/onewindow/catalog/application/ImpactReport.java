package org.onewindow.catalog.application;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.onewindow.catalog.domain.Conflict;
import org.onewindow.catalog.domain.ImpactPreview;
import org.onewindow.kernel.tenant.domain.DivisionCode;

/**
 * What publishing a draft does or did (更新影响): the domain's preview, with the names of the tenants it lists so
 * the standards team reads "起凤镇", not a code.
 *
 * @param preview the tenants whose effective item changes and those that get conflicts
 * @param names the name of every tenant the preview lists
 * @param published whether this reports a publication that happened, not a preview
 */
public record ImpactReport(ImpactPreview preview, Map<DivisionCode, String> names, boolean published) {

    public ImpactReport {
        names = Map.copyOf(names);
    }

    /**
     * The counties' reports as one, in one pass: a tenant's chain never leaves its county, so the parts add up.
     *
     * @param whole the update with no tenant yet
     */
    public static ImpactReport merge(ImpactReport whole, List<ImpactReport> counties) {
        Map<DivisionCode, String> allNames = new HashMap<>(whole.names);
        counties.forEach(county -> allNames.putAll(county.names));
        ImpactPreview all = ImpactPreview.merge(
                whole.preview, counties.stream().map(ImpactReport::preview).toList());
        return new ImpactReport(all, allNames, whole.published);
    }

    public String nameOf(DivisionCode tenant) {
        return names.getOrDefault(tenant, "");
    }

    public Map<DivisionCode, List<Conflict>> conflicts() {
        return preview.conflicts();
    }
}
