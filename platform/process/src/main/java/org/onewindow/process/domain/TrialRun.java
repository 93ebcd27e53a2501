package org.onewindow.process.domain;

import java.util.List;

/**
 * A dry run of a template (试运行): the tasks a case would meet, round by round, when every reviewer approves
 * (or one refuses). Tasks of the same round are open at the same time. Nothing of the run is kept.
 *
 * @param template the version that ran
 * @param rounds the open tasks after each step, in order
 * @param finished whether the process reached its end
 */
public record TrialRun(ProcessTemplate template, List<List<Task>> rounds, boolean finished) {

    public TrialRun {
        rounds = rounds.stream().map(List::copyOf).toList();
    }

    /** One open task: the template step and the group of staff who may claim it. */
    public record Task(String step, String name, String group) {}
}
