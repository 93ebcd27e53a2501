package org.onewindow.kernel.identity.domain;

/** Sex as a resident ID number records it (GB 11643-1999 §5.3: odd sequence code male, even female). */
public enum Sex {
    MALE,
    FEMALE
}
