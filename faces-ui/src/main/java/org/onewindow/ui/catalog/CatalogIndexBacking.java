package org.onewindow.ui.catalog;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.onewindow.catalog.application.CatalogFilter;
import org.onewindow.catalog.application.PublicCatalogService;
import org.onewindow.catalog.application.PublicPlacesService;
import org.onewindow.catalog.application.PublicPlacesService.Place;
import org.onewindow.catalog.application.TenantItem;
import org.onewindow.catalog.domain.EffectiveItem;
import org.onewindow.catalog.domain.ItemElements;
import org.onewindow.catalog.guide.GuideText;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.error.Messages;
import org.onewindow.ui.LocaleBacking;

/**
 * The public catalog search ({@code /catalog/index.xhtml}, CAT-2): pick a place (county, town, village), then
 * search its effective catalog by keyword, theme, life event, service object and the tier one can apply at. Every
 * choice is a GET parameter, so a search is a link a citizen can bookmark or send.
 */
@Named
@RequestScoped
public class CatalogIndexBacking {

    public static final int PAGE_SIZE = 10;
    private static final List<String> TIERS = List.of("VILLAGE", "TOWN", "COUNTY");

    @Inject
    PublicCatalogService catalog;

    @Inject
    PublicPlacesService places;

    @Inject
    LocaleBacking localeBacking;

    /** The counties the picker offers before a place is chosen, e.g. {@code 370321000000}; comma-separated. */
    @Inject
    @ConfigProperty(name = "onewindow.catalog.public.counties")
    Optional<String> publicCounties;

    private String tenant;
    private String county;
    private String town;
    private String village;
    private String q;
    private String theme;
    private String life;
    private String object;
    private String tier;
    private int page = 1;

    private Place place;
    private Place chosenCounty;
    private Place chosenTown;
    private Place chosenVillage;
    private String notFound;
    private List<CatalogRow> rows = List.of();
    private int total;
    private List<String> themes = List.of();
    private List<String> lifeEvents = List.of();
    private List<Place> offered;

    /**
     * Resolves the place and runs the search. An unknown place is said on the page itself: a 404 status would make
     * the container swap in its error page and lose the message.
     */
    public void load() {
        String code = chosenCode();
        if (code == null) {
            return;
        }
        try {
            place = places.place(code).orElseThrow(() -> DomainException.notFound("catalog.tenant.not.found", code));
            chain(place.code());
            List<TenantItem> all = catalog.items(place.code(), CatalogFilter.none());
            themes = distinct(all, ItemElements.THEMES);
            lifeEvents = distinct(all, ItemElements.LIFE_EVENTS);
            List<TenantItem> found = catalog.items(place.code(), new CatalogFilter(q, theme, life, object)).stream()
                    .filter(item -> tier == null || tier.isBlank() || intakeAt(item.item(), tier))
                    .toList();
            total = found.size();
            page = Math.max(1, Math.min(page, getPages()));
            Map<String, String> departments = places.departmentNames(place.code());
            GuideText text = GuideText.of(localeBacking.getLocale());
            rows = found.stream()
                    .skip((long) (page - 1) * PAGE_SIZE)
                    .limit(PAGE_SIZE)
                    .map(item -> row(item.item(), departments, text))
                    .toList();
        } catch (DomainException e) {
            place = null;
            notFound = Messages.format(localeBacking.getLocale(), e);
        }
    }

    /**
     * The place asked for: the deepest of village, town and county that fits the ones above it (a town left over
     * from another county is dropped), else {@code tenant}, else the only county offered, so that a visitor of a
     * one-county deployment searches at once without choosing anything.
     */
    private String chosenCode() {
        if (present(county)) {
            String code = county.strip();
            if (present(town) && town.strip().startsWith(code.substring(0, 6))) {
                code = town.strip();
                if (present(village) && village.strip().startsWith(code.substring(0, 9))) {
                    code = village.strip();
                }
            }
            return code;
        }
        if (present(tenant)) {
            return tenant.strip();
        }
        List<Place> offered = offeredCounties();
        return offered.size() == 1 ? offered.get(0).code() : null;
    }

    /**
     * The counties the picker offers: the configured ones ({@code onewindow.catalog.public.counties}), else every
     * county of the deployment. Read once per request.
     */
    private List<Place> offeredCounties() {
        if (offered == null) {
            List<String> configured = configuredCounties();
            offered = configured.isEmpty()
                    ? places.counties()
                    : configured.stream()
                            .map(places::place)
                            .flatMap(Optional::stream)
                            .toList();
        }
        return offered;
    }

