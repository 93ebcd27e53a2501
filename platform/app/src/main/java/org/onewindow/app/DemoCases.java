package org.onewindow.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.onewindow.casework.api.CaseResource;
import org.onewindow.casework.application.CaseQueryService;
import org.onewindow.casework.application.CatalogItems;
import org.onewindow.casework.application.IntakeCommand;
import org.onewindow.casework.application.IntakeService;
import org.onewindow.casework.application.IssuanceService;
import org.onewindow.casework.application.ReviewService;
import org.onewindow.casework.application.WorkQueueService;
import org.onewindow.casework.domain.ItemSnapshot;
import org.onewindow.casework.domain.LegalBasis;
import org.onewindow.casework.domain.RequiredMaterial;
import org.onewindow.catalog.application.CatalogService;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.json.Json;
import org.onewindow.kernel.scope.Scopes;
import org.onewindow.kernel.tenant.domain.TenantLevel;

/**
 * The demo cases ({@link DemoCasePlan}), made through the application services as each window's clerk, so their
 * numbers, snapshots, timelines, audit entries and queue tasks are the real ones. Each case is its own transaction
 * (the services' own); a restart replays the same idempotency keys and takes nothing in again.
 */
@ApplicationScoped
public class DemoCases {

    /** Cases of each outcome at each window. */
    static final int PER_OUTCOME = 2;

    /** The demo items a window may take in, in turn; each window keeps those it offers at its tier. */
    static final List<String> ITEMS = List.of("MZ-0001", "MZ-0002", "CL-0001", "RS-0001", "YB-0001", "WJ-0001");

    /** The outcomes reached in the back office, after acceptance. */
    private static final Set<DemoCasePlan.Outcome> REVIEWED = EnumSet.of(
            DemoCasePlan.Outcome.APPROVED,
            DemoCasePlan.Outcome.REJECTED,
            DemoCasePlan.Outcome.SUPPLEMENT_REQUESTED,
            DemoCasePlan.Outcome.SPECIAL_PROCEDURE,
            DemoCasePlan.Outcome.AWAITING_PICKUP,
            DemoCasePlan.Outcome.POSTED,
            DemoCasePlan.Outcome.WAITING_AT_COUNTY);

    private static final Logger LOG = Logger.getLogger(DemoCases.class.getName());

    /** The answers of the demo items' application forms, by item code ({@code demo/form-answers.json}). */
    private static final JsonObject FORM_ANSWERS = formAnswers();

    @Inject
    Scopes scopes;

    @Inject
    IntakeService intake;

    @Inject
    CatalogService catalog;

    @Inject
    WorkQueueService queues;

    @Inject
    ReviewService reviews;

    @Inject
    CaseQueryService queries;

    @Inject
    IssuanceService issuance;

