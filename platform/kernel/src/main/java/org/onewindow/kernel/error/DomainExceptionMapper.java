package org.onewindow.kernel.error;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import org.onewindow.kernel.imports.ImportTooLargeException;
import org.onewindow.kernel.json.Json;
import org.onewindow.kernel.tenant.domain.ImportRejectedException;

/** Turns a refused request into a JSON body with a stable error key and a message in the caller's language. */
@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(DomainException e) {
        Locale locale = headers == null || headers.getAcceptableLanguages().isEmpty()
                ? Messages.DEFAULT_LOCALE
                : headers.getAcceptableLanguages().get(0);
        JsonObjectBuilder body =
                Json.createObjectBuilder().add("error", e.key()).add("message", Messages.format(locale, e));
        if (e instanceof ImportRejectedException rejected) {
            JsonArrayBuilder lines = Json.createArrayBuilder();
            rejected.errors()
                    .forEach(line -> lines.add(Json.createObjectBuilder()
                            .add("line", line.line())
                            .add("column", line.column())
                            .add("error", line.key())
                            .add("message", Messages.format(locale, line.key(), line.arguments()))));
            body.add("lines", lines);
        }
        // A file over an import limit is too large as a request, whatever its rows say.
        int status = e instanceof ImportTooLargeException
                ? 413
                : switch (e.kind()) {
                    case INVALID -> 400;
                    case NOT_FOUND -> 404;
                    case FORBIDDEN -> 403;
                    case UNAUTHORIZED -> 401;
                    case CONFLICT -> 409;
                };
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(body.build().toString())
                .build();
    }
}
