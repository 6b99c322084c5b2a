#!/usr/bin/env bash
# Retakes the dashboard screenshot shown in the README (docs/dashboard.png): runs the browser test DashboardIT with the
# demonstration programme loaded (deploy/local/run.sh --demo's data) and saves what headless Chromium shows once a new
# demand has reached the live feed. Builds what it needs; needs Debian's chromium and chromium-driver.
#   deploy/local/screenshot.sh [output.png] [year]   (the year whose sessions the KPIs count; this year by default)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
out=$(realpath -m "${1:-docs/dashboard.png}")
# without a CJK font Chromium draws the Chinese labels as empty boxes
if ! fc-list :lang=zh 2>/dev/null | grep -q .; then
  echo "No Chinese font: install one first, e.g. apt-get install -y fonts-wqy-microhei (or fonts-noto-cjk)" >&2
  exit 1
fi

./mvnw -B -q verify -pl deploy/local -am -Drongtong.faults.skip=true \
  -Dtest=None -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=DashboardIT -Dfailsafe.failIfNoSpecifiedTests=false \
  -Drongtong.screenshot.file="$out" -Drongtong.screenshot.year="${2:-}"
echo "Dashboard screenshot: $out"
