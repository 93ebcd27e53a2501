package org.onewindow.ui.catalog;

/**
 * A line of the public result list, already worded in the page's language.
 *
 * @param code the item code
 * @param name the item name
 * @param type the item type, worded
 * @param department the handling department's name
 * @param promised the promised time limit, worded
 * @param onTheSpot whether it is done on the spot
 */
public record CatalogRow(
        String code, String name, String type, String department, String promised, boolean onTheSpot) {}
