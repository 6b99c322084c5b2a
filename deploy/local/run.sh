#!/usr/bin/env bash
# Runs the whole suite locally: an in-process Kafka broker, a database per service on the local PostgreSQL (or, when
# none answers on 127.0.0.1:5432 and PGHOST/PGPORT name none, a bundled PostgreSQL from Maven Central with its data in
# .local-stack/postgres: Java alone is enough), and the four services on ports 8081-8084. Builds what is missing first.
#   deploy/local/run.sh            start the stack (databases and topics are kept between runs)
#   deploy/local/run.sh --demo     start it and load the demonstration programme (Qingdao, 2022-06-27, and more)
#   deploy/local/run.sh --fresh    drop the stack's databases and topics first and start clean
#   deploy/local/run.sh --rebuild  rebuild the services before starting
#   -Dname=value                   a system property for the launcher (e.g. -Drongtong.postgres.default-port=5999)
# Ctrl-C stops everything.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"

args=()
jvm=()
rebuild=false
for arg in "$@"; do
  case "$arg" in
    --rebuild) rebuild=true ;;
    -D*) jvm+=("$arg") ;;
    *) args+=("$arg") ;;
  esac
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

exec java -Drongtong.root="$root" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn ${jvm[@]+"${jvm[@]}"} \
  -jar deploy/local/target/rongtong-local.jar ${args[@]+"${args[@]}"}
