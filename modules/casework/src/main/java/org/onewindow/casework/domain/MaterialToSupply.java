package org.onewindow.casework.domain;

/**
 * One line of a correction notice: a mandatory material missing, or handed in but not in the legal form.
 *
 * @param code the material's code
 * @param name its name as printed
 * @param notConforming true when it was handed in but not in the legal form, false when missing
 * @param whatIsWrong for a non-conforming material, what is wrong; {@code null} otherwise
 */
public record MaterialToSupply(String code, String name, boolean notConforming, String whatIsWrong) {}
