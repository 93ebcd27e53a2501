package org.onewindow.casework.application;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.onewindow.casework.domain.DecisionWording;
import org.onewindow.casework.domain.MaterialMark;
import org.onewindow.casework.domain.PublicProgress;
import org.onewindow.casework.infrastructure.CaseFile;
import org.onewindow.casework.infrastructure.CaseJson;
import org.onewindow.casework.infrastructure.CaseRepository;
import org.onewindow.casework.infrastructure.MaterialFileRepository;
import org.onewindow.kernel.error.Messages;
import org.onewindow.kernel.json.Json;

/**
 * The JSON shapes the casework API answers with. A case shows its applicant and agent masked (the ID number as
 * {@code 370321********1234}); the public progress shows nothing personal at all.
 */
public final class CaseViews {

    private CaseViews() {}

    /**
     * A case as staff in scope see it: {@code id}, {@code caseNumber} (null before acceptance), {@code state},
     * {@code item} (code, version, name), {@code applicant} (masked), {@code agent} (masked or null),
     * {@code intakePoint} (the division), {@code intakeWindow} (受理窗口: servicePointId, servicePoint, windowId, window;
     * null when unknown, as for cases taken in before it was recorded), {@code receivedAt}, {@code acceptedOn}, the limits in working days and due dates,
     * {@code materials} (mark per code), {@code correctionNotice} (issuedOn, issuedBy, legalBasis, toSupply,
     * documentNumber), {@code refusal} (reason, legalBasis, refusedBy, refusedOn, documentNumber), {@code decision} (approved,
     * reason, legalBasis, decidedBy, decidedOn), the decision's name for the item ({@link #worded}), {@code extension} (workingDays, approvedBy, reason, approvedOn),
     * {@code delivery} (kind WINDOW or POST, servicePoint, recipient, address, trackingNumber), {@code pickup}
     * (collectedBy, idNumber masked, authorisation, recordedBy, collectedAt), {@code completedOn},
     * {@code withdrawalReason}, {@code processInstanceId}, {@code timeline}, {@code form} (the application form's
     * name, fields and answers, ID numbers and phones masked); each null where not reached.
     */
    public static JsonObject caseView(
            CaseFile row, Map<String, MaterialMark> marks, List<CaseRepository.StoredStep> steps) {
        JsonObjectBuilder view = Json.createObjectBuilder()
                .add("id", row.id().toString())
                .add("caseNumber", text(row.caseNumber()))
                .add("state", row.state())
                .add(
                        "item",
                        Json.createObjectBuilder()
                                .add("code", row.itemCode())
                                .add("version", row.itemVersion())
                                .add("name", row.itemName()))
                .add("tenant", row.tenantCode().value())
                .add("intakePoint", row.intakePoint())
                .add("intakeWindow", intakeWindow(row))
                .add("applicant", applicant(row))
                .add("agent", agent(row))
                .add("receivedAt", row.receivedAt().toString())
                .add("receivedOn", row.receivedOn().toString())
                .add("acceptedOn", date(row.acceptedOn()))
                .add("promisedLimitWorkingDays", row.promisedLimitWorkingDays())
                .add("statutoryLimitWorkingDays", row.statutoryLimitWorkingDays())
                .add("promisedDueDate", date(row.promisedDueDate()))
                .add("statutoryDueDate", date(row.statutoryDueDate()))
                .add("promisedDueDateProvisional", row.dueDatesProvisional());
        JsonObjectBuilder materials = Json.createObjectBuilder();
        marks.forEach((code, mark) -> {
            JsonObjectBuilder line =
                    Json.createObjectBuilder().add("kind", mark.kind().name());
            line.add("note", text(mark.note()));
            materials.add(code, line);
        });
        view.add("materials", materials);
        view.add("correctionNotice", json(row.correctionNotice()));
        if (row.refusalReason() != null) {
            view.add(
                    "refusal",
                    Json.createObjectBuilder()
                            .add("reason", row.refusalReason())
                            .add("legalBasis", row.refusalBasis())
                            .add("refusedBy", row.refusedBy())
                            .add("refusedOn", row.refusedOn().toString())
                            .add("documentNumber", text(row.refusalNoticeNumber())));
        } else {
            view.add("refusal", JsonValue.NULL);
        }
        view.add("decision", decision(row));
        view.addAll(worded(DecisionWording.of(CaseJson.readItem(row.itemSnapshot())), row.decisionApproved()));
        view.add("extension", extension(row));
        view.add("delivery", delivery(row));
        view.add("pickup", pickup(row));
        view.add("completedOn", date(row.completedOn()));
        view.add("withdrawalReason", text(row.withdrawalReason()));
        view.add("processInstanceId", text(row.processInstanceId()));
        JsonArrayBuilder timeline = Json.createArrayBuilder();
        for (CaseRepository.StoredStep stored : steps) {
            timeline.add(Json.createObjectBuilder()
                    .add("at", stored.step().at().toString())
                    .add("action", stored.step().action().name())
                    .add(
                            "from",
                            stored.step().from() == null
                                    ? JsonValue.NULL
                                    : text(stored.step().from().name()))
                    .add("to", stored.step().to().name())
                    .add("actor", stored.step().actor())
                    .add("place", stored.place())
                    .add("note", text(stored.step().opinion())));
        }
        view.add("timeline", timeline);
        view.add("form", form(row));
        return view.build();
    }

