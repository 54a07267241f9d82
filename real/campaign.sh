#!/usr/bin/env bash
# The measurement campaign of docs/results/real-clusters.csv: REPS rounds over the 16
# configurations (primaries 5 and 7, failed 2 and 3, node timeout 1000 and 3000 ms, bus delay
# 0 and 50 ms), one run of each configuration per round, so a campaign cut short still covers
# every configuration evenly. All rows go to OUT/runs.csv. No new run starts after STOP_AT
# (a `date -d` time, e.g. 20:25 UTC); the run in progress finishes.
# Usage: real/campaign.sh OUT [REPS=7] [STOP_AT]
set -uo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: real/campaign.sh OUT [REPS] [STOP_AT]}
reps=${2:-7}
stop_at=$(date -d "${3:-tomorrow}" +%s)
for ((rep = 1; rep <= reps; rep++)); do
  for p in 5 7; do for k in 2 3; do for t in 1000 3000; do for d in 0 50; do
    if (( $(date +%s) >= stop_at )); then echo "stopped at $(date -u +%H:%M:%S) before round $rep, p$p k$k t$t d$d"; exit 0; fi
    echo "round $rep/$reps $(date -u +%H:%M:%S) load $(cut -d' ' -f1 /proc/loadavg)"
    timeout 300 npx tsx real/cli.ts --primaries "$p" --failed "$k" --replicas 1 --node-timeout "$t" --bus-delay "$d" --runs 1 --out "$out"
  done; done; done; done
done
echo "campaign done at $(date -u +%H:%M:%S)"
