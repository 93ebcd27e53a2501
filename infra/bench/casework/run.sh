#!/usr/bin/env bash
# OneWindow casework benchmark: intake throughput over REST against Flowable's raw rate for the same template on the
# same database, a department queue over 1,000,000 cases (first page and a filtered search), and public progress
# lookups against a raw primary-key read of the same table.
#
#   infra/bench/casework/run.sh
#
# Starts a private instance through infra/run.sh (fresh ONEWINDOW_HOME under /tmp, HTTP 18280, embedded
# PostgreSQL 54359, 127.0.0.1 only), measures, prints a table (also written to
# infra/bench/casework/results/latest.txt) and stops everything it started, also on failure or Ctrl-C. About 6
# minutes. See README.md beside it.
#
# Settings (environment): BENCH_HTTP_PORT (18280), BENCH_DB_PORT (54359), BENCH_CLIENTS (4 concurrent intake
# clients, and threads of the raw Flowable run), BENCH_DURATION (20 s per measurement), BENCH_WARMUP (20 s),
# BENCH_ROWS (1000000 generated cases), BENCH_KEEP_HOME (0).
# Exit status: 0 all targets met, 2 a target missed, 1 (or 130/143) the run failed or was interrupted.
set -euo pipefail

bench=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$bench/../../.." && pwd)
cd "$repo"
source infra/java.sh

http_port=${BENCH_HTTP_PORT:-18280}
db_port=${BENCH_DB_PORT:-54359}
clients=${BENCH_CLIENTS:-4}
duration=${BENCH_DURATION:-20}
warmup=${BENCH_WARMUP:-20}
rows=${BENCH_ROWS:-1000000}
base="http://127.0.0.1:$http_port"
results="$bench/results"
code=BENCH2 # the check code of every generated case (CheckCode's alphabet)
template_bpmn=platform/process/src/main/resources/org/onewindow/process/templates/tiered-review.bpmn20.xml

# Targets (issue 10, on 2 cores).
intake_target=30       # accepted cases per second
intake_ratio_target=0.5 # intake ÷ raw Flowable start-and-complete
first_page_target=100  # ms, p99 of the queue's first page
search_target=200      # ms, p99 of the queue filtered by case number or applicant name

log() { printf '[casework-bench %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
source "$repo/infra/bench/lib.sh"
now() { date +%s.%N; }
since() { awk -v s="$1" -v n="$(now)" 'BEGIN { printf "%.1f", n - s }'; }
field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<" $1"; }

for tool in curl wrk pgbench psql ss awk; do
  command -v "$tool" >/dev/null || die "$tool is missing (apt-get install -y wrk postgresql-client iproute2 curl)"
done
port_busy "$http_port" && die "port $http_port is in use (BENCH_HTTP_PORT)"
port_busy "$db_port" && die "port $db_port is in use (BENCH_DB_PORT)"

home=$(mktemp -d /tmp/onewindow-casework-bench.XXXXXX)
mkdir -p "$results"
stop_on_exit

# Builds first if infra/run.sh would (so a build never counts as start-up), with `package`: nothing goes to ~/.m2.
war=platform/app/target/onewindow.war
if [ ! -f "$war" ] || [ ! -f platform/launcher/target/payara-micro.jar ] \
   || [ -n "$(find platform faces-ui tenant-admin modules -path '*/src/*' -newer "$war" -print -quit 2>/dev/null)" ]; then
  log "building (sources are newer than $war)"
  ./mvnw -q -B -o -DskipTests -Dspotless.check.skip=true package
fi
libs=platform/app/target/onewindow/WEB-INF/lib
[ -d "$libs" ] || die "no exploded WAR at $libs (./mvnw -o package -DskipTests)"
# The raw run uses the WAR's own libraries, plus the one API the container provides that Flowable touches on start.
mail_api=$(find "$HOME/.m2/repository/jakarta/mail/jakarta.mail-api" -name 'jakarta.mail-api-*.jar' | sort | tail -1)
[ -n "$mail_api" ] || die "no jakarta.mail-api in ~/.m2 (./mvnw -o dependency:get -Dartifact=jakarta.mail:jakarta.mail-api:2.1.3)"

# A copy of the libraries, so that a build in this worktree meanwhile cannot change them under the raw run.
cp -r "$libs" "$home/lib"
libs=$home/lib

# 1. Start: a fresh home, demo data on.
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
start_product
log "ready after $ready_wall s"

