#!/usr/bin/env bash
# Starts OneWindow with demo data at http://localhost:8080/ (ONEWINDOW_PORT to change).
# Without ONEWINDOW_DB_URL it runs an embedded PostgreSQL whose data stays in $ONEWINDOW_HOME
# (default: .onewindow in the repository). With ONEWINDOW_DB_URL, _USER, _PASSWORD (the application
# role) and ONEWINDOW_DB_OWNER_USER, _OWNER_PASSWORD (the role that owns the schema) it uses that one.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
source infra/java.sh

war=platform/app/target/onewindow.war
launcher=platform/launcher/target
if [ ! -f "$war" ] || [ ! -f "$launcher/payara-micro.jar" ] || [ -n "$(find platform faces-ui tenant-admin modules -path '*/src/*' -newer "$war" -print -quit 2>/dev/null)" ]; then
  echo "Building OneWindow (first run, or sources changed) …"
  ./mvnw -q -B -DskipTests -Dspotless.check.skip=true install
fi

export ONEWINDOW_HOME=${ONEWINDOW_HOME:-$repo/.onewindow}
# The launcher only supervises, so the quick JIT keeps it light beside Payara; its heap must still hold
# PostgreSQL's binaries while the embedding library unpacks them on a first start (about 130 MB at the peak).
exec "$JAVA_HOME/bin/java" -Xmx192m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$launcher/onewindow-launcher-0.1.0-SNAPSHOT.jar:$launcher/lib/*" \
  org.onewindow.launcher.Launcher --war "$war" --payara "$launcher/payara-micro.jar"
