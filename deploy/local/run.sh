#!/usr/bin/env bash
# Runs the whole suite locally: an in-process Kafka broker, a database per service on the local PostgreSQL,
# and the four services on ports 8081-8084. Builds what is missing first.
#   deploy/local/run.sh            start the stack
#   deploy/local/run.sh --demo     start it and load a demonstration programme
#   deploy/local/run.sh --rebuild  rebuild the services before starting
# Ctrl-C stops everything.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"

args=()
rebuild=false
for arg in "$@"; do
  if [ "$arg" = "--rebuild" ]; then rebuild=true; else args+=("$arg"); fi
done

missing=false
for jar in registry-service demand-service matching-service notification-service; do
  [ -f "$jar/target/quarkus-app/quarkus-run.jar" ] || missing=true
done
[ -f deploy/local/target/rongtong-local.jar ] || missing=true

if $missing || $rebuild; then
  echo "Building the services (./mvnw -DskipTests package) …"
  ./mvnw -q -B -DskipTests package
fi

exec java -Drongtong.root="$root" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -jar deploy/local/target/rongtong-local.jar ${args[@]+"${args[@]}"}