owner_password=$(sed -n 's/^owner\.password=//p' "$home/pgdata.credentials")
app_password=$(sed -n 's/^app\.password=//p' "$home/pgdata.credentials")
[ -n "$owner_password" ] && [ -n "$app_password" ] || die "no passwords in $home/pgdata.credentials"
export PGHOST=127.0.0.1 PGPORT=$db_port PGDATABASE=onewindow
owner_sql() { PGOPTIONS="-c app.scope=370321" PGPASSWORD=$owner_password PGUSER=onewindow_owner psql -XAtq -v ON_ERROR_STOP=1 "$@"; }
token() {
  curl -sf --max-time 30 -d "username=$1" --data-urlencode "password=$ONEWINDOW_DEMO_PASSWORD" \
    "$base/api/v1/auth/token" | sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p'
}
demo_cases=$(owner_sql -c "select count(*) from case_file")

# 2. Intake: 最低生活保障申请 (MZ-0001) with every material, each accepted, at up to four windows at once (华沟村,
# 付庙村, 起凤镇, the county's centre; one client each): a division's audit chain takes one writer at a time, so a
# single window's intakes are serial by design. One first, by hand, to check the answer; its row is the template of
# the generated cases.
windows=(huagou.clerk fumiao.clerk qifeng.clerk county.clerk)
tokens=""
for (( i = 0; i < clients; i++ )); do
  t=$(token "${windows[i % ${#windows[@]}]}")
  [ -n "$t" ] || die "no token for ${windows[i % ${#windows[@]}]}"
  tokens+="${tokens:+,}$t"
done
export BENCH_TOKENS=$tokens
wrk_run() { # connections seconds script url -> the BENCH line
  wrk -t "$(( $1 < 2 ? 1 : 2 ))" -c "$1" -d "${2}s" --timeout 30s -s "$bench/$3" "$4" | grep '^BENCH '
}
intake_run() { wrk -t "$clients" -c "$clients" -d "${1}s" --timeout 30s -s "$bench/intake.lua" "$base/api/v1/cases" | grep '^BENCH '; }
wrk -t 1 -c 1 -d 1s -s "$bench/intake.lua" "$base/api/v1/cases" >/dev/null 2>"$home/intake-first.txt" || true
template=$(owner_sql -c "select id from case_file where tenant_code = '370321106202' and case_number is not null
                         order by created_at desc limit 1")
[ -n "$template" ] || { cat "$home/intake-first.txt" >&2; die "no case accepted by the first intake"; }
first_state=$(owner_sql -c "select state || ' ' || coalesce(process_instance_id, '-') from case_file where id = '$template'")
log "first intake accepted: case $template ($first_state)"
log "intake warm-up, $clients clients, $warmup s"
intake_run "$warmup" >/dev/null
counts() { # accepted cases, of them with a process, audit rows
  owner_sql -c "select (select count(*) from case_file where case_number is not null),
                       (select count(*) from case_file where process_instance_id is not null),
                       (select count(*) from audit_entry)" | tr '|' ' '
}
read -r accepted_before processes_before audit_before < <(counts)
log "intake: $clients clients, $duration s"
intake=$(intake_run "$duration")
read -r accepted_after processes_after audit_after < <(counts)
log "intake: $intake"
intake_cases=$(( accepted_after - accepted_before ))
intake_processes=$(( processes_after - processes_before ))
intake_audit=$(( audit_after - audit_before ))
intake_rate=$(awk -v c="$intake_cases" -v s="$(field "$intake" seconds)" 'BEGIN { printf "%.1f", c / s }')

# 3. The raw Flowable rate: the engine alone on the same database as the application role, the same template.
log "raw Flowable: $clients threads, $duration s each (warm-up, start only, start and complete)"
raw=$(java -cp "$libs/*:$mail_api" "$bench/RawFlowable.java" "jdbc:postgresql://127.0.0.1:$db_port/onewindow" onewindow_app \
  "$app_password" "$template_bpmn" "$clients" "$duration" 2>"$home/raw-flowable.log" | grep '^BENCH ') \
  || { tail -30 "$home/raw-flowable.log" >&2; die "raw Flowable run failed"; }
log "raw Flowable: $raw"
raw_start=$(field "$raw" start_ps) raw_complete=$(field "$raw" complete_ps)

# 4. Progress lookups on the generated cases: 1,000,000 rows (2,000 a day up to yesterday).
base_day=$(date -d "yesterday - $(( rows / 2000 )) days" +%F)
log "generating $rows cases from $base_day (template $template)"
generating=$(now)
generated=$(owner_sql -v rows="$rows" -v base="$base_day" -v code="$code" -v template="$template" \
  -f "$bench/generate.sql" | tail -1)
generate_s=$(since "$generating")
log "generated in $generate_s s: cases|open|tenants = $generated"
export BENCH_ROWS=$rows BENCH_CODE=$code BENCH_BASE_EPOCH=$(date -u -d "$base_day" +%s)
curl -sf --max-time 30 "$base/api/v1/progress/370321-$(date -d "$base_day + 1 day" +%Y%m%d)-000001?code=$code" \
  >"$home/progress.json" || die "the progress lookup of a generated case failed"
log "progress lookup: $(head -c 300 "$home/progress.json")"
for n in 1 1999 2001 $(( rows / 3 )) $(( rows - 1 )) "$rows"; do
  number="370321-$(date -u -d "$base_day + $(( n / 2000 )) days" +%Y%m%d)-$(printf %06d $(( n % 2000 + 1 )))"
  status=$(curl -s -o "$home/progress.json" -w '%{http_code}' --max-time 30 "$base/api/v1/progress/$number?code=$code")
  [ "$status" = 200 ] || { cat "$home/progress.json" >&2; die "progress lookup of case $n ($number): HTTP $status"; }
done
wrk_run "$clients" "$warmup" progress.lua "$base" >/dev/null
progress=$(wrk_run "$clients" "$duration" progress.lua "$base")
log "progress: $progress"
pglog=$home/pgbench-log
mkdir -p "$pglog"
pk=$(cd "$pglog" && PGPASSWORD=$owner_password PGUSER=onewindow_owner pgbench -n -M prepared -c "$clients" \
  -j "$(( clients < 2 ? 1 : 2 ))" -T "$duration" -D rows="$rows" -f "$bench/progress.sql" 2>&1) \
  || { echo "$pk" >&2; die "pgbench failed"; }
pk_tps=$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time).*/\1/p' <<<"$pk")
log "raw primary-key read: $pk_tps tx/s"

