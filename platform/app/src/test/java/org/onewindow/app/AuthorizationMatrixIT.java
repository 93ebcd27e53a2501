package org.onewindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.testing.Api;
import org.onewindow.testing.TestCounty;
import org.onewindow.testing.TestDatabase;

/**
 * Who gets what from every REST operation (issue 8, OWASP ASVS 5.0 V8): each operation the OpenAPI document lists,
 * called by every role and anonymously, at a village of the caller's own town, a village of another town and a
 * village of another county, answers the class the table below says. The county, its staff (one account of each role,
 * named as the demo county names its own) and the other county are this class's own ({@link TestCounty} 临朐县 with
 * the demo county's numbering, and 矩阵县). An operation the document lists and the table
 * does not fails the test: a new endpoint must be given its row.
 *
 * <p>Classes: {@code 2} 2xx; {@code A} let through but refused for what was asked (400, 409, 413, 422: nothing
 * changes, the requests are made to fail after the checks of caller and scope); {@code 1} 401; {@code 3} 403; {@code
 * 4} 404 (outside the scope, or nothing there); {@code T} 429 (throttled).
 *
 * <p>Targets: {@code HG} 华沟村 ({P}106202) of 起凤镇: huagou.clerk's own, fumiao.clerk's sibling, inside 起凤镇's
 * and the county's scope; {@code OT} a village of another town of the county ({P}100201); {@code OC} a village of
 * another county ({OP}101201); {@code QF} 起凤镇 itself and {@code CO} the county itself (qifeng.admin's
 * and county.admin's own tenant), {@code ST} the standard (process templates); {@code -} the operation names no
 * division.
 *
 * <p>Division changes (区划调整) are walked against real ones: at the town of each village target, a change waiting
 * for confirmation whose revert is refused after the checks (its successor was merged since) and one that the
 * allowed callers confirm (it is made pending again before each call), so an allowed cell reaches the change and a
 * refused one is not a 404 for a missing id. After every call that is not a 2xx, nothing has changed.
 */
class AuthorizationMatrixIT extends ShippedWar {

    static final List<String> USERS = List.of(
            "platform.operator",
            "county.admin",
            "county.auditor",
            "qifeng.admin",
            "qifeng.clerk",
            "huagou.clerk",
            "fumiao.clerk",
            "mz.reviewer",
            "standards.editor",
            "anonymous");

    static TestCounty linqu;
    static TestCounty other;

    /** The county's and the other county's six-digit prefixes: {@code {P}} and {@code {OP}} in the table. */
    static String P;

    static String OP;

    /** The username of each of {@link #USERS} in the county (and {@code anonymous} for no one). */
    static final Map<String, String> ACCOUNTS = new LinkedHashMap<>();

    static final Map<String, String> TARGETS = new LinkedHashMap<>();

    /** The service point of each target division, by its code. */
    static final Map<String, String> POINTS = new LinkedHashMap<>();

    static final String ITEM = "MZ-0001";
    static final String NO_TASK = "00000000-0000-0000-0000-000000000000";
    static final String CSV = "text/csv";
    static final String JSON = "application/json";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /**
     * A request of one row; {@code %s} in the path and body stands for the target's division code, {@code {point}} for
     * a service point of that division ({@link #pointOf}), {@code {revert}} and {@code {confirm}} for the pending
     * division changes at its town ({@link #changeOf}), {@code {P}} and {@code {OP}} for the county's and the other
     * county's prefixes, {@code {clerk}} for huagou.clerk's username.
     */
    record Call(String method, String path, String contentType, String body) {
        Call at(String code) {
            return new Call(
                    method,
                    path.replace("%s", code)
                            .replace("{point}", pointOf(code))
                            .replace("{revert}", changeOf(REVERT, code))
                            .replace("{confirm}", changeOf(CONFIRM, code))
                            .replace("{kept}", fixtureVillage(code, "271"))
                            .replace("{retired}", fixtureVillage(code, "272"))
                            .replace("{P}", P)
                            .replace("{OP}", OP)
                            .replace("{clerk}", ACCOUNTS.get("huagou.clerk")),
                    contentType,
                    body == null
                            ? null
                            : body.replace("%s", code)
                                    .replace("{P}", P)
                                    .replace("{OP}", OP)
                                    .replace("{clerk}", ACCOUNTS.get("huagou.clerk")));
        }
    }

    /** The service point the table's rows name at a division: the one its county was made with. */
    static String pointOf(String code) {
        return POINTS.getOrDefault(code, NO_TASK);
    }

    static final String REVERT = "9000";
    static final String CONFIRM = "a000";

    /**
     * A pending division change the fixture makes at the town of the village {@code code} ({@link #pendingChanges}):
     * {@link #REVERT}'s successor is retired since, so a revert reaches it and is refused (409); {@link #CONFIRM}'s
     * can be confirmed.
     */
    static String changeOf(String kind, String code) {
        return code.matches("\\d{12}") ? "00000000-0000-4000-" + kind + "-" + code : NO_TASK;
    }

    /** The fixture's villages at the town of the village {@code code}, by their last three digits. */
    static String fixtureVillage(String code, String number) {
        return code.matches("\\d{12}") ? code.substring(0, 9) + number : NO_TASK;
    }

    record Row(String operation, String target, String expected, Call call) {}

    private static Row row(String operation, String target, String expected, Call call) {
        return new Row(operation, target, expected, call);
    }

    private static Call get(String path) {
        return new Call("GET", path, null, null);
    }

    private static Call send(String method, String path, String contentType, String body) {
        return new Call(method, path, contentType, body);
    }

