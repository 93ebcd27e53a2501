package org.onewindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Posts no page sends, written by hand with a real session (ADR 0027, 0033): Ajax (partial) and full posts whose act
 * a service refuses, as not found or out of scope, as a conflict, as invalid. Each is answered with a friendly
 * message or the refusal page, the server log holds at most one line for it and never a stack trace, and nothing is
 * stored.
 */
class RefusedPostsIT extends ShippedWar {

    private static final String NO_SUCH_CASE = "370321-20260101-99999";

    /**
     * A crafted Ajax post that opens the case page with a case number of no case the clerk may see (as a first
     * request, so the page's view action runs and the case service refuses), without the script nonce a page gives:
     * a page that says so, one {@code Refused POST} line, no stack trace (before: the refusal page failed on the
     * missing nonce and the container logged that with its trace). The same as a full post: the refusal page, 404.
     */
    @Test
    void aCraftedPostOpeningACaseOutOfScopeIsOneLineAndAFriendlyPage() throws Exception {
        HttpClient clerk = loggedIn("huagou.clerk");
        Map<String, String> ajax = new LinkedHashMap<>();
        ajax.put("number", NO_SUCH_CASE);
        ajax.put("jakarta.faces.partial.ajax", "true");
        ajax.put("jakarta.faces.partial.execute", "@all");
        ajax.put("jakarta.faces.partial.render", "@all");

        String log = ServerLog.whileRunning("Refused POST", 2, () -> {
            HttpResponse<String> partial = post(clerk, "clerk/cases/case.xhtml", ajax, true);
            assertThat(partial.statusCode()).as(partial.body()).isBetween(400, 499);
            assertThat(partial.body()).contains("页面已过期");
            assertNoLeak(partial.body());

            HttpResponse<String> full = post(clerk, "clerk/cases/case.xhtml", Map.of("number", NO_SUCH_CASE), false);
            assertThat(full.statusCode()).isEqualTo(404);
            assertThat(full.body()).contains("未找到办件");
            assertNoLeak(full.body());
        });

        assertThat(log.lines().filter(line -> line.contains("Refused POST")))
                .as("one line per refusal:\n" + log)
                .hasSize(2)
                .allSatisfy(line -> assertThat(line)
                        .contains("/clerk/cases/case.xhtml")
                        .contains("huagou.clerk")
                        .contains("NOT_FOUND casework.case.not.found"));
        assertNoLeak(log);
    }

    /**
     * A crafted post of the staff page without the script nonce the page gave (a form posted by hand): the expired
     * page, one line, no stack trace, nothing stored.
     */
    @Test
    void aCraftedPostWithoutTheScriptNonceIsOneLineAndTheExpiredPage() throws Exception {
        HttpClient admin = loggedIn("qifeng.admin");
        long accountsBefore = selectCount("select count(*) from staff_account");

        String log = ServerLog.whileRunning("Refused POST", 1, () -> {
            String opened = open(admin, "admin/staff.xhtml");
            Map<String, String> form = new LinkedHashMap<>(account("370321106202", "crafted nononce!"));
            form.put("staff", "staff");
            form.put("staff:save-create", "staff:save-create");
            withViewState(form, opened);
            form.remove("primefaces.nonce");
            HttpResponse<String> answer = post(admin, "admin/staff.xhtml", form, false);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
            assertThat(answer.body()).contains("页面已过期");
            assertNoLeak(answer.body());
        });

        assertThat(log.lines().filter(line -> line.contains("Refused POST")))
                .as("one line:\n" + log)
                .singleElement()
                .satisfies(
                        line -> assertThat(line).contains("/admin/staff.xhtml").contains("qifeng.admin"));
        assertNoLeak(log);
        assertThat(selectCount("select count(*) from staff_account")).isEqualTo(accountsBefore);
    }

