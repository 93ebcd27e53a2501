package org.onewindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.json.JsonObject;
import jakarta.servlet.annotation.WebServlet;
import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.testing.Api;
import org.onewindow.testing.TestCounty;
import org.onewindow.testing.TestDatabase;

/**
 * Who gets what from every Faces page (issue 8, OWASP ASVS 5.0 V8): each page the WAR serves, opened by every role
 * logged in through the login page and anonymously, answers the class the table below says, never a server error and
 * never a stack trace. A page the WAR serves and the table does not list fails the test: a new page must be given its
 * rows. Pages that take an object are opened with one of each tenant relation; an object outside the caller's scope
 * answers exactly as one that does not exist. Crafted console posts by callers without the right change nothing. The
 * county, its staff (one account of each role, named as the demo county names its own, and the window clerks and
 * reviewers the cases go through) and the other county are this class's own ({@link TestCounty} 高青县 with the demo
 * county's numbering and back office, and 矩阵县).
 *
 * <p>Classes: {@code P} the page itself (200, its marker shown); {@code N} the page without its object (200, the
 * page's own "not found", the marker absent); {@code L} sent to the login page; {@code H} sent to the staff home;
 * {@code 3} the forbidden page (403); {@code 4} the not-found page (404).
 *
 * <p>Targets: {@code HG} 华沟村 (…106202) of 起凤镇: huagou.clerk's own, fumiao.clerk's sibling ({@code FM} 付庙村
 * …106201), the child of qifeng.clerk's 起凤镇 ({@code QF}), the grandchild of the county ({@code CO}); {@code OT} a
 * village of another town (田庄镇's 田庄村, …100201); {@code OC} another county (矩阵县's 矩阵村, and a copy of a case
 * there); {@code NO} nothing there; {@code XX} a malformed reference; {@code -} the page takes no object.
 */
class PageMatrixIT extends ShippedWar {

    static final List<String> USERS = AuthorizationMatrixIT.USERS;

    static final String CASE = "clerk/cases/case.xhtml?number=%s";
    static final String TASK = "clerk/cases/case.xhtml?%s";
    static final String TENANT = "app/tenant.xhtml?code=%s";
    static final String GUIDE = "catalog/guide.xhtml?%s";
    static final String PROGRESS = "progress.xhtml?%s";
    static final String RECEIPT = "clerk/cases/notice.pdf?%s";
    static final String SCAN = "clerk/cases/material-file?%s";
    static final String DECISION = "clerk/cases/notice.pdf?kind=decision&%s";
    static final String LICENCE = "clerk/cases/notice.pdf?kind=licence&%s";
    static final String SHORT_PROGRESS = "progress/%s";

    /**
     * Servlets whose answers another matrix walks: {@code /api/*} answers the REST API's unknown paths
     * (AuthorizationMatrixIT, ApiIT).
     */
    static final Set<String> SERVLETS_ELSEWHERE = Set.of("api/*");

    /** One page opened at one target; {@code marker} is a title's beginning or, after {@code #}, an element's id. */
    record Row(String page, String target, String expected, String marker) {}

    private static Row row(String page, String target, String expected, String marker) {
        return new Row(page, target, expected, marker);
    }

