package org.onewindow.catalog.transfer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.onewindow.catalog.application.StandardsService;
import org.onewindow.catalog.domain.ItemRules;
import org.onewindow.catalog.domain.ItemVersion;
import org.onewindow.catalog.domain.StandardItemVersion;
import org.onewindow.catalog.infrastructure.CatalogRepository;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.imports.ImportTooLargeException;
import org.onewindow.kernel.json.Json;
import org.onewindow.kernel.scope.Caller;
import org.onewindow.kernel.scope.TenantScoped;
import org.onewindow.kernel.security.domain.Role;
import org.onewindow.kernel.security.domain.StaffPrincipal;
import org.onewindow.kernel.tenant.application.ServicePointService;
import org.onewindow.kernel.tenant.domain.Department;
import org.onewindow.process.application.ProcessTemplateService;

/**
 * Moving the whole standard catalog in and out (目录导入导出), for the standards team only: the items in force as
 * JSON or as a workbook, and an import of either that is checked row by row before anything is stored and then
 * stored in one transaction, so a file with any bad row changes nothing.
 *
 * <p>What an import does with each item: a code the catalog does not know becomes version 1, published at once
 * (as the shipped catalog is loaded); a known code whose elements differ from the version in force gets its next
 * version as a draft, which the standards team previews and publishes as usual (publishing re-bases the
 * overrides); an item equal to its version in force is left alone, so an export imports back as no change. A
 * changed item that already has a draft is refused: the open draft is the team's work and is not overwritten.
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class CatalogTransferService {

    /** The most items one import takes: the national standard catalog has about 1,000. */
    public static final int MAX_ITEMS = 5_000;

    @Inject
    Clock clock;

    @Inject
    CatalogRepository repository;

    @Inject
    StandardsService standards;

    @Inject
    ServicePointService servicePoints;

    @Inject
    ProcessTemplateService templates;

    @Inject
    Caller caller;

    /** The standards editor calling; 401 when nobody is logged in, 403 for anyone else. */
    public StaffPrincipal requireEditor() {
        if (caller.current().isEmpty()) {
            throw new DomainException(DomainException.Kind.UNAUTHORIZED, "token.missing");
        }
        return caller.requireAny(Role.STANDARDS_EDITOR);
    }

    /** The items in force, by code. */
    public List<ItemVersion> inForce() {
        requireEditor();
        return repository.publishedAll().stream()
                .map(StandardItemVersion::toDomain)
                .toList();
    }

    public JsonObject exportJson() {
        return CatalogJson.write(inForce(), clock.instant());
    }

    public byte[] exportWorkbook() {
        return CatalogWorkbook.write(
                inForce().stream().map(ItemVersion::elements).toList());
    }

    /** Imports a JSON document ({@code {"items": [...]}}). */
    public List<ImportOutcome> importJson(byte[] document) {
        requireEditor();
        return importItems(CatalogJson.read(document));
    }

    /** Imports a workbook (.xlsx) in the layout of {@link #exportWorkbook()}. */
    public List<ImportOutcome> importWorkbook(byte[] xlsx) {
        requireEditor();
        return importItems(CatalogWorkbook.read(xlsx));
    }

    /**
     * @throws CatalogImportRejected with every bad row, when any row is bad; nothing is stored then
     */
    private List<ImportOutcome> importItems(ParsedCatalog parsed) {
        StaffPrincipal editor = requireEditor();
        if (parsed.items().size() > MAX_ITEMS) {
            // Checked before any rule runs: 60,000 items once took the whole heap in checking and reporting.
            throw new ImportTooLargeException("catalog.import.items.too.many", MAX_ITEMS);
        }
        if (!parsed.errors().isEmpty() && parsed.items().isEmpty()) {
            throw new CatalogImportRejected(parsed.errors());
        }
        String county = editor.tenantCode().county().value();
        Set<String> departments =
                servicePoints.departments(county).stream().map(Department::code).collect(Collectors.toSet());
        List<RowError> errors = new ArrayList<>(parsed.errors());
        errors.addAll(ImportCheck.check(parsed.items(), new ItemRules(departments, county, templates.standardKeys())));
        if (!errors.isEmpty()) {
            throw new CatalogImportRejected(errors);
        }
        // Every row is well-formed: decide each item against the catalog before anything is written.
        List<ImportOutcome> outcomes = new ArrayList<>();
        List<JsonObject> created = new ArrayList<>();
        List<JsonObject> drafted = new ArrayList<>();
        for (ImportedItem item : parsed.items()) {
            String code = item.code();
            Optional<StandardItemVersion> current = repository.published(code);
            if (current.isEmpty() && repository.lastNumber(code) == 0) {
                created.add(item.elements());
                outcomes.add(new ImportOutcome(code, 1, ImportOutcome.Result.CREATED));
                continue;
            }
            JsonObject inForce = current.map(row -> row.toDomain().elements()).orElse(JsonObject.EMPTY_JSON_OBJECT);
            JsonObject next = item.over(inForce);
            if (next.equals(inForce)) {
                outcomes.add(new ImportOutcome(code, current.get().number(), ImportOutcome.Result.UNCHANGED));
                continue;
            }
            Optional<StandardItemVersion> draft = repository.draft(code);
            if (draft.isPresent()) {
                errors.add(item.where()
                        .error(
                                "code",
                                "catalog.import.draft.exists",
                                code,
                                draft.get().number()));
                continue;
            }
            drafted.add(next);
            outcomes.add(new ImportOutcome(code, repository.lastNumber(code) + 1, ImportOutcome.Result.DRAFTED));
        }
        if (!errors.isEmpty()) {
            throw new CatalogImportRejected(errors);
        }
        try {
            JsonArrayBuilder firstVersions = Json.createArrayBuilder();
            created.forEach(firstVersions::add);
            standards.importPublished(firstVersions.build());
            drafted.forEach(elements -> standards.createDraft(elements.getString("code"), elements));
            repository.flush();
        } catch (PersistenceException e) {
            // Another import or editor wrote one of these items at the same moment; this one is rolled back whole.
            throw DomainException.conflict("catalog.import.concurrent");
        }
        return outcomes;
    }
}
