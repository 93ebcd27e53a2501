package org.onewindow.casework.documents;

import java.net.URI;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.onewindow.casework.domain.Agent;
import org.onewindow.casework.domain.Applicant;
import org.onewindow.casework.domain.Case;
import org.onewindow.casework.domain.CaseNumber;
import org.onewindow.casework.domain.CheckCode;
import org.onewindow.casework.domain.CorrectionNotice;
import org.onewindow.casework.domain.Decision;
import org.onewindow.casework.domain.DecisionWording;
import org.onewindow.casework.domain.Delivery;
import org.onewindow.casework.domain.ItemSnapshot;
import org.onewindow.casework.domain.LegalBasis;
import org.onewindow.casework.domain.LegalClock;
import org.onewindow.casework.domain.MaterialToSupply;
import org.onewindow.casework.domain.Refusal;
import org.onewindow.kernel.calendar.DueDate;
import org.onewindow.kernel.calendar.WorkingDayCalendar;
import org.onewindow.kernel.document.DocumentFonts;
import org.onewindow.kernel.error.Messages;

/**
 * The notices a clerk prints for a case, as A4 PDFs in the layout a Chinese county uses for them (文书格式): the title
 * centred in the large type, the document number right-aligned under it, the addressee line ({@code 张三：}), the
 * body paragraphs indented two characters with their legal references, and the issuing body and the date
 * right-aligned at the foot where the seal goes; page margins of GB/T 9704-2012 (37 mm top, 28 mm on the binding
 * side). Where the applicant comes back to the case, a QR code opens the public progress page.
 *
 * <ul>
 *   <li>{@link #acceptanceReceipt 受理通知书}, the acceptance receipt (§32 ¶2 of 《中华人民共和国行政许可法》);
 *   <li>{@link #correctionNotice 补正通知书}, everything to supply at once (一次性告知, §32 ¶1 (4));
 *   <li>{@link #refusalNotice 不予受理通知书}, the refusal to accept with reason, basis and the applicant's rights;
 *   <li>{@link #decisionLetter 准予 / 不予行政许可决定书}, the decision letters (§38);
 *   <li>{@link #licence 证照}, the licence an approved case issued.
 * </ul>
 *
 * <p>The notices are official documents and print in Chinese only; an English rendering is not required and is
 * not offered. Their fixed wording is in {@link NoticeWording}. Text goes through the kernel's {@link DocumentFonts}
 * chain (docs/adr/0006), so a name with 𠮷 prints and the text stays extractable. A person's resident ID number is
 * printed masked ({@code 370321********1234}), never whole; an organisation's unified social credit code, a public
 * register entry printed on its business licence, is printed whole.
 *
 * <p>Thread-safe and cheap: one instance per application, configured with the public address of the progress page.
 */
public final class CaseNotices {

    private final URI publicBaseUrl;
    private final DocumentFonts fonts;

    /**
     * @param publicBaseUrl where citizens reach the product, e.g. {@code https://zwfw.huantai.gov.cn/onewindow}; the
     *     progress page is under it at {@code /progress/{caseNumber}?code={checkCode}}. An absolute http(s) URI
     *     without query or fragment; a trailing slash is ignored.
     * @throws IllegalArgumentException for anything else (a configuration error, found at start)
     */
    public CaseNotices(URI publicBaseUrl) {
        this(publicBaseUrl, DocumentFonts.standard());
    }

    CaseNotices(URI publicBaseUrl, DocumentFonts fonts) {
        this.publicBaseUrl = baseUrl(publicBaseUrl);
        this.fonts = Objects.requireNonNull(fonts, "fonts");
    }

