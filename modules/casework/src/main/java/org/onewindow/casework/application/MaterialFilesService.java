package org.onewindow.casework.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.onewindow.casework.domain.Case;
import org.onewindow.casework.domain.CaseAction;
import org.onewindow.casework.domain.RequiredMaterial;
import org.onewindow.casework.domain.ScannedFile;
import org.onewindow.casework.infrastructure.CaseFile;
import org.onewindow.casework.infrastructure.CaseRepository;
import org.onewindow.casework.infrastructure.MaterialFileRepository;
import org.onewindow.casework.infrastructure.MaterialFileRepository.StoredFile;
import org.onewindow.kernel.audit.application.AuditService;
import org.onewindow.kernel.calendar.application.CalendarService;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.imports.Uploads;
import org.onewindow.kernel.json.Json;
import org.onewindow.kernel.personaldata.application.PersonalDataProtector;
import org.onewindow.kernel.scope.Caller;
import org.onewindow.kernel.scope.TenantScoped;
import org.onewindow.kernel.security.domain.Role;
import org.onewindow.kernel.security.domain.StaffPrincipal;

/**
 * Scanned materials (扫描件) of a case: uploaded at the window or in review, PDF, JPEG or PNG by their content, at
 * most {@code onewindow.casework.upload.max-bytes} each (default 10 MiB), kept in the database with their SHA-256
 * so that every node of a cluster serves them. An upload marks the material as scanned, and goes on the timeline and
 * into the audit chain in the same transaction; a refused upload stores nothing and changes nothing.
 *
 * <p>Who: whoever sees the case (row-level security, as {@link CaseQueryService}) reads its scans; of those, window
 * staff (clerks, window leads) and reviewers upload. A case outside the caller's scope is not found, exactly like an
 * unknown one.
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class MaterialFilesService {

    /** The default limit of one scan: 10 MiB, a multi-page A4 scan at 300 dpi in greyscale. */
    public static final long DEFAULT_MAX_BYTES = 10L << 20;

    @Inject
    Caller caller;

    @Inject
    CaseRepository cases;

    @Inject
    MaterialFileRepository files;

    @Inject
    AuditService audit;

    @Inject
    CalendarService calendars;

    @Inject
    PersonalDataProtector protector;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "onewindow.casework.upload.max-bytes", defaultValue = "" + DEFAULT_MAX_BYTES)
    long maxBytes;

    /** The limit for people: {@code 10 MiB}, {@code 512 KiB}. */
    public String maxSize() {
        return maxBytes % (1 << 20) == 0 ? (maxBytes >> 20) + " MiB" : Math.max(1, maxBytes >> 10) + " KiB";
    }

    /** Whether the caller is staff who may upload scans (window staff or a reviewer); reading is for all in scope. */
    public boolean mayUpload() {
        StaffPrincipal me = caller.require();
        return me.has(Role.CLERK) || me.has(Role.WINDOW_LEAD) || me.has(Role.REVIEWER);
    }

    /**
     * Uploads a scan of one material of a case and marks the material {@code SCANNED_UPLOAD}. Checked in this order,
     * each refusal storing nothing: the caller, the case, the material, the case still open, then the file.
     *
     * @param reference the case number, or the case id while it has none
     * @param materialCode a material of the item version the case pinned
     * @param declaredType the {@code Content-Type} sent (see {@link ScannedFile#of})
     * @param fileName the name the uploader's computer gave the file; may be null
     * @param body the bytes; read up to the limit and no further
     * @param declaredLength the {@code Content-Length} sent, or null: a larger one is refused unread
     * @throws DomainException 403 for a caller who is neither window staff nor a reviewer; 404
     *     {@code casework.case.not.found} (also outside the scope), {@code casework.material.not.found}; 409
     *     {@code casework.case.transition} for a case decided or closed (准予/不予许可, 待领取, 已寄出, 办结, 不予受理, 撤回); 400 {@code casework.upload.*} as
     *     {@link ScannedFile#of}
     * @throws CaseworkRefusal 413 {@code casework.upload.too.large}, naming the limit
     */
    public StoredFile upload(
            String reference,
            String materialCode,
            String declaredType,
            String fileName,
            InputStream body,
            String declaredLength) {
        StaffPrincipal me = caller.requireAny(Role.CLERK, Role.WINDOW_LEAD, Role.REVIEWER);
        CaseFile row = cases.lock(CaseLookup.find(cases, reference).id()).orElseThrow();
        Case c = CaseLookup.restore(cases, row);
        RequiredMaterial material = c.material(materialCode);
        CaseAction.ATTACH_SCAN.from(c.state());
        byte[] bytes = Uploads.readAtMost(
                body,
                declaredLength,
                maxBytes,
                () -> new CaseworkRefusal(CaseworkRefusal.TOO_LARGE, 0, "casework.upload.too.large", maxSize()));
        ScannedFile file = ScannedFile.of(fileName, declaredType, bytes);

        int storedSteps = c.steps().size();
        c.attachScan(material.code(), file, me.username(), clock);
        String place = ReviewService.place(me);
        CaseLookup.save(cases, c, row, storedSteps, place, clock, calendars.of(row.tenantCode()), protector);
        StoredFile stored = files.add(row, material.code(), file, me.username(), clock.instant(), place);
        audit.record(
                row.tenantCode().value(),
                "casework.material.scan.attached",
                "case_file",
                row.id().toString(),
                null,
                Json.createObjectBuilder()
                        .add("file", stored.id().toString())
                        .add("material", material.code())
                        .add("contentType", stored.contentType())
                        .add("sizeBytes", stored.sizeBytes())
                        .add("sha256", stored.sha256())
                        .add("place", place)
                        .build());
        return stored;
    }

    /**
     * The scans of one material of a case, oldest first, without their bytes.
     *
     * @throws DomainException 404 {@code casework.case.not.found} (also outside the scope),
     *     {@code casework.material.not.found}
     */
    public List<StoredFile> files(String reference, String materialCode) {
        caller.require();
        CaseFile row = CaseLookup.find(cases, reference);
        RequiredMaterial material = CaseLookup.restore(cases, row).material(materialCode);
        return files.list(row, material.code());
    }

    /**
     * Every scan of a case, oldest first, without their bytes (the case page groups them by material).
     *
     * @throws DomainException 404 {@code casework.case.not.found} (also outside the scope)
     */
    public List<StoredFile> filesOfCase(String reference) {
        caller.require();
        return files.list(CaseLookup.find(cases, reference), null);
    }

    /**
     * One scan's bytes and the type they were checked to be when uploaded.
     *
     * @throws DomainException 404 {@code casework.case.not.found} (also outside the scope),
     *     {@code casework.material.not.found}, {@code casework.upload.not.found} (also for an id of another
     *     material or case)
     */
    public MaterialFileRepository.Content content(String reference, String materialCode, String fileId) {
        caller.require();
        CaseFile row = CaseLookup.find(cases, reference);
        RequiredMaterial material = CaseLookup.restore(cases, row).material(materialCode);
        UUID id;
        try {
            id = UUID.fromString(fileId == null ? "" : fileId.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException notAnId) {
            throw DomainException.notFound("casework.upload.not.found");
        }
        return files.content(row, material.code(), id)
                .orElseThrow(() -> DomainException.notFound("casework.upload.not.found"));
    }
}
