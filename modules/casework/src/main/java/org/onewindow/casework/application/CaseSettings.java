package org.onewindow.casework.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.onewindow.casework.domain.CaseNumberFormat;
import org.onewindow.casework.domain.WarningThreshold;
import org.onewindow.kernel.settings.application.SettingsService;
import org.onewindow.kernel.settings.domain.Setting;
import org.onewindow.kernel.tenant.domain.DivisionCode;

/**
 * The inherited settings casework counts on (issue 11), as casework's values: the warning threshold of the division a
 * case was taken in at, the issuing body and the seal its documents print, and the case number format of its county. Runs in the calling service's transaction.
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

    /**
     * The deciding and issuing body (决定机关 / 发证机关) a decision letter and a licence print for a case taken in at
     * {@code intakeTenant}: the issuing body's full name its county set (the county decides; a village's own name for
     * its window's notices does not reach the county's letters), else {@code unset}'s answer (the item's department).
     */
    public String decidingBody(DivisionCode intakeTenant, java.util.function.Supplier<String> unset) {
        String name = settings.of(intakeTenant.county()).issuingBodyName();
        return name.isBlank() ? unset.get() : name;
    }

    /**
     * The seal the window's notices print beside {@link #issuingBody}: the one in force for {@code intakeTenant} (its
     * town's or its county's: a village has none of its own); {@code null} for notices stamped by hand.
     */
    public byte[] seal(DivisionCode intakeTenant) {
        return settings.image(intakeTenant, Setting.SEAL_IMAGE).orElse(null);
    }

    /**
     * The seal a decision letter and a licence print beside {@link #decidingBody}: the county's, as the county
     * decides; {@code null} for letters stamped by hand.
     */
    public byte[] decidingSeal(DivisionCode intakeTenant) {
        return settings.image(intakeTenant.county(), Setting.SEAL_IMAGE).orElse(null);
    }

    /** How the county of {@code intakeTenant} numbers its cases (only a county sets it). */
    public CaseNumberFormat caseNumberFormat(DivisionCode intakeTenant) {
        return new CaseNumberFormat(settings.of(intakeTenant).caseNumberFormat());
    }
}
