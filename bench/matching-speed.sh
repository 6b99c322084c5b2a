#!/usr/bin/env bash
# Speed of the matching engine on generated registries (issues 5 and 11): index build rate, heap, top-50 latency
# p50/p99 on one query thread, and a plain BM25 top-50 of the same demand text for comparison, on a registry with a
# realistic vocabulary (the thesaurus's forms and their variants, long-tailed). Arguments: sizes (default "100000 1000000").
# Holds the shared build lock while it runs, so that no build competes for the cores (RONGTONG_NO_LOCK=1 to skip).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
lock() { if [ -n "${RONGTONG_NO_LOCK:-}" ]; then "$@"; else flock /tmp/rongtong-build.lock "$@"; fi; }
lock ./mvnw -q -B test-compile dependency:build-classpath -pl matching-service -am \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
cp="matching-service/target/test-classes:matching-service/target/classes:$(cat matching-service/target/bench-classpath.txt)"
for n in ${@:-100000 1000000}; do
  lock java -Xmx3g ${JAVA_OPTS:-} -cp "$cp" org.rongtong.matching.service.MatchingBenchmark "$n" 1000 "${ANALYZER:-cjk}" 2>&1 | grep -v LogManager
done
