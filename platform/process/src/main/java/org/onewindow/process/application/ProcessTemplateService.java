package org.onewindow.process.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.repository.Deployment;
import org.flowable.engine.repository.ProcessDefinition;
import org.onewindow.kernel.audit.application.AuditService;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.json.Json;
import org.onewindow.kernel.scope.Caller;
import org.onewindow.kernel.scope.TenantScoped;
import org.onewindow.kernel.security.domain.Role;
import org.onewindow.kernel.security.domain.StaffPrincipal;
import org.onewindow.process.domain.ProcessTemplate;
import org.onewindow.process.domain.TemplateDraft;
import org.onewindow.process.domain.TemplateRules;
import org.onewindow.process.domain.TemplateStep;
import org.onewindow.process.domain.TemplateTenants;
import org.onewindow.process.infrastructure.ProcessEngines;

/**
 * The process templates of the catalog (流程模板): the standard ones every county inherits, the overrides a county,
 * town or village publishes for its own area, and which version is in force for a tenant. A published version
 * never changes (a Flowable deployment); publishing again adds the next version; retiring an override suspends
 * its versions, so the tier above is in force again while running cases finish on the version they started with.
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class ProcessTemplateService {

    /** The templates shipped with the product, deployed to the standard tenant at start-up. */
    public static final List<String> BUNDLED =
            List.of("on-the-spot", "single-department", "tiered-review", "parallel-review");

    @Inject
    Clock clock;

    @Inject
    ProcessEngines engines;

    @Inject
    TemplateResolver resolver;

    @Inject
    Caller caller;

    @Inject
    AuditService audit;

    @PersistenceContext
    EntityManager em;

    /** Deploys each bundled template whose text changed since its last deployment (Flowable compares them). */
    public void deployBundled() {
        for (String key : BUNDLED) {
            byte[] xml = bundled(key);
            TemplateRules.check(key, xml);
            repository()
                    .createDeployment()
                    .name(key)
                    .key(key)
                    .tenantId(TemplateTenants.STANDARD)
                    .addBytes(key + ".bpmn20.xml", xml)
                    .enableDuplicateFiltering()
                    .deploy();
        }
    }

    /** Every template in force for a tenant, by key: the tenant's own, else its town's, county's or the standard. */
    public List<ProcessTemplate> inForce(String tenant) {
        return resolver.inForce(tenant).values().stream().map(this::template).toList();
    }

    /** The keys of the standard templates in force: the templates a catalog item may name. */
    public Set<String> standardKeys() {
        Set<String> keys = new TreeSet<>();
        repository()
                .createProcessDefinitionQuery()
                .processDefinitionTenantId(TemplateTenants.STANDARD)
                .active()
                .list()
                .forEach(definition -> keys.add(definition.getKey()));
        return keys;
    }

    /** The version of one template in force for a tenant. */
    public ProcessTemplate inForce(String tenant, String key) {
        return resolver.inForce(tenant, key)
                .map(this::template)
                .orElseThrow(() -> DomainException.notFound("process.template.not-found", key));
    }

    /** All versions one tenant (or the standard) has published of a template, newest first. */
    public List<ProcessTemplate> versions(String tenant, String key) {
        TemplateTenants.chain(tenant);
        return repository()
                .createProcessDefinitionQuery()
                .processDefinitionKey(key)
                .processDefinitionTenantId(tenant)
                .orderByProcessDefinitionVersion()
                .desc()
                .list()
                .stream()
                .map(this::template)
                .toList();
    }

    /** The BPMN text of one published version. */
    public byte[] bpmn(String definitionId) {
        ProcessDefinition definition = definition(definitionId);
        try (InputStream in =
                repository().getResourceAsStream(definition.getDeploymentId(), definition.getResourceName())) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Publishes a new version of a template for a tenant: the standard one (standards editors) or the caller's
     * own tenant's override (its administrators). The text is checked before anything is deployed.
     */
    public ProcessTemplate publish(String tenant, String key, byte[] xml) {
        StaffPrincipal staff = authorise(tenant, key);
        return deploy(staff, tenant, key, xml);
    }

    // --- drafts --------------------------------------------------------------------------------------------

    /** The draft of a template the caller's tier (or the standards team) is preparing, if any. */
    public Optional<TemplateDraft> draft(String tenant, String key) {
        authorise(tenant, key);
        return Optional.ofNullable(em.find(TemplateDraft.class, new TemplateDraft.Key(tenant, key)));
    }

    /**
     * Saves a draft of the next version, checked like a publication. The first save names no lock version; a
     * later one names the version it read, and a draft someone else saved since is not overwritten.
     *
     * @throws DomainException 409 when the draft changed since {@code lockVersion} (or exists when none is named)
     */
    public TemplateDraft saveDraft(String tenant, String key, byte[] xml, Integer lockVersion) {
        StaffPrincipal staff = authorise(tenant, key);
        requireStandard(tenant, key);
        TemplateRules.check(key, xml);
        String text = new String(xml, StandardCharsets.UTF_8);
        TemplateDraft draft = em.find(TemplateDraft.class, new TemplateDraft.Key(tenant, key));
        if (draft == null && lockVersion == null) {
            draft = new TemplateDraft(tenant, key, text, staff.username(), clock.instant());
            em.persist(draft);
        } else if (draft != null && lockVersion != null && draft.version() == lockVersion) {
            draft.replace(text, staff.username(), clock.instant());
        } else {
            throw DomainException.conflict("process.template.draft.stale", key);
        }
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw DomainException.conflict("process.template.draft.stale", key);
        }
        audit.record(
                auditTenant(staff, tenant),
                "process.template.draft.saved",
                "process_template",
                tenant + "/" + key,
                null,
                Json.createObjectBuilder().add("key", key).add("tenant", tenant).build());
        return draft;
    }

    /** Publishes the draft as the next version and ends it; refused when it changed since it was read. */
    public ProcessTemplate publishDraft(String tenant, String key, int lockVersion) {
        StaffPrincipal staff = authorise(tenant, key);
        TemplateDraft draft = currentDraft(tenant, key, lockVersion);
        remove(draft);
        return deploy(staff, tenant, key, draft.bpmn().getBytes(StandardCharsets.UTF_8));
    }

    /** Discards the draft; the version in force is untouched. */
    public void discardDraft(String tenant, String key, int lockVersion) {
        StaffPrincipal staff = authorise(tenant, key);
        remove(currentDraft(tenant, key, lockVersion));
        audit.record(
                auditTenant(staff, tenant),
                "process.template.draft.discarded",
                "process_template",
                tenant + "/" + key,
                Json.createObjectBuilder().add("key", key).add("tenant", tenant).build(),
                null);
    }

    /** The steps of a draft, as a reader sees them. */
    public List<TemplateStep> steps(TemplateDraft draft) {
        return TemplateRules.steps(
                TemplateRules.check(draft.templateKey(), draft.bpmn().getBytes(StandardCharsets.UTF_8)));
    }

    private TemplateDraft currentDraft(String tenant, String key, int lockVersion) {
        TemplateDraft draft = em.find(TemplateDraft.class, new TemplateDraft.Key(tenant, key));
        if (draft == null) {
            throw DomainException.notFound("process.template.draft.not-found", key);
        }
        if (draft.version() != lockVersion) {
            throw DomainException.conflict("process.template.draft.stale", key);
        }
        return draft;
    }

    /** Deletes now, so that a save by someone else since the read is a 409 here, not a failed commit later. */
    private void remove(TemplateDraft draft) {
        try {
            em.remove(draft);
            em.flush();
        } catch (PersistenceException e) {
            throw DomainException.conflict("process.template.draft.stale", draft.templateKey());
        }
    }

    private void requireStandard(String tenant, String key) {
        if (!TemplateTenants.STANDARD.equals(tenant)
                && resolver.inForce(TemplateTenants.STANDARD, key).isEmpty()) {
            // An override adapts a standard template; a key the standard does not know would be used by no item.
            throw DomainException.notFound("process.template.not-found", key);
        }
    }

    private ProcessTemplate deploy(StaffPrincipal staff, String tenant, String key, byte[] xml) {
        requireStandard(tenant, key);
        TemplateRules.check(key, xml);
        Deployment deployment = repository()
                .createDeployment()
                .name(key)
                .key(key)
                .tenantId(tenant)
                .addBytes(key + ".bpmn20.xml", xml)
                .deploy();
        ProcessDefinition published = repository()
                .createProcessDefinitionQuery()
                .deploymentId(deployment.getId())
                .singleResult();
        audit.record(
                auditTenant(staff, tenant),
                "process.template.published",
                "process_template",
                tenant + "/" + key,
                null,
                state(published));
        return template(published);
    }

    /** Retires the caller's own override of a template: the tier above is in force for new cases from now on. */
    public ProcessTemplate retire(String tenant, String key) {
        StaffPrincipal staff = authorise(tenant, key);
        if (TemplateTenants.STANDARD.equals(tenant)) {
            throw new DomainException("process.template.retire.standard", key);
        }
        List<ProcessDefinition> active = repository()
                .createProcessDefinitionQuery()
                .processDefinitionKey(key)
                .processDefinitionTenantId(tenant)
                .active()
                .list();
        if (active.isEmpty()) {
            throw DomainException.notFound("process.template.no-override", key);
        }
        active.forEach(definition -> repository().suspendProcessDefinitionById(definition.getId(), false, null));
        audit.record(
                auditTenant(staff, tenant),
                "process.template.retired",
                "process_template",
                tenant + "/" + key,
                state(active.stream()
                        .max(Comparator.comparingInt(ProcessDefinition::getVersion))
                        .orElseThrow()),
                null);
        return inForce(tenant, key);
    }

    private StaffPrincipal authorise(String tenant, String key) {
        if (caller.current().isEmpty()) {
            throw new DomainException(DomainException.Kind.UNAUTHORIZED, "token.missing");
        }
        if (TemplateTenants.STANDARD.equals(tenant)) {
            return caller.requireAny(Role.STANDARDS_EDITOR);
        }
        TemplateTenants.requireDivisionCode(tenant);
        StaffPrincipal staff = caller.requireAny(Role.TENANT_ADMIN, Role.COUNTY_ADMIN);
        if (!tenant.startsWith(staff.scope())) {
            // Outside the caller's area: the same answer as for a division that does not exist.
            throw DomainException.notFound("tenant.not.found", tenant);
        }
        if (!tenant.equals(staff.tenantCode().value())) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "process.template.own-tenant", key);
        }
        return staff;
    }

    private static String auditTenant(StaffPrincipal staff, String tenant) {
        return TemplateTenants.STANDARD.equals(tenant) ? staff.tenantCode().value() : tenant;
    }

    private ProcessTemplate template(ProcessDefinition definition) {
        Deployment deployment = repository()
                .createDeploymentQuery()
                .deploymentId(definition.getDeploymentId())
                .singleResult();
        return new ProcessTemplate(
                definition.getKey(),
                definition.getName(),
                definition.getTenantId(),
                TemplateTenants.sourceOf(definition.getTenantId()),
                definition.getVersion(),
                definition.getId(),
                definition.isSuspended(),
                deployment.getDeploymentTime().toInstant(),
                TemplateRules.steps(repository().getBpmnModel(definition.getId())));
    }

    private ProcessDefinition definition(String definitionId) {
        List<ProcessDefinition> found = new ArrayList<>(repository()
                .createProcessDefinitionQuery()
                .processDefinitionId(definitionId)
                .list());
        if (found.isEmpty()) {
            throw DomainException.notFound("process.template.not-found", definitionId);
        }
        return found.get(0);
    }

    private static JsonObject state(ProcessDefinition definition) {
        return Json.createObjectBuilder()
                .add("key", definition.getKey())
                .add("tenant", definition.getTenantId())
                .add("version", definition.getVersion())
                .add("definitionId", definition.getId())
                .build();
    }

    private RepositoryService repository() {
        return engines.engine().getRepositoryService();
    }

    private static byte[] bundled(String key) {
        String path = "/org/onewindow/process/templates/" + key + ".bpmn20.xml";
        try (InputStream in = ProcessTemplateService.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing bundled template " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
