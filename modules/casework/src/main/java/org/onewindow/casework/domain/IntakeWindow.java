package org.onewindow.casework.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * Where a case was taken in (受理窗口): the service point and, where it has one on record, its window. The names are
 * kept as they were on the day: a point renamed or removed later (ADR 0017) leaves the case as it was printed.
 *
 * @param servicePointId the service point's id
 * @param servicePoint its name, e.g. {@code 华沟村便民服务站}
 * @param windowId the window's id; null for a hall with no intake window on record
 * @param window the window's name, e.g. {@code 综合代办窗口}; null with {@code windowId}
 */
public record IntakeWindow(UUID servicePointId, String servicePoint, UUID windowId, String window) {

    public IntakeWindow {
        Objects.requireNonNull(servicePointId, "servicePointId");
        Objects.requireNonNull(servicePoint, "servicePoint");
        if ((windowId == null) != (window == null)) {
            throw new IllegalArgumentException("a window needs both its id and its name");
        }
    }

    /** As receipts and the case page print it: {@code 华沟村便民服务站 综合代办窗口}, or the point alone. */
    public String printed() {
        return window == null ? servicePoint : servicePoint + " " + window;
    }
}
