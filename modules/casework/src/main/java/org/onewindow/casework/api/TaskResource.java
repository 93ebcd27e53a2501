package org.onewindow.casework.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onewindow.casework.application.ReviewService;
import org.onewindow.casework.application.WorkQueueService;
import org.onewindow.casework.domain.Pause;
import org.onewindow.casework.domain.Refusal;
import org.onewindow.kernel.text.MultiLine;

/**
 * The back office over REST (后台审批): the caller's work queue and what a reviewer or clerk does with a task. A task
 * the caller may not take (another division or department) answers 404 exactly like an unknown one; a task someone
 * else holds or finished answers 409 naming who. Actions answer {@code {"task": …, "case": …}}.
 */
@Path("tasks")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "tasks",
        description = "待办 / work queue: claim, approve, reject, supplements, special procedures, extension")
public class TaskResource {

    @Inject
    WorkQueueService queue;

    @Inject
    ReviewService review;

    /** 准予 / 同意: an optional opinion, an optional legal basis (the item's when the case is granted without one). */
    public record ApproveBody(
            @Schema(maxLength = Pause.REASON_MAX_LENGTH, example = "经审核，符合最低生活保障条件") @MultiLine
            String opinion,

            @Schema(maxLength = Refusal.BASIS_MAX_LENGTH, example = "《社会救助暂行办法》第九条")
            String legalBasis) {}

    /** 不予 / 不同意: reason and legal basis both required (§38). */
    public record RejectBody(
            @NotBlank(message = "{casework.decision.reason.required}")
            @Schema(required = true, maxLength = Pause.REASON_MAX_LENGTH, example = "家庭人均收入高于当地最低生活保障标准")
            @MultiLine
            String reason,

            @NotBlank(message = "{casework.decision.basis.required}")
            @Schema(required = true, maxLength = Refusal.BASIS_MAX_LENGTH, example = "《社会救助暂行办法》第九条")
            String legalBasis) {}

    /** 审查中补正: what the applicant must supply (told at once), and the basis. */
    public record SupplementBody(
            @NotBlank(message = "{casework.pause.reason.required}")
            @Schema(required = true, maxLength = Pause.REASON_MAX_LENGTH, example = "补充施工合同的签字页")
            @MultiLine
            String whatToSupply,

            @NotBlank(message = "{casework.pause.basis.required}")
            @Schema(required = true, maxLength = Refusal.BASIS_MAX_LENGTH, example = "《中华人民共和国行政许可法》第三十二条")
            String legalBasis) {}

    /** 特别程序 (§45): the kind, why, the basis and how long the applicant is told it takes. */
    public record SpecialProcedureBody(
            @NotBlank(message = "{casework.pause.kind}") @Schema(required = true, maxLength = 24, example = "HEARING")
            String kind,

            @NotBlank(message = "{casework.pause.reason.required}")
            @Schema(required = true, maxLength = Pause.REASON_MAX_LENGTH, example = "利害关系人申请听证")
            @MultiLine
            String reason,

            @NotBlank(message = "{casework.pause.basis.required}")
            @Schema(required = true, maxLength = Refusal.BASIS_MAX_LENGTH, example = "《中华人民共和国行政许可法》第四十五条")
            String legalBasis,

            @NotNull(message = "{casework.pause.duration.required}")
            @Min(value = 1, message = "{casework.pause.duration.required}")
            @Schema(required = true, minimum = "1")
            Integer announcedWorkingDays) {}

    /** The end of a special procedure, with its result (hearing record, test report…). */
    public record ResultBody(
            @Schema(maxLength = Pause.REASON_MAX_LENGTH, example = "听证笔录已归档，维持原意见") @MultiLine
            String result) {}

    /** 延期 (§42): up to 10 working days, once, approved by the head (本机关负责人), the reason told. */
    public record ExtensionBody(
            @Schema(minimum = "1", maximum = "10") Integer workingDays,

            @NotBlank(message = "{casework.extension.approver.required}")
            @Schema(required = true, maxLength = 100, example = "县民政局局长 李明")
            String approvedBy,

            @NotBlank(message = "{casework.extension.reason.required}")
            @Schema(required = true, maxLength = Pause.REASON_MAX_LENGTH, example = "需入户核查家庭财产状况")
            @MultiLine
            String reason) {}

    @GET
    @Operation(
            operationId = "listTasks",
            summary = "The caller's work queue (待办), by promised due date",
            description = "The open tasks of the caller's own division the caller may take: a reviewer sees the"
                    + " reviews of its departments (and of its division without a department), a clerk its window's"
                    + " steps. Answer: {tasks: [{id, kind, step, stepName, tenant, department, caseId, caseNumber,"
                    + " item: {code, name}, applicantName, state, claimedBy, createdAt, promisedDueDate,"
                    + " statutoryDueDate, clockStatus, paused, outcome, opinion, completedBy, completedAt, version,"
                    + " itemWording, decisionApproved, decisionWording (the case's decision as the item words it:"
                    + " 准予给付 for 最低生活保障, 准予许可 for a licence; null before a decision)}],"
                    + " next: cursor | null, first, size, limit (= size, deprecated)}. Page with first= and size="
                    + " (first 0-" + WorkQueueService.MAX_FIRST + ", size 1-" + WorkQueueService.MAX_PAGE_SIZE + ");"
                    + " or pass next as after= for the page after the last one read. 400 casework.queue.first,"
                    + " casework.queue.limit for values out of range, request.parameter.invalid for one that is not"
                    + " a number.")
    public JsonObject list(
            @Parameter(description = "OPEN, CLAIMED, MINE (claimed by me); empty for open and claimed")
                    @QueryParam("state")
                    String state,
            @Parameter(description = "an item code, e.g. MZ-0001") @QueryParam("item") String item,
            @Parameter(description = "a case number, or the beginning of the applicant's name (up to 60 characters)")
                    @QueryParam("q")
                    String search,
            @Parameter(description = "the next cursor of the previous page") @QueryParam("after") String after,
            @Parameter(description = "the index of the first task of the page, from 0 (at most 10000), default 0")
                    @QueryParam("first")
                    Integer first,
            @Parameter(description = "tasks per page, 1-100, default 20") @QueryParam("size") Integer size,
            @Parameter(description = "the former name of size, read when size is not given", deprecated = true)
                    @QueryParam("limit")
                    Integer limit) {
        return queue.queue(state, item, search, after, first, size != null ? size : limit);
    }

