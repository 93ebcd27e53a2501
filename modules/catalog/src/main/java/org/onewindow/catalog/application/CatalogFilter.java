package org.onewindow.catalog.application;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.onewindow.catalog.domain.ItemElements;
import org.onewindow.catalog.domain.SearchText;
import org.onewindow.catalog.guide.LicenceTypes;

/**
 * What a citizen looks for in the public catalog (CAT-2): words typed into the search (matched as {@link SearchText}
 * says: name, aliases, materials, licence, code; every word, width and punctuation ignored), a theme (主题), a life
 * event (人生事件) and whom the item serves (服务对象). Blank parts do not filter. The public page, the REST API and
 * the console all search through this filter.
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

    /** The keyword as words to find. */
    public SearchText words() {
        return SearchText.of(keyword);
    }

    /** Whether the item's elements match the words, the theme, the life event and the service object. */
    public boolean matches(JsonObject elements) {
        return words().foundIn(elements, LicenceTypes.names())
                && listed(elements, ItemElements.THEMES, theme)
                && listed(elements, ItemElements.LIFE_EVENTS, lifeEvent)
                && serves(elements.getString(ItemElements.SERVICE_OBJECT, ""));
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
