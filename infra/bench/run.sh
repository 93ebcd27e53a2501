#!/usr/bin/env bash
# OneWindow benchmark: cold start, memory, REST throughput against the raw database rate of the same SQL.
#
#   infra/bench/run.sh
#
# Starts a private instance through infra/run.sh (fresh ONEWINDOW_HOME under /tmp, HTTP 18080,
# embedded PostgreSQL 54339), measures it, prints a table (also written to infra/bench/results/latest.txt)
# and stops everything it started, also on failure or Ctrl-C. See infra/bench/README.md.
#
# Settings (environment): BENCH_HTTP_PORT (18080), BENCH_DB_PORT (54339), BENCH_CONNECTIONS (4),
# BENCH_DURATION (20 s per measurement), BENCH_WARMUP (60 s), BENCH_PIN (0: no pinning; 1: after
# start-up, Payara and PostgreSQL on core BENCH_SERVER_CPU=1, wrk and pgbench on core BENCH_LOAD_CPU=0),
# BENCH_KEEP_HOME (0: delete the home at the end; it is always kept when the run fails).
# Exit status: 0 all targets met, 2 a target missed, 1 (or 130/143) the run failed or was interrupted.
set -euo pipefail

bench=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$bench/../.." && pwd)
cd "$repo"
source infra/java.sh # the JDK infra/run.sh will use: JAVA_HOME, PATH

http_port=${BENCH_HTTP_PORT:-18080}
db_port=${BENCH_DB_PORT:-54339}
connections=${BENCH_CONNECTIONS:-4}
duration=${BENCH_DURATION:-20}
warmup=${BENCH_WARMUP:-60}
pin=${BENCH_PIN:-0}
server_cpu=${BENCH_SERVER_CPU:-1}
load_cpu=${BENCH_LOAD_CPU:-0}
county=370321000000
scope=370321
path="/api/v1/tenants/$county/children"
base="http://127.0.0.1:$http_port"
results="$bench/results"

# Targets.
ready_target=25      # seconds, wall clock from start to /health/ready = 200
rss_target=700       # MiB, resident memory of the Payara Micro JVM after warm-up
ratio_target=0.3     # REST requests/s divided by raw database transactions/s
live_ratio_target=0.5 # REST requests/s divided by Payara's own /health/live requests/s (the container's ceiling)

