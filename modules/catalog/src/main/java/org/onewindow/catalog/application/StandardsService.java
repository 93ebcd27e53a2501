package org.onewindow.catalog.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.onewindow.catalog.domain.ImpactPreview;
import org.onewindow.catalog.domain.ItemRefused;
import org.onewindow.catalog.domain.ItemRules;
import org.onewindow.catalog.domain.ItemVersion;
import org.onewindow.catalog.domain.Publication;
import org.onewindow.catalog.domain.StandardItemVersion;
import org.onewindow.catalog.domain.VersionState;
import org.onewindow.catalog.infrastructure.CatalogRepository;
import org.onewindow.kernel.audit.application.AuditService;
import org.onewindow.kernel.error.Causes;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.json.Json;
import org.onewindow.kernel.scope.Caller;
import org.onewindow.kernel.scope.Scope;
import org.onewindow.kernel.scope.Scopes;
import org.onewindow.kernel.scope.TenantScoped;
import org.onewindow.kernel.security.domain.Role;
import org.onewindow.kernel.security.domain.StaffPrincipal;
import org.onewindow.kernel.tenant.application.ServicePointService;
import org.onewindow.kernel.tenant.domain.Department;
import org.onewindow.kernel.tenant.domain.DivisionCode;
import org.onewindow.kernel.tenant.domain.Tenant;
import org.onewindow.kernel.tenant.domain.TenantLevel;
import org.onewindow.process.application.ProcessTemplateService;

