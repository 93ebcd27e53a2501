package org.onewindow.casework.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.casework.domain.Fixtures.at;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.onewindow.casework.domain.Case;
import org.onewindow.casework.domain.CaseState;
import org.onewindow.casework.domain.CaseStep;
import org.onewindow.casework.domain.Fixtures;
import org.onewindow.casework.domain.MaterialMark;
import org.onewindow.casework.domain.Pause;
import org.onewindow.casework.infrastructure.CaseFile;
import org.onewindow.casework.infrastructure.CaseJson;
import org.onewindow.casework.infrastructure.CaseRepository;
import org.onewindow.kernel.calendar.WorkingDayCalendar;
import org.onewindow.kernel.identity.domain.ResidentIdNumber;
import org.onewindow.kernel.personaldata.application.PersonalDataProtector;
import org.onewindow.kernel.personaldata.domain.PersonalDataCipher;
import org.onewindow.kernel.personaldata.domain.PersonalDataKey;
import org.onewindow.kernel.personaldata.domain.ProtectedIdNumber;
import org.onewindow.kernel.tenant.domain.DivisionCode;

/**
 * A case written to its row and taken up again is the same case at every stage of its life: decision, extension,
 * delivery, pickup (with the ID number sealed and masked), completion and withdrawal all survive a reload.
 */
class CaseRowMappingTest {

    private static final Clock LATER = at("2026-12-02T11:00");
    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.national();
    private static final String APPLICANT = "370321195803121012";

    private final PersonalDataProtector protector = new TestProtector();

    @ParameterizedTest
    @EnumSource(CaseState.class)
    void everyStateSurvivesAReload(CaseState state) {
        Case original = Fixtures.inState(state);

        Case restored = reload(original);

        assertThat(restored.state()).isEqualTo(original.state());
        assertThat(restored.decision()).isEqualTo(original.decision());
        assertThat(restored.delivery()).isEqualTo(original.delivery());
        assertThat(restored.legalClock()).isEqualTo(original.legalClock());
        assertThat(restored.completedOn()).isEqualTo(original.completedOn());
        assertThat(restored.withdrawalReason()).isEqualTo(original.withdrawalReason());
        assertThat(restored.refusal()).isEqualTo(original.refusal());
        assertThat(restored.pickup().isPresent()).isEqualTo(original.pickup().isPresent());
    }

    @Test
    void thePickupKeepsWhoCollectedAndTheIdNumberOnlyMasked() {
        Case completed = Fixtures.inState(CaseState.COMPLETED);

        Case restored = reload(completed);

        var pickup = restored.pickup().orElseThrow();
        assertThat(pickup.collectedBy()).isEqualTo("王秀英");
        assertThat(pickup.identifier()).isEqualTo("370321********1012");
        assertThat(pickup.recordedBy())
                .isEqualTo(completed.pickup().orElseThrow().recordedBy());
        assertThat(pickup.collectedAt())
                .isEqualTo(completed.pickup().orElseThrow().collectedAt());
    }

    @Test
    void anExtensionAndTheDecisionAfterItSurvive() {
        Case extended = Fixtures.inState(CaseState.IN_REVIEW);
        extended.extend(10, "县民政局 李局长", "需入户核查家庭财产", "mz.reviewer", LATER, CALENDAR);
        Case reloaded = reload(extended);
        reloaded.reject("家庭人均收入高于当地低保标准", Fixtures.BASIS, "mz.reviewer", LATER);

        Case decided = reload(reloaded);

        var clock = decided.legalClock().orElseThrow();
        assertThat(clock.extension().workingDays()).isEqualTo(10);
        assertThat(clock.extension().approvedBy()).isEqualTo("县民政局 李局长");
        assertThat(clock.stoppedOn()).isEqualTo(WorkingDayCalendar.today(LATER));
        assertThat(decided.decision().orElseThrow().approved()).isFalse();
        assertThat(decided.decision().orElseThrow().reason()).isEqualTo("家庭人均收入高于当地低保标准");
    }

    @Test
    void aPostedCaseIsDeliveredAfterAReload() {
        Case posted = reload(Fixtures.inState(CaseState.POSTED));

        posted.confirmDelivery("huagou.clerk", LATER);

        assertThat(reload(posted).state()).isEqualTo(CaseState.COMPLETED);
        assertThat(reload(posted).completedOn()).contains(WorkingDayCalendar.today(LATER));
    }

    /** The case through {@link CaseLookup#copy} onto a fresh row and back through {@link CaseLookup#restore}. */
    private Case reload(Case original) {
        CaseFile row = new CaseFile(
                UUID.randomUUID(),
                DivisionCode.of(original.tenantCode()),
                original.intakePoint(),
                original.item().code(),
                original.item().version(),
                original.item().name(),
                CaseJson.write(original.item()),
                original.receivedAt(),
                original.receivedOn());
        // A restored case carries the masked number only; the row keeps the sealed one from intake.
        row.applicantPerson(original.applicant().name(), protector.protect(ResidentIdNumber.parse(APPLICANT, LATER)));
        original.caseNumber()
                .ifPresent(number -> row.accepted(
                        number.value(),
                        "0".repeat(64),
                        original.legalClock().orElseThrow().acceptedOn()));
        CaseLookup.copy(original, row, LATER, CALENDAR, protector);
        return CaseLookup.restore(new ChildRows(original), row);
    }

    /** The child rows as the repository would read them back. */
    private static final class ChildRows extends CaseRepository {
        private final Case original;

        ChildRows(Case original) {
            this.original = original;
        }

        @Override
        public Map<String, MaterialMark> materials(CaseFile row) {
            return original.marks();
        }

        @Override
        public List<StoredStep> steps(CaseFile row) {
            return original.steps().stream()
                    .map((CaseStep step) -> new StoredStep(step, original.intakePoint()))
                    .toList();
        }

        @Override
        public List<Pause> pauses(CaseFile row) {
            return original.legalClock().map(c -> c.pauses()).orElse(List.of());
        }
    }

    /** Seals under a fresh key, as the container's protector does under the configured one. */
    private static final class TestProtector extends PersonalDataProtector {
        private final PersonalDataCipher cipher = new PersonalDataCipher(
                PersonalDataKey.fromBase64(PersonalDataKey.generateBase64(new SecureRandom())), List.of());

        @Override
        public ProtectedIdNumber protect(ResidentIdNumber number) {
            return cipher.protect(number);
        }
    }
}
