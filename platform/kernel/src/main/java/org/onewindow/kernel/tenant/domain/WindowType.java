package org.onewindow.kernel.tenant.domain;

/** The themed windows (窗口) of a service point, as the plan lists them. */
public enum WindowType {
    COMPREHENSIVE,
    LEGAL_PERSON,
    CONSTRUCTION_PROJECT,
    SOCIAL_AFFAIRS,
    NATURAL_PERSON,
    HUMAN_RESOURCES,
    SELF_SERVICE,
    CONSULTATION
}
