package org.onewindow.catalog.guide;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.onewindow.catalog.application.PublicCatalogService;
import org.onewindow.catalog.application.PublicPlacesService;
import org.onewindow.catalog.application.TenantItem;
import org.onewindow.kernel.error.DomainException;

/**
 * The service guide (办事指南) of an item as a place offers it, for anyone (CAT-2): the guide page and the PDF
 * both come from here.
 */
@ApplicationScoped
public class ServiceGuideService {

    @Inject
    PublicCatalogService catalog;

    @Inject
    PublicPlacesService places;

    /**
     * @throws DomainException 404 for an unknown place or item, and for an item the place does not offer
     */
    public ServiceGuide guide(String tenantCode, String itemCode, Locale locale) {
        TenantItem item = catalog.item(tenantCode, itemCode);
        if (!item.item().offered()) {
            throw DomainException.notFound("catalog.item.not.found", itemCode);
        }
        String tenant = item.tenant().value();
        String name = places.place(tenant).map(PublicPlacesService.Place::name).orElse(tenant);
        ServiceGuide guide = GuideBuilder.build(
                tenant, name, item.item(), places.departmentNames(tenant), LicenceTypes.names(), locale);
        List<ServiceGuide.Section> sections = new ArrayList<>(guide.sections());
        sections.addAll(PlacesSection.of(GuideText.of(locale), places.servicePoints(tenant, guide.itemCode())));
        return new ServiceGuide(
                guide.tenantCode(),
                guide.tenantName(),
                guide.itemCode(),
                guide.itemName(),
                guide.standardVersion(),
                guide.locale(),
                sections,
                guide.materials());
    }

    public byte[] pdf(String tenantCode, String itemCode, Locale locale) {
        return GuidePdf.render(guide(tenantCode, itemCode, locale));
    }
}
