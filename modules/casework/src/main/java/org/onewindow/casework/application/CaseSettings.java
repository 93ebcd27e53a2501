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

    /** How the county of {@code intakeTenant} numbers its cases (only a county sets it). */
    public CaseNumberFormat caseNumberFormat(DivisionCode intakeTenant) {
        return new CaseNumberFormat(settings.of(intakeTenant).caseNumberFormat());
    }
}