    // spotless:off (a table is read across)
    static final List<Row> TABLE = List.of(
            //  page                               target  op ca au qa qc hc fc mz se an   marker
            row("index.xhtml",                         "-",  "P P P P P P P P P P", "首页"),
            row("login.xhtml",                         "-",  "P P P P P P P P P P", "工作人员登录"),
            row("password.xhtml",                      "-",  "P P P P P P P P P P", "设置新密码"),
            row("app/home.xhtml",                      "-",  "P P P P P P P P P L", "工作台"),
            // Nothing there first: each answer out of scope below must be the same, byte for byte.
            row(TENANT,                                "NO", "N N N N N N N N N L", "#name"),
            row(TENANT,                                "XX", "N N N N N N N N N L", "#name"),
            row(TENANT,                                "HG", "P P P P P P N P P L", "#name"),
            row(TENANT,                                "FM", "P P P P P N P P P L", "#name"),
            row(TENANT,                                "QF", "P P P P P N N P P L", "#name"),
            row(TENANT,                                "CO", "P P P N N N N P P L", "#name"),
            row(TENANT,                                "OT", "P P P N N N N P P L", "#name"),
            row(TENANT,                                "OC", "N N N N N N N N N L", "#name"),
            // --- the front window
            row("clerk/cases/intake.xhtml",            "-",  "3 3 3 3 P P P 3 3 L", "综合受理"),
            row("clerk/cases/index.xhtml",             "-",  "3 3 3 3 P P P 3 3 L", "本窗口办件"),
            row("clerk/tasks/queue.xhtml",             "-",  "3 3 3 3 P P P P 3 L", "待办任务"),
            row(CASE,                                  "NO", "3 3 3 3 4 4 4 4 3 L", "#case-number"),
            row(CASE,                                  "XX", "3 3 3 3 4 4 4 4 3 L", "#case-number"),
            row(CASE,                                  "HG", "3 3 3 3 P P 4 P 3 L", "#case-number"),
            row(CASE,                                  "FM", "3 3 3 3 P 4 P P 3 L", "#case-number"),
            row(CASE,                                  "QF", "3 3 3 3 P 4 4 P 3 L", "#case-number"),
            row(CASE,                                  "CO", "3 3 3 3 4 4 4 P 3 L", "#case-number"),
            row(CASE,                                  "OC", "3 3 3 3 4 4 4 4 3 L", "#case-number"),
            // A case with the task of its window's queue; at NO 华沟村's case with a task that is not there.
            row(TASK,                                  "NO", "3 3 3 3 4 4 4 4 3 L", "#case-number"),
            row(TASK,                                  "HG", "3 3 3 3 4 P 4 4 3 L", "#case-number"),
            row(TASK,                                  "FM", "3 3 3 3 4 4 P 4 3 L", "#case-number"),
            row(TASK,                                  "QF", "3 3 3 3 P 4 4 4 3 L", "#case-number"),
            row(TASK,                                  "CO", "3 3 3 3 4 4 4 4 3 L", "#case-number"),
            // --- the console: administrators, the auditor (reads) and the standards editor; the platform operator
            // appoints through the API only (ADR 0008)
            row("admin/tenants.xhtml",                 "-",  "3 P P P 3 3 3 3 P L", "区划与服务场所"),
            row("admin/staff.xhtml",                   "-",  "3 P P P 3 3 3 3 3 L", "工作人员账号"),
            row("admin/calendar.xhtml",                "-",  "3 P P P 3 3 3 3 P L", "工作日历"),
            row("admin/catalog.xhtml",                 "-",  "3 P 3 P 3 3 3 3 3 L", "本级事项目录"),
            row("admin/conflicts.xhtml",               "-",  "3 P P P 3 3 3 3 P L", "版本更新冲突"),
            row("admin/standards.xhtml",               "-",  "3 P P P 3 3 3 3 P L", "标准事项管理"),
            row("admin/processes.xhtml",               "-",  "3 P P P 3 3 3 3 P L", "流程模板"),
            row("admin/audit.xhtml",                   "-",  "3 P P P 3 3 3 3 3 L", "审计日志"),
            row("admin/settings.xhtml",                "-",  "3 P P P 3 3 3 3 P L", "设置"),
            row("admin/places.xhtml",                  "-",  "3 P P P 3 3 3 3 P L", "服务网点与窗口"),
            // --- public pages: the catalog of any county, the progress lookup (the check code is the credential)
            row("catalog/index.xhtml",                 "-",  "P P P P P P P P P P", "办事指南查询"),
            row(GUIDE,                                 "NO", "N N N N N N N N N N", "#item-name"),
            row(GUIDE,                                 "HG", "P P P P P P P P P P", "#item-name"),
            row(GUIDE,                                 "OC", "P P P P P P P P P P", "#item-name"),
            row("progress.xhtml",                      "-",  "P P P P P P P P P P", "办件进度查询"),
            row(PROGRESS,                              "HG", "P P P P P P P P P P", "#case-number"),
            // The short address on a receipt's QR code goes to the progress page, whoever opens it.
            row("progress",                            "-",  "G G G G G G G G G G", ""),
            row(SHORT_PROGRESS,                        "HG", "G G G G G G G G G G", ""),
            // --- the staff pages' files: a receipt (with its check code) and a scan, as the case page links them
            row(RECEIPT,                               "NO", "3 3 3 3 4 4 4 4 3 L", "%PDF"),
            row(RECEIPT,                               "XX", "3 3 3 3 4 4 4 4 3 L", "%PDF"),
            row(RECEIPT,                               "HG", "3 3 3 3 P P 4 P 3 L", "%PDF"),
            row(RECEIPT,                               "FM", "3 3 3 3 P 4 P P 3 L", "%PDF"),
            row(RECEIPT,                               "OC", "3 3 3 3 4 4 4 4 3 L", "%PDF"),
            row(SCAN,                                  "NO", "3 3 3 3 4 4 4 4 3 L", "%PDF"),
            // a decision letter as the issuance card prints it (staff reprint: no check code)
            row(DECISION,                              "HG", "3 3 3 3 P P 4 P 3 L", "%PDF"),
            row(DECISION,                              "NO", "3 3 3 3 4 4 4 4 3 L", "%PDF"),
            row(DECISION,                              "XX", "3 3 3 3 4 4 4 4 3 L", "%PDF"),
            // a licence as the issuance card prints it: 华沟村's case is 最低生活保障 (no licence), so 404 even in scope
            row(LICENCE,                               "HG", "3 3 3 3 4 4 4 4 3 L", "%PDF"),
            row(LICENCE,                               "NO", "3 3 3 3 4 4 4 4 3 L", "%PDF"),
            row(LICENCE,                               "XX", "3 3 3 3 4 4 4 4 3 L", "%PDF"),
            row(SCAN,                                  "XX", "3 3 3 3 4 4 4 4 3 L", "%PDF"),
            row(SCAN,                                  "HG", "3 3 3 3 P P 4 P 3 L", "%PDF"),
            // --- the error pages, opened by their address: those that report an error have none to report
            row("error/forbidden.xhtml",               "-",  "P P P P P P P P P P", "无权访问"),
            row("error/not-found.xhtml",               "-",  "P P P P P P P P P P", "页面不存在"),
            row("error/expired.xhtml",                 "-",  "4 4 4 4 4 4 4 4 4 4", "页面已过期"),
            row("error/refused.xhtml",                 "-",  "4 4 4 4 4 4 4 4 4 4", "无法办理"),
            row("error/server.xhtml",                  "-",  "4 4 4 4 4 4 4 4 4 4", "系统出错"));
    // spotless:on

