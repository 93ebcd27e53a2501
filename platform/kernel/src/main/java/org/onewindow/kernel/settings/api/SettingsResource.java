package org.onewindow.kernel.settings.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onewindow.kernel.settings.application.SettingsService;
import org.onewindow.kernel.settings.domain.EffectiveSetting;
import org.onewindow.kernel.settings.domain.Setting;
import org.onewindow.kernel.settings.domain.TenantSettings;
import org.onewindow.kernel.web.FileAnswer;

/**
 * The settings in force for the caller's division (可继承的设置, issue 11): read by its staff, set and restored by its
 * administrators where the setting allows their tier. An image setting (the seal) is uploaded and read as a file of
 * its own.
 */
@Path("settings")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "settings", description = "可继承的设置 / settings inherited down the tenant tree")
public class SettingsResource {

    @Inject
    SettingsService settings;

    @Context
    HttpHeaders headers;

    /**
     * A setting as in force for the caller's division.
     *
     * @param name e.g. {@code warningThresholdPercent}
     * @param kind WHOLE_NUMBER, TEXT or IMAGE (uploaded with {@code PUT /settings/{name}/image})
     * @param min the smallest number, or the shortest text; 0 for an image
     * @param max the largest number, the longest text (characters), or the largest image (bytes)
     * @param value the value in force, as text (a number as digits, an image as its SHA-256, empty for none)
     * @param source DEFAULT, COUNTY, TOWN or VILLAGE: the tier that set the value
     * @param sourceTenant the 12-digit code of the division that set it; null for the default
     * @param setHere whether the caller's division set it itself (本级)
     * @param inheritedValue the value restoring (DELETE) would bring back
     * @param inheritedSource where that value comes from
     * @param defaultValue the built-in default
     * @param mayChange whether the caller may set or restore it here
     */
    public record SettingView(
            String name,
            String kind,
            int min,
            int max,
            String value,
            String source,
            String sourceTenant,
            boolean setHere,
            String inheritedValue,
            String inheritedSource,
            String defaultValue,
            boolean mayChange) {}

    /** The settings of a division: its 12-digit code and each setting in the order the console lists them. */
    public record SettingsView(String tenant, List<SettingView> settings) {}

    /** A value to set, as text: {@code "60"} for a percentage, a pattern for the case number format. */
    public record SettingBody(
            @Schema(maxLength = 200, example = "60") String value) {}

    @GET
    @Operation(
            operationId = "settings",
            summary = "The settings in force for the caller's division, each with where its value comes from")
    public SettingsView settings() {
        TenantSettings mine = settings.mine();
        return new SettingsView(
                mine.division().value(), mine.all().stream().map(this::view).toList());
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "changeSetting",
            summary = "Set a setting for the caller's division (its administrators)",
            description = "400 settings.value.* or the module's check for a bad value; 403 settings.tier.refused when"
                    + " the caller's tier may not set it (the case number format: county only), 403 for a caller who"
                    + " is not an administrator; 404 settings.unknown. Nothing is stored on a refusal.")
    public SettingView change(
            @PathParam("name") String name, @NotNull(message = "{request.body.required}") @Valid SettingBody body) {
        return view(settings.change(name, body.value()));
    }

    @PUT
    @Path("{name}/image")
    // Any type reaches the service, which judges the content: a file that is not a PNG gets a clear 400, not a 415.
    @Consumes(MediaType.WILDCARD)
    @Operation(
            operationId = "changeSettingImage",
            summary = "Upload the image of an image setting (the seal, sealImage) for the caller's division (its"
                    + " administrators: a county or a town)",
            description = "Body: the PNG itself, on a transparent background, at most 512 KiB and 2000 pixels a side;"
                    + " its type is judged by its content, never by a name or the Content-Type sent. The setting's"
                    + " value becomes the image's SHA-256. 400 settings.image.empty, settings.image.not.png,"
                    + " settings.image.side, settings.image.opaque (no transparent background), settings.value.text"
                    + " for a setting that is not an image; 403 settings.tier.refused for a village, 403 for a caller"
                    + " who is not an administrator; 404 settings.unknown; 413 settings.image.too.large. Nothing is"
                    + " stored on a refusal.")
    public SettingView changeImage(
            @PathParam("name") String name,
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = "image/png",
                                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
                    InputStream body) {
        return view(settings.changeImage(name, body, headers.getHeaderString(HttpHeaders.CONTENT_LENGTH)));
    }

    @GET
    @Path("{name}/image")
    @Produces("image/png")
    @Operation(
            operationId = "settingImage",
            summary = "The image of an image setting (the seal) in force for the caller's division, as documents"
                    + " print it",
            description = "404 settings.image.none when neither the division nor one above it set one; 404"
                    + " settings.unknown.")
    public Response image(@PathParam("name") String name) {
        return FileAnswer.inline(name, "png", "image/png")
                .response(settings.myImage(name))
                .header("Cache-Control", "private, no-store")
                .build();
    }

    @DELETE
    @Path("{name}")
    @Operation(
            operationId = "restoreSetting",
            summary = "Remove the caller's division's own value: it inherits again (its administrators)",
            description = "404 settings.not.set when the division has no value of its own; otherwise as changeSetting")
    public SettingView restore(@PathParam("name") String name) {
        return view(settings.restore(name));
    }

    private SettingView view(EffectiveSetting effective) {
        Setting setting = effective.setting();
        return new SettingView(
                setting.key(),
                setting.kind().name(),
                setting.min(),
                setting.max(),
                effective.value(),
                effective.source().name(),
                effective.from() == null ? null : effective.from().value(),
                effective.setHere(),
                effective.inherited(),
                effective.inheritedSource().name(),
                setting.defaultValue(),
                settings.mayChange(setting));
    }
}