    /**
     * The address the receipt's QR code opens: {@code <publicBaseUrl>/progress/<caseNumber>?code=<checkCode>}, e.g.
     * {@code https://zwfw.huantai.gov.cn/onewindow/progress/370321-20261130-000123?code=7KQ4MX}. Case numbers and
     * check codes are URL-safe by construction, so nothing is escaped.
     */
    public URI progressUrl(CaseNumber caseNumber, CheckCode checkCode) {
        return URI.create(progressPage() + "/" + caseNumber.value() + "?code=" + checkCode.value());
    }

    /** The progress page without a case, as printed under the QR code for typing in. */
    String progressPage() {
        return publicBaseUrl + "/progress";
    }

    /**
     * The acceptance receipt (受理通知书) of an accepted case: applicant (name, masked ID number), item, case number,
     * acceptance date, the promised and statutory completion dates as promised on the day of acceptance (a reprint
     * shows the same dates; pauses and an extension are told separately), the check code, and a QR code with
     * {@link #progressUrl}. One A4 page. A licence is accepted under the Administrative Licensing Law (§32), any other
     * item under its own legal basis.
     *
     * @param calendar the county's working-day calendar, for the due dates
     * @throws IllegalStateException when the case has not been accepted (no number, check code or clock)
     */
    public byte[] acceptanceReceipt(NoticeHeader header, Case accepted, WorkingDayCalendar calendar) {
        return acceptanceReceipt(header, accepted, null, calendar);
    }

    /**
     * The acceptance receipt as {@link #acceptanceReceipt(NoticeHeader, Case, WorkingDayCalendar)}, with the line
     * {@code 受理窗口: <point> <window>}.
     *
     * @param intakeWindow where the case was taken in, as printed ({@code 华沟村便民服务站 综合代办窗口}); null: unknown
     *     (不详)
     */
    public byte[] acceptanceReceipt(
            NoticeHeader header, Case accepted, String intakeWindow, WorkingDayCalendar calendar) {
        CaseNumber number = accepted.caseNumber().orElseThrow(() -> notIn(accepted, "accepted"));
        CheckCode code = accepted.checkCode().orElseThrow(() -> notIn(accepted, "accepted"));
        LegalClock clock = accepted.legalClock().orElseThrow(() -> notIn(accepted, "accepted"));
        LocalDate acceptedOn = clock.acceptedOn();
        // The promise as made on the day of acceptance: a reprint shows the same dates.
        LegalClock asAccepted =
                LegalClock.start(acceptedOn, clock.promisedLimitWorkingDays(), clock.statutoryLimitWorkingDays());
        DueDate promisedDue = asAccepted.promisedDueDate(calendar, acceptedOn);
        DueDate statutoryDue = asAccepted.statutoryDueDate(calendar, acceptedOn);

        NoticeSheet sheet = new NoticeSheet(fonts, header, NoticeWording.TITLE_ACCEPTANCE);
        sheet.addressee(addressee(accepted.applicant()));
        sheet.paragraph(acceptanceBody(accepted));
        List<NoticeSheet.Fact> facts = new ArrayList<>();
        facts.add(new NoticeSheet.Fact(NoticeWording.LABEL_CASE_NUMBER, number.value()));
        facts.add(new NoticeSheet.Fact(NoticeWording.LABEL_ITEM, accepted.item().name()));
        facts.addAll(applicantFacts(accepted));
        facts.add(new NoticeSheet.Fact(NoticeWording.LABEL_ACCEPTED_ON, NoticeWording.date(acceptedOn)));
        facts.add(new NoticeSheet.Fact(
                NoticeWording.LABEL_INTAKE_WINDOW,
                intakeWindow == null ? NoticeWording.INTAKE_WINDOW_UNKNOWN : intakeWindow));
        facts.add(new NoticeSheet.Fact(
                NoticeWording.LABEL_PROMISED_DUE,
                dueDate(NoticeWording.PROMISED_DUE, promisedDue, clock.promisedLimitWorkingDays())));
        facts.add(new NoticeSheet.Fact(
                NoticeWording.LABEL_STATUTORY_DUE,
                dueDate(NoticeWording.STATUTORY_DUE, statutoryDue, clock.statutoryLimitWorkingDays())));
        facts.add(new NoticeSheet.Fact(NoticeWording.LABEL_CHECK_CODE, code.value(), true));
        sheet.facts(facts, progressQr(number, code));
        Set<Year> withoutNotice = new TreeSet<>(promisedDue.yearsWithoutNotice());
        withoutNotice.addAll(statutoryDue.yearsWithoutNotice());
        if (!withoutNotice.isEmpty()) {
            sheet.note(NoticeWording.format(
                    NoticeWording.PROVISIONAL_NOTE,
                    withoutNotice.stream()
                            .map(year -> NoticeWording.format(NoticeWording.YEAR, String.valueOf(year.getValue())))
                            .collect(Collectors.joining("、"))));
        }
        boolean licence = accepted.item().licence();
        sheet.note(licence ? NoticeWording.ACCEPTANCE_TIME_NOTE : NoticeWording.ACCEPTANCE_TIME_NOTE_GENERAL);
        sheet.note((licence ? NoticeWording.ACCEPTANCE_RECEIPT_NOTE : NoticeWording.ACCEPTANCE_RECEIPT_NOTE_GENERAL)
                + lookupNote());
        return sheet.finish(number.value());
    }