    static final String NO_TASK = AuthorizationMatrixIT.NO_TASK;

    /** An object's reference as an attacker might type it. */
    static final String MALFORMED = "%3Cb%3E'%22--%E2%80%AE";

    /** Windows whose clerks find a case's task in their queues: each has a decided case waiting there. */
    static final List<String> WINDOWS = List.of("huagou.clerk", "fumiao.clerk", "qifeng.clerk", "county.clerk");

    /** The reviewers a 最低生活保障 case goes through, village to county. */
    static final List<String> REVIEWERS =
            List.of("huagou.reviewer", "fumiao.reviewer", "qifeng.reviewer", "mz.reviewer");

    static TestCounty gaoqing;
    static TestCounty other;

    /** What an answer may never show: the server's own error page, an exception's name, a stack frame. */
    static final Pattern LEAK = Pattern.compile(
            "Payara|GlassFish|Error report|\\w+(Exception|Error)\\b(?!\\.)|\\sat (java|jakarta|org|com)\\.[\\w.$]+\\(");

    private final Map<String, HttpClient> sessions = new LinkedHashMap<>();

    /**
     * 高青县 with 田庄镇 (100) and its 田庄村, 起凤镇 (106) and its villages 付庙村 and 华沟村, and the back office; one
     * account of each role of {@link #USERS}, a clerk at each of the {@link #WINDOWS} and the {@link #REVIEWERS}; at
     * each window a decided case whose result waits there; 矩阵县 with 矩阵镇 and 矩阵村, another county.
     */
    @BeforeEach
    void ownCounties() {
        if (gaoqing != null) {
            return;
        }
        gaoqing = TestCounty.named("高青县").demoTowns().backOffice().make(api);
        other = TestCounty.named("矩阵县").town("矩阵镇", "矩阵村").make(api);
        gaoqing.operator("platform.operator");
        gaoqing.staff("高青县", "county.auditor", Set.of("AUDITOR"));
        gaoqing.staff("起凤镇", "qifeng.admin", Set.of("TENANT_ADMIN"));
        gaoqing.standardsEditor("standards.editor");
        gaoqing.clerk("高青县", "county.clerk");
        gaoqing.clerk("起凤镇", "qifeng.clerk");
        gaoqing.clerk("华沟村", "huagou.clerk");
        gaoqing.clerk("付庙村", "fumiao.clerk");
        gaoqing.reviewer("华沟村", "huagou.reviewer", "CWH");
        gaoqing.reviewer("付庙村", "fumiao.reviewer", "CWH");
        gaoqing.reviewer("起凤镇", "qifeng.reviewer", "SHSW");
        gaoqing.reviewer("高青县", "mz.reviewer", "MZ");
        for (String clerk : WINDOWS) {
            decidedAt(clerk);
        }
    }

    /** The username of {@code user} (a role's account named as the demo county names it) in the county. */
    private static String account(String user) {
        return gaoqing.username(user);
    }

    /** A token of {@code user}'s account in the county. */
    private static String token(String user) {
        return gaoqing.token(account(user));
    }

    /** A code in the county, by its last six digits ({@code 106202} for 华沟村). */
    private static String code(String local) {
        return gaoqing.prefix() + local;
    }

    @Test
    void everyPageOfTheWarHasItsRowsInTheTable() throws Exception {
        Set<String> served = pages();
        Set<String> servlets = servlets();
        assertThat(servlets).as("the servlets were found").contains("clerk/cases/notice.pdf", "api/*");
        servlets.removeAll(SERVLETS_ELSEWHERE);
        served.addAll(servlets);
        Set<String> tabled = new TreeSet<>();
        TABLE.forEach(row -> tabled.add(path(row.page()).replace("%s", "*")));

        assertThat(served).as("the pages were found").contains("login.xhtml", "admin/staff.xhtml");
        assertThat(tabled)
                .as("pages without a row in the table: say who may open them")
                .containsAll(served);
        assertThat(served).as("rows of pages the WAR does not serve").containsAll(tabled);
    }

