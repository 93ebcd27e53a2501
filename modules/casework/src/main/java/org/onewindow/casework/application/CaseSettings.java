package org.onewindow.casework.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.onewindow.casework.domain.CaseNumberFormat;
import org.onewindow.casework.domain.WarningThreshold;
import org.onewindow.kernel.settings.application.SettingsService;
import org.onewindow.kernel.tenant.domain.DivisionCode;

/**
 * The inherited settings casework counts on (issue 11), as casework's values: the warning threshold of the division a
 * case was taken in at, and the case number format of its county. Runs in the calling service's transaction.
 */
@ApplicationScoped
public class CaseSettings {

    @Inject
    SettingsService settings;

    /** When a case taken in at {@code intakeTenant} turns amber: its own value, its town's, its county's or 80%. */
    public WarningThreshold warningThreshold(DivisionCode intakeTenant) {
        return new WarningThreshold(settings.of(intakeTenant).warningThresholdPercent());
    }

    /**
     * The issuing body the window's notices (受理, 补正, 不予受理) print for a case taken in at {@code intakeTenant}:
     * the name its administrators set (its own, its town's or its county's), else {@code intakePoint}, the service
     * point's own name.
     */
    public String issuingBody(DivisionCode intakeTenant, String intakePoint) {
        String name = settings.of(intakeTenant).issuingBodyName();
        return name.isBlank() ? intakePoint : name;
    }

    /** How the county of {@code intakeTenant} numbers its cases (only a county sets it). */
    public CaseNumberFormat caseNumberFormat(DivisionCode intakeTenant) {
        return new CaseNumberFormat(settings.of(intakeTenant).caseNumberFormat());
    }
}
