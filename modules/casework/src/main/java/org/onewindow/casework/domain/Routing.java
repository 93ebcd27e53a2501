package org.onewindow.casework.domain;

import java.util.List;

/**
 * How a case is routed between the windows and departments (办理流程), fixed at intake from the item version it is
 * taken in under and the intake tenant: the process template, the intake window's group and the review groups in
 * the order the item lists its steps. A group is a division code ({@code 370321106000}: that division's reviewers)
 * or a county code and a department code ({@code 370321000000/MZ}: that department's reviewers).
 *
 * @param template the process template key, e.g. {@code tiered-review}
 * @param windowGroup the intake window's group: the division code of the intake tenant
 * @param reviewGroups the review groups in order, at least one
 */
public record Routing(String template, String windowGroup, List<String> reviewGroups) {

    public Routing {
        reviewGroups = List.copyOf(reviewGroups);
        if (template == null || windowGroup == null || reviewGroups.isEmpty()) {
            throw new IllegalArgumentException("template, windowGroup and a review group are required");
        }
    }
}
