package org.onewindow.process.domain;

/** The tier a process template in force comes from: the standard, or an override of a county, town or village. */
public enum TemplateSource {
    STANDARD,
    COUNTY,
    TOWN,
    VILLAGE
}
