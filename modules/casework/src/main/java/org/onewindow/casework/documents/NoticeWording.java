package org.onewindow.casework.documents;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The fixed wording of the notices, in one place: titles, labels, the sentences around the case's own data, and the
 * legal references. Chinese only: these are official documents (法律文书) whose wording is fixed in Chinese; an
 * English rendering is not required and none is given, so this is deliberately not a language bundle (the
 * project's bundle check asks every bundle for an English twin). Patterns are {@link MessageFormat} patterns whose
 * arguments the notices pass as text (dates already as {@link #date(LocalDate)}), never as numbers to be grouped.
 *
 * <p>The legal references are those in force in 2026: 《中华人民共和国行政许可法》 (2019 revision) §§32, 38, 42, 45,
 * 82; 《中华人民共和国行政复议法》 (2023 revision) §20 (60 days); 《中华人民共和国行政诉讼法》 (2017 revision) §46 (six
 * months).
 */
final class NoticeWording {

    private NoticeWording() {}

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu年M月d日", Locale.ROOT);

    /** A date as official documents print it (GB/T 9704-2012, 成文日期: the full year, month and day without a leading zero). */
    static String date(LocalDate day) {
        return DATE.format(day);
    }

    static String format(String pattern, Object... arguments) {
        return new MessageFormat(pattern, Locale.ROOT).format(arguments);
    }

    // --- titles ---------------------------------------------------------------------------------------------

    static final String TITLE_ACCEPTANCE = "受理通知书";
    static final String TITLE_CORRECTION = "补正通知书";
    static final String TITLE_REFUSAL = "不予受理通知书";
    static final String TITLE_APPROVAL = "准予行政许可决定书";
    static final String TITLE_REJECTION = "不予行政许可决定书";
    static final String TITLE_BENEFIT_APPROVAL = "准予给付决定书";
    static final String TITLE_BENEFIT_REJECTION = "不予给付决定书";

    /** The letter of an item that is neither a licence nor a benefit, granted or not. */
    static final String TITLE_GENERAL_DECISION = "审批决定书";

    /** The addressee line (抬头): the applicant's name and a full-width colon. */
    static final String ADDRESSEE = "{0}：";

    // --- labels of the facts table ---------------------------------------------------------------------------

    static final String LABEL_CASE_NUMBER = "受理编号";
    static final String LABEL_ITEM = "申请事项";
    static final String LABEL_APPLICANT = "申请人";
    static final String LABEL_ID_NUMBER = "身份证号码";
    static final String LABEL_USCC = "统一社会信用代码";
    static final String LABEL_REPRESENTATIVE = "法定代表人";
    static final String LABEL_AGENT = "代办人";
    static final String LABEL_RECEIVED_ON = "收件日期";
    static final String LABEL_INTAKE_POINT = "收件地点";
    static final String LABEL_INTAKE_WINDOW = "受理窗口";
    /** Where a case was taken in before the window was recorded. */
    static final String INTAKE_WINDOW_UNKNOWN = "不详";

    static final String LABEL_ACCEPTED_ON = "受理日期";
    static final String LABEL_PROMISED_DUE = "承诺办结日期";
    static final String LABEL_STATUTORY_DUE = "法定办结期限";
    static final String LABEL_CHECK_CODE = "查询码";

    /** Promised due date and limit: {0} the date, {1} the working days. */
    static final String PROMISED_DUE = "{0}（承诺时限{1}个工作日）";

    /** Statutory due date and limit: {0} the date, {1} the working days. */
    static final String STATUTORY_DUE = "{0}（法定时限{1}个工作日）";

    /** After a due date that crossed a year whose holiday notice is not out yet (weekday rule assumed). */
    static final String PROVISIONAL_MARK = "※";

    /** Explains {@link #PROVISIONAL_MARK}: {0} the years, as {@link #YEAR}, joined by 、. */
    static final String PROVISIONAL_NOTE = "※ {0}的节假日安排尚未公布，标※的日期暂按周一至周五推算，以国家公布的安排为准。";

    /** {0} a year's number. */
    static final String YEAR = "{0}年";

    // --- 受理通知书 -------------------------------------------------------------------------------------------

    /** {0} the day received, {1} the application (see {@link #APPLICATION}). */
    static final String ACCEPTANCE_BODY =
            "你（单位）于{0}提出的{1}，经审查，申请事项属于本机关职权范围，申请材料齐全、符合法定形式。" + "根据《中华人民共和国行政许可法》第三十二条第一款第（五）项的规定，决定予以受理。";

    static final String ACCEPTANCE_TIME_NOTE = "办理时限按工作日计算，不含法定节假日（《中华人民共和国行政许可法》第八十二条）；"
            + "依法需要听证、招标、拍卖、检验、检测、检疫、鉴定和专家评审的，以及审查中要求补正材料的，所需时间不计算在办理时限内"
            + "（第四十五条），届时将告知所需时间；经本机关负责人批准延长期限的，将告知延长的理由（第四十二条）。";

    static final String ACCEPTANCE_RECEIPT_NOTE = "本通知书依据《中华人民共和国行政许可法》第三十二条第二款出具，为受理凭证，请妥善保管，凭本通知书领取办理结果。";

    // An item that is not an administrative licence (行政给付, 公共服务, …) is accepted under its own legal basis: the
    // Administrative Licensing Law does not govern it, so its receipt cites no article of that law.

    /** {0} the day received, {1} the application, {2} the item's legal basis (设定依据). */
    static final String ACCEPTANCE_BODY_BY_BASIS =
            "你（单位）于{0}提出的{1}，经审查，申请事项属于本机关职权范围，申请材料齐全、符合规定。" + "根据{2}的规定，决定予以受理。";

    /** {0} the day received, {1} the application; for an item whose legal basis the catalog does not give. */
    static final String ACCEPTANCE_BODY_WITHOUT_BASIS = "你（单位）于{0}提出的{1}，经审查，申请事项属于本机关职权范围，申请材料齐全、符合规定，决定予以受理。";

    static final String ACCEPTANCE_TIME_NOTE_GENERAL =
            "办理时限按工作日计算，不含法定节假日；" + "审查中要求补正材料，以及依法需要检验、鉴定、评估或者公示的，所需时间不计算在办理时限内，届时将告知所需时间；" + "需要延长办理期限的，将告知延长的理由。";

    static final String ACCEPTANCE_RECEIPT_NOTE_GENERAL = "本通知书为受理凭证，请妥善保管，凭本通知书领取办理结果。";

    // --- QR code --------------------------------------------------------------------------------------------

    /** Under the QR code. */
    static final String QR_CAPTION = "扫描二维码查询办理进度";

    /** Below a notice with a QR code: {0} the progress page without the case's part, for typing in. */
    static final String LOOKUP_NOTE = "请用手机扫描二维码，或登录{0}输入受理编号和查询码，查询办理进度。";

    // --- 补正通知书 -------------------------------------------------------------------------------------------

    /** {0} the day received, {1} the application (see {@link #APPLICATION}). */
    static final String CORRECTION_BODY =
            "你（单位）于{0}提出的{1}，经审查，申请材料不齐全或者不符合法定形式。" + "根据《中华人民共和国行政许可法》第三十二条第一款第（四）项的规定，现一次性告知需要补正的全部内容如下：";

    /** {0} the day received, {1} the application, {2} the item's legal basis; for an item that is not a licence. */
    static final String CORRECTION_BODY_BY_BASIS =
            "你（单位）于{0}提出的{1}，经审查，申请材料不齐全或者不符合规定。" + "根据{2}的规定，现一次性告知需要补正的全部内容如下：";

    /** {0} the day received, {1} the application; for a non-licence item whose legal basis the catalog does not give. */
    static final String CORRECTION_BODY_WITHOUT_BASIS = "你（单位）于{0}提出的{1}，经审查，申请材料不齐全或者不符合规定，现一次性告知需要补正的全部内容如下：";

    static final String COLUMN_NUMBER = "序号";
    static final String COLUMN_MATERIAL = "材料名称";
    static final String COLUMN_WHAT_IS_WRONG = "需补正的内容";

    static final String MATERIAL_MISSING = "未提交，请补交";

    /** {0} what is wrong with a material handed in. */
    static final String MATERIAL_NOT_CONFORMING = "不符合法定形式：{0}";

    /** {0} the last day to supply by, {1} where to hand them in. */
    static final String CORRECTION_DEADLINE = "请于{0}前将上列全部材料提交至{1}。";

    /** {0} where to hand them in. */
    static final String CORRECTION_WHERE = "请补齐上列全部材料后提交至{0}。";

    // --- 不予受理通知书 ---------------------------------------------------------------------------------------

    /** {0} the day received, {1} the application (see {@link #APPLICATION}), {2} the reason, {3} the legal basis. */
    static final String REFUSAL_BODY = "你（单位）于{0}提出的{1}，经审查，{2}。根据{3}的规定，决定不予受理。";

    // --- 准予 / 不予行政许可决定书 -------------------------------------------------------------------------------

    /** {0} the day received, {1} the application (see {@link #APPLICATION}), {2} the case number, {3} the acceptance date. */
    static final String DECISION_OPENING = "你（单位）于{0}提出的{1}（受理编号：{2}），本机关已于{3}依法受理。";

    /** The findings of a reviewer whose opinion does not open with its own (经审核、经调查…): {0} the opinion. */
    static final String FINDINGS = "经审查，{0}";

    /**
     * How a reviewer's opinion may open with its own findings (经审核，… 经入户调查，… 经民主评议，…), which the letter then
     * does not repeat; an opinion that merely starts with 经 (经济困难…) is not one.
     */
    static final Pattern FINDINGS_OPENING = Pattern.compile("^经[^，,。；;]{0,6}?(审查|审核|调查|核查|核实|评议|研究|复核|审批|公示)");

    /** {0} the findings (see {@link #FINDINGS}), {1} the legal basis. */
    static final String APPROVAL_BODY = "{0}。根据{1}的规定，决定准予行政许可。";

    /** The opinion of an approval given without one. */
    static final String APPROVAL_DEFAULT_OPINION = "申请人的申请符合法定条件、标准";

    /** {0} the findings (see {@link #FINDINGS}), {1} the legal basis. */
    static final String REJECTION_BODY = "{0}。根据{1}的规定，决定不予行政许可。";

    // A benefit (行政给付) is granted under its own legal basis, not the Administrative Licensing Law; an item of any
    // other type is approved in neutral words. Arguments as the licence's.

    static final String BENEFIT_APPROVAL_BODY = "{0}。根据{1}的规定，决定准予给付。";
    static final String BENEFIT_REJECTION_BODY = "{0}。根据{1}的规定，决定不予给付。";
    static final String GENERAL_APPROVAL_BODY = "{0}。根据{1}的规定，决定予以批准。";
    static final String GENERAL_REJECTION_BODY = "{0}。根据{1}的规定，决定不予批准。";

    static final String REJECTION_REASONS_NOTE = "本决定依据《中华人民共和国行政许可法》第三十八条第二款说明理由并告知权利。";

    /** {0} the service point where the result waits. */
    static final String RESULT_AT_WINDOW = "请携带本决定书和有效身份证件到{0}领取办理结果。";

    /** {0} the tracking number. */
    static final String RESULT_BY_POST = "办理结果已免费邮寄送达，邮件号{0}。";

    static final String RESULT_PENDING = "办理结果的领取地点和时间将另行通知，也可扫描二维码查询。";

    // --- 证照 --------------------------------------------------------------------------------------------------

    /** The title of a licence whose type the register does not name: {0} the item's name. */
    static final String TITLE_LICENCE_FALLBACK = "{0}证书";

    /** {0} the holder, {1} the application (see {@link #APPLICATION}). */
    static final String LICENCE_BODY = "{0}提出的{1}，经审查符合规定，予以核发本证。";

    static final String LABEL_LICENCE_NUMBER = "证照编号";
    static final String LABEL_HOLDER = "持证人";
    static final String LABEL_VALIDITY = "有效期限";
    static final String LABEL_ISSUING_BODY = "发证机关";
    static final String LABEL_ISSUED_ON = "发证日期";

    /** {0} the first day, {1} the last day. */
    static final String VALIDITY = "{0}至{1}";

    /** {0} the first day; a licence without end. */
    static final String VALIDITY_WITHOUT_END = "自{0}起长期有效";

    // --- the applicant's rights (行政复议、行政诉讼) ----------------------------------------------------------------

    /** {0} the document ("本通知书" or "本决定书"), {1} the body that hears a reconsideration. */
    static final String RIGHTS_WITH_BODY = "如不服本决定，可以自收到{0}之日起六十日内向{1}申请行政复议，"
            + "或者自收到{0}之日起六个月内依法向人民法院提起行政诉讼"
            + "（《中华人民共和国行政复议法》第二十条、《中华人民共和国行政诉讼法》第四十六条）。";

    /** {0} the document ("本通知书" or "本决定书"). */
    static final String RIGHTS = "如不服本决定，可以自收到{0}之日起六十日内依法申请行政复议，"
            + "或者自收到{0}之日起六个月内依法向人民法院提起行政诉讼"
            + "（《中华人民共和国行政复议法》第二十条、《中华人民共和国行政诉讼法》第四十六条）。";

    static final String THIS_NOTICE = "本通知书";
    static final String THIS_DECISION = "本决定书";

    /** An application for an item whose name does not say it already (个体工商户设立登记 → 个体工商户设立登记申请). */
    static final String APPLICATION = "{0}申请";

    /** How an item's name ends when it names the application itself (最低生活保障申请). */
    static final String APPLICATION_SUFFIX = "申请";

    /** Punctuation a reason may end with that the sentence around it supplies itself. */
    static final String CLOSING_PUNCTUATION = "。.；;，,";
}
