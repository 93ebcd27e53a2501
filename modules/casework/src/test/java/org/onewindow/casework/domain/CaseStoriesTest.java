package org.onewindow.casework.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.onewindow.casework.domain.Fixtures.CALENDAR;
import static org.onewindow.casework.domain.Fixtures.CLERK;
import static org.onewindow.casework.domain.Fixtures.ID_NUMBER;
import static org.onewindow.casework.domain.Fixtures.REVIEWER;
import static org.onewindow.casework.domain.Fixtures.at;
import static org.onewindow.casework.domain.Fixtures.date;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.error.Messages;

/** 王秀英 applies for 低保 at 华沟村's window; the county's 民政局 decides. Dates on the 2026 national calendar. */
class CaseStoriesTest {

    private static final Clock MONDAY = at("2026-11-30T09:00");

    private static DomainException refusal(Runnable action) {
        DomainException refused = catchThrowableOfType(DomainException.class, action::run);
        assertThat(refused).as("should be refused").isNotNull();
        return refused;
    }

    private static Deadlines deadlinesOn(Case subject, String chinaTime) {
        return subject.deadlines(CALENDAR, at(chinaTime), WarningThreshold.DEFAULT)
                .orElseThrow();
    }

    @Nested
    class Intake {

        @Test
        void aCompleteApplicationIsAcceptedWithItsNumberAndDueDates() {
            Case dibao = Fixtures.received(MONDAY);

            ChecklistOutcome outcome = dibao.markMaterials(Fixtures.allMarked(), CLERK, MONDAY);
            dibao.accept(Fixtures.number(123, date("2026-11-30")), Fixtures.checkCode(), CLERK, MONDAY, CALENDAR);

            assertThat(outcome.complete()).isTrue();
            assertThat(dibao.state()).isEqualTo(CaseState.ACCEPTED);
            assertThat(dibao.caseNumber()).get().hasToString("370321-20261130-000123");
            assertThat(dibao.checkCode()).isPresent();
            Deadlines due = deadlinesOn(dibao, "2026-11-30T09:05");
            // 20 working days from the day after acceptance; 30 for the law, into 2027 whose notice is not out yet.
            assertThat(due.promisedDueDate()).isEqualTo(date("2026-12-28"));
            assertThat(due.statutoryDueDate()).isEqualTo(date("2027-01-11"));
            assertThat(due.provisional()).isTrue();
            assertThat(due.usedWorkingDays()).isZero();
            assertThat(due.remainingWorkingDays()).isEqualTo(20);
            assertThat(due.status()).isEqualTo(ClockStatus.ON_TIME);
            assertThat(dibao.steps())
                    .extracting(CaseStep::action)
                    .containsExactly(CaseAction.RECEIVE, CaseAction.MARK_MATERIALS, CaseAction.ACCEPT);
            assertThat(dibao.steps().getLast().actor()).isEqualTo(CLERK);
        }

        @Test
        void twoMissingMandatoryMaterialsMakeOneNoticeListingBoth() {
            Case dibao = Fixtures.received(MONDAY);
            Map<String, MaterialMark> marks = new LinkedHashMap<>(Fixtures.allMarked());
            marks.remove("HOUSEHOLD_REGISTER");
            marks.put("CHECK_AUTHORISATION", MaterialMark.notConforming("未签字"));

            ChecklistOutcome outcome = dibao.markMaterials(marks, CLERK, MONDAY);
            CorrectionNotice notice = dibao.issueCorrectionNotice("370321补正〔2026〕000001号", CLERK, MONDAY, CALENDAR);

            assertThat(outcome.complete()).isFalse();
            assertThat(notice.toSupply())
                    .containsExactly(
                            new MaterialToSupply("HOUSEHOLD_REGISTER", "居民户口簿", false, null),
                            new MaterialToSupply("CHECK_AUTHORISATION", "家庭经济状况核对授权书", true, "未签字"));
            assertThat(notice.legalBasis()).isEqualTo("《社会救助暂行办法》（国务院令第649号）");
            assertThat(notice.issuedOn()).isEqualTo(date("2026-11-30"));
            assertThat(Messages.format(Locale.SIMPLIFIED_CHINESE, CorrectionNotice.LEGAL_NOTE.key()))
                    .contains("一次告知");
            assertThat(dibao.state()).isEqualTo(CaseState.AWAITING_SUPPLEMENTS);
            assertThat(dibao.caseNumber()).as("no number before acceptance").isEmpty();
        }