    /**
     * Why the case is accepted: a licence under the Administrative Licensing Law (§32 (5)); any other item under its
     * own legal basis as the catalog gives it, or with no citation when it gives none.
     */
    private static String acceptanceBody(Case accepted) {
        return byItemBasis(
                accepted,
                NoticeWording.ACCEPTANCE_BODY,
                NoticeWording.ACCEPTANCE_BODY_BY_BASIS,
                NoticeWording.ACCEPTANCE_BODY_WITHOUT_BASIS);
    }

    /**
     * A body sentence worded for the item's legal basis ({@link LegalBasis}): the licence's (citing the Administrative
     * Licensing Law itself), another item's with its own basis as argument {2}, or one without a citation when the
     * catalog gives none. Arguments {0} the day received, {1} the application.
     */
    private static String byItemBasis(Case of, String licence, String byBasis, String withoutBasis) {
        String received = NoticeWording.date(of.receivedOn());
        ItemSnapshot item = of.item();
        if (item.licence()) {
            return NoticeWording.format(licence, received, application(of));
        }
        String basis = LegalBasis.ofItem(item);
        return basis.isEmpty()
                ? NoticeWording.format(withoutBasis, received, application(of))
                : NoticeWording.format(byBasis, received, application(of), basis);
    }

    /**
     * The correction notice (补正通知书) in force: every material to supply at once with what is wrong with each, where
     * to hand them in (the intake point), the legal note: §32 for a licence, the item's own basis for any other item
     * (最低生活保障 → 《社会救助暂行办法》), never the Administrative Licensing Law for an item it does not govern. A QR code only when the case already has a number
     * (a notice reprinted after acceptance); before acceptance there is nothing to look up.
     *
     * @param supplyBy the last day to supply by, as the county sets it; {@code null} prints no deadline
     * @throws IllegalStateException when the case has no correction notice
     */
    public byte[] correctionNotice(NoticeHeader header, Case awaiting, LocalDate supplyBy) {
        CorrectionNotice notice = awaiting.correctionNotice().orElseThrow(() -> notIn(awaiting, "sent a correction"));

        NoticeSheet sheet = new NoticeSheet(fonts, header, NoticeWording.TITLE_CORRECTION);
        sheet.addressee(addressee(awaiting.applicant()));
        sheet.paragraph(byItemBasis(
                awaiting,
                NoticeWording.CORRECTION_BODY,
                NoticeWording.CORRECTION_BODY_BY_BASIS,
                NoticeWording.CORRECTION_BODY_WITHOUT_BASIS));
        List<String[]> rows = new ArrayList<>();
        int line = 1;
        for (MaterialToSupply material : notice.toSupply()) {
            String wrong = material.notConforming()
                    ? NoticeWording.format(
                            NoticeWording.MATERIAL_NOT_CONFORMING, Objects.toString(material.whatIsWrong(), ""))
                    : NoticeWording.MATERIAL_MISSING;
            rows.add(new String[] {String.valueOf(line++), material.name(), wrong});
        }
        sheet.table(
                new String[] {
                    NoticeWording.COLUMN_NUMBER, NoticeWording.COLUMN_MATERIAL, NoticeWording.COLUMN_WHAT_IS_WRONG
                },
                new float[] {0.55f, 2.2f, 3f},
                rows);
        sheet.paragraph(
                supplyBy == null
                        ? NoticeWording.format(NoticeWording.CORRECTION_WHERE, awaiting.intakePoint())
                        : NoticeWording.format(
                                NoticeWording.CORRECTION_DEADLINE,
                                NoticeWording.date(supplyBy),
                                awaiting.intakePoint()));

        List<NoticeSheet.Fact> facts = new ArrayList<>();
        awaiting.caseNumber()
                .ifPresent(number -> facts.add(new NoticeSheet.Fact(NoticeWording.LABEL_CASE_NUMBER, number.value())));
        facts.addAll(applicantFacts(awaiting));
        NoticeSheet.Qr qr = null;
        if (awaiting.caseNumber().isPresent() && awaiting.checkCode().isPresent()) {
            CheckCode code = awaiting.checkCode().get();
            facts.add(new NoticeSheet.Fact(NoticeWording.LABEL_CHECK_CODE, code.value(), true));
            qr = progressQr(awaiting.caseNumber().get(), code);
        }
        sheet.facts(facts, qr);
        sheet.note(Messages.format(
                Locale.SIMPLIFIED_CHINESE,
                CorrectionNotice.note(awaiting.item()).key()));
        if (qr != null) {
            sheet.note(lookupNote());
        }
        return sheet.finish(awaiting.caseNumber().map(CaseNumber::value).orElse(null));
    }

