package org.onewindow.casework.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.error.DomainException;

/** The short code on the receipt: easy to read aloud, hard to guess. */
class CheckCodeTest {

    @Test
    void aCodeIsSixCharactersWithoutLookAlikes() {
        for (int i = 0; i < 1000; i++) {
            String code = CheckCode.generate().value();

            assertThat(code).hasSize(6).doesNotContain("0", "O", "1", "I", "L");
            assertThat(code.chars()).allMatch(c -> CheckCode.ALPHABET.indexOf(c) >= 0);
        }
    }

    @Test
    void codesDoNotRepeatInPractice() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(CheckCode.generate().value());
        }

        // 10,000 draws from 887 million codes: a repeat has a chance of about 5.6%; two or more, far less.
        assertThat(seen.size()).isGreaterThanOrEqualTo(9_998);
    }

    @Test
    void aTypedCodeMatchesInAnyCaseAndWithSpacesAround() {
        CheckCode code = new CheckCode("7KQ4MX");

        assertThat(code.matches(" 7kq4mx ")).isTrue();
        assertThat(code.matches("7KQ4MY")).isFalse();
        assertThat(code.matches("7KQ4M")).isFalse();
        assertThat(code.matches(null)).isFalse();
    }

    @Test
    void aMalformedCodeIsRefused() {
        assertThat(catchThrowableOfType(DomainException.class, () -> new CheckCode("7KQ4M0"))
                        .key())
                .isEqualTo("casework.checkcode.format");
        assertThat(catchThrowableOfType(DomainException.class, () -> new CheckCode("7KQ4"))
                        .key())
                .isEqualTo("casework.checkcode.format");
    }

    @Test
    void theCodeStaysOutOfLogs() {
        assertThat(new CheckCode("7KQ4MX").toString()).doesNotContain("7KQ4MX");
    }
}
