package org.onewindow.kernel.text;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every query and path parameter of a REST request passes {@link TextRule} as one line of at most
 * {@link TextField#LINE_MAX_LENGTH} characters (a code, a word, a search), after authentication and authorisation
 * have had their say, so a caller who may not call the operation learns nothing from it (ADR 0011). Parameters are
 * only refused, never rewritten: each resource reads the value as sent.
 */
@Provider
@Priority(Priorities.USER)
public class RequestParameterTexts implements ContainerRequestFilter {

    private static final TextField PARAMETER = TextField.line(TextField.LINE_MAX_LENGTH);

    @Override
    public void filter(ContainerRequestContext request) {
        List<TextProblem> problems = new ArrayList<>();
        check(request.getUriInfo().getPathParameters(), problems);
        check(request.getUriInfo().getQueryParameters(), problems);
        TextRule.refuseAny(problems);
    }

    private static void check(MultivaluedMap<String, String> parameters, List<TextProblem> problems) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            for (String value : parameter.getValue()) {
                TextRule.Checked checked = TextRule.check(parameter.getKey(), value, PARAMETER);
                if (checked.problem() != null) {
                    problems.add(checked.problem());
                }
            }
        }
    }
}
