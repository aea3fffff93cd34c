#!/usr/bin/env bash
# Runs the whole suite (npm test, then npm run test:vscode) N times in a row while another
# CPU-bound process runs, to prove no test depends on an idle machine. Prints one line per
# run and a summary; logs go to $STRESS_LOG_DIR (default: a temp folder).
# Usage: scripts/stress.sh [N=10]
set -uo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"
logs="${STRESS_LOG_DIR:-$(mktemp -d)}"
mkdir -p "$logs"

# The competing load: one busy process per run, started fresh, killed on exit.
node -e 'for (;;) {}' &
hog=$!
trap 'kill $hog 2>/dev/null' EXIT

failed=0
for i in $(seq 1 "$runs"); do
  for job in test test:vscode; do
    log="$logs/run$i-${job/:/-}.log"
    start=$(date +%s)
    if npm run -s "$job" >"$log" 2>&1; then status=pass; else status=FAIL; failed=$((failed + 1)); fi
    echo "run $i $job: $status ($(($(date +%s) - start)) s, load $(cut -d' ' -f1 /proc/loadavg)) $(grep -E '^# (pass|fail) ' "$log" | tr '\n' ' ')$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" | tr '\n' ' ')"
  done
done
echo "stress: $runs runs, $failed failed jobs; logs in $logs"
[ "$failed" = 0 ]
