package org.onewindow.casework.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.error.DomainException;

/** The queue's keyset cursor: the last row's due date and id, read back as written, anything else refused. */
class WorkQueueCursorTest {

    @Test
    void aCursorReadsBackAsWritten() {
        var cursor = new WorkQueueService.Cursor(LocalDate.of(2026, 12, 24), "0b5c2f1e-7a0d-4c1a-9f3e-6d2a1b0c9e8f");

        assertThat(WorkQueueService.Cursor.parse(cursor.toString())).isEqualTo(cursor);
        assertThat(WorkQueueService.Cursor.parse(null)).isNull();
    }

    @Test
    void anythingElseIsRefusedWithTheQueuesMessage() {
        for (String bad : new String[] {"yesterday", "2026-12-24", "2026-12-24~", "2026-13-01~x", "20261224~abc"}) {
            DomainException refused =
                    catchThrowableOfType(DomainException.class, () -> WorkQueueService.Cursor.parse(bad));
            assertThat(refused).as(bad).isNotNull();
            assertThat(refused.key()).isEqualTo("casework.queue.cursor");
        }
    }
}