        @Test
        void acceptanceWithMaterialsMissingIsRefusedNamingThemAll() {
            Case dibao = Fixtures.received(MONDAY);
            Map<String, MaterialMark> marks = new LinkedHashMap<>(Fixtures.allMarked());
            marks.remove("HOUSEHOLD_REGISTER");
            marks.remove("INCOME_STATEMENT");
            dibao.markMaterials(marks, CLERK, MONDAY);

            DomainException refused = refusal(() -> dibao.accept(
                    Fixtures.number(1, date("2026-11-30")), Fixtures.checkCode(), CLERK, MONDAY, CALENDAR));

            assertThat(refused.key()).isEqualTo("casework.accept.incomplete");
            assertThat(Messages.format(Locale.SIMPLIFIED_CHINESE, refused)).contains("居民户口簿、家庭收入及财产状况声明");
            assertThat(dibao.state()).isEqualTo(CaseState.RECEIVED);
            assertThat(dibao.legalClock()).isEmpty();
        }

        @Test
        void theSupplementedCaseIsAcceptedOnTheDayItIsComplete() {
            Case dibao = Fixtures.inState(CaseState.AWAITING_SUPPLEMENTS);
            Clock thursday = at("2026-12-03T14:00");

            dibao.markMaterials(Fixtures.allMarked(), CLERK, thursday);
            dibao.accept(Fixtures.number(7, date("2026-12-03")), Fixtures.checkCode(), CLERK, thursday, CALENDAR);

            assertThat(dibao.legalClock().orElseThrow().acceptedOn()).isEqualTo(date("2026-12-03"));
        }

        @Test
        void aLaterNoticeMayOnlyRepeatWhatTheFirstAskedFor() {
            Case dibao = Fixtures.received(MONDAY);
            Map<String, MaterialMark> marks = new LinkedHashMap<>(Fixtures.allMarked());
            marks.remove("HOUSEHOLD_REGISTER");
            dibao.markMaterials(marks, CLERK, MONDAY);
            dibao.issueCorrectionNotice("370321补正〔2026〕000001号", CLERK, MONDAY, CALENDAR);
            // The applicant brings the register, and the clerk now objects to the income statement seen on Monday.
            Clock wednesday = at("2026-12-02T10:00");
            Map<String, MaterialMark> later = new LinkedHashMap<>(Fixtures.allMarked());
            later.put("INCOME_STATEMENT", MaterialMark.notConforming("金额涂改"));
            dibao.markMaterials(later, CLERK, wednesday);

            DomainException refused =
                    refusal(() -> dibao.issueCorrectionNotice("370321补正〔2026〕000001号", CLERK, wednesday, CALENDAR));

            assertThat(refused.key()).isEqualTo("casework.correction.not.in.first");
            assertThat(Messages.format(Locale.SIMPLIFIED_CHINESE, refused))
                    .isEqualTo("补正内容必须一次告知：2026-11-30的补正通知书未列出“家庭收入及财产状况声明”，不能再要求补正");
            assertThat(dibao.correctionNotice().orElseThrow().issuedOn()).isEqualTo(date("2026-11-30"));
        }

