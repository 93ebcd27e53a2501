package org.onewindow.casework.domain;

/**
 * The articles the case flow cites on its notices and in its ledger, as they are printed, and the one place that picks
 * which basis a notice about an item cites. The Administrative Licensing Law governs administrative licences (行政许可)
 * only: a licence's correction and refusal notices cite its §32; any other item (行政给付 such as 最低生活保障,
 * 公共服务, …) cites its own legal basis (设定依据) from the catalog, e.g. 《社会救助暂行办法》（国务院令第649号）, or
 * nothing when the catalog gives none, so that no notice names a law that does not govern the item.
 */
public final class LegalBasis {

    /** Incomplete materials: everything to supplement told at once, on the spot or within 5 days. */
    public static final String CORRECTION = "《中华人民共和国行政许可法》第三十二条";

    /** Complete materials in the legal form: the body decides on the spot when it can (当场作出书面决定). */
    public static final String ON_THE_SPOT = "《中华人民共和国行政许可法》第三十四条";

    /** A refusal to grant must give its reasons and the applicant's rights of review and suit. */
    public static final String REJECTION_REASONS = "《中华人民共和国行政许可法》第三十八条";

    /** Decision within 20 days, extendable once by 10 with the head's approval. */
    public static final String DECISION_LIMIT = "《中华人民共和国行政许可法》第四十二条";

    /** Hearings, bidding, auctions, testing, inspection, quarantine, appraisal and expert review do not count. */
    public static final String SPECIAL_PROCEDURE = "《中华人民共和国行政许可法》第四十五条";

    /** Time limits count working days, statutory holidays excluded. */
    public static final String WORKING_DAYS = "《中华人民共和国行政许可法》第八十二条";

    /** Not accepted (不予受理): the matter needs no licence or is not within the body's powers (§32 ¶1 (1)–(2)). */
    public static final String REFUSAL = "《中华人民共和国行政许可法》第三十二条第一款";

    /** How an item's several bases are joined in a sentence. */
    public static final String SEPARATOR = "、";

    /**
     * The basis a correction notice (补正通知书) of the item cites: {@link #CORRECTION} for a licence, else the item's
     * own basis ({@link #ofItem}); empty when a non-licence item has none.
     */
    public static String forCorrection(ItemSnapshot item) {
        return item.licence() ? CORRECTION : ofItem(item);
    }

    /**
     * The basis a refusal to accept (不予受理通知书) of the item cites by default: {@link #REFUSAL} for a licence, else
     * the item's own basis ({@link #ofItem}); empty when a non-licence item has none.
     */
    public static String forRefusal(ItemSnapshot item) {
        return item.licence() ? REFUSAL : ofItem(item);
    }

    /**
     * The item's own legal bases (设定依据) as the catalog prints them, joined by {@link #SEPARATOR}, e.g.
     * {@code 《促进个体工商户发展条例》、《中华人民共和国市场主体登记管理条例》}; empty when the catalog gives none.
     */
    public static String ofItem(ItemSnapshot item) {
        return String.join(SEPARATOR, item.legalBasis());
    }

    /** Whether a basis as typed cites the Administrative Licensing Law (《中华人民共和国行政许可法》 or 《行政许可法》). */
    public static boolean citesLicensingLaw(String basis) {
        return basis != null && basis.contains("行政许可法");
    }

    private LegalBasis() {}
}
