package org.onewindow.casework.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.onewindow.casework.domain.DocumentSeries;

/**
 * What issuance and the notifications keep besides the case row, always under the caller's scope (row-level
 * security): the decision letter's number, the licence, the applicant's mobile, the in-app messages and the SMS
 * outbox. Plain SQL; the tables are small and written once (the outbox rows change state).
 */
@ApplicationScoped
public class IssuanceRepository {

    @PersistenceContext
    EntityManager em;

    /** The number a decision letter was issued under. */
    public record LetterRow(String documentNumber, boolean approved, LocalDate issuedOn, String issuedBy) {}

    /** A licence as kept for the e-licence library. */
    public record LicenceRow(
            UUID id,
            String licenceNumber,
            String licenceType,
            String itemCode,
            String itemName,
            String holderName,
            String holderKind,
            String holderIdMasked,
            String holderUscc,
            LocalDate validFrom,
            LocalDate validTo,
            LocalDate issuedOn,
            String issuedBy) {}

    /** A text message waiting in the outbox, with its recipient still sealed. */
    public record OutboxRow(
            String countyCode,
            UUID id,
            String recipientSealed,
            String recipientMasked,
            String templateKey,
            String parameters,
            int attempts) {}

    /** A text message of a case as staff see it: the recipient masked. */
    public record TextRow(String recipientMasked, String templateKey, String state, int attempts) {}

    /** An in-app message of the applicant's record. */
    public record MessageRow(String kind, String body, Instant createdAt) {}

    /**
     * Locks the case row until the transaction ends and reads it again: two clerks issuing, delivering or recording
     * the pickup of one case at once are served one after the other, the second seeing what the first did.
     */
    public void lock(CaseFile row) {
        em.refresh(row, LockModeType.PESSIMISTIC_WRITE);
    }

    // --- document numbers -------------------------------------------------------------------------------

    /** The caller's county's next number in the series and year: consecutive, never twice (the upsert's row lock). */
    public long nextDocumentNumber(DocumentSeries series, int year) {
        Object value = em.createNativeQuery("select ow_next_document_number(?1, ?2)")
                .setParameter(1, series.name())
                .setParameter(2, year)
                .getSingleResult();
        if (value == null) {
            throw new IllegalStateException("no county scope to draw a document number in");
        }
        return ((Number) value).longValue();
    }

    // --- decision letters and licences ------------------------------------------------------------------

    public Optional<LetterRow> letter(CaseFile row) {
        return rows(
                        "select document_number, approved, issued_on, issued_by from case_decision_letter"
                                + " where county_code = ?1 and case_id = ?2",
                        row)
                .stream()
                .findFirst()
                .map(cells -> new LetterRow((String) cells[0], (Boolean) cells[1], date(cells[2]), (String) cells[3]));
    }