    /**
     * The refusal notice (不予受理通知书): the reason and its legal basis, and the applicant's rights of
     * administrative reconsideration (60 days) and suit (6 months).
     *
     * @param reconsiderationBody the body that hears a reconsideration (e.g. {@code 桓台县人民政府}); {@code null}
     *     prints the sentence without naming one
     * @throws IllegalStateException when the case was not refused
     */
    public byte[] refusalNotice(NoticeHeader header, Case refused, String reconsiderationBody) {
        Refusal refusal = refused.refusal().orElseThrow(() -> notIn(refused, "refused"));

        NoticeSheet sheet = new NoticeSheet(fonts, header, NoticeWording.TITLE_REFUSAL);
        sheet.addressee(addressee(refused.applicant()));
        sheet.paragraph(NoticeWording.format(
                NoticeWording.REFUSAL_BODY,
                NoticeWording.date(refused.receivedOn()),
                application(refused),
                clause(refusal.reason()),
                refusal.legalBasis()));
        List<NoticeSheet.Fact> facts = new ArrayList<>();
        facts.add(new NoticeSheet.Fact(NoticeWording.LABEL_ITEM, refused.item().name()));
        facts.addAll(applicantFacts(refused));
        facts.add(new NoticeSheet.Fact(NoticeWording.LABEL_RECEIVED_ON, NoticeWording.date(refused.receivedOn())));
        facts.add(new NoticeSheet.Fact(NoticeWording.LABEL_INTAKE_POINT, refused.intakePoint()));
        sheet.facts(facts, null);
        sheet.paragraph(rights(NoticeWording.THIS_NOTICE, reconsiderationBody));
        return sheet.finish(null);
    }

