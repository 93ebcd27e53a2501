package org.onewindow.kernel.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class CausesTest {

    @Test
    void aUniqueViolationIsFoundUnderAnyWrapping() {
        Exception wrapped = new IllegalStateException(
                "commit failed", new RuntimeException(new SQLException("duplicate key", "23505")));

        assertThat(Causes.uniqueViolation(wrapped)).isTrue();
        assertThat(Causes.uniqueViolation(new RuntimeException(new SQLException("deadlock", "40P01"))))
                .isFalse();
        assertThat(Causes.uniqueViolation(new RuntimeException("no database here")))
                .isFalse();
    }

    @Test
    void theRootMessageIsTheInnermostOneCutToLength() {
        Exception wrapped = new RuntimeException("outer", new IllegalStateException("disk full (test)"));

        assertThat(Causes.rootMessage(wrapped, 100)).isEqualTo("disk full (test)");
        assertThat(Causes.rootMessage(wrapped, 4)).isEqualTo("disk…");
        assertThat(Causes.rootMessage(new NullPointerException(), 100)).isEqualTo("NullPointerException");
    }
}
