package org.onewindow.casework.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.onewindow.casework.documents.CaseNotices;
import org.onewindow.casework.documents.LicenceFacts;
import org.onewindow.casework.documents.NoticeHeader;
import org.onewindow.casework.domain.Applicant;
import org.onewindow.casework.domain.Case;
import org.onewindow.casework.domain.CaseState;
import org.onewindow.casework.domain.CheckCode;
import org.onewindow.casework.domain.Decision;
import org.onewindow.casework.domain.DecisionWording;
import org.onewindow.casework.domain.Delivery;
import org.onewindow.casework.domain.DocumentSeries;
import org.onewindow.casework.domain.IntakeWindow;
import org.onewindow.casework.domain.NotificationKind;
import org.onewindow.casework.infrastructure.CaseFile;
import org.onewindow.casework.infrastructure.CaseJson;
import org.onewindow.casework.infrastructure.CaseRepository;
import org.onewindow.casework.infrastructure.IssuanceRepository;
import org.onewindow.catalog.application.CatalogService;
import org.onewindow.catalog.application.LicenceTypeNames;
import org.onewindow.catalog.application.PublicPlacesService;
import org.onewindow.catalog.domain.ItemElements;
import org.onewindow.kernel.audit.application.AuditService;
import org.onewindow.kernel.calendar.WorkingDayCalendar;
import org.onewindow.kernel.calendar.application.CalendarService;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.error.MessageKey;
import org.onewindow.kernel.identity.domain.ResidentIdNumber;
import org.onewindow.kernel.json.Json;
import org.onewindow.kernel.personaldata.application.PersonalDataProtector;
import org.onewindow.kernel.scope.Caller;
import org.onewindow.kernel.scope.TenantScoped;
import org.onewindow.kernel.security.domain.Role;
import org.onewindow.kernel.security.domain.StaffPrincipal;

