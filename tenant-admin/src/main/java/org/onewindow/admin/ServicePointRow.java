package org.onewindow.admin;

import java.io.Serializable;
import java.util.UUID;
import org.onewindow.kernel.tenant.domain.ServicePoint;

/** A service point row of the console, with its window count. */
public record ServicePointRow(UUID id, String name, String kind, String address, int version, int windows)
        implements Serializable {

    public static ServicePointRow of(ServicePoint point, int windows) {
        return new ServicePointRow(
                point.id(), point.name(), point.kind().name(), point.address(), point.version(), windows);
    }
}