log() { printf '[bench %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
source "$repo/infra/bench/lib.sh"

for tool in curl wrk pgbench psql taskset ss awk; do
  command -v "$tool" >/dev/null || die "$tool is missing (apt-get install -y wrk postgresql-client util-linux iproute2 curl)"
done
cores=$(nproc)
if [ "$pin" = 1 ] && { [ "$server_cpu" -ge "$cores" ] || [ "$load_cpu" -ge "$cores" ]; }; then
  log "only $cores core(s): not pinning"; pin=0
fi
load() { if [ "$pin" = 1 ]; then taskset -c "$load_cpu" "$@"; else "$@"; fi; }
port_busy "$http_port" && die "port $http_port is in use (BENCH_HTTP_PORT)"
port_busy "$db_port" && die "port $db_port is in use (BENCH_DB_PORT)"

home=$(mktemp -d /tmp/onewindow-bench.XXXXXX)
mkdir -p "$results"
stop_on_exit


build_if_needed

# 1. Cold start: a fresh home, so the embedded PostgreSQL is created, migrated and given demo data.
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
start_product
for _ in $(seq 50); do grep -q 'is ready after' "$home/launcher.log" && break; sleep 0.1; done
ready_launcher=$(sed -n 's/.*is ready after \([0-9.]*\) s.*/\1/p' "$home/launcher.log" | head -1)
ready_launcher=${ready_launcher:-?}
log "ready after $ready_wall s (launcher: $ready_launcher s)"

# BENCH_PIN=1: server side (Payara and PostgreSQL) on one core, wrk and pgbench on the other, after
# start-up (which uses both cores, as a user's start would). New PostgreSQL backends inherit the
# postmaster's affinity, new Payara threads the JVM's. Off by default: on 2 cores it leaves Payara and
# PostgreSQL one core between them, which halves both rates without changing their ratio (README.md).
if [ "$pin" = 1 ]; then
  taskset -a -p -c "$server_cpu" "$payara_pid" >/dev/null
  for pid in "$postgres_pid" $(pgrep -P "$postgres_pid"); do taskset -a -p -c "$server_cpu" "$pid" >/dev/null || true; done
  log "pinned Payara ($payara_pid) and PostgreSQL ($postgres_pid) to core $server_cpu, load generators to core $load_cpu"
fi

# 2. A token for county.admin and a check that the request answers what the SQL answers.
token=$(curl -sf --max-time 30 -d username=county.admin --data-urlencode "password=$ONEWINDOW_DEMO_PASSWORD" \
  "$base/api/v1/auth/token" | sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p')
[ -n "$token" ] || die "no token for county.admin"
body=$(curl -sf --max-time 30 -H "Authorization: Bearer $token" "$base$path") || die "GET $path failed"
rest_rows=$(grep -o '"code"' <<<"$body" | wc -l)

app_password=$(sed -n 's/^app\.password=//p' "$home/pgdata.credentials")
[ -n "$app_password" ] || die "no app.password in $home/pgdata.credentials"
export PGPASSWORD=$app_password PGHOST=127.0.0.1 PGPORT=$db_port PGUSER=onewindow_app PGDATABASE=onewindow
sql_rows=$(psql -XAtq -v ON_ERROR_STOP=1 <<SQL | tail -1
begin;
select set_config('app.scope', '$scope', true) \g /dev/null
select count(*) from tenant where parent_code = '$county';
commit;
SQL
)
log "GET $path returns $rest_rows divisions; the SQL as onewindow_app returns $sql_rows"
[ "$rest_rows" = "$sql_rows" ] || die "REST and SQL disagree ($rest_rows vs $sql_rows rows)"
[ "$rest_rows" -gt 0 ] || die "no children under $county: nothing to measure"

# Transactions committed or rolled back in the database (PostgreSQL publishes a backend's counts within
# about a second of it going idle, hence the pauses); the counting query itself is one more.
commits() { sleep 1.5; psql -XAtq -c "select xact_commit + xact_rollback from pg_stat_database where datname = current_database()"; }

export BENCH_TOKEN=$token
wrk_run() { # seconds [url] -> prints the BENCH line
  load wrk -t "$(( connections < 2 ? 1 : 2 ))" -c "$connections" -d "${1}s" --timeout 10s \
    -s "$bench/children.lua" "${2:-$base$path}" | grep '^BENCH '
}
field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<" $1"; }

# CPU used by others while we measure, in cores: the machine's busy time minus that of the launcher,
# Payara, PostgreSQL (with its exited backends, via the postmaster's children times) and of this
# script's finished children (wrk, pgbench; bash's `times`). Concurrent builds skew every figure.
hz=$(getconf CLK_TCK)
cpu_mark() { # VAR: sets VAR to "seconds busy_jiffies our_jiffies" (not in $(...): `times` must see our children)
  local busy ours kids
  busy=$(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9; exit }' /proc/stat)
  ours=$(for pid in "$launcher_pid" "$payara_pid" "$postgres_pid" $(pgrep -P "$postgres_pid"); do
           sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null || true
         done | awk '{ s += $12 + $13 + $14 + $15 } END { print s + 0 }')
  times >"$home/times.txt"
  kids=$(tail -1 "$home/times.txt" | awk -v hz="$hz" '{ for (i = 1; i <= 2; i++) { split($i, a, "m"); sub("s", "", a[2]); t += a[1] * 60 + a[2] } print int(t * hz) }')
  printf -v "$1" '%s %s %s' "$(date +%s.%N)" "$busy" "$(( ours + kids ))"
}
others_cores() { # mark_before mark_after
  awk -v hz="$hz" -v a="$1" -v b="$2" 'BEGIN { split(a, x, " "); split(b, y, " ");
    o = ((y[2] - x[2]) - (y[3] - x[3])) / hz / (y[1] - x[1]); printf "%.2f", (o < 0) ? 0 : o }'
}