    // spotless:off (a table is read across)
    static final List<Row> TABLE = List.of(
            //  operation                                                      target  op ca au qa qc hc fc mz se an
            row("GET /api/v1/me",                                               "-",  "2 2 2 2 2 2 2 2 2 1", get("api/v1/me")),
            row("POST /api/v1/auth/token",                                      "-",  "1 1 1 1 1 1 1 1 1 1",
                    send("POST", "api/v1/auth/token", "application/x-www-form-urlencoded", "username=nobody.here&password=wrong")),
            // --- the tenant tree
            row("GET /api/v1/tenants",                                          "-",  "2 2 2 2 2 2 2 2 2 1", get("api/v1/tenants?q=%E6%9D%91")),
            row("GET /api/v1/tenants/{code}",                                   "HG", "2 2 2 2 2 2 4 2 2 1", get("api/v1/tenants/%s")),
            row("GET /api/v1/tenants/{code}",                                   "OT", "2 2 2 4 4 4 4 2 2 1", get("api/v1/tenants/%s")),
            row("GET /api/v1/tenants/{code}",                                   "OC", "4 4 4 4 4 4 4 4 4 1", get("api/v1/tenants/%s")),
            row("GET /api/v1/tenants/{code}/children",                          "HG", "2 2 2 2 2 2 4 2 2 1", get("api/v1/tenants/%s/children")),
            row("GET /api/v1/tenants/{code}/children",                          "OT", "2 2 2 4 4 4 4 2 2 1", get("api/v1/tenants/%s/children")),
            row("GET /api/v1/tenants/{code}/children",                          "OC", "4 4 4 4 4 4 4 4 4 1", get("api/v1/tenants/%s/children")),
            // A village below a village is refused after the checks: nothing is added.
            row("POST /api/v1/tenants/{code}/children",                         "HG", "3 A 3 A 3 3 3 3 3 1",
                    send("POST", "api/v1/tenants/%s/children", JSON, "{\"code\":\"%s\",\"level\":\"VILLAGE\",\"name\":\"矩阵村\"}")),
            row("POST /api/v1/tenants/{code}/children",                         "OT", "3 A 3 4 3 3 3 3 3 1",
                    send("POST", "api/v1/tenants/%s/children", JSON, "{\"code\":\"%s\",\"level\":\"VILLAGE\",\"name\":\"矩阵村\"}")),
            row("POST /api/v1/tenants/{code}/children",                         "OC", "3 4 3 4 3 3 3 3 3 1",
                    send("POST", "api/v1/tenants/%s/children", JSON, "{\"code\":\"%s\",\"level\":\"VILLAGE\",\"name\":\"矩阵村\"}")),
            // A stale version: 409 after the checks, nothing renamed.
            row("PUT /api/v1/tenants/{code}",                                   "HG", "3 A 3 A 3 3 3 3 3 1",
                    send("PUT", "api/v1/tenants/%s", JSON, "{\"name\":\"改名村\",\"version\":9999}")),
            row("PUT /api/v1/tenants/{code}",                                   "OT", "3 A 3 4 3 3 3 3 3 1",
                    send("PUT", "api/v1/tenants/%s", JSON, "{\"name\":\"改名村\",\"version\":9999}")),
            row("PUT /api/v1/tenants/{code}",                                   "OC", "3 4 3 4 3 3 3 3 3 1",
                    send("PUT", "api/v1/tenants/%s", JSON, "{\"name\":\"改名村\",\"version\":9999}")),
            row("PUT /api/v1/tenants/{code}",                                   "QF", "3 A 3 A 3 3 3 3 3 1",
                    send("PUT", "api/v1/tenants/%s", JSON, "{\"name\":\"改名镇\",\"version\":9999}")),
            row("PUT /api/v1/tenants/{code}",                                   "CO", "3 A 3 4 3 3 3 3 3 1",
                    send("PUT", "api/v1/tenants/%s", JSON, "{\"name\":\"改名县\",\"version\":9999}")),
            // A 镇 → 街道 change and a move to another town, each of a version no one read: refused after the checks.
            row("PUT /api/v1/tenants/{code}",                                   "QF", "3 A 3 A 3 3 3 3 3 1",
                    send("PUT", "api/v1/tenants/%s", JSON, "{\"name\":\"起凤街道\",\"level\":\"STREET\",\"version\":9999}")),
            row("PUT /api/v1/tenants/{code}",                                   "HG", "3 A 3 A 3 3 3 3 3 1",
                    send("PUT", "api/v1/tenants/%s", JSON, "{\"name\":\"迁走村\",\"parentCode\":\"{P}100000\",\"version\":9999}")),
            row("PUT /api/v1/tenants/{code}",                                   "OT", "3 A 3 4 3 3 3 3 3 1",
                    send("PUT", "api/v1/tenants/%s", JSON, "{\"name\":\"迁走村\",\"parentCode\":\"{P}106000\",\"version\":9999}")),
            // The division exists already: every line refused, nothing imported.
            row("POST /api/v1/tenants/import",                                  "HG", "3 A 3 A 3 3 3 3 3 1",
                    send("POST", "api/v1/tenants/import", CSV, "code,parent_code,level,name\n%s,{P}106000,VILLAGE,矩阵村\n")),
            row("POST /api/v1/tenants/import",                                  "OC", "3 A 3 A 3 3 3 3 3 1",
                    send("POST", "api/v1/tenants/import", CSV, "code,parent_code,level,name\n%s,{OP}101000,VILLAGE,矩阵村\n")),
            // A yearly list without the caller's own division is refused line by line; nothing is previewed or applied.
            row("POST /api/v1/tenants/import/preview",                          "HG", "3 A 3 A 3 3 3 3 3 1",
                    send("POST", "api/v1/tenants/import/preview", CSV, "code,parent_code,level,name\n%s,{P}106000,VILLAGE,矩阵村\n")),
            row("POST /api/v1/tenants/import/preview",                          "OT", "3 A 3 A 3 3 3 3 3 1",
                    send("POST", "api/v1/tenants/import/preview", CSV, "code,parent_code,level,name\n%s,{P}100000,VILLAGE,矩阵村\n")),
            row("POST /api/v1/tenants/import/preview",                          "OC", "3 A 3 A 3 3 3 3 3 1",
                    send("POST", "api/v1/tenants/import/preview", CSV, "code,parent_code,level,name\n%s,{OP}101000,VILLAGE,矩阵村\n")),
            // A token no preview gave: 409, nothing applied.
            row("POST /api/v1/tenants/import/apply",                            "HG", "3 A 3 A 3 3 3 3 3 1",
                    send("POST", "api/v1/tenants/import/apply?token=none", CSV, "code,parent_code,level,name\n%s,{P}106000,VILLAGE,矩阵村\n")),
            row("POST /api/v1/tenants/import/apply",                            "OC", "3 A 3 A 3 3 3 3 3 1",
                    send("POST", "api/v1/tenants/import/apply?token=none", CSV, "code,parent_code,level,name\n%s,{OP}101000,VILLAGE,矩阵村\n")),
            // A village merged into itself is refused after the checks of caller and scope: nothing merges.
            row("POST /api/v1/tenants/{code}/merge",                            "HG", "3 A 3 A 3 3 3 3 3 1",
                    send("POST", "api/v1/tenants/%s/merge", JSON, "{\"mergedCode\":\"%s\"}")),
            row("POST /api/v1/tenants/{code}/merge",                            "OT", "3 A 3 4 3 3 3 3 3 1",
                    send("POST", "api/v1/tenants/%s/merge", JSON, "{\"mergedCode\":\"%s\"}")),
            row("POST /api/v1/tenants/{code}/merge",                            "OC", "3 4 3 4 3 3 3 3 3 1",
                    send("POST", "api/v1/tenants/%s/merge", JSON, "{\"mergedCode\":\"%s\"}")),
            // A town is no village to merge; the caller's own town and county, refused after the checks.
            row("POST /api/v1/tenants/{code}/merge",                            "QF", "3 A 3 A 3 3 3 3 3 1",
                    send("POST", "api/v1/tenants/%s/merge", JSON, "{\"mergedCode\":\"%s\"}")),
            row("POST /api/v1/tenants/{code}/merge",                            "CO", "3 A 3 4 3 3 3 3 3 1",
                    send("POST", "api/v1/tenants/%s/merge", JSON, "{\"mergedCode\":\"%s\"}")),
            // A village the fixture's pending change retired is merged no more (tenant.merge.retired).
            row("POST /api/v1/tenants/{code}/merge",                            "HG", "3 A 3 A 3 3 3 3 3 1",
                    send("POST", "api/v1/tenants/{kept}/merge", JSON, "{\"mergedCode\":\"{retired}\"}")),
            row("POST /api/v1/tenants/{code}/merge",                            "OT", "3 A 3 4 3 3 3 3 3 1",
                    send("POST", "api/v1/tenants/{kept}/merge", JSON, "{\"mergedCode\":\"{retired}\"}")),
            row("POST /api/v1/tenants/{code}/merge",                            "OC", "3 4 3 4 3 3 3 3 3 1",
                    send("POST", "api/v1/tenants/{kept}/merge", JSON, "{\"mergedCode\":\"{retired}\"}")),
            // Division changes waiting for confirmation: administrators only; a change no one made is 404 after the checks.
            row("GET /api/v1/division-changes",                                 "-",  "3 2 3 2 3 3 3 3 3 1", get("api/v1/division-changes")),
            row("POST /api/v1/division-changes/{id}/revert",                    "-",  "3 4 3 4 3 3 3 3 3 1",
                    send("POST", "api/v1/division-changes/" + NO_TASK + "/revert", JSON, "{}")),
            row("POST /api/v1/division-changes/{id}/confirm",                   "-",  "3 4 3 4 3 3 3 3 3 1",
                    send("POST", "api/v1/division-changes/" + NO_TASK + "/confirm", JSON, "{}")),
            // Real pending changes at the town of each target: a revert reaches the change and is refused after the
            // checks (its successor was merged since: 409); a confirm by an administrator who holds it is done (the
            // change is pending again before the next call); another town's or county's change is 404.
            row("POST /api/v1/division-changes/{id}/revert",                    "HG", "3 A 3 A 3 3 3 3 3 1",
                    send("POST", "api/v1/division-changes/{revert}/revert", JSON, "{}")),
            row("POST /api/v1/division-changes/{id}/revert",                    "OT", "3 A 3 4 3 3 3 3 3 1",
                    send("POST", "api/v1/division-changes/{revert}/revert", JSON, "{}")),
            row("POST /api/v1/division-changes/{id}/revert",                    "OC", "3 4 3 4 3 3 3 3 3 1",
                    send("POST", "api/v1/division-changes/{revert}/revert", JSON, "{}")),
            row("POST /api/v1/division-changes/{id}/confirm",                   "HG", "3 2 3 2 3 3 3 3 3 1",
                    send("POST", "api/v1/division-changes/{confirm}/confirm", JSON, "{}")),
            row("POST /api/v1/division-changes/{id}/confirm",                   "OT", "3 2 3 4 3 3 3 3 3 1",
                    send("POST", "api/v1/division-changes/{confirm}/confirm", JSON, "{}")),
            row("POST /api/v1/division-changes/{id}/confirm",                   "OC", "3 4 3 4 3 3 3 3 3 1",
                    send("POST", "api/v1/division-changes/{confirm}/confirm", JSON, "{}")),
            // --- staff accounts
            row("GET /api/v1/tenants/{code}/accounts",                          "HG", "2 2 2 2 3 3 3 3 3 1", get("api/v1/tenants/%s/accounts")),
            row("GET /api/v1/tenants/{code}/accounts",                          "OT", "2 2 2 4 3 3 3 3 3 1", get("api/v1/tenants/%s/accounts")),
            row("GET /api/v1/tenants/{code}/accounts",                          "OC", "4 4 4 4 3 3 3 3 3 1", get("api/v1/tenants/%s/accounts")),
            // The username is taken: 409 after the grant check (the operator may not make clerks: 403).
            row("POST /api/v1/tenants/{code}/accounts",                         "HG", "3 A 3 A 3 3 3 3 3 1",
                    send("POST", "api/v1/tenants/%s/accounts", JSON,
                            "{\"username\":\"{clerk}\",\"password\":\"Matrix-Password-1\",\"roles\":[\"CLERK\"]}")),
            row("POST /api/v1/tenants/{code}/accounts",                         "OT", "3 A 3 4 3 3 3 3 3 1",
                    send("POST", "api/v1/tenants/%s/accounts", JSON,
                            "{\"username\":\"{clerk}\",\"password\":\"Matrix-Password-1\",\"roles\":[\"CLERK\"]}")),
            row("POST /api/v1/tenants/{code}/accounts",                         "OC", "4 4 3 4 3 3 3 3 3 1",
                    send("POST", "api/v1/tenants/%s/accounts", JSON,
                            "{\"username\":\"{clerk}\",\"password\":\"Matrix-Password-1\",\"roles\":[\"CLERK\"]}")),
            // No roles at all: 400 after the checks, the account keeps its roles (and its tokens).
            row("PUT /api/v1/tenants/{code}/accounts/{username}/roles",         "HG", "A A 3 A 3 3 3 3 3 1",
                    send("PUT", "api/v1/tenants/%s/accounts/{clerk}/roles", JSON, "{\"roles\":[]}")),
            row("PUT /api/v1/tenants/{code}/accounts/{username}/roles",         "OC", "4 4 3 4 3 3 3 3 3 1",
                    send("PUT", "api/v1/tenants/%s/accounts/{clerk}/roles", JSON, "{\"roles\":[]}")),
            // A management change that fails after the checks (an unknown department, a short password, a move to
            // where the account is); the operator manages no clerk. At OC the path names a division the account is
            // not in.
            row("PUT /api/v1/tenants/{code}/accounts/{username}",               "HG", "3 A 3 A 3 3 3 3 3 1",
                    send("PUT", "api/v1/tenants/%s/accounts/{clerk}", JSON, "{\"departments\":[\"NO-SUCH\"]}")),
            row("PUT /api/v1/tenants/{code}/accounts/{username}",               "OC", "3 4 3 4 3 3 3 3 3 1",
                    send("PUT", "api/v1/tenants/%s/accounts/{clerk}", JSON, "{\"departments\":[\"NO-SUCH\"]}")),
            row("POST /api/v1/tenants/{code}/accounts/{username}/password",     "HG", "3 A 3 A 3 3 3 3 3 1",
                    send("POST", "api/v1/tenants/%s/accounts/{clerk}/password", JSON, "{\"password\":\"short\"}")),
            row("POST /api/v1/tenants/{code}/accounts/{username}/password",     "OC", "3 4 3 4 3 3 3 3 3 1",
                    send("POST", "api/v1/tenants/%s/accounts/{clerk}/password", JSON, "{\"password\":\"short\"}")),
            row("POST /api/v1/tenants/{code}/accounts/{username}/move",         "HG", "3 A 3 A 3 3 3 3 3 1",
                    send("POST", "api/v1/tenants/%s/accounts/{clerk}/move", JSON, "{\"tenant\":\"%s\"}")),
            // Switches without a body: called on an account that does not exist, so nothing is switched.
            row("POST /api/v1/tenants/{code}/accounts/{username}/disable",      "HG", "4 4 3 4 3 3 3 3 3 1",
                    send("POST", "api/v1/tenants/%s/accounts/matrix.nobody/disable", JSON, "")),
            row("POST /api/v1/tenants/{code}/accounts/{username}/enable",       "HG", "4 4 3 4 3 3 3 3 3 1",
                    send("POST", "api/v1/tenants/%s/accounts/matrix.nobody/enable", JSON, "")),
            row("POST /api/v1/tenants/{code}/accounts/{username}/unlock",       "HG", "4 4 3 4 3 3 3 3 3 1",
                    send("POST", "api/v1/tenants/%s/accounts/matrix.nobody/unlock", JSON, "")),
            // A staff list with its header and no one under it: refused after the caller's check, nothing made.
            row("POST /api/v1/accounts/import/preview",                         "-",  "A A 3 A 3 3 3 3 3 1",
                    send("POST", "api/v1/accounts/import/preview", CSV, "区划代码,用户名,姓名,角色\n")),
            // A list naming a division of each relation: the preview answers (writing nothing) with the row refused
            // where the division is outside the importer's scope (StaffImportIT asserts the row's reason).
            row("POST /api/v1/accounts/import/preview",                         "HG", "2 2 3 2 3 3 3 3 3 1",
                    send("POST", "api/v1/accounts/import/preview", CSV, "区划代码,用户名,姓名,角色\n%s,matrix.import,矩阵,窗口人员\n")),
            row("POST /api/v1/accounts/import/preview",                         "OC", "2 2 3 2 3 3 3 3 3 1",
                    send("POST", "api/v1/accounts/import/preview", CSV, "区划代码,用户名,姓名,角色\n%s,matrix.import,矩阵,窗口人员\n")),
            row("POST /api/v1/accounts/import",                                 "-",  "A A 3 A 3 3 3 3 3 1",
                    send("POST", "api/v1/accounts/import", CSV, "区划代码,用户名,姓名,角色\n")),
            row("GET /api/v1/accounts/import/template",                         "-",  "2 2 3 2 3 3 3 3 3 1", get("api/v1/accounts/import/template")),
            row("POST /api/v1/auth/password",                                   "-",  "1 1 1 1 1 1 1 1 1 1",
                    send("POST", "api/v1/auth/password", "application/x-www-form-urlencoded",
                            "username=nobody.here&password=wrong&new_password=Matrix-Password-2")),
            // --- the working-day calendar: the caller's county's, changed by its administrator (a weekday is no
            // WORKDAY to add; 2026-12-02 is not listed; a notice line outside its year)
            row("GET /api/v1/calendar/years/{year}",                            "-",  "2 2 2 2 2 2 2 2 2 1", get("api/v1/calendar/years/2026")),
            row("POST /api/v1/calendar/years/{year}/notice",                    "-",  "3 A 3 3 3 3 3 3 3 1",
                    send("POST", "api/v1/calendar/years/2026/notice", CSV, "date,kind,name\n2025-01-01,HOLIDAY,元旦\n")),
            row("POST /api/v1/calendar/days",                                   "-",  "3 A 3 3 3 3 3 3 3 1",
                    send("POST", "api/v1/calendar/days", JSON, "{\"date\":\"2026-12-02\",\"kind\":\"WORKDAY\",\"name\":\"矩阵\"}")),
            row("PUT /api/v1/calendar/days/{date}",                             "-",  "3 4 3 3 3 3 3 3 3 1",
                    send("PUT", "api/v1/calendar/days/2026-12-02", JSON, "{\"kind\":\"HOLIDAY\",\"name\":\"矩阵\"}")),
            row("DELETE /api/v1/calendar/days/{date}",                          "-",  "3 4 3 3 3 3 3 3 3 1",
                    send("DELETE", "api/v1/calendar/days/2026-12-02", null, null)),
            // --- settings inherited down the tree (issue 11): read by all staff, set by a division's administrator; a
            // threshold of 0 is refused after the checks, and nothing is set here to restore.
            row("GET /api/v1/settings",                                         "-",  "2 2 2 2 2 2 2 2 2 1", get("api/v1/settings")),
            row("PUT /api/v1/settings/{name}",                                  "-",  "3 A 3 A 3 3 3 3 3 1",
                    send("PUT", "api/v1/settings/warningThresholdPercent", JSON, "{\"value\":\"0\"}")),
            row("DELETE /api/v1/settings/{name}",                               "-",  "3 4 3 4 3 3 3 3 3 1",
                    send("DELETE", "api/v1/settings/warningThresholdPercent", null, null)),
            // the seal: set by a county or a town administrator (the file refused after the checks), read by all staff
            row("PUT /api/v1/settings/{name}/image",                            "-",  "3 A 3 A 3 3 3 3 3 1",
                    send("PUT", "api/v1/settings/sealImage/image", "image/png", "not a png")),
            row("GET /api/v1/settings/{name}/image",                            "-",  "4 4 4 4 4 4 4 4 4 1",
                    get("api/v1/settings/sealImage/image")),
            // --- service points, windows and closures (issue 11): read by staff of the scope, changed by administrators;
            // the point named here does not exist (ServicePointsIT walks the scopes with real points).
            row("GET /api/v1/service-points",                                   "-",  "2 2 2 2 2 2 2 2 2 1", get("api/v1/service-points?q=%E4%B8%AD%E5%BF%83")),
            row("GET /api/v1/service-points/{id}",                              "-",  "4 4 4 4 4 4 4 4 4 1", get("api/v1/service-points/" + NO_TASK)),
            // A point of each division relation: own (HG), sibling town's village (OT), the caller's town (QF) and
            // county (CO), another county (OC). Changes are made to fail after the checks (a stale version, a bad
            // window type, a closure ending before it starts).
            row("GET /api/v1/service-points/{id}",                              "HG", "2 2 2 2 2 2 4 2 2 1", get("api/v1/service-points/{point}")),
            row("GET /api/v1/service-points/{id}",                              "OT", "2 2 2 4 4 4 4 2 2 1", get("api/v1/service-points/{point}")),
            row("GET /api/v1/service-points/{id}",                              "QF", "2 2 2 2 2 4 4 2 2 1", get("api/v1/service-points/{point}")),
            row("GET /api/v1/service-points/{id}",                              "CO", "2 2 2 4 4 4 4 2 2 1", get("api/v1/service-points/{point}")),
            row("GET /api/v1/service-points/{id}",                              "OC", "4 4 4 4 4 4 4 4 4 1", get("api/v1/service-points/{point}")),
            row("PUT /api/v1/service-points/{id}",                              "HG", "3 A 3 A 3 3 3 3 3 1",
                    send("PUT", "api/v1/service-points/{point}", JSON, "{\"name\":\"矩阵中心\",\"version\":9999}")),
            row("PUT /api/v1/service-points/{id}",                              "OT", "3 A 3 4 3 3 3 3 3 1",
                    send("PUT", "api/v1/service-points/{point}", JSON, "{\"name\":\"矩阵中心\",\"version\":9999}")),
            row("PUT /api/v1/service-points/{id}",                              "QF", "3 A 3 A 3 3 3 3 3 1",
                    send("PUT", "api/v1/service-points/{point}", JSON, "{\"name\":\"矩阵中心\",\"version\":9999}")),
            row("PUT /api/v1/service-points/{id}",                              "CO", "3 A 3 4 3 3 3 3 3 1",
                    send("PUT", "api/v1/service-points/{point}", JSON, "{\"name\":\"矩阵中心\",\"version\":9999}")),
            row("PUT /api/v1/service-points/{id}",                              "OC", "3 4 3 4 3 3 3 3 3 1",
                    send("PUT", "api/v1/service-points/{point}", JSON, "{\"name\":\"矩阵中心\",\"version\":9999}")),
            // A removal of a version no one read is refused after the checks of caller and scope: nothing is removed.
            row("DELETE /api/v1/service-points/{id}",                           "HG", "3 A 3 A 3 3 3 3 3 1",
                    send("DELETE", "api/v1/service-points/{point}?version=9999", null, null)),
            row("DELETE /api/v1/service-points/{id}",                           "OT", "3 A 3 4 3 3 3 3 3 1",
                    send("DELETE", "api/v1/service-points/{point}?version=9999", null, null)),
            row("DELETE /api/v1/service-points/{id}",                           "QF", "3 A 3 A 3 3 3 3 3 1",
                    send("DELETE", "api/v1/service-points/{point}?version=9999", null, null)),
            row("DELETE /api/v1/service-points/{id}",                           "CO", "3 A 3 4 3 3 3 3 3 1",
                    send("DELETE", "api/v1/service-points/{point}?version=9999", null, null)),
            row("DELETE /api/v1/service-points/{id}",                           "OC", "3 4 3 4 3 3 3 3 3 1",
                    send("DELETE", "api/v1/service-points/{point}?version=9999", null, null)),
            row("GET /api/v1/service-points/{id}/windows",                      "HG", "2 2 2 2 2 2 4 2 2 1", get("api/v1/service-points/{point}/windows")),
            row("GET /api/v1/service-points/{id}/windows",                      "OC", "4 4 4 4 4 4 4 4 4 1", get("api/v1/service-points/{point}/windows")),
            row("POST /api/v1/service-points/{id}/windows",                     "HG", "3 A 3 A 3 3 3 3 3 1",
                    send("POST", "api/v1/service-points/{point}/windows", JSON, "{\"name\":\"矩阵窗口\",\"type\":\"NO_SUCH\"}")),
            row("POST /api/v1/service-points/{id}/windows",                     "OT", "3 A 3 4 3 3 3 3 3 1",
                    send("POST", "api/v1/service-points/{point}/windows", JSON, "{\"name\":\"矩阵窗口\",\"type\":\"NO_SUCH\"}")),
            row("POST /api/v1/service-points/{id}/windows",                     "OC", "3 4 3 4 3 3 3 3 3 1",
                    send("POST", "api/v1/service-points/{point}/windows", JSON, "{\"name\":\"矩阵窗口\",\"type\":\"NO_SUCH\"}")),
            row("GET /api/v1/service-points/{id}/closures",                     "HG", "2 2 2 2 2 2 4 2 2 1", get("api/v1/service-points/{point}/closures")),
            row("GET /api/v1/service-points/{id}/closures",                     "OC", "4 4 4 4 4 4 4 4 4 1", get("api/v1/service-points/{point}/closures")),
            row("POST /api/v1/service-points/{id}/closures",                    "HG", "3 A 3 A 3 3 3 3 3 1",
                    send("POST", "api/v1/service-points/{point}/closures", JSON, "{\"firstDay\":\"2026-12-24\",\"lastDay\":\"2026-12-20\"}")),
            row("POST /api/v1/service-points/{id}/closures",                    "QF", "3 A 3 A 3 3 3 3 3 1",
                    send("POST", "api/v1/service-points/{point}/closures", JSON, "{\"firstDay\":\"2026-12-24\",\"lastDay\":\"2026-12-20\"}")),
            row("POST /api/v1/service-points/{id}/closures",                    "OC", "3 4 3 4 3 3 3 3 3 1",
                    send("POST", "api/v1/service-points/{point}/closures", JSON, "{\"firstDay\":\"2026-12-24\",\"lastDay\":\"2026-12-20\"}")),
            row("PUT /api/v1/service-points/{id}",                              "-",  "3 4 3 4 3 3 3 3 3 1",
                    send("PUT", "api/v1/service-points/" + NO_TASK, JSON, "{\"name\":\"矩阵中心\",\"version\":0}")),
            row("GET /api/v1/service-points/{id}/windows",                      "-",  "4 4 4 4 4 4 4 4 4 1", get("api/v1/service-points/" + NO_TASK + "/windows")),
            row("POST /api/v1/service-points/{id}/windows",                     "-",  "3 4 3 4 3 3 3 3 3 1",
                    send("POST", "api/v1/service-points/" + NO_TASK + "/windows", JSON, "{\"name\":\"矩阵窗口\",\"type\":\"COMPREHENSIVE\"}")),
            row("PUT /api/v1/service-points/{id}/windows/{windowId}",           "-",  "3 4 3 4 3 3 3 3 3 1",
                    send("PUT", "api/v1/service-points/" + NO_TASK + "/windows/" + NO_TASK, JSON, "{\"name\":\"矩阵窗口\",\"type\":\"COMPREHENSIVE\"}")),
            row("DELETE /api/v1/service-points/{id}/windows/{windowId}",        "-",  "3 4 3 4 3 3 3 3 3 1",
                    send("DELETE", "api/v1/service-points/" + NO_TASK + "/windows/" + NO_TASK, null, null)),
            row("GET /api/v1/service-points/{id}/closures",                     "-",  "4 4 4 4 4 4 4 4 4 1", get("api/v1/service-points/" + NO_TASK + "/closures")),
            row("POST /api/v1/service-points/{id}/closures",                    "-",  "3 4 3 4 3 3 3 3 3 1",
                    send("POST", "api/v1/service-points/" + NO_TASK + "/closures", JSON,
                            "{\"firstDay\":\"2030-01-02\",\"lastDay\":\"2030-01-03\",\"reason\":\"矩阵\"}")),
            row("DELETE /api/v1/service-points/{id}/closures/{closureId}",      "-",  "3 4 3 4 3 3 3 3 3 1",
                    send("DELETE", "api/v1/service-points/" + NO_TASK + "/closures/" + NO_TASK, null, null)),
            // --- departments (issue 11): the county's 民政局; a stale version, a clerk of a village as its reviewer and
            // a reviewer it does not have are refused after the checks.
            row("GET /api/v1/departments",                                      "HG", "2 2 2 2 2 2 4 2 2 1", get("api/v1/departments?tenant=%s")),
            row("GET /api/v1/departments",                                      "OC", "4 4 4 4 4 4 4 4 4 1", get("api/v1/departments?tenant=%s")),
            row("GET /api/v1/departments/{tenant}/{code}",                      "CO", "2 2 2 4 4 4 4 2 2 1", get("api/v1/departments/%s/MZ")),
            row("GET /api/v1/departments/{tenant}/{code}",                      "OC", "4 4 4 4 4 4 4 4 4 1", get("api/v1/departments/%s/MZ")),
            row("PUT /api/v1/departments/{tenant}/{code}",                      "OC", "3 4 3 4 3 3 3 3 3 1",
                    send("PUT", "api/v1/departments/%s/MZ", JSON, "{\"name\":\"矩阵局\",\"shortName\":\"矩阵\",\"version\":9999}")),
            row("POST /api/v1/departments/{tenant}/{code}/reviewers",           "OC", "3 4 3 4 3 3 3 3 3 1",
                    send("POST", "api/v1/departments/%s/MZ/reviewers", JSON, "{\"username\":\"{clerk}\"}")),
            row("PUT /api/v1/departments/{tenant}/{code}",                      "CO", "3 A 3 4 3 3 3 3 3 1",
                    send("PUT", "api/v1/departments/%s/MZ", JSON, "{\"name\":\"矩阵局\",\"shortName\":\"矩阵\",\"version\":9999}")),
            row("POST /api/v1/departments/{tenant}/{code}/reviewers",           "CO", "3 A 3 4 3 3 3 3 3 1",
                    send("POST", "api/v1/departments/%s/MZ/reviewers", JSON, "{\"username\":\"{clerk}\"}")),
            row("DELETE /api/v1/departments/{tenant}/{code}/reviewers/{username}", "CO", "3 4 3 4 3 3 3 3 3 1",
                    send("DELETE", "api/v1/departments/%s/MZ/reviewers/{clerk}", null, null)),
            // --- the audit trail
            row("GET /api/v1/audit/entries",                                    "HG", "3 2 2 2 3 3 3 3 3 1", get("api/v1/audit/entries?tenant=%s")),
            row("GET /api/v1/audit/entries",                                    "OT", "3 2 2 4 3 3 3 3 3 1", get("api/v1/audit/entries?tenant=%s")),
            row("GET /api/v1/audit/entries",                                    "OC", "3 4 4 4 3 3 3 3 3 1", get("api/v1/audit/entries?tenant=%s")),
            row("POST /api/v1/audit/verification",                              "-",  "3 2 2 2 3 3 3 3 3 1",
                    send("POST", "api/v1/audit/verification", JSON, "")),
            // --- the public catalog
            row("GET /api/v1/catalog/items",                                    "HG", "2 2 2 2 2 2 2 2 2 2", get("api/v1/catalog/items?tenant=%s")),
            row("GET /api/v1/catalog/items",                                    "OC", "2 2 2 2 2 2 2 2 2 2", get("api/v1/catalog/items?tenant=%s")),
            row("GET /api/v1/catalog/items/{itemCode}",                         "HG", "2 2 2 2 2 2 2 2 2 2", get("api/v1/catalog/items/" + ITEM + "?tenant=%s")),
            row("GET /api/v1/catalog/items/{itemCode}/process",                 "HG", "2 2 2 2 2 2 2 2 2 2", get("api/v1/catalog/items/" + ITEM + "/process?tenant=%s")),
            row("GET /api/v1/catalog/items/{itemCode}/guide.pdf",               "HG", "2 2 2 2 2 2 2 2 2 2", get("api/v1/catalog/items/" + ITEM + "/guide.pdf?tenant=%s")),
            // A dry run is staff work inside the caller's scope.
            row("POST /api/v1/catalog/items/{itemCode}/process/trial",          "HG", "2 2 2 2 2 2 4 2 2 1",
                    send("POST", "api/v1/catalog/items/" + ITEM + "/process/trial?tenant=%s", JSON, "")),
            row("POST /api/v1/catalog/items/{itemCode}/process/trial",          "OT", "2 2 2 4 4 4 4 2 2 1",
                    send("POST", "api/v1/catalog/items/" + ITEM + "/process/trial?tenant=%s", JSON, "")),
            // Overrides are the caller's own tenant's; a stale version is refused after the checks.
            row("PUT /api/v1/catalog/items/{itemCode}/override",                "-",  "3 A 3 A 3 3 3 3 3 1",
                    send("PUT", "api/v1/catalog/items/" + ITEM + "/override", JSON, "{\"patch\":{\"localNotes\":\"矩阵\"},\"version\":9999}")),
            row("GET /api/v1/catalog/conflicts",                                "-",  "3 2 3 2 3 3 3 3 3 1", get("api/v1/catalog/conflicts")),
            row("POST /api/v1/catalog/conflicts/{itemCode}/{element}",          "-",  "3 4 3 4 3 3 3 3 3 1",
                    send("POST", "api/v1/catalog/conflicts/" + ITEM + "/localNotes", JSON, "{\"resolution\":\"KEEP_LOCAL\"}")),
            // --- the standard catalog: the standards editor's alone (no draft 99 exists: nothing is published)
            row("POST /api/v1/catalog/items/{itemCode}/drafts",                 "-",  "3 3 3 3 3 3 3 3 A 1",
                    send("POST", "api/v1/catalog/items/" + ITEM + "/drafts", JSON, "{\"code\":\"OTHER-0001\"}")),
            row("GET /api/v1/catalog/items/{itemCode}/drafts/{version}",        "-",  "3 3 3 3 3 3 3 3 4 1", get("api/v1/catalog/items/" + ITEM + "/drafts/99")),
            row("PUT /api/v1/catalog/items/{itemCode}/drafts/{version}",        "-",  "3 3 3 3 3 3 3 3 4 1",
                    send("PUT", "api/v1/catalog/items/" + ITEM + "/drafts/99", JSON, "{\"elements\":{},\"lockVersion\":0}")),
            row("DELETE /api/v1/catalog/items/{itemCode}/drafts/{version}",     "-",  "3 3 3 3 3 3 3 3 4 1",
                    send("DELETE", "api/v1/catalog/items/" + ITEM + "/drafts/99?lockVersion=0", null, null)),
            row("GET /api/v1/catalog/items/{itemCode}/drafts/{version}/impact", "-",  "3 3 3 3 3 3 3 3 4 1", get("api/v1/catalog/items/" + ITEM + "/drafts/99/impact")),
            row("POST /api/v1/catalog/items/{itemCode}/drafts/{version}/publish", "-", "3 3 3 3 3 3 3 3 4 1",
                    send("POST", "api/v1/catalog/items/" + ITEM + "/drafts/99/publish", JSON, "")),
            row("GET /api/v1/catalog/publications",                             "-",  "3 3 3 3 3 3 3 3 2 1", get("api/v1/catalog/publications")),
            row("GET /api/v1/catalog/publications/{id}",                        "-",  "3 3 3 3 3 3 3 3 4 1",
                    get("api/v1/catalog/publications/00000000-0000-0000-0000-000000000000")),
            row("GET /api/v1/catalog/export",                                   "-",  "3 3 3 3 3 3 3 3 2 1", get("api/v1/catalog/export")),
            row("GET /api/v1/catalog/export.xlsx",                              "-",  "3 3 3 3 3 3 3 3 2 1", get("api/v1/catalog/export.xlsx")),
            row("POST /api/v1/catalog/import",                                  "-",  "3 3 3 3 3 3 3 3 A 1",
                    send("POST", "api/v1/catalog/import", JSON, "{\"items\":[]}")),
            row("POST /api/v1/catalog/import/xlsx",                             "-",  "3 3 3 3 3 3 3 3 A 1",
                    send("POST", "api/v1/catalog/import/xlsx", XLSX, "not a workbook")),
            // --- process templates: public to read; changed by administrators for their own tenant, by the editor for the standard
            row("GET /api/v1/process-templates",                                "HG", "2 2 2 2 2 2 2 2 2 2", get("api/v1/process-templates?tenant=%s")),
            row("GET /api/v1/process-templates/{key}",                          "HG", "2 2 2 2 2 2 2 2 2 2", get("api/v1/process-templates/on-the-spot?tenant=%s")),
            row("GET /api/v1/process-templates/{key}/versions",                 "HG", "2 2 2 2 2 2 2 2 2 2", get("api/v1/process-templates/on-the-spot/versions?tenant=%s")),
            row("GET /api/v1/process-templates/definitions/{definitionId}/bpmn", "-", "4 4 4 4 4 4 4 4 4 4", get("api/v1/process-templates/definitions/nothing/bpmn")),
            row("GET /api/v1/process-templates/{key}/draft",                    "HG", "3 3 3 3 3 3 3 3 3 1", get("api/v1/process-templates/on-the-spot/draft?tenant=%s")),
            // An administrator changes its own tenant's templates, the standards editor the standard (bad BPMN: 400).
            row("GET /api/v1/process-templates/{key}/draft",                    "QF", "3 3 3 4 3 3 3 3 3 1", get("api/v1/process-templates/on-the-spot/draft?tenant=%s")),
            row("PUT /api/v1/process-templates/{key}/draft",                    "QF", "3 3 3 A 3 3 3 3 3 1",
                    send("PUT", "api/v1/process-templates/on-the-spot/draft?tenant=%s", "application/xml", "<definitions/>")),
            row("PUT /api/v1/process-templates/{key}/draft",                    "CO", "3 A 3 4 3 3 3 3 3 1",
                    send("PUT", "api/v1/process-templates/on-the-spot/draft?tenant=%s", "application/xml", "<definitions/>")),
            row("PUT /api/v1/process-templates/{key}/draft",                    "ST", "3 3 3 3 3 3 3 3 A 1",
                    send("PUT", "api/v1/process-templates/on-the-spot/draft?tenant=%s", "application/xml", "<definitions/>")),
            row("PUT /api/v1/process-templates/{key}",                          "QF", "3 3 3 A 3 3 3 3 3 1",
                    send("PUT", "api/v1/process-templates/on-the-spot?tenant=%s", "application/xml", "<definitions/>")),
            row("PUT /api/v1/process-templates/{key}",                          "HG", "3 3 3 3 3 3 3 3 3 1",
                    send("PUT", "api/v1/process-templates/on-the-spot?tenant=%s", "application/xml", "<definitions/>")),
            row("PUT /api/v1/process-templates/{key}/draft",                    "HG", "3 3 3 3 3 3 3 3 3 1",
                    send("PUT", "api/v1/process-templates/on-the-spot/draft?tenant=%s", "application/xml", "<definitions/>")),
            row("POST /api/v1/process-templates/{key}/draft/publish",           "HG", "3 3 3 3 3 3 3 3 3 1",
                    send("POST", "api/v1/process-templates/on-the-spot/draft/publish?tenant=%s&lockVersion=0", JSON, "")),
            row("DELETE /api/v1/process-templates/{key}/draft",                 "HG", "3 3 3 3 3 3 3 3 3 1",
                    send("DELETE", "api/v1/process-templates/on-the-spot/draft?tenant=%s&lockVersion=0", null, null)),
            row("DELETE /api/v1/process-templates/{key}",                       "HG", "3 3 3 3 3 3 3 3 3 1",
                    send("DELETE", "api/v1/process-templates/on-the-spot?tenant=%s", null, null)),
            row("POST /api/v1/process-templates/{key}/trial",                   "HG", "2 2 2 2 2 2 4 2 2 1",
                    send("POST", "api/v1/process-templates/on-the-spot/trial?tenant=%s", JSON, "{\"reviewGroups\":[\"MZ\"]}")),
            row("POST /api/v1/process-templates/{key}/trial",                   "OC", "4 4 4 4 4 4 4 4 4 1",
                    send("POST", "api/v1/process-templates/on-the-spot/trial?tenant=%s", JSON, "{\"reviewGroups\":[\"MZ\"]}")),
            // --- cases (made and read in their own scope: CaseworkIT walks the village, town, county and sibling)
            row("POST /api/v1/cases",                                           "-",  "3 3 3 3 A A A 3 3 1",
                    send("POST", "api/v1/cases", JSON, "{\"itemCode\":\"NO-SUCH-ITEM\",\"applicant\":{\"name\":\"矩阵\"}}")),
            row("GET /api/v1/cases/{caseNumber}",                               "-",  "4 4 4 4 4 4 4 4 4 1", get("api/v1/cases/{OP}-20261130-000001")),
            // The full ID number: reviewers only (ADR 0021); another county's case is not found.
            row("GET /api/v1/cases/{caseNumber}/applicant-id",                  "-",  "3 3 3 3 3 3 3 4 3 1",
                    get("api/v1/cases/{OP}-20261130-000001/applicant-id")),
            row("GET /api/v1/cases/{caseNumber}/receipt.pdf",                   "-",  "4 4 4 4 4 4 4 4 4 1",
                    get("api/v1/cases/{OP}-20261130-000001/receipt.pdf?code=ABCDEF")),
            row("GET /api/v1/cases/{caseNumber}/correction-notice.pdf",         "-",  "4 4 4 4 4 4 4 4 4 1",
                    get("api/v1/cases/{OP}-20261130-000001/correction-notice.pdf")),
            row("GET /api/v1/cases/{caseNumber}/refusal-notice.pdf",            "-",  "4 4 4 4 4 4 4 4 4 1",
                    get("api/v1/cases/{OP}-20261130-000001/refusal-notice.pdf")),
            row("POST /api/v1/cases/{caseNumber}/supplements",                  "-",  "3 3 3 3 4 4 4 3 3 1",
                    send("POST", "api/v1/cases/{OP}-20261130-000001/supplements", JSON, "{\"materials\":{}}")),
            row("POST /api/v1/cases/{caseNumber}/refusal",                      "-",  "3 3 3 3 4 4 4 3 3 1",
                    send("POST", "api/v1/cases/{OP}-20261130-000001/refusal", JSON, "{\"reason\":\"矩阵\",\"legalBasis\":\"矩阵\"}")),
            // Scans of a case's materials: window staff and reviewers upload, whoever sees the case reads; a case
            // outside the scope is not found (nothing is stored).
            row("POST /api/v1/cases/{caseNumber}/materials/{materialCode}/files", "-", "3 3 3 3 4 4 4 4 3 1",
                    send("POST", "api/v1/cases/{OP}-20261130-000001/materials/ID_CARD/files", "application/pdf", "%PDF-1.4")),
            row("GET /api/v1/cases/{caseNumber}/materials/{materialCode}/files", "-", "4 4 4 4 4 4 4 4 4 1",
                    get("api/v1/cases/{OP}-20261130-000001/materials/ID_CARD/files")),
            row("GET /api/v1/cases/{caseNumber}/materials/{materialCode}/files/{fileId}", "-", "4 4 4 4 4 4 4 4 4 1",
                    get("api/v1/cases/{OP}-20261130-000001/materials/ID_CARD/files/" + NO_TASK)),
            // Work queues: window staff and reviewers only, and a task outside the caller's groups is not found.
            row("GET /api/v1/tasks",                                            "-",  "3 3 3 3 2 2 2 2 3 1", get("api/v1/tasks")),
            row("GET /api/v1/tasks/{taskId}",                                   "-",  "3 3 3 3 4 4 4 4 3 1", get("api/v1/tasks/" + NO_TASK)),
            row("POST /api/v1/tasks/{taskId}/claim",                            "-",  "3 3 3 3 4 4 4 4 3 1",
                    send("POST", "api/v1/tasks/" + NO_TASK + "/claim", JSON, "{}")),
            row("POST /api/v1/tasks/{taskId}/release",                          "-",  "3 3 3 3 4 4 4 4 3 1",
                    send("POST", "api/v1/tasks/" + NO_TASK + "/release", JSON, "{}")),
            row("POST /api/v1/tasks/{taskId}/approve",                          "-",  "3 3 3 3 4 4 4 4 3 1",
                    send("POST", "api/v1/tasks/" + NO_TASK + "/approve", JSON, "{}")),
            row("POST /api/v1/tasks/{taskId}/reject",                           "-",  "3 3 3 3 4 4 4 4 3 1",
                    send("POST", "api/v1/tasks/" + NO_TASK + "/reject", JSON, "{\"reason\":\"矩阵\",\"legalBasis\":\"矩阵\"}")),
            row("POST /api/v1/tasks/{taskId}/supplement-request",               "-",  "3 3 3 3 4 4 4 4 3 1",
                    send("POST", "api/v1/tasks/" + NO_TASK + "/supplement-request", JSON, "{\"whatToSupply\":\"矩阵\",\"legalBasis\":\"矩阵\"}")),
            row("POST /api/v1/tasks/{taskId}/supplement-received",              "-",  "3 3 3 3 4 4 4 4 3 1",
                    send("POST", "api/v1/tasks/" + NO_TASK + "/supplement-received", JSON, "{}")),
            row("POST /api/v1/tasks/{taskId}/special-procedure",                "-",  "3 3 3 3 4 4 4 4 3 1",
                    send("POST", "api/v1/tasks/" + NO_TASK + "/special-procedure", JSON,
                            "{\"kind\":\"HEARING\",\"reason\":\"矩阵\",\"legalBasis\":\"矩阵\",\"announcedWorkingDays\":5}")),
            row("POST /api/v1/tasks/{taskId}/special-procedure/end",            "-",  "3 3 3 3 4 4 4 4 3 1",
                    send("POST", "api/v1/tasks/" + NO_TASK + "/special-procedure/end", JSON, "{}")),
            row("POST /api/v1/tasks/{taskId}/extension",                        "-",  "3 3 3 3 4 4 4 4 3 1",
                    send("POST", "api/v1/tasks/" + NO_TASK + "/extension", JSON, "{\"workingDays\":5,\"approvedBy\":\"矩阵\",\"reason\":\"矩阵\"}")),
            // Issuance (出件): window staff (and reviewers for the decision), a case outside the scope is not found.
            row("POST /api/v1/cases/{caseNumber}/issuance",                     "-",  "3 3 3 3 4 4 4 4 3 1",
                    send("POST", "api/v1/cases/{OP}-20261130-000001/issuance", JSON, "{}")),
            row("GET /api/v1/cases/{caseNumber}/issuance",                      "-",  "4 4 4 4 4 4 4 4 4 1",
                    get("api/v1/cases/{OP}-20261130-000001/issuance")),
            row("GET /api/v1/cases/{caseNumber}/decision.pdf",                  "-",  "4 4 4 4 4 4 4 4 4 1",
                    get("api/v1/cases/{OP}-20261130-000001/decision.pdf?code=ABCDEF")),
            row("GET /api/v1/cases/{caseNumber}/licence.pdf",                   "-",  "4 4 4 4 4 4 4 4 4 1",
                    get("api/v1/cases/{OP}-20261130-000001/licence.pdf")),
            row("GET /api/v1/cases/{caseNumber}/delivery-points",               "-",  "3 3 3 3 4 4 4 3 3 1",
                    get("api/v1/cases/{OP}-20261130-000001/delivery-points")),
            row("POST /api/v1/cases/{caseNumber}/delivery",                     "-",  "3 3 3 3 4 4 4 3 3 1",
                    send("POST", "api/v1/cases/{OP}-20261130-000001/delivery", JSON, "{}")),
            row("POST /api/v1/cases/{caseNumber}/pickup",                       "-",  "3 3 3 3 4 4 4 3 3 1",
                    send("POST", "api/v1/cases/{OP}-20261130-000001/pickup", JSON, "{\"collectedBy\":\"矩阵\"}")),
            row("POST /api/v1/cases/{caseNumber}/delivery-confirmation",        "-",  "3 3 3 3 4 4 4 3 3 1",
                    send("POST", "api/v1/cases/{OP}-20261130-000001/delivery-confirmation", JSON, "")),
            row("PUT /api/v1/cases/{caseNumber}/contact",                       "-",  "3 3 3 3 4 4 4 3 3 1",
                    send("PUT", "api/v1/cases/{OP}-20261130-000001/contact", JSON, "{\"mobile\":\"13800000000\"}")),
            row("POST /api/v1/cases/{caseNumber}/withdrawal",                   "-",  "3 3 3 3 4 4 4 3 3 1",
                    send("POST", "api/v1/cases/{OP}-20261130-000001/withdrawal", JSON, "{\"reason\":\"矩阵\"}")),
            row("POST /api/v1/consultations",                                   "-",  "3 3 3 3 A A A 3 3 1",
                    send("POST", "api/v1/consultations", JSON, "{\"question\":\"\"}")),
            // Public; wrong check codes count against the asking client only (this class's address): ten here and ten
            // below are the 20 a client may get wrong in 15 minutes, so the next one would be T (CaseworkIT shows it).
            row("GET /api/v1/progress/{caseNumber}",                            "-",  "4 4 4 4 4 4 4 4 4 4", get("api/v1/progress/{OP}-20261130-000001?code=ABCDEF")),
            // The decision letter by the receipt: the same door and throttle.
            row("GET /api/v1/progress/{caseNumber}/decision.pdf",               "-",  "4 4 4 4 4 4 4 4 4 4",
                    get("api/v1/progress/{OP}-20261130-000001/decision.pdf?code=ABCDEF")),
            // Last: it ends every token of the caller.
            row("POST /api/v1/auth/logout",                                     "-",  "2 2 2 2 2 2 2 2 2 1",
                    send("POST", "api/v1/auth/logout", JSON, "")));
    // spotless:on