    private static JsonValue intakeWindow(CaseFile row) {
        return row.intakeWindow()
                .<JsonValue>map(place -> Json.createObjectBuilder()
                        .add("servicePointId", place.servicePointId().toString())
                        .add("servicePoint", place.servicePoint())
                        .add(
                                "windowId",
                                text(
                                        place.windowId() == null
                                                ? null
                                                : place.windowId().toString()))
                        .add("window", text(place.window()))
                        .build())
                .orElse(JsonValue.NULL);
    }

    /**
     * A case with the scans uploaded for its materials (扫描件), as {@code GET /api/v1/cases/{caseNumber}} answers it:
     * {@code files}, oldest first, each as {@link #fileView}, never with its content (read one at
     * {@code …/materials/{materialCode}/files/{id}}).
     */
    public static JsonObject withFiles(JsonObject caseView, List<MaterialFileRepository.StoredFile> files) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        files.forEach(file -> list.add(fileView(file)));
        return Json.createObjectBuilder(caseView).add("files", list).build();
    }

    /**
     * A stored scan without its bytes: {@code id}, {@code materialCode}, {@code fileName} (as the uploader's computer
     * named it, null without), {@code contentType} (checked by the content), {@code sizeBytes}, {@code sha256},
     * {@code uploadedAt}, {@code uploadedBy}, {@code uploadedPlace}.
     */
    public static JsonObject fileView(MaterialFileRepository.StoredFile file) {
        return Json.createObjectBuilder()
                .add("id", file.id().toString())
                .add("materialCode", file.materialCode())
                .add("fileName", text(file.fileName()))
                .add("contentType", file.contentType())
                .add("sizeBytes", file.sizeBytes())
                .add("sha256", file.sha256())
                .add("uploadedAt", file.uploadedAt().toString())
                .add("uploadedBy", file.uploadedBy())
                .add("uploadedPlace", file.uploadedPlace())
                .build();
    }

    /** The application form: its name, its fields as the item defined them, and the answers masked; null without. */
    static JsonValue form(CaseFile row) {
        if (row.formDefinition() == null) {
            return JsonValue.NULL;
        }
        JsonObject definition = read(row.formDefinition());
        return Json.createObjectBuilder()
                .add("name", definition.getString("name"))
                .add("fields", definition.getJsonArray("fields"))
                .add("answers", read(row.formAnswersMasked()))
                .build();
    }

    /** The answer to an intake: the case, and on acceptance the check code, shown this once. */
    public static JsonObject intakeView(JsonObject caseView, String checkCode) {
        return Json.createObjectBuilder(caseView)
                .add("checkCode", text(checkCode))
                .build();
    }

    /**
     * The public progress (进度查询): {@code caseNumber}, {@code itemName}, {@code stage}, {@code acceptedOn},
     * {@code promisedDueDate}, {@code dueDateProvisional}, {@code decidedOn}, {@code completedOn},
     * {@code pickupPoint}; dates as {@code yyyy-MM-dd}, null when not reached; and the decision as the item words it
     * ({@link #worded}).
     */
    public static JsonObject progressView(PublicProgress progress) {
        return Json.createObjectBuilder()
                .add("caseNumber", progress.caseNumber().value())
                .add("itemName", progress.itemName())
                .add("stage", progress.stage().name())
                .add("acceptedOn", date(progress.acceptedOn()))
                .add("promisedDueDate", date(progress.promisedDueDate()))
                .add("dueDateProvisional", progress.dueDateProvisional())
                .add("decidedOn", date(progress.decidedOn()))
                .add("completedOn", date(progress.completedOn()))
                .add("pickupPoint", text(progress.pickupPoint()))
                .addAll(worded(progress.wording(), progress.decisionApproved()))
                .build();
    }

    /**
     * How the decision of a case is named for its item, in three fields: {@code itemWording} ({@code LICENCE},
     * {@code BENEFIT} or {@code GENERAL}, see {@link DecisionWording}), {@code decisionApproved} (true, false, or null
     * before a decision) and {@code decisionWording}, the decision's name in Chinese as the notices print it (准予许可,
     * 不予许可, 准予给付, 不予给付, 已批准, 不予批准), null before a decision.
     */
    public static JsonObjectBuilder worded(DecisionWording wording, Boolean approved) {
        JsonObjectBuilder worded = Json.createObjectBuilder().add("itemWording", wording.name());
        if (approved == null) {
            return worded.addNull("decisionApproved").addNull("decisionWording");
        }
        return worded.add("decisionApproved", approved)
                .add("decisionWording", Messages.format(Messages.DEFAULT_LOCALE, wording.decisionKey(approved)));
    }

    /**
     * The message key of the decision's name in an answer that carries {@link #worded} (a case, the progress, a
     * queue's task), for a page to print in its language; null before a decision or without those fields.
     */
    public static String decisionKey(JsonObject worded) {
        JsonValue approved = worded.get("decisionApproved");
        if (approved == null || !(approved == JsonValue.TRUE || approved == JsonValue.FALSE)) {
            return null;
        }
        return DecisionWording.valueOf(worded.getString("itemWording", DecisionWording.GENERAL.name()))
                .decisionKey(approved == JsonValue.TRUE);
    }

    public static JsonObject read(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static JsonObjectBuilder applicant(CaseFile row) {
        JsonObjectBuilder applicant =
                Json.createObjectBuilder().add("kind", row.applicantKind()).add("name", row.applicantName());
        if (row.applicantIdNumber() != null) {
            applicant.add("idNumber", row.applicantIdNumber().masked());
        }
        if (row.applicantUscc() != null) {
            applicant
                    .add("uscc", row.applicantUscc())
                    .add("legalRepresentative", row.legalRepresentative())
                    .add("usccCheckOverriddenBy", text(row.usccOverrideBy()));
        }
        return applicant;
    }

    private static JsonValue agent(CaseFile row) {
        if (row.agentName() == null) {
            return JsonValue.NULL;
        }
        return Json.createObjectBuilder()
                .add("name", row.agentName())
                .add("idNumber", row.agentIdNumber().masked())
                .add("authorisation", row.agentAuthorisation())
                .build();
    }

    private static JsonValue decision(CaseFile row) {
        if (row.decisionApproved() == null) {
            return JsonValue.NULL;
        }
        return Json.createObjectBuilder()
                .add("approved", row.decisionApproved())
                .add("reason", text(row.decisionReason()))
                .add("legalBasis", row.decisionBasis())
                .add("decidedBy", row.decidedBy())
                .add("decidedOn", row.decidedOn().toString())
                .build();
    }

    private static JsonValue extension(CaseFile row) {
        if (row.extensionWorkingDays() == null) {
            return JsonValue.NULL;
        }
        return Json.createObjectBuilder()
                .add("workingDays", row.extensionWorkingDays())
                .add("approvedBy", row.extensionApprovedBy())
                .add("reason", row.extensionReason())
                .add("approvedOn", row.extensionApprovedOn().toString())
                .build();
    }

    private static JsonValue delivery(CaseFile row) {
        if (row.deliveryKind() == null) {
            return JsonValue.NULL;
        }
        return Json.createObjectBuilder()
                .add("kind", row.deliveryKind())
                .add("servicePoint", text(row.deliveryPoint()))
                .add("recipient", text(row.postRecipient()))
                .add("address", text(row.postAddress()))
                .add("trackingNumber", text(row.postTrackingNumber()))
                .build();
    }

    private static JsonValue pickup(CaseFile row) {
        if (row.pickupCollectedAt() == null) {
            return JsonValue.NULL;
        }
        return Json.createObjectBuilder()
                .add("collectedBy", row.pickupCollectedBy())
                .add("idNumber", row.pickupIdNumber().masked())
                .add("authorisation", text(row.pickupAuthorisation()))
                .add("recordedBy", row.pickupRecordedBy())
                .add("collectedAt", row.pickupCollectedAt().toString())
                .build();
    }

    private static JsonValue json(String text) {
        return text == null ? JsonValue.NULL : read(text);
    }

    private static JsonValue text(String text) {
        return text == null ? JsonValue.NULL : Json.createValue(text);
    }

    private static JsonValue date(LocalDate date) {
        return date == null ? JsonValue.NULL : Json.createValue(date.toString());
    }
}