    @Test
    void everyCallerGetsWhatTheTableSaysAndAnObjectOutOfScopeLooksLikeNone() throws Exception {
        Map<String, Map<String, String>> targets = targets();
        String before = state();
        List<String> wrong = new ArrayList<>();
        StringBuilder actual = new StringBuilder();
        // The answer to nothing there, per page and user: what an object out of scope must look like.
        Map<String, String> nothing = new HashMap<>();
        int alike = 0;
        for (Row row : TABLE) {
            String page = row.target().equals("-")
                    ? row.page()
                    : row.page().formatted(targets.get(row.page()).get(row.target()));
            String[] expected = row.expected().split(" ");
            List<String> classes = new ArrayList<>();
            String first = null;
            for (String user : USERS) {
                HttpResponse<String> answer = open(user, page);
                String got = classOf(answer, row.marker());
                String leak = leak(answer.body());
                if (answer.statusCode() >= 500 || !leak.isEmpty()) {
                    wrong.add(user + " " + page + ": a server error " + answer.statusCode() + " " + leak);
                }
                String key = row.page() + " " + user;
                String seen = got + withoutObject(normalised(answer.body()), page);
                if (row.target().equals("NO")) {
                    nothing.put(key, seen);
                } else if (!got.equals("P") && !row.target().equals("XX")) {
                    // A task outside the caller's queue is compared with no task on the same case.
                    String none = row.page().equals(TASK)
                            ? seen(user, page.replaceAll("task=[^&]*", "task=" + NO_TASK), row.marker())
                            : nothing.get(key);
                    if (none != null) {
                        assertThat(seen)
                                .as(user + " " + page + ": out of scope answers as nothing there; differs at "
                                        + difference(seen, none))
                                .isEqualTo(none);
                        alike++;
                    }
                }
                if (!got.equals(expected[classes.size()]) && first == null) {
                    first = user + " → " + answer.statusCode() + " "
                            + answer.headers().firstValue("Location").orElse("") + " " + title(answer.body());
                }
                classes.add(got);
            }
            String line = String.join(" ", classes);
            actual.append(String.format("%-36s %-3s \"%s\"%n", row.page(), row.target(), line));
            if (!line.equals(row.expected())) {
                wrong.add(page + " @" + row.target() + ": expected " + row.expected() + ", got " + line + " [" + first
                        + "]");
            }
        }
        assertThat(wrong)
                .as("cells that differ; the whole table as answered:\n" + actual)
                .isEmpty();
        assertThat(alike).as("answers out of scope compared with nothing there").isGreaterThan(50);
        assertThat(open("county.admin", TENANT.formatted(code("999999"))).body())
                .as("a page's message is in the page's language, whatever the browser asks for")
                .contains("未找到区划");
        assertThat(state()).as("opening pages changed nothing").isEqualTo(before);

        // The progress lookup: a wrong check code answers as an unknown number does (two wrong tries of the twenty this
        // client may make).
        String[] right = targets.get(PROGRESS).get("HG").split("&code=");
        String number = right[0].substring("number=".length());
        HttpResponse<String> wrongCode = open("anonymous", "progress.xhtml?number=" + number + "&code=ZZZZZZ");
        HttpResponse<String> unknown = open("anonymous", "progress.xhtml?number=" + noCase() + "&code=ZZZZZZ");
        assertThat(classOf(wrongCode, "#case-number")).isEqualTo("N");
        assertThat(normalised(wrongCode.body()).replace(number, noCase()))
                .as("a wrong check code tells nothing an unknown number does not")
                .isEqualTo(normalised(unknown.body()));
    }

    /**
     * A case outside the caller's scope opened by its URL, on every page and file that opens a case by the number in
     * its URL (the case page, its task, its notices, its scans), answers the not-found page and leaves one INFO line
     * in the server log per refusal, saying who was refused what, and no stack trace (issue 7).
     */
    @Test
    void aCaseOutOfScopeOpenedByItsUrlIsOneLineInTheServerLogNotAStackTrace() throws Exception {
        String number = windowTask("huagou.clerk").getString("caseNumber");
        List<String> pages = List.of(
                CASE.formatted(number),
                TASK.formatted("number=" + number + "&task=" + NO_TASK),
                RECEIPT.formatted(receipt(number, "ZZZZZZ")),
                DECISION.formatted("number=" + number),
                SCAN.formatted(scan(number, "ID_CARD", "00000000-0000-4000-8000-000000000000")));
        open("fumiao.clerk", "app/home.xhtml");

        String log = ServerLog.whileRunning("Refused GET", pages.size(), () -> {
            for (String page : pages) {
                HttpResponse<String> answer = open("fumiao.clerk", page);
                assertThat(answer.statusCode()).as(page).isEqualTo(404);
                assertThat(title(answer.body())).as(page).startsWith("页面不存在");
                assertThat(leak(answer.body())).as(page).isEmpty();
            }
        });

        assertThat(log.lines().filter(line -> line.contains("Refused GET")))
                .as("one line per refusal:\n" + log)
                .hasSize(pages.size())
                .allSatisfy(line -> assertThat(line)
                        .contains("fumiao.clerk")
                        .contains("NOT_FOUND")
                        .doesNotContain("ZZZZZZ"));
        assertThat(LEAK.matcher(log).find())
                .as("no stack trace in the server log:\n" + log)
                .isFalse();
    }

