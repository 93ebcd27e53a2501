package org.onewindow.kernel.calendar;

/**
 * What the State Council's yearly holiday notice (国务院办公厅关于部分节假日安排的通知) says about a listed day: a public
 * holiday (法定节假日 or a day of its run, 放假) or an adjusted working day (调休上班), a Saturday or Sunday worked in
 * exchange for a longer holiday.
 */
public enum DayKind {
    HOLIDAY,
    WORKDAY
}
