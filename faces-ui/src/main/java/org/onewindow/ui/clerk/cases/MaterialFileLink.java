package org.onewindow.ui.clerk.cases;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.onewindow.casework.api.MaterialFileResource;
import org.onewindow.casework.application.MaterialFilesService;
import org.onewindow.casework.infrastructure.MaterialFileRepository;

/**
 * A scanned material (扫描件) of a case shown in the browser for the staff pages
 * ({@code /clerk/cases/material-file?number=…&material=…&id=…}), as the notices are ({@link CaseNoticeLink}): the REST
 * API takes bearer tokens only, so the case page links here under the staff session (web.xml guards {@code /clerk/*});
 * the service checks the scope as for REST. Served with the same headers as the API (inline, nosniff, not cached).
 * An unknown case, one outside the scope, an unknown material or scan: 404 (the error page), alike.
 */
@WebServlet("/clerk/cases/material-file")
public class MaterialFileLink extends HttpServlet {

    static final String PATH = "/clerk/cases/material-file";

    @Inject
    MaterialFilesService files;

    /** The address of a scan, for a page's link. */
    static String of(String contextPath, String reference, String materialCode, String id) {
        return contextPath + PATH + "?number=" + encode(reference) + "&material=" + encode(materialCode) + "&id="
                + encode(id);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = String.valueOf(request.getParameter("id"));
        MaterialFileRepository.Content content =
                files.content(request.getParameter("number"), request.getParameter("material"), id);
        response.setContentType(content.contentType());
        MaterialFileResource.inlineHeaders(content.contentType(), id).forEach(response::setHeader);
        response.setContentLength(content.bytes().length);
        response.getOutputStream().write(content.bytes());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
