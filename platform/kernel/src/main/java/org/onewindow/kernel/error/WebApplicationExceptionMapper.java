package org.onewindow.kernel.error;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * What the REST runtime itself refuses (an unknown path, a method or media type the operation does not take, a
 * parameter that does not convert such as {@code ?first=abc}) answers in the problem shape, with the status the
 * runtime chose and its headers (e.g. {@code Allow}, {@code WWW-Authenticate}), never the server's HTML page.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original == null ? 500 : original.getStatus();
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonbException binding) {
                // The runtime's 400 for a body its JSON-B provider could not bind: say which field, as for a
                // constraint.
                return RequestBodyRefusalMapper.bindingRefused(binding, Problem.locale(headers));
            }
            if (cause instanceof JsonParsingException) {
                return Problem.response(400, "request.json.malformed", Problem.locale(headers));
            }
            if (cause instanceof NoContentException) {
                // A body the operation needs was not sent at all.
                return Problem.response(400, "request.body.required", Problem.locale(headers));
            }
        }
        if (status == 404 && e.getCause() != null) {
            // JAX-RS answers 404 for a query or path parameter that does not convert (?first=abc); an address
            // that matched nothing has no cause. The caller's mistake is the parameter: say which.
            return Problem.response(400, "request.parameter.invalid", Problem.locale(headers), parameterName(e));
        }
        String key = switch (status) {
            case 400 -> "request.invalid";
            case 401 -> "caller.anonymous";
            case 403 -> "caller.forbidden";
            case 404 -> "request.not-found";
            case 405 -> "request.method-not-allowed";
            case 406 -> "request.not-acceptable";
            case 413 -> "request.too-large";
            case 415 -> "request.unsupported-media-type";
            default -> status >= 500 ? "server.error" : "request.invalid";
        };
        Response problem = Problem.response(status, key, Problem.locale(headers));
        if (original == null) {
            return problem;
        }
        Response.ResponseBuilder answer = Response.fromResponse(problem);
        for (String header : new String[] {"Allow", "WWW-Authenticate", "Retry-After"}) {
            if (original.getHeaderString(header) != null) {
                answer.header(header, original.getHeaderString(header));
            }
        }
        return answer.build();
    }

    /** The parameter's name where the runtime tells it (Jersey's ParamException does), else "?". */
    private static String parameterName(WebApplicationException e) {
        try {
            Object name = e.getClass().getMethod("getParameterName").invoke(e);
            return name == null ? "?" : name.toString();
        } catch (ReflectiveOperationException | RuntimeException notTold) {
            return "?";
        }
    }
}