        @Test
        void aFirstNoticeAfterFiveWorkingDaysIsRefusedAndTheCaseCountsAsAcceptedOnReceipt() {
            Case dibao = Fixtures.received(MONDAY);
            Map<String, MaterialMark> marks = new LinkedHashMap<>(Fixtures.allMarked());
            marks.remove("HOUSEHOLD_REGISTER");
            dibao.markMaterials(marks, CLERK, MONDAY);
            Clock sixWorkingDaysLater = at("2026-12-08T09:00");

            DomainException late = refusal(
                    () -> dibao.issueCorrectionNotice("370321补正〔2026〕000001号", CLERK, sixWorkingDaysLater, CALENDAR));
            dibao.markMaterials(Fixtures.allMarked(), CLERK, sixWorkingDaysLater);
            dibao.accept(
                    Fixtures.number(3, date("2026-12-08")), Fixtures.checkCode(), CLERK, sixWorkingDaysLater, CALENDAR);

            assertThat(late.key()).isEqualTo("casework.correction.late");
            assertThat(dibao.legalClock().orElseThrow().acceptedOn()).isEqualTo(date("2026-11-30"));
        }

        @Test
        void aRefusalToAcceptNeedsReasonAndBasis() {
            Case dibao = Fixtures.received(MONDAY);

            assertThat(refusal(() -> dibao.refuse(" ", Fixtures.BASIS, "370321不予受理〔2026〕000001号", CLERK, MONDAY))
                            .key())
                    .isEqualTo("casework.refusal.reason.required");
            assertThat(refusal(() -> dibao.refuse("户籍不在本县", "", "370321不予受理〔2026〕000001号", CLERK, MONDAY))
                            .key())
                    .isEqualTo("casework.refusal.basis.required");
            assertThat(dibao.state()).isEqualTo(CaseState.RECEIVED);
        }
    }

    @Nested
    class Review {

        @Test
        void aSupplementPauseMovesTheDueDatesByThePausedWorkingDays() {
            Case dibao = Fixtures.inState(CaseState.IN_REVIEW);

            dibao.requestSupplement("补充近6个月银行流水", Fixtures.BASIS, REVIEWER, at("2026-12-01T10:00"));
            Deadlines whilePaused = deadlinesOn(dibao, "2026-12-02T10:00");
            dibao.receiveSupplement(REVIEWER, at("2026-12-03T16:00"));
            Deadlines after = deadlinesOn(dibao, "2026-12-04T10:00");

            assertThat(whilePaused.paused()).isTrue();
            assertThat(whilePaused.promisedDueDate()).as("as if resumed today").isEqualTo(date("2026-12-29"));
            // Wednesday 2 and Thursday 3 December were paused: two working days later than 28 December.
            assertThat(after.promisedDueDate()).isEqualTo(date("2026-12-30"));
            assertThat(after.statutoryDueDate()).isEqualTo(date("2027-01-13"));
            assertThat(after.usedWorkingDays()).as("Tuesday 1 and Friday 4").isEqualTo(2);
            assertThat(after.paused()).isFalse();
            Pause line = dibao.legalClock().orElseThrow().pauses().getFirst();
            assertThat(line)
                    .isEqualTo(new Pause(
                            PauseKind.SUPPLEMENT,
                            date("2026-12-01"),
                            date("2026-12-03"),
                            "补充近6个月银行流水",
                            Fixtures.BASIS,
                            null,
                            null));
        }

        @Test
        void aSpecialProcedurePausesTheClockAndRecordsItsResult() {
            Case dibao = Fixtures.inState(CaseState.IN_REVIEW);

            dibao.startSpecialProcedure(
                    PauseKind.HEARING, "家庭经济状况有异议", LegalBasis.SPECIAL_PROCEDURE, 10, REVIEWER, at("2026-12-01T10:00"));
            dibao.endSpecialProcedure("听证笔录：情况属实", REVIEWER, at("2026-12-08T10:00"));

            Pause hearing = dibao.legalClock().orElseThrow().pauses().getFirst();
            assertThat(hearing.kind().isSpecialProcedure()).isTrue();
            assertThat(hearing.announcedWorkingDays()).isEqualTo(10);
            assertThat(hearing.result()).isEqualTo("听证笔录：情况属实");
            // 2 to 8 December: five working days paused. 28 Dec + 5 reaches 2027, whose notice is not loaded: Friday
            // 1 January counts as a weekday for now, so the date is provisional.
            Deadlines after = deadlinesOn(dibao, "2026-12-09T09:00");
            assertThat(after.promisedDueDate()).isEqualTo(date("2027-01-04"));
            assertThat(after.provisional()).isTrue();
            assertThat(dibao.state()).isEqualTo(CaseState.IN_REVIEW);
        }