    private void chain(String code) {
        chosenCounty = places.place(code.substring(0, 6) + "000000").orElse(null);
        if (!code.endsWith("000000")) {
            chosenTown = places.place(code.substring(0, 9) + "000").orElse(null);
        }
        if (!code.endsWith("000")) {
            chosenVillage = place;
        }
    }

    private static boolean intakeAt(EffectiveItem item, String tier) {
        return item.elements().get(ItemElements.INTAKE_TIERS) instanceof JsonArray tiers
                && tiers.stream()
                        .anyMatch(
                                t -> t instanceof JsonString s && s.getString().equals(tier));
    }

    private static List<String> distinct(List<TenantItem> items, String element) {
        TreeSet<String> values = new TreeSet<>();
        for (TenantItem item : items) {
            if (item.item().elements().get(element) instanceof JsonArray array) {
                array.stream()
                        .filter(JsonString.class::isInstance)
                        .forEach(v -> values.add(((JsonString) v).getString()));
            }
        }
        return List.copyOf(values);
    }

    private static CatalogRow row(EffectiveItem item, Map<String, String> departments, GuideText text) {
        String department = item.elements().getString("department", "");
        JsonValue promised = item.elements().get(ItemElements.PROMISED_LIMIT_DAYS);
        String days = promised instanceof JsonNumber n
                ? (n.intValue() == 0 ? text.text("days.zero") : text.text("days", n.intValue()))
                : "";
        return new CatalogRow(
                item.standard().code(),
                item.elements().getString("name", item.standard().code()),
                text.value("type", item.elements().getString("type", "")),
                departments.getOrDefault(department, department),
                days,
                item.elements().getBoolean(ItemElements.ON_THE_SPOT, false));
    }

    private List<String> configuredCounties() {
        return publicCounties.stream()
                .flatMap(list -> Arrays.stream(list.split(",")))
                .map(String::strip)
                .filter(code -> !code.isEmpty())
                .toList();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    // --- what the page shows --------------------------------------------------------------------------------

    /** Counties to pick from: the offered ones and the current place's. */
    public List<Place> getCounties() {
        Map<String, Place> counties = new LinkedHashMap<>();
        for (Place county : offeredCounties()) {
            counties.put(county.code(), county);
        }
        if (chosenCounty != null) {
            counties.putIfAbsent(chosenCounty.code(), chosenCounty);
        }
        return new ArrayList<>(counties.values());
    }

    public List<Place> getTowns() {
        return chosenCounty == null ? List.of() : places.children(chosenCounty.code());
    }

    public List<Place> getVillages() {
        return chosenTown == null ? List.of() : places.children(chosenTown.code());
    }

    public List<String> getTiers() {
        return TIERS;
    }

    public Place getPlace() {
        return place;
    }

    public String getCountyCode() {
        return chosenCounty == null ? "" : chosenCounty.code();
    }

    public String getTownCode() {
        return chosenTown == null ? "" : chosenTown.code();
    }

    public String getVillageCode() {
        return chosenVillage == null ? "" : chosenVillage.code();
    }

    public String getNotFound() {
        return notFound;
    }

    public List<CatalogRow> getRows() {
        return rows;
    }

    public int getTotal() {
        return total;
    }

    public int getPages() {
        return Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    public List<String> getThemes() {
        return themes;
    }

    public List<String> getLifeEvents() {
        return lifeEvents;
    }

    /** Whether a filter under "more filters" is set, so that the folded filters open to show it. */
    public boolean isMoreFiltered() {
        return present(theme) || present(life) || present(object) || present(tier);
    }

    public boolean isFiltered() {
        return present(q) || present(theme) || present(life) || present(object) || present(tier);
    }

    // --- the GET parameters ----------------------------------------------------------------------------------

    public String getTenant() {
        return tenant;
    }

    public void setTenant(String tenant) {
        this.tenant = tenant;
    }

    public String getCounty() {
        return county;
    }

    public void setCounty(String county) {
        this.county = county;
    }

    public String getTown() {
        return town;
    }

    public void setTown(String town) {
        this.town = town;
    }

    public String getVillage() {
        return village;
    }

    public void setVillage(String village) {
        this.village = village;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getTheme() {
        return theme;
    }

    public void setTheme(String theme) {
        this.theme = theme;
    }

    public String getLife() {
        return life;
    }

    public void setLife(String life) {
        this.life = life;
    }

    public String getObject() {
        return object;
    }

    public void setObject(String object) {
        this.object = object;
    }

    public String getTier() {
        return tier;
    }

    public void setTier(String tier) {
        this.tier = tier;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = page;
    }
}
