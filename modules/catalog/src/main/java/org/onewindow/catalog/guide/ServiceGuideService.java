package org.onewindow.catalog.guide;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.onewindow.catalog.application.PublicCatalogService;
import org.onewindow.catalog.application.PublicPlacesService;
import org.onewindow.catalog.application.TenantItem;
import org.onewindow.catalog.domain.ItemElements;
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
        PublicPlacesService.Place place = places.place(tenant)
                .orElseThrow(() -> DomainException.notFound("catalog.tenant.not.found", tenantCode));
        ServiceGuide guide = GuideBuilder.build(
                tenant, place.name(), item.item(), places.departmentNames(tenant), LicenceTypes.names(), locale);
        List<ServiceGuide.Section> sections = new ArrayList<>(guide.sections());
        String standardCode = item.item().standard().code();
        sections.addAll(PlacesSection.whereToGo(
                GuideText.of(locale),
                place,
                intakeTiers(item),
                places.above(tenant),
                division -> places.servicePoints(division, standardCode)));
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

    /** The item's {@code intakeTiers}: where it may be taken in (VILLAGE, TOWN, COUNTY); empty when it names none. */
    private static Set<String> intakeTiers(TenantItem item) {
        return item.item().elements().get(ItemElements.INTAKE_TIERS) instanceof JsonArray array
                ? array.stream()
                        .filter(JsonString.class::isInstance)
                        .map(tier -> ((JsonString) tier).getString())
                        .collect(Collectors.toSet())
                : Set.of();
    }

    public byte[] pdf(String tenantCode, String itemCode, Locale locale) {
        return GuidePdf.render(guide(tenantCode, itemCode, locale));
    }
}
