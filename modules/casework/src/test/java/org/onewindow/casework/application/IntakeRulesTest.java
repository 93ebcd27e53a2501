package org.onewindow.casework.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onewindow.casework.domain.CaseNumberFormat;
import org.onewindow.casework.domain.MaterialMark;
import org.onewindow.kernel.error.DomainException;

/** The small rules of intake that need no database: sequence periods, check code hashes, the clerk's marks. */
class IntakeRulesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 30);

    @Test
    void theSequenceRestartsAsTheFormatSays() {
        assertThat(IntakeService.period(CaseNumberFormat.DEFAULT, DAY)).isEqualTo("20261130");
        assertThat(IntakeService.period(new CaseNumberFormat("HT{year}{seq:6}"), DAY))
                .isEqualTo("2026");
        assertThat(IntakeService.period(new CaseNumberFormat("HT{county}{seq:8}"), DAY))
                .isEqualTo("-");
    }

    @Test
    void theCheckCodeHashIgnoresCaseAndSpacesAndDependsOnTheNumber() {
        String hash = IntakeService.checkCodeHash("370321-20261130-000001", "7KQ4MX");

        assertThat(hash).hasSize(64).matches("[0-9a-f]{64}").doesNotContain("7KQ4MX");
        assertThat(IntakeService.checkCodeHash("370321-20261130-000001", " 7kq4mx "))
                .isEqualTo(hash);
        assertThat(IntakeService.checkCodeHash("370321-20261130-000002", "7KQ4MX"))
                .isNotEqualTo(hash);
    }

    @Test
    void theClerksMarksAreRead() {
        Map<String, IntakeCommand.MarkInput> input = new LinkedHashMap<>();
        input.put("ID_CARD", new IntakeCommand.MarkInput("paper_seen", null));
        input.put("INCOME_STATEMENT", new IntakeCommand.MarkInput("NOT_CONFORMING", "未签字"));

        Map<String, MaterialMark> marks = IntakeService.marks(input);

        assertThat(marks.get("ID_CARD")).isEqualTo(MaterialMark.paperSeen());
        assertThat(marks.get("INCOME_STATEMENT")).isEqualTo(MaterialMark.notConforming("未签字"));
    }

    @Test
    void anUnknownMarkIsRefusedNamingTheMaterial() {
        DomainException refused = catchThrowableOfType(
                DomainException.class,
                () -> IntakeService.marks(Map.of("ID_CARD", new IntakeCommand.MarkInput("SEEN_ONLINE", null))));

        assertThat(refused.key()).isEqualTo("casework.material.mark.kind");
        assertThat(refused.arguments()).containsExactly("ID_CARD", "SEEN_ONLINE");
    }
}
