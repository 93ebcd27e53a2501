package org.onewindow.casework.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.onewindow.casework.domain.ScannedFile;

/**
 * The scanned materials of cases (table {@code case_material_file}), under the caller's scope like the cases
 * themselves: row-level security shows a case's files to whoever sees the case. Append-only; plain SQL, so that a
 * list never loads the bytes and one file is read only when it is shown.
 */
@ApplicationScoped
public class MaterialFileRepository {

    @PersistenceContext
    EntityManager em;

    /** A stored scan without its bytes, as lists show it. */
    public record StoredFile(
            UUID id,
            String materialCode,
            String fileName,
            String contentType,
            int sizeBytes,
            String sha256,
            Instant uploadedAt,
            String uploadedBy,
            String uploadedPlace) {}

    /** A stored scan's bytes and the type they were checked to be. */
    public record Content(String contentType, String fileName, byte[] bytes) {}

    private static final String COLUMNS =
            "id, material_code, file_name, content_type, size_bytes, sha256, uploaded_at, uploaded_by, uploaded_place";

    /** Stores a scan of a material of the case; returns it as lists show it. */
    public StoredFile add(CaseFile row, String materialCode, ScannedFile file, String by, Instant at, String place) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("insert into case_material_file (county_code, id, case_id, tenant_code, material_code,"
                        + " file_name, content_type, size_bytes, sha256, content, uploaded_by, uploaded_at,"
                        + " uploaded_place) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)")
                .setParameter(1, row.tenantCode().county().value())
                .setParameter(2, id)
                .setParameter(3, row.id())
                .setParameter(4, row.tenantCode().value())
                .setParameter(5, materialCode)
                .setParameter(6, file.fileName())
                .setParameter(7, file.type().mediaType())
                .setParameter(8, file.sizeBytes())
                .setParameter(9, file.sha256())
                .setParameter(10, file.content())
                .setParameter(11, by)
                .setParameter(12, Timestamp.from(at))
                .setParameter(13, place)
                .executeUpdate();
        return new StoredFile(
                id,
                materialCode,
                file.fileName(),
                file.type().mediaType(),
                file.sizeBytes(),
                file.sha256(),
                at,
                by,
                place);
    }

    /**
     * The scans of a case, oldest first; of one material, or of all with {@code materialCode} null.
     */
    public List<StoredFile> list(CaseFile row, String materialCode) {
        var query = em.createNativeQuery("select " + COLUMNS
                        + " from case_material_file where county_code = ?1 and case_id = ?2"
                        + (materialCode == null ? "" : " and material_code = ?3") + " order by uploaded_at, id")
                .setParameter(1, row.tenantCode().county().value())
                .setParameter(2, row.id());
        if (materialCode != null) {
            query.setParameter(3, materialCode);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(MaterialFileRepository::stored).toList();
    }

    /** The bytes of one scan of a material of the case. */
    public Optional<Content> content(CaseFile row, String materialCode, UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select content_type, file_name, content from case_material_file"
                        + " where county_code = ?1 and case_id = ?2 and material_code = ?3 and id = ?4")
                .setParameter(1, row.tenantCode().county().value())
                .setParameter(2, row.id())
                .setParameter(3, materialCode)
                .setParameter(4, id)
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(cells -> new Content((String) cells[0], (String) cells[1], (byte[]) cells[2]));
    }

    private static StoredFile stored(Object[] cells) {
        return new StoredFile(
                (UUID) cells[0],
                (String) cells[1],
                (String) cells[2],
                (String) cells[3],
                ((Number) cells[4]).intValue(),
                ((String) cells[5]),
                cells[6] instanceof Timestamp t ? t.toInstant() : (Instant) cells[6],
                (String) cells[7],
                (String) cells[8]);
    }
}
