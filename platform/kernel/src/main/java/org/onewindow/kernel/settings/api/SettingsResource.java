package org.onewindow.kernel.settings.api;

import jakarta.enterprise.context.RequestScoped;
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
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onewindow.kernel.settings.application.SettingsService;
import org.onewindow.kernel.settings.domain.EffectiveSetting;
import org.onewindow.kernel.settings.domain.Setting;
import org.onewindow.kernel.settings.domain.TenantSettings;

/**
 * The settings in force for the caller's division (可继承的设置, issue 11): read by its staff, set and restored by its
 * administrators where the setting allows their tier.
 */
@Path("settings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "settings", description = "可继承的设置 / settings inherited down the tenant tree")
public class SettingsResource {

    @Inject
    SettingsService settings;

    /**
     * A setting as in force for the caller's division.
     *
     * @param name e.g. {@code warningThresholdPercent}
     * @param kind WHOLE_NUMBER or TEXT
     * @param min the smallest number, or the shortest text
     * @param max the largest number, or the longest text (characters)
     * @param value the value in force, as text (a number as digits)
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
