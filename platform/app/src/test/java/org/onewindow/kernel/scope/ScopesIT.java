package org.onewindow.kernel.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.app.ModuleMigrations;
import org.onewindow.kernel.security.domain.Role;
import org.onewindow.kernel.tenant.domain.DivisionCode;
import org.onewindow.kernel.tenant.domain.TenantLevel;
import org.onewindow.launcher.EmbeddedDatabase;
import org.onewindow.testing.TestCounty;
import org.onewindow.testing.TestDatabase;

/**
 * {@link Scopes#run} on real PostgreSQL, in one transaction of the application role: what {@code app.scope} the
 * database holds after nested scopes end, normally or by an exception, and how many times it is set. The container's
 * pieces are stood in for by the smallest fakes that keep their contract: the entity manager's native queries run on
 * one JDBC connection (autocommit off: one transaction), the transaction registry holds its resources in a map. The
 * scopes are of two counties of this class's own ({@link TestCounty}, laid down in the database alone): county A with
 * its town C, and village B of the other county.
 */
class ScopesIT {

    static TestCounty countyA;
    static TestCounty countyB;
    static Scope COUNTY_A;
    static Scope VILLAGE_B;
    static Scope TOWN_C;

    @BeforeAll
    static void twoCountiesOfItsOwn() {
        EmbeddedDatabase db = TestDatabase.get();
        ModuleMigrations.migrate(
                ScopesIT.class.getClassLoader(),
                db.url(),
                EmbeddedDatabase.OWNER,
                db.ownerPassword(),
                "public",
                Map.of("appRole", EmbeddedDatabase.APP, "schema", "public"));
        countyA = TestCounty.named("沂源县").town("起凤镇").install();
        countyB = TestCounty.named("沂水县").town("田庄镇", "甲村", "乙村").install();
        COUNTY_A = Scope.system("test", DivisionCode.of(countyA.code()), TenantLevel.COUNTY);
        VILLAGE_B = Scope.visitorOf(DivisionCode.of(countyB.code("甲村")));
        TOWN_C = Scope.system("test", DivisionCode.of(countyA.code("起凤镇")), TenantLevel.TOWN);
    }

    Connection connection;
    OneTransaction transaction;
    Scopes scopes;
    TenantScopeInterceptor interceptor;
    final List<String> scopesSet = new ArrayList<>();

    @BeforeEach
    void oneTransactionOfTheApplicationRole() throws SQLException {
        EmbeddedDatabase db = TestDatabase.get();
        connection = DriverManager.getConnection(db.url(), EmbeddedDatabase.APP, db.appPassword());
        connection.setAutoCommit(false);
        transaction = new OneTransaction();
        Caller caller = new Caller();
        scopes = new Scopes();
        scopes.em = entityManagerOn(connection);
        scopes.caller = caller;
        scopes.transaction = transaction;
        interceptor = new TenantScopeInterceptor();
        interceptor.caller = caller;
        interceptor.scopes = scopes;
    }

    @AfterEach
    void rollBack() throws SQLException {
        connection.rollback();
        connection.close();
        Caller.ENTERED.remove();
    }

    @Test
    void anOuterScopeSeesExactlyItsOwnScopeAgainAfterAnInnerOne() {
        List<String> seen = new ArrayList<>();
        scopes.run(COUNTY_A, () -> {
            seen.add(databaseScope());
            scopes.run(VILLAGE_B, () -> seen.add(databaseScope()));
            seen.add(databaseScope());
        });
        assertThat(seen).containsExactly(countyA.prefix(), countyB.code("甲村"), countyA.prefix());
    }

    @Test
    void anOuterScopeSeesExactlyItsOwnScopeAgainAfterAnInnerOneThrew() {
        List<String> seen = new ArrayList<>();
        scopes.run(COUNTY_A, () -> {
            assertThatThrownBy(() -> scopes.run(VILLAGE_B, () -> {
                        seen.add(databaseScope());
                        throw new IllegalStateException("the inner work fails");
                    }))
                    .hasMessage("the inner work fails");
            seen.add(databaseScope());
            assertThat(caller().scope()).isEqualTo(countyA.prefix());
        });
        assertThat(seen).containsExactly(countyB.code("甲村"), countyA.prefix());
    }

    @Test
    void threeLevelsUnwindOneByOne() {
        List<String> seen = new ArrayList<>();
        scopes.run(COUNTY_A, () -> {
            scopes.run(TOWN_C, () -> {
                scopes.run(VILLAGE_B, () -> seen.add(databaseScope()));
                seen.add(databaseScope());
                assertThat(caller().require().username()).isEqualTo("system:test");
            });
            seen.add(databaseScope());
        });
        assertThat(seen).containsExactly(countyB.code("甲村"), countyA.code("起凤镇").substring(0, 9), countyA.prefix());
        assertThat(caller().current()).isEmpty();
    }

