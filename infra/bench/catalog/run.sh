#!/usr/bin/env bash
# OneWindow catalog benchmark: a village's effective catalog over REST against the raw SQL read of the same
# data, the impact preview and the publication of one changed item (with the village's catalog read all the while),
# and the server's memory, on 1,000 standard items and 22,100 generated tenants (national scale: see README.md).
#
#   infra/bench/catalog/run.sh
#
# Starts a private instance through infra/run.sh (fresh ONEWINDOW_HOME under /tmp, HTTP 18180, embedded
# PostgreSQL 54349, 127.0.0.1 only), generates the data in that database as the owner role (generate.sql),
# measures, prints a table (also written to infra/bench/catalog/results/latest.txt) and stops everything it
# started, also on failure or Ctrl-C. About 2 minutes. See README.md beside it.
#
# Settings (environment): BENCH_HTTP_PORT (18180), BENCH_DB_PORT (54349), BENCH_DURATION (20 s per
# measurement), BENCH_WARMUP (20 s), BENCH_ITEMS (1000), BENCH_COUNTIES (100), BENCH_TOWNS (20 per county),
# BENCH_VILLAGES (10 per town), BENCH_OVERRIDDEN (50 items per overriding tenant), BENCH_KEEP_HOME (0).
# Exit status: 0 all targets met, 2 a target missed, 1 (or 130/143) the run failed or was interrupted.
set -euo pipefail

bench=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$bench/../../.." && pwd)
cd "$repo"
source infra/java.sh

http_port=${BENCH_HTTP_PORT:-18180}
db_port=${BENCH_DB_PORT:-54349}
duration=${BENCH_DURATION:-20}
warmup=${BENCH_WARMUP:-20}
items=${BENCH_ITEMS:-1000}
counties=${BENCH_COUNTIES:-100}
towns=${BENCH_TOWNS:-20}
villages=${BENCH_VILLAGES:-10}
overridden=${BENCH_OVERRIDDEN:-50}
base="http://127.0.0.1:$http_port"
results="$bench/results"
# The measured village: county 1, its town 1, its village 1, each overriding the same items (a 3-tier chain).
county=380001000000 town=380001101000 village=380001101201
published_item=GEN-0001 # overridden by every overriding tenant, in the demo county too

# Targets.
p99_target=50     # ms, GET of one village's whole effective catalog, one connection (also while publishing)
publish_target=60 # s, POST …/drafts/2/publish of one changed item until the publication has ended
preview_target=10 # s, GET …/drafts/2/impact of the same draft

