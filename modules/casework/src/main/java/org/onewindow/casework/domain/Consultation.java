package org.onewindow.casework.domain;

import java.time.Clock;
import java.time.Instant;
import org.onewindow.kernel.error.DomainException;

/**
 * A consultation at a window (咨询), recorded under first-inquiry responsibility (首问负责制): the clerk first asked
 * answers or guides, and the record shows who that was. It is not a case: nothing is applied for.
 *
 * @param tenantCode the division code of the service point's tenant
 * @param servicePoint the service point (or window) where it was asked
 * @param answeredBy the staff account that answered (首问责任人)
 * @param askedAt when
 * @param question what was asked (1–500 characters)
 * @param answer the answer or guidance given, optional (≤ 2000 characters)
 * @param itemCode the item it was about, optional
 * @param applicantContact the applicant's phone or other contact if given, optional (≤ 50 characters)
 * @throws DomainException {@code casework.consultation.question.required}, {@code casework.consultation.question.length},
 *     {@code casework.consultation.answer.length}, {@code casework.consultation.contact.length},
 *     {@code casework.consultation.answeredby.required}
 */
public record Consultation(
        String tenantCode,
        String servicePoint,
        String answeredBy,
        Instant askedAt,
        String question,
        String answer,
        String itemCode,
        String applicantContact) {

    public static final int QUESTION_MAX_LENGTH = 500;
    public static final int ANSWER_MAX_LENGTH = 2000;
    public static final int CONTACT_MAX_LENGTH = 50;

    public Consultation {
        if (tenantCode == null || servicePoint == null || askedAt == null) {
            throw new IllegalArgumentException("tenant, service point and time are required");
        }
        answeredBy = Texts.required(answeredBy, "casework.consultation.answeredby.required");
        question = Texts.required(question, "casework.consultation.question.required");
        Texts.maxLength(question, QUESTION_MAX_LENGTH, "casework.consultation.question.length");
        answer = Texts.optional(answer);
        Texts.maxLength(answer, ANSWER_MAX_LENGTH, "casework.consultation.answer.length");
        itemCode = Texts.optional(itemCode);
        applicantContact = Texts.optional(applicantContact);
        Texts.maxLength(applicantContact, CONTACT_MAX_LENGTH, "casework.consultation.contact.length");
    }

    /** A consultation answered now by the clerk. */
    public static Consultation record(
            String tenantCode,
            String servicePoint,
            String answeredBy,
            String question,
            String answer,
            String itemCode,
            String applicantContact,
            Clock clock) {
        return new Consultation(
                tenantCode, servicePoint, answeredBy, clock.instant(), question, answer, itemCode, applicantContact);
    }

    @Override
    public String toString() {
        return "Consultation[" + servicePoint + ", " + answeredBy + ", " + askedAt + "]";
    }
}