    /**
     * The decision letter: 准予行政许可决定书 (with the opinion, or the standard sentence without one) or 不予行政许可决定书
     * (with the reason, the legal basis and the applicant's rights, §38 ¶2). Where the result waits or how it was
     * posted, once known; with the case's check code, a QR code to the progress page, which tells it too (without it,
     * as staff reprint it, neither).
     *
     * @param reconsiderationBody for a rejection, the body that hears a reconsideration; {@code null} prints the
     *     sentence without naming one
     * @throws IllegalStateException when the case has no decision
     */
    public byte[] decisionLetter(NoticeHeader header, Case decided, String reconsiderationBody) {
        Decision decision = decided.decision().orElseThrow(() -> notIn(decided, "decided"));
        CaseNumber number = decided.caseNumber().orElseThrow(() -> notIn(decided, "accepted"));
        // A reprint by staff has no check code (the product keeps only its hash): then no code and no QR code.
        CheckCode code = decided.checkCode().orElse(null);
        LocalDate acceptedOn = decided.legalClock()
                .orElseThrow(() -> notIn(decided, "accepted"))
                .acceptedOn();

        DecisionWording wording = DecisionWording.of(decided.item());
        NoticeSheet sheet = new NoticeSheet(fonts, header, decisionLetterTitle(wording, decision.approved()));
        sheet.addressee(addressee(decided.applicant()));
        String opening = NoticeWording.format(
                NoticeWording.DECISION_OPENING,
                NoticeWording.date(decided.receivedOn()),
                application(decided),
                number.value(),
                NoticeWording.date(acceptedOn));
        if (decision.approved()) {
            String opinion =
                    decision.reason() == null ? NoticeWording.APPROVAL_DEFAULT_OPINION : clause(decision.reason());
            sheet.paragraph(opening
                    + NoticeWording.format(decisionBody(wording, true), findings(opinion), decision.legalBasis()));
            sheet.paragraph(result(decided));
        } else {
            sheet.paragraph(opening
                    + NoticeWording.format(
                            decisionBody(wording, false), findings(clause(decision.reason())), decision.legalBasis()));
            sheet.paragraph(rights(NoticeWording.THIS_DECISION, reconsiderationBody));
        }
        List<NoticeSheet.Fact> facts = new ArrayList<>();
        facts.add(new NoticeSheet.Fact(NoticeWording.LABEL_CASE_NUMBER, number.value()));
        facts.add(new NoticeSheet.Fact(NoticeWording.LABEL_ITEM, decided.item().name()));
        facts.addAll(applicantFacts(decided));
        facts.add(new NoticeSheet.Fact(NoticeWording.LABEL_ACCEPTED_ON, NoticeWording.date(acceptedOn)));
        if (code != null) {
            facts.add(new NoticeSheet.Fact(NoticeWording.LABEL_CHECK_CODE, code.value(), true));
        }
        sheet.facts(facts, code == null ? null : progressQr(number, code));
        if (!decision.approved() && wording == DecisionWording.LICENCE) {
            sheet.note(NoticeWording.REJECTION_REASONS_NOTE);
        }
        sheet.note(lookupNote());
        return sheet.finish(number.value());
    }

