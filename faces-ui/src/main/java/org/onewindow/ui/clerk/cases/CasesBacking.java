package org.onewindow.ui.clerk.cases;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.onewindow.casework.application.CaseQueryService;
import org.onewindow.casework.infrastructure.CaseRepository;
import org.onewindow.kernel.error.Messages;
import org.onewindow.ui.LocaleBacking;

/**
 * The cases taken in at the clerk's own window ({@code /clerk/cases/index.xhtml}, 本窗口办件), newest first, or only
 * those waiting for supplements (待补正), each a link to its case page.
 */
@Named
@RequestScoped
public class CasesBacking {

    /** How many cases the page lists. */
    static final int SHOWN = 100;

    @Inject
    CaseQueryService queries;

    @Inject
    LocaleBacking locale;

    private boolean awaiting;
    private List<CaseRepository.CaseLine> cases;

    public List<CaseRepository.CaseLine> getCases() {
        if (cases == null) {
            cases = queries.takenInHere(awaiting, SHOWN);
        }
        return cases;
    }

    /** The time a case was received, in China's time, to the minute. */
    public String received(CaseRepository.CaseLine line) {
        return line.receivedAt()
                .atZone(CaseBacking.CHINA)
                .toLocalDateTime()
                .toString()
                .replace('T', ' ')
                .substring(0, 16);
    }

    /**
     * The case's state in the page's language (the casework bundle's {@code casework.state.*}), a decision worded for
     * the item: a decided 最低生活保障 reads 准予给付, a licence 准予许可.
     */
    public String state(CaseRepository.CaseLine line) {
        return Messages.format(locale.getLocale(), line.stateKey());
    }

    public boolean isAwaiting() {
        return awaiting;
    }

    public void setAwaiting(boolean awaiting) {
        this.awaiting = awaiting;
    }
}
