#!/usr/bin/env bash
# Recomputes the audit hash chains the given account may see and prints the first broken link of
# each broken chain. Usage: infra/audit-verify.sh USERNAME [BASE_URL]   (exit 0 intact, 2 broken)
set -euo pipefail
user=${1:?usage: infra/audit-verify.sh USERNAME [BASE_URL]}
base=${2:-http://localhost:${ONEWINDOW_PORT:-8080}}
read -r -s -p "Password for $user: " password; echo
token=$(curl -sf --data-urlencode "username=$user" --data-urlencode "password=$password" "$base/api/v1/auth/token" \
  | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
[ -n "$token" ] || { echo "Login refused." >&2; exit 1; }
result=$(curl -sf -X POST -H "Authorization: Bearer $token" -H "Accept-Language: ${LANG%%.*}" "$base/api/v1/audit/verification")
echo "$result"
case "$result" in *'"intact":true'*) exit 0 ;; *) exit 2 ;; esac
