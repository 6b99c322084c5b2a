#!/usr/bin/env bash
# Publishes 20,000 match events (or $1) at 1,000/s (or $2) to notification-service with one webhook subscription to a
# local receiver, and prints deliveries per second and p99 event-to-receipt latency. $3: warm-up events sent at the same
# rate before the measured run (default 200). Needs PostgreSQL on 127.0.0.1:5432. RONGTONG_SERVICE_JVM_ARGS: extra JVM
# options for the service (e.g. -XX:StartFlightRecording=filename=/tmp/notification.jfr,settings=profile).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
if [ ! -f notification-service/target/quarkus-app/quarkus-run.jar ] || [ ! -f deploy/local/target/rongtong-local.jar ]; then
  ./mvnw -q -B -DskipTests package
fi
# the receiver is plain http on 127.0.0.1: allow it in this run only (strict targets stay the production default)
export RONGTONG_WEBHOOKS_STRICT_TARGETS=false
exec java -Drongtong.root="$root" -Drongtong.local.jvm-args="${RONGTONG_SERVICE_JVM_ARGS:-}" -cp deploy/local/target/rongtong-local.jar \
  org.rongtong.local.bench.NotificationDeliveryBenchmark "${1:-20000}" "${2:-1000}" "${3:-200}"
