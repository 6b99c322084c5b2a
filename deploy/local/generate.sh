#!/usr/bin/env bash
# Generates realistic, invented Shandong programme data, deterministic for a seed: N enterprise profiles (chain leaders,
# specialised SMEs, universities and institutes, financial institutions across the 16 prefectures, valid credit codes)
# as a registry bulk-import file, and optionally the chain leaders' demands.
#   deploy/local/generate.sh --seed 42 --enterprises 1000000 --format csv --out /tmp/enterprises.csv
#   deploy/local/generate.sh --enterprises 500 --format ndjson --out e.ndjson --demands-per-leader 5 --demands-out d.ndjson
# Import the file with: curl -X POST -H "Authorization: Bearer $PARTNER_TOKEN" -H 'Content-Type: text/csv' \
#   --data-binary @/tmp/enterprises.csv http://127.0.0.1:8081/api/v1/enterprises/imports
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
if [ ! -f "$root/deploy/local/target/rongtong-local.jar" ]; then
  (cd "$root" && ./mvnw -q -B -DskipTests package -pl deploy/local -am)
fi
exec java -cp "$root/deploy/local/target/rongtong-local.jar" org.rongtong.local.generator.Generate "$@"
