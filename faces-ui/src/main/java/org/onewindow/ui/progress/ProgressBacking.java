package org.onewindow.ui.progress;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.onewindow.casework.application.CaseQueryService;
import org.onewindow.casework.application.CaseViews;
import org.onewindow.casework.application.ClientAddress;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.error.Messages;
import org.onewindow.ui.LocaleBacking;

/**
 * The public progress page ({@code /progress.xhtml?number=…&code=…}, 进度查询): anyone holding the receipt sees the
 * stage and the dates, nothing personal. A wrong code reads exactly like an unknown number; repeated guessing is
 * throttled by the service. The receipt's QR code opens this page (through {@link ProgressLink}).
 */
@Named
@RequestScoped
public class ProgressBacking {

    @Inject
    CaseQueryService queries;

    @Inject
    ClientAddress clients;

    @Inject
    LocaleBacking locale;

    /** The stages by which the decision letter has been issued: the result waits at a window, was posted, collected. */
    private static final Set<String> LETTER_ISSUED = Set.of("READY_FOR_PICKUP", "POSTED", "COMPLETED");

    private String number;
    private String code;
    private JsonObject progress;
    private String notFound;
    private boolean numberMissing;
    private boolean codeMissing;

    /**
     * Looks the case up when both fields are filled in. A field left empty is said at the field (请填写查询码) and
     * nothing is looked up: it is no guess, so the throttle does not count it.
     */
    public void load() {
        if (blank(number) && blank(code)) {
            return;
        }
        numberMissing = blank(number);
        codeMissing = blank(code);
        if (numberMissing || codeMissing) {
            return;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        String client =
                clients.of((HttpServletRequest) faces.getExternalContext().getRequest());
        try {
            progress = queries.progress(number, code, client);
        } catch (DomainException e) {
            notFound = Messages.format(locale.getLocale(), e);
        }
    }

    /**
     * A field of the progress: a date ({@code acceptedOn}, {@code promisedDueDate}, {@code decidedOn},
     * {@code completedOn}) or the {@code pickupPoint}; null when not reached.
     */
    public String field(String key) {
        JsonValue value = progress == null ? null : progress.get(key);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : progress.getString(key);
    }

    public boolean isFound() {
        return progress != null;
    }

    public String getStage() {
        return progress == null ? null : progress.getString("stage");
    }

    public String getItemName() {
        return progress == null ? null : progress.getString("itemName");
    }

    public String getCaseNumber() {
        return progress == null ? null : progress.getString("caseNumber");
    }

    /**
     * The decision letter (决定书) to download, once the result has left the decision (issued with its number at the
     * latest when it is sent on its way): the public REST address with the receipt's number and code; null before.
     */
    public String getDecisionLetterUrl() {
        if (progress == null || !LETTER_ISSUED.contains(getStage())) {
            return null;
        }
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/api/v1/progress/"
                + URLEncoder.encode(getCaseNumber(), StandardCharsets.UTF_8).replace("+", "%20") + "/decision.pdf?code="
                + URLEncoder.encode(code.strip(), StandardCharsets.UTF_8);
    }

    /** The decision in the page's language as the item words it (准予给付 for 最低生活保障, 准予许可 for a licence); null before. */
    public String getDecision() {
        String key = progress == null ? null : CaseViews.decisionKey(progress);
        return key == null ? null : Messages.format(locale.getLocale(), key);
    }

    public boolean isProvisional() {
        return progress != null && progress.getBoolean("dueDateProvisional", false);
    }

    public String getNotFound() {
        return notFound;
    }

    /** The form was sent with a check code but no case number. */
    public boolean isNumberMissing() {
        return numberMissing;
    }

    /** The form was sent with a case number but no check code (Enter pressed in the number's field). */
    public boolean isCodeMissing() {
        return codeMissing;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
