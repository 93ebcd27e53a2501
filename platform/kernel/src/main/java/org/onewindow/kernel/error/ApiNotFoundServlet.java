package org.onewindow.kernel.error;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Every address under {@code /api} that no API version serves (the REST application owns {@code /api/v1/*}, the
 * more specific mapping) answers 404 in the problem shape, as a client of the API expects, not the HTML page.
 */
@WebServlet("/api/*")
public class ApiNotFoundServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String message = Messages.format(Messages.supported(request.getLocale()), "request.not-found");
        response.setStatus(404);
        response.setContentType(Problem.MEDIA_TYPE.toString());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter()
                .write(Problem.body(404, "request.not-found", message).build().toString());
    }
}
