package org.onewindow.catalog.domain;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a person types into a catalog search (事项检索), as words to find: the one matcher of the public catalog, the
 * REST API and the console, so that all find the same items.
 *
 * <p>Both the query and the item's texts are normalised the same way before they are compared: Unicode NFKC
 * (full-width letters, digits and brackets become their ASCII forms, the ideographic space U+3000 an ordinary
 * one, a CJK compatibility ideograph its unified ideograph), Latin letters lower case, and punctuation and spaces
 * removed (、，。·（）《》 and the like), because citizens type them inconsistently and they carry no meaning for
 * finding an item. The normalised text is only compared, never stored or shown, so the folding of compatibility
 * ideographs and of characters such as ① cannot change what the catalog prints.
 *
 * <p>Words are separated by spaces (half- or full-width); an item is found when every word occurs in one of its
 * searched texts (AND, in any order). What is searched: the item code, its name, its aliases ({@code aliases},
 * everyday words such as 低保 for 最低生活保障申请), the names of its materials and the name of the licence it
 * issues ({@code resultLicenseType}). A query without words finds everything.
 */
public final class SearchText {

    private static final SearchText EVERYTHING = new SearchText(List.of());

    private final List<String> words;

    private SearchText(List<String> words) {
        this.words = List.copyOf(words);
    }

    /** The words of a query; null or blank (or only punctuation) finds everything. */
    public static SearchText of(String query) {
        if (query == null || query.isBlank()) {
            return EVERYTHING;
        }
        String spaced = Normalizer.normalize(query, Normalizer.Form.NFKC);
        List<String> words = new ArrayList<>();
        for (String part : spaced.split("[\\s\\p{Z}]+")) {
            String word = normalise(part);
            if (!word.isEmpty() && !words.contains(word)) {
                words.add(word);
            }
        }
        return words.isEmpty() ? EVERYTHING : new SearchText(words);
    }

    /**
     * A text as it is compared: NFKC, Latin letters in lower case, without spaces or punctuation. E.g. {@code
     * 农村宅基地和建房（规划许可）审批} → {@code 农村宅基地和建房规划许可审批}, {@code ＸＺＳＰ－０００１} → {@code xzsp0001}.
     */
    public static String normalise(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder kept = new StringBuilder(folded.length());
        folded.codePoints().filter(SearchText::meaningful).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    /** The normalised words, in the order typed, each once. */
    public List<String> words() {
        return words;
    }

    /** Whether the query has no words, so that it finds everything. */
    public boolean isEmpty() {
        return words.isEmpty();
    }

    /** Whether every word occurs in one of the texts (each normalised here). */
    public boolean foundIn(List<String> texts) {
        if (words.isEmpty()) {
            return true;
        }
        List<String> normalised = texts.stream().map(SearchText::normalise).toList();
        return words.stream().allMatch(word -> normalised.stream().anyMatch(text -> text.contains(word)));
    }

    /**
     * Whether every word occurs in the item's code, name, aliases, material names or licence name.
     *
     * @param elements the item's elements as the standard defines them
     * @param licenceNames licence type code → name (证照类型, e.g. {@code BUSINESS_LICENSE} → 营业执照)
     */
    public boolean foundIn(JsonObject elements, Map<String, String> licenceNames) {
        return words.isEmpty() || foundIn(searched(elements, licenceNames));
    }

    /** The texts of an item a search looks at, unnormalised. */
    public static List<String> searched(JsonObject elements, Map<String, String> licenceNames) {
        List<String> texts = new ArrayList<>();
        texts.add(string(elements.get("code")));
        texts.add(string(elements.get("name")));
        if (elements.get(ItemElements.ALIASES) instanceof JsonArray aliases) {
            aliases.forEach(alias -> texts.add(string(alias)));
        }
        if (elements.get(ItemElements.MATERIALS) instanceof JsonArray materials) {
            materials.forEach(material -> {
                if (material instanceof JsonObject fields) {
                    texts.add(string(fields.get("name")));
                }
            });
        }
        String licence = string(elements.get(ItemElements.RESULT_LICENSE_TYPE));
        if (!licence.isEmpty()) {
            texts.add(licenceNames.getOrDefault(licence, ""));
        }
        texts.removeIf(String::isEmpty);
        return texts;
    }

    /** Letters (Han included), digits and marks carry meaning; spaces, punctuation and controls do not. */
    private static boolean meaningful(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.SPACE_SEPARATOR,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR,
                    Character.CONTROL,
                    Character.FORMAT,
                    Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION,
                    Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION -> false;
            default -> true;
        };
    }

    private static String string(JsonValue value) {
        return value instanceof JsonString text ? text.getString() : "";
    }

    @Override
    public String toString() {
        return words.toString();
    }
}
