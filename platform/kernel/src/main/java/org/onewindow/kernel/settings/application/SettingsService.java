package org.onewindow.kernel.settings.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.onewindow.kernel.audit.application.AuditService;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.error.MessageKey;
import org.onewindow.kernel.imports.Uploads;
import org.onewindow.kernel.json.Json;
import org.onewindow.kernel.scope.Caller;
import org.onewindow.kernel.scope.TenantScoped;
import org.onewindow.kernel.security.domain.Role;
import org.onewindow.kernel.security.domain.StaffPrincipal;
import org.onewindow.kernel.settings.domain.EffectiveSetting;
import org.onewindow.kernel.settings.domain.SealImage;
import org.onewindow.kernel.settings.domain.Setting;
import org.onewindow.kernel.settings.domain.SettingSource;
import org.onewindow.kernel.settings.domain.StoredSetting;
import org.onewindow.kernel.settings.domain.TenantSettings;
import org.onewindow.kernel.tenant.domain.DivisionCode;

/**
 * The settings inherited down the tenant tree (issue 11): what is in force for a division, and the changes its
 * administrators make for their own division. Values set by a county hold for its towns and villages unless one of
 * them, where the setting allows, sets its own. Every change is audited in the trail of the division that made it.
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class SettingsService {

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AuditService audit;

    @Inject
    @Any
    Instance<SettingCheck> checks;

    /**
     * The settings in force for {@code division}, for the services that use them (the warning threshold of a case's
     * intake division, the case number format of its county). Reads what the caller's scope reaches: its own subtree
     * and the divisions above it (row-level security).
     */
    public TenantSettings of(DivisionCode division) {
        return TenantSettings.resolve(division, stored(division));
    }

    /** The settings in force for the caller's own division, for the console and {@code GET /settings}. */
    public TenantSettings mine() {
        return of(caller.require().tenantCode());
    }

    /** Whether the caller may set or restore {@code setting} for its own division. */
    public boolean mayChange(Setting setting) {
        return caller.current()
                .filter(StaffPrincipal::administers)
                .map(p -> setting.mayBeSetAt(SettingSource.of(p.tenantLevel())))
                .orElse(false);
    }

    /**
     * Sets {@code setting} for the caller's division (and, through inheritance, the divisions below it that set
     * none). Setting the value already set changes nothing and records nothing.
     *
     * @return the setting as now in force
     * @throws DomainException 403 {@code caller.forbidden} for a caller who is not an administrator, 403 {@code
     *     settings.tier.refused} when the caller's tier may not set it; 404 {@code settings.unknown}; 400 the
     *     value's refusal ({@link Setting#parse}, a module's {@link SettingCheck})
     */
    public EffectiveSetting change(String name, String text) {
        StaffPrincipal admin = requireAdmin();
        Setting setting = mayChangeHere(admin, name);
        String value = setting.parse(text);
        for (SettingCheck check : checks) {
            if (check.setting() == setting) {
                check.check(value);
            }
        }
        DivisionCode division = admin.tenantCode();
        EffectiveSetting before = of(division).get(setting);
        if (before.setHere() && before.value().equals(value)) {
            return before;
        }
        em.createNativeQuery("insert into tenant_setting (county_code, tenant_code, scope_prefix, name, value,"
                        + " changed_by) values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (county_code, tenant_code, name)"
                        + " do update set value = excluded.value, changed_at = now(), changed_by = excluded.changed_by")
                .setParameter(1, division.county().value())
                .setParameter(2, division.value())
                .setParameter(3, admin.scope())
                .setParameter(4, setting.key())
                .setParameter(5, value)
                .setParameter(6, admin.username())
                .executeUpdate();
        EffectiveSetting after = of(division).get(setting);
        audit.record(division.value(), "settings.changed", "setting", setting.key(), state(before), state(after));
        return after;
    }

    /**
     * Sets an image setting (the seal, {@link Setting#SEAL_IMAGE}) for the caller's division: the image is kept in
     * the database beside the value, so every node of a cluster prints it. Checked in this order, each refusal storing
     * nothing: the caller, the setting and the caller's tier, then the bytes, read up to the limit and no further.
     * Uploading the image already set changes nothing and records nothing.
     *
     * @param body the image's bytes
     * @param declaredLength the {@code Content-Length} sent, or null: a larger one is refused unread
     * @return the setting as now in force
     * @throws DomainException as {@link #change} for the caller and the setting; 400 {@code settings.value.text} for
     *     a setting that is not an image; 400 {@code settings.image.*} ({@link SealImage#of})
     * @throws org.onewindow.kernel.imports.ImportTooLargeException 413 {@code settings.image.too.large}
     */
    public EffectiveSetting changeImage(String name, InputStream body, String declaredLength) {
        StaffPrincipal admin = requireAdmin();
        Setting setting = mayChangeHere(admin, name);
        if (setting.kind() != Setting.Kind.IMAGE) {
            throw new DomainException("settings.value.text", setting.label());
        }
        SealImage image = SealImage.of(Uploads.readAtMost(body, declaredLength, setting.max(), SealImage::tooLarge));
        String value = image.sha256();
        DivisionCode division = admin.tenantCode();
        EffectiveSetting before = of(division).get(setting);
        if (before.setHere() && before.value().equals(value)) {
            return before;
        }
        em.createNativeQuery("insert into tenant_setting (county_code, tenant_code, scope_prefix, name, value, image,"
                        + " changed_by) values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict (county_code, tenant_code,"
                        + " name) do update set value = excluded.value, image = excluded.image, changed_at = now(),"
                        + " changed_by = excluded.changed_by")
                .setParameter(1, division.county().value())
                .setParameter(2, division.value())
                .setParameter(3, admin.scope())
                .setParameter(4, setting.key())
                .setParameter(5, value)
                .setParameter(6, image.content())
                .setParameter(7, admin.username())
                .executeUpdate();
        EffectiveSetting after = of(division).get(setting);
        audit.record(division.value(), "settings.changed", "setting", setting.key(), state(before), state(after));
        return after;
    }

    /**
     * The image of {@code setting} in force for {@code division}: the one the nearest division up its chain uploaded
     * (row-level security lets a division read the values above it).
     *
     * @return the PNG's bytes; empty when no division up the chain set one
     */
    public Optional<byte[]> image(DivisionCode division, Setting setting) {
        EffectiveSetting effective = of(division).get(setting);
        if (setting.kind() != Setting.Kind.IMAGE || effective.from() == null) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<byte[]> images = em.createNativeQuery("select image from tenant_setting where county_code = ?1"
                        + " and tenant_code = ?2 and name = ?3 and image is not null")
                .setParameter(1, effective.from().county().value())
                .setParameter(2, effective.from().value())
                .setParameter(3, setting.key())
                .getResultList();
        return images.stream().findFirst();
    }

    /**
     * The image of the setting named {@code name} in force for the caller's division, for the console and {@code
     * GET /settings/{name}/image}.
     *
     * @throws DomainException 404 {@code settings.unknown}; 404 {@code settings.image.none} when none is in force
     */
    public byte[] myImage(String name) {
        Setting setting = Setting.named(name);
        return image(caller.require().tenantCode(), setting)
                .orElseThrow(() -> DomainException.notFound("settings.image.none", setting.label()));
    }

    /**
     * Removes the caller's own value of {@code setting}: the division inherits again (from its town or county, or
     * the default).
     *
     * @return the setting as now in force
     * @throws DomainException as {@link #change} for the caller and the setting; 404 {@code settings.not.set} when
     *     the division has no value of its own
     */
    public EffectiveSetting restore(String name) {
        StaffPrincipal admin = requireAdmin();
        Setting setting = mayChangeHere(admin, name);
        DivisionCode division = admin.tenantCode();
        EffectiveSetting before = of(division).get(setting);
        if (!before.setHere()) {
            throw DomainException.notFound("settings.not.set", setting.label());
        }
        em.createNativeQuery("delete from tenant_setting where county_code = ?1 and tenant_code = ?2 and name = ?3")
                .setParameter(1, division.county().value())
                .setParameter(2, division.value())
                .setParameter(3, setting.key())
                .executeUpdate();
        EffectiveSetting after = of(division).get(setting);
        audit.record(division.value(), "settings.restored", "setting", setting.key(), state(before), state(after));
        return after;
    }

    private StaffPrincipal requireAdmin() {
        return caller.requireAny(Role.COUNTY_ADMIN, Role.TENANT_ADMIN);
    }

    private static Setting mayChangeHere(StaffPrincipal admin, String name) {
        Setting setting = Setting.named(name);
        SettingSource tier = SettingSource.of(admin.tenantLevel());
        if (!setting.mayBeSetAt(tier)) {
            throw new DomainException(
                    DomainException.Kind.FORBIDDEN,
                    "settings.tier.refused",
                    setting.label(),
                    new MessageKey("settings.tier." + tier.name()));
        }
        return setting;
    }

    /** The values stored in the division's county that reach it: its own and those of the divisions above it. */
    private List<StoredSetting> stored(DivisionCode division) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select tenant_code, scope_prefix, name, value from tenant_setting"
                        + " where county_code = ?1 and starts_with(?2, scope_prefix)")
                .setParameter(1, division.county().value())
                .setParameter(2, division.value())
                .getResultList();
        List<StoredSetting> stored = new ArrayList<>();
        for (Object[] row : rows) {
            for (Setting setting : Setting.values()) {
                // A name no setting has any more (a setting retired from the product) is kept but not used.
                if (setting.key().equals(row[2])) {
                    stored.add(new StoredSetting(
                            new DivisionCode((String) row[0]), (String) row[1], setting, (String) row[3]));
                }
            }
        }
        return stored;
    }

    private static JsonObject state(EffectiveSetting setting) {
        return Json.createObjectBuilder()
                .add("value", setting.value())
                // OWN when the division set it itself, else the tier it is inherited from (the console's words).
                .add(
                        "settingSource",
                        setting.setHere() ? "OWN" : setting.source().name())
                .build();
    }
}
