package org.onewindow.kernel.tenant.domain;

/** The kinds of 便民服务 places: county centre, town centre, village station, 24-hour self-service area. */
public enum ServicePointKind {
    COUNTY_CENTRE,
    TOWN_CENTRE,
    VILLAGE_STATION,
    SELF_SERVICE_24H
}
