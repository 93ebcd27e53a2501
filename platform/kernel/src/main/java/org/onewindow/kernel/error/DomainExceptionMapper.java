package org.onewindow.kernel.error;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Locale;
import org.onewindow.kernel.imports.ImportTooLargeException;
import org.onewindow.kernel.json.Json;
import org.onewindow.kernel.tenant.domain.ImportRejectedException;
import org.onewindow.kernel.text.TextProblem;
import org.onewindow.kernel.text.TextRefusedException;

/** Turns a refused request into the problem shape ({@link Problem}) with its stable key and a message in the caller's language. */
@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(DomainException e) {
        return toResponse(e, headers);
    }

    /** The problem for {@code e} in the language {@code headers} ask for (null: the default language). */
    Response toResponse(DomainException e, HttpHeaders headers) {
        Locale locale = Problem.locale(headers);
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
        JsonObjectBuilder body = Problem.body(status, e.key(), Messages.format(locale, e));
        if (e instanceof ImportRejectedException rejected) {
            JsonArrayBuilder lines = Json.createArrayBuilder();
            for (var line : rejected.errors()) {
                JsonObjectBuilder error = Json.createObjectBuilder().add("line", line.line());
                if (line.column() != null) {
                    error.add("column", line.column());
                }
                lines.add(error.add("error", line.key())
                        .add("message", Messages.format(locale, line.key(), line.arguments())));
            }
            JsonArray errors = lines.build();
            // "lines" is what import clients read since the first release; "errors" is the problem shape's name.
            body.add("lines", errors).add("errors", errors);
        }
        if (e instanceof TextRefusedException refused) {
            JsonArrayBuilder fields = Json.createArrayBuilder();
            for (TextProblem problem : refused.problems()) {
                fields.add(field(locale, problem.field(), problem.key(), problem.arguments()));
            }
            body.add("errors", fields);
        }
        if (e instanceof FieldsRefusedException refused) {
            JsonArrayBuilder fields = Json.createArrayBuilder();
            for (FieldError error : refused.errors()) {
                fields.add(field(locale, error.field(), error.key(), error.arguments()));
            }
            body.add("errors", fields);
        }
        return Problem.response(status, body);
    }

    /** One entry of a problem's {@code errors[]}: {@code {field, error, message}}, the message in {@code locale}. */
    static JsonObjectBuilder field(Locale locale, String field, String key, List<Object> arguments) {
        return Json.createObjectBuilder()
                .add("field", field)
                .add("error", key)
                .add("message", Messages.format(locale, key, arguments.toArray()));
    }
}
