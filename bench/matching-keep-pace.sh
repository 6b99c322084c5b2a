#!/usr/bin/env bash
# With 60 demands open, imports 100,000 generated enterprises (or $1) through registry-service's bulk endpoint and
# prints the import's duration, the time from its end until matching-service held (indexed and reverse-matched) every
# one of them, and the enterprises per second absorbed (issue 13, docs/adr/0022-proportional-reverse-matching-and-deltas.md).
# A warm-up import of 20,000 other enterprises comes first, absorbed and not counted
# (JAVA_OPTS=-Drongtong.bench.warmup-rows=0 measures cold JVMs). Needs PostgreSQL on 127.0.0.1:5432.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
if [ ! -f registry-service/target/quarkus-app/quarkus-run.jar ] || [ ! -f demand-service/target/quarkus-app/quarkus-run.jar ] \
  || [ ! -f matching-service/target/quarkus-app/quarkus-run.jar ] || [ ! -f deploy/local/target/rongtong-local.jar ]; then
  ./mvnw -q -B -DskipTests package
fi
exec java ${JAVA_OPTS:-} -Drongtong.root="$root" -cp deploy/local/target/rongtong-local.jar \
  org.rongtong.local.bench.MatchingKeepPaceBenchmark "${1:-100000}"
