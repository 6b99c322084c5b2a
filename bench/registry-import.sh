#!/usr/bin/env bash
# Imports 100,000 generated enterprises (or $1) through registry-service's bulk endpoint and prints rows per second
# and the time until the last event is on registry.enterprises.v1. Needs PostgreSQL on 127.0.0.1:5432.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
if [ ! -f registry-service/target/quarkus-app/quarkus-run.jar ] || [ ! -f deploy/local/target/rongtong-local.jar ]; then
  ./mvnw -q -B -DskipTests package
fi
exec java -Drongtong.root="$root" -Drongtong.local.heap=1g -cp deploy/local/target/rongtong-local.jar \
  org.rongtong.local.bench.RegistryImportBenchmark "${1:-100000}"
