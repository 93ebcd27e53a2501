package org.onewindow.casework.domain;

/**
 * Why a case's clock stopped: the reviewer waits for the applicant's supplements (审查中补正), or a special procedure
 * of §45 of the Administrative Licensing Law runs (听证、招标、拍卖、检验、检测、检疫、鉴定、专家评审), whose time
 * does not count towards the limit.
 */
public enum PauseKind {
    SUPPLEMENT,
    HEARING,
    BIDDING,
    AUCTION,
    INSPECTION,
    TESTING,
    QUARANTINE,
    APPRAISAL,
    EXPERT_REVIEW;

    public boolean isSpecialProcedure() {
        return this != SUPPLEMENT;
    }
}
