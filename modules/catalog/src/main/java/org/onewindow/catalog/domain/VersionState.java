package org.onewindow.catalog.domain;

/**
 * Where a standard item version stands in its life: a draft (草稿) the standards team still edits, published
 * (已发布) and in force for every tenant, or retired (已废止) once a newer version replaced it. Cases accepted
 * under a retired version keep it, so a version is never deleted.
 */
public enum VersionState {
    DRAFT,
    PUBLISHED,
    RETIRED;

    /** A version only moves forward: a published version is never edited back into a draft. */
    public boolean mayMoveTo(VersionState next) {
        return switch (this) {
            case DRAFT -> next == PUBLISHED;
            case PUBLISHED -> next == RETIRED;
            case RETIRED -> false;
        };
    }
}
