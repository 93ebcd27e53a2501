package org.onewindow.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
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
    }
}
