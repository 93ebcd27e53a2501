package org.onewindow.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
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
