package org.onewindow.casework.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.error.DomainException;

/** A villager asks at 华沟村's window; the clerk who answered is on record (首问负责). */
class ConsultationTest {

    private static final Clock MONDAY = Fixtures.at("2026-11-30T09:00");

    @Test
    void whoAnsweredWhatWasAskedAndWhenAreRecorded() {
        Consultation asked = Consultation.record(
                Fixtures.VILLAGE,
                Fixtures.WINDOW,
                Fixtures.CLERK,
                " 低保需要带哪些材料？ ",
                "身份证、户口簿、收入声明和核对授权书",
                "MZ-0001",
                null,
                MONDAY);

        assertThat(asked.answeredBy()).isEqualTo("huagou.clerk");
        assertThat(asked.question()).isEqualTo("低保需要带哪些材料？");
        assertThat(asked.askedAt()).isEqualTo(MONDAY.instant());
        assertThat(asked.applicantContact()).isNull();
    }

    @Test
    void aConsultationWithoutQuestionOrWithAnOverlongContactIsRefused() {
        assertThat(catchThrowableOfType(
                                DomainException.class,
                                () -> Consultation.record(
                                        Fixtures.VILLAGE,
                                        Fixtures.WINDOW,
                                        Fixtures.CLERK,
                                        "",
                                        null,
                                        null,
                                        null,
                                        MONDAY))
                        .key())
                .isEqualTo("casework.consultation.question.required");
        assertThat(catchThrowableOfType(
                                DomainException.class,
                                () -> Consultation.record(
                                        Fixtures.VILLAGE,
                                        Fixtures.WINDOW,
                                        Fixtures.CLERK,
                                        "问题",
                                        null,
                                        null,
                                        "1".repeat(51),
                                        MONDAY))
                        .key())
                .isEqualTo("casework.consultation.contact.length");
    }

    @Test
    void theContactStaysOutOfLogs() {
        Consultation asked = Consultation.record(
                Fixtures.VILLAGE, Fixtures.WINDOW, Fixtures.CLERK, "问题", null, null, "13912345678", MONDAY);

        assertThat(asked.toString()).doesNotContain("13912345678", "问题");
    }
}