    /** Lists that answer a fixed, short window whatever is asked (the latest 20 publications). */
    static final Set<String> FIXED_LISTS = Set.of("GET /api/v1/catalog/publications");

    // From this class's own loopback address (Api.client), made once base is known.
    private HttpClient http;

    /**
     * 临朐县 with 田庄镇 (100) and its 田庄村, 起凤镇 (106) and its villages 付庙村 and 华沟村, and the back office; one
     * account of each role; 矩阵县 with 矩阵镇 and 矩阵村, another county.
     */
    @BeforeEach
    void ownCounties() throws Exception {
        if (linqu == null) {
            linqu = TestCounty.named("临朐县").demoTowns().backOffice().make(api);
            other = TestCounty.named("矩阵县").town("矩阵镇", "矩阵村").make(api);
            P = linqu.prefix();
            OP = other.prefix();
            ACCOUNTS.put("platform.operator", linqu.operator("platform.operator"));
            ACCOUNTS.put("county.admin", linqu.admin());
            ACCOUNTS.put("county.auditor", linqu.staff("临朐县", "county.auditor", Set.of("AUDITOR")));
            ACCOUNTS.put("qifeng.admin", linqu.staff("起凤镇", "qifeng.admin", Set.of("TENANT_ADMIN")));
            ACCOUNTS.put("qifeng.clerk", linqu.clerk("起凤镇", "qifeng.clerk"));
            ACCOUNTS.put("huagou.clerk", linqu.clerk("华沟村", "huagou.clerk"));
            ACCOUNTS.put("fumiao.clerk", linqu.clerk("付庙村", "fumiao.clerk"));
            ACCOUNTS.put("mz.reviewer", linqu.reviewer("临朐县", "mz.reviewer", "MZ"));
            ACCOUNTS.put("standards.editor", linqu.standardsEditor("standards.editor"));
            ACCOUNTS.put("anonymous", null);
            TARGETS.put("HG", linqu.code("华沟村"));
            TARGETS.put("OT", linqu.code("田庄村"));
            TARGETS.put("OC", other.code("矩阵村"));
            TARGETS.put("QF", linqu.code("起凤镇"));
            TARGETS.put("CO", linqu.code());
            TARGETS.put("ST", "standard");
            TARGETS.put("-", "");
            for (String division : List.of("华沟村", "田庄村", "起凤镇", "临朐县")) {
                POINTS.put(linqu.code(division), linqu.point(division).toString());
            }
            POINTS.put(other.code("矩阵村"), other.point("矩阵村").toString());
        }
        pendingChanges();
    }