/**
 * Issuance (统一出件): the decision letter numbered in the county's series and printed, the licence an approved case
 * issues (for the e-licence library), how the result reaches the applicant (the intake window, a service point of the
 * county the applicant chose, or free post with a tracking number), the pickup (领取: who, with which ID, an agent's
 * authorisation) and completion (办结). Each step is one transaction with its audit entry and the applicant's
 * notification; a refused step changes nothing.
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class IssuanceService {

    /** Where the result goes (领取方式). */
    public enum DeliveryMode {
        /** The window that took the case in. */
        INTAKE_WINDOW,
        /** A service point of the county the applicant chose. */
        SERVICE_POINT,
        /** Free post (免费邮寄) with a tracking number. */
        POST
    }

    /**
     * How the result reaches the applicant.
     *
     * @param mode {@code INTAKE_WINDOW}, {@code SERVICE_POINT} or {@code POST}
     * @param servicePointId for {@code SERVICE_POINT}: the service point's id
     * @param recipient for {@code POST}: who receives it
     * @param address for {@code POST}: the postal address
     * @param phone for {@code POST}: the recipient's phone for the courier, optional
     * @param trackingNumber for {@code POST}: the post's tracking number (运单号)
     */
    public record DeliveryCommand(
            @Schema(maxLength = 16) String mode,
            @Schema(maxLength = 36) String servicePointId,
            @Schema(maxLength = 100) String recipient,
            @Schema(maxLength = 300) String address,
            @Schema(maxLength = 30) String phone,
            @Schema(maxLength = 60) String trackingNumber) {}

    /**
     * Who collects the result.
     *
     * @param collectedBy the name of who collects
     * @param idNumber the resident ID number they show (GB 11643)
     * @param authorisation the authorisation (委托书) shown when they are not the applicant (for an organisation: not
     *     its legal representative)
     */
    public record PickupCommand(
            @NotBlank(message = "{casework.pickup.name.required}") @Schema(required = true, maxLength = 100)
            String collectedBy,

            @Schema(maxLength = 40) String idNumber,
            @Schema(maxLength = 200) String authorisation) {}

    /**
     * A service point the result may wait at, as the clerk's picker offers it.
     *
     * @param id the service point's id, as {@link DeliveryCommand#servicePointId} takes it
     * @param name its name
     */
    public record ServicePointChoice(
            @Schema(maxLength = 36, example = "3f1c2a4e-8b7d-4c1a-9e2f-5a6b7c8d9e01")
            String id,

            @Schema(maxLength = 50, example = "华沟村便民服务站") String name)
            implements java.io.Serializable {}

    @Inject
    Caller caller;

    @Inject
    CaseRepository cases;

    @Inject
    IssuanceRepository issuance;

    @Inject
    CatalogService catalog;

    @Inject
    PublicPlacesService places;

    @Inject
    PersonalDataProtector protector;

    @Inject
    CaseSettings settings;

    @Inject
    AuditService audit;

    @Inject
    NotificationService notifications;

    @Inject
    ReviewService review;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "onewindow.public.url", defaultValue = "http://localhost:8080")
    String publicUrl;

    /** The legal clock counts the working days of the county the case lies in (its administrators keep them). */
    @Inject
    CalendarService calendars;

    // --- issuance -------------------------------------------------------------------------------------------

    /**
     * Issues the result of a decided case: numbers its decision letter in the county's series of the year
     * ({@link DocumentSeries}) and, for an approved item whose result is a licence (the catalog's {@code resultType}
     * {@code LICENCE} with its {@code resultLicenseType}), records the licence with its number, holder and validity.
     * Issuing again answers what was issued and changes nothing.
     *
     * @param validFrom the licence's first day; today when {@code null}
     * @param validTo the licence's last day; {@code null} for no end (长期有效)
     * @return the issuance view, see {@link #issuanceView}
     * @throws DomainException 403 for a caller who is not a clerk, window lead or reviewer; 404 outside the scope;
     *     409 {@code casework.issuance.undecided}; 400 {@code casework.licence.validity}
     */
    public JsonObject issue(String reference, LocalDate validFrom, LocalDate validTo) {
        StaffPrincipal staff = caller.requireAny(Role.CLERK, Role.WINDOW_LEAD, Role.REVIEWER);
        CaseFile row = CaseLookup.find(cases, reference);
        issuance.lock(row);
        issue(row, staff, validFrom, validTo);
        return issuanceView(row);
    }

    /** The decision letter's number and the licence, numbered once; the letter exists afterwards. */
    private void issue(CaseFile row, StaffPrincipal staff, LocalDate validFrom, LocalDate validTo) {
        Decision decision = decided(row);
        LocalDate today = WorkingDayCalendar.today(clock);
        LocalDate from = validFrom == null ? today : validFrom;
        if (validTo != null && validTo.isBefore(from)) {
            throw new DomainException("casework.licence.validity", from, validTo);
        }
        boolean issued = false;
        String county = row.tenantCode().county().value().substring(0, 6);
        if (issuance.letter(row).isEmpty()) {
            DocumentSeries series =
                    DocumentSeries.of(decision, DecisionWording.of(CaseJson.readItem(row.itemSnapshot())));
            String number =
                    series.format(county, today.getYear(), issuance.nextDocumentNumber(series, today.getYear()));
            issuance.insertLetter(
                    row, new IssuanceRepository.LetterRow(number, decision.approved(), today, staff.username()));
            issued = true;
        }
        Optional<String> licenceType = decision.approved() ? licenceType(row) : Optional.empty();
        if (licenceType.isPresent() && issuance.licence(row).isEmpty()) {
            boolean person = row.applicantKind().equals("PERSON");
            issuance.insertLicence(
                    row,
                    new IssuanceRepository.LicenceRow(
                            UUID.randomUUID(),
                            DocumentSeries.LICENCE.format(
                                    county,
                                    today.getYear(),
                                    issuance.nextDocumentNumber(DocumentSeries.LICENCE, today.getYear())),
                            licenceType.get(),
                            row.itemCode(),
                            row.itemName(),
                            row.applicantName(),
                            row.applicantKind(),
                            person ? row.applicantIdNumber().masked() : null,
                            person ? null : row.applicantUscc(),
                            from,
                            validTo,
                            today,
                            staff.username()));
            issued = true;
        }
        if (issued) {
            cases.flush();
            audit.record(
                    row.tenantCode().value(),
                    "casework.case.issued",
                    "case_file",
                    row.id().toString(),
                    null,
                    Json.createObjectBuilder()
                            .add(
                                    "decisionLetter",
                                    issuance.letter(row).orElseThrow().documentNumber())
                            .add(
                                    "licence",
                                    issuance.licence(row)
                                            .map(IssuanceRepository.LicenceRow::licenceNumber)
                                            .orElse(""))
                            .build());
        }
    }

    /**
     * What was issued for a case: {@code {caseNumber, decisionLetter: {documentNumber, approved, issuedOn,
     * issuedBy} | null, licence: {licenceNumber, licenceType, holderName, holderIdNumber (masked) | holderUscc,
     * validFrom, validTo | null, itemCode, itemName} | null, delivery: {kind, servicePoint | trackingNumber} | null,
     * messages: [{kind, text, at}], textMessages: [{channel, recipient (masked), template, state, attempts}]}}.
     *
     * @throws DomainException 404 outside the caller's scope
     */
    public JsonObject issuance(String reference) {
        caller.require();
        return issuanceView(CaseLookup.find(cases, reference));
    }

    private JsonObject issuanceView(CaseFile row) {
        JsonObjectBuilder view = Json.createObjectBuilder()
                .add("caseNumber", row.caseNumber() == null ? row.id().toString() : row.caseNumber())
                .add("state", row.state());
        issuance.letter(row)
                .ifPresentOrElse(
                        letter -> view.add(
                                "decisionLetter",
                                Json.createObjectBuilder()
                                        .add("documentNumber", letter.documentNumber())
                                        .add("approved", letter.approved())
                                        .add("issuedOn", letter.issuedOn().toString())
                                        .add("issuedBy", letter.issuedBy())),
                        () -> view.addNull("decisionLetter"));
        issuance.licence(row)
                .ifPresentOrElse(
                        licence -> {
                            JsonObjectBuilder shown = Json.createObjectBuilder()
                                    .add("licenceNumber", licence.licenceNumber())
                                    .add("licenceType", licence.licenceType())
                                    .add("itemCode", licence.itemCode())
                                    .add("itemName", licence.itemName())
                                    .add("holderName", licence.holderName())
                                    .add("validFrom", licence.validFrom().toString());
                            if (licence.holderIdMasked() != null) {
                                shown.add("holderIdNumber", licence.holderIdMasked());
                            } else {
                                shown.add("holderUscc", licence.holderUscc());
                            }
                            if (licence.validTo() == null) {
                                shown.addNull("validTo");
                            } else {
                                shown.add("validTo", licence.validTo().toString());
                            }
                            view.add("licence", shown);
                        },
                        () -> view.addNull("licence"));
        if (row.deliveryKind() == null) {
            view.addNull("delivery");
        } else if (row.deliveryKind().equals("POST")) {
            view.add(
                    "delivery",
                    Json.createObjectBuilder().add("kind", "POST").add("trackingNumber", row.postTrackingNumber()));
        } else {
            view.add(
                    "delivery",
                    Json.createObjectBuilder().add("kind", "WINDOW").add("servicePoint", row.deliveryPoint()));
        }
        notifications.view(row).build().forEach(view::add);
        return view.build();
    }

    /**
     * The decision letter (准予 / 不予行政许可决定书) of an issued case, as PDF (A4), with its document number. With the
     * case's check code (as on the receipt) the letter carries it and the progress QR code, as handed to the
     * applicant; without, neither.
     *
     * @param code the check code, or {@code null}
     * @throws DomainException 404 {@code casework.case.not.found} alike for an unknown case, one outside the scope,
     *     one without an issued letter and a wrong code
     */
    public byte[] decisionLetter(String reference, String code) {
        caller.require();
        CaseFile row = CaseLookup.find(cases, reference);
        IssuanceRepository.LetterRow letter =
                issuance.letter(row).orElseThrow(() -> DomainException.notFound("casework.case.not.found", reference));
        CheckCode checkCode = null;
        if (code != null && !code.isBlank()) {
            String typed = code.strip().toUpperCase(Locale.ROOT);
            if (!MessageDigest.isEqual(
                    IntakeService.checkCodeHash(row.caseNumber(), typed).getBytes(StandardCharsets.US_ASCII),
                    row.checkCodeHash().getBytes(StandardCharsets.US_ASCII))) {
                throw DomainException.notFound("casework.case.not.found", reference);
            }
            // The code matched the hash of a code the product made, so it is well formed.
            checkCode = new CheckCode(typed);
        }
        Case decided = CaseLookup.restore(cases, row, checkCode);
        NoticeHeader header = header(row, letter.documentNumber(), letter.issuedOn());
        return new CaseNotices(URI.create(publicUrl)).decisionLetter(header, decided, null);
    }

    /**
     * The licence (证照) an approved case issued, as PDF (A4): number, holder (a person's ID number masked), item,
     * validity, issuing body and day of issue, titled with the licence type's name.
     *
     * @throws DomainException 404 {@code casework.case.not.found} alike for an unknown case and one outside the
     *     caller's scope; 409 {@code casework.licence.none} for a case in scope that has no licence (not issued yet,
     *     rejected, or an item whose result is no licence)
     */
    public byte[] licence(String reference) {
        caller.require();
        CaseFile row = CaseLookup.find(cases, reference);
        IssuanceRepository.LicenceRow licence = issuance.licence(row)
                .orElseThrow(() -> DomainException.conflict(
                        "casework.licence.none", row.caseNumber() == null ? reference : row.caseNumber()));
        NoticeHeader header = header(row, licence.licenceNumber(), licence.issuedOn());
        return new CaseNotices(URI.create(publicUrl))
                .licence(
                        header,
                        new LicenceFacts(
                                licence.licenceNumber(),
                                LicenceTypeNames.of(licence.licenceType()).orElse(null),
                                licence.holderName(),
                                licence.holderIdMasked(),
                                licence.holderUscc(),
                                licence.itemName(),
                                licence.validFrom(),
                                licence.validTo(),
                                row.caseNumber()));
    }

    /**
     * Whether the decision letter of a case in the caller's scope has been issued (numbered): after the issuance, at
     * the latest when the result was sent on its way.
     *
     * @throws DomainException 404 {@code casework.case.not.found} for an unknown case and one outside the scope
     */
    public boolean decisionLetterIssued(String reference) {
        caller.require();
        return issuance.letter(CaseLookup.find(cases, reference)).isPresent();
    }

    // --- delivery -------------------------------------------------------------------------------------------

    /**
     * Sends the result on its way (clerks and window leads): it waits at the intake window or at a service point of
     * the county the applicant chose, or goes by free post. The decision letter is issued first if it was not. The
     * applicant is told where to collect it, or the tracking number.
     *
     * @return the issuance view
     * @throws DomainException 403 for another role; 404 outside the scope; 400 {@code casework.delivery.mode},
     *     {@code casework.delivery.point.id.required}, {@code casework.delivery.point.unknown}, the post's fields;
     *     409 {@code casework.issuance.undecided}, {@code casework.case.transition}
     */
    public JsonObject deliver(String reference, DeliveryCommand command) {
        StaffPrincipal clerk = caller.requireAny(Role.CLERK, Role.WINDOW_LEAD);
        if (command == null) {
            throw new DomainException("request.body.required");
        }
        CaseFile row = CaseLookup.find(cases, reference);
        issuance.lock(row);
        Delivery delivery = delivery(row, command);
        decided(row);
        Case restored = CaseLookup.restore(cases, row);
        int storedSteps = restored.steps().size();
        switch (delivery) {
            case Delivery.AtWindow window -> restored.holdForPickup(window, clerk.username(), clock);
            case Delivery.ByPost post -> restored.post(post, clerk.username(), clock);
        }
        issue(row, clerk, null, null);
        save(restored, row, storedSteps, clerk);
        cases.recordDeliveryPoint(
                row.id(), delivery instanceof Delivery.AtWindow window ? window.servicePointId() : null);
        if (delivery instanceof Delivery.ByPost) {
            // Posted, the result has left the window: its delivery step is done. Held there, it stays in the
            // window's queue until it is collected.
            review.resultDelivered(row.id());
        }
        audit.record(
                row.tenantCode().value(),
                "casework.case.delivery",
                "case_file",
                row.id().toString(),
                null,
                Json.createObjectBuilder()
                        .add("state", row.state())
                        .add("delivery", row.deliveryKind())
                        .build());
        switch (delivery) {
            case Delivery.AtWindow window ->
                notifications.notify(row, NotificationKind.READY_FOR_PICKUP, Map.of("place", window.servicePoint()));
            case Delivery.ByPost post ->
                notifications.notify(row, NotificationKind.POSTED, Map.of("trackingNumber", post.trackingNumber()));
        }
        return issuanceView(row);
    }

    private Delivery delivery(CaseFile row, DeliveryCommand command) {
        String typed = command.mode() == null ? "" : command.mode().strip().toUpperCase(Locale.ROOT);
        DeliveryMode mode;
        try {
            mode = DeliveryMode.valueOf(typed);
        } catch (IllegalArgumentException e) {
            throw new DomainException("casework.delivery.mode", typed);
        }
        return switch (mode) {
            // The point that took it in; its division for a case taken in before the point was recorded.
            case INTAKE_WINDOW ->
                new Delivery.AtWindow(
                        row.intakeWindow().map(IntakeWindow::servicePointId).orElse(null),
                        row.intakeWindow().map(IntakeWindow::servicePoint).orElse(row.intakePoint()));
            case SERVICE_POINT -> servicePoint(command.servicePointId());
            case POST ->
                new Delivery.ByPost(command.recipient(), command.address(), command.phone(), command.trackingNumber());
        };
    }

    /**
     * The service points of the caller's county where a result may wait for the applicant (the choices of
     * {@code SERVICE_POINT}), by division and name; a 24-hour self-service room is not one.
     *
     * @throws DomainException 403 for a caller who is not a clerk or window lead
     */
    public List<ServicePointChoice> servicePoints() {
        caller.requireAny(Role.CLERK, Role.WINDOW_LEAD);
        return issuance.servicePointsInCounty().entrySet().stream()
                .map(point -> new ServicePointChoice(point.getKey().toString(), point.getValue()))
                .toList();
    }

    /**
     * The service points where the result of case {@code reference} may wait for the applicant (the choices of
     * {@code SERVICE_POINT}): as {@link #servicePoints()} offers them on the case page, for a case in the caller's
     * scope.
     *
     * @param reference the case number, or the case id while it has none
     * @throws DomainException 403 for a caller who is not a clerk or window lead; 404 {@code casework.case.not.found}
     *     alike for an unknown case and one outside the caller's scope
     */
    public List<ServicePointChoice> deliveryPoints(String reference) {
        caller.requireAny(Role.CLERK, Role.WINDOW_LEAD);
        CaseLookup.find(cases, reference);
        return servicePoints();
    }

    /** A service point in the caller's county, by id, with its name. */
    private Delivery.AtWindow servicePoint(String id) {
        if (id == null || id.isBlank()) {
            throw new DomainException("casework.delivery.point.id.required");
        }
        UUID parsed;
        try {
            parsed = UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            throw new DomainException("casework.delivery.point.unknown", id.strip());
        }
        return issuance.servicePointInCounty(parsed)
                .map(point -> new Delivery.AtWindow(parsed, point[1]))
                .orElseThrow(() -> new DomainException("casework.delivery.point.unknown", id.strip()));
    }

    // --- pickup and completion ------------------------------------------------------------------------------

    /**
     * The result collected at the window (领取), completing the case (办结; clerks and window leads). The ID number is
     * checked (GB 11643) and kept sealed, shown masked; someone other than the applicant (for an organisation, its
     * legal representative) must show an authorisation.
     *
     * @return the issuance view
     * @throws DomainException 403 for another role; 404 outside the scope; 400 {@code identity.resident.*},
     *     {@code casework.pickup.name.required}; 409 {@code casework.case.transition}; 400
     *     {@code casework.pickup.authorisation.required}
     */
    public JsonObject recordPickup(String reference, PickupCommand command) {
        StaffPrincipal clerk = caller.requireAny(Role.CLERK, Role.WINDOW_LEAD);
        if (command == null) {
            throw new DomainException("request.body.required");
        }
        CaseFile row = CaseLookup.find(cases, reference);
        issuance.lock(row);
        Case restored = CaseLookup.restore(cases, row);
        if (restored.state() != CaseState.AWAITING_PICKUP) {
            throw DomainException.conflict(
                    "casework.case.transition",
                    new MessageKey("casework.state." + restored.state().name()),
                    new MessageKey("casework.action.RECORD_PICKUP"));
        }
        ResidentIdNumber shown = ResidentIdNumber.parse(command.idNumber(), clock);
        // The case keeps the applicant's number sealed; the keyed hash tells whether the applicant came in person.
        if (row.applicantKind().equals("PERSON")
                && protector
                        .lookupHashes(shown)
                        .contains(row.applicantIdNumber().lookupHash())) {
            restored = withApplicant(
                    restored, Applicant.person(restored.applicant().name(), shown.fullNumber()));
        }
        int storedSteps = restored.steps().size();
        restored.recordPickup(
                command.collectedBy(), shown.fullNumber(), command.authorisation(), clerk.username(), clock);
        save(restored, row, storedSteps, clerk);
        review.resultDelivered(row.id());
        audit.record(
                row.tenantCode().value(),
                "casework.case.picked.up",
                "case_file",
                row.id().toString(),
                null,
                Json.createObjectBuilder()
                        .add("state", row.state())
                        .add("collectedBy", row.pickupCollectedBy())
                        .add("idNumber", row.pickupIdNumber().masked())
                        .add("agent", row.pickupAuthorisation() != null)
                        .build());
        notifications.notify(row, NotificationKind.COMPLETED, Map.of());
        return issuanceView(row);
    }

    /**
     * The post delivered the result, completing the case (办结; clerks and window leads).
     *
     * @throws DomainException 403 for another role; 404 outside the scope; 409 {@code casework.case.transition}
     */
    public JsonObject confirmDelivery(String reference) {
        StaffPrincipal clerk = caller.requireAny(Role.CLERK, Role.WINDOW_LEAD);
        CaseFile row = CaseLookup.find(cases, reference);
        issuance.lock(row);
        Case restored = CaseLookup.restore(cases, row);
        int storedSteps = restored.steps().size();
        restored.confirmDelivery(clerk.username(), clock);
        save(restored, row, storedSteps, clerk);
        audit.record(
                row.tenantCode().value(),
                "casework.case.delivered",
                "case_file",
                row.id().toString(),
                null,
                Json.createObjectBuilder().add("state", row.state()).build());
        notifications.notify(row, NotificationKind.COMPLETED, Map.of());
        return issuanceView(row);
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private Decision decided(CaseFile row) {
        if (row.decisionApproved() == null) {
            throw DomainException.conflict(
                    "casework.issuance.undecided", new MessageKey("casework.state." + row.state()));
        }
        return new Decision(
                row.decisionApproved(), row.decisionReason(), row.decisionBasis(), row.decidedBy(), row.decidedOn());
    }

    private void save(Case c, CaseFile row, int storedSteps, StaffPrincipal actor) {
        CaseLookup.save(
                cases, c, row, storedSteps, actor.tenantName(), clock, calendars.of(row.tenantCode()), protector);
    }

    /**
     * The licence type the item issues, from the catalog's result elements ({@code resultType} {@code LICENCE},
     * {@code resultLicenseType}). Read from the item as the case's tenant offers it now: the result of an item is
     * part of its identity and does not change between versions. Empty for an item that issues none or that the
     * catalog no longer knows.
     */
    private Optional<String> licenceType(CaseFile row) {
        return itemElements(row)
                .filter(elements -> "LICENCE".equals(elements.getString(ItemElements.RESULT_TYPE, null)))
                .map(elements -> elements.get(ItemElements.RESULT_LICENSE_TYPE))
                .filter(JsonString.class::isInstance)
                .map(value -> ((JsonString) value).getString());
    }

    /** The letter's and the licence's header: the deciding body and, beside it, the county's seal. */
    private NoticeHeader header(CaseFile row, String documentNumber, LocalDate issuedOn) {
        return new NoticeHeader(issuingBody(row), documentNumber, issuedOn, settings.decidingSeal(row.tenantCode()));
    }

    /**
     * The deciding body as the letter and the licence print it: the issuing body the county set (its branding), else
     * the item's department in the county, else the intake point.
     */
    private String issuingBody(CaseFile row) {
        return settings.decidingBody(
                row.tenantCode(),
                () -> itemElements(row)
                        .map(elements -> elements.getString("department", null))
                        .map(department ->
                                places.departmentNames(row.tenantCode().value()).get(department))
                        .orElse(row.intakePoint()));
    }

    private Optional<JsonObject> itemElements(CaseFile row) {
        try {
            return Optional.of(
                    catalog.snapshot(row.tenantCode().value(), row.itemCode()).elements());
        } catch (DomainException unknown) {
            return Optional.empty();
        }
    }

    /** The case with the applicant's identifier in clear, for the one comparison a pickup makes. */
    private static Case withApplicant(Case c, Applicant applicant) {
        return Case.restore(new Case.Stored(
                c.tenantCode(),
                c.intakePoint(),
                c.item(),
                applicant,
                c.agent().orElse(null),
                c.state(),
                c.receivedAt(),
                c.receivedOn(),
                c.marks(),
                c.firstCorrectionNotice().orElse(null),
                c.correctionNotice().orElse(null),
                c.refusal().orElse(null),
                c.caseNumber().orElse(null),
                c.checkCode().orElse(null),
                c.legalClock().orElse(null),
                c.decision().orElse(null),
                c.delivery().orElse(null),
                c.pickup().orElse(null),
                c.completedOn().orElse(null),
                c.withdrawalReason().orElse(null),
                c.steps()));
    }
}
