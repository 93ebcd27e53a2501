package org.onewindow.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.onewindow.admin.ProcessTemplatesBacking.StepChange;
import org.onewindow.admin.ProcessTemplatesBacking.StepPair;
import org.onewindow.admin.ProcessTemplatesBacking.StepRow;

/**
 * The draft of a process template beside the version in force, step by step: what both have stays on one line,
 * an added, removed or renamed step is marked, and nothing after it shifts out of line.
 */
class ProcessTemplatesBackingTest {

    private static final StepRow REVIEWS = new StepRow("逐级审查", "SEQUENTIAL_REVIEWS");
    private static final StepRow RECORD = new StepRow("镇便民服务中心登记", "TASK");
    private static final StepRow DELIVERY = new StepRow("窗口出件或送达决定", "TASK");

    @Test
    void aTownAddsARecordStepBetweenTheReviewsAndTheDelivery() {
        List<StepPair> pairs =
                ProcessTemplatesBacking.compare(List.of(REVIEWS, DELIVERY), List.of(REVIEWS, RECORD, DELIVERY));

        assertThat(pairs)
                .containsExactly(
                        new StepPair(REVIEWS, REVIEWS, StepChange.SAME),
                        new StepPair(null, RECORD, StepChange.ADDED),
                        new StepPair(DELIVERY, DELIVERY, StepChange.SAME));
    }

    @Test
    void aRenamedStepOrOneThatRunsDifferentlyIsPairedWithTheOneItReplaces() {
        StepRow archive = new StepRow("镇便民服务中心登记归档", "TASK");
        StepRow parallel = new StepRow("逐级审查", "PARALLEL_REVIEWS");

        List<StepPair> pairs = ProcessTemplatesBacking.compare(
                List.of(REVIEWS, RECORD, DELIVERY), List.of(parallel, archive, DELIVERY));

        assertThat(pairs)
                .containsExactly(
                        new StepPair(REVIEWS, parallel, StepChange.CHANGED),
                        new StepPair(RECORD, archive, StepChange.CHANGED),
                        new StepPair(DELIVERY, DELIVERY, StepChange.SAME));
    }

    @Test
    void aRemovedStepLeavesItsLineEmptyOnTheDraftSide() {
        List<StepPair> pairs =
                ProcessTemplatesBacking.compare(List.of(REVIEWS, RECORD, DELIVERY), List.of(REVIEWS, DELIVERY));

        assertThat(pairs)
                .containsExactly(
                        new StepPair(REVIEWS, REVIEWS, StepChange.SAME),
                        new StepPair(RECORD, null, StepChange.REMOVED),
                        new StepPair(DELIVERY, DELIVERY, StepChange.SAME));
        assertThat(pairs.stream().filter(StepPair::changed)).hasSize(1);
    }

    @Test
    void theSameStepsAreAllUnchanged() {
        assertThat(ProcessTemplatesBacking.compare(List.of(REVIEWS, DELIVERY), List.of(REVIEWS, DELIVERY)))
                .noneMatch(StepPair::changed);
        assertThat(ProcessTemplatesBacking.compare(List.of(), List.of(DELIVERY)))
                .containsExactly(new StepPair(null, DELIVERY, StepChange.ADDED));
    }
}
