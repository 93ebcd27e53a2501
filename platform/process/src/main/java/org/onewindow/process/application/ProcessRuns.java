package org.onewindow.process.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.repository.ProcessDefinition;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.identitylink.api.IdentityLink;
import org.flowable.identitylink.api.IdentityLinkType;
import org.flowable.task.api.Task;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.process.infrastructure.ProcessEngines;

/**
 * Real process runs for the modules that route their cases through a template: start the template in force for a
 * tenant, read the open tasks of a run, complete one. The engine joins the caller's JTA transaction, so a module's
 * rows and the run change together or not at all. Modules see plain values here, never the engine's types.
 *
 * <p>Who may see or act on a task is the calling module's business (its own tables under row-level security):
 * Flowable's tables hold a run's rows to the county of its tenant only (docs/adr/0028), so nothing here answers a
 * query across runs.
 */
@ApplicationScoped
public class ProcessRuns {

    /** The variable the standard templates' review steps and completion conditions read. */
    public static final String APPROVED = "approved";

    @Inject
    ProcessEngines engines;

    @Inject
    TemplateResolver resolver;

    /**
     * An open task of a run.
     *
     * @param id the task id
     * @param definitionKey the template's id of the step, e.g. {@code tierReview}, {@code windowDelivery}
     * @param name the step's name as the template prints it
     * @param candidateGroup the group whose members may take it ({@code 370321106000}, {@code 370321000000/MZ})
     * @param createdAt when the task was created
     */
    public record OpenTask(String id, String definitionKey, String name, String candidateGroup, Instant createdAt) {}

    /**
     * Starts the template in force for the tenant (its own override, its town's, its county's or the standard).
     *
     * @param businessKey the module's id of what runs, e.g. the case id
     * @param variables the template's variables, e.g. {@code windowGroup} and {@code reviewGroups}
     * @return the process instance id
     * @throws DomainException 404 {@code process.template.not-found} when no tier has the template
     */
    public String start(String tenant, String key, String businessKey, Map<String, Object> variables) {
        ProcessDefinition template = resolver.inForce(tenant, key)
                .orElseThrow(() -> DomainException.notFound("process.template.not-found", key));
        ProcessInstance instance = engine().getRuntimeService()
                .createProcessInstanceBuilder()
                .processDefinitionId(template.getId())
                .overrideProcessDefinitionTenantId(tenant)
                .businessKey(businessKey)
                .variables(new HashMap<>(variables))
                .start();
        return instance.getId();
    }

    /** The open tasks of a run, oldest first; empty once it ended. */
    public List<OpenTask> openTasks(String processInstanceId) {
        List<OpenTask> open = new ArrayList<>();
        for (Task task : engine().getTaskService()
                .createTaskQuery()
                .processInstanceId(processInstanceId)
                .orderByTaskCreateTime()
                .asc()
                .orderByTaskId()
                .asc()
                .list()) {
            open.add(new OpenTask(
                    task.getId(),
                    task.getTaskDefinitionKey(),
                    task.getName(),
                    candidateGroup(task.getId()),
                    task.getCreateTime().toInstant()));
        }
        return open;
    }

    /**
     * Completes an open task with the variables it decides on (e.g. {@link #APPROVED}) as the given user.
     *
     * @throws DomainException 409 {@code process.task.gone} when the task is no longer open
     */
    public void complete(String taskId, String user, Map<String, Object> variables) {
        var tasks = engine().getTaskService();
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            throw DomainException.conflict("process.task.gone", taskId);
        }
        if (task.getAssignee() == null) {
            tasks.setAssignee(taskId, user);
        }
        tasks.complete(taskId, new HashMap<>(variables));
    }

    /** Records the assignee (or none) on the engine's task, so that its history shows who took it. */
    public void assign(String taskId, String user) {
        engine().getTaskService().setAssignee(taskId, user);
    }

    /**
     * Ends a run that is still going before it reaches an end event (the case behind it ended otherwise, e.g. the
     * applicant withdrew): its open tasks are gone with it, the engine's history keeps the reason.
     *
     * @param reason why the run ends, e.g. {@code WITHDRAWN}
     * @return whether a run was still going
     */
    public boolean end(String processInstanceId, String reason) {
        if (ended(processInstanceId)) {
            return false;
        }
        engine().getRuntimeService().deleteProcessInstance(processInstanceId, reason);
        return true;
    }

    /** Whether the run has ended (every path reached an end event). */
    public boolean ended(String processInstanceId) {
        return engine().getRuntimeService()
                        .createProcessInstanceQuery()
                        .processInstanceId(processInstanceId)
                        .count()
                == 0;
    }

    private String candidateGroup(String taskId) {
        return engine().getTaskService().getIdentityLinksForTask(taskId).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId)
                .filter(group -> group != null)
                .sorted()
                .findFirst()
                .orElse("");
    }

    private ProcessEngine engine() {
        return engines.engine();
    }
}
