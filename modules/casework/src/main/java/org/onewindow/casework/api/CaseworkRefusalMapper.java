package org.onewindow.casework.api;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import org.onewindow.casework.application.CaseworkRefusal;
import org.onewindow.kernel.error.Messages;
import org.onewindow.kernel.error.Problem;

/** 422 and 429 refusals of casework in the one problem shape, with {@code Retry-After} on a 429. */
@Provider
public class CaseworkRefusalMapper implements ExceptionMapper<CaseworkRefusal> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(CaseworkRefusal refusal) {
        Locale locale = Problem.locale(headers);
        Response problem = Problem.response(
                refusal.status(), Problem.body(refusal.status(), refusal.key(), Messages.format(locale, refusal)));
        if (refusal.retryAfterSeconds() <= 0) {
            return problem;
        }
        return Response.fromResponse(problem)
                .header("Retry-After", refusal.retryAfterSeconds())
                .build();
    }
}