    /**
     * The staff page's 新建账号 posted by hand by 起凤镇's administrator, as Ajax and as a full post: an account in a
     * village of another town (out of scope), a user name that is taken (conflict), a user name the rules refuse
     * (invalid). Each answers the refusal's message in the dialog; nothing is logged as a trace; no account is made.
     */
    @Test
    void aCraftedStaffAccountOutOfScopeTakenOrInvalidIsAMessageAndNothingIsStored() throws Exception {
        HttpClient admin = loggedIn("qifeng.admin");
        Map<String, Map<String, String>> crafted = new LinkedHashMap<>();
        crafted.put("out of scope", account("370321100201", "crafted.outside"));
        crafted.put("taken", account("370321106202", "huagou.clerk"));
        crafted.put("invalid", account("370321106202", "bad name\u0000"));
        long accountsBefore = selectCount("select count(*) from staff_account");

        String log = ServerLog.whileRunning("Refused POST", 0, () -> {
            for (Map.Entry<String, Map<String, String>> post : crafted.entrySet()) {
                for (boolean ajax : new boolean[] {true, false}) {
                    String opened = open(admin, "admin/staff.xhtml");
                    Map<String, String> form = new LinkedHashMap<>(post.getValue());
                    form.put("staff", "staff");
                    form.put("staff:save-create", "staff:save-create");
                    if (ajax) {
                        form.put("jakarta.faces.partial.ajax", "true");
                        form.put("jakarta.faces.source", "staff:save-create");
                        form.put("jakarta.faces.partial.execute", "staff:create-panel staff:save-create");
                        form.put("jakarta.faces.partial.render", "staff:create-panel");
                    }
                    withViewState(form, opened);
                    HttpResponse<String> answer = post(admin, "admin/staff.xhtml", form, ajax);
                    String what = post.getKey() + (ajax ? " (Ajax)" : " (full)") + ": " + answer.body();
                    assertThat(answer.statusCode()).as(what).isEqualTo(200);
                    assertThat(answer.body()).as(what).contains("ui-messages-error");
                    assertNoLeak(answer.body());
                }
            }
        });

        assertNoLeak(log);
        assertThat(selectCount("select count(*) from staff_account")).isEqualTo(accountsBefore);
        assertThat(selectCount("select count(*) from staff_account where username = 'crafted.outside'"))
                .isZero();
    }

    private static Map<String, String> account(String tenant, String username) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("staff:new-tenant_input", tenant);
        form.put("staff:new-tenant_hinput", tenant);
        form.put("staff:new-username", username);
        form.put("staff:new-name", "手工提交");
        form.put("staff:new-password", "Probe-Password-1");
        return form;
    }

    private static void assertNoLeak(String text) {
        Matcher leak = PageMatrixIT.LEAK.matcher(text.replaceAll("(?s)<script[^>]*>.*?</script>", ""));
        assertThat(leak.find()).as("no stack trace, no server name:\n" + text).isFalse();
    }

    /** A session of {@code user}, logged in through the login form as a browser posts it. */
    private HttpClient loggedIn(String user) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        String page = open(http, "login.xhtml");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("login", "login");
        form.put("login:username", user);
        form.put("login:password", PASSWORD);
        form.put("login:submit", "");
        withViewState(form, page);
        HttpResponse<String> answer = post(http, "login.xhtml", form, false);
        assertThat(answer.statusCode()).as(answer.body()).isLessThan(400);
        assertThat(open(http, "app/home.xhtml")).as("logged in as " + user).doesNotContain("login:password");
        return http;
    }

    private String open(HttpClient http, String page) throws Exception {
        HttpResponse<String> answer =
                http.send(HttpRequest.newBuilder(base.resolve(page)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(page).isEqualTo(200);
        return answer.body();
    }

    /** The page's view state and the script nonce PrimeFaces adds to every post. */
    private static void withViewState(Map<String, String> form, String page) {
        Matcher state = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"")
                .matcher(page);
        assertThat(state.find()).as("the page has a form").isTrue();
        form.put("jakarta.faces.ViewState", state.group(1));
        Matcher nonce =
                Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)").matcher(page);
        if (nonce.find()) {
            form.put("primefaces.nonce", nonce.group(1));
        }
    }

    private HttpResponse<String> post(HttpClient http, String page, Map<String, String> form, boolean ajax)
            throws Exception {
        String body = form.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(page))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (ajax) {
            request.header("Faces-Request", "partial/ajax");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
