package org.onewindow.casework.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.error.DomainException;

/**
 * What a clerk types at the window is bounded as the case row keeps it: a name pasted twice over, an authorisation
 * reference or a legal basis too long for its column is refused with its own message, never a database error.
 */
class ApplicantLimitsTest {

    private static final String ID = "370321195803121012";

    @Test
    void aNameOfRareCharactersUpToTheLimitIsKept() {
        Applicant applicant = Applicant.person("𠮷".repeat(50), ID);

        assertThat(applicant.name()).hasSize(100);
    }

    @Test
    void anOverlongNameOrRepresentativeIsRefused() {
        assertThat(key(() -> Applicant.person("王".repeat(101), ID))).isEqualTo("casework.applicant.name.length");
        assertThat(key(() -> Applicant.organisation("华沟村合作社", "91370321MA3C4RT10E", "李".repeat(101))))
                .isEqualTo("casework.applicant.representative.length");
    }

    @Test
    void anOverlongAgentNameOrAuthorisationIsRefused() {
        assertThat(key(() -> new Agent("张".repeat(101), ID, "委托书001"))).isEqualTo("casework.agent.name.length");
        assertThat(key(() -> new Agent("张三", ID, "x".repeat(201)))).isEqualTo("casework.agent.authorisation.length");
    }

    @Test
    void anOverlongLegalBasisIsRefused() {
        String basis = "《中华人民共和国行政许可法》第三十二条".repeat(12);

        assertThat(key(() -> new Refusal("不属于本机关职权范围", basis, "huagou.clerk", LocalDate.of(2026, 11, 30), null)))
                .isEqualTo("casework.refusal.basis.length");
    }

    private static String key(Runnable attempt) {
        return catchThrowableOfType(DomainException.class, attempt::run).key();
    }
}
