package org.onewindow.ui.clerk.cases;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import org.onewindow.casework.application.IntakeService;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.ui.FacesMessages;

/**
 * The consultation form beside the intake (咨询登记, 首问负责): what was asked, what the clerk answered, the
 * applicant's contact if given, and the item being taken in, if one is chosen.
 */
@Named
@RequestScoped
public class ConsultationBacking {

    @Inject
    IntakeService intake;

    @Inject
    IntakeBacking intakeBacking;

    private String question;
    private String answer;
    private String contact;
    private String recorded;

    public void record() {
        String itemCode =
                intakeBacking.getItem() == null ? null : intakeBacking.getItem().code();
        try {
            JsonObject consultation = intake.consult(question, answer, itemCode, contact);
            recorded = FacesMessages.textOf(ClerkText.VAR, "consult.recorded", consultation.getString("answeredBy"));
            question = null;
            answer = null;
            contact = null;
        } catch (DomainException e) {
            FacesMessages.error("consult:question", e);
        }
    }

    public String getQuestion() {
        return question;
    }

    public void setQuestion(String question) {
        this.question = question;
    }

    public String getAnswer() {
        return answer;
    }

    public void setAnswer(String answer) {
        this.answer = answer;
    }

    public String getContact() {
        return contact;
    }

    public void setContact(String contact) {
        this.contact = contact;
    }

    public String getRecorded() {
        return recorded;
    }
}