        @Test
        void aSpecialProcedureMustSayHowLongItTakes() {
            Case dibao = Fixtures.inState(CaseState.IN_REVIEW);

            DomainException refused = refusal(() -> dibao.startSpecialProcedure(
                    PauseKind.TESTING, "房屋检测", LegalBasis.SPECIAL_PROCEDURE, 0, REVIEWER, at("2026-12-01T10:00")));

            assertThat(refused.key()).isEqualTo("casework.pause.duration.required");
            assertThat(dibao.state()).isEqualTo(CaseState.IN_REVIEW);
            assertThat(dibao.legalClock().orElseThrow().pauses()).isEmpty();
        }

        @Test
        void theLimitIsExtendedOnceOnly() {
            Case dibao = Fixtures.inState(CaseState.IN_REVIEW);
            Clock december = at("2026-12-10T10:00");

            dibao.extend(10, "民政局局长 李明", "需入户核查家庭财产", REVIEWER, december, CALENDAR);
            DomainException again =
                    refusal(() -> dibao.extend(5, "民政局局长 李明", "再次核查", REVIEWER, at("2026-12-20T10:00"), CALENDAR));

            LegalClock clock = dibao.legalClock().orElseThrow();
            assertThat(clock.extension().approvedBy()).isEqualTo("民政局局长 李明");
            assertThat(clock.extension().approvedOn()).isEqualTo(date("2026-12-10"));
            assertThat(deadlinesOn(dibao, "2026-12-10T10:00").promisedDueDate()).isEqualTo(date("2027-01-11"));
            assertThat(deadlinesOn(dibao, "2026-12-10T10:00").statutoryDueDate())
                    .isEqualTo(date("2027-01-25"));
            assertThat(again.key()).isEqualTo("casework.extension.once");
            assertThat(again.kind()).isEqualTo(DomainException.Kind.CONFLICT);
            assertThat(clock.extensionWorkingDays()).isEqualTo(10);
        }

        @Test
        void anExtensionNeedsTheHeadsApprovalAReasonAndAtMostTenDays() {
            Case dibao = Fixtures.inState(CaseState.IN_REVIEW);
            Clock december = at("2026-12-10T10:00");

            assertThat(refusal(() -> dibao.extend(10, " ", "核查", REVIEWER, december, CALENDAR))
                            .key())
                    .isEqualTo("casework.extension.approver.required");
            assertThat(refusal(() -> dibao.extend(10, "李明", "", REVIEWER, december, CALENDAR))
                            .key())
                    .isEqualTo("casework.extension.reason.required");
            assertThat(refusal(() -> dibao.extend(11, "李明", "核查", REVIEWER, december, CALENDAR))
                            .key())
                    .isEqualTo("casework.extension.days");
            assertThat(dibao.legalClock().orElseThrow().extension()).isNull();
        }

        @Test
        void aLimitThatRanOutCannotBeExtended() {
            Case dibao = Fixtures.inState(CaseState.IN_REVIEW);

            DomainException late =
                    refusal(() -> dibao.extend(10, "李明", "核查", REVIEWER, at("2027-01-12T10:00"), CALENDAR));

            assertThat(late.key()).isEqualTo("casework.extension.late");
            assertThat(late.arguments()).containsExactly(date("2027-01-11"));
        }

