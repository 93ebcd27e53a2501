package org.onewindow.casework.domain;

/** The articles the case flow cites on its notices and in its ledger, as they are printed. */
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

    private LegalBasis() {}
}
