package org.onewindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.onewindow.testing.Api;
import org.onewindow.testing.TestCounty;
import org.onewindow.testing.TestDatabase;

/**
 * The WAR the build produced, deployed on Payara Micro once per test class, over the demo county: what is tested
 * is what ships. Subclasses reach it through {@link #base} and {@link #api}.
 */
@ExtendWith(ArquillianExtension.class)
abstract class ShippedWar {

    static final String PASSWORD = TestDatabase.DEMO_PASSWORD;

    @Deployment(testable = false)
    static WebArchive war() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("onewindow.war")));
    }

    @ArquillianResource
    URL deployment;

    URI base;
    Api api;

    @BeforeEach
    void connect() {
        base = URI.create("http://" + loopbackAddress(getClass()) + ":" + deployment.getPort() + "/");
        api = new Api(base);
    }

    /**
     * The address a test class reaches the server from: one of 127.0.0.2…251, fixed per class (Arquillian reports the
     * machine's external address; the server listens on every interface). The classes share one
     * server (ADR 0016), and what the server keeps per client address, such as the progress lookup's budget of wrong
     * check codes, stays each class's own.
     */
    static String loopbackAddress(Class<?> testClass) {
        return "127.0.0." + (2 + Math.floorMod(testClass.getName().hashCode(), 250));
    }

    /**
     * A token of an administrator of 华沟村 named {@code username} (password {@code Probe-Password-1}), made by the
     * county's administrator on first use: a class's own village administrator.
     */
    String tenantAdminOfHuagou(String countyAdminToken, String username) {
        Api.Answer made = api.postJson(
                "api/v1/tenants/370321106202/accounts",
                countyAdminToken,
                "{\"username\":\"" + username + "\",\"displayName\":\"村管理员\",\"password\":\"Probe-Password-1\","
                        + "\"roles\":[\"TENANT_ADMIN\"]}");
        org.assertj.core.api.Assertions.assertThat(made.status())
                .as(made.body())
                .isIn(201, 409);
        return api.token(username, "Probe-Password-1");
    }

    /**
     * 最低生活保障 through {@code county}'s back office as it runs, by its accounts of the demo county's names: 华沟村's
     * reviewer, then 起凤镇's, then the county's civil affairs bureau approves; the result's delivery task waits at
     * 华沟村's window.
     */
    void decideInTheBackOffice(TestCounty county, String number) {
        for (String local : new String[] {"huagou.reviewer", "qifeng.reviewer", "mz.reviewer"}) {
            String reviewer = county.username(local);
            List<JsonObject> tasks = openTasks(reviewer, number);
            assertThat(tasks).as("%s's tasks of %s", reviewer, number).hasSize(1);
            Api.Answer approved = api.postJson(
                    "api/v1/tasks/" + tasks.getFirst().getString("id") + "/approve",
                    api.token(reviewer, PASSWORD),
                    "{\"opinion\":\"符合最低生活保障条件\",\"legalBasis\":\"《社会救助暂行办法》第十一条\"}");
            assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        }
        assertThat(openTasks(county.username("huagou.clerk"), number))
                .extracting(task -> task.getString("kind"))
                .containsExactly("WINDOW_DELIVERY");
    }

    /** A PDF the REST API answers at {@code path} to a bearer of {@code token}, as fetched. */
    java.net.http.HttpResponse<byte[]> pdf(String path, String token) throws Exception {
        return java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(base.resolve(path))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The text of the PDF at {@code path} (which must answer 200), white space removed, as PDFBox reads it. */
    String pdfText(String path, String token) throws Exception {
        var printed = pdf(path, token);
        assertThat(printed.statusCode()).as(path).isEqualTo(200);
        return pdfText(printed.body());
    }

    /** The text of a PDF, white space removed (a label and its value read as one: 发证机关桓台县…). */
    static String pdfText(byte[] pdf) throws Exception {
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper()
                    .getText(document)
                    .replaceAll("\\s+", "");
        }
    }

    List<JsonObject> openTasks(String user, String number) {
        Api.Answer page = api.get("api/v1/tasks?q=" + number, api.token(user, PASSWORD));
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return page.json().asJsonObject().getJsonArray("tasks").stream()
                .map(JsonValue::asJsonObject)
                .toList();
    }

    /**
     * The first column of the first row of {@code query} as the database's superuser reads it (past row-level
     * security): what a test checks was stored. The query must answer a row.
     */
    static String selectText(String query) {
        try (java.sql.Connection su = TestDatabase.get().superuserConnection();
                java.sql.Statement sql = su.createStatement();
                java.sql.ResultSet rs = sql.executeQuery(query)) {
            if (!rs.next()) {
                throw new AssertionError("no row: " + query);
            }
            return rs.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(query, e);
        }
    }

    /** A number the query answers, as {@link #selectText} reads it (0 for SQL null). */
    static long selectCount(String query) {
        String value = selectText(query);
        return value == null ? 0 : Long.parseLong(value);
    }

    /**
     * A count as the application role sees it with the scope set, as the scope interceptor sets it: what row-level
     * security lets a crafted query of that scope read.
     */
    static long asApp(String scope, String query) throws Exception {
        var db = TestDatabase.get();
        try (java.sql.Connection app = java.sql.DriverManager.getConnection(
                db.url(), org.onewindow.launcher.EmbeddedDatabase.APP, db.appPassword())) {
            app.setAutoCommit(false);
            try (java.sql.Statement sql = app.createStatement()) {
                sql.execute("select set_config('app.scope', '" + scope + "', true)");
                try (java.sql.ResultSet rs = sql.executeQuery(query)) {
                    rs.next();
                    return rs.getLong(1);
                } finally {
                    app.rollback();
                }
            }
        }
    }
}