        @Test
        void aRejectionWithoutReasonOrBasisIsRefusedAndChangesNothing() {
            Case dibao = Fixtures.inState(CaseState.IN_REVIEW);
            Clock tuesday = at("2026-12-01T15:00");

            DomainException noReason = refusal(() -> dibao.reject("  ", Fixtures.BASIS, REVIEWER, tuesday));
            DomainException noBasis = refusal(() -> dibao.reject("收入超过标准", null, REVIEWER, tuesday));

            assertThat(noReason.key()).isEqualTo("casework.decision.reason.required");
            assertThat(Messages.format(Locale.SIMPLIFIED_CHINESE, noReason)).isEqualTo("不予（不同意）必须说明理由");
            assertThat(Messages.format(Locale.ENGLISH, noReason)).isEqualTo("A rejection must give its reason");
            assertThat(noBasis.key()).isEqualTo("casework.decision.basis.required");
            assertThat(dibao.state()).isEqualTo(CaseState.IN_REVIEW);
            assertThat(dibao.decision()).isEmpty();
            assertThat(dibao.legalClock().orElseThrow().isStopped()).isFalse();
        }

        @Test
        void anApprovalNeedsItsBasisButNoReason() {
            Case dibao = Fixtures.inState(CaseState.IN_REVIEW);

            assertThat(refusal(() -> dibao.approve(null, " ", REVIEWER, at("2026-12-01T15:00")))
                            .key())
                    .isEqualTo("casework.decision.basis.required");
            dibao.approve(null, Fixtures.BASIS, REVIEWER, at("2026-12-01T15:00"));

            assertThat(dibao.state()).isEqualTo(CaseState.DECIDED_APPROVED);
            assertThat(dibao.decision().orElseThrow().reason()).isNull();
        }

        @Test
        void aDecisionStopsTheClock() {
            Case dibao = Fixtures.inState(CaseState.DECIDED_REJECTED);

            Deadlines muchLater = deadlinesOn(dibao, "2027-03-01T09:00");

            assertThat(muchLater.status()).as("decided on time stays on time").isEqualTo(ClockStatus.ON_TIME);
            assertThat(muchLater.usedWorkingDays()).isEqualTo(1);
        }

        @Test
        void aCaseDecidedLateStaysOverdueAndOneDecidedInTimeIsNotWarned() {
            Case late = Fixtures.accepted();
            late.startReview(REVIEWER, at("2026-12-01T09:00"));
            late.approve(null, Fixtures.BASIS, REVIEWER, at("2026-12-30T09:00"));
            Case close = Fixtures.accepted();
            close.startReview(REVIEWER, at("2026-12-01T09:00"));
            close.approve(null, Fixtures.BASIS, REVIEWER, at("2026-12-24T09:00"));

            assertThat(deadlinesOn(late, "2027-02-01T09:00").status()).isEqualTo(ClockStatus.OVERDUE);
            assertThat(deadlinesOn(close, "2027-02-01T09:00").usedWorkingDays()).isEqualTo(18);
            assertThat(deadlinesOn(close, "2027-02-01T09:00").status()).isEqualTo(ClockStatus.ON_TIME);
        }

        @Test
        void withdrawingWhilePausedEndsThePauseAndStopsTheClock() {
            Case dibao = Fixtures.inState(CaseState.SUPPLEMENT_REQUESTED);

            dibao.withdraw("申请人不再申请", CLERK, at("2026-12-04T09:00"));

            LegalClock clock = dibao.legalClock().orElseThrow();
            assertThat(clock.isPaused()).isFalse();
            assertThat(clock.pauses().getFirst().end()).isEqualTo(date("2026-12-04"));
            assertThat(clock.stoppedOn()).isEqualTo(date("2026-12-04"));
            assertThat(dibao.withdrawalReason()).contains("申请人不再申请");
        }
    }

    @Nested
    class TheClock {

