package org.onewindow.kernel.tenant.domain;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

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
    ISSUANCE;

    /**
     * The windows that take applications in (受理窗口): every type but self-service, consultation and issuance. A case
     * records the one it was taken in at; the public guide lists them under 受理窗口.
     */
    public static final Set<WindowType> INTAKE =
            Collections.unmodifiableSet(EnumSet.complementOf(EnumSet.of(SELF_SERVICE, CONSULTATION, ISSUANCE)));
}
