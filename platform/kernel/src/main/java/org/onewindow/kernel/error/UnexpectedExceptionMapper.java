package org.onewindow.kernel.error;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last line: whatever no other mapper took. A body that is not JSON, or JSON that does not bind to the request's
 * record ({@link RequestBodyRefusalMapper#bindingRefused}), is the caller's fault (400); anything
 * else is ours, logged with an incident number that the answer names, so an operator can find it without the
 * caller ever seeing a stack trace, SQL or server version.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonbException binding && !(binding.getCause() instanceof JsonParsingException)) {
                return RequestBodyRefusalMapper.bindingRefused(binding, Problem.locale(headers));
            }
            if (cause instanceof JsonParsingException) {
                return Problem.response(400, "request.json.malformed", Problem.locale(headers));
            }
            if (cause instanceof DomainException refused) {
                return new DomainExceptionMapper().toResponse(refused, headers);
            }
        }
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.log(Level.SEVERE, "Incident " + incident + ": unexpected failure of a REST request", e);
        return Problem.response(500, "server.error.incident", Problem.locale(headers), incident);
    }
}
