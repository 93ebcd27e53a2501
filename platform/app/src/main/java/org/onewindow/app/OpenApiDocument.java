package org.onewindow.app;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * Finishes the generated OpenAPI document so that validators accept it: one server, the configured
 * public base URL ({@code onewindow.public.url}) without a trailing slash, instead of whatever host the
 * request named; each tag once (every resource that carries {@code @Tag} adds it again), with its description.
 * Operation ids are unique because each resource method names its own; CI lints the served document.
 */
public class OpenApiDocument implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        String publicUrl = ConfigProvider.getConfig()
                .getOptionalValue("onewindow.public.url", String.class)
                .orElse("http://localhost:8080")
                .replaceAll("/+$", "");
        openAPI.setServers(List.of(OASFactory.createServer().url(publicUrl).description("OneWindow")));
        if (openAPI.getTags() != null) {
            Map<String, Tag> byName = new LinkedHashMap<>();
            for (Tag tag : openAPI.getTags()) {
                byName.merge(tag.getName(), tag, (kept, other) -> kept.getDescription() == null ? other : kept);
            }
            openAPI.setTags(List.copyOf(byName.values()));
        }
        nameMapValues(openAPI);
        nameInlinedRecords(openAPI);
        answers(openAPI);
    }

    /**
     * Points a component's property at the component it was written out from. Payara writes a record-typed property
     * that carries its own {@code @Schema} (e.g. {@code @Schema(required = true) ApplicantInput applicant}) as an
     * inline copy of the record, without the record's own {@code required}, and leaves the record's component unused,
     * which validators refuse. A property that is an inline object with exactly the property names of one other
     * component becomes a {@code $ref} to it.
     */
    private static void nameInlinedRecords(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> components = openAPI.getComponents().getSchemas();
        Map<Set<String>, String> byShape = new HashMap<>();
        components.forEach((name, component) -> {
            if (component.getProperties() != null && !component.getProperties().isEmpty()) {
                // Two components of the same shape: neither is named (the empty name).
                byShape.merge(Set.copyOf(component.getProperties().keySet()), name, (one, other) -> "");
            }
        });
        components.forEach((owner, component) -> {
            Map<String, Schema> named = new LinkedHashMap<>();
            if (component.getProperties() != null) {
                component.getProperties().forEach((property, schema) -> {
                    String record = schema.getRef() != null || schema.getProperties() == null
                            ? null
                            : byShape.get(Set.copyOf(schema.getProperties().keySet()));
                    if (record != null && !record.isEmpty() && !record.equals(owner)) {
                        named.put(property, OASFactory.createSchema().ref("#/components/schemas/" + record));
                    }
                });
            }
            named.forEach(component::addProperty);
        });
    }

    /** The component every refusal's answer names: {@code #/components/schemas/Problem}. */
    static final String PROBLEM = "#/components/schemas/Problem";

    /** The problem shape's media type, as {@code org.onewindow.kernel.error.Problem} answers it. */
    static final String PROBLEM_MEDIA_TYPE = "application/problem+json";

    /**
     * Every operation's answers as a client needs them: its success under {@code 2XX} (Payara writes what a method
     * returns as {@code default}, which says nothing of success or failure), every refusal under {@code 4XX} in the
     * problem shape, and, for an operation that takes a body, {@code 400} for a body that breaks its record's rules
     * (one {@code errors[]} entry per field). The {@code Problem} and {@code ProblemError} components describe the
     * shape that {@code org.onewindow.kernel.error.Problem} writes (docs/adr/0026).
     */
    private static void answers(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("ProblemError", problemError());
        openAPI.getComponents().addSchema("Problem", problem());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            if (path.getOperations() == null) {
                continue;
            }
            for (Operation operation : path.getOperations().values()) {
                answers(operation);
            }
        }
    }

    private static void answers(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        Map<String, APIResponse> given =
                responses.getAPIResponses() == null ? Map.of() : new LinkedHashMap<>(responses.getAPIResponses());
        boolean success = given.keySet().stream().anyMatch(code -> code.startsWith("2"));
        if (!success) {
            APIResponse answer = given.get(APIResponses.DEFAULT);
            if (answer == null) {
                answer = OASFactory.createAPIResponse();
            }
            responses.removeAPIResponse(APIResponses.DEFAULT);
            answer.setDescription("Success: 200 with the answer, 201 with what was created, 204 without content");
            responses.addAPIResponse("2XX", answer);
        }
        if (operation.getRequestBody() != null && !given.containsKey("400")) {
            responses.addAPIResponse(
                    "400",
                    refusal(
                            "The request is refused as it stands (errors[]: each field and its rule); nothing changed"));
        }
        if (!given.containsKey("4XX")) {
            responses.addAPIResponse(
                    "4XX",
                    refusal("Refused: 400 bad input, 401 no valid token, 403 not allowed, 404 not found or outside the"
                            + " caller's scope, 409 a conflict with the current state, 413 too large, 429 too many"
                            + " tries; nothing changed"));
        }
    }

    private static APIResponse refusal(String description) {
        return OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent()
                        .addMediaType(
                                PROBLEM_MEDIA_TYPE,
                                OASFactory.createMediaType()
                                        .schema(OASFactory.createSchema().ref(PROBLEM))));
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }

    private static Schema integer(String description) {
        return OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.INTEGER))
                .format("int32")
                .description(description);
    }

    private static Schema problem() {
        return OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("A refusal (RFC 9457), in the caller's language (Accept-Language: zh-CN by default, en)")
                .addProperty("type", text("urn:onewindow:error:<error>").example("urn:onewindow:error:request.invalid"))
                .addProperty("title", text("the message, as for people"))
                .addProperty("status", integer("the HTTP status").example(400))
                .addProperty("detail", text("the message, as for people"))
                .addProperty("error", text("the stable key of the refusal, for programs"))
                .addProperty("message", text("the message, as for people (the same as detail)"))
                .addProperty("errors", errors("each field or line refused, when there are several"))
                .addProperty("lines", errors("an import's refused lines (the same as errors; read by import clients)"))
                .required(List.of("type", "title", "status", "detail", "error", "message"));
    }

    private static Schema errors(String description) {
        return OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.ARRAY))
                .items(OASFactory.createSchema().ref("#/components/schemas/ProblemError"))
                .description(description);
    }

    private static Schema problemError() {
        return OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("One field or line of a refused request")
                .addProperty(
                        "field",
                        text("the field as a JSON path (members[2].name) or a column")
                                .example("reason"))
                .addProperty("line", integer("the line of an imported file, from 1"))
                .addProperty("column", text("the column of an imported file"))
                .addProperty("error", text("the stable key of the rule broken"))
                .addProperty("message", text("the rule, as for people"))
                .required(List.of("error", "message"));
    }

    /**
     * The maps whose values are a component: {@code component.property} → the component of its values. Payara writes
     * a map's declared value type ({@code @Schema(additionalProperties = MarkInput.class)}) as a bare object and the
     * value's component as unused, which validators refuse; the maps named here point at their component again.
     */
    static final Map<String, String> MAP_VALUES =
            Map.of("IntakeCommand.materials", "MarkInput", "SupplementsBody.materials", "MarkInput");

    private static void nameMapValues(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> components = openAPI.getComponents().getSchemas();
        MAP_VALUES.forEach((property, value) -> {
            String[] at = property.split("\\.");
            Schema owner = components.get(at[0]);
            if (owner != null
                    && owner.getProperties() != null
                    && owner.getProperties().get(at[1]) instanceof Schema map
                    && components.containsKey(value)) {
                map.setAdditionalPropertiesSchema(OASFactory.createSchema().ref("#/components/schemas/" + value));
            }
        });
    }

    /**
     * Payara writes every member of a field's {@code @Schema} with its default ({@code maxProperties: 0},
     * {@code examples: [""]} …): a text field that only declares its {@code maxLength} (ADR 0011) would claim an
     * empty example and limits of another type. Those defaults are dropped; what was declared stays.
     */
    @Override
    public Schema filterSchema(Schema schema) {
        Integer zero = 0;
        if (zero.equals(schema.getMaxProperties())) {
            schema.setMaxProperties(null);
        }
        if (zero.equals(schema.getMinProperties())) {
            schema.setMinProperties(null);
        }
        if (zero.equals(schema.getMinLength())) {
            schema.setMinLength(null);
        }
        if (zero.equals(schema.getMinContains())) {
            schema.setMinContains(null);
        }
        if (Boolean.FALSE.equals(schema.getUniqueItems())) {
            schema.setUniqueItems(null);
        }
        if (Boolean.FALSE.equals(schema.getReadOnly())) {
            schema.setReadOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getWriteOnly())) {
            schema.setWriteOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getDeprecated())) {
            schema.setDeprecated(null);
        }
        if (schema.getExamples() != null && schema.getExamples().stream().allMatch(e -> e == null || "".equals(e))) {
            schema.setExamples(null);
        }
        return schema;
    }
}