    /** Makes the cases of the plan that do not exist yet; returns how many were taken in now. */
    public int load() {
        long started = System.nanoTime();
        int made = 0;
        Map<String, List<ItemSnapshot>> offered = new LinkedHashMap<>();
        for (DemoCasePlan.Planned planned : DemoCasePlan.plan(DemoCasePlan.WINDOWS, PER_OUTCOME)) {
            String clerk = planned.window().username();
            List<ItemSnapshot> items = offered.computeIfAbsent(
                    planned.window().tenantCode(), tenant -> scopes.runAsAccount(clerk, () -> items(planned.window())));
            if (items.isEmpty()) {
                continue;
            }
            ItemSnapshot item = items.get(planned.itemIndex() % items.size());
            String caseNumber = scopes.runAsAccount(clerk, () -> takeIn(planned, item));
            if (caseNumber != null) {
                made++;
                if (!caseNumber.isEmpty() && REVIEWED.contains(planned.outcome())) {
                    review(
                            caseNumber,
                            item,
                            planned.outcome().issued() ? DemoCasePlan.Outcome.APPROVED : planned.outcome());
                }
                if (!caseNumber.isEmpty() && planned.outcome().issued()) {
                    scopes.runAsAccount(clerk, () -> deliver(planned, caseNumber));
                }
            }
        }
        LOG.info("Demo cases: " + made + " taken in now, in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        return made;
    }

    private static JsonObject formAnswers() {
        try (JsonReader reader = Json.createReader(new InputStreamReader(
                DemoCases.class.getResourceAsStream("demo/form-answers.json"), StandardCharsets.UTF_8))) {
            return reader.readObject().getJsonObject("answers");
        }
    }

    /**
     * The demo answers of the item's form where the catalog gives the item one (a catalog loaded before forms not),
     * about the case's own applicant ({@link #aboutApplicant}).
     */
    private JsonObject formAnswers(DemoCasePlan.Planned planned, ItemSnapshot item) {
        boolean hasForm = catalog.snapshot(planned.window().tenantCode(), item.code())
                .applicationForm()
                .isPresent();
        return hasForm
                ? aboutApplicant(FORM_ANSWERS.getJsonObject(item.code()), planned.applicantName(), planned.idNumber())
                : null;
    }

    /**
     * {@code answers} with every row of a table that stands for the applicant (relation 本人, e.g. in 低保's household
     * members) naming the applicant {@code name} with {@code idNumber}: the form describes the applicant's own
     * household, whoever the demo case's applicant is.
     */
    static JsonObject aboutApplicant(JsonObject answers, String name, String idNumber) {
        var about = Json.createObjectBuilder(answers);
        answers.forEach((field, value) -> {
            if (value instanceof JsonArray rows) {
                var table = Json.createArrayBuilder();
                for (JsonValue row : rows) {
                    table.add(
                            row instanceof JsonObject member && "本人".equals(member.getString("relation", null))
                                    ? Json.createObjectBuilder(member)
                                            .add("name", name)
                                            .add("idNumber", idNumber)
                                            .build()
                                    : row);
                }
                about.add(field, table);
            }
        });
        return about.build();
    }

    /** One planned application: its case number (null without one), or null when its key was used before. */
    private String takeIn(DemoCasePlan.Planned planned, ItemSnapshot item) {
        // Made on an earlier start: the items offered may have changed since, so the same key would carry another body.
        if (intake.keyUsed(planned.key())) {
            return null;
        }
        boolean incomplete = planned.outcome() == DemoCasePlan.Outcome.AWAITING_SUPPLEMENTS
                || planned.outcome() == DemoCasePlan.Outcome.SUPPLIED_THEN_ACCEPTED;
        Map<String, IntakeCommand.MarkInput> marks = marks(item, incomplete);
        IntakeCommand command = new IntakeCommand(
                item.code(),
                new IntakeCommand.ApplicantInput(
                        "PERSON", planned.applicantName(), planned.idNumber(), null, null, null, null),
                null,
                marks,
                formAnswers(planned, item),
                null,
                null);
        // The hash POST /api/v1/cases would compute: a clerk replaying the key with this body gets the receipt again.
        String hash = CaseResource.requestHash(command);
        IntakeService.IntakeAnswer answer = planned.outcome() == DemoCasePlan.Outcome.REFUSED
                ? intake.refuseAtIntake(
                        planned.key(),
                        hash,
                        command,
                        item.licence() ? "申请事项不属于本机关职权范围（演示）" : "申请人户籍不在本县（演示）",
                        basis(LegalBasis.forRefusal(item), item))
                : intake.takeIn(planned.key(), hash, command);
        if (answer.replayed()) {
            return null;
        }
        JsonObject taken = answer.body();
        if (planned.outcome() == DemoCasePlan.Outcome.SUPPLIED_THEN_ACCEPTED) {
            taken = intake.receiveSupplements(taken.getString("id"), marks(item, false));
        }
        return taken.isNull("caseNumber") ? "" : taken.getString("caseNumber");
    }

    /**
     * The window's part of an issued demo case (统一出件), as its clerk: the result of the decided case waits at the
     * intake window or goes by post with a tracking number; its decision letter is numbered on the way. A case the
     * back office did not decide (an item without a process) stays as it is.
     */
    private Void deliver(DemoCasePlan.Planned planned, String caseNumber) {
        String state = queries.caseView(caseNumber).getString("state");
        if (!state.startsWith("DECIDED_")) {
            LOG.info(() -> "Demo case " + caseNumber + " is " + state + ", not decided: nothing to issue");
            return null;
        }
        issuance.deliver(
                caseNumber,
                planned.outcome() == DemoCasePlan.Outcome.POSTED
                        ? new IssuanceService.DeliveryCommand(
                                "POST",
                                null,
                                planned.applicantName(),
                                "淄博市桓台县"
                                        + (planned.window().level() == TenantLevel.COUNTY
                                                ? ""
                                                : planned.window().tenantName())
                                        + "便民路8号",
                                null,
                                DemoCasePlan.trackingNumber(planned))
                        : new IssuanceService.DeliveryCommand("INTAKE_WINDOW", null, null, null, null, null));
        return null;
    }

    /**
     * The back office's part of a demo case: each review task of the case, wherever it waits, acted on by the
     * reviewer whose queue holds it, until the outcome is reached (or no review task is left: an on-the-spot item).
     * A case goes up the tiers, so each step asks the reviewers from the one who acted last (the queues are asked in
     * their order, village to county, wrapping round once).
     */
    private void review(String caseNumber, ItemSnapshot item, DemoCasePlan.Outcome outcome) {
        List<DemoCasePlan.Reviewer> reviewers = DemoCasePlan.REVIEWERS;
        int first = 0;
        for (int step = 0; step < 6; step++) {
            boolean acted = false;
            for (int asked = 0; asked < reviewers.size(); asked++) {
                int at = (first + asked) % reviewers.size();
                DemoCasePlan.Reviewer reviewer = reviewers.get(at);
                String me = reviewer.desk().username();
                String task = scopes.runAsAccount(me, () -> reviewTask(caseNumber));
                if (task == null) {
                    continue;
                }
                if (outcome == DemoCasePlan.Outcome.WAITING_AT_COUNTY
                        && reviewer.desk().level() == TenantLevel.COUNTY) {
                    return;
                }
                // A pause is the county department's (an expert review, bank statements), and so is the case left
                // waiting at the county: lower tiers pass it on.
                boolean leftToTheCounty = outcome == DemoCasePlan.Outcome.SUPPLEMENT_REQUESTED
                        || outcome == DemoCasePlan.Outcome.SPECIAL_PROCEDURE
                        || outcome == DemoCasePlan.Outcome.WAITING_AT_COUNTY;
                DemoCasePlan.Outcome act = leftToTheCounty && reviewer.desk().level() != TenantLevel.COUNTY
                        ? DemoCasePlan.Outcome.APPROVED
                        : outcome;
                scopes.runAsAccount(me, () -> switch (act) {
                    case APPROVED -> reviews.approve(task, "材料齐全，符合条件，同意。", null);
                    case REJECTED -> reviews.reject(task, "申请人不符合本事项规定的条件（演示）", basis(LegalBasis.ofItem(item), item));
                    case SUPPLEMENT_REQUESTED ->
                        reviews.requestSupplement(
                                task, "请补充近六个月的银行流水（演示）", basis(LegalBasis.forCorrection(item), item));
                    case SPECIAL_PROCEDURE ->
                        reviews.startSpecialProcedure(task, "EXPERT_REVIEW", "需组织专家评审（演示）", "《中华人民共和国行政许可法》第四十五条", 10);
                    default -> throw new IllegalStateException(act.name());
                });
                acted = true;
                if (act != DemoCasePlan.Outcome.APPROVED) {
                    return;
                }
                first = at;
                break;
            }
            if (!acted) {
                return;
            }
        }
    }

    /** The id of the case's open review task in the caller's queue, or null. */
    private String reviewTask(String caseNumber) {
        JsonArray tasks = queues.queue(null, null, caseNumber, null, 5).getJsonArray("tasks");
        return tasks.stream()
                .map(JsonValue::asJsonObject)
                .filter(task -> "REVIEW".equals(task.getString("kind")))
                .map(task -> task.getString("id"))
                .findFirst()
                .orElse(null);
    }

    /** The items of {@link #ITEMS} the clerk's division offers and takes in at its tier. */
    private List<ItemSnapshot> items(DemoCasePlan.Window clerk) {
        List<ItemSnapshot> items = new ArrayList<>();
        for (String code : ITEMS) {
            try {
                var offered = catalog.snapshot(clerk.tenantCode(), code);
                if (offered.offered()
                        && CatalogItems.intakeTiers(offered.elements()).contains(CatalogItems.Tier.of(clerk.level()))) {
                    items.add(CatalogItems.snapshot(offered.code(), offered.version(), offered.elements()));
                }
            } catch (DomainException e) {
                LOG.fine(() -> code + " not offered at " + clerk.tenantName() + ": " + e.getMessage());
            }
        }
        return items;
    }

    /**
     * The basis a demo notice cites, as {@link LegalBasis} picks it for the item (a licence the Administrative
     * Licensing Law, any other item its own basis); for an item whose catalog entry gives none, its guide.
     */
    private static String basis(String picked, ItemSnapshot item) {
        return picked.isEmpty() ? "《" + item.name() + "》办事指南" : picked;
    }

    /** Every mandatory material marked as the window sees it; the last one left out when incomplete. */
    static Map<String, IntakeCommand.MarkInput> marks(ItemSnapshot item, boolean incomplete) {
        Map<String, IntakeCommand.MarkInput> marks = new LinkedHashMap<>();
        RequiredMaterial left = incomplete
                ? item.materials().stream()
                        .filter(RequiredMaterial::mandatory)
                        // Only what the applicant can be asked for is ever missing (MaterialsChecklist).
                        .filter(RequiredMaterial::askedOfApplicant)
                        .reduce((first, second) -> second)
                        .orElse(null)
                : null;
        for (RequiredMaterial material : item.materials()) {
            if (material == left) {
                continue;
            }
            marks.put(
                    material.code(),
                    material.governmentDataMaySatisfy()
                            ? new IntakeCommand.MarkInput("GOVERNMENT_DATA", "共享数据核验")
                            : new IntakeCommand.MarkInput("PAPER_SEEN", "窗口核验原件"));
        }
        return marks;
    }
}
