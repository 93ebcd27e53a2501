package org.onewindow.kernel.tenant.application;

import java.util.UUID;

/**
 * A service point is about to be removed (docs/adr/0017). Fired in the kernel's transaction before any row goes; a
 * module whose open work names the point (casework: a case taken in or waiting for pickup there) refuses by throwing a
 * {@link org.onewindow.kernel.error.DomainException}, and nothing is removed.
 *
 * @param tenantCode the point's division, a 12-digit division code
 * @param servicePointId the point
 * @param name the point's name, as cases print it (at most 50 characters)
 */
public record ServicePointRemoving(String tenantCode, UUID servicePointId, String name) {}