/**
 * The standards team's work on the catalog (CAT-4): drafting the next version of an item, previewing what
 * publishing it would do to every tenant, and the steps of publishing it that are not a county's own: starting and
 * putting the new version in force for every tenant at once ({@link PublicationService} runs them, ADR 0012). The
 * standard is shared by every county of the deployment, and so is a publication: see {@link CountyRebase}.
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class StandardsService {

    @Inject
    Clock clock;

    @Inject
    CatalogRepository repository;

    @Inject
    Caller caller;

    @Inject
    Scopes scopes;

    @Inject
    AuditService audit;

    @PersistenceContext
    EntityManager em;

    @Inject
    CountyRebase countyRebase;

    @Inject
    ProcessTemplateService templates;

    @Inject
    Publications publications;

    @Inject
    ServicePointService servicePoints;

    /**
     * Starts the next version of an item, or the first of a new one, as a draft (草稿) with the given elements.
     *
     * @throws DomainException 409 when the item already has a draft, 400 when the elements are not this item's
     * @throws ItemRefused when the elements break a rule of {@link ItemRules}, every rule listed
     */
    public ItemVersion createDraft(String itemCode, JsonObject elements) {
        StaffPrincipal editor = Staff.requireAny(caller, Role.STANDARDS_EDITOR);
        if (elements == null) {
            throw new DomainException("catalog.draft.elements.required");
        }
        Optional<StandardItemVersion> open = repository.draft(itemCode);
        if (open.isPresent()) {
            throw DomainException.conflict(
                    "catalog.draft.exists", itemCode, open.get().number());
        }
        ItemVersion draft =
                new ItemVersion(itemCode, repository.lastNumber(itemCode) + 1, VersionState.DRAFT, elements);
        rules(editor).require(elements);
        try {
            repository.add(new StandardItemVersion(draft, clock.instant()));
            repository.flush();
        } catch (PersistenceException e) {
            throw DomainException.conflict("catalog.draft.exists", itemCode, draft.number());
        }
        audit.record(
                editor.tenantCode().value(),
                "catalog.draft.created",
                "item_version",
                itemCode + "/" + draft.number(),
                null,
                versionState(draft));
        return draft;
    }

    /** An open draft with the lock version an edit or a discard must name. */
    public record Draft(ItemVersion item, int lockVersion) {}

    /** The item's open draft of that number. */
    public Draft draft(String itemCode, int number) {
        Staff.requireAny(caller, Role.STANDARDS_EDITOR);
        StandardItemVersion row = draft(itemCode, number, false);
        return new Draft(row.toDomain(), row.version());
    }

    /**
     * Replaces the elements of an open draft (编辑草稿). The editor names the lock version they read: when another
     * editor saved in between, the edit is refused and the other's text stays.
     *
     * @throws DomainException 409 when the draft changed since {@code lockVersion}, 404 when there is no such draft
     */
    public Draft editDraft(String itemCode, int number, JsonObject elements, int lockVersion) {
        StaffPrincipal editor = Staff.requireAny(caller, Role.STANDARDS_EDITOR);
        if (elements == null) {
            throw new DomainException("catalog.draft.elements.required");
        }
        requireNotPublishing(itemCode);
        StandardItemVersion row = draft(itemCode, number, true);
        requireUnchanged(row, lockVersion);
        ItemVersion before = row.toDomain();
        ItemVersion after = new ItemVersion(itemCode, number, VersionState.DRAFT, elements);
        rules(editor).require(elements);
        row.edit(after);
        repository.flush();
        audit.record(
                editor.tenantCode().value(),
                "catalog.draft.edited",
                "item_version",
                itemCode + "/" + number,
                versionState(before),
                versionState(after));
        return new Draft(after, row.version());
    }

    /**
     * Discards an open draft (放弃草稿): the version in force stays, and the next draft takes the same number.
     *
     * @throws DomainException 409 when the draft changed since {@code lockVersion}, 404 when there is no such draft
     */
    public void discardDraft(String itemCode, int number, int lockVersion) {
        StaffPrincipal editor = Staff.requireAny(caller, Role.STANDARDS_EDITOR);
        requireNotPublishing(itemCode);
        StandardItemVersion row = draft(itemCode, number, true);
        requireUnchanged(row, lockVersion);
        ItemVersion discarded = row.toDomain();
        repository.remove(row);
        audit.record(
                editor.tenantCode().value(),
                "catalog.draft.discarded",
                "item_version",
                itemCode + "/" + number,
                versionState(discarded),
                null);
    }

    /**
     * Refuses to publish a draft that does not meet the rules of an item (one saved before a rule was added): it is
     * checked as a save would check it.
     *
     * @throws ItemRefused listing every rule the draft breaks
     * @throws DomainException 404 when there is no such draft
     */
    public void requireValidDraft(String itemCode, int number) {
        StaffPrincipal editor = Staff.requireAny(caller, Role.STANDARDS_EDITOR);
        rules(editor).require(draft(itemCode, number, false).toDomain().elements());
    }

    /** What publishing the draft would do; nothing is changed. */
    public ImpactReport impact(String itemCode, int number) {
        Staff.requireAny(caller, Role.STANDARDS_EDITOR);
        ItemVersion draft = draft(itemCode, number, false).toDomain();
        Optional<StandardItemVersion> current = repository.published(itemCode);
        if (current.isEmpty()) {
            return firstVersion(draft, false);
        }
        ItemVersion from = current.get().toDomain();
        ItemVersion to = draft.publish();
        List<ImpactReport> counties = new ArrayList<>();
        for (String county : repository.countiesOverriding(from.code(), from.number())) {
            counties.add(scopes.run(inCounty(county), () -> countyRebase.preview(from, to)));
        }
        return ImpactReport.merge(new ImpactReport(ImpactPreview.of(from, to, Map.of()), Map.of(), false), counties);
    }

    /** The two versions of a publication: the one in force when it started (none for an item's first) and the next. */
    public record Update(Optional<ItemVersion> from, ItemVersion to) {}

    /**
     * Starts a queued publication (ADR 0012): waits for whoever is changing an override of the item right now (while
     * the publication runs such changes are refused), then names the counties whose overrides it re-bases.
     *
     * @return the counties, by code
     * @throws DomainException 404 when the draft is gone
     * @throws Publications.LeaseLost when {@code worker} no longer runs the publication
     */
    public List<String> startPublication(UUID publication, String worker, String itemCode, int number, int lanes) {
        Staff.requireAny(caller, Role.STANDARDS_EDITOR);
        draft(itemCode, number, false);
        repository.awaitOverrideWriters(itemCode);
        Optional<StandardItemVersion> current = repository.published(itemCode);
        int from = current.map(StandardItemVersion::number).orElse(0);
        List<String> counties = from == 0 ? List.of() : repository.countiesOverriding(itemCode, from);
        publications.started(publication, worker, from, counties.size(), lanes);
        return counties;
    }

    /** The counties holding overrides of the item on that version, by code. */
    public List<String> countiesOverriding(String itemCode, int version) {
        Staff.requireAny(caller, Role.STANDARDS_EDITOR);
        return repository.countiesOverriding(itemCode, version);
    }

    /** The versions a publication moves between: the draft while it runs, the version in force once it settles. */
    public Update update(String itemCode, int number, OptionalInt fromVersion) {
        Staff.requireAny(caller, Role.STANDARDS_EDITOR);
        ItemVersion to = repository
                .version(itemCode, number, false)
                .map(StandardItemVersion::toDomain)
                .map(version -> version.state() == VersionState.DRAFT ? version.publish() : version)
                .orElseThrow(() -> DomainException.notFound("catalog.draft.not.found", itemCode, number));
        Optional<ItemVersion> from = fromVersion.isEmpty()
                ? Optional.empty()
                : repository.version(itemCode, fromVersion.getAsInt(), false).map(StandardItemVersion::toDomain);
        return new Update(from, to);
    }

    /**
     * Puts the published draft in force for every tenant at once, once each county's overrides are staged on it: the
     * version in force retires, the draft is published, and since readers take the overrides and conflicts based on
     * the version in force, every staged row comes into force with it. Two rows change, whatever the number of
     * tenants.
     *
     * @throws DomainException 409 when someone else published the item meanwhile
     * @throws Publications.LeaseLost when {@code worker} no longer runs the publication, or a county is not staged
     */
    public void putInForce(UUID publication, String worker, String itemCode, int number) {
        StaffPrincipal editor = Staff.requireAny(caller, Role.STANDARDS_EDITOR);
        StandardItemVersion draftRow = draft(itemCode, number, true);
        ItemVersion to = draftRow.toDomain().publish();
        Optional<StandardItemVersion> currentRow = repository.publishedForUpdate(itemCode);
        Publication run = publications.inForce(publication, worker);
        int fromVersion = run.fromVersion().orElse(0);
        if (currentRow.map(StandardItemVersion::number).orElse(0) != fromVersion) {
            throw DomainException.conflict("catalog.version.concurrent", itemCode);
        }
        try {
            if (currentRow.isPresent()) {
                currentRow.get().moveTo(currentRow.get().toDomain().retire(), clock.instant());
                // The old version leaves force before the new one enters it: one version in force per item.
                repository.flush();
            }
            draftRow.moveTo(to, clock.instant());
            repository.flush();
        } catch (PersistenceException e) {
            if (concurrent(e)) {
                throw DomainException.conflict("catalog.version.concurrent", itemCode);
            }
            throw e;
        }
        audit.record(
                editor.tenantCode().value(),
                "catalog.version.published",
                "item_version",
                itemCode + "/" + number,
                null,
                Json.createObjectBuilder(versionState(to))
                        .add("requestedBy", run.startedBy())
                        .add("fromVersion", fromVersion)
                        .add("overriding", run.overriding())
                        .add("changed", run.changed())
                        .add("conflicted", run.conflicted())
                        .build());
    }

    /**
     * Loads items as published first versions, as a standards import does (the demo catalog); an item that has a
     * version already is left alone.
     *
     * @return how many items were imported
     */
    public int importPublished(JsonArray items) {
        StaffPrincipal editor = Staff.requireAny(caller, Role.STANDARDS_EDITOR);
        int imported = 0;
        for (JsonValue value : items) {
            ItemVersion item = ItemVersion.published(1, value.asJsonObject());
            if (repository.lastNumber(item.code()) > 0) {
                continue;
            }
            repository.add(new StandardItemVersion(item, clock.instant()));
            audit.record(
                    editor.tenantCode().value(),
                    "catalog.item.imported",
                    "item_version",
                    item.code() + "/1",
                    null,
                    versionState(item));
            imported++;
        }
        return imported;
    }

    /** Whether any standard item has been loaded yet. */
    public boolean anyItem() {
        return repository.anyVersion();
    }

    // --- reading, for the standards page of the console ------------------------------------------------------

    /**
     * The versions in force that the words find (all when blank), by item code; matched as the public catalog
     * matches them ({@link CatalogFilter}).
     */
    public List<ItemVersion> publishedItems(String text) {
        Staff.requireAny(caller, Role.STANDARDS_EDITOR);
        CatalogFilter filter = new CatalogFilter(text, "", "", "");
        return repository.publishedAll().stream()
                .map(StandardItemVersion::toDomain)
                .filter(item -> filter.matches(item.elements()))
                .toList();
    }

    /** The version of the item in force. */
    public ItemVersion publishedItem(String itemCode) {
        Staff.requireAny(caller, Role.STANDARDS_EDITOR);
        return repository
                .published(itemCode)
                .map(StandardItemVersion::toDomain)
                .orElseThrow(() -> DomainException.notFound("catalog.item.not.found", itemCode));
    }

    /** The item's open draft, if it has one. */
    public Optional<ItemVersion> openDraft(String itemCode) {
        Staff.requireAny(caller, Role.STANDARDS_EDITOR);
        return repository.draft(itemCode).map(StandardItemVersion::toDomain);
    }

    /** The number of every open draft, by item code. */
    public Map<String, Integer> openDrafts() {
        Staff.requireAny(caller, Role.STANDARDS_EDITOR);
        Map<String, Integer> drafts = new HashMap<>();
        em.createQuery("select v from StandardItemVersion v where v.state = :state", StandardItemVersion.class)
                .setParameter("state", VersionState.DRAFT)
                .getResultList()
                .forEach(row -> drafts.put(row.itemCode(), row.number()));
        return drafts;
    }

    /**
     * How the tenants of the caller's scope that adapt items stand after the standards updates (采纳情况): how many
     * items each overrides and how many conflicts wait for its administrator. By tenant code.
     */
    public List<Adoption> adoption() {
        StaffPrincipal reader = Staff.requireAny(caller, Role.STANDARDS_EDITOR, Role.COUNTY_ADMIN);
        String scope = reader.scope() + "%";
        Map<String, long[]> counts = new TreeMap<>();
        em.createQuery(
                        "select o.tenantCode, count(o) from LocalOverride o, StandardItemVersion v"
                                + " where o.tenantCode like :scope and v.itemCode = o.itemCode"
                                + " and v.number = o.baseVersion and v.state = :state group by o.tenantCode",
                        Object[].class)
                .setParameter("scope", scope)
                .setParameter("state", VersionState.PUBLISHED)
                .getResultList()
                .forEach(row -> counts.computeIfAbsent((String) row[0], t -> new long[3])[0] = (Long) row[1]);
        em.createQuery(
                        "select c.tenantCode, count(distinct c.itemCode), count(c) from PendingConflict c,"
                                + " StandardItemVersion v where c.tenantCode like :scope and v.itemCode = c.itemCode"
                                + " and v.number = c.baseVersion and v.state = :state group by c.tenantCode",
                        Object[].class)
                .setParameter("scope", scope)
                .setParameter("state", VersionState.PUBLISHED)
                .getResultList()
                .forEach(row -> {
                    long[] tenant = counts.computeIfAbsent((String) row[0], t -> new long[3]);
                    tenant[1] = (Long) row[1];
                    tenant[2] = (Long) row[2];
                });
        return counts.entrySet().stream()
                .map(e -> {
                    Tenant found = em.find(Tenant.class, e.getKey());
                    long[] n = e.getValue();
                    return new Adoption(
                            new DivisionCode(e.getKey()),
                            found == null ? "" : found.name(),
                            (int) n[0],
                            (int) n[1],
                            (int) n[2]);
                })
                .toList();
    }

    /**
     * A tenant's adoption of the standard: the items it overrides and the conflicts still pending.
     *
     * @param itemsInConflict how many of its items have a pending conflict
     * @param conflicts how many elements are in conflict, over all its items
     */
    public record Adoption(DivisionCode tenant, String name, int overrides, int itemsInConflict, int conflicts) {

        /** Whether every override is settled on the versions in force. */
        public boolean upToDate() {
            return conflicts == 0;
        }
    }

    /** The name the audit trail gives a publication's work: {@code system:publication}. */
    static final String PUBLICATION_JOB = "publication";

    /**
     * A publication's share in one county of the deployment: a standard version is published for every county, but
     * a scope is one subtree, so each county's share runs in that county's scope, as the publication job with the
     * standards editor's role and nothing else.
     */
    static Scope inCounty(String county) {
        return Scope.system(PUBLICATION_JOB, DivisionCode.of(county), TenantLevel.COUNTY, Role.STANDARDS_EDITOR);
    }

    /**
     * A publication's own work, at the home tenant of the editor who asked for it (so its audit entries go to that
     * tenant's trail, as the editor's own acts do), as the publication job with the standards editor's role.
     */
    static Scope publicationAt(Publications.Home home) {
        return Scope.system(PUBLICATION_JOB, DivisionCode.of(home.tenantCode()), home.level(), Role.STANDARDS_EDITOR);
    }

    private ImpactReport firstVersion(ItemVersion version, boolean published) {
        ImpactPreview nothing = new ImpactPreview(
                version.code(), 0, version.number(), true, new TreeSet<>(), new TreeSet<>(), new TreeMap<>());
        return new ImpactReport(nothing, Map.of(), published);
    }

    /**
     * A draft being published does not change under the publication (which takes the text it finds). Asked before
     * locking the row, which the running publication holds.
     */
    private void requireNotPublishing(String itemCode) {
        if (publications.open(itemCode)) {
            throw DomainException.conflict("catalog.publication.running", itemCode);
        }
    }

    /** The draft as the editor read it. */
    private static void requireUnchanged(StandardItemVersion row, int lockVersion) {
        if (row.version() != lockVersion) {
            throw DomainException.conflict("catalog.draft.stale", row.itemCode(), row.number());
        }
    }

    /** An item's process names a standard template in force, or it could never be handled. */
    /**
     * The catalog's one check of an item ({@link ItemRules}), with the editor's county's departments and the process
     * templates in force: the same rules an import of the item meets.
     */
    private ItemRules rules(StaffPrincipal editor) {
        String county = editor.tenantCode().county().value();
        Set<String> departments =
                servicePoints.departments(county).stream().map(Department::code).collect(Collectors.toSet());
        return new ItemRules(departments, county, templates.standardKeys());
    }

    /** Someone else changed the same rows: a stale lock version, or a second version in force (unique index). */
    private static boolean concurrent(PersistenceException e) {
        return e instanceof OptimisticLockException || Causes.uniqueViolation(e);
    }

    private StandardItemVersion draft(String itemCode, int number, boolean lock) {
        return repository
                .version(itemCode, number, lock)
                .filter(row -> row.state() == VersionState.DRAFT)
                .orElseThrow(() -> DomainException.notFound("catalog.draft.not.found", itemCode, number));
    }

    private static JsonObject versionState(ItemVersion version) {
        return Json.createObjectBuilder()
                .add("item", version.code())
                .add("version", version.number())
                .add("state", version.state().name())
                .add("name", version.elements().getString("name", ""))
                .build();
    }
}