    /**
     * The licence (证照) an approved case issued, as PDF (A4): its type as the title, its number under it, the holder
     * (a person's ID number masked, an organisation's code whole), the item, the validity, the issuing body (发证机关)
     * and the day of issue, with the issuing body and the date at the foot where the seal goes.
     *
     * @param header the issuing body, the licence number as the document number, the day of issue
     */
    public byte[] licence(NoticeHeader header, LicenceFacts licence) {
        String title = licence.typeName() == null || licence.typeName().isBlank()
                ? NoticeWording.format(NoticeWording.TITLE_LICENCE_FALLBACK, licence.itemName())
                : licence.typeName().strip();
        NoticeSheet sheet = new NoticeSheet(fonts, header, title);
        sheet.paragraph(NoticeWording.format(
                NoticeWording.LICENCE_BODY, licence.holderName(), application(licence.itemName())));
        List<NoticeSheet.Fact> facts = new ArrayList<>();
        facts.add(new NoticeSheet.Fact(NoticeWording.LABEL_LICENCE_NUMBER, licence.licenceNumber(), true));
        facts.add(new NoticeSheet.Fact(NoticeWording.LABEL_HOLDER, licence.holderName()));
        if (licence.holderIdMasked() != null) {
            facts.add(new NoticeSheet.Fact(NoticeWording.LABEL_ID_NUMBER, licence.holderIdMasked()));
        }
        if (licence.holderUscc() != null) {
            facts.add(new NoticeSheet.Fact(NoticeWording.LABEL_USCC, licence.holderUscc()));
        }
        facts.add(new NoticeSheet.Fact(NoticeWording.LABEL_ITEM, licence.itemName()));
        facts.add(new NoticeSheet.Fact(
                NoticeWording.LABEL_VALIDITY,
                licence.validTo() == null
                        ? NoticeWording.format(
                                NoticeWording.VALIDITY_WITHOUT_END, NoticeWording.date(licence.validFrom()))
                        : NoticeWording.format(
                                NoticeWording.VALIDITY,
                                NoticeWording.date(licence.validFrom()),
                                NoticeWording.date(licence.validTo()))));
        facts.add(new NoticeSheet.Fact(NoticeWording.LABEL_ISSUING_BODY, header.issuingBody()));
        facts.add(new NoticeSheet.Fact(NoticeWording.LABEL_ISSUED_ON, NoticeWording.date(header.issuedOn())));
        if (licence.caseNumber() != null) {
            facts.add(new NoticeSheet.Fact(NoticeWording.LABEL_CASE_NUMBER, licence.caseNumber()));
        }
        sheet.facts(facts, null);
        return sheet.finish(licence.caseNumber());
    }

    /**
     * The title of a decision letter for the item's kind: 准予 / 不予行政许可决定书 for a licence, 准予 / 不予给付决定书 for a
     * benefit, 审批决定书 otherwise (see {@link DecisionWording}).
     */
    public static String decisionLetterTitle(DecisionWording wording, boolean approved) {
        return switch (wording) {
            case LICENCE -> approved ? NoticeWording.TITLE_APPROVAL : NoticeWording.TITLE_REJECTION;
            case BENEFIT -> approved ? NoticeWording.TITLE_BENEFIT_APPROVAL : NoticeWording.TITLE_BENEFIT_REJECTION;
            case GENERAL -> NoticeWording.TITLE_GENERAL_DECISION;
        };
    }

    private static String decisionBody(DecisionWording wording, boolean approved) {
        return switch (wording) {
            case LICENCE -> approved ? NoticeWording.APPROVAL_BODY : NoticeWording.REJECTION_BODY;
            case BENEFIT -> approved ? NoticeWording.BENEFIT_APPROVAL_BODY : NoticeWording.BENEFIT_REJECTION_BODY;
            case GENERAL -> approved ? NoticeWording.GENERAL_APPROVAL_BODY : NoticeWording.GENERAL_REJECTION_BODY;
        };
    }

    /** The reviewer's findings: an opinion that opens with its own (经审核，…) as it is, any other after 经审查. */
    private static String findings(String opinion) {
        return NoticeWording.FINDINGS_OPENING.matcher(opinion).find()
                ? opinion
                : NoticeWording.format(NoticeWording.FINDINGS, opinion);
    }

    private NoticeSheet.Qr progressQr(CaseNumber number, CheckCode code) {
        return new NoticeSheet.Qr(progressUrl(number, code).toString(), NoticeWording.QR_CAPTION);
    }

    /** A due date with its limit, marked when it rests on a year without a holiday notice. */
    private static String dueDate(String pattern, DueDate due, int limitWorkingDays) {
        return NoticeWording.format(pattern, NoticeWording.date(due.date()), String.valueOf(limitWorkingDays))
                + (due.provisional() ? NoticeWording.PROVISIONAL_MARK : "");
    }

