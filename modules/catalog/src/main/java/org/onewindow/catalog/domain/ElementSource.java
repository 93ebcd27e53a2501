package org.onewindow.catalog.domain;

import org.onewindow.kernel.tenant.domain.DivisionCode;

/**
 * Who set an element of an effective item: the standard (标准), or the override of the county (县级), a town or
 * street (乡镇/街道) or a village or community (村/社区). The order of the constants is the order the layers are
 * applied in, so a later constant wins.
 */
public enum ElementSource {
    STANDARD,
    COUNTY,
    TOWN,
    VILLAGE;

    /**
     * The tier of a division, read from its code: a county's code ends in six zeros, a town's or street's in
     * three. Streets count as towns and communities as villages, since they sit at the same place in the tree.
     */
    public static ElementSource tierOf(DivisionCode tenant) {
        String code = tenant.value();
        if (code.endsWith("000000")) {
            return COUNTY;
        }
        return code.endsWith("000") ? TOWN : VILLAGE;
    }

    /** The code of the division of this tier that {@code tenant} belongs to (a village's town, a town's county). */
    public DivisionCode ancestorOf(DivisionCode tenant) {
        return switch (this) {
            case STANDARD -> throw new IllegalArgumentException("the standard is not a division");
            case COUNTY -> tenant.county();
            case TOWN -> new DivisionCode(tenant.value().substring(0, 9) + "000");
            case VILLAGE -> tenant;
        };
    }
}
