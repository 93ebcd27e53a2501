package org.onewindow.kernel.security.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.error.Messages;
import org.onewindow.kernel.imports.UploadedTables;
import org.onewindow.kernel.scope.Caller;
import org.onewindow.kernel.security.domain.Role;
import org.onewindow.kernel.security.domain.StaffList;
import org.onewindow.kernel.tenant.application.ServicePointService;
import org.onewindow.kernel.tenant.domain.Department;
import org.onewindow.kernel.tenant.domain.ImportRejectedException;
import org.onewindow.kernel.tenant.domain.ImportRejectedException.LineError;
import org.onewindow.kernel.tenant.domain.ServicePoint;
import org.onewindow.kernel.tenant.domain.ServiceWindow;

/**
 * Bulk import of staff accounts from a staff list ({@link StaffList}, 批量导入工作人员), in two steps (ADR 0015): a
 * preview reports for every row whether its account would be created or why not, and writes nothing; the import then
 * creates the rows that are valid at that moment, each through {@link AccountService#create} (the same grant checks as
 * one account made in the console, never a copy of them), and reports every row again. Every imported account must
 * change its password at the first login; a row without a password gets a generated one, shown once in the report.
 *
 * <p>Each account is created in its own transaction, so one refused row never undoes the others; a file that cannot be
 * read as a whole (unreadable, a column missing, no rows) is refused before any row, with nothing written.
 */
@ApplicationScoped
public class StaffImportService {

    @Inject
    Caller caller;

    @Inject
    AccountService accounts;

    @Inject
    ServicePointService servicePoints;

    /** What became of a row. */
    public enum Outcome {
        /** The preview found nothing against it: the import would create it. */
        VALID,
        CREATED,
        REFUSED
    }

    /**
     * One row of the report.
     *
     * @param line the row's line (CSV) or row number (sheet), as the user's program shows it
     * @param roles the roles the row asks for, as understood; empty when none could be read
     * @param problems why the row is refused, each with its column; empty unless {@link Outcome#REFUSED}
     * @param generatedPassword the initial password generated for a created account whose row gave none, else null
     */
    public record RowReport(
            int line,
            String division,
            String username,
            String displayName,
            Set<Role> roles,
            Outcome outcome,
            List<StaffList.Problem> problems,
            String generatedPassword) {

        public RowReport {
            roles = roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
            problems = List.copyOf(problems);
        }
    }

    /** The report of a preview ({@code applied} false) or of an import. */
    public record Report(boolean applied, List<RowReport> rows) {

        public Report {
            rows = List.copyOf(rows);
        }

        public long count(Outcome outcome) {
            return rows.stream().filter(r -> r.outcome() == outcome).count();
        }
    }

    /**
     * Checks every row of the file, writing nothing.
     *
     * @throws DomainException 403 for a caller who manages no staff (before the file is read); {@link
     *     ImportRejectedException} (400) when the file as a whole cannot be read; 413 over {@link StaffList#LIMITS}
     */
    public Report preview(byte[] file, UploadedTables.Format format) {
        return run(file, format, false);
    }

    /**
     * Creates the accounts of the rows that are valid now, and reports every row; audited as {@code account.created}
     * per account and one {@code account.imported} with the counts (when any was created).
     *
     * @throws DomainException as {@link #preview}
     */
    public Report apply(byte[] file, UploadedTables.Format format) {
        return run(file, format, true);
    }

    private Report run(byte[] file, UploadedTables.Format format, boolean apply) {
        caller.requireAny(Role.COUNTY_ADMIN, Role.TENANT_ADMIN, Role.PLATFORM_OPERATOR);
        StaffList.Parsed parsed = StaffList.read(file, format);
        if (!parsed.fileProblems().isEmpty()) {
            throw new ImportRejectedException(parsed.fileProblems().stream()
                    .map(p -> new LineError(
                            p.line(), p.column(), p.key(), p.arguments().toArray()))
                    .toList());
        }
        Map<String, Division> divisions = new HashMap<>();
        List<RowReport> report = new ArrayList<>();
        List<String> created = new ArrayList<>();
        for (StaffList.Row row : parsed.rows()) {
            List<StaffList.Problem> problems = new ArrayList<>(parsed.problemsOf(row.line()));
            Set<Role> roles = roles(row, problems);
            Plan plan = problems.isEmpty() ? check(row, roles, divisions, problems) : null;
            if (plan == null || !apply) {
                report.add(rowReport(row, roles, problems.isEmpty() ? Outcome.VALID : Outcome.REFUSED, problems, null));
                continue;
            }
            String password = row.password().isEmpty() ? Passwords.generate() : row.password();
            try {
                accounts.create(
                        row.division(),
                        row.username(),
                        row.displayName(),
                        password,
                        roles,
                        plan.departments(),
                        plan.windows(),
                        true);
                created.add(row.username());
                report.add(rowReport(
                        row, roles, Outcome.CREATED, List.of(), row.password().isEmpty() ? password : null));
            } catch (DomainException e) {
                // Valid a moment ago, refused now: another administrator took the username in between, or it is
                // held outside the importer's scope, which only the creation itself checks (AccountService#checkNew).
                report.add(rowReport(row, roles, Outcome.REFUSED, List.of(problem(row, e)), null));
            }
        }
        if (apply && !created.isEmpty()) {
            accounts.recordImport(parsed.rows().size(), created, report.size() - created.size());
        }
        return new Report(apply, report);
    }

