package org.onewindow.casework.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.onewindow.casework.domain.CaseState.*;
import static org.onewindow.casework.domain.Fixtures.CALENDAR;
import static org.onewindow.casework.domain.Fixtures.CLERK;
import static org.onewindow.casework.domain.Fixtures.ID_NUMBER;
import static org.onewindow.casework.domain.Fixtures.REVIEWER;

import java.time.Clock;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.error.Messages;

/** Every action in every state: the allowed ones move the case as the table says, every other one is refused. */
class CaseTransitionsTest {

    private static final Clock LATER = Fixtures.at("2026-12-01T11:00");

    /** The flow as the brief and the law describe it, written out independently of {@link CaseAction}. */
    private static final Map<CaseAction, Map<CaseState, CaseState>> EXPECTED = new EnumMap<>(CaseAction.class);

    static {
        allow(CaseAction.MARK_MATERIALS, Set.of(RECEIVED, AWAITING_SUPPLEMENTS), null);
        allow(CaseAction.ISSUE_CORRECTION_NOTICE, Set.of(RECEIVED, AWAITING_SUPPLEMENTS), AWAITING_SUPPLEMENTS);
        allow(CaseAction.ACCEPT, Set.of(RECEIVED, AWAITING_SUPPLEMENTS), ACCEPTED);
        allow(CaseAction.REFUSE, Set.of(RECEIVED, AWAITING_SUPPLEMENTS), REFUSED);
        allow(CaseAction.START_REVIEW, Set.of(ACCEPTED), IN_REVIEW);
        allow(CaseAction.REQUEST_SUPPLEMENT, Set.of(IN_REVIEW), SUPPLEMENT_REQUESTED);
        allow(CaseAction.RECEIVE_SUPPLEMENT, Set.of(SUPPLEMENT_REQUESTED), IN_REVIEW);
        allow(CaseAction.START_SPECIAL_PROCEDURE, Set.of(IN_REVIEW), SPECIAL_PROCEDURE);
        allow(CaseAction.END_SPECIAL_PROCEDURE, Set.of(SPECIAL_PROCEDURE), IN_REVIEW);
        allow(CaseAction.GIVE_OPINION, Set.of(IN_REVIEW, SUPPLEMENT_REQUESTED, SPECIAL_PROCEDURE), null);
        allow(CaseAction.EXTEND, Set.of(ACCEPTED, IN_REVIEW, SUPPLEMENT_REQUESTED, SPECIAL_PROCEDURE), null);
        allow(CaseAction.APPROVE, Set.of(IN_REVIEW), DECIDED_APPROVED);
        allow(CaseAction.REJECT, Set.of(IN_REVIEW), DECIDED_REJECTED);
        allow(CaseAction.HOLD_FOR_PICKUP, Set.of(DECIDED_APPROVED, DECIDED_REJECTED), AWAITING_PICKUP);
        allow(CaseAction.POST, Set.of(DECIDED_APPROVED, DECIDED_REJECTED, AWAITING_PICKUP), POSTED);
        allow(CaseAction.RECORD_PICKUP, Set.of(AWAITING_PICKUP), COMPLETED);
        allow(CaseAction.CONFIRM_DELIVERY, Set.of(POSTED), COMPLETED);
        allow(
                CaseAction.WITHDRAW,
                Set.of(RECEIVED, AWAITING_SUPPLEMENTS, ACCEPTED, IN_REVIEW, SUPPLEMENT_REQUESTED, SPECIAL_PROCEDURE),
                WITHDRAWN);
        allow(
                CaseAction.ATTACH_SCAN,
                Set.of(RECEIVED, AWAITING_SUPPLEMENTS, ACCEPTED, IN_REVIEW, SUPPLEMENT_REQUESTED, SPECIAL_PROCEDURE),
                null);
        allow(CaseAction.RECEIVE, Set.of(), RECEIVED);
    }

    private static void allow(CaseAction action, Set<CaseState> from, CaseState to) {
        Map<CaseState, CaseState> moves = new EnumMap<>(CaseState.class);
        from.forEach(state -> moves.put(state, to == null ? state : to));
        EXPECTED.put(action, moves);
    }

