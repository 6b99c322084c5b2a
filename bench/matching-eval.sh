#!/usr/bin/env bash
# Quality of the matching engine on the labelled set matching-service/src/test/resources/eval/matching-eval.json:
# nDCG@10, P@5, R@20 (grade >= 2), hard negatives in top 10; engine vs plain BM25 vs plain tag overlap, both
# analyzers, one-component ablations of the weights, and fair exposure (on the set and on a generated programme). --detail prints the engine's top 10 per demand.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
flock /tmp/rongtong-build.lock ./mvnw -q -B test-compile dependency:build-classpath -pl matching-service -am \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
cp="matching-service/target/test-classes:matching-service/target/classes:$(cat matching-service/target/bench-classpath.txt)"
java -cp "$cp" org.rongtong.matching.service.MatchingEvaluation "$@" 2>&1 | grep -v LogManager
# fair exposure where generalists compete for many demands: a generated programme (20,000 enterprises, 600 demands)
java -cp "$cp" org.rongtong.matching.service.ExposureSimulation 2>&1 | grep -v LogManager
