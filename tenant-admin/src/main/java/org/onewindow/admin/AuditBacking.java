package org.onewindow.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.onewindow.kernel.audit.application.AuditTrailService;
import org.onewindow.kernel.audit.domain.AuditEntry;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.error.Messages;
import org.onewindow.ui.FacesMessages;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The console's audit page ({@code /admin/audit.xhtml}): the trail of the scope, page by page, and its verification. */
@Named
@ViewScoped
public class AuditBacking implements Serializable {

    @Inject
    AuditTrailService trail;

    private String tenantPrefix;
    private VerificationView verification;

    private final LazyDataModel<EntryRow> entries = new LazyDataModel<>() {
        @Override
        public int count(Map<String, FilterMeta> filters) {
            return (int) trail.count(tenantPrefix);
        }

        @Override
        public List<EntryRow> load(
                int first, int pageSize, Map<String, SortMeta> sort, Map<String, FilterMeta> filters) {
            return trail.page(tenantPrefix, first, pageSize).stream()
                    .map(EntryRow::of)
                    .toList();
        }

        @Override
        public String getRowKey(EntryRow row) {
            return row.tenant() + ":" + row.seq();
        }
    };

    /** An entry as the table shows it. */
    public record EntryRow(
            String tenant,
            long seq,
            java.util.Date occurredAt,
            String actor,
            String action,
            String subject,
            String before,
            String after)
            implements Serializable {
        static EntryRow of(AuditEntry e) {
            return new EntryRow(
                    e.tenantCode(),
                    e.seq(),
                    java.util.Date.from(e.occurredAt()),
                    e.actor(),
                    e.action(),
                    e.subjectType() + " " + e.subjectId(),
                    e.before(),
                    e.after());
        }
    }

    /** A verification outcome as the page shows it. */
    public record VerificationView(boolean intact, int chains, long entries, List<String> broken)
            implements Serializable {}

    public void verify() {
        try {
            AuditTrailService.Verification result = trail.verify();
            var locale = jakarta.faces.context.FacesContext.getCurrentInstance()
                    .getViewRoot()
                    .getLocale();
            List<String> broken = result.broken().stream()
                    .map(b -> FacesMessages.text(
                            "audit.broken.at",
                            b.tenantCode(),
                            b.seq(),
                            Messages.format(locale, b.reasonKey(), b.seq())))
                    .toList();
            verification = new VerificationView(result.intact(), result.chains(), result.entries(), broken);
        } catch (DomainException e) {
            FacesMessages.error(e);
        }
    }

    public LazyDataModel<EntryRow> getEntries() {
        return entries;
    }

    public String getTenantPrefix() {
        return tenantPrefix;
    }

    public void setTenantPrefix(String tenantPrefix) {
        this.tenantPrefix = tenantPrefix;
    }

    public VerificationView getVerification() {
        return verification;
    }
}
