#!/usr/bin/env bash
# Proves the README's start command the way a newcomer meets it: ./infra/run.sh with an empty temp folder
# (java.io.tmpdir) and an empty ONEWINDOW_HOME, so PostgreSQL's binaries are unpacked and the database,
# its roles and the demo data are made from nothing. Then it logs in through the staff login page, opens the
# start page and the public catalog, lints the OpenAPI document with an independent validator (Redocly CLI, its minimal rules,
# warnings counted as failures), stops the product and checks that nothing of it is left running.
# Run by .ci/run; by hand: ./infra/first-start.sh (ONEWINDOW_PORT, default 18090, moves it).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"

work=$(mktemp -d)
port=${ONEWINDOW_PORT:-18090}
base="http://localhost:$port"
mkdir -p "$work/tmp"
log="$work/run.log"
pid=""

say() { printf '[first start] %s\n' "$*"; }
fail() {
  say "FAILED: $*"
  [ -f "$log" ] && { say "last lines of the start command's output:"; tail -n 40 "$log"; }
  [ -f "$work/home/server.log" ] && { say "last lines of the server log:"; tail -n 40 "$work/home/server.log"; }
  exit 1
}
stop() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
}
trap 'stop; rm -rf "$work"' EXIT

say "starting ./infra/run.sh with java.io.tmpdir=$work/tmp and ONEWINDOW_HOME=$work/home on port $port"
started=$(date +%s)
ONEWINDOW_HOME="$work/home" ONEWINDOW_PORT=$port ONEWINDOW_EMBEDDED_DB_PORT=$((port + 40000)) \
  JAVA_TOOL_OPTIONS="-Djava.io.tmpdir=$work/tmp" setsid ./infra/run.sh >"$log" 2>&1 &
pid=$!

until grep -q "一窗通办 is ready" "$log"; do
  kill -0 "$pid" 2>/dev/null || fail "the start command ended before the product was ready"
  [ $(($(date +%s) - started)) -lt 900 ] || fail "not ready after 15 minutes"
  sleep 2
done
say "ready after $(($(date +%s) - started)) s (build included when it was needed)"
grep -q "Removing half-unpacked\|OutOfMemoryError\|FileAlreadyExists" "$log" && fail "the first start met a broken unpack"

password=$(sed -n 's/^with the password: //p' "$log" | head -n 1)
[ -n "$password" ] || fail "the start command printed no demo password"

# Log in as a clerk through the staff login page, as a person would.
jar="$work/cookies"
curl -sS -c "$jar" -b "$jar" "$base/login.xhtml" >"$work/login.html"
state=$(grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' "$work/login.html" | head -n 1 | sed 's/.*value="//; s/"$//')
[ -n "$state" ] || fail "the login page has no form"
curl -sS -c "$jar" -b "$jar" -L -o "$work/home.html" \
  --data-urlencode "login=login" --data-urlencode "login:username=huagou.clerk" \
  --data-urlencode "login:password=$password" --data-urlencode "login:submit=" \
  --data-urlencode "jakarta.faces.ViewState=$state" "$base/login.xhtml"
grep -q "华沟村" "$work/home.html" || fail "logging in as huagou.clerk did not reach the staff home page"
say "logged in as huagou.clerk through the login page"

# The same account gets a token for the REST API.
curl -sS -o "$work/token.json" -d "username=huagou.clerk" --data-urlencode "password=$password" "$base/api/v1/auth/token"
grep -q '"access_token"' "$work/token.json" || fail "no token: $(cat "$work/token.json")"

# The start page, as a visitor opens the address: citizens' search and lookup, and the way to the staff login.
status=$(curl -sS -o "$work/start.html" -w '%{http_code}' "$base/")
[ "$status" = 200 ] && grep -q 'id="staff-login"' "$work/start.html" && grep -q 'action="/progress.xhtml"' "$work/start.html" \
  || fail "the start page answered $status without the staff login link or the progress lookup"
say "the start page answers"

# The public catalog, as a visitor opens it.
status=$(curl -sS -o "$work/catalog.html" -w '%{http_code}' "$base/catalog/index.xhtml")
[ "$status" = 200 ] && grep -q "办事指南" "$work/catalog.html" || fail "the public catalog answered $status"
say "the public catalog answers"

# The OpenAPI document, checked by an independent validator with its minimal rules. Only the warning that
# the server is on localhost is expected here (it is this throwaway start's own address).
curl -sS -o "$work/openapi.yaml" "$base/openapi"
tools="$repo/infra/.tools/redocly"
if [ ! -x "$tools/node_modules/.bin/redocly" ]; then
  command -v npm >/dev/null || fail "npm is needed to lint the OpenAPI document"
  mkdir -p "$tools"
  npm install --prefix "$tools" --no-fund --no-audit --loglevel=error @redocly/cli@2.77.0 >/dev/null
fi
lint=$(cd "$work" && REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true \
  "$tools/node_modules/.bin/redocly" lint --extends=minimal --format=stylish openapi.yaml 2>&1) || true
problems=$(printf '%s\n' "$lint" | grep -E '^\s+[0-9]+:[0-9]+\s+(error|warning)' | grep -v 'no-server-example.com' || true)
[ -z "$problems" ] || { printf '%s\n' "$problems"; fail "the OpenAPI document has problems"; }
printf '%s\n' "$lint" | grep -qE 'validated in' || { printf '%s\n' "$lint"; fail "the OpenAPI linter did not run"; }
say "the OpenAPI document passes Redocly's minimal rules"

stop
for p in $port $((port + 40000)); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then fail "port $p still answers after the stop"; fi
done
say "stopped cleanly"
