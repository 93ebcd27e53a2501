package org.onewindow.kernel.tenant.application;

import java.util.UUID;

/**
 * A division was retired and another took over what was still running there (区划调整): a village merged into a
 * sibling (撤村并居), or re-coded under another town. Fired during the kernel's transaction, after the kernel moved its
 * own rows (staff, service points, departments); each module observing it ({@code @Observes}) moves its own rows in
 * the same transaction, so the change is whole or not at all (docs/adr/0014). Codes are 12-digit division codes of
 * the same county.
 *
 * @param countyCode the county of both divisions
 * @param formerCode the retired division, whose code stays resolvable for the record
 * @param successorCode the division that takes over its open work
 * @param changeId the change that stays revertible until confirmed (a village merge, or a village re-coded by a yearly
 *     list: a part of the list's change, docs/adr/0025): a module keeps which of its rows moved under this id, to move
 *     exactly those back on {@link DivisionReverted}
 */
public record DivisionSucceeded(String countyCode, String formerCode, String successorCode, UUID changeId) {}
