package org.onewindow.catalog.application;

import java.util.OptionalInt;
import org.onewindow.catalog.domain.EffectiveItem;
import org.onewindow.kernel.tenant.domain.DivisionCode;

/**
 * An item as one tenant offers it (本地实施事项), with the lock version of the tenant's own override, which a change
 * of that override must quote.
 *
 * @param tenant the tenant
 * @param item the effective item and the source of each element
 * @param overrideVersion the lock version of the tenant's own override; empty when it has none
 */
public record TenantItem(DivisionCode tenant, EffectiveItem item, OptionalInt overrideVersion) {}