log() { printf '[catalog-bench %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
source "$repo/infra/bench/lib.sh"
rss() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
now() { date +%s.%N; }
since() { awk -v s="$1" -v n="$(now)" 'BEGIN { printf "%.2f", n - s }'; }

for tool in curl wrk pgbench psql ss awk; do
  command -v "$tool" >/dev/null || die "$tool is missing (apt-get install -y wrk postgresql-client iproute2 curl)"
done
port_busy "$http_port" && die "port $http_port is in use (BENCH_HTTP_PORT)"
port_busy "$db_port" && die "port $db_port is in use (BENCH_DB_PORT)"

home=$(mktemp -d /tmp/onewindow-catalog-bench.XXXXXX)
mkdir -p "$results"
stop_on_exit
# The reader started during the publication goes too, whatever ends the run.
wrk_pid=""
trap 'status=$?; set +e; [ -n "$wrk_pid" ] && kill "$wrk_pid" 2>/dev/null; (exit "$status"); cleanup' EXIT


build_if_needed

# 1. Start: a fresh home, demo data on, this script's ports.
start_product
log "ready after $ready_wall s"
rss_start=$(rss "$payara_pid")

owner_password=$(sed -n 's/^owner\.password=//p' "$home/pgdata.credentials")
app_password=$(sed -n 's/^app\.password=//p' "$home/pgdata.credentials")
[ -n "$owner_password" ] && [ -n "$app_password" ] || die "no passwords in $home/pgdata.credentials"
export PGHOST=127.0.0.1 PGPORT=$db_port PGDATABASE=onewindow
owner_sql() { PGPASSWORD=$owner_password PGUSER=onewindow_owner psql -XAtq -v ON_ERROR_STOP=1 "$@"; }

# 2. The data, as the owner role.
log "generating $items items, $counties counties × $towns towns × $villages villages, overrides"
generating=$(now)
counts=$(owner_sql -v items="$items" -v counties="$counties" -v towns="$towns" -v villages="$villages" \
  -v overridden="$overridden" -f "$bench/generate.sql" | tail -1)
generate_s=$(since "$generating")
IFS='|' read -r in_force n_counties n_towns n_villages n_overrides <<<"$counts"
log "generated in $generate_s s: $in_force items in force, $n_counties counties, $n_towns towns, $n_villages villages, $n_overrides overrides"

# 3. What the endpoint returns: the first page of the items the village is offered, at most 200 (the API's
# Page.MAX_SIZE): the whole effective catalog is resolved for it, as for any page.
path="/api/v1/catalog/items?tenant=$village"
page_max=200
curl -sf --max-time 60 "$base$path" -o "$home/village.json" || die "GET $path failed"
rest_items=$(grep -o '"standardVersion"' "$home/village.json" | wc -l)
rest_bytes=$(stat -c %s "$home/village.json")
log "GET $path returns $rest_items items ($rest_bytes bytes); $in_force are in force"
[ "$rest_items" = "$(( in_force < page_max ? in_force : page_max ))" ] \
  || die "the village's first page has $rest_items items, not $(( in_force < page_max ? in_force : page_max ))"

# 4. REST latency, one connection (a citizen's page load), after a warm-up.
wrk_run() { wrk -t 1 -c "$1" -d "${2}s" --timeout 10s -s "$bench/catalog.lua" "$base$path" | grep '^BENCH '; }
field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<" $1"; }
log "warming up for $warmup s"
wrk_run 1 "$warmup" >/dev/null
rss_warm=$(rss "$payara_pid")
log "REST: GET $path, 1 connection, $duration s"
rest=$(wrk_run 1 "$duration")
log "REST: $rest"
rest_p50=$(field "$rest" p50_ms) rest_p99=$(field "$rest" p99_ms) rest_rps=$(field "$rest" rps) rest_errors=$(field "$rest" errors)
rest4=$(wrk_run 4 "$duration")
log "REST, 4 connections: $rest4"
rss_after_rest=$(rss "$payara_pid")

# 5. The same reads straight to PostgreSQL, as the application role, one client.
log "raw PostgreSQL: pgbench, 1 client, $duration s"
pglog=$home/pgbench-log
mkdir -p "$pglog"
pgbench_out=$(cd "$pglog" && PGPASSWORD=$app_password PGUSER=onewindow_app pgbench -n -M prepared -c 1 -j 1 -T "$duration" \
  -D village="$village" -D town="$town" -D county="$county" -f "$bench/village.sql" -l 2>&1) \
  || { echo "$pgbench_out" >&2; die "pgbench failed"; }
db_tps=$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time).*/\1/p' <<<"$pgbench_out")
read -r db_p50 db_p99 < <(cat "$pglog"/pgbench_log.* | awk '{ print $3 }' | sort -n \
  | awk '{ v[NR] = $1 } END { i50 = int(NR * 0.50); i99 = int(NR * 0.99); if (i50 < 1) i50 = 1; if (i99 < 1) i99 = 1;
                             printf "%.3f %.3f\n", v[i50] / 1000, v[i99] / 1000 }')
log "raw PostgreSQL: $db_tps tx/s, p50 $db_p50 ms, p99 $db_p99 ms"

# 6. Publishing one changed item as standards.editor: a draft with one more condition, then publish.
token=$(curl -sf --max-time 30 -d username=standards.editor --data-urlencode "password=$ONEWINDOW_DEMO_PASSWORD" \
  "$base/api/v1/auth/token" | sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p')
[ -n "$token" ] || die "no token for standards.editor"
owner_sql -c "select jsonb_set(elements::jsonb, '{conditions}',
                (elements::jsonb -> 'conditions') || '[\"基准测试：新增的受理条件\"]')::text
              from item_version where item_code = '$published_item' and state = 'PUBLISHED'" >"$home/draft.json"