    @GET
    @Path("{taskId}")
    @Operation(operationId = "getTask", summary = "One task of the caller's queue; 404 outside it")
    public JsonObject get(@PathParam("taskId") String taskId) {
        return review.task(taskId);
    }

    @POST
    @Path("{taskId}/claim")
    @Operation(
            operationId = "claimTask",
            summary = "Take a task for oneself (认领)",
            description = "Again by the holder: no change. 409 when someone else holds it or it is done.")
    public JsonObject claim(@PathParam("taskId") String taskId) {
        return review.claim(taskId);
    }

    @POST
    @Path("{taskId}/release")
    @Operation(
            operationId = "releaseTask",
            summary = "Give a claimed task back to its group (释放)",
            description = "409 when the caller does not hold it.")
    public JsonObject release(@PathParam("taskId") String taskId) {
        return review.release(taskId);
    }

    @POST
    @Path("{taskId}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "approveTask",
            summary = "Approve (准予 / 同意)",
            description = "A review gives its positive opinion; the last review of the case grants it (state"
                    + " DECIDED_APPROVED) and the intake window gets the delivery task. 409 when someone else holds"
                    + " the task or it is done.")
    public JsonObject approve(@PathParam("taskId") String taskId, ApproveBody body) {
        ApproveBody given = body == null ? new ApproveBody(null, null) : body;
        return review.approve(taskId, given.opinion(), given.legalBasis());
    }

    @POST
    @Path("{taskId}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "rejectTask",
            summary = "Reject (不予 / 不同意), with reason and legal basis",
            description =
                    "400 without reason or basis, nothing changed. A tiered review ends at once (DECIDED_REJECTED);"
                            + " a parallel one when every department has answered, with each rejecting department's reason.")
    public JsonObject reject(@PathParam("taskId") String taskId, @Valid RejectBody body) {
        RejectBody given = body == null ? new RejectBody(null, null) : body;
        return review.reject(taskId, given.reason(), given.legalBasis());
    }

    @POST
    @Path("{taskId}/supplement-request")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "requestSupplement",
            summary = "Ask for supplements during the review (审查中补正): the clock pauses",
            description = "The applicant is told what at once; the task stays with the caller (state"
                    + " SUPPLEMENT_REQUESTED). 409 when the case is not in review.")
    public JsonObject requestSupplement(@PathParam("taskId") String taskId, @Valid SupplementBody body) {
        SupplementBody given = body == null ? new SupplementBody(null, null) : body;
        return review.requestSupplement(taskId, given.whatToSupply(), given.legalBasis());
    }

    @POST
    @Path("{taskId}/supplement-received")
    @Operation(
            operationId = "receiveSupplement",
            summary = "The supplements arrived: the clock runs again from tomorrow",
            description = "409 when none are awaited.")
    public JsonObject receiveSupplement(@PathParam("taskId") String taskId) {
        return review.receiveSupplement(taskId);
    }

    @POST
    @Path("{taskId}/special-procedure")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "startSpecialProcedure",
            summary = "Start a special procedure (§45): the clock pauses",
            description = "kind: HEARING, BIDDING, AUCTION, INSPECTION, TESTING, QUARANTINE, APPRAISAL, EXPERT_REVIEW;"
                    + " announcedWorkingDays: how long the applicant is told it takes (at least 1).")
    public JsonObject startSpecialProcedure(
            @PathParam("taskId") String taskId,
            @NotNull(message = "{request.body.required}") @Valid SpecialProcedureBody body) {
        return review.startSpecialProcedure(
                taskId, body.kind(), body.reason(), body.legalBasis(), body.announcedWorkingDays());
    }

    @POST
    @Path("{taskId}/special-procedure/end")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "endSpecialProcedure",
            summary = "End the special procedure with its result: the clock runs again from tomorrow")
    public JsonObject endSpecialProcedure(@PathParam("taskId") String taskId, ResultBody body) {
        return review.endSpecialProcedure(taskId, body == null ? null : body.result());
    }

    @POST
    @Path("{taskId}/extension")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "extendTask",
            summary = "Extend the limit once (§42): up to 10 working days, the head's approval recorded",
            description = "409 for a second extension or once the statutory limit has passed.")
    public JsonObject extend(
            @PathParam("taskId") String taskId,
            @NotNull(message = "{request.body.required}") @Valid ExtensionBody body) {
        return review.extend(taskId, body.workingDays(), body.approvedBy(), body.reason());
    }
}
