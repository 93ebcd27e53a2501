package org.onewindow.casework.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.onewindow.casework.domain.Fixtures.CALENDAR;
import static org.onewindow.casework.domain.Fixtures.CLERK;
import static org.onewindow.casework.domain.Fixtures.allMarked;
import static org.onewindow.casework.domain.Fixtures.at;
import static org.onewindow.casework.domain.Fixtures.checkCode;
import static org.onewindow.casework.domain.Fixtures.date;
import static org.onewindow.casework.domain.Fixtures.number;
import static org.onewindow.casework.domain.Fixtures.received;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.error.DomainException;

/** A case stored between two visits to the window is taken up again where it stood, with its rules intact. */
class CaseRestoreTest {

    private static Case stored(Case c) {
        return Case.restore(new Case.Stored(
                c.tenantCode(),
                c.intakePoint(),
                c.item(),
                c.applicant(),
                c.agent().orElse(null),
                c.state(),
                c.receivedAt(),
                c.receivedOn(),
                c.marks(),
                c.firstCorrectionNotice().orElse(null),
                c.correctionNotice().orElse(null),
                c.refusal().orElse(null),
                c.caseNumber().orElse(null),
                null,
                c.legalClock().orElse(null),
                c.decision().orElse(null),
                c.delivery().orElse(null),
                c.pickup().orElse(null),
                c.completedOn().orElse(null),
                c.withdrawalReason().orElse(null),
                c.steps()));
    }

    private static Case awaitingIncomeStatement(Clock monday) {
        Case c = received(monday);
        Map<String, MaterialMark> marks = new LinkedHashMap<>(allMarked());
        marks.remove("INCOME_STATEMENT");
        c.markMaterials(marks, CLERK, monday);
        c.issueCorrectionNotice("370321补正〔2026〕000001号", CLERK, monday, CALENDAR);
        return c;
    }

    @Test
    void aCaseAwaitingSupplementsIsAcceptedAfterItIsTakenUpAgain() {
        Clock monday = at("2026-11-30T09:00");
        Clock thursday = at("2026-12-03T10:00");
        Case restored = stored(awaitingIncomeStatement(monday));

        Map<String, MaterialMark> marks = new LinkedHashMap<>(restored.marks());
        marks.put("INCOME_STATEMENT", MaterialMark.paperSeen());
        restored.markMaterials(marks, CLERK, thursday);
        restored.accept(number(1, date("2026-12-03")), checkCode(), CLERK, thursday, CALENDAR);

        assertThat(restored.state()).isEqualTo(CaseState.ACCEPTED);
        assertThat(restored.legalClock().orElseThrow().acceptedOn()).isEqualTo(date("2026-12-03"));
        assertThat(restored.steps())
                .extracting(CaseStep::action)
                .containsExactly(
                        CaseAction.RECEIVE,
                        CaseAction.MARK_MATERIALS,
                        CaseAction.ISSUE_CORRECTION_NOTICE,
                        CaseAction.MARK_MATERIALS,
                        CaseAction.ACCEPT);
    }

    @Test
    void theOneTimeRuleStillHoldsAfterRestore() {
        Clock monday = at("2026-11-30T09:00");
        Case restored = stored(awaitingIncomeStatement(monday));

        Map<String, MaterialMark> marks = new LinkedHashMap<>(restored.marks());
        marks.remove("CHECK_AUTHORISATION");
        restored.markMaterials(marks, CLERK, monday);
        DomainException refused = catchThrowableOfType(
                DomainException.class,
                () -> restored.issueCorrectionNotice("370321补正〔2026〕000001号", CLERK, monday, CALENDAR));

        assertThat(refused.key()).isEqualTo("casework.correction.not.in.first");
    }

    @Test
    void aRefusedCaseStaysRefused() {
        Clock monday = at("2026-11-30T09:00");
        Case refused = awaitingIncomeStatement(monday);
        refused.refuse("户籍不在本县", "《社会救助暂行办法》第十一条", "370321不予受理〔2026〕000001号", CLERK, monday);
        Case restored = stored(refused);

        DomainException moved =
                catchThrowableOfType(DomainException.class, () -> restored.markMaterials(allMarked(), CLERK, monday));

        assertThat(moved.key()).isEqualTo("casework.case.transition");
        assertThat(restored.refusal().orElseThrow().reason()).isEqualTo("户籍不在本县");
    }
}
