#!/usr/bin/env bash
# End-to-end latency (issue 13): imports 100,000 generated enterprises (or $1), then publishes demands through
# demand-service's REST API at 20/s for 60 s (-Drongtong.bench.rate / .seconds via JAVA_OPTS), with one webhook
# subscription per bureau of the regions involved, and prints p50/p99 from each publishing request to its webhook.
# --replicas 2: two replicas each of matching-service and notification-service. A 120 s warm-up at half the rate comes
# first and is not counted (-Drongtong.bench.warmup-seconds=0 in JAVA_OPTS measures cold JVMs). Needs PostgreSQL on 127.0.0.1:5432.
#   bench/end-to-end.sh                 # one replica each
#   bench/end-to-end.sh 100000 --replicas 2
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
missing=0
for s in registry demand matching notification; do
  [ -f "$s-service/target/quarkus-app/quarkus-run.jar" ] || missing=1
done
if [ "$missing" = 1 ] || [ ! -f deploy/local/target/rongtong-local.jar ]; then
  ./mvnw -q -B -DskipTests package
fi
exec java ${JAVA_OPTS:-} -Drongtong.root="$root" -cp deploy/local/target/rongtong-local.jar \
  org.rongtong.local.bench.EndToEndLatencyBenchmark "${1:-100000}" "${@:2}"
