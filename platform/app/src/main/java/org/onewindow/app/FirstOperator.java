package org.onewindow.app;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.onewindow.kernel.scope.Scope;
import org.onewindow.kernel.scope.Scopes;
import org.onewindow.kernel.security.application.AccountService;
import org.onewindow.kernel.security.domain.Role;
import org.onewindow.kernel.tenant.application.TenantService;
import org.onewindow.kernel.tenant.domain.DivisionCode;
import org.onewindow.kernel.tenant.domain.TenantLevel;

/**
 * The installation's first platform operator (平台运维管理员, ADR 0008), outside demo mode: when {@code
 * onewindow.operator.username}, {@code .password}, {@code .county} (a county's 12-digit division code) and {@code
 * .county-name} are set, the county is created if it is missing and the operator account at it if no account has that
 * username. Nothing else can make an operator, since only an operator grants the role. Once made, the settings
 * change nothing and may be removed; the password should be changed by the person.
 */
@Singleton
@Startup
@DependsOn({"Database", "DemoData"})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FirstOperator {

    private static final Logger LOG = Logger.getLogger(FirstOperator.class.getName());

    @Inject
    @ConfigProperty(name = "onewindow.operator.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "onewindow.operator.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "onewindow.operator.county")
    Optional<String> county;

    @Inject
    @ConfigProperty(name = "onewindow.operator.county-name")
    Optional<String> countyName;

    @Inject
    Maker maker;

    @Inject
    Scopes scopes;

    @PostConstruct
    void make() {
        if (username.filter(u -> !u.isBlank()).isEmpty()) {
            return;
        }
        if (password.filter(p -> !p.isBlank()).isEmpty()
                || county.filter(c -> !c.isBlank()).isEmpty()
                || countyName.filter(n -> !n.isBlank() && !n.contains(",")).isEmpty()) {
            LOG.warning("No platform operator made: ONEWINDOW_OPERATOR_USERNAME needs ONEWINDOW_OPERATOR_PASSWORD,"
                    + " ONEWINDOW_OPERATOR_COUNTY (12 digits) and ONEWINDOW_OPERATOR_COUNTY_NAME (no comma)");
            return;
        }
        DivisionCode code = DivisionCode.of(county.orElseThrow());
        if (!code.fitsLevel(TenantLevel.COUNTY)) {
            LOG.warning("No platform operator made: ONEWINDOW_OPERATOR_COUNTY " + code + " is not a county's code");
            return;
        }
        // The installer may import the county (an administrator's act) and appoint the operator (an operator's).
        Scope installation =
                Scope.system("installation", code, TenantLevel.COUNTY, Role.PLATFORM_OPERATOR, Role.COUNTY_ADMIN);
        scopes.run(
                installation,
                () -> maker.make(
                        code,
                        countyName.orElseThrow().strip(),
                        username.orElseThrow().strip(),
                        password.orElseThrow()));
    }

    /** The making itself, in one transaction. */
    @ApplicationScoped
    public static class Maker {

        @Inject
        TenantService tenants;

        @Inject
        AccountService accounts;

        @Transactional
        public void make(DivisionCode county, String countyName, String username, String password) {
            if (!tenants.exists(county.value())) {
                tenants.importCsv(("code,parent_code,level,name\n" + county.value() + ",,COUNTY," + countyName)
                        .getBytes(StandardCharsets.UTF_8));
                LOG.info("County " + county + " " + countyName + " created for the first platform operator");
            }
            if (!accounts.exists(username)) {
                accounts.create(
                        county.value(), username, "平台运维管理员", password, EnumSet.of(Role.PLATFORM_OPERATOR), Set.of());
                LOG.info("Platform operator " + username + " created at " + county);
            }
        }
    }
}
