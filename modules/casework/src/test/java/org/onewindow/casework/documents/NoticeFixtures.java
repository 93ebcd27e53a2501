package org.onewindow.casework.documents;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.onewindow.casework.domain.Applicant;
import org.onewindow.casework.domain.Case;
import org.onewindow.casework.domain.CaseNumber;
import org.onewindow.casework.domain.CheckCode;
import org.onewindow.casework.domain.Delivery;
import org.onewindow.casework.domain.Fixtures;
import org.onewindow.casework.domain.ItemSnapshot;
import org.onewindow.casework.domain.MaterialMark;
import org.onewindow.casework.domain.MaterialSource;
import org.onewindow.casework.domain.RequiredMaterial;
import org.onewindow.kernel.calendar.WorkingDayCalendar;

/**
 * 王𠮷祥 of 华沟村 applies for 最低生活保障 at the village's service station on Monday 30 November 2026; the cases are
 * brought into each state by the domain's own moves, as the services will.
 */
final class NoticeFixtures {

    static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.national();
    static final ZoneId CHINA = Fixtures.CHINA;
    static final String VILLAGE = "370321106202";
    static final String STATION = "桓台县起凤镇华沟村便民服务站";
    static final String WINDOW = STATION + " 1号窗口";
    static final String CLERK = "huagou.clerk";
    static final String REVIEWER = "mz.reviewer";
    /** A name with CJK Extension B (𠮷 U+20BB7), as real village names and person names have. */
    static final String APPLICANT = "王𠮷祥";

    static final String ID_NUMBER = "370321195803121012";
    static final String MASKED_ID = "370321********1012";
    static final String CASE_NUMBER = "370321-20261130-000123";
    static final CheckCode CHECK_CODE = new CheckCode("7KQ4MX");
    static final String BASE_URL = "https://zwfw.huantai.gov.cn/onewindow";
    static final String PROGRESS_URL = BASE_URL + "/progress/" + CASE_NUMBER + "?code=7KQ4MX";
    static final String BASIS = Fixtures.BASIS;

    /** 最低生活保障申请 as the domain tests know it. */
    static final ItemSnapshot DIBAO = Fixtures.DIBAO;

    private NoticeFixtures() {}

    static RequiredMaterial material(String code, String name, boolean mandatory, MaterialSource... sources) {
        return Fixtures.material(code, name, mandatory, sources);
    }

    static Clock at(String chinaTime) {
        return Fixtures.at(chinaTime);
    }

    static final Clock MONDAY = at("2026-11-30T09:00");
    static final Clock TUESDAY = at("2026-12-01T10:00");

    static NoticeHeader header(String number) {
        return NoticeHeader.of(STATION, number, LocalDate.of(2026, 11, 30));
    }

    static Case received() {
        return Case.receive(VILLAGE, WINDOW, DIBAO, Applicant.person(APPLICANT, ID_NUMBER), null, CLERK, MONDAY);
    }

    static Map<String, MaterialMark> allMarked() {
        Map<String, MaterialMark> marks = new LinkedHashMap<>();
        marks.put("ID_CARD", MaterialMark.governmentData("电子身份证"));
        marks.put("HOUSEHOLD_REGISTER", MaterialMark.paperSeen());
        marks.put("INCOME_STATEMENT", MaterialMark.scanned("sha256:9f2c"));
        marks.put("CHECK_AUTHORISATION", MaterialMark.paperSeen());
        marks.put("FAMILY_ASSETS", MaterialMark.governmentData("核对报告 HD-2026-0042"));
        return marks;
    }

    /**
     * Two of five mandatory materials to supply: the household register missing, the income statement handed in
     * unsigned. The assets report is left unmarked too, but only the government holds it: it is not asked for.
     */
    static Map<String, MaterialMark> incomplete() {
        Map<String, MaterialMark> marks = new LinkedHashMap<>();
        marks.put("ID_CARD", MaterialMark.governmentData("电子身份证"));
        marks.put("INCOME_STATEMENT", MaterialMark.notConforming("未由全体家庭成员签字"));
        marks.put("CHECK_AUTHORISATION", MaterialMark.paperSeen());
        return marks;
    }

    static Case accepted() {
        Case accepted = received();
        accepted.markMaterials(allMarked(), CLERK, MONDAY);
        accepted.accept(new CaseNumber(CASE_NUMBER), CHECK_CODE, CLERK, MONDAY, CALENDAR);
        return accepted;
    }

    static Case awaitingSupplements() {
        Case waiting = received();
        waiting.markMaterials(incomplete(), CLERK, MONDAY);
        waiting.issueCorrectionNotice("370321补正〔2026〕000001号", CLERK, MONDAY, CALENDAR);
        return waiting;
    }

    /** Supplements brought on Tuesday, then accepted: the correction notice stays on the case, now with a number. */
    static Case acceptedAfterCorrection() {
        Case corrected = awaitingSupplements();
        corrected.markMaterials(allMarked(), CLERK, TUESDAY);
        corrected.accept(new CaseNumber(CASE_NUMBER), CHECK_CODE, CLERK, TUESDAY, CALENDAR);
        return corrected;
    }

    static Case refused() {
        Case refused = received();
        refused.refuse("申请人户籍不在本县，不属于本机关职权范围。", BASIS, "370321不予受理〔2026〕000001号", CLERK, MONDAY);
        return refused;
    }

    static Case approved() {
        Case approved = accepted();
        approved.startReview(REVIEWER, TUESDAY);
        approved.approve("申请人家庭人均收入低于当地最低生活保障标准", BASIS, REVIEWER, TUESDAY);
        approved.holdForPickup(new Delivery.AtWindow(null, STATION), CLERK, TUESDAY);
        return approved;
    }

    static Case rejected() {
        Case rejected = accepted();
        rejected.startReview(REVIEWER, TUESDAY);
        rejected.reject("家庭人均收入高于当地最低生活保障标准", BASIS, REVIEWER, TUESDAY);
        return rejected;
    }

    static Case posted() {
        Case posted = accepted();
        posted.startReview(REVIEWER, TUESDAY);
        posted.approve(null, BASIS, REVIEWER, TUESDAY);
        posted.post(new Delivery.ByPost(APPLICANT, "起凤镇华沟村12号", null, "EMS1234567890"), CLERK, TUESDAY);
        return posted;
    }
}
