package org.onewindow.casework.application;

import jakarta.enterprise.context.ApplicationScoped;
import org.onewindow.casework.domain.CaseNumberFormat;
import org.onewindow.kernel.settings.application.SettingCheck;
import org.onewindow.kernel.settings.domain.Setting;

/** A county's case number format is stored only when {@link CaseNumberFormat} can number cases with it. */
@ApplicationScoped
public class CaseNumberFormatCheck implements SettingCheck {

    @Override
    public Setting setting() {
        return Setting.CASE_NUMBER_FORMAT;
    }

    /**
     * @throws org.onewindow.kernel.error.DomainException 400 {@code casework.number.pattern.*} as {@link
     *     CaseNumberFormat} refuses it
     */
    @Override
    public void check(String value) {
        new CaseNumberFormat(value);
    }
}
