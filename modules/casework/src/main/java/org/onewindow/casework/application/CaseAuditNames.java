package org.onewindow.casework.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.onewindow.kernel.audit.application.AuditSubjectNames;

/**
 * A case in the audit trail by its number (办件编号) instead of its id, for the cases the caller's scope holds (row-level
 * security hides the others); a case refused before it got a number keeps its id.
 */
@ApplicationScoped
public class CaseAuditNames implements AuditSubjectNames {

    @PersistenceContext
    EntityManager em;

    @Override
    public Set<String> subjectTypes() {
        return Set.of("case_file");
    }

    @Override
    public Map<String, String> names(String subjectType, Set<String> ids) {
        Set<UUID> uuids = new java.util.HashSet<>();
        for (String id : ids) {
            try {
                uuids.add(UUID.fromString(id));
            } catch (IllegalArgumentException notAnId) {
                // not a case id: no name
            }
        }
        Map<String, String> names = new HashMap<>();
        if (uuids.isEmpty()) {
            return names;
        }
        em
                .createQuery("select c.id, c.caseNumber from CaseFile c where c.id in :ids", Object[].class)
                .setParameter("ids", uuids)
                .getResultList()
                .stream()
                .filter(row -> row[1] != null)
                .forEach(row -> names.put(row[0].toString(), (String) row[1]));
        return names;
    }
}