    /**
     * The console's acts posted as the page would post them (PrimeFaces' Ajax request with the view state of a page
     * the caller could open, else of its home page): by a caller without the right nothing changes and nothing
     * fails; the same post by an administrator does change it (the post is right).
     */
    @Test
    void aCraftedConsolePostByACallerWithoutTheRightChangesNothing() throws Exception {
        String admin = gaoqing.adminToken();
        String probe = gaoqing.clerk("华沟村", "matrix.probe");
        String day = "select count(*) from working_day where day = date '2026-12-02' and county_code = '"
                + gaoqing.code() + "'";
        String dayElsewhere = "select count(*) from working_day where day = date '2026-12-02' and county_code <> '"
                + gaoqing.code() + "'";
        String enabled = "select count(*) from staff_account where username = '" + probe + "' and enabled";
        String others = "select count(*) from staff_account where username <> '" + probe + "' and enabled";
        long othersEnabled = selectCount(others);
        long daysElsewhere = selectCount(dayElsewhere);
        assertThat(selectCount(day)).isZero();
        assertThat(selectCount(enabled)).isOne();

        for (String user : USERS) {
            if (!user.equals("county.admin")) {
                addDay(user);
                assertThat(selectCount(day)).as(user + " added no calendar day").isZero();
            }
            if (!user.equals("county.admin") && !user.equals("qifeng.admin")) {
                disableProbe(user);
                assertThat(selectCount(enabled))
                        .as(user + " disabled no account")
                        .isOne();
            }
        }

        addDay("county.admin");
        assertThat(selectCount(day))
                .as("the county's administrator adds the day by the same post")
                .isOne();
        assertThat(api.delete("api/v1/calendar/days/2026-12-02", admin).status())
                .isIn(200, 204);
        String disabled = disableProbe("qifeng.admin");
        assertThat(selectCount(enabled))
                .as("起凤镇's administrator disables its village's clerk by the same post: " + disabled)
                .isZero();
        assertThat(selectCount(others)).as("no other account was disabled").isEqualTo(othersEnabled);
        assertThat(selectCount(dayElsewhere))
                .as("no other county's calendar changed")
                .isEqualTo(daysElsewhere);
    }

    /** 工作日历 → 新增: a holiday on 2026-12-02 saved from the day dialog. */
    private void addDay(String user) throws Exception {
        consolePost(
                user,
                "admin/calendar.xhtml",
                "calendar:save-day",
                "calendar:day-panel calendar:save-day",
                "calendar:day-panel calendar:year-panel",
                Map.of(
                        "calendar:day-date_input", "2026-12-02",
                        "calendar:day-kind_input", "HOLIDAY",
                        "calendar:day-name", "矩阵"));
    }

    /** 工作人员账号: the probe account found by its name, then 停用 on its row. */
    private String disableProbe(String user) throws Exception {
        String opened = consolePost(
                user,
                "admin/staff.xhtml",
                "staff:search",
                "staff:search staff:query",
                "staff:accounts",
                Map.of("staff:query", "matrix.probe"));
        return consolePost(
                user,
                "admin/staff.xhtml",
                "staff:accounts:0:disable",
                "staff:accounts:0:disable",
                "staff:accounts",
                Map.of(),
                opened);
    }

    private String consolePost(
            String user, String page, String source, String execute, String render, Map<String, String> fields)
            throws Exception {
        HttpResponse<String> opened = open(user, page);
        String from = opened.statusCode() == 200
                ? opened.body()
                : open(user, user.equals("anonymous") ? "login.xhtml" : "app/home.xhtml")
                        .body();
        consolePost(user, page, source, execute, render, fields, from);
        return from;
    }

