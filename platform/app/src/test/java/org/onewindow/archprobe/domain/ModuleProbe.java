package org.onewindow.archprobe.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.onewindow.catalog.application.CatalogService;
import org.onewindow.catalog.domain.ItemVersion;
import org.onewindow.kernel.scope.Scopes;
import org.onewindow.kernel.security.domain.StaffPrincipal;
import org.onewindow.testing.TestDatabase;
import org.onewindow.ui.catalog.CatalogRow;

/**
 * A business module ("archprobe") that breaks every module rule on purpose, so ArchitectureTest can show
 * each rule bites. Never deployed.
 */
public class ModuleProbe {

    static final String SET_SCOPE = "select set_config('app.scope', ?1, true)";

    CatalogService allowedAnotherModulesService;
    ItemVersion forbiddenAnotherModulesEntity;
    CatalogRow forbiddenAScreen;
    TestDatabase forbiddenTheHarness;

    Object forbiddenAHandMadeScope() {
        StaffPrincipal madeUp = new StaffPrincipal("probe", "probe", null, null, "", Set.of(), Set.of());
        return new Scopes().runAs(madeUp, () -> SET_SCOPE);
    }

    Object forbiddenTheSystemTime() {
        return Instant.now().toString() + LocalDate.now() + System.currentTimeMillis();
    }
}