# 5. The department queue (GET /api/v1/tasks) as mz.reviewer: its open tasks among the generated cases.
queue_note="no queue (GET /api/v1/tasks answers 404): not measured"
first_page="" search_number="" search_name=""
reviewer_token=$(token mz.reviewer)
[ -n "$reviewer_token" ] || die "no token for mz.reviewer"
export BENCH_TOKEN=$reviewer_token
queue_status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 -H "Authorization: Bearer $reviewer_token" \
  "$base/api/v1/tasks?limit=20")
if [ "$queue_status" != 404 ] && [ "$(owner_sql -c "select to_regclass('work_task') is not null")" = t ]; then
  generated_tasks=$(owner_sql -v rows="$rows" -f "$bench/tasks.sql" | tail -1)
  log "tasks|open|open at MZ = $generated_tasks"
  number=$(owner_sql -c "select case_number from work_task where id = 'bench-$(( rows - 7 ))'")
  name=$(owner_sql -c "select left(applicant_name, 1) || substr(applicant_name, 2, 1) from work_task
                       where id = 'bench-$(( rows - 7 ))'")
  enc_name=$(printf %s "$name" | od -An -tx1 | tr -d ' \n' | sed 's/../%&/g')
  for probe in "limit=20" "q=$number&limit=20" "q=$enc_name&limit=20"; do
    curl -sf --max-time 30 -H "Authorization: Bearer $reviewer_token" "$base/api/v1/tasks?$probe" >"$home/queue.json" \
      || die "GET /api/v1/tasks?$probe failed"
    log "GET /api/v1/tasks?$probe: $(grep -o '"caseNumber"' "$home/queue.json" | wc -l) rows"
  done
  queue() { BENCH_PATH="/api/v1/tasks?$1" wrk_run "$clients" "$2" get.lua "$base"; }
  queue "limit=20" "$warmup" >/dev/null
  first_page=$(queue "limit=20" "$duration")
  search_number=$(queue "q=$number&limit=20" "$duration")
  search_name=$(queue "q=$enc_name&limit=20" "$duration")
  queue_note="GET /api/v1/tasks as mz.reviewer; search by $number and by the name prefix $name"
  PGPASSWORD=$app_password PGUSER=onewindow_app psql -XAq >"$results/explain.txt" <<SQL
begin;
select set_config('app.scope', '370321000000', true) \g /dev/null
explain (analyze, buffers) select * from work_task where tenant_code = '370321000000' and state <> 'DONE'
  and ((kind = 'REVIEW' and true and (department_code is null or position(',' || department_code || ',' in ',MZ,') > 0))
       or (kind <> 'REVIEW' and false)) order by promised_due_date, id limit 21;
explain (analyze, buffers) select * from work_task where tenant_code = '370321000000' and state <> 'DONE'
  and ((kind = 'REVIEW' and true and (department_code is null or position(',' || department_code || ',' in ',MZ,') > 0))
       or (kind <> 'REVIEW' and false)) and (case_number = '$number' or applicant_name like '$name%')
  order by promised_due_date, id limit 21;
rollback;
SQL
  log "query plans in $results/explain.txt"
fi

# 6. The table.
ms() { awk -v v="$1" 'BEGIN { if (v == "") print "-"; else printf "%.2f", v }'; }
verdict() { awk -v v="$1" -v t="$3" -v op="$2" 'BEGIN { if (v == "") { print "-"; exit } ok = (op == "<") ? (v < t) : (v >= t); print ok ? "PASS" : "MISS" }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }'; }
intake_ratio=$(ratio "$intake_rate" "$raw_complete")
table=$(
  printf 'OneWindow casework benchmark  %s  (commit %s%s)\n' "$(date -u '+%Y-%m-%d %H:%M UTC')" \
    "$(git rev-parse --short HEAD 2>/dev/null || echo '?')" "$(git diff --quiet HEAD 2>/dev/null || echo ', dirty tree')"
  printf '%s cores; load average at start %s, at the end %s (uptime: %s)\n' "$(nproc)" "$load_start" \
    "$(cut -d' ' -f1-3 /proc/loadavg)" "$(uptime | sed 's/^ *//')"
  printf '%s concurrent clients, %s s per measurement after %s s warm-up; ready after %s s with %s demo cases\n' \
    "$clients" "$duration" "$warmup" "$ready_wall" "$demo_cases"
  printf 'intake: POST /api/v1/cases at %s window(s) (%s), MZ-0001 complete -> %s accepted, %s processes started, %s audit rows\n' \
    "$(( clients < ${#windows[@]} ? clients : ${#windows[@]} ))" "${windows[*]:0:clients}" "$intake_cases" "$intake_processes" "$intake_audit"
  printf 'data: %s generated cases (%s), made in %s s\n\n' "$rows" "$generated" "$generate_s"
  printf '%-46s %18s %10s  %s\n' "measure" "value" "target" "verdict"
  printf '%-46s %18s %10s  %s\n' "intake, accepted cases/s" "$intake_rate" ">= $intake_target" "$(verdict "$intake_rate" ">=" "$intake_target")"
  printf '%-46s %18s %10s\n' "intake p50 / p99 (ms), errors" "$(ms "$(field "$intake" p50_ms)") / $(ms "$(field "$intake" p99_ms)"), $(field "$intake" errors)" ""
  printf '%-46s %18s %10s\n' "raw Flowable start-and-complete /s" "$raw_complete" ""
  printf '%-46s %18s %10s\n' "raw Flowable start only /s" "$raw_start" ""
  printf '%-46s %18s %10s  %s\n' "ratio intake / raw start-and-complete" "$intake_ratio" ">= $intake_ratio_target" "$(verdict "$intake_ratio" ">=" "$intake_ratio_target")"
  printf '%-46s %18s %10s\n' "ratio intake / raw start only" "$(ratio "$intake_rate" "$raw_start")" ""
  printf '%-46s %18s %10s  %s\n' "queue first page p99 (ms)" "$(ms "$(field "$first_page" p99_ms)")" "< $first_page_target" "$(verdict "$(field "$first_page" p99_ms)" "<" "$first_page_target")"
  printf '%-46s %18s %10s\n' "queue first page p50 (ms), req/s" "$(ms "$(field "$first_page" p50_ms)"), $(field "$first_page" rps)" ""
  printf '%-46s %18s %10s  %s\n' "queue search by case number p99 (ms)" "$(ms "$(field "$search_number" p99_ms)")" "< $search_target" "$(verdict "$(field "$search_number" p99_ms)" "<" "$search_target")"
  printf '%-46s %18s %10s  %s\n' "queue search by applicant name p99 (ms)" "$(ms "$(field "$search_name" p99_ms)")" "< $search_target" "$(verdict "$(field "$search_name" p99_ms)" "<" "$search_target")"
  printf '%-46s %18s %10s\n' "queue errors (page / number / name)" "$(field "$first_page" errors) / $(field "$search_number" errors) / $(field "$search_name" errors)" ""
  printf '%-46s %18s %10s\n' "progress lookups/s" "$(field "$progress" rps)" ""
  printf '%-46s %18s %10s\n' "progress p50 / p99 (ms), errors" "$(ms "$(field "$progress" p50_ms)") / $(ms "$(field "$progress" p99_ms)"), $(field "$progress" errors)" ""
  printf '%-46s %18s %10s\n' "raw primary-key reads/s" "$pk_tps" ""
  printf '%-46s %18s %10s\n' "ratio progress / raw read" "$(ratio "$(field "$progress" rps)" "$pk_tps")" ""
  printf '\nqueue: %s\n' "$queue_note"
)
echo "$table" | tee "$results/latest.txt"
completed=1
if grep -q MISS <<<"$table"; then exit 2; fi
