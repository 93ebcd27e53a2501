package org.onewindow.process.domain;

/**
 * One step of a process template as a reader sees it (环节): a task for a group of staff, done once, once per
 * review step in sequence (逐级审查), or once per department at the same time with a join (并联审查).
 *
 * @param id the BPMN element id
 * @param name the step's name in the template
 * @param kind how the step runs
 * @param candidates the expression naming who may do it, e.g. {@code ${windowGroup}}
 */
public record TemplateStep(String id, String name, Kind kind, String candidates) {

    public enum Kind {
        TASK,
        SEQUENTIAL_REVIEWS,
        PARALLEL_REVIEWS,
        DECISION_GATEWAY,
        JOIN
    }
}
