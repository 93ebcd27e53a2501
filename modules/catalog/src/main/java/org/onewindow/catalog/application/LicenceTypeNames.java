package org.onewindow.catalog.application;

import java.util.Optional;
import org.onewindow.catalog.guide.LicenceTypes;

/**
 * The names of the licence types (证照类型) for other modules: a printed licence takes its title from here, e.g.
 * {@code CONSTRUCTION_PERMIT} → 建筑工程施工许可证. Reads the catalog's register ({@link LicenceTypes}).
 */
public final class LicenceTypeNames {

    private LicenceTypeNames() {}

    /** The name of a licence type by its code; empty for a code the register does not name (or {@code null}). */
    public static Optional<String> of(String licenceType) {
        return licenceType == null
                ? Optional.empty()
                : Optional.ofNullable(LicenceTypes.names().get(licenceType));
    }
}
