# Shared by the benchmarks in infra/bench: small process helpers and the clean-up that stops, by process id,
# what a benchmark started. Source it after defining `log`; call stop_on_exit once `home` and `results` are set.
# The caller sets launcher_pid, payara_pid, postgres_pid as it learns them, and completed=1 at the end.

die() { log "FAILED: $*"; exit 1; }
alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }
runs() { alive "$1" && tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -q -- "$2"; } # pid still runs that program
port_busy() { ss -Htln "sport = :$1" | grep -q .; }

launcher_pid="" payara_pid="" postgres_pid="" completed=0

# Stops what this script started, by process id: the launcher (its shutdown hook stops Payara and
# PostgreSQL), then whatever is left of those two.
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  set +e
  [ -z "$payara_pid" ] && alive "$launcher_pid" && payara_pid=$(pgrep -P "$launcher_pid" -f payara-micro.jar | head -1)
  if alive "$launcher_pid"; then
    log "stopping the launcher ($launcher_pid)"
    kill -TERM "$launcher_pid"
    for _ in $(seq 60); do alive "$launcher_pid" || break; sleep 0.5; done
    alive "$launcher_pid" && kill -KILL "$launcher_pid"
  fi
  if runs "$payara_pid" payara-micro.jar; then
    log "stopping Payara Micro ($payara_pid)"
    kill -TERM "$payara_pid"
    for _ in $(seq 20); do alive "$payara_pid" || break; sleep 0.5; done
    alive "$payara_pid" && kill -KILL "$payara_pid"
  fi
  [ -z "$postgres_pid" ] && [ -f "$home/pgdata/postmaster.pid" ] && postgres_pid=$(head -1 "$home/pgdata/postmaster.pid")
  if runs "$postgres_pid" postgres; then
    log "stopping PostgreSQL ($postgres_pid)"
    kill -INT "$postgres_pid" # fast shutdown
    for _ in $(seq 20); do alive "$postgres_pid" || break; sleep 0.5; done
    alive "$postgres_pid" && kill -QUIT "$postgres_pid"
  fi
  for file in server.log launcher.log; do
    [ -f "$home/$file" ] && cp "$home/$file" "$results/$file"
  done
  if [ "${BENCH_KEEP_HOME:-0}" = 1 ] || [ "$completed" = 0 ]; then
    log "kept $home"
  else
    rm -rf "$home"
  fi
  exit "$status"
}

# Call once `home` and `results` are set.
stop_on_exit() {
  trap cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}

# Builds first if infra/run.sh would (the same test), so that a build never counts as start-up time.
build_if_needed() {
  local war=platform/app/target/onewindow.war
  if [ ! -f "$war" ] || [ ! -f platform/launcher/target/payara-micro.jar ] \
     || [ -n "$(find platform faces-ui tenant-admin modules -path '*/src/*' -newer "$war" -print -quit 2>/dev/null)" ]; then
    log "building (sources are newer than $war)"
    ./mvnw -q -B -DskipTests -Dspotless.check.skip=true install
  fi
}

# Starts a private instance through infra/run.sh in $home on $http_port/$db_port with demo data, waits until
# $base/health/ready answers 200 (240 s at most) and sets launcher_pid, payara_pid, postgres_pid and
# ready_wall (seconds from start to ready, wall clock).
start_product() {
  export ONEWINDOW_HOME=$home ONEWINDOW_PORT=$http_port ONEWINDOW_EMBEDDED_DB_PORT=$db_port
  export ONEWINDOW_DEMO=true ONEWINDOW_DEMO_PASSWORD=${BENCH_DEMO_PASSWORD:-bench-Demo-2024}
  unset ONEWINDOW_DB_URL
  log "starting OneWindow (home $home, HTTP $http_port, PostgreSQL $db_port)"
  local started
  started=$(date +%s.%N)
  ./infra/run.sh >"$home/launcher.log" 2>&1 &
  launcher_pid=$! # run.sh execs the launcher JVM, so this is its process id
  until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$base/health/ready" || true)" = 200 ]; do
    alive "$launcher_pid" || { tail -40 "$home/launcher.log" >&2; die "the launcher exited before ready"; }
    [ "$(awk -v s="$started" -v n="$(date +%s.%N)" 'BEGIN { print (n - s > 240) }')" = 1 ] && die "not ready after 240 s"
    sleep 0.1
  done
  ready_wall=$(awk -v s="$started" -v n="$(date +%s.%N)" 'BEGIN { printf "%.1f", n - s }')
  payara_pid=$(pgrep -P "$launcher_pid" -f payara-micro.jar | head -1)
  postgres_pid=$(head -1 "$home/pgdata/postmaster.pid")
  alive "$payara_pid" || die "no Payara Micro process below the launcher ($launcher_pid)"
  alive "$postgres_pid" || die "no PostgreSQL process (postmaster.pid)"
}
