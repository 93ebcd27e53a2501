package org.onewindow.kernel.tenant.application;

import java.util.UUID;

/**
 * A division change not yet confirmed was reverted (docs/adr/0014): the retired division is in the tree again and the
 * kernel put back its staff, service points, windows, closures, departments and settings. Fired in the kernel's
 * transaction after that; each module that moved rows on the change's {@link DivisionSucceeded} moves exactly those
 * back, in the same transaction, so a revert is whole or not at all.
 *
 * @param countyCode the county of both divisions
 * @param changeId the change reverted, as {@link DivisionSucceeded#changeId} named it
 * @param formerCode the division that is back in the tree
 * @param successorCode the division that had taken over its open work
 */
public record DivisionReverted(String countyCode, UUID changeId, String formerCode, String successorCode) {}
