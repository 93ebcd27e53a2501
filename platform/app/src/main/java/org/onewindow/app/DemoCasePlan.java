package org.onewindow.app;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.onewindow.kernel.identity.domain.ResidentIdNumber;
import org.onewindow.kernel.tenant.domain.TenantLevel;

/**
 * Which demo cases to make (演示办件), so that queues, case lists and dashboards are not empty on a first start: at
 * each demo window (华沟村, 付庙村, 起凤镇 and the county's centre), one application per outcome and item in turn,
 * by made-up applicants with valid resident ID numbers (GB 11643 check character; born in 桓台县 between 1950 and
 * 1989). Deterministic: the same plan on every start, each case with its own idempotency key, so a restart replays
 * instead of taking in again.
 */
final class DemoCasePlan {

    /** How each demo application ends at the window. */
    enum Outcome {
        /** Everything there: accepted (受理) with a case number; its first review task waits in a queue. */
        ACCEPTED,
        /** Accepted, then approved at every review: decided (准予许可), the result waits at the window. */
        APPROVED,
        /** Accepted, then rejected at the first review with reason and basis (不予许可). */
        REJECTED,
        /** Accepted, then the county's department asks for supplements: the clock is paused (审查中补正). */
        SUPPLEMENT_REQUESTED,
        /** Accepted, then the county's department starts an expert review (§45): the clock is paused. */
        SPECIAL_PROCEDURE,
        /** A mandatory material missing: one correction notice (补正通知书), waiting for supplements. */
        AWAITING_SUPPLEMENTS,
        /** Missing first, then supplied at the window: accepted after one correction notice. */
        SUPPLIED_THEN_ACCEPTED,
        /** Not accepted (不予受理) with reason and basis. */
        REFUSED,
        /** Approved, its decision letter issued, the result waiting at the intake window (出件, 待领取). */
        AWAITING_PICKUP,
        /** Approved, its decision letter issued, the result posted with a tracking number (免费邮寄, 已寄出). */
        POSTED,
        /**
         * Accepted and passed on by the lower tiers: the county department's review task waits unclaimed in its
         * queue (民政局's for 低保), so that a county reviewer has work to take on a first start.
         */
        WAITING_AT_COUNTY;

        /** Whether the result has left the decision: issued, waiting at a window or posted (统一出件). */
        boolean issued() {
            return ISSUED.contains(this);
        }

        /** Whether the outcome is made once at each window, after those taking turns, with keys of its own. */
        boolean once() {
            return issued() || this == WAITING_AT_COUNTY;
        }
    }

    /** The outcomes that reach issuance: made once at each window, after the others. */
    static final Set<Outcome> ISSUED = EnumSet.of(Outcome.AWAITING_PICKUP, Outcome.POSTED);

    /** The outcomes made {@code perOutcome} times at each window, in turn: all but those made once. */
    private static final List<Outcome> TAKING_TURNS =
            EnumSet.allOf(Outcome.class).stream().filter(o -> !o.once()).toList();

    /**
     * A demo window: the clerk's account and where it sits.
     *
     * @param username the demo account
     * @param displayName its name as the account has it
     * @param tenantCode the division (12 digits)
     * @param tenantName the division's name
     * @param level the division's level
     */
    record Window(String username, String displayName, String tenantCode, String tenantName, TenantLevel level) {}

    /**
     * One demo application.
     *
     * @param key its idempotency key ({@code demo-case-<n>}), unique per window
     * @param window where it is taken in
     * @param itemIndex which of the window's offered items, modulo their count
     * @param applicantName the applicant
     * @param idNumber the applicant's resident ID number (valid, 18 characters)
     * @param outcome how it ends at the window
     */
    record Planned(String key, Window window, int itemIndex, String applicantName, String idNumber, Outcome outcome) {}

    static final List<Window> WINDOWS = List.of(
            new Window("huagou.clerk", "华沟村代办员", DemoData.HUAGOU, "华沟村", TenantLevel.VILLAGE),
            new Window("fumiao.clerk", "付庙村代办员", DemoData.FUMIAO, "付庙村", TenantLevel.VILLAGE),
            new Window("qifeng.clerk", "起凤镇窗口人员", DemoData.QIFENG, "起凤镇", TenantLevel.TOWN),
            new Window("county.clerk", "县便民服务中心窗口人员", DemoData.COUNTY, "桓台县", TenantLevel.COUNTY));

