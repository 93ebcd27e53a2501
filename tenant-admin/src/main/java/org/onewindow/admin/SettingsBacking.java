package org.onewindow.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.error.Messages;
import org.onewindow.kernel.settings.application.SettingsService;
import org.onewindow.kernel.settings.domain.EffectiveSetting;
import org.onewindow.kernel.settings.domain.Setting;
import org.onewindow.ui.FacesMessages;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

/**
 * The console's settings page ({@code /admin/settings.xhtml}, 设置): the settings in force for the administrator's
 * division — the warning threshold, the case number format, the bad-review rectification deadline, the issuing body
 * and its seal — each with where its value comes from (本级, the town, the county or the default), the form to set a
 * value here (the seal is uploaded as a PNG) and the button to restore the inherited one. Others who open the console
 * read it.
 */
@Named
@ViewScoped
public class SettingsBacking implements Serializable {

    /** Where a refusal in the dialog shows. */
    static final String DIALOG = "settings:setting-messages";

    @Inject
    SettingsService settings;

    private List<Row> rows = List.of();
    private Row editing;
    private String value;

    /**
     * A setting as the table shows it.
     *
     * @param key the setting's name in the API ({@code warningThresholdPercent})
     * @param label its name in the page's language
     * @param value the value in force as stored; {@code shown} as the page prints it
     * @param source DEFAULT, COUNTY, TOWN or VILLAGE; {@code setHere} when the division set it itself (本级)
     * @param inherited what restoring brings back, as the page prints it, and {@code inheritedSource} its tier
     * @param mayChange whether the caller may set and restore it here
     */
    public record Row(
            String key,
            String label,
            String kind,
            int min,
            int max,
            String value,
            String shown,
            String source,
            boolean setHere,
            String inherited,
            String inheritedSource,
            boolean mayChange)
            implements Serializable {}

    @PostConstruct
    void init() {
        load();
    }

    void load() {
        try {
            rows = settings.mine().all().stream().map(this::row).toList();
        } catch (DomainException e) {
            FacesMessages.error(e);
        }
    }

    private Row row(EffectiveSetting effective) {
        Setting setting = effective.setting();
        Locale locale = locale();
        return new Row(
                setting.key(),
                Messages.format(locale, setting.label().key()),
                setting.kind().name(),
                setting.min(),
                setting.max(),
                effective.value(),
                shown(setting, effective.value()),
                effective.source().name(),
                effective.setHere(),
                shown(setting, effective.inherited()),
                effective.inheritedSource().name(),
                settings.mayChange(setting));
    }

    /**
     * A value in words: {@code 60%}, {@code 10个工作日}, an image by the start of its SHA-256; an empty issuing body or
     * seal says what documents print instead.
     */
    private static String shown(Setting setting, String value) {
        if (value.isEmpty()) {
            return AdminText.text("settings.value.empty." + setting.key());
        }
        if (setting.kind() == Setting.Kind.IMAGE) {
            return AdminText.text("settings.value." + setting.key(), "SHA-256 " + value.substring(0, 12));
        }
        return AdminText.text("settings.value." + setting.key(), value);
    }

    public void startEdit(Row row) {
        editing = row;
        value = row.value();
    }

    public void save() {
        if (editing == null) {
            return;
        }
        try {
            settings.change(editing.key(), value);
            AdminText.info("settings.saved", editing.label());
            load();
        } catch (DomainException e) {
            FacesMessages.error(DIALOG, e);
            FacesContext.getCurrentInstance().validationFailed();
        }
    }

    /** Stores the uploaded image of the setting being edited (the seal); a refusal shows in the dialog. */
    public void upload(FileUploadEvent event) {
        if (editing == null) {
            return;
        }
        UploadedFile file = event.getFile();
        try (InputStream content = file.getInputStream()) {
            settings.changeImage(editing.key(), content, Long.toString(file.getSize()));
            AdminText.info("settings.saved", editing.label());
            load();
        } catch (DomainException e) {
            FacesMessages.error(DIALOG, e);
            FacesContext.getCurrentInstance().validationFailed();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The image in force of an image setting (the seal) as a {@code data:} address for the table's preview: the page
     * is served by the session, which the REST API does not take, and the bytes are read for the render only, never
     * kept in the view. Empty when none is in force.
     */
    public String preview(Row row) {
        try {
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(settings.myImage(row.key()));
        } catch (DomainException e) {
            return "";
        }
    }

    public void restore(Row row) {
        try {
            settings.restore(row.key());
            AdminText.info("settings.restored", row.label());
            load();
        } catch (DomainException e) {
            FacesMessages.error(e);
        }
    }

    public String restoreConfirmation(Row row) {
        return AdminText.text(
                "settings.restore.confirm",
                row.label(),
                row.inherited(),
                AdminText.text("settings.source." + row.inheritedSource()));
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    public List<Row> getRows() {
        return rows;
    }

    public Row getEditing() {
        return editing;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }
}