    /**
     * One Ajax post of {@code source}'s form with the view state and script nonce of {@code opened} (the page as
     * opened), as PrimeFaces sends it; never a server error, whoever sends it. Returns the answer.
     */
    private String consolePost(
            String user,
            String page,
            String source,
            String execute,
            String render,
            Map<String, String> fields,
            String opened)
            throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("jakarta.faces.partial.ajax", "true");
        form.put("jakarta.faces.source", source);
        form.put("jakarta.faces.partial.execute", execute);
        form.put("jakarta.faces.partial.render", render);
        form.put(source, source);
        form.put(source.substring(0, source.indexOf(':')), source.substring(0, source.indexOf(':')));
        form.putAll(fields);
        form.put("jakarta.faces.ViewState", viewState(opened));
        Matcher nonce =
                Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)").matcher(opened);
        if (nonce.find()) {
            form.put("primefaces.nonce", nonce.group(1));
        }
        HttpResponse<String> answer = post(sessions.computeIfAbsent(user, this::loggedIn), page, form, true);
        assertThat(answer.statusCode())
                .as(user + " " + source + ": " + answer.body())
                .isLessThan(500);
        assertThat(leak(answer.body())).as(user + " " + source).isEmpty();
        return answer.body();
    }

    // --- the table's targets --------------------------------------------------------------------

    /**
     * The objects of each page that takes one, by target: cases and tasks of the county's windows as their clerks
     * find them in their queues, a copy of a new case in another county, a case's number with its check code.
     */
    private Map<String, Map<String, String>> targets() throws Exception {
        Map<String, Map<String, String>> targets = new HashMap<>();
        targets.put(
                TENANT,
                Map.of(
                        "HG", gaoqing.code("华沟村"),
                        "FM", gaoqing.code("付庙村"),
                        "QF", gaoqing.code("起凤镇"),
                        "CO", gaoqing.code(),
                        "OT", gaoqing.code("田庄村"),
                        "OC", other.code("矩阵村"),
                        "NO", code("999999"),
                        "XX", MALFORMED));
        Map<String, JsonObject> tasks = new HashMap<>();
        tasks.put("HG", windowTask("huagou.clerk"));
        tasks.put("FM", windowTask("fumiao.clerk"));
        tasks.put("QF", windowTask("qifeng.clerk"));
        tasks.put("CO", windowTask("county.clerk"));
        JsonObject accepted = takeIn("huagou.clerk", "page-matrix");
        String number = accepted.getString("caseNumber");
        String elsewhere = copiedToAnotherCounty(number);
        Map<String, String> cases = new HashMap<>();
        Map<String, String> withTask = new HashMap<>();
        tasks.forEach((target, task) -> {
            cases.put(target, task.getString("caseNumber"));
            withTask.put(target, "number=" + task.getString("caseNumber") + "&task=" + task.getString("id"));
        });
        cases.put("OC", elsewhere);
        cases.put("NO", noCase());
        cases.put("XX", MALFORMED);
        withTask.put("NO", "number=" + cases.get("HG") + "&task=" + NO_TASK);
        targets.put(CASE, cases);
        targets.put(TASK, withTask);
        targets.put(
                GUIDE,
                Map.of(
                        "HG", "tenant=" + gaoqing.code("华沟村") + "&item=MZ-0001",
                        "OC", "tenant=" + other.code("矩阵村") + "&item=MZ-0001",
                        "NO", "tenant=" + gaoqing.code("华沟村") + "&item=NO-SUCH"));
        String code = accepted.getString("checkCode");
        targets.put(PROGRESS, Map.of("HG", "number=" + number + "&code=" + code));
        targets.put(SHORT_PROGRESS, Map.of("HG", number + "?code=" + code));
        JsonObject sibling = takeIn("fumiao.clerk", "page-matrix-fumiao");
        targets.put(
                RECEIPT,
                Map.of(
                        "HG", receipt(number, code),
                        "FM", receipt(sibling.getString("caseNumber"), sibling.getString("checkCode")),
                        "OC", receipt(elsewhere, code),
                        "NO", receipt(noCase(), code),
                        "XX", receipt(MALFORMED, MALFORMED)));
        String decided = new DibaoCases(api, gaoqing).decided("矩阵测试", "符合最低生活保障条件");
        assertThat(api.postJson(
                                "api/v1/cases/" + decided + "/delivery",
                                token("huagou.clerk"),
                                "{\"mode\":\"INTAKE_WINDOW\"}")
                        .status())
                .isEqualTo(200);
        targets.put(
                DECISION,
                Map.of(
                        "HG", "number=" + decided,
                        "NO", "number=" + noCase(),
                        "XX", "number=" + MALFORMED));
        targets.put(
                LICENCE,
                Map.of(
                        "HG", "number=" + decided,
                        "NO", "number=" + noCase(),
                        "XX", "number=" + MALFORMED));
        targets.put(
                SCAN,
                Map.of(
                        "HG", scan(number, "ID_CARD", scanned(number)),
                        "NO", scan(number, "ID_CARD", "00000000-0000-4000-8000-000000000000"),
                        "XX", scan(MALFORMED, MALFORMED, MALFORMED)));
        return targets;
    }

    private static String receipt(String number, String code) {
        return "number=" + number + "&kind=receipt&code=" + code;
    }

    private static String scan(String number, String material, String id) {
        return "number=" + number + "&material=" + material + "&id=" + id;
    }

    /** The id of a one-page PDF uploaded by 华沟村's clerk as the scan of the case's ID card. */
    private String scanned(String number) {
        Api.Answer uploaded = api.post(
                "api/v1/cases/" + number + "/materials/ID_CARD/files?fileName=id-card.pdf",
                token("huagou.clerk"),
                "application/pdf",
                "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        return uploaded.json().asJsonObject().getString("id");
    }

    /** A case number of the county that no case has. */
    private static String noCase() {
        return gaoqing.prefix() + "-20200101-999999";
    }

    /** The first task with a case number in the queue of a window's clerk. */
    private JsonObject windowTask(String clerk) {
        Api.Answer queue = api.get("api/v1/tasks?limit=100", token(clerk));
        assertThat(queue.status()).as(clerk + " " + queue.body()).isEqualTo(200);
        return queue.json().asJsonObject().getJsonArray("tasks").stream()
                .map(task -> task.asJsonObject())
                .filter(task -> task.get("caseNumber") != null
                        && task.get("caseNumber").getValueType() == jakarta.json.JsonValue.ValueType.STRING)
                .findFirst()
                .orElseThrow(() -> new AssertionError(clerk + " has a task with a case number: " + queue.body()));
    }

    /** A complete 最低生活保障 application (form answered) taken in by a village's clerk: accepted, with its number and check code. */
    private JsonObject takeIn(String clerk, String idempotencyKey) {
        String body = "{\"itemCode\":\"MZ-0001\",\"applicant\":{\"kind\":\"PERSON\",\"name\":\"王秀英\","
                + "\"idNumber\":\"370321195803121012\"},\"materials\":{"
                + "\"ID_CARD\":{\"kind\":\"PAPER_SEEN\"},\"HOUSEHOLD_REGISTER\":{\"kind\":\"PAPER_SEEN\"},"
                + "\"INCOME_STATEMENT\":{\"kind\":\"PAPER_SEEN\"},\"CHECK_AUTHORISATION\":{\"kind\":\"PAPER_SEEN\"},"
                + "\"FAMILY_ASSETS\":{\"kind\":\"PAPER_SEEN\"}}," + DemoFormAnswers.inBody("MZ-0001") + "}";
        Api.Exchange taken =
                api.exchange("POST", "api/v1/cases", token(clerk), Map.of("Idempotency-Key", idempotencyKey), body);
        assertThat(taken.answer().status()).as(taken.answer().body()).isIn(200, 201);
        JsonObject answer = taken.answer().json().asJsonObject();
        assertThat(answer.getString("state")).as(answer.toString()).isEqualTo("ACCEPTED");
        return answer;
    }

    /**
     * A 最低生活保障 case taken in at {@code clerk}'s window and approved at every review it goes through, whoever's
     * queue holds it (a step below the window's tier is done at the window's division, by its reviewer or at the
     * county by its window): decided, its result waits at that window.
     */
    private void decidedAt(String clerk) {
        String number = takeIn(clerk, "page-matrix-decided-" + clerk).getString("caseNumber");
        DibaoCases cases = new DibaoCases(api, gaoqing);
        List<String> desks = new ArrayList<>(REVIEWERS);
        desks.add(clerk);
        for (boolean approved = true; approved; ) {
            approved = false;
            for (String desk : desks) {
                for (JsonObject task : cases.tasksOf(desk, number)) {
                    if (!task.getString("kind").equals("REVIEW")) {
                        continue;
                    }
                    Api.Answer done = api.postJson(
                            "api/v1/tasks/" + task.getString("id") + "/approve",
                            token(desk),
                            "{\"opinion\":\"符合条件，同意\",\"legalBasis\":\"" + DibaoCases.BASIS + "\"}");
                    assertThat(done.status()).as(desk + " " + done.body()).isEqualTo(200);
                    approved = true;
                }
            }
        }
        assertThat(cases.tasksOf(clerk, number))
                .as(clerk + "'s queue holds the decided case: "
                        + api.get("api/v1/cases/" + number, token(clerk)).body())
                .isNotEmpty();
    }

    /**
     * The case copied, as the superuser, into a village of another county under a number of that county: a case no
     * one of the county may see. Returns its number.
     */
    private static String copiedToAnotherCounty(String number) throws Exception {
        String elsewhere = other.prefix() + number.substring(6);
        try (Connection su = TestDatabase.get().superuserConnection()) {
            su.setAutoCommit(false);
            try (Statement sql = su.createStatement()) {
                sql.execute("create temp table page_matrix_case on commit drop as select * from case_file where false");
            }
            try (PreparedStatement copy =
                    su.prepareStatement("insert into page_matrix_case select * from case_file where case_number = ?")) {
                copy.setString(1, number);
                assertThat(copy.executeUpdate()).isEqualTo(1);
            }
            try (PreparedStatement move = su.prepareStatement(
                    "update page_matrix_case set id = gen_random_uuid(), county_code = ?, tenant_code = ?,"
                            + " case_number = ?")) {
                move.setString(1, other.code());
                move.setString(2, other.code("矩阵村"));
                move.setString(3, elsewhere);
                move.executeUpdate();
            }
            try (Statement sql = su.createStatement()) {
                sql.execute("insert into case_file select * from page_matrix_case on conflict do nothing");
            }
            su.commit();
        }
        return elsewhere;
    }

    // --- opening pages as a browser does ---------------------------------------------------------

    /** The page as {@code user} gets it, redirects not followed; the first call logs the user in. */
    private HttpResponse<String> open(String user, String page) throws Exception {
        HttpClient session = sessions.computeIfAbsent(user, this::loggedIn);
        return session.send(
                HttpRequest.newBuilder(base.resolve(page))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A cookie-keeping client, logged in through the login page unless {@code user} is anonymous. */
    private HttpClient loggedIn(String user) {
        HttpClient http = Api.builder(base).cookieHandler(new CookieManager()).build();
        if (user.equals("anonymous")) {
            return http;
        }
        try {
            String form = http.send(
                            HttpRequest.newBuilder(base.resolve("login.xhtml")).build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            HttpResponse<String> home = post(
                    http,
                    "login.xhtml",
                    Map.of(
                            "login",
                            "login",
                            "login:username",
                            account(user),
                            "login:password",
                            PASSWORD,
                            "login:submit",
                            "",
                            "jakarta.faces.ViewState",
                            viewState(form)),
                    false);
            assertThat(home.headers().firstValue("Location").orElse(""))
                    .as(account(user) + " logged in")
                    .endsWith("/app/home.xhtml");
            return http;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> post(HttpClient http, String page, Map<String, String> fields, boolean ajax)
            throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(page))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (ajax) {
            request.header("Faces-Request", "partial/ajax");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String viewState(String page) {
        Matcher state = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"")
                .matcher(page);
        assertThat(state.find()).as("the page has a form").isTrue();
        return state.group(1);
    }

    private static String classOf(HttpResponse<String> answer, String marker) {
        int status = answer.statusCode();
        if (status == 302 || status == 303) {
            String to = URI.create(answer.headers().firstValue("Location").orElse(""))
                    .getPath();
            return switch (to == null ? "" : to) {
                case "/login.xhtml" -> "L";
                case "/app/home.xhtml" -> "H";
                case "/progress.xhtml" -> "G";
                default -> "R" + to;
            };
        }
        if (status == 403) {
            assertThat(title(answer.body())).as("the forbidden page").startsWith("无权访问");
            return "3";
        }
        if (status == 404) {
            assertThat(title(answer.body())).as("the not-found page").startsWith("页面不存在");
            return "4";
        }
        if (status == 200) {
            return shows(answer.body(), marker) ? "P" : "N";
        }
        return String.valueOf(status);
    }

    private static boolean shows(String body, String marker) {
        if (marker.startsWith("%")) {
            return body.startsWith(marker);
        }
        if (marker.startsWith("#")) {
            return Pattern.compile("id=\"([\\w-]+:)*" + Pattern.quote(marker.substring(1)) + "\"")
                    .matcher(body)
                    .find();
        }
        return title(body).startsWith(marker);
    }

    private static String title(String body) {
        Matcher title = Pattern.compile("<title>([^<]*)</title>").matcher(body);
        return title.find() ? title.group(1) : "";
    }

    /** Where the page's text (scripts aside: PrimeFaces' settings name exception classes) shows a leak; "" if not. */
    private static String leak(String body) {
        String text = body.replaceAll("(?s)<script[^>]*>.*?</script>", "");
        Matcher leak = LEAK.matcher(text);
        return leak.find()
                ? text.substring(Math.max(0, leak.start() - 80), Math.min(text.length(), leak.end() + 80))
                : "";
    }

    /**
     * The answer without what differs from one request to the next: view state, scripts (their nonces and handlers,
     * registered in no fixed order), generated ids.
     */
    private static String normalised(String body) {
        return body.replaceAll("(?s)<script[^>]*>.*?</script>", "")
                .replaceAll("(jakarta.faces.ViewState\"[^>]*value=\")[^\"]*", "$1")
                .replaceAll("[0-9a-f]{8}(\\\\?-[0-9a-f]{4}){3}\\\\?-[0-9a-f]{12}", "{id}");
    }

    /** Where two answers part: a little of each from there. */
    private static String difference(String one, String other) {
        int at = 0;
        while (at < Math.min(one.length(), other.length()) && one.charAt(at) == other.charAt(at)) {
            at++;
        }
        return at + ": «" + one.substring(at, Math.min(one.length(), at + 120)) + "» vs «"
                + other.substring(at, Math.min(other.length(), at + 120)) + "»";
    }

    /** The class of the answer and the answer, without what differs from one request or object to the next. */
    private String seen(String user, String page, String marker) throws Exception {
        HttpResponse<String> answer = open(user, page);
        return classOf(answer, marker) + withoutObject(normalised(answer.body()), page);
    }

    /** The answer with the object the caller asked for (echoed as typed, e.g. in a message) left out. */
    private static String withoutObject(String body, String page) {
        int query = page.indexOf('?');
        if (query < 0) {
            return body;
        }
        String without = body;
        for (String parameter : page.substring(query + 1).split("&")) {
            String value = parameter.substring(parameter.indexOf('=') + 1);
            if (!value.isEmpty()) {
                without = without.replace(value, "{object}");
            }
        }
        return without;
    }

    private static String path(String page) {
        int query = page.indexOf('?');
        return query < 0 ? page : page.substring(0, query);
    }

    /** Every page the WAR serves: .xhtml in the WAR and in its jars' META-INF/resources, not templates or tags. */
    private static Set<String> pages() throws IOException {
        Set<String> pages = new TreeSet<>();
        try (ZipFile war = new ZipFile(System.getProperty("onewindow.war"))) {
            for (ZipEntry entry : java.util.Collections.list(war.entries())) {
                String name = entry.getName();
                if (name.endsWith(".xhtml") && !name.startsWith("WEB-INF/") && !name.startsWith("resources/")) {
                    pages.add(name);
                } else if (name.startsWith("WEB-INF/lib/") && name.endsWith(".jar")) {
                    try (InputStream jar = war.getInputStream(entry);
                            ZipInputStream files = new ZipInputStream(jar)) {
                        for (ZipEntry file = files.getNextEntry(); file != null; file = files.getNextEntry()) {
                            String inJar = file.getName();
                            String root = "META-INF/resources/";
                            if (inJar.startsWith(root) && inJar.endsWith(".xhtml")) {
                                String page = inJar.substring(root.length());
                                if (!page.startsWith("WEB-INF/") && !page.startsWith("resources/")) {
                                    pages.add(page);
                                }
                            }
                        }
                    }
                }
            }
        }
        return pages;
    }

    /**
     * Every address a servlet of the WAR answers, without its leading slash ({@code progress/*}): the classes the WAR
     * is built from are this module's class path (ArchitectureTest checks that every part is there).
     */
    private static Set<String> servlets() {
        Set<String> patterns = new TreeSet<>();
        new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.onewindow").stream()
                        .filter(type -> type.isAnnotatedWith(WebServlet.class))
                        .map(type -> type.getAnnotationOfType(WebServlet.class))
                        .forEach(servlet -> {
                            for (String pattern : servlet.value()) {
                                patterns.add(pattern.substring(1));
                            }
                            for (String pattern : servlet.urlPatterns()) {
                                patterns.add(pattern.substring(1));
                            }
                        });
        return patterns;
    }

    /** What opening pages could have changed: accounts, tenants, cases, calendar days. */
    private static String state() throws Exception {
        try (Connection su = TestDatabase.get().superuserConnection();
                Statement sql = su.createStatement();
                ResultSet rs =
                        sql.executeQuery("select (select count(*) || '/' || coalesce(sum(version), 0) from tenant)"
                                + " || ' ' || (select string_agg(username || ':' || roles || ':' || enabled, ','"
                                + " order by username) from staff_account)"
                                + " || ' ' || (select count(*) || '/' || coalesce(sum(version), 0) from case_file)")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
