package org.onewindow.catalog.application;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

/**
 * What a citizen looks for in the public catalog (CAT-2): words of the item's name, a theme (主题), a life event
 * (人生事件) and whom the item serves (服务对象). Blank parts do not filter.
 */
public record CatalogFilter(String keyword, String theme, String lifeEvent, String serviceObject) {

    public static final String BOTH = "BOTH";

    public CatalogFilter {
        keyword = strip(keyword);
        theme = strip(theme);
        lifeEvent = strip(lifeEvent);
        serviceObject = strip(serviceObject);
    }

    public static CatalogFilter none() {
        return new CatalogFilter("", "", "", "");
    }

    /** Whether the item's elements match the theme, life event and service object (the name is searched in SQL). */
    public boolean matches(JsonObject elements) {
        return listed(elements, "themes", theme)
                && listed(elements, "lifeEvents", lifeEvent)
                && serves(elements.getString("serviceObject", ""));
    }

    /** An item for both natural and legal persons is found under either. */
    private boolean serves(String served) {
        return serviceObject.isEmpty() || served.equals(serviceObject) || served.equals(BOTH);
    }

    private static boolean listed(JsonObject elements, String list, String wanted) {
        if (wanted.isEmpty()) {
            return true;
        }
        return elements.get(list) instanceof JsonArray values
                && values.stream()
                        .anyMatch(
                                v -> v instanceof JsonString s && s.getString().equals(wanted));
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