overrides_total=$(owner_sql -c "select count(*) from item_override where item_code = '$published_item'")
overrides_scope=$(owner_sql -c "select count(*) from item_override where item_code = '$published_item' and tenant_code like '370321%'")
drafting=$(now)
code=$(curl -s --max-time 60 -o "$home/draft-answer.json" -w '%{http_code}' -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/json' --data-binary "@$home/draft.json" "$base/api/v1/catalog/items/$published_item/drafts")
draft_s=$(since "$drafting")
[ "$code" = 201 ] || { cat "$home/draft-answer.json" >&2; die "draft: HTTP $code"; }
# The impact preview of the draft: every county's overrides of the item re-based on a copy.
previewing=$(now)
code=$(curl -s --max-time 300 -o "$home/impact.json" -w '%{http_code}' -H "Authorization: Bearer $token" \
  "$base/api/v1/catalog/items/$published_item/drafts/2/impact")
preview_s=$(since "$previewing")
[ "$code" = 200 ] || { head -c 2000 "$home/impact.json" >&2; die "impact preview: HTTP $code"; }
preview_bytes=$(stat -c %s "$home/impact.json")
log "impact preview in $preview_s s ($preview_bytes bytes)"
# The village's catalog is read over one connection all the while the publication runs (wrk stops on SIGINT and
# still reports).
wrk -t 1 -c 1 -d 900s --timeout 10s -s "$bench/catalog.lua" "$base$path" >"$home/wrk-publishing.txt" 2>&1 &
wrk_pid=$!
sleep 1
# The publication runs in the background: queue it, then follow it until it ends (measured to the end).
publishing=$(now)
code=$(curl -s --max-time 60 -o "$home/publish.json" -w '%{http_code}' -H "Authorization: Bearer $token" \
  -X POST "$base/api/v1/catalog/items/$published_item/drafts/2/publish")
[ "$code" = 202 ] || { cat "$home/publish.json" >&2; die "publish: HTTP $code"; }
publication=$(sed -n 's/.*"id":"\([^"]*\)".*/\1/p' "$home/publish.json")
state=QUEUED in_force_s=""
while [ "$state" = QUEUED ] || [ "$state" = RUNNING ] || [ "$state" = SETTLING ]; do
  sleep 0.2
  curl -s --max-time 10 -o "$home/publish.json" -H "Authorization: Bearer $token" \
    "$base/api/v1/catalog/publications/$publication"
  state=$(sed -n 's/.*"state":"\([A-Z]*\)".*/\1/p' "$home/publish.json")
  if [ -z "$in_force_s" ] && { [ "$state" = SETTLING ] || [ "$state" = SUCCEEDED ]; }; then
    in_force_s=$(since "$publishing")
  fi
done
publish_s=$(since "$publishing")
kill -INT "$wrk_pid" 2>/dev/null || true
wait "$wrk_pid" || true
wrk_pid=""
during=$(grep '^BENCH ' "$home/wrk-publishing.txt" || true)
log "REST while publishing: $during"
[ "$state" = SUCCEEDED ] || { cat "$home/publish.json" >&2; die "publication $state"; }
json_int() { sed -n "s/.*\"$1\":\([0-9]*\).*/\1/p" "$home/publish.json"; }
rebased=$(json_int overridingCount) changed=$(json_int changedCount) conflicted=$(json_int conflictedCount)
counties_total=$(json_int countiesTotal)
per_second=$(awk -v c="$counties_total" -v s="$publish_s" 'BEGIN { printf "%.1f", (s > 0) ? c / s : 0 }')
on_new=$(owner_sql -c "select count(*) from item_override where item_code = '$published_item' and base_version = 2")
log "published in $publish_s s (draft $draft_s s): $rebased overrides re-based of $overrides_total ($overrides_scope in the editor's county)"
# Whether tenants outside the editor's county still read their catalog with an override on the old version.
after_code=$(curl -s --max-time 60 -o "$home/after.json" -w '%{http_code}' "$base$path")
after_error=$(sed -n 's/.*"error":"\([^"]*\)".*/\1/p' "$home/after.json")
log "after the publication GET $path: HTTP $after_code ${after_error}"
rss_end=$(rss "$payara_pid")

# 7. The table.
ms() { awk -v v="$1" 'BEGIN { printf "%.2f", v }'; }
verdict() { awk -v v="$1" -v t="$2" 'BEGIN { print (v < t) ? "PASS" : "MISS" }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b > 0) ? a / b : 0 }'; }
table=$(
  printf 'OneWindow catalog benchmark  %s  (commit %s%s)\n' "$(date -u '+%Y-%m-%d %H:%M UTC')" \
    "$(git rev-parse --short HEAD 2>/dev/null || echo '?')" "$(git diff --quiet HEAD 2>/dev/null || echo ', dirty tree')"
  printf '%s cores, load average %s; %s\n' "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)" \
    "$("$JAVA_HOME/bin/java" -version 2>&1 | head -1 || true)"
  printf 'data: %s items in force (%s generated + demo), %s counties, %s towns, %s villages, %s overrides; generated in %s s\n' \
    "$in_force" "$items" "$n_counties" "$n_towns" "$n_villages" "$n_overrides" "$generate_s"
  printf 'GET %s -> %s items on its first page (of %s in force), %s bytes\n\n' "$path" "$rest_items" "$in_force" "$rest_bytes"
  printf '%-44s %16s %10s  %s\n' "measure" "value" "target" "verdict"
  printf '%-44s %16s %10s  %s\n' "village catalog REST p99, 1 conn (ms)" "$(ms "$rest_p99")" "< $p99_target" "$(verdict "$rest_p99" "$p99_target")"
  printf '%-44s %16s %10s\n' "village catalog REST p50, 1 conn (ms)" "$(ms "$rest_p50")" ""
  printf '%-44s %16s %10s\n' "village catalog REST req/s, 1 / 4 conn" "$rest_rps / $(field "$rest4" rps)" ""
  printf '%-44s %16s %10s\n' "village catalog REST p99, 4 conn (ms)" "$(ms "$(field "$rest4" p99_ms)")" ""
  printf '%-44s %16s %10s\n' "REST errors (1 conn / 4 conn)" "$rest_errors / $(field "$rest4" errors)" ""
  printf '%-44s %16s %10s\n' "raw SQL read p50 / p99, 1 client (ms)" "$(ms "$db_p50") / $(ms "$db_p99")" ""
  printf '%-44s %16s %10s\n' "ratio REST / raw SQL, p50 / p99" "$(ratio "$rest_p50" "$db_p50") / $(ratio "$rest_p99" "$db_p99")" ""
  printf '%-44s %16s %10s  %s\n' "impact preview of the draft (s)" "$preview_s" "< $preview_target" "$(verdict "$preview_s" "$preview_target")"
  printf '%-44s %16s %10s  %s\n' "publish one changed item, to the end (s)" "$publish_s" "< $publish_target" "$(verdict "$publish_s" "$publish_target")"
  printf '%-44s %16s %10s\n' "  in force for every tenant after (s)" "${in_force_s:-?}" ""
  printf '%-44s %16s %10s\n' "  counties, counties per second" "$counties_total, $per_second" ""
  printf '%-44s %16s %10s  %s\n' "  village catalog p99 meanwhile, 1 conn (ms)" "$(ms "$(field "$during" p99_ms)")" "< $p99_target" "$(verdict "$(field "$during" p99_ms)" "$p99_target")"
  printf '%-44s %16s %10s\n' "  … p50 (ms), requests, errors" "$(ms "$(field "$during" p50_ms)"), $(field "$during" requests), $(field "$during" errors)" ""
  printf '%-44s %16s %10s\n' "  its draft (s)" "$draft_s" ""
  printf '%-44s %16s %10s\n' "  overrides of the item, all tenants" "$overrides_total" ""
  printf '%-44s %16s %10s\n' "  of them in the editor's county (370321)" "$overrides_scope" ""
  printf '%-44s %16s %10s\n' "  re-based / changed / conflicted" "$rebased / $changed / $conflicted" ""
  printf '%-44s %16s %10s\n' "  overrides on the new version afterwards" "$on_new" ""
  printf '%-44s %16s %10s\n' "  village $village catalog afterwards" "HTTP $after_code ${after_error}" ""
  printf '%-44s %16s %10s\n' "Payara RSS: ready / warm / after REST / end" "$rss_start / $rss_warm / $rss_after_rest / $rss_end" "MiB"
  printf '\nThe only catalog cache holds parsed published versions (immutable); its memory is inside the RSS growth above.\n'
  printf 'Publishing stages each county'"'"'s re-based overrides in a transaction of its own, puts the version in force\n'
  printf 'for every tenant in one small transaction, then settles each county (old rows removed, re-bases audited).\n'
)
echo "$table" | tee "$results/latest.txt"
completed=1
if grep -q MISS <<<"$table"; then exit 2; fi
