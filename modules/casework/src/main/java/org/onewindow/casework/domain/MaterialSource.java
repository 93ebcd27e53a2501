package org.onewindow.casework.domain;

/**
 * Where a required material can come from: the applicant (paper or a scan), an electronic licence the government
 * issued (电子证照, e.g. the resident ID card or the household register), or data another department shares (共享数据).
 * The last two may satisfy a material without the applicant bringing anything (一次不用跑).
 */
public enum MaterialSource {
    APPLICANT,
    ELICENCE,
    SHARED_DATA;

    public boolean isGovernmentData() {
        return this != APPLICANT;
    }
}
