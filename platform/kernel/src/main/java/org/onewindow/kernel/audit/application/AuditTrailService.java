package org.onewindow.kernel.audit.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.onewindow.kernel.audit.domain.AuditChain;
import org.onewindow.kernel.audit.domain.AuditEntry;
import org.onewindow.kernel.calendar.WorkingDayCalendar;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.scope.Caller;
import org.onewindow.kernel.scope.TenantScoped;
import org.onewindow.kernel.security.domain.Role;

/** Reading the audit trail of the caller's scope, and verifying its hash chains. */
@ApplicationScoped
@Transactional
@TenantScoped
public class AuditTrailService {

    private static final int VERIFY_BATCH = 1000;

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    @Any
    Instance<AuditSubjectNames> modules;

    /**
     * What part of the trail to read: entries of divisions under {@code tenantPrefix} (the caller's scope when
     * blank), by {@code actor} (a username, exact) and {@code action} (exact key, or a prefix ending in a dot such as
     * {@code login.}), from {@code from} to {@code to} (China's dates, both included). Null or blank means "any".
     */
    public record Filter(
            String tenantPrefix,
            String actor,
            String action,
            String subjectType,
            String subject,
            LocalDate from,
            LocalDate to) {

        /**
         * Without an object: {@code subjectType} the kind of object ({@code staff-account}, exact) and {@code subject}
         * a part of its key (any case), both "any" when blank.
         */
        public Filter(String tenantPrefix, String actor, String action, LocalDate from, LocalDate to) {
            this(tenantPrefix, actor, action, null, null, from, to);
        }

        public static Filter of(String tenantPrefix) {
            return new Filter(tenantPrefix, null, null, null, null);
        }
    }

    /**
     * The words for what entries name by key (issue 7 §5): the display name of each account by username, and the name
     * of each division, service point, window and department an entry names by its code or id, as its subject or in
     * a value of its states ({@code tenant/code} for a department). Only what the caller's scope holds is named (row-
     * level security reads the rest as absent): the page then shows the key.
     */
    public record Names(Map<String, String> accounts, Map<String, String> places, Map<String, String> subjects) {

        public static final Names NONE = new Names(Map.of(), Map.of(), Map.of());

        public Names {
            accounts = Map.copyOf(accounts);
            places = Map.copyOf(places);
            subjects = Map.copyOf(subjects);
        }

