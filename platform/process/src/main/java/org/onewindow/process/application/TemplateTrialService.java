package org.onewindow.process.application;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.identitylink.api.IdentityLink;
import org.flowable.task.api.Task;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.scope.Caller;
import org.onewindow.kernel.security.domain.StaffPrincipal;
import org.onewindow.kernel.tenant.domain.DivisionCode;
import org.onewindow.process.domain.ProcessTemplate;
import org.onewindow.process.domain.TemplateTenants;
import org.onewindow.process.domain.TrialRun;
import org.onewindow.process.infrastructure.ProcessEngines;

/**
 * Runs the template in force for a tenant once, in a transaction that is always rolled back, so staff see which groups get which tasks in which order before a real case meets the template.
 */
@ApplicationScoped
public class TemplateTrialService {

    /** A template that has not ended after this many rounds loops; the trial stops and says so. */
    static final int MAX_ROUNDS = 50;

    /** More review groups than any item has steps: a longer list would only make the dry run longer. */
    static final int MAX_GROUPS = 20;

    @Inject
    ProcessEngines engines;

    @Inject
    ProcessTemplateService templates;

    @Inject
    Caller caller;

    @Resource
    TransactionSynchronizationRegistry transaction;

    /**
     * @param windowGroup the group of the intake window ({@code windowGroup} in the templates)
     * @param reviewGroups the review groups in order ({@code reviewGroups})
     * @param refuseInRound the round (1-based) in which reviewers refuse, or 0 when all approve
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public TrialRun run(String tenant, String key, String windowGroup, List<String> reviewGroups, int refuseInRound) {
        StaffPrincipal staff = caller.require();
        // A dry run is staff work like any other: at a division of the caller's scope (or of the standard).
        if (!TemplateTenants.STANDARD.equals(tenant)
                && DivisionCode.parse(tenant).filter(staff::sees).isEmpty()) {
            throw DomainException.notFound("tenant.not.found", String.valueOf(tenant));
        }
        if (reviewGroups.isEmpty()) {
            throw new DomainException("process.trial.no-reviewers");
        }
        if (reviewGroups.size() > MAX_GROUPS) {
            throw new DomainException("process.trial.too-many-reviewers", MAX_GROUPS);
        }
        ProcessTemplate template = templates.inForce(tenant, key);
        try {
            return simulate(template, tenant, windowGroup, reviewGroups, refuseInRound);
        } finally {
            // Marked at the end, once the engine has done its work in the transaction: nothing of the run is kept.
            transaction.setRollbackOnly();
        }
    }

    private TrialRun simulate(
            ProcessTemplate template, String tenant, String windowGroup, List<String> reviewGroups, int refuseInRound) {
        ProcessEngine engine = engines.engine();
        ProcessInstance instance = engine.getRuntimeService()
                .createProcessInstanceBuilder()
                .processDefinitionId(template.definitionId())
                .overrideProcessDefinitionTenantId(tenant)
                .variables(Map.of("windowGroup", windowGroup, "reviewGroups", new ArrayList<>(reviewGroups)))
                .start();
        List<List<TrialRun.Task>> rounds = new ArrayList<>();
        for (int round = 1; round <= MAX_ROUNDS; round++) {
            List<Task> open =
                    engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).list().stream()
                            .sorted(Comparator.comparing(this::group))
                            .toList();
            if (open.isEmpty()) {
                return new TrialRun(template, rounds, true);
            }
            rounds.add(open.stream()
                    .map(task -> new TrialRun.Task(task.getTaskDefinitionKey(), task.getName(), group(task)))
                    .toList());
            boolean approved = round != refuseInRound;
            for (Task task : open) {
                engine.getTaskService().complete(task.getId(), Map.of("approved", approved));
            }
        }
        return new TrialRun(template, rounds, false);
    }

    private String group(Task task) {
        return engines.engine().getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .map(IdentityLink::getGroupId)
                .filter(group -> group != null)
                .sorted()
                .findFirst()
                .orElse("");
    }
}