    /**
     * At the town of each village target, four villages and two division changes waiting
     * for confirmation: 矩阵丙村 (273) merged into 矩阵乙村 (272), which was merged into 矩阵甲村 (271) since, so the
     * first change's revert is refused (409, its successor is retired); and 矩阵丁村 (274) merged into 矩阵甲村, a change
     * to confirm.
     */
    private static void pendingChanges() throws Exception {
        try (Connection su = TestDatabase.get().superuserConnection();
                Statement sql = su.createStatement()) {
            for (String target : List.of("HG", "OT", "OC")) {
                String village = TARGETS.get(target);
                String county = village.substring(0, 6) + "000000";
                String town = village.substring(0, 9) + "000";
                String kept = fixtureVillage(village, "271");
                String between = fixtureVillage(village, "272");
                String merged = fixtureVillage(village, "273");
                String confirmed = fixtureVillage(village, "274");
                sql.execute("insert into tenant (county_code, code, parent_code, level, name) values "
                        + "('" + county + "', '" + kept + "', '" + town + "', 'VILLAGE', '矩阵甲村'),"
                        + "('" + county + "', '" + between + "', '" + town + "', 'VILLAGE', '矩阵乙村'),"
                        + "('" + county + "', '" + merged + "', '" + town + "', 'VILLAGE', '矩阵丙村'),"
                        + "('" + county + "', '" + confirmed + "', '" + town + "', 'VILLAGE', '矩阵丁村')"
                        + " on conflict do nothing");
                sql.execute("update tenant set retired_on = date '2026-11-30', successor_code = case code"
                        + " when '" + between + "' then '" + kept + "' when '" + merged + "' then '" + between
                        + "' else '" + kept + "' end where code in ('" + between + "', '" + merged + "', '"
                        + confirmed + "') and retired_on is null");
                String nothingMoved = "'{\"staff\": [], \"servicePoints\": [], \"windows\": [], \"closures\": [],"
                        + " \"departments\": [], \"settings\": []}'";
                sql.execute("insert into division_change (county_code, id, tenant_code, successor_code, kind,"
                        + " made_by, moved) values "
                        + "('" + county + "', '" + changeOf(REVERT, village) + "', '" + merged + "', '" + between
                        + "', 'MERGED', 'matrix.fixture', " + nothingMoved + "),"
                        + "('" + county + "', '" + changeOf(CONFIRM, village) + "', '" + confirmed + "', '" + kept
                        + "', 'MERGED', 'matrix.fixture', " + nothingMoved + ")"
                        + " on conflict (id) do update set state = 'PENDING', decided_at = null, decided_by = null");
            }
        }
    }

