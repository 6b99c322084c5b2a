#!/usr/bin/env bash
# Imports 100,000 generated enterprises (or $1) through registry-service's bulk endpoint, with the service's heap at
# 512m (or $2, e.g. 1g for 1,000,000 rows), and prints rows per second, the time until the last event is on
# registry.enterprises.v1, the service's peak memory, and a plain COPY of the same rows with the ratio of the two.
# Uses PostgreSQL on 127.0.0.1:5432, or a bundled one when none answers (ADR 0025).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
if [ ! -f registry-service/target/quarkus-app/quarkus-run.jar ] || [ ! -f deploy/local/target/rongtong-local.jar ]; then
  ./mvnw -q -B -DskipTests package
fi
exec java -Drongtong.root="$root" -Drongtong.local.heap="${2:-512m}" -cp deploy/local/target/rongtong-local.jar \
  org.rongtong.local.bench.RegistryImportBenchmark "${1:-100000}"
