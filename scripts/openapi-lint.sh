#!/usr/bin/env bash
# Lints the four services' OpenAPI documents with Redocly's recommended rules (docs/adr/0031): errors fail, warnings
# are printed. The documents are the ones the build writes (target/openapi/openapi.json, the same document /q/openapi
# serves); they are built first unless they are there already, as after `./mvnw verify` or `./mvnw package`.
#   scripts/openapi-lint.sh            build the documents if missing, then lint
#   scripts/openapi-lint.sh --rebuild  build them again first (after a change to a resource)
# Needs Node.js 20 or later; npx fetches the pinned @redocly/cli from the npm registry on first use.
set -euo pipefail
cd "$(dirname "$0")/.."

redocly_version=2.77.0
services=(registry-service demand-service matching-service notification-service)
documents=()
for service in "${services[@]}"; do
  documents+=("$service/target/openapi/openapi.json")
done

missing=false
for document in "${documents[@]}"; do
  [ -f "$document" ] || missing=true
done
if [ "${1:-}" = "--rebuild" ] || [ "$missing" = true ]; then
  modules=$(IFS=,; echo "${services[*]}")
  ./mvnw -q -B -pl "$modules" -am -DskipTests package
fi

command -v npx >/dev/null 2>&1 || { echo "npx (Node.js) is needed to run @redocly/cli" >&2; exit 1; }
status=0
for document in "${documents[@]}"; do
  echo "== $document"
  rc=0
  out=$(npx -y "@redocly/cli@$redocly_version" lint --extends=recommended --format=summary "$document" 2>&1) || rc=$?
  # without the CLI's boxed notices (such as Node.js deprecation)
  grep -v -e '^\s*[║╔╚]' <<<"$out" || true
  [ "$rc" -eq 0 ] || status=1
done
[ "$status" -eq 0 ] && echo "OpenAPI lint: no errors in ${#documents[@]} documents" || echo "OpenAPI lint: errors above" >&2
exit "$status"
