package org.onewindow.kernel.error;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.onewindow.kernel.json.Json;

/**
 * The one answer to a request body that binds to a record but breaks its Bean Validation constraints, or that JSON-B
 * cannot bind at all (a text where a number belongs): 400 in the problem shape ({@link Problem}), with one
 * {@code errors[]} entry {@code {field, error, message}} per field, the field as a JSON path ({@code reason},
 * {@code members[2].name}).
 *
 * <p>A constraint names its message as a key of the bundles in braces, {@code @NotBlank(message =
 * "{casework.decision.reason.required}")}: the key is the problem's {@code error} and the message is rendered in the
 * caller's language (Accept-Language: zh-CN by default, en), exactly as the service's own refusal with that key. A
 * constraint without its own message uses the kernel's {@code validation.<Constraint>} key ({@code
 * validation.NotNull}, {@code validation.Min} …), whose arguments are the field and then the constraint's limits
 * ({@code value}, else {@code min} and {@code max}). The problem's own {@code error} and {@code message} are those of
 * the first field refused, in the order the record declares its fields, so that a client (and a test) that reads
 * only the first reason meets the same one the service would have given; see docs/adr/0026.
 */
@Provider
public class RequestBodyRefusalMapper implements ExceptionMapper<ConstraintViolationException> {

    /** The prefix of Bean Validation's built-in message keys, replaced by the kernel's {@code validation.}. */
    private static final String BUILT_IN = "jakarta.validation.constraints.";

    /** Where Yasson names the property it could not bind: {@code Unable to deserialize property 'workingDays'}. */
    private static final Pattern PROPERTY = Pattern.compile("property '([^']+)'");

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(ConstraintViolationException e) {
        return refused(e, Problem.locale(headers));
    }

    /** The problem for the violations of {@code e} in {@code locale}: 400 with each field in {@code errors[]}. */
    static Response refused(ConstraintViolationException e, Locale locale) {
        List<FieldError> errors = fieldErrors(e);
        if (errors.isEmpty()) {
            return Problem.response(400, "request.invalid", locale);
        }
        FieldError first = errors.get(0);
        JsonObjectBuilder body = Problem.body(
                400,
                first.key(),
                Messages.format(locale, first.key(), first.arguments().toArray()));
        JsonArrayBuilder fields = Json.createArrayBuilder();
        for (FieldError error : errors) {
            fields.add(DomainExceptionMapper.field(locale, error.field(), error.key(), error.arguments()));
        }
        return Problem.response(400, body.add("errors", fields));
    }

    /**
     * A body JSON-B could not bind (a value of the wrong type, an unknown enum constant): 400 {@code
     * request.json.binding} naming the field when the binder tells it, else {@code request.json.malformed}.
     */
    public static Response bindingRefused(JsonbException e, Locale locale) {
        String field = null;
        for (Throwable cause = e; cause != null && field == null; cause = cause.getCause()) {
            Matcher property = cause.getMessage() == null ? null : PROPERTY.matcher(cause.getMessage());
            if (property != null && property.find()) {
                field = property.group(1);
            }
        }
        if (field == null) {
            return Problem.response(400, "request.json.malformed", locale);
        }
        String message = Messages.format(locale, "request.json.binding", field);
        return Problem.response(
                400,
                Problem.body(400, "request.json.binding", message),
                Json.createArrayBuilder()
                        .add(DomainExceptionMapper.field(locale, field, "request.json.binding", List.of(field)))
                        .build());
    }

    /** Each refused field once (a record's constraint is met on its field and its accessor), in declaration order. */
    static List<FieldError> fieldErrors(ConstraintViolationException e) {
        Map<String, Ordered> byField = new LinkedHashMap<>();
        if (e.getConstraintViolations() != null) {
            for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
                Ordered error = fieldError(violation);
                byField.merge(error.error().field() + "\u0000" + error.error().key(), error, (kept, same) -> kept);
            }
        }
        List<Ordered> ordered = new ArrayList<>(byField.values());
        ordered.sort(Comparator.comparing(Ordered::order, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(o -> o.error().field()));
        return ordered.stream().map(Ordered::error).toList();
    }

    /** A field's refusal and where it stands in its body: the index of each record component along its path. */
    private record Ordered(FieldError error, String order) {}

    private static Ordered fieldError(ConstraintViolation<?> violation) {
        String field = field(violation.getPropertyPath());
        String template = violation.getMessageTemplate() == null ? "" : violation.getMessageTemplate();
        String key = template.startsWith("{") && template.endsWith("}")
                ? template.substring(1, template.length() - 1)
                : template;
        List<Object> arguments = new ArrayList<>();
        if (key.startsWith(BUILT_IN)) {
            String constraint = key.substring(BUILT_IN.length());
            key = "validation." + constraint.substring(0, constraint.lastIndexOf('.'));
            arguments.add(field);
            Map<String, Object> attributes = violation.getConstraintDescriptor().getAttributes();
            if (attributes.containsKey("value")) {
                arguments.add(attributes.get("value"));
            } else {
                for (String limit : new String[] {"min", "max"}) {
                    if (attributes.containsKey(limit)) {
                        arguments.add(attributes.get(limit));
                    }
                }
            }
        }
        return new Ordered(new FieldError(field, key, arguments), order(violation));
    }

    /**
     * The JSON path of the violation: the method and parameter nodes of a resource method's validation left out
     * (a constraint on the parameter itself, such as a required body, names the parameter), list entries by index.
     */
    static String field(Path path) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (kind == ElementKind.PARAMETER || kind == ElementKind.CROSS_PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.isInIterable()) {
                field.append('[')
                        .append(node.getIndex() != null ? node.getIndex() : node.getKey())
                        .append(']');
            }
            if (kind == ElementKind.PROPERTY && node.getName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        if (!field.isEmpty()) {
            return field.toString();
        }
        return parameter == null ? "body" : parameter;
    }

    /** The record component indexes from the body down to the field, zero-padded so that they sort as text. */
    private static String order(ConstraintViolation<?> violation) {
        Object bean = violation.getLeafBean();
        String name = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PROPERTY) {
                name = node.getName();
            }
        }
        if (bean == null || name == null || !bean.getClass().isRecord()) {
            return null;
        }
        RecordComponent[] components = bean.getClass().getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            if (components[i].getName().equals(name)) {
                return String.format(Locale.ROOT, "%s%04d", depth(violation.getPropertyPath()), i);
            }
        }
        return null;
    }

    private static String depth(Path path) {
        int properties = 0;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PROPERTY) {
                properties++;
            }
        }
        return String.format(Locale.ROOT, "%02d", properties);
    }
}
