package org.onewindow.casework.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.onewindow.casework.domain.CaseState;
import org.onewindow.casework.domain.DecisionWording;
import org.onewindow.casework.domain.MobileNumber;
import org.onewindow.casework.domain.NotificationKind;
import org.onewindow.casework.domain.Pause;
import org.onewindow.casework.infrastructure.CaseFile;
import org.onewindow.casework.infrastructure.CaseJson;
import org.onewindow.casework.infrastructure.CaseRepository;
import org.onewindow.casework.infrastructure.IssuanceRepository;
import org.onewindow.kernel.audit.application.AuditService;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.error.Messages;
import org.onewindow.kernel.json.Json;
import org.onewindow.kernel.personaldata.application.PersonalDataProtector;
import org.onewindow.kernel.scope.Caller;
import org.onewindow.kernel.scope.TenantScoped;
import org.onewindow.kernel.security.domain.Role;
import org.onewindow.kernel.security.domain.StaffPrincipal;

/**
 * Telling the applicant (告知): every notification is an in-app message in the applicant's record (站内消息) and, when
 * the case has the applicant's mobile, a text message in the outbox ({@code notification_outbox}) that a background
 * job hands to the {@link SmsGateway}. Both are written in the caller's transaction, so a step that rolls back tells
 * nobody. Called by the case's steps: acceptance, correction notice, the department's supplement request, special
 * procedure, extension and decision, the result ready at a window or posted, completion.
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class NotificationService {

    /** Attempts before a text message is given up ({@code FAILED}); the waits between them double from a minute. */
    public static final int MAX_ATTEMPTS = 5;

    private static final Logger LOG = Logger.getLogger(NotificationService.class.getName());

    @Inject
    Caller caller;

    @Inject
    CaseRepository cases;

    @Inject
    IssuanceRepository issuance;

    @Inject
    PersonalDataProtector protector;

    @Inject
    AuditService audit;

    @Inject
    SmsGateway gateway;

    @Inject
    Clock clock;

    /**
     * Tells the applicant of a case in the caller's scope: an in-app message, and a text message queued when the case
     * has the applicant's mobile. {@code caseNumber}, {@code item} and (once decided) {@code outcome} are filled in
     * from the case when not given; so a decision is told with {@code notify(id, DECIDED, Map.of())}, a supplement
     * request with {@code Map.of("whatToSupply", …)}, a special procedure with {@code procedure} and
     * {@code workingDays}, an extension with {@code reason}.
     *
     * @param caseId the case
     * @param kind what the applicant is told
     * @param params the template's parameters by name ({@link NotificationKind#parameters()}): public facts of the
     *     case only, never a name, an ID number or a phone
     * @throws DomainException 404 {@code casework.case.not.found} for a case outside the caller's scope
     * @throws IllegalArgumentException when a parameter of the template is missing
     */
    public void notify(UUID caseId, NotificationKind kind, Map<String, String> params) {
        CaseFile row = cases.find(caseId)
                .orElseThrow(() -> DomainException.notFound("casework.case.not.found", String.valueOf(caseId)));
        notify(row, kind, params);
    }

    void notify(CaseFile row, NotificationKind kind, Map<String, String> params) {
        Map<String, String> values = new LinkedHashMap<>(params == null ? Map.of() : params);
        if (row.caseNumber() != null) {
            values.putIfAbsent("caseNumber", row.caseNumber());
        }
        values.putIfAbsent("item", row.itemName());
        if (row.decisionApproved() != null) {
            // Worded for the item: a benefit is 准予给付, not 准予许可.
            DecisionWording wording =
                    DecisionWording.of(CaseJson.readItem(row.itemSnapshot()).itemType());
            values.putIfAbsent(
                    "outcome",
                    Messages.format(
                            Messages.DEFAULT_LOCALE,
                            wording.stateKey(
                                    row.decisionApproved()
                                            ? CaseState.DECIDED_APPROVED.name()
                                            : CaseState.DECIDED_REJECTED.name())));
        }
        List<String> arguments = kind.arguments(values);
        Instant now = clock.instant();
        issuance.insertMessage(row, applicantKey(row), kind.name(), kind.render(Messages.DEFAULT_LOCALE, values), now);
        issuance.contact(row).ifPresent(contact -> {
            JsonObjectBuilder named = Json.createObjectBuilder();
            for (int i = 0; i < arguments.size(); i++) {
                named.add(kind.parameters().get(i), arguments.get(i));
            }
            issuance.enqueue(
                    row,
                    contact[0],
                    contact[1],
                    kind.templateKey(),
                    named.build().toString(),
                    now);
        });
    }

    /**
     * What the back office tells the applicant ({@link ApplicantNotice}, fired by the review's actions in their
     * transaction): the supplements to bring, the special procedure and its announced working days, the extension's
     * reason, the decision. Written in the same transaction, so an action that rolls back tells nobody.
     */
    void told(@Observes ApplicantNotice notice) {
        CaseFile row = cases.find(notice.caseId())
                .orElseThrow(() -> DomainException.notFound("casework.case.not.found", notice.caseNumber()));
        String text = notice.text() == null ? "" : notice.text();
        switch (notice.kind()) {
            case SUPPLEMENT_REQUESTED ->
                notify(row, NotificationKind.SUPPLEMENT_REQUESTED, Map.of("whatToSupply", text));
            case SPECIAL_PROCEDURE_STARTED -> {
                List<Pause> pauses = cases.pauses(row);
                Integer announced = pauses.isEmpty() ? null : pauses.getLast().announcedWorkingDays();
                notify(
                        row,
                        NotificationKind.SPECIAL_PROCEDURE,
                        Map.of("procedure", text, "workingDays", String.valueOf(announced)));
            }
            case EXTENDED -> notify(row, NotificationKind.EXTENDED, Map.of("reason", text));
            case DECIDED -> notify(row, NotificationKind.DECIDED, Map.of());
        }
    }

    /**
     * Tells the applicant a case was taken in: accepted (with the promised date) or to supply what the correction
     * notice lists; records the applicant's mobile first when the intake gave one.
     */
    void taken(CaseFile row, MobileNumber mobile, boolean accepted) {
        if (mobile != null) {
            issuance.saveContact(row, protector.seal(mobile.digits()), mobile.masked(), clock.instant());
        }
        if (accepted) {
            notify(row, NotificationKind.ACCEPTED, Map.of("promisedDueDate", String.valueOf(row.promisedDueDate())));
        } else {
            notify(row, NotificationKind.CORRECTION_NOTICE, Map.of("place", row.intakePoint()));
        }
    }

    /**
     * Records the applicant's mobile for text messages about a case (clerks and window leads); kept sealed, shown
     * masked.
     *
     * @return {@code {caseNumber, mobile}} with the mobile masked
     * @throws DomainException 404 outside the caller's scope; 400 {@code casework.mobile.required},
     *     {@code casework.mobile.format}
     */
    public JsonObject recordContact(String reference, String mobile) {
        StaffPrincipal clerk = caller.requireAny(Role.CLERK, Role.WINDOW_LEAD);
        CaseFile row = CaseLookup.find(cases, reference);
        MobileNumber number = MobileNumber.parse(mobile);
        issuance.saveContact(row, protector.seal(number.digits()), number.masked(), clock.instant());
        audit.record(
                row.tenantCode().value(),
                "casework.contact.recorded",
                "case_file",
                row.id().toString(),
                null,
                Json.createObjectBuilder()
                        .add("mobile", number.masked())
                        .add("by", clerk.username())
                        .build());
        return Json.createObjectBuilder()
                .add("caseNumber", reference(row))
                .add("mobile", number.masked())
                .build();
    }

    /** The in-app messages and the text messages of a case, as staff see them (the recipient masked). */
    JsonObjectBuilder view(CaseFile row) {
        JsonArrayBuilder messages = Json.createArrayBuilder();
        for (IssuanceRepository.MessageRow message : issuance.messages(row)) {
            messages.add(Json.createObjectBuilder()
                    .add("kind", message.kind())
                    .add("text", message.body())
                    .add("at", message.createdAt().toString()));
        }
        JsonArrayBuilder texts = Json.createArrayBuilder();
        for (IssuanceRepository.TextRow text : issuance.texts(row)) {
            texts.add(Json.createObjectBuilder()
                    .add("channel", "SMS")
                    .add("recipient", text.recipientMasked())
                    .add("template", text.templateKey())
                    .add("state", text.state())
                    .add("attempts", text.attempts()));
        }
        return Json.createObjectBuilder().add("messages", messages).add("textMessages", texts);
    }

    // --- the drain ----------------------------------------------------------------------------------------

    /** The counties with text messages due now, across all counties (codes only). */
    public List<String> countiesWithDueMessages() {
        return issuance.countiesWithDueNotifications(clock.instant());
    }

    /**
     * Sends up to {@code limit} text messages due in the caller's scope (the drain job runs it under each county's
     * system scope): each handed to the {@link SmsGateway}; a failure is tried again after 1, 2, 4, 8 minutes, then
     * given up ({@code FAILED}).
     *
     * @return how many were sent
     */
    public int sendDue(int limit) {
        int sent = 0;
        Instant now = clock.instant();
        for (IssuanceRepository.OutboxRow row : issuance.lockDue(now, limit)) {
            NotificationKind kind = kindOf(row.templateKey());
            Map<String, String> values = new LinkedHashMap<>();
            try (var reader = Json.createReader(new StringReader(row.parameters()))) {
                reader.readObject().forEach((name, value) -> values.put(name, ((JsonString) value).getString()));
            }
            try {
                gateway.send(
                        protector.open(row.recipientSealed()),
                        row.templateKey(),
                        kind.arguments(values),
                        kind.render(Messages.DEFAULT_LOCALE, values));
                issuance.sent(row, now);
                sent++;
            } catch (RuntimeException e) {
                int attempts = row.attempts() + 1;
                Instant retryAt = attempts >= MAX_ATTEMPTS ? null : now.plus(Duration.ofMinutes(1L << (attempts - 1)));
                // The exception's class only: a gateway's message may quote the number.
                LOG.log(
                        Level.WARNING,
                        "SMS to " + row.recipientMasked() + " failed: "
                                + e.getClass().getName());
                issuance.failed(row, e.getClass().getSimpleName(), retryAt);
            }
        }
        return sent;
    }

    private static NotificationKind kindOf(String templateKey) {
        for (NotificationKind kind : NotificationKind.values()) {
            if (kind.templateKey().equals(templateKey)) {
                return kind;
            }
        }
        throw new IllegalStateException("unknown template " + templateKey);
    }

    /** Whose record a message belongs to: a person's keyed ID hash, an organisation's code. */
    private static String applicantKey(CaseFile row) {
        return row.applicantKind().equals("PERSON") ? row.applicantIdNumber().lookupHash() : row.applicantUscc();
    }

    private static String reference(CaseFile row) {
        return row.caseNumber() == null ? row.id().toString() : row.caseNumber();
    }
}
