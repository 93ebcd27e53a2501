package org.onewindow.catalog.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.onewindow.catalog.infrastructure.CatalogRepository;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.scope.Caller;
import org.onewindow.kernel.security.domain.StaffPrincipal;
import org.onewindow.kernel.tenant.application.ServicePointService;
import org.onewindow.kernel.tenant.application.TenantService;
import org.onewindow.kernel.tenant.domain.Department;
import org.onewindow.kernel.tenant.domain.DivisionCode;
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

    @Inject
    TenantService tenants;

    @Inject
    ServicePointService servicePoints;

    @Inject
    CatalogRepository repository;

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
        return Caller.runAs(visitorOf(division.get().county()), () -> {
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
        return Caller.runAs(visitorOf(division.get().county()), () -> {
            if (!tenants.exists(division.get().value())) {
                return List.<Place>of();
            }
            return tenants.children(division.get().value()).stream()
                    .map(PublicPlacesService::place)
                    .toList();
        });
    }

    /** The official names of the departments of the county {@code code} lies in, by department code. */
    public Map<String, String> departmentNames(String code) {
        DivisionCode county = DivisionCode.parse(code)
                .orElseThrow(() -> DomainException.notFound("catalog.tenant.not.found", String.valueOf(code)))
                .county();
        return Caller.runAs(visitorOf(county), () -> {
            Map<String, String> names = new LinkedHashMap<>();
            if (tenants.exists(county.value())) {
                for (Department department : servicePoints.departments(county.value())) {
                    names.put(department.code(), department.name());
                }
            }
            return Map.copyOf(names);
        });
    }

    private static Place place(Tenant tenant) {
        return new Place(tenant.code().value(), tenant.name(), tenant.level());
    }

    /** A caller who sees one county's divisions and departments, and holds no role. */
    static StaffPrincipal visitorOf(DivisionCode county) {
        return new StaffPrincipal("public", "公众", county, TenantLevel.COUNTY, county.value(), Set.of(), Set.of());
    }
}
