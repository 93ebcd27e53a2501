package org.onewindow.kernel.tenant.domain;

/**
 * The tier of an administrative division: 县 (county), 镇/街道 (town or street), 村/居 (village or
 * community). A tier fixes how many digits of the 12-digit division code are significant.
 */
public enum TenantLevel {
    COUNTY(6),
    TOWN(9),
    STREET(9),
    VILLAGE(12),
    COMMUNITY(12);

    private final int significantDigits;

    TenantLevel(int significantDigits) {
        this.significantDigits = significantDigits;
    }

    /** How many leading digits of the division code identify a division of this tier. */
    public int significantDigits() {
        return significantDigits;
    }

    /** Whether a division of this tier may sit directly below one of {@code parent} (null: the root). */
    public boolean mayHaveParent(TenantLevel parent) {
        return switch (this) {
            case COUNTY -> parent == null;
            case TOWN, STREET -> parent == COUNTY;
            case VILLAGE, COMMUNITY -> parent == TOWN || parent == STREET;
        };
    }

    /** Whether divisions of this tier have no divisions below them. */
    public boolean isLeaf() {
        return significantDigits == 12;
    }
}
