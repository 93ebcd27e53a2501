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