        /** The name another module gives the entry's subject ({@link AuditSubjectNames}), or null. */
        public String subject(AuditEntry entry) {
            return subjects.get(entry.subjectType() + "/" + entry.subjectId());
        }
    }

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern DIVISION_CODE = Pattern.compile("(?<![0-9])[0-9]{12}(?![0-9])");
    private static final Pattern DEPARTMENT_CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,19}");

    /** The {@link Names} of what {@code entries} name, read in a few queries whatever their number. */
    public Names names(List<AuditEntry> entries) {
        requireReader();
        if (entries.isEmpty()) {
            return Names.NONE;
        }
        Set<String> usernames = new HashSet<>();
        Set<String> codes = new HashSet<>();
        Set<UUID> ids = new HashSet<>();
        Set<String> departments = new HashSet<>();
        for (AuditEntry entry : entries) {
            usernames.add(entry.actor());
            codes.add(entry.tenantCode());
            String text = entry.subjectId() + " " + entry.before() + " " + entry.after();
            UUID_TEXT.matcher(text).results().forEach(m -> ids.add(UUID.fromString(m.group())));
            DIVISION_CODE.matcher(text).results().forEach(m -> codes.add(m.group()));
            DEPARTMENT_CODE.matcher(text).results().forEach(m -> departments.add(m.group()));
            if ("staff-account".equals(entry.subjectType())) {
                usernames.add(entry.subjectId());
            }
            for (String field : List.of("reviewer", "answeredBy", "issuedBy")) {
                usernames.addAll(quoted(entry.before(), field));
                usernames.addAll(quoted(entry.after(), field));
            }
        }
        Map<String, String> accounts = new HashMap<>();
        em.createQuery(
                        "select a.username, a.displayName from StaffAccount a where a.username in :names",
                        Object[].class)
                .setParameter("names", usernames)
                .getResultList()
                .forEach(row -> accounts.put((String) row[0], (String) row[1]));
        Map<String, String> places = new HashMap<>();
        em.createQuery("select t.code, t.name from Tenant t where t.code in :codes", Object[].class)
                .setParameter("codes", codes)
                .getResultList()
                .forEach(row -> places.put(String.valueOf(row[0]), (String) row[1]));
        if (!ids.isEmpty()) {
            for (String entity : List.of("ServicePoint", "ServiceWindow")) {
                em.createQuery("select x.id, x.name from " + entity + " x where x.id in :ids", Object[].class)
                        .setParameter("ids", ids)
                        .getResultList()
                        .forEach(row -> places.put(row[0].toString(), (String) row[1]));
            }
        }
        if (!departments.isEmpty()) {
            em.createQuery(
                            "select d.tenantCode, d.code, d.name from Department d where d.code in :codes",
                            Object[].class)
                    .setParameter("codes", departments)
                    .getResultList()
                    .forEach(row -> places.put(row[0] + "/" + row[1], (String) row[2]));
        }
        Map<String, String> subjects = new HashMap<>();
        for (AuditSubjectNames module : modules) {
            for (String type : module.subjectTypes()) {
                Set<String> of = new HashSet<>();
                entries.stream().filter(e -> e.subjectType().equals(type)).forEach(e -> of.add(e.subjectId()));
                if (!of.isEmpty()) {
                    module.names(type, of).forEach((id, name) -> subjects.put(type + "/" + id, name));
                }
            }
        }
        return new Names(accounts, places, subjects);
    }

    /** The text value of {@code field} in the JSON state {@code json}, as a set of none or one. */
    private static Set<String> quoted(String json, String field) {
        if (json == null) {
            return Set.of();
        }
        Matcher value =
                Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        return value.find() ? Set.of(value.group(1)) : Set.of();
    }

    /** Newest first, within the caller's scope; {@code tenantPrefix} narrows it further when given. */
    public List<AuditEntry> page(String tenantPrefix, int first, int size) {
        return page(Filter.of(tenantPrefix), first, size);
    }

    public long count(String tenantPrefix) {
        return count(Filter.of(tenantPrefix));
    }

    /**
     * The entries {@code filter} selects, newest first, within the caller's scope.
     *
     * @throws DomainException 404 {@code audit.scope.unknown} for a prefix outside the scope; 400 {@code
     *     audit.period.order} when {@code to} is before {@code from}
     */
    public List<AuditEntry> page(Filter filter, int first, int size) {
        requireReader();
        return query(AuditEntry.class, "e", filter, " order by e.occurredAt desc, e.seq desc")
                .setFirstResult(Math.max(0, first))
                .setMaxResults(Math.max(1, size))
                .getResultList();
    }

    public long count(Filter filter) {
        requireReader();
        return query(Long.class, "count(e)", filter, "").getSingleResult();
    }

    /** The distinct kinds of object of the caller's scope ({@code staff-account}, …), for a filter's choices. */
    public List<String> subjectTypes() {
        requireReader();
        return em.createQuery(
                        "select distinct e.subjectType from AuditEntry e where e.tenantCode like :prefix"
                                + " order by e.subjectType",
                        String.class)
                .setParameter("prefix", prefix(null))
                .getResultList();
    }

    /** The distinct action keys of the caller's scope, for a filter's choices. */
    public List<String> actions() {
        requireReader();
        return em.createQuery(
                        "select distinct e.action from AuditEntry e where e.tenantCode like :prefix order by e.action",
                        String.class)
                .setParameter("prefix", prefix(null))
                .getResultList();
    }

    private <T> TypedQuery<T> query(Class<T> type, String select, Filter filter, String order) {
        if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
            throw new DomainException("audit.period.order", filter.from(), filter.to());
        }
        StringBuilder where = new StringBuilder("e.tenantCode like :prefix");
        boolean byActor = filter.actor() != null && !filter.actor().isBlank();
        boolean byAction = filter.action() != null && !filter.action().isBlank();
        boolean actionPrefix = byAction && filter.action().strip().endsWith(".");
        boolean byType = filter.subjectType() != null && !filter.subjectType().isBlank();
        boolean bySubject = filter.subject() != null && !filter.subject().isBlank();
        if (byActor) {
            where.append(" and e.actor = :actor");
        }
        if (byAction) {
            where.append(actionPrefix ? " and e.action like :action" : " and e.action = :action");
        }
        if (byType) {
            where.append(" and e.subjectType = :subjectType");
        }
        if (bySubject) {
            where.append(" and locate(:subject, lower(e.subjectId)) > 0");
        }
        if (filter.from() != null) {
            where.append(" and e.occurredAt >= :from");
        }
        if (filter.to() != null) {
            where.append(" and e.occurredAt < :to");
        }
        TypedQuery<T> query = em.createQuery("select " + select + " from AuditEntry e where " + where + order, type)
                .setParameter("prefix", prefix(filter.tenantPrefix()));
        if (byActor) {
            query.setParameter("actor", filter.actor().strip());
        }
        if (byAction) {
            String action = filter.action().strip();
            query.setParameter("action", actionPrefix ? action.replaceAll("[^a-z0-9.-]", "") + "%" : action);
        }
        if (byType) {
            query.setParameter("subjectType", filter.subjectType().strip());
        }
        if (bySubject) {
            query.setParameter("subject", filter.subject().strip().toLowerCase(Locale.ROOT));
        }
        if (filter.from() != null) {
            query.setParameter(
                    "from", filter.from().atStartOfDay(WorkingDayCalendar.ZONE).toInstant());
        }
        if (filter.to() != null) {
            query.setParameter(
                    "to",
                    filter.to()
                            .plusDays(1)
                            .atStartOfDay(WorkingDayCalendar.ZONE)
                            .toInstant());
        }
        return query;
    }

    /** Recomputes every chain the caller may see and reports the first broken link of each broken chain. */
    public Verification verify() {
        requireReader();
        List<String> tenants = em.createQuery(
                        "select distinct e.tenantCode from AuditEntry e order by e.tenantCode", String.class)
                .getResultList();
        long checked = 0;
        List<AuditChain.BrokenLink> broken = new ArrayList<>();
        for (String tenant : tenants) {
            AuditChain.Verifier verifier = new AuditChain.Verifier(tenant);
            long after = 0;
            List<AuditEntry> batch;
            do {
                batch = em.createQuery(
                                "select e from AuditEntry e where e.tenantCode = :tenant and e.seq > :after order by e.seq",
                                AuditEntry.class)
                        .setParameter("tenant", tenant)
                        .setParameter("after", after)
                        .setMaxResults(VERIFY_BATCH)
                        .getResultList();
                batch.forEach(verifier::accept);
                if (!batch.isEmpty()) {
                    after = batch.get(batch.size() - 1).seq();
                }
                em.clear();
            } while (batch.size() == VERIFY_BATCH);
            checked += verifier.checked();
            verifier.firstBrokenLink().ifPresent(broken::add);
        }
        return new Verification(tenants.size(), checked, broken);
    }

    private void requireReader() {
        caller.requireAny(Role.AUDITOR, Role.COUNTY_ADMIN, Role.TENANT_ADMIN);
    }

    private String prefix(String tenantPrefix) {
        String own = caller.scope();
        String wanted = tenantPrefix == null || tenantPrefix.isBlank() ? own : tenantPrefix.strip();
        if (!wanted.matches("[0-9]*") || !wanted.startsWith(own)) {
            // Answered like every other read outside the scope: nothing there, whether it exists or not.
            throw DomainException.notFound("audit.scope.unknown", wanted);
        }
        return wanted + "%";
    }

    /** The outcome of one verification run. */
    public record Verification(int chains, long entries, List<AuditChain.BrokenLink> broken) {
        public boolean intact() {
            return broken.isEmpty();
        }
    }
}