        @Test
        void aCaseTurnsAmberAtEightyPercentOfThePromisedTimeThenOverdueThenPastTheLaw() {
            Case dibao = Fixtures.accepted();

            assertThat(deadlinesOn(dibao, "2026-12-21T09:00").status())
                    .as("15 of 20")
                    .isEqualTo(ClockStatus.ON_TIME);
            assertThat(deadlinesOn(dibao, "2026-12-22T09:00").status())
                    .as("16 of 20")
                    .isEqualTo(ClockStatus.WARNING);
            assertThat(deadlinesOn(dibao, "2026-12-28T17:00").status())
                    .as("due today")
                    .isEqualTo(ClockStatus.WARNING);
            assertThat(deadlinesOn(dibao, "2026-12-29T00:01").status()).isEqualTo(ClockStatus.OVERDUE);
            assertThat(deadlinesOn(dibao, "2026-12-29T00:01").remainingWorkingDays())
                    .isEqualTo(-1);
            assertThat(deadlinesOn(dibao, "2027-01-12T09:00").status()).isEqualTo(ClockStatus.STATUTORY_OVERDUE);
        }

        @Test
        void aTenantMaySetItsOwnWarningThreshold() {
            Case dibao = Fixtures.accepted();

            Deadlines half = dibao.deadlines(CALENDAR, at("2026-12-14T09:00"), new WarningThreshold(50))
                    .orElseThrow();

            assertThat(half.usedWorkingDays()).isEqualTo(10);
            assertThat(half.status()).isEqualTo(ClockStatus.WARNING);
            assertThat(catchThrowableOfType(DomainException.class, () -> new WarningThreshold(0))
                            .key())
                    .isEqualTo("casework.warning.percent");
        }

        @Test
        void aCaseHasNoClockBeforeAcceptance() {
            assertThat(Fixtures.received(MONDAY).deadlines(CALENDAR, MONDAY, WarningThreshold.DEFAULT))
                    .isEmpty();
        }

        @Test
        void anOnTheSpotItemIsDueTheDayItIsAccepted() {
            ItemSnapshot business = new ItemSnapshot(
                    "XZSP-0001",
                    1,
                    "个体工商户设立登记",
                    true,
                    0,
                    3,
                    List.of(Fixtures.material("APPLICATION_FORM", "个体工商户登记（备案）申请书", true, MaterialSource.APPLICANT)));
            Case shop = Case.receive(
                    Fixtures.VILLAGE,
                    Fixtures.WINDOW,
                    business,
                    Applicant.person("张伟", ID_NUMBER),
                    null,
                    CLERK,
                    MONDAY);

            shop.markMaterials(Map.of("APPLICATION_FORM", MaterialMark.paperSeen()), CLERK, MONDAY);
            shop.accept(Fixtures.number(5, date("2026-11-30")), Fixtures.checkCode(), CLERK, MONDAY, CALENDAR);
            shop.startReview(CLERK, MONDAY);
            shop.approve("符合条件，当场办结", "《个体工商户条例》第八条", CLERK, MONDAY);

            Deadlines due = deadlinesOn(shop, "2026-11-30T09:30");
            assertThat(due.promisedDueDate()).isEqualTo(date("2026-11-30"));
            assertThat(due.status()).isEqualTo(ClockStatus.ON_TIME);
            assertThat(deadlinesOn(shop, "2026-12-05T09:00").status())
                    .as("decided on the day: stays on time")
                    .isEqualTo(ClockStatus.ON_TIME);
        }
    }

    @Nested
    class Issuance {

        @Test
        void theApplicantCollectsAtTheVillageWindowAndTheCaseIsCompleted() {
            Case dibao = Fixtures.inState(CaseState.DECIDED_APPROVED);
            Clock friday = at("2026-12-04T10:00");

            dibao.holdForPickup(new Delivery.AtWindow(null, "华沟村便民服务站"), CLERK, friday);
            dibao.recordPickup("王秀英", "370321195803121012", null, CLERK, friday);

            assertThat(dibao.state()).isEqualTo(CaseState.COMPLETED);
            assertThat(dibao.completedOn()).contains(date("2026-12-04"));
            assertThat(dibao.pickup().orElseThrow().toString())
                    .doesNotContain(ID_NUMBER)
                    .contains("370321********1012");
        }

