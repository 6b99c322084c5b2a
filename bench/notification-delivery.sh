#!/usr/bin/env bash
# Publishes 20,000 match events (or $1) at 1,000/s (or $2) to notification-service with one webhook subscription to a
# local receiver, and prints deliveries per second, event-to-receipt latency and CPU per event. $3: warm-up events sent
# at the same rate before the measured run (default 60000: a service that has been up for a minute or more, its hot
# paths compiled by C2, which on two cores takes that long; 200 measures a JVM just started). Needs PostgreSQL on
# 127.0.0.1:5432.
#   RONGTONG_SERVICE_JVM_ARGS  extra JVM options for the service (e.g. -XX:StartFlightRecording=filename=/tmp/n.jfr)
#   RONGTONG_BENCH_JVM_ARGS    JVM options of this harness (broker, producer, receiver); default -XX:TieredStopAtLevel=1:
#                              they stand in for machines of their own, and their C2 compiler took half of the harness's
#                              CPU on the two shared cores (docs/benchmarks.md, Webhook delivery)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
if [ ! -f notification-service/target/quarkus-app/quarkus-run.jar ] || [ ! -f deploy/local/target/rongtong-local.jar ]; then
  ./mvnw -q -B -DskipTests package
fi
# the receiver is plain http on 127.0.0.1: allow it in this run only (strict targets stay the production default)
export RONGTONG_WEBHOOKS_STRICT_TARGETS=false
# shellcheck disable=SC2086 # option lists are meant to split
exec java ${RONGTONG_BENCH_JVM_ARGS--XX:TieredStopAtLevel=1} -Drongtong.root="$root" \
  -Drongtong.local.jvm-args="${RONGTONG_SERVICE_JVM_ARGS:-}" -cp deploy/local/target/rongtong-local.jar \
  org.rongtong.local.bench.NotificationDeliveryBenchmark "${1:-20000}" "${2:-1000}" "${3:-60000}"