    /** The action with valid input, as a clerk or reviewer would take it. */
    private static void perform(Case subject, CaseAction action) {
        switch (action) {
            case RECEIVE -> throw new AssertionError("not an action on an existing case");
            case MARK_MATERIALS -> subject.markMaterials(Fixtures.allMarked(), CLERK, LATER);
            case ISSUE_CORRECTION_NOTICE ->
                subject.issueCorrectionNotice("370321补正〔2026〕000001号", CLERK, LATER, CALENDAR);
            case ACCEPT -> {
                if (CaseAction.MARK_MATERIALS.allowedIn(subject.state())) {
                    subject.markMaterials(Fixtures.allMarked(), CLERK, LATER);
                }
                subject.accept(
                        Fixtures.number(9, Fixtures.date("2026-12-01")), Fixtures.checkCode(), CLERK, LATER, CALENDAR);
            }
            case REFUSE -> subject.refuse("不属于本机关职权范围", Fixtures.BASIS, "370321不予受理〔2026〕000001号", CLERK, LATER);
            case START_REVIEW -> subject.startReview(REVIEWER, LATER);
            case REQUEST_SUPPLEMENT -> subject.requestSupplement("补充银行流水", Fixtures.BASIS, REVIEWER, LATER);
            case RECEIVE_SUPPLEMENT -> subject.receiveSupplement(REVIEWER, LATER);
            case START_SPECIAL_PROCEDURE ->
                subject.startSpecialProcedure(
                        PauseKind.EXPERT_REVIEW, "需专家评审", LegalBasis.SPECIAL_PROCEDURE, 5, REVIEWER, LATER);
            case END_SPECIAL_PROCEDURE -> subject.endSpecialProcedure("评审意见：同意", REVIEWER, LATER);
            case GIVE_OPINION -> subject.giveOpinion(true, "情况属实，同意上报", null, REVIEWER, LATER);
            case EXTEND -> subject.extend(10, "民政局局长 李明", "需入户调查", REVIEWER, LATER, CALENDAR);
            case APPROVE -> subject.approve("符合条件", Fixtures.BASIS, REVIEWER, LATER);
            case REJECT -> subject.reject("收入超过标准", Fixtures.BASIS, REVIEWER, LATER);
            case HOLD_FOR_PICKUP -> subject.holdForPickup(new Delivery.AtWindow(null, "华沟村便民服务站"), CLERK, LATER);
            case POST -> subject.post(new Delivery.ByPost("王秀英", "起凤镇华沟村12号", null, "EMS0000000001"), CLERK, LATER);
            case RECORD_PICKUP -> subject.recordPickup("王秀英", ID_NUMBER, null, CLERK, LATER);
            case CONFIRM_DELIVERY -> subject.confirmDelivery(CLERK, LATER);
            case WITHDRAW -> subject.withdraw("申请人不再申请", CLERK, LATER);
            case ATTACH_SCAN ->
                subject.attachScan(
                        "INCOME_STATEMENT", ScannedFile.of("声明.pdf", "application/pdf", Fixtures.PDF), CLERK, LATER);
        }
    }

