package org.onewindow.casework.infrastructure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.onewindow.casework.domain.Consultation;
import org.onewindow.kernel.tenant.domain.DivisionCode;
import org.onewindow.kernel.tenant.domain.TenantOwned;

/** The row of a consultation at a window (咨询, 首问负责制); never changed once recorded. */
@Entity
@Table(name = "consultation")
public class ConsultationRecord extends TenantOwned {

    @Id
    private UUID id;

    @Column(name = "service_point", nullable = false, updatable = false)
    private String servicePoint;

    @Column(name = "answered_by", nullable = false, updatable = false)
    private String answeredBy;

    @Column(name = "asked_at", nullable = false, updatable = false)
    private java.time.Instant askedAt;

    @Column(nullable = false, updatable = false)
    private String question;

    @Column(updatable = false)
    private String answer;

    @Column(name = "item_code", updatable = false)
    private String itemCode;

    @Column(name = "applicant_contact", updatable = false)
    private String applicantContact;

    protected ConsultationRecord() {}

    public ConsultationRecord(Consultation consultation) {
        super(DivisionCode.of(consultation.tenantCode()));
        this.id = UUID.randomUUID();
        this.servicePoint = consultation.servicePoint();
        this.answeredBy = consultation.answeredBy();
        this.askedAt = consultation.askedAt();
        this.question = consultation.question();
        this.answer = consultation.answer();
        this.itemCode = consultation.itemCode();
        this.applicantContact = consultation.applicantContact();
    }

    public UUID id() {
        return id;
    }

    public Consultation toDomain() {
        return new Consultation(
                tenantCode().value(), servicePoint, answeredBy, askedAt, question, answer, itemCode, applicantContact);
    }
}
