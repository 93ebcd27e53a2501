package org.onewindow.ui.progress;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The short addresses printed on notices: the receipt's QR code opens {@code /progress/<caseNumber>?code=<checkCode>}
 * and the line under it names {@code /progress} for typing in (see {@code CaseNotices#progressUrl}). Both lead to the
 * progress page, {@code /progress.xhtml?number=…&code=…}, so the printed addresses and the page cannot drift apart.
 */
@WebServlet(urlPatterns = {"/progress", "/progress/*"})
public class ProgressLink extends HttpServlet {

    static final String PAGE = "/progress.xhtml";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String number =
                request.getPathInfo() == null ? "" : request.getPathInfo().replaceFirst("^/", "");
        String code = request.getParameter("code");
        StringBuilder target = new StringBuilder(request.getContextPath()).append(PAGE);
        char separator = '?';
        if (!number.isBlank()) {
            target.append(separator).append("number=").append(encode(number));
            separator = '&';
        }
        if (code != null && !code.isBlank()) {
            target.append(separator).append("code=").append(encode(code));
        }
        // The target is this application's own page; only the two parameters, encoded, are carried.
        response.sendRedirect(target.toString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