# 3. Warm-up (JIT, pools, caches), then memory. The REST rate climbs for about 50 s after start-up.
log "warming up for $warmup s"
wrk_run "$warmup" >/dev/null
rss_mib=$(awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$payara_pid/status")
launcher_rss_mib=$(awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$launcher_pid/status")
log "Payara Micro RSS after warm-up: $rss_mib MiB (launcher JVM: $launcher_rss_mib MiB)"

# 4. REST throughput and latency. Other work on the machine skews everything: note the load average.
load_rest=$(cut -d' ' -f1-3 /proc/loadavg)
log "REST: GET $path, $connections connections, $duration s"
before=$(commits)
cpu_mark mark
rest=$(wrk_run "$duration")
cpu_mark mark_after
rest_others=$(others_cores "$mark" "$mark_after")
after=$(commits)
rest_rps=$(field "$rest" rps) rest_p50=$(field "$rest" p50_ms) rest_p99=$(field "$rest" p99_ms)
rest_requests=$(field "$rest" requests)
rest_errors=$(( $(field "$rest" errors_connect) + $(field "$rest" errors_read) + $(field "$rest" errors_write) \
  + $(field "$rest" errors_timeout) + $(field "$rest" errors_status) ))
tx_per_request=$(awk -v t=$(( after - before - 1 )) -v r="$rest_requests" 'BEGIN { printf "%.2f", (r > 0) ? t / r : 0 }')
rss_after_mib=$(awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$payara_pid/status")
log "REST: $rest"

# 5. The same SQL straight to PostgreSQL, same concurrency.
log "raw PostgreSQL: pgbench, $connections clients, $duration s"
pglog=$home/pgbench-log
mkdir -p "$pglog"
cpu_mark mark
pgbench_out=$(cd "$pglog" && load pgbench -n -M prepared -c "$connections" -j "$(( connections < 2 ? 1 : 2 ))" \
  -T "$duration" -D scope="$scope" -D parent="$county" -f "$bench/children.sql" -l 2>&1) \
  || { echo "$pgbench_out" >&2; die "pgbench failed"; }
cpu_mark mark_after
db_others=$(others_cores "$mark" "$mark_after")
db_tps=$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time).*/\1/p' <<<"$pgbench_out")
db_tps=$(awk -v t="$db_tps" 'BEGIN { if (t != "") printf "%.1f", t }')
db_failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' <<<"$pgbench_out")
# Per-transaction log: client, transaction, latency in microseconds, ...
read -r db_p50 db_p99 < <(cat "$pglog"/pgbench_log.* | awk '{ print $3 }' | sort -n \
  | awk '{ v[NR] = $1 } END { i50 = int(NR * 0.50); i99 = int(NR * 0.99); if (i50 < 1) i50 = 1; if (i99 < 1) i99 = 1;
                             printf "%.3f %.3f\n", v[i50] / 1000, v[i99] / 1000 }')
[ -n "$db_tps" ] || { echo "$pgbench_out" >&2; die "could not read pgbench's tps"; }
log "raw PostgreSQL: $db_tps tx/s, p50 $db_p50 ms, p99 $db_p99 ms"

# 5b. The container's ceiling: Payara's own /health/live (no security, no CDI bean of ours, no database),
# same connections and duration: what is left of it once a request does real work.
log "ceiling: GET /health/live, $connections connections, $duration s"
live=$(wrk_run "$duration" "$base/health/live")
live_rps=$(field "$live" rps) live_p50=$(field "$live" p50_ms) live_p99=$(field "$live" p99_ms)
log "ceiling: $live"

# 6. Server log: anything at WARNING or worse, the distinct messages in results/warnings.txt.
problems=$(grep -cE '(SEVERE|WARNING|ERROR)' "$home/server.log" || true)
sed 's/\x1b\[[0-9;]*m//g' "$home/server.log" | grep -E '(SEVERE|WARNING|ERROR)' -A1 \
  | sed -E 's/^\[[^]]*\] \[\] //; s/\[tid: [^]]*\] \[timeMillis: [0-9]*\] \[levelValue: [0-9]*\] //' \
  | grep -v '^--$' | cut -c1-220 | awk '!seen[$0]++' >"$results/warnings.txt" || true

# 7. The table.
ms() { awk -v v="$1" 'BEGIN { printf "%.2f", v }'; }
verdict() { awk -v v="$1" -v t="$3" -v op="$2" 'BEGIN { ok = (op == "<") ? (v < t) : (v >= t); print ok ? "PASS" : "MISS" }'; }
ratio=$(awk -v a="$rest_rps" -v b="$db_tps" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }')
live_ratio=$(awk -v a="$rest_rps" -v b="$live_rps" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }')
pinning=$([ "$pin" = 1 ] && echo "server on core $server_cpu, load on core $load_cpu" || echo "none")
table=$(
  printf 'OneWindow benchmark  %s  (commit %s%s)\n' "$(date -u '+%Y-%m-%d %H:%M UTC')" \
    "$(git rev-parse --short HEAD 2>/dev/null || echo '?')" "$(git diff --quiet HEAD 2>/dev/null || echo ', dirty tree')"
  printf '%s cores, %s; %s connections, %s s each after %s s warm-up; pinning: %s\n' \
    "$cores" "$("$JAVA_HOME/bin/java" -version 2>&1 | head -1 || true)" "$connections" "$duration" "$warmup" "$pinning"
  printf 'load average before start: %s, before the REST run: %s\n' "$load_before" "$load_rest"
  printf 'GET %s as county.admin -> %s divisions\n\n' "$path" "$rest_rows"
  printf '%-34s %12s %10s  %s\n' "measure" "value" "target" "verdict"
  printf '%-34s %12s %10s  %s\n' "ready, wall clock (s)" "$ready_wall" "< $ready_target" "$(verdict "$ready_wall" "<" "$ready_target")"
  printf '%-34s %12s %10s\n' "ready, launcher's figure (s)" "$ready_launcher" ""
  printf '%-34s %12s %10s  %s\n' "Payara RSS after warm-up (MiB)" "$rss_mib" "< $rss_target" "$(verdict "$rss_mib" "<" "$rss_target")"
  printf '%-34s %12s %10s\n' "Payara RSS after the REST run (MiB)" "$rss_after_mib" ""
  printf '%-34s %12s %10s\n' "launcher JVM RSS (MiB)" "$launcher_rss_mib" ""
  printf '%-34s %12s %10s\n' "REST requests/s" "$rest_rps" ""
  printf '%-34s %12s %10s\n' "REST p50 / p99 (ms)" "$(ms "$rest_p50") / $(ms "$rest_p99")" ""
  printf '%-34s %12s %10s\n' "REST errors (non-2xx, socket)" "$rest_errors" ""
  printf '%-34s %12s %10s\n' "DB transactions per REST request" "$tx_per_request" ""
  printf '%-34s %12s %10s\n' "raw DB transactions/s" "$db_tps" ""
  printf '%-34s %12s %10s\n' "raw DB p50 / p99 (ms)" "$(ms "$db_p50") / $(ms "$db_p99")" ""
  printf '%-34s %12s %10s\n' "raw DB failed transactions" "${db_failed:-0}" ""
  printf '%-34s %12s %10s  %s\n' "ratio REST / raw DB" "$ratio" ">= $ratio_target" "$(verdict "$ratio" ">=" "$ratio_target")"
  printf '%-34s %12s %10s\n' "/health/live requests/s (ceiling)" "$live_rps" ""
  printf '%-34s %12s %10s\n' "/health/live p50 / p99 (ms)" "$(ms "$live_p50") / $(ms "$live_p99")" ""
  printf '%-34s %12s %10s  %s\n' "ratio REST / /health/live" "$live_ratio" ">= $live_ratio_target" "$(verdict "$live_ratio" ">=" "$live_ratio_target")"
  printf '%-34s %12s %10s\n' "server.log lines WARNING+ (*)" "$problems" ""
  printf '%-34s %12s %10s\n' "CPU used by others, REST / DB run" "$rest_others / $db_others" "of $cores"
  printf '\n(*) distinct messages: infra/bench/results/warnings.txt; logs: results/server.log, launcher.log\n'
)
echo "$table" | tee "$results/latest.txt"
[ "$rest_errors" = 0 ] || log "the REST run had $rest_errors errors: see $results/server.log"
completed=1
if grep -q MISS <<<"$table"; then exit 2; fi
