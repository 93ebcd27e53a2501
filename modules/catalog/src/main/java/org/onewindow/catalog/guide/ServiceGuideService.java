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
import org.onewindow.kernel.tenant.domain.TenantLevel;

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
        List<PublicPlacesService.PublicPoint> own = places.servicePoints(tenant, guide.itemCode());
        sections.addAll(
                own.isEmpty()
                        ? PlacesSection.elsewhere(GuideText.of(locale), name, pointsAbove(tenant, item))
                        : PlacesSection.of(GuideText.of(locale), own));
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

    /**
     * The points of the divisions above {@code tenant} that take the item in for it, nearest first: a division's
     * points count when the item may be taken in at its tier ({@code intakeTiers}: a town or street office at
     * {@code TOWN}, the county at {@code COUNTY}).
     */
    private List<PublicPlacesService.PublicPoint> pointsAbove(String tenant, TenantItem item) {
        Set<String> tiers = item.item().elements().get(ItemElements.INTAKE_TIERS) instanceof JsonArray array
                ? array.stream()
                        .filter(JsonString.class::isInstance)
                        .map(tier -> ((JsonString) tier).getString())
                        .collect(Collectors.toSet())
                : Set.of();
        List<PublicPlacesService.PublicPoint> points = new ArrayList<>();
        for (PublicPlacesService.Place division : places.above(tenant)) {
            if (tiers.contains(tier(division.level()))) {
                points.addAll(places.servicePoints(
                        division.code(), item.item().standard().code()));
            }
        }
        return points;
    }

    /** The {@code intakeTiers} value of a division's level: a street office takes in as a town does. */
    private static String tier(TenantLevel level) {
        return switch (level) {
            case COUNTY -> "COUNTY";
            case TOWN, STREET -> "TOWN";
            case VILLAGE, COMMUNITY -> "VILLAGE";
        };
    }

    public byte[] pdf(String tenantCode, String itemCode, Locale locale) {
        return GuidePdf.render(guide(tenantCode, itemCode, locale));
    }
}