    @Test
    void aSystemJobHoldsTheRolesItDeclaresWhereTheyMayBeHeldAndNoOther() {
        DivisionCode county = DivisionCode.of(countyA.code());
        scopes.run(Scope.system("test", county, TenantLevel.COUNTY, Role.STANDARDS_EDITOR), () -> {
            assertThat(caller().require().roles()).containsExactly(Role.STANDARDS_EDITOR);
            assertThat(caller().require().scope()).isEqualTo(countyA.prefix());
        });
        scopes.run(
                Scope.system("test", DivisionCode.of(countyA.code("起凤镇")), TenantLevel.TOWN, Role.STANDARDS_EDITOR),
                () -> assertThat(caller().require().roles())
                        .as("a county role at a town is no role")
                        .isEmpty());
    }

    @Test
    void aVisitorHoldsNoRoleAndIsNamedAsOne() {
        scopes.run(VILLAGE_B, () -> {
            assertThat(caller().require().username()).isEqualTo("public:visitor");
            assertThat(caller().require().roles()).isEmpty();
            assertThat(caller().require().sees(DivisionCode.of(countyB.code("甲村"))))
                    .isTrue();
            assertThat(caller().require().sees(DivisionCode.of(countyB.code("乙村"))))
                    .isFalse();
        });
    }

    @Test
    void theScopeIsSetOnceAsLongAsNothingChangesIt() {
        scopes.run(COUNTY_A, () -> {
            intercepted();
            intercepted();
            scopes.run(COUNTY_A, this::intercepted);
        });
        assertThat(scopesSet)
                .as("entering sets the scope, services in it and the same scope again pay nothing, leaving restores")
                .containsExactly(countyA.prefix(), "");

        scopesSet.clear();
        scopes.run(COUNTY_A, () -> {
            scopes.run(VILLAGE_B, this::intercepted);
            intercepted();
        });
        assertThat(scopesSet)
                .as("each scope set once when entered and once when restored; the services in them pay nothing")
                .containsExactly(countyA.prefix(), countyB.code("甲村"), countyA.prefix(), "");
    }

    @Test
    void aScopeLeftInATransactionMarkedForRollbackIsSetAgainByTheNextService() {
        scopes.run(COUNTY_A, () -> {
            scopes.run(VILLAGE_B, () -> {});
            transaction.status = Status.STATUS_MARKED_ROLLBACK;
        });
        transaction.status = Status.STATUS_ACTIVE;
        scopesSet.clear();
        intercepted();
        assertThat(scopesSet).containsExactly("");
    }

    @Test
    void aJobNameIsChecked() {
        assertThatThrownBy(() -> Scope.system("System Job", DivisionCode.of(countyA.code()), TenantLevel.COUNTY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(COUNTY_A.actor()).isEqualTo("system:test");
        assertThat(VILLAGE_B.prefix()).isEqualTo(countyB.code("甲村"));
    }

    /** A {@link TenantScoped} service called here: the interceptor, then a service that does nothing. */
    private void intercepted() {
        InvocationContext service = (InvocationContext) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {InvocationContext.class}, (proxy, method, args) -> null);
        try {
            interceptor.withScope(service);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Caller caller() {
        return scopes.caller;
    }

    private String databaseScope() {
        try (PreparedStatement sql = connection.prepareStatement("select current_setting('app.scope', true)");
                ResultSet row = sql.executeQuery()) {
            row.next();
            return row.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An entity manager whose native queries (the only thing {@link Scopes} asks of it) run on the connection. */
    private EntityManager entityManagerOn(Connection connection) {
        return (EntityManager) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {EntityManager.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("createNativeQuery")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return nativeQuery(connection, (String) args[0]);
                });
    }

    private Query nativeQuery(Connection connection, String sql) {
        Map<Integer, Object> parameters = new HashMap<>();
        return (Query) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Query.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "setParameter" -> {
                            parameters.put((Integer) args[0], args[1]);
                            return proxy;
                        }
                        case "getSingleResult" -> {
                            try (PreparedStatement statement = connection.prepareStatement(sql.replace("?1", "?"))) {
                                statement.setObject(1, parameters.get(1));
                                try (ResultSet row = statement.executeQuery()) {
                                    row.next();
                                    if (sql.contains("set_config('app.scope'")) {
                                        scopesSet.add((String) parameters.get(1));
                                    }
                                    return row.getObject(1);
                                }
                            }
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    /** One transaction, always the same key, its resources in a map. */
    static class OneTransaction implements TransactionSynchronizationRegistry {

        final Map<Object, Object> resources = new HashMap<>();
        int status = Status.STATUS_ACTIVE;

        @Override
        public Object getTransactionKey() {
            return this;
        }

        @Override
        public void putResource(Object key, Object value) {
            resources.put(key, value);
        }

        @Override
        public Object getResource(Object key) {
            return resources.get(key);
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int getTransactionStatus() {
            return status;
        }

        @Override
        public void setRollbackOnly() {
            status = Status.STATUS_MARKED_ROLLBACK;
        }

        @Override
        public boolean getRollbackOnly() {
            return status == Status.STATUS_MARKED_ROLLBACK;
        }
    }
}
