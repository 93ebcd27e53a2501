package org.onewindow.casework.domain;

import org.onewindow.kernel.error.DomainException;

/**
 * Who applies (申请人): a natural person by resident ID number, or an organisation by unified social credit code with
 * its legal representative. The identifier is held as text until the kernel's identifier types arrive; it is
 * checked there (check characters, encryption at rest). {@link #toString()} masks it so that it never reaches a log.
 *
 * @param kind person or organisation
 * @param name the person's or the organisation's name
 * @param identifier the resident ID number or the USCC
 * @param legalRepresentative for an organisation, its legal representative (法定代表人); {@code null} for a person
 * @throws DomainException {@code casework.applicant.name.required}, {@code casework.applicant.identifier.required},
 *     {@code casework.applicant.representative.required}
 */
public record Applicant(Kind kind, String name, String identifier, String legalRepresentative) {

    /** A natural person (自然人) or an organisation (法人或其他组织). */
    public enum Kind {
        PERSON,
        ORGANISATION
    }

    /** The longest name or legal representative kept (characters), as the case row holds them. */
    public static final int NAME_MAX_LENGTH = 100;

    public Applicant {
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
        name = Texts.required(name, "casework.applicant.name.required");
        Texts.maxLength(name, NAME_MAX_LENGTH, "casework.applicant.name.length");
        identifier = Texts.required(identifier, "casework.applicant.identifier.required");
        legalRepresentative = Texts.optional(legalRepresentative);
        Texts.maxLength(legalRepresentative, NAME_MAX_LENGTH, "casework.applicant.representative.length");
        if (kind == Kind.ORGANISATION && legalRepresentative == null) {
            throw new DomainException("casework.applicant.representative.required");
        }
        if (kind == Kind.PERSON) {
            legalRepresentative = null;
        }
    }

    public static Applicant person(String name, String idNumber) {
        return new Applicant(Kind.PERSON, name, idNumber, null);
    }

    public static Applicant organisation(String name, String uscc, String legalRepresentative) {
        return new Applicant(Kind.ORGANISATION, name, uscc, legalRepresentative);
    }

    @Override
    public String toString() {
        return "Applicant[" + kind + ", " + name + ", " + Texts.masked(identifier) + "]";
    }
}