    private String lookupNote() {
        return NoticeWording.format(NoticeWording.LOOKUP_NOTE, progressPage());
    }

    private static String result(Case decided) {
        return switch (decided.delivery().orElse(null)) {
            case Delivery.AtWindow window ->
                NoticeWording.format(NoticeWording.RESULT_AT_WINDOW, window.servicePoint());
            case Delivery.ByPost post -> NoticeWording.format(NoticeWording.RESULT_BY_POST, post.trackingNumber());
            case null -> NoticeWording.RESULT_PENDING;
        };
    }

    private static String rights(String document, String reconsiderationBody) {
        return reconsiderationBody == null || reconsiderationBody.isBlank()
                ? NoticeWording.format(NoticeWording.RIGHTS, document)
                : NoticeWording.format(NoticeWording.RIGHTS_WITH_BODY, document, reconsiderationBody.strip());
    }

    /** The application as the body's sentence names it: the item's name, with 申请 unless it ends with it. */
    private static String application(Case of) {
        return application(of.item().name());
    }

    private static String application(String item) {
        return item.endsWith(NoticeWording.APPLICATION_SUFFIX)
                ? item
                : NoticeWording.format(NoticeWording.APPLICATION, item);
    }

    private static String addressee(Applicant applicant) {
        return NoticeWording.format(NoticeWording.ADDRESSEE, applicant.name());
    }

    /** Who applies, as the notices print it: a person's ID number masked, an organisation's code with its head. */
    private static List<NoticeSheet.Fact> applicantFacts(Case of) {
        Applicant applicant = of.applicant();
        List<NoticeSheet.Fact> facts = new ArrayList<>();
        facts.add(new NoticeSheet.Fact(NoticeWording.LABEL_APPLICANT, applicant.name()));
        if (applicant.kind() == Applicant.Kind.PERSON) {
            facts.add(new NoticeSheet.Fact(NoticeWording.LABEL_ID_NUMBER, masked(applicant.identifier())));
        } else {
            facts.add(new NoticeSheet.Fact(NoticeWording.LABEL_USCC, applicant.identifier()));
            facts.add(new NoticeSheet.Fact(NoticeWording.LABEL_REPRESENTATIVE, applicant.legalRepresentative()));
        }
        of.agent()
                .map(Agent::name)
                .ifPresent(agent -> facts.add(new NoticeSheet.Fact(NoticeWording.LABEL_AGENT, agent)));
        return facts;
    }

    /**
     * A resident ID number as receipts print it: the first 6 and last 4 characters, the birth date and sequence
     * starred ({@code 370321********1234}, the kernel's {@code ResidentIdNumber.masked()} form); a shorter text is
     * starred whole.
     */
    static String masked(String identifier) {
        String id = identifier.strip();
        if (id.length() < 11) {
            return "*".repeat(id.length());
        }
        return id.substring(0, 6) + "*".repeat(id.length() - 10) + id.substring(id.length() - 4);
    }

    /** A reason as a clause of the sentence around it: its own closing punctuation dropped. */
    private static String clause(String reason) {
        String text = reason.strip();
        while (!text.isEmpty() && NoticeWording.CLOSING_PUNCTUATION.indexOf(text.charAt(text.length() - 1)) >= 0) {
            text = text.substring(0, text.length() - 1).strip();
        }
        return text;
    }

    private static IllegalStateException notIn(Case notice, String what) {
        return new IllegalStateException("the case in state " + notice.state() + " has not been " + what);
    }

    private static URI baseUrl(URI uri) {
        Objects.requireNonNull(uri, "publicBaseUrl");
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute()
                || !(scheme.equals("https") || scheme.equals("http"))
                || uri.getHost() == null
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    "publicBaseUrl must be an absolute http(s) address without query or fragment: " + uri);
        }
        String text = uri.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text);
    }
}