    /**
     * A demo reviewer: the account, where it sits and the department whose tasks it takes.
     *
     * @param desk the account and its division
     * @param department the department's code (民政局 MZ, 起凤镇社会事务办 SHSW, 华沟村委会 CWH …)
     */
    record Reviewer(Window desk, String department) {}

    /** The reviewers who act on the demo cases' tasks, wherever these wait: village, town, county departments. */
    static final List<Reviewer> REVIEWERS = List.of(
            new Reviewer(new Window("huagou.reviewer", "华沟村村委审核员", DemoData.HUAGOU, "华沟村", TenantLevel.VILLAGE), "CWH"),
            new Reviewer(new Window("fumiao.reviewer", "付庙村村委审核员", DemoData.FUMIAO, "付庙村", TenantLevel.VILLAGE), "CWH"),
            new Reviewer(new Window("qifeng.reviewer", "起凤镇审核员", DemoData.QIFENG, "起凤镇", TenantLevel.TOWN), "SHSW"),
            new Reviewer(new Window("mz.reviewer", "民政局审批员", DemoData.COUNTY, "桓台县", TenantLevel.COUNTY), "MZ"),
            new Reviewer(new Window("zj.reviewer", "住建局审批员", DemoData.COUNTY, "桓台县", TenantLevel.COUNTY), "ZJ"),
            new Reviewer(new Window("cz.reviewer", "财政局审批员", DemoData.COUNTY, "桓台县", TenantLevel.COUNTY), "CZ"));

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "孙", "周", "吴", "徐", "马"};
    private static final String[] GIVEN = {"秀英", "建国", "桂兰", "志强", "玉梅", "德福", "淑珍", "海燕", "立新", "春花", "国庆"};
    private static final LocalDate FIRST_BIRTHDAY = LocalDate.of(1950, 1, 1);
    private static final int BIRTHDAYS = 40 * 365;

    private DemoCasePlan() {}

    /**
     * {@code perOutcome} cases of every outcome up to the window's decision at every window, outcomes taking turns
     * ({@code demo-case-<n>}); then one of each issued outcome at every window ({@code demo-issued-<n>}), so that the
     * issuance screens are not empty either; then one waiting at the county at every window ({@code demo-county-1}),
     * so that a county reviewer's queue has work to take. Those made once come last and have keys of their own: the
     * earlier cases keep their keys and applicants, and a database made before them gets them on its next start.
     */
    static List<Planned> plan(List<Window> windows, int perOutcome) {
        List<Planned> plan = new ArrayList<>();
        int n = 0;
        for (Window window : windows) {
            for (int i = 0; i < perOutcome * TAKING_TURNS.size(); i++, n++) {
                plan.add(new Planned(
                        "demo-case-" + (i + 1),
                        window,
                        i / TAKING_TURNS.size(),
                        applicantName(n),
                        idNumber(n),
                        TAKING_TURNS.get(i % TAKING_TURNS.size())));
            }
        }
        for (Window window : windows) {
            int i = 0;
            for (Outcome outcome : ISSUED) {
                plan.add(new Planned("demo-issued-" + (++i), window, 0, applicantName(n), idNumber(n), outcome));
                n++;
            }
        }
        for (Window window : windows) {
            plan.add(new Planned("demo-county-1", window, 0, applicantName(n), idNumber(n), Outcome.WAITING_AT_COUNTY));
            n++;
        }
        return plan;
    }

    private static String applicantName(int n) {
        return SURNAMES[n % SURNAMES.length] + GIVEN[(n * 7) % GIVEN.length];
    }

    /** A made-up tracking number (运单号) of the post, 13 digits, the same for the application on every start. */
    static String trackingNumber(Planned planned) {
        return "1180" + planned.idNumber().substring(8, 17);
    }

    /** A valid resident ID number of 桓台县 (370321) for the n-th applicant. */
    static String idNumber(int n) {
        LocalDate born = FIRST_BIRTHDAY.plusDays((n * 2_713L) % BIRTHDAYS);
        String first17 =
                "370321" + born.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", (n * 37) % 1000);
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }
}
