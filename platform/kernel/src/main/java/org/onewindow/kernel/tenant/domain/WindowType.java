package org.onewindow.kernel.tenant.domain;

/**
 * The themed windows (窗口) of a service point, as the plan lists them: comprehensive intake (综合受理), legal person,
 * construction-project joint review, social affairs, natural person, human resources and social security,
 * self-service, consultation (咨询); and the issuance window (出件窗口) where results are handed out.
 */
public enum WindowType {
    COMPREHENSIVE,
    LEGAL_PERSON,
    CONSTRUCTION_PROJECT,
    SOCIAL_AFFAIRS,
    NATURAL_PERSON,
    HUMAN_RESOURCES,
    SELF_SERVICE,
    CONSULTATION,
    ISSUANCE
}
