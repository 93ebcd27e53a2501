#!/usr/bin/env bash
# Runs every test: unit tests, integration tests on Payara Micro with an embedded PostgreSQL, and
# browser tests in headless Chromium. Installs Chromium, chromedriver and CJK fonts (for screenshots and printed documents) from Debian's
# packages when they are missing. Extra arguments go to Maven (e.g. -Dit.test=ApiIT).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
source infra/java.sh

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
[ -d /usr/share/fonts/opentype/noto ] || missing+=(fonts-noto-cjk)
# The build embeds HanaMin (CJK Extension B in printed documents) from this package when it is installed.
[ -d /usr/share/fonts/truetype/hanazono ] || missing+=(fonts-hanazono)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} for the browser tests …"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

exec ./mvnw -B verify "$@"