    @Test
    void theTableInTheCodeIsTheFlowOfTheLaw() {
        for (CaseAction action : CaseAction.values()) {
            assertThat(action.allowedStates())
                    .as("%s allowed in", action)
                    .isEqualTo(EXPECTED.get(action).keySet());
            for (CaseState state : EXPECTED.get(action).keySet()) {
                assertThat(action.leadsTo(state))
                        .as("%s in %s", action, state)
                        .isEqualTo(EXPECTED.get(action).get(state));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = CaseState.class,
            names = {
                "DECIDED_APPROVED",
                "DECIDED_REJECTED",
                "AWAITING_PICKUP",
                "POSTED",
                "COMPLETED",
                "REFUSED",
                "WITHDRAWN"
            })
    void onceDecidedOrClosedNoScanIsAttachedAndTheMaterialKeepsItsMark(CaseState state) {
        Case subject = Fixtures.inState(state);
        MaterialMark before = subject.marks().get("INCOME_STATEMENT");
        int steps = subject.steps().size();

        DomainException refused = catchThrowableOfType(
                DomainException.class,
                () -> subject.attachScan(
                        "INCOME_STATEMENT", ScannedFile.of("声明.pdf", "application/pdf", Fixtures.PDF), CLERK, LATER));

        assertThat(refused.kind()).isEqualTo(DomainException.Kind.CONFLICT);
        assertThat(refused.key()).isEqualTo("casework.case.transition");
        assertThat(subject.state()).isEqualTo(state);
        assertThat(subject.marks().get("INCOME_STATEMENT")).isEqualTo(before);
        assertThat(subject.steps()).hasSize(steps);
    }

    @Test
    void theFixturesReachEveryState() {
        for (CaseState state : CaseState.values()) {
            assertThat(Fixtures.inState(state).state()).isEqualTo(state);
        }
    }

    @Test
    void everyActionInEveryStateMovesAsTheTableSaysOrIsRefusedChangingNothing() {
        SoftAssertions softly = new SoftAssertions();
        for (CaseState state : CaseState.values()) {
            for (CaseAction action : EnumSet.complementOf(EnumSet.of(CaseAction.RECEIVE))) {
                Case subject = Fixtures.inState(state);
                int steps = subject.steps().size();
                CaseState expected = EXPECTED.get(action).get(state);

                DomainException refused = catchThrowableOfType(DomainException.class, () -> perform(subject, action));

                if (expected == null) {
                    softly.assertThat(refused)
                            .as("%s in %s should be refused", action, state)
                            .isNotNull();
                    if (refused != null) {
                        softly.assertThat(refused.key())
                                .as("%s in %s", action, state)
                                .isEqualTo("casework.case.transition");
                        softly.assertThat(refused.kind()).isEqualTo(DomainException.Kind.CONFLICT);
                    }
                    softly.assertThat(subject.state())
                            .as("%s in %s changed the state", action, state)
                            .isEqualTo(state);
                    softly.assertThat(subject.steps())
                            .as("%s in %s added a step", action, state)
                            .hasSize(steps);
                } else {
                    softly.assertThat(refused)
                            .as("%s in %s should be allowed", action, state)
                            .isNull();
                    softly.assertThat(subject.state())
                            .as("%s in %s", action, state)
                            .isEqualTo(expected);
                    softly.assertThat(subject.steps().getLast().action()).isEqualTo(action);
                }
            }
        }
        softly.assertAll();
    }

    @Test
    void onlyTheFinalStatesAllowNothing() {
        for (CaseState state : CaseState.values()) {
            boolean anything = EnumSet.allOf(CaseAction.class).stream().anyMatch(a -> a.allowedIn(state));
            assertThat(anything).as(state.name()).isEqualTo(!state.isFinal());
        }
        assertThat(RECEIVED.mayMoveTo(ACCEPTED)).isTrue();
        assertThat(ACCEPTED.mayMoveTo(DECIDED_APPROVED))
                .as("a decision needs a review")
                .isFalse();
        assertThat(COMPLETED.mayMoveTo(IN_REVIEW)).isFalse();
    }

    @Test
    void aWrongMoveIsReportedAsSuchEvenWithBadInput() {
        Case done = Fixtures.inState(COMPLETED);

        DomainException refused =
                catchThrowableOfType(DomainException.class, () -> done.reject(" ", null, REVIEWER, LATER));

        assertThat(refused.key()).isEqualTo("casework.case.transition");
    }

    @Test
    void aRefusedMoveNamesTheStateAndTheActionInTheClerksLanguage() {
        Case done = Fixtures.inState(COMPLETED);

        DomainException refused = catchThrowableOfType(DomainException.class, () -> perform(done, CaseAction.APPROVE));

        assertThat(Messages.format(Locale.SIMPLIFIED_CHINESE, refused)).isEqualTo("办件当前为“已办结”，不能准予许可");
        assertThat(Messages.format(Locale.ENGLISH, refused))
                .isEqualTo("The case is completed: it cannot be given the action \"approve\"");
    }
}
