package org.onewindow.casework.domain;

/**
 * The numbered documents a county issues for cases, each series counted per county and year without gaps or
 * duplicates: the window's correction and refusal notices (补正通知书, 不予受理通知书), the approval and rejection letters
 * of a licence (准予 / 不予行政许可决定书) and of any other item (准予 / 不予给付决定书, 审批决定书; their number does not
 * abbreviate 许可 either) and the licences (证照).
 */
public enum DocumentSeries {
    /** 补正通知书 (§32): {@code 370321补正〔2026〕000001号}. */
    CORRECTION("补正"),
    /** 不予受理通知书: {@code 370321不予受理〔2026〕000001号}. */
    REFUSAL("不予受理"),
    /** 准予行政许可决定书: {@code 370321准许〔2026〕000001号}. */
    APPROVAL("准许"),
    /** 不予行政许可决定书: {@code 370321不许〔2026〕000001号}. */
    REJECTION("不许"),
    /** The letter granting an item that is not a licence (准予给付决定书, 审批决定书): {@code 370321准予〔2026〕000001号}. */
    GRANT("准予"),
    /** The letter refusing an item that is not a licence: {@code 370321不予〔2026〕000001号}. */
    DENIAL("不予"),
    /** A licence (证照): {@code 370321-2026-000001}. */
    LICENCE(null);

    private final String letterWord;

    DocumentSeries(String letterWord) {
        this.letterWord = letterWord;
    }

    /** The letter series of a decision, as the item's kind words it ({@link DecisionWording}). */
    public static DocumentSeries of(Decision decision, DecisionWording wording) {
        if (wording == DecisionWording.LICENCE) {
            return decision.approved() ? APPROVAL : REJECTION;
        }
        return decision.approved() ? GRANT : DENIAL;
    }

    /**
     * The number as printed: for a letter the county code, the series word, the year in 〔〕 and six digits with 号 (the
     * 文号 shape of GB/T 9704-2012 §7.2.4: 机关代字 + 〔年份〕 + 序号); for a licence county, year and six digits.
     *
     * @param countyCode the county's six-digit code (the first six of its division code)
     * @param year the year of issue
     * @param sequence the county's next value in this series and year, from 1
     * @throws IllegalArgumentException for a county code that is not six digits or a sequence below 1
     */
    public String format(String countyCode, int year, long sequence) {
        if (countyCode == null || !countyCode.matches("[0-9]{6}")) {
            throw new IllegalArgumentException("a county code has six digits: " + countyCode);
        }
        if (sequence < 1) {
            throw new IllegalArgumentException("sequences start at 1: " + sequence);
        }
        String serial = String.format(java.util.Locale.ROOT, "%06d", sequence);
        return letterWord == null
                ? countyCode + "-" + year + "-" + serial
                : countyCode + letterWord + "〔" + year + "〕" + serial + "号";
    }
}