    public void insertLetter(CaseFile row, LetterRow letter) {
        em.createNativeQuery("insert into case_decision_letter (county_code, case_id, tenant_code, document_number,"
                        + " approved, issued_on, issued_by) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, county(row))
                .setParameter(2, row.id())
                .setParameter(3, row.tenantCode().value())
                .setParameter(4, letter.documentNumber())
                .setParameter(5, letter.approved())
                .setParameter(6, Date.valueOf(letter.issuedOn()))
                .setParameter(7, letter.issuedBy())
                .executeUpdate();
    }

    public Optional<LicenceRow> licence(CaseFile row) {
        return rows(
                        "select id, licence_number, licence_type, item_code, item_name, holder_name, holder_kind,"
                                + " holder_id_masked, holder_uscc, valid_from, valid_to, issued_on, issued_by"
                                + " from licence where county_code = ?1 and case_id = ?2",
                        row)
                .stream()
                .findFirst()
                .map(cells -> new LicenceRow(
                        (UUID) cells[0],
                        (String) cells[1],
                        (String) cells[2],
                        (String) cells[3],
                        (String) cells[4],
                        (String) cells[5],
                        (String) cells[6],
                        (String) cells[7],
                        (String) cells[8],
                        date(cells[9]),
                        date(cells[10]),
                        date(cells[11]),
                        (String) cells[12]));
    }

    public void insertLicence(CaseFile row, LicenceRow licence) {
        em.createNativeQuery("insert into licence (county_code, id, tenant_code, case_id, licence_number,"
                        + " licence_type, item_code, item_name, holder_name, holder_kind, holder_id_masked, holder_uscc,"
                        + " valid_from, valid_to, issued_on, issued_by) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
                        + " ?10, ?11, ?12, ?13, cast(?14 as date), ?15, ?16)")
                .setParameter(1, county(row))
                .setParameter(2, licence.id())
                .setParameter(3, row.tenantCode().value())
                .setParameter(4, row.id())
                .setParameter(5, licence.licenceNumber())
                .setParameter(6, licence.licenceType())
                .setParameter(7, licence.itemCode())
                .setParameter(8, licence.itemName())
                .setParameter(9, licence.holderName())
                .setParameter(10, licence.holderKind())
                .setParameter(11, licence.holderIdMasked())
                .setParameter(12, licence.holderUscc())
                .setParameter(13, Date.valueOf(licence.validFrom()))
                .setParameter(14, licence.validTo() == null ? null : Date.valueOf(licence.validTo()))
                .setParameter(15, Date.valueOf(licence.issuedOn()))
                .setParameter(16, licence.issuedBy())
                .executeUpdate();
    }

    // --- service points ---------------------------------------------------------------------------------

    /** A service point of the caller's county by id: its tenant and name; empty when there is none in the county. */
    /** The staffed service points of the caller's county, id to name, by division and name (a door past the village's scope). */
    public Map<UUID, String> servicePointsInCounty() {
        @SuppressWarnings("unchecked")
        List<Object[]> found = em.createNativeQuery("select id, name from ow_service_points_in_county()")
                .getResultList();
        Map<UUID, String> points = new LinkedHashMap<>();
        found.forEach(cells -> points.put((UUID) cells[0], (String) cells[1]));
        return points;
    }

    public Optional<String[]> servicePointInCounty(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> found = em.createNativeQuery("select tenant_code, name from ow_service_point_in_county(?1)")
                .setParameter(1, id)
                .getResultList();
        return found.stream().findFirst().map(cells -> new String[] {(String) cells[0], (String) cells[1]});
    }

    // --- the applicant's contact and messages ------------------------------------------------------------

    public void saveContact(CaseFile row, String phoneSealed, String phoneMasked, Instant at) {
        em.createNativeQuery("insert into case_contact (county_code, case_id, tenant_code, phone_sealed, phone_masked,"
                        + " updated_at) values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (county_code, case_id) do update"
                        + " set phone_sealed = excluded.phone_sealed, phone_masked = excluded.phone_masked,"
                        + " updated_at = excluded.updated_at")
                .setParameter(1, county(row))
                .setParameter(2, row.id())
                .setParameter(3, row.tenantCode().value())
                .setParameter(4, phoneSealed)
                .setParameter(5, phoneMasked)
                .setParameter(6, Timestamp.from(at))
                .executeUpdate();
    }

    /** The sealed and the masked mobile of the case's applicant, if one was given. */
    public Optional<String[]> contact(CaseFile row) {
        return rows("select phone_sealed, phone_masked from case_contact where county_code = ?1 and case_id = ?2", row)
                .stream()
                .findFirst()
                .map(cells -> new String[] {(String) cells[0], (String) cells[1]});
    }

    public void insertMessage(CaseFile row, String applicantKey, String kind, String body, Instant at) {
        em.createNativeQuery("insert into applicant_message (county_code, id, tenant_code, case_id, applicant_key,"
                        + " kind, body, created_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, county(row))
                .setParameter(2, UUID.randomUUID())
                .setParameter(3, row.tenantCode().value())
                .setParameter(4, row.id())
                .setParameter(5, applicantKey)
                .setParameter(6, kind)
                .setParameter(7, body)
                .setParameter(8, Timestamp.from(at))
                .executeUpdate();
    }

    /** The in-app messages about a case, oldest first. */
    public List<MessageRow> messages(CaseFile row) {
        return rows(
                        "select kind, body, created_at from applicant_message where county_code = ?1 and case_id = ?2"
                                + " order by created_at, id",
                        row)
                .stream()
                .map(cells -> new MessageRow((String) cells[0], (String) cells[1], instant(cells[2])))
                .toList();
    }

    // --- the outbox -------------------------------------------------------------------------------------

    public void enqueue(
            CaseFile row,
            String recipientSealed,
            String recipientMasked,
            String templateKey,
            String parameters,
            Instant at) {
        em.createNativeQuery("insert into notification_outbox (county_code, id, tenant_code, case_id, channel,"
                        + " recipient_sealed, recipient_masked, template_key, parameters, state, attempts,"
                        + " next_attempt_at, created_at) values (?1, ?2, ?3, ?4, 'SMS', ?5, ?6, ?7, cast(?8 as jsonb),"
                        + " 'PENDING', 0, ?9, ?9)")
                .setParameter(1, county(row))
                .setParameter(2, UUID.randomUUID())
                .setParameter(3, row.tenantCode().value())
                .setParameter(4, row.id())
                .setParameter(5, recipientSealed)
                .setParameter(6, recipientMasked)
                .setParameter(7, templateKey)
                .setParameter(8, parameters)
                .setParameter(9, Timestamp.from(at))
                .executeUpdate();
    }

    /** The text messages about a case, oldest first. */
    public List<TextRow> texts(CaseFile row) {
        return rows(
                        "select recipient_masked, template_key, state, attempts from notification_outbox"
                                + " where county_code = ?1 and case_id = ?2 order by created_at, id",
                        row)
                .stream()
                .map(cells -> new TextRow(
                        (String) cells[0], (String) cells[1], (String) cells[2], ((Number) cells[3]).intValue()))
                .toList();
    }

    /** The counties with messages due, across all counties: codes only (a security-definer door). */
    public List<String> countiesWithDueNotifications(Instant now) {
        @SuppressWarnings("unchecked")
        List<Object> found = em.createNativeQuery("select ow_counties_with_due_notifications(?1)")
                .setParameter(1, Timestamp.from(now))
                .getResultList();
        return found.stream().map(String::valueOf).toList();
    }

    /**
     * Up to {@code limit} messages due in the caller's scope, locked for this transaction; rows another node is
     * sending are skipped, so two nodes never send one message twice.
     */
    public List<OutboxRow> lockDue(Instant now, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> found = em.createNativeQuery("select county_code, id, recipient_sealed, recipient_masked,"
                        + " template_key, parameters::text, attempts from notification_outbox"
                        + " where state = 'PENDING' and next_attempt_at <= ?1 order by next_attempt_at limit ?2"
                        + " for update skip locked")
                .setParameter(1, Timestamp.from(now))
                .setParameter(2, limit)
                .getResultList();
        return found.stream()
                .map(cells -> new OutboxRow(
                        (String) cells[0],
                        (UUID) cells[1],
                        (String) cells[2],
                        (String) cells[3],
                        (String) cells[4],
                        (String) cells[5],
                        ((Number) cells[6]).intValue()))
                .toList();
    }

    public void sent(OutboxRow row, Instant at) {
        em.createNativeQuery("update notification_outbox set state = 'SENT', attempts = attempts + 1, sent_at = ?3,"
                        + " last_error = null where county_code = ?1 and id = ?2")
                .setParameter(1, row.countyCode())
                .setParameter(2, row.id())
                .setParameter(3, Timestamp.from(at))
                .executeUpdate();
    }

    /** A failed attempt: tried again at {@code retryAt}, or failed for good when {@code retryAt} is null. */
    public void failed(OutboxRow row, String error, Instant retryAt) {
        em.createNativeQuery("update notification_outbox set state = ?3, attempts = attempts + 1,"
                        + " next_attempt_at = coalesce(cast(?4 as timestamptz), next_attempt_at), last_error = ?5"
                        + " where county_code = ?1 and id = ?2")
                .setParameter(1, row.countyCode())
                .setParameter(2, row.id())
                .setParameter(3, retryAt == null ? "FAILED" : "PENDING")
                .setParameter(4, retryAt == null ? null : Timestamp.from(retryAt))
                .setParameter(5, error.length() > 200 ? error.substring(0, 200) : error)
                .executeUpdate();
    }

    // --- helpers ----------------------------------------------------------------------------------------

    private List<Object[]> rows(String sql, CaseFile row) {
        @SuppressWarnings("unchecked")
        List<Object[]> found = em.createNativeQuery(sql)
                .setParameter(1, county(row))
                .setParameter(2, row.id())
                .getResultList();
        return found;
    }

    private static String county(CaseFile row) {
        return row.tenantCode().county().value();
    }

    private static Instant instant(Object cell) {
        return cell instanceof Timestamp timestamp ? timestamp.toInstant() : (Instant) cell;
    }

    private static LocalDate date(Object cell) {
        if (cell == null) {
            return null;
        }
        return cell instanceof Date date ? date.toLocalDate() : (LocalDate) cell;
    }
}
