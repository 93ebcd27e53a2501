package org.onewindow.casework.domain;

/**
 * How a case stands against its time limits: on time; warned (预警, the tenant's share of the promised time used);
 * past the promised due date (超承诺时限, 逾期); past the statutory due date (超法定时限), the graver breach.
 */
public enum ClockStatus {
    ON_TIME,
    WARNING,
    OVERDUE,
    STATUTORY_OVERDUE
}
