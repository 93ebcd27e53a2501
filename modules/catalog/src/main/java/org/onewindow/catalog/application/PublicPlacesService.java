package org.onewindow.catalog.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onewindow.catalog.infrastructure.CatalogRepository;
import org.onewindow.kernel.calendar.WorkingDayCalendar;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.scope.Scope;
import org.onewindow.kernel.scope.Scopes;
import org.onewindow.kernel.tenant.application.ServicePointService;
import org.onewindow.kernel.tenant.application.TenantService;
import org.onewindow.kernel.tenant.domain.Department;
import org.onewindow.kernel.tenant.domain.DivisionCode;
import org.onewindow.kernel.tenant.domain.OpeningHours;
import org.onewindow.kernel.tenant.domain.ServicePoint;
import org.onewindow.kernel.tenant.domain.ServicePointClosure;
import org.onewindow.kernel.tenant.domain.ServiceWindow;
import org.onewindow.kernel.tenant.domain.Tenant;
import org.onewindow.kernel.tenant.domain.TenantLevel;

/**
 * The places and departments of a county as the public sees them (CAT-2): official division names (公开的区划名称) and
 * department names, for picking a place and naming the department on a service guide. Each read runs as a visitor
 * of that one county, so the database shows nothing of any other county and nothing but these names leaves here.
 */
@ApplicationScoped
public class PublicPlacesService {

    /** A division as the public picker shows it. */
    public record Place(String code, String name, TenantLevel level) {}

    /**
     * A service point as the public guide shows it: where, when and how to reach it, its windows and the closures not
     * yet over.
     *
     * @param windows the windows that take the item in (every window when no item is asked for)
     */
    public record PublicPoint(
            String name,
            String address,
            String contactPhone,
            OpeningHours openingHours,
            boolean selfService,
            String selfServiceHours,
            List<ServiceWindow> windows,
            List<ServicePointClosure> closures) {}

    @Inject
    TenantService tenants;

    @Inject
    ServicePointService servicePoints;

    @Inject
    CatalogRepository repository;

    @Inject
    Clock clock;

    @Inject
    Scopes scopes;

    /**
     * Every county of the deployment, by code: what the picker offers a visitor who has chosen nothing yet (one
     * county is then simply preselected). Each name is read in that county's own visitor scope.
     */
    @Transactional
    public List<Place> counties() {
        return repository.publicCounties().stream()
                .map(this::place)
                .flatMap(Optional::stream)
                .toList();
    }

    /** The division, if {@code code} names one. */
    public Optional<Place> place(String code) {
        Optional<DivisionCode> division = DivisionCode.parse(code);
        if (division.isEmpty()) {
            return Optional.empty();
        }
        return scopes.run(visitorOf(division.get().county()), () -> {
            if (!tenants.exists(division.get().value())) {
                return Optional.<Place>empty();
            }
            return Optional.of(place(tenants.find(division.get().value())));
        });
    }

    /** The divisions directly below {@code code}, by code; empty for a village or an unknown code. */
    public List<Place> children(String code) {
        Optional<DivisionCode> division = DivisionCode.parse(code);
        if (division.isEmpty()) {
            return List.of();
        }
        return scopes.run(visitorOf(division.get().county()), () -> {
            if (!tenants.exists(division.get().value())) {
                return List.<Place>of();
            }
            return tenants.children(division.get().value()).stream()
                    .map(PublicPlacesService::place)
                    .toList();
        });
    }

    /**
     * The divisions above {@code code}, nearest first: a village's town, then its county; empty for a county or an
     * unknown code.
     */
    public List<Place> above(String code) {
        Optional<DivisionCode> division = DivisionCode.parse(code);
        if (division.isEmpty()) {
            return List.of();
        }
        return scopes.run(visitorOf(division.get().county()), () -> {
            List<Place> above = new ArrayList<>();
            if (tenants.exists(division.get().value())) {
                for (DivisionCode parent = tenants.find(division.get().value()).parentCode();
                        parent != null;
                        parent = tenants.find(parent.value()).parentCode()) {
                    above.add(place(tenants.find(parent.value())));
                }
            }
            return above;
        });
    }

    /** The official names of the departments of the county {@code code} lies in, by department code. */
    public Map<String, String> departmentNames(String code) {
        DivisionCode county = DivisionCode.parse(code)
                .orElseThrow(() -> DomainException.notFound("catalog.tenant.not.found", String.valueOf(code)))
                .county();
        return scopes.run(visitorOf(county), () -> {
            Map<String, String> names = new LinkedHashMap<>();
            if (tenants.exists(county.value())) {
                for (Department department : servicePoints.departments(county.value())) {
                    names.put(department.code(), department.name());
                }
            }
            return Map.copyOf(names);
        });
    }

    /**
     * The service points of the division {@code code} where the item {@code itemCode} is taken in: a point with a
     * window that takes it (a window naming no items takes every item), or with no window on record; each with its
     * closures that are not over today. Empty for an unknown code.
     */
    public List<PublicPoint> servicePoints(String code, String itemCode) {
        Optional<DivisionCode> division = DivisionCode.parse(code);
        if (division.isEmpty()) {
            return List.of();
        }
        return scopes.run(visitorOf(division.get().county()), () -> {
            if (!tenants.exists(division.get().value())) {
                return List.<PublicPoint>of();
            }
            List<PublicPoint> found = new ArrayList<>();
            LocalDate today = WorkingDayCalendar.today(clock);
            for (ServicePoint point : servicePoints.servicePoints(division.get().value())) {
                List<ServiceWindow> all = servicePoints.windows(point.id());
                List<ServiceWindow> taking = all.stream()
                        .filter(w ->
                                w.items().map(items -> items.contains(itemCode)).orElse(true))
                        .toList();
                if (all.isEmpty() || !taking.isEmpty()) {
                    found.add(new PublicPoint(
                            point.name(),
                            point.address(),
                            point.contactPhone(),
                            point.openingHours(),
                            point.selfService(),
                            point.selfServiceHours(),
                            taking,
                            servicePoints.closuresFrom(List.of(point.id()), today)));
                }
            }
            return found;
        });
    }

    private static Place place(Tenant tenant) {
        return new Place(tenant.code().value(), tenant.name(), tenant.level());
    }

    /** A visitor who sees one county's divisions and departments, and holds no role. */
    static Scope visitorOf(DivisionCode county) {
        return Scope.visitorOf(county, TenantLevel.COUNTY);
    }
}
