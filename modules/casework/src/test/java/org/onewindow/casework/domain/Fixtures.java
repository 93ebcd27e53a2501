package org.onewindow.casework.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.onewindow.kernel.calendar.WorkingDayCalendar;

/** A county with the 2026 national calendar, 华沟村's window, and the 低保 item as the catalog would give it. */
public final class Fixtures {

    static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.national();
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final String VILLAGE = "370321106202";
    static final String WINDOW = "华沟村便民服务站 1号窗口";
    static final String CLERK = "huagou.clerk";
    static final String REVIEWER = "mz.reviewer";
    static final String ID_NUMBER = "370321195803121012";
    public static final String BASIS = "《社会救助暂行办法》第九条";

    /**
     * 最低生活保障申请, an administrative benefit (行政给付) under 《社会救助暂行办法》: promised 20, statutory 30 working
     * days, five mandatory materials.
     */
    public static final ItemSnapshot DIBAO = new ItemSnapshot(
            "MZ-0001",
            3,
            "最低生活保障申请",
            false,
            20,
            30,
            List.of(
                    material("ID_CARD", "居民身份证", true, MaterialSource.ELICENCE, MaterialSource.APPLICANT),
                    material("HOUSEHOLD_REGISTER", "居民户口簿", true, MaterialSource.ELICENCE, MaterialSource.APPLICANT),
                    material("INCOME_STATEMENT", "家庭收入及财产状况声明", true, MaterialSource.APPLICANT),
                    material("CHECK_AUTHORISATION", "家庭经济状况核对授权书", true, MaterialSource.APPLICANT),
                    material("FAMILY_ASSETS", "家庭经济状况核对报告", true, MaterialSource.SHARED_DATA),
                    material("DISABILITY_CERT", "残疾人证", false, MaterialSource.ELICENCE, MaterialSource.APPLICANT)),
            "ADMINISTRATIVE_PAYMENT",
            List.of("《社会救助暂行办法》（国务院令第649号）"));

    /** The smallest bytes that are a PDF by their content (a scan's stand-in). */
    static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private Fixtures() {}

    public static RequiredMaterial material(String code, String name, boolean mandatory, MaterialSource... sources) {
        return new RequiredMaterial(code, name, mandatory, EnumSet.copyOf(List.of(sources)));
    }

    /** A clock fixed at the time in China, e.g. {@code "2026-11-30T09:00"}. */
    public static Clock at(String chinaTime) {
        return Clock.fixed(LocalDateTime.parse(chinaTime).atZone(CHINA).toInstant(), CHINA);
    }

    static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    /** Every mandatory material of 低保 seen or satisfied. */
    static Map<String, MaterialMark> allMarked() {
        Map<String, MaterialMark> marks = new LinkedHashMap<>();
        marks.put("ID_CARD", MaterialMark.governmentData("电子身份证"));
        marks.put("HOUSEHOLD_REGISTER", MaterialMark.paperSeen());
        marks.put("INCOME_STATEMENT", MaterialMark.scanned("sha256:9f2c"));
        marks.put("CHECK_AUTHORISATION", MaterialMark.paperSeen());
        marks.put("FAMILY_ASSETS", MaterialMark.governmentData("核对报告 HD-2026-0042"));
        return marks;
    }

    static Case received(Clock clock) {
        return Case.receive(VILLAGE, WINDOW, DIBAO, Applicant.person("王秀英", ID_NUMBER), null, CLERK, clock);
    }

    static CaseNumber number(long sequence, LocalDate day) {
        return CaseNumberFormat.DEFAULT.format("370321", day, sequence);
    }

    static CheckCode checkCode() {
        return CheckCode.generate(new SplittableRandom(7));
    }

    /** A 低保 case received and accepted on Monday 30 Nov 2026 with every material. */
    public static Case accepted() {
        Clock monday = at("2026-11-30T09:00");
        Case accepted = received(monday);
        accepted.markMaterials(allMarked(), CLERK, monday);
        accepted.accept(number(123, date("2026-11-30")), checkCode(), CLERK, monday, CALENDAR);
        return accepted;
    }

    /** A case brought into the state by legal moves only, all on Monday 30 Nov 2026 and Tuesday 1 Dec. */
    public static Case inState(CaseState state) {
        Clock monday = at("2026-11-30T09:00");
        Clock tuesday = at("2026-12-01T10:00");
        return switch (state) {
            case RECEIVED -> received(monday);
            case AWAITING_SUPPLEMENTS -> {
                Case waiting = received(monday);
                waiting.markMaterials(Map.of(), CLERK, monday);
                waiting.issueCorrectionNotice("370321补正〔2026〕000001号", CLERK, monday, CALENDAR);
                yield waiting;
            }
            case ACCEPTED -> accepted();
            case REFUSED -> {
                Case refused = received(monday);
                refused.refuse("申请人户籍不在本县", BASIS, "370321不予受理〔2026〕000001号", CLERK, monday);
                yield refused;
            }
            case IN_REVIEW -> {
                Case reviewing = accepted();
                reviewing.startReview(REVIEWER, tuesday);
                yield reviewing;
            }
            case SUPPLEMENT_REQUESTED -> {
                Case waiting = inState(CaseState.IN_REVIEW);
                waiting.requestSupplement("补充近6个月银行流水", BASIS, REVIEWER, tuesday);
                yield waiting;
            }
            case SPECIAL_PROCEDURE -> {
                Case hearing = inState(CaseState.IN_REVIEW);
                hearing.startSpecialProcedure(
                        PauseKind.HEARING, "家庭经济状况有异议，需听证", LegalBasis.SPECIAL_PROCEDURE, 10, REVIEWER, tuesday);
                yield hearing;
            }
            case DECIDED_APPROVED -> {
                Case approved = inState(CaseState.IN_REVIEW);
                approved.approve("符合低保条件", BASIS, REVIEWER, tuesday);
                yield approved;
            }
            case DECIDED_REJECTED -> {
                Case rejected = inState(CaseState.IN_REVIEW);
                rejected.reject("家庭人均收入高于当地低保标准", BASIS, REVIEWER, tuesday);
                yield rejected;
            }
            case AWAITING_PICKUP -> {
                Case waiting = inState(CaseState.DECIDED_APPROVED);
                waiting.holdForPickup(new Delivery.AtWindow(null, "华沟村便民服务站"), CLERK, tuesday);
                yield waiting;
            }
            case POSTED -> {
                Case posted = inState(CaseState.DECIDED_APPROVED);
                posted.post(new Delivery.ByPost("王秀英", "起凤镇华沟村12号", null, "EMS1234567890"), CLERK, tuesday);
                yield posted;
            }
            case COMPLETED -> {
                Case done = inState(CaseState.AWAITING_PICKUP);
                done.recordPickup("王秀英", ID_NUMBER, null, CLERK, tuesday);
                yield done;
            }
            case WITHDRAWN -> {
                Case withdrawn = inState(CaseState.IN_REVIEW);
                withdrawn.withdraw("申请人已外出务工", CLERK, tuesday);
                yield withdrawn;
            }
        };
    }
}