    /** The fixture's changes are made pending again: a confirm of the table is done, and the next call finds it. */
    private static void changesPendingAgain(Statement sql) throws SQLException {
        sql.execute("update division_change set state = 'PENDING', decided_at = null, decided_by = null"
                + " where made_by = 'matrix.fixture' and state <> 'PENDING'");
    }

    @Test
    void everyOperationOfTheApiHasItsRowsInTheTable() {
        Set<String> documented = operations();
        Set<String> tabled = new TreeSet<>();
        TABLE.forEach(row -> tabled.add(row.operation()));

        assertThat(tabled)
                .as("operations without a row in the table: classify who may call them")
                .containsAll(documented);
        assertThat(documented).as("rows of operations the API does not have").containsAll(tabled);
    }

    @Test
    void everyCallerGetsWhatTheTableSaysAndNothingChanges() throws Exception {
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String user : USERS) {
            tokens.put(user, user.equals("anonymous") ? null : api.token(ACCOUNTS.get(user), PASSWORD));
        }
        // One connection for the two thousand looks at the state: a connection each (a backend and a SCRAM
        // handshake) was most of this test's time.
        try (Connection su = TestDatabase.get().superuserConnection();
                Statement sql = su.createStatement()) {
            walkTheTable(tokens, sql);
        }
    }

    private void walkTheTable(Map<String, String> tokens, Statement sql) throws Exception {
        String before = state(sql);
        List<String> wrong = new ArrayList<>();
        StringBuilder actual = new StringBuilder();
        Set<String> lists = new LinkedHashSet<>();
        for (Row row : TABLE) {
            Call call = row.call().at(TARGETS.get(row.target()));
            List<String> classes = new ArrayList<>();
            String[] expected = row.expected().split(" ");
            List<String> answers = new ArrayList<>();
            for (String user : USERS) {
                if (call.path().contains("division-changes/")) {
                    changesPendingAgain(sql);
                }
                String stateBefore = state(sql);
                HttpResponse<String> answer = send(call, tokens.get(user));
                String got = classOf(answer.statusCode());
                if (!got.equals("2")) {
                    assertThat(state(sql))
                            .as(user + " " + call + " was refused (" + answer.statusCode() + ") and changed nothing")
                            .isEqualTo(stateBefore);
                }
                if (!got.equals(expected[classes.size()]) && answers.isEmpty()) {
                    // The first differing answer in full: its problem says why.
                    answers.add(user + " → " + answer.statusCode() + " " + answer.body());
                }
                classes.add(got);
                if (got.equals("2") && answer.body().startsWith("[")) {
                    lists.add(row.operation() + " " + call.path());
                }
                assertThat(answer.statusCode())
                        .as(user + " " + call + ": " + answer.body())
                        .isLessThan(500);
            }
            String line = String.join(" ", classes);
            actual.append(String.format("%-66s %-4s \"%s\"%n", row.operation(), row.target(), line));
            if (!line.equals(row.expected())) {
                wrong.add(row.operation() + " @" + row.target() + ": expected " + row.expected() + ", got " + line + " "
                        + answers);
            }
        }
        assertThat(wrong)
                .as("cells that differ; the whole table as answered:\n" + actual)
                .isEmpty();
        changesPendingAgain(sql);
        assertThat(state(sql)).as("no call of the table changed anything").isEqualTo(before);

        // Every list answers one page at most, however large a page is asked for.
        String admin = api.token(linqu.admin(), PASSWORD);
        Set<String> documentedSize = operationsWith("size");
        for (String list : lists) {
            String operation = list.substring(0, list.lastIndexOf(' '));
            if (FIXED_LISTS.contains(operation)) {
                continue;
            }
            assertThat(documentedSize)
                    .as(operation + " answers a list: it takes first and size")
                    .contains(operation);
            String path = list.substring(list.lastIndexOf(' ') + 1);
            String huge = path + (path.contains("?") ? "&" : "?") + "size=1000000";
            Api.Answer page = api.get(huge, admin);
            assertThat(page.status()).as(huge + " " + page.body()).isEqualTo(200);
            assertThat(page.json().asJsonArray().size()).as(huge).isLessThanOrEqualTo(200);
        }
        assertThat(lists).as("the lists were reached").isNotEmpty();
    }

    private HttpResponse<String> send(Call call, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(call.path()))
                .timeout(Duration.ofSeconds(30))
                .method(
                        call.method(),
                        call.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(call.body()));
        if (call.contentType() != null) {
            request.header("Content-Type", call.contentType());
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (http == null) {
            http = Api.client(base);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String classOf(int status) {
        return switch (status) {
            case 401 -> "1";
            case 403 -> "3";
            case 404 -> "4";
            case 400, 409, 413, 422 -> "A";
            case 429 -> "T";
            default -> status >= 200 && status < 300 ? "2" : String.valueOf(status);
        };
    }

    /** "METHOD /path" of every operation in the OpenAPI document. */
    private Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        document()
                .forEach((path, item) -> item.asJsonObject().keySet().stream()
                        .filter(method ->
                                Set.of("get", "put", "post", "delete", "patch").contains(method))
                        .forEach(method -> operations.add(method.toUpperCase() + " " + path)));
        return operations;
    }

    /** The operations that document a query parameter of that name. */
    private Set<String> operationsWith(String parameter) {
        Set<String> operations = new TreeSet<>();
        document()
                .forEach((path, item) -> item.asJsonObject().forEach((method, operation) -> {
                    if (operation.getValueType() == JsonValue.ValueType.OBJECT
                            && operation.asJsonObject().containsKey("parameters")
                            && operation.asJsonObject().getJsonArray("parameters").stream()
                                    .anyMatch(p -> p.asJsonObject()
                                            .getString("name", "")
                                            .equals(parameter))) {
                        operations.add(method.toUpperCase() + " " + path);
                    }
                }));
        return operations;
    }

    private JsonObject document() {
        Api.Exchange openapi = api.exchange("GET", "openapi", null, Map.of("Accept", "application/json"), null);
        assertThat(openapi.answer().status()).isEqualTo(200);
        return openapi.answer().json().asJsonObject().getJsonObject("paths");
    }

    /**
     * What the table's calls could have changed: tenants (retirements included), division changes and their states,
     * accounts and their roles, overrides, drafts, service points, windows, closures, departments.
     */
    private static String state(Statement sql) throws SQLException {
        try (var rs = sql.executeQuery("select (select count(*) || '/' || coalesce(sum(version), 0) || '/'"
                + " || count(retired_on) || '/' || count(successor_code) from tenant)"
                + " || ' ' || (select coalesce(string_agg(id || ':' || state, ',' order by id), '')"
                + " from division_change)"
                + " || ' ' || (select string_agg(username || ':' || roles || ':' || enabled, ','"
                + " order by username) from staff_account)"
                + " || ' ' || (select count(*) from item_override)"
                + " || ' ' || (select count(*) from item_version)"
                + " || ' ' || (select count(*) || '/' || coalesce(sum(version), 0) from service_point)"
                + " || ' ' || (select count(*) from service_window)"
                + " || ' ' || (select count(*) from service_point_closure)"
                + " || ' ' || (select count(*) || '/' || coalesce(sum(version), 0) from department)")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