    private static RowReport rowReport(
            StaffList.Row row, Set<Role> roles, Outcome outcome, List<StaffList.Problem> problems, String password) {
        return new RowReport(
                row.line(), row.division(), row.username(), row.displayName(), roles, outcome, problems, password);
    }

    /** The departments and windows a valid row resolves to. */
    private record Plan(Set<String> departments, Set<String> windows) {}

    /** A division's departments and windows, read once per import. */
    private record Division(Map<String, String> departments, Map<String, List<String>> windows) {}

    /** Asks the account service whether the caller may create the row's account; null, with the reason, if not. */
    private Plan check(
            StaffList.Row row, Set<Role> roles, Map<String, Division> divisions, List<StaffList.Problem> out) {
        try {
            if (!row.password().isEmpty()) {
                Passwords.check(row.password());
            }
            Division division = divisions.computeIfAbsent(row.division(), this::division);
            Set<String> departments = new LinkedHashSet<>();
            for (String name : row.departments()) {
                String code = division.departments().get(name);
                if (code == null) {
                    throw new DomainException("account.department.unknown", name);
                }
                departments.add(code);
            }
            Set<String> windows = new LinkedHashSet<>();
            for (String name : row.windows()) {
                List<String> ids = division.windows().getOrDefault(name, List.of());
                if (ids.isEmpty()) {
                    throw new DomainException("account.window.unknown", name);
                }
                if (ids.size() > 1) {
                    throw new DomainException("account.import.window.ambiguous", name);
                }
                windows.add(ids.get(0));
            }
            accounts.checkNew(row.division(), row.username(), roles, departments, windows);
            return new Plan(departments, windows);
        } catch (DomainException e) {
            out.add(problem(row, e));
            return null;
        }
    }

    /**
     * A division's departments by code, name and short name, and its windows by their name and by "service point ·
     * window" (as the console lists them), each with the ids it may mean.
     */
    private Division division(String code) {
        Map<String, String> departments = new HashMap<>();
        for (Department d : servicePoints.departments(code)) {
            departments.putIfAbsent(d.name(), d.code());
            if (d.shortName() != null && !d.shortName().isBlank()) {
                departments.putIfAbsent(d.shortName(), d.code());
            }
            departments.put(d.code(), d.code());
        }
        Map<String, List<String>> windows = new HashMap<>();
        for (ServicePoint point : servicePoints.servicePoints(code)) {
            for (ServiceWindow window : servicePoints.windows(point.id())) {
                String id = window.id().toString();
                windows.computeIfAbsent(window.name(), n -> new ArrayList<>()).add(id);
                for (String joiner : List.of(" · ", "·", "/", "／")) {
                    windows.computeIfAbsent(point.name() + joiner + window.name(), n -> new ArrayList<>())
                            .add(id);
                }
            }
        }
        return new Division(departments, windows);
    }

    /** The roles a row names by their words in Chinese or English or their names ({@code CLERK}); unknown ones refused. */
    private static Set<Role> roles(StaffList.Row row, List<StaffList.Problem> problems) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String written : row.roles()) {
            Role found = null;
            for (Role role : Role.values()) {
                if (written.equalsIgnoreCase(role.name())
                        || written.equals(Messages.format(Messages.DEFAULT_LOCALE, "role." + role.name()))
                        || written.equalsIgnoreCase(Messages.format(Locale.ENGLISH, "role." + role.name()))) {
                    found = role;
                }
            }
            if (found == null) {
                problems.add(new StaffList.Problem(row.line(), "roles", "account.role.unknown", List.of(written)));
            } else {
                roles.add(found);
            }
        }
        return roles;
    }

    /** A refusal of the account service, placed in the column it is about. */
    private static StaffList.Problem problem(StaffList.Row row, DomainException e) {
        String key = e.key();
        String column = key.startsWith("tenant.") || key.startsWith("division.")
                ? "division"
                : key.startsWith("account.username")
                        ? "username"
                        : key.startsWith("account.role")
                                ? "roles"
                                : key.startsWith("account.department")
                                        ? "departments"
                                        : key.startsWith("account.window") || key.startsWith("account.import.window")
                                                ? "windows"
                                                : key.startsWith("password") || key.startsWith("text.")
                                                        ? "password"
                                                        : "";
        return new StaffList.Problem(row.line(), column, key, e.arguments());
    }
}