        @Test
        void someoneElseCollectsOnlyWithAnAuthorisation() {
            Case dibao = Fixtures.inState(CaseState.AWAITING_PICKUP);
            Clock friday = at("2026-12-04T10:00");

            DomainException refused =
                    refusal(() -> dibao.recordPickup("王建国", "370303198709212146", null, CLERK, friday));
            dibao.recordPickup("王建国", "370303198709212146", "授权委托书 WT-0031", CLERK, friday);

            assertThat(refused.key()).isEqualTo("casework.pickup.authorisation.required");
            assertThat(dibao.pickup().orElseThrow().authorisation()).isEqualTo("授权委托书 WT-0031");
        }

        @Test
        void aPostedResultCompletesOnDelivery() {
            Case dibao = Fixtures.inState(CaseState.POSTED);

            dibao.confirmDelivery(CLERK, at("2026-12-05T16:00"));

            assertThat(dibao.state()).isEqualTo(CaseState.COMPLETED);
            assertThat(((Delivery.ByPost) dibao.delivery().orElseThrow()).trackingNumber())
                    .isEqualTo("EMS1234567890");
        }

        @Test
        void postingNeedsRecipientAddressAndTrackingNumber() {
            assertThat(catchThrowableOfType(DomainException.class, () -> new Delivery.ByPost("王秀英", " ", null, "EMS1"))
                            .key())
                    .isEqualTo("casework.post.address.required");
            assertThat(catchThrowableOfType(DomainException.class, () -> new Delivery.ByPost("王秀英", "华沟村12号", null, ""))
                            .key())
                    .isEqualTo("casework.post.tracking.required");
        }
    }

    @Nested
    class ProgressLookup {

        @Test
        void thePublicSeesTheStageAndTheDatesAndNothingPersonal() {
            Case dibao = Fixtures.inState(CaseState.AWAITING_PICKUP);

            PublicProgress progress =
                    dibao.publicProgress(CALENDAR, at("2026-12-02T09:00")).orElseThrow();

            assertThat(progress.caseNumber()).hasToString("370321-20261130-000123");
            assertThat(progress.itemName()).isEqualTo("最低生活保障申请");
            assertThat(progress.stage()).isEqualTo(ProgressStage.READY_FOR_PICKUP);
            assertThat(progress.acceptedOn()).isEqualTo(date("2026-11-30"));
            assertThat(progress.decidedOn()).isEqualTo(date("2026-12-01"));
            assertThat(progress.pickupPoint()).isEqualTo("华沟村便民服务站");
            assertThat(progress.toString()).doesNotContain("王秀英", ID_NUMBER, "1012", "符合低保条件");
        }

        @Test
        void aRejectionShowsOnlyThatItIsDecided() {
            PublicProgress progress = Fixtures.inState(CaseState.DECIDED_REJECTED)
                    .publicProgress(CALENDAR, at("2026-12-02T09:00"))
                    .orElseThrow();

            assertThat(progress.stage()).isEqualTo(ProgressStage.DECIDED);
        }

        @Test
        void aCaseNotAcceptedHasNoProgressPage() {
            assertThat(Fixtures.inState(CaseState.AWAITING_SUPPLEMENTS).publicProgress(CALENDAR, MONDAY))
                    .isEmpty();
            assertThat(Fixtures.inState(CaseState.REFUSED).publicProgress(CALENDAR, MONDAY))
                    .isEmpty();
        }

        @Test
        void theApplicantNeverAppearsWholeInALogLine() {
            Case dibao = Fixtures.accepted();

            assertThat(dibao.applicant().toString()).doesNotContain(ID_NUMBER).contains("370321********1012");
            assertThat(dibao.checkCode().orElseThrow().toString())
                    .doesNotContain(dibao.checkCode().orElseThrow().value());
        }
    }
}
