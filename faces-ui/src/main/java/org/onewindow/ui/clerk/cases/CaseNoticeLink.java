package org.onewindow.ui.clerk.cases;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.onewindow.casework.application.CaseDocumentsService;
import org.onewindow.casework.application.IssuanceService;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.web.FileAnswer;

/**
 * The notices the clerk pages print ({@code /clerk/cases/notice.pdf?number=…&kind=…}), opened in the browser's viewer
 * ready to print. The REST API takes bearer tokens only, so the pages print through this address under the staff
 * session (web.xml guards {@code /clerk/*}); the service checks the scope as for REST. An unknown case, one outside
 * the scope, a wrong check code or a notice the case does not have: 404 (the error page), alike.
 *
 * <p>{@code kind}: {@code receipt} (受理通知书, with {@code code}, the check code), {@code correction} (补正通知书),
 * {@code refusal} (不予受理通知书), {@code decision} (the decision letter once issued: 准予 / 不予行政许可决定书, 给付决定书…) or
 * {@code licence} (证照, once the licence record exists).
 */
@WebServlet("/clerk/cases/notice.pdf")
public class CaseNoticeLink extends HttpServlet {

    static final String PATH = "/clerk/cases/notice.pdf";

    @Inject
    CaseDocumentsService documents;

    @Inject
    IssuanceService issuance;

    /** The address of a notice of the case, for a page's link. */
    static String of(String contextPath, String reference, String kind, String code) {
        return contextPath + PATH + "?number=" + encode(reference) + "&kind=" + kind
                + (code == null ? "" : "&code=" + encode(code));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String number = request.getParameter("number");
        byte[] pdf = switch (String.valueOf(request.getParameter("kind"))) {
            case "receipt" -> documents.acceptanceReceipt(number, request.getParameter("code"));
            case "correction" -> documents.correctionNotice(number);
            case "refusal" -> documents.refusalNotice(number);
            case "decision" -> issuance.decisionLetter(number, null);
            case "licence" -> licence(number);
            default -> throw DomainException.notFound("casework.case.not.found", String.valueOf(number));
        };
        FileAnswer.pdf(request.getParameter("kind") + "-" + number).write(response, pdf);
    }

    /** The printed licence; a case without one reads like any notice the case does not have (404). */
    private byte[] licence(String number) {
        try {
            return issuance.licence(number);
        } catch (DomainException e) {
            throw DomainException.notFound("casework.case.not.found", String.valueOf(number));
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
