#!/usr/bin/env bash
# Issue 18: Collections at a new as-of date, from its aging snapshot, against a full sweep on the same books and date.
# A generated tenant is imported and swept in full once; then each round moves the date one day and runs
# `sweep --agent collections` (incremental: ages the snapshot) and `sweep --full --agent collections` (reads the books).
# Usage: scripts/bench-asof.sh [JOBS] [ROUNDS] [WORK] [CONFIG]   (CONFIG: Release, the default, or Debug)
set -euo pipefail
JOBS=${1:-100}; ROUNDS=${2:-3}; WORK=${3:-/tmp/bench-asof}; CONFIG=${4:-Release}
BO="$(cd "$(dirname "$0")/.." && pwd)/kernel/BackOffice.Host/bin/$CONFIG/net10.0/backoffice"
rm -rf "$WORK" && mkdir -p "$WORK"
export BACKOFFICE_DATA="$WORK/data"
"$BO" generate --jobs "$JOBS" --seed 7 --out "$WORK/bundle" >/dev/null
"$BO" tenant create bench >/dev/null
"$BO" import --tenant bench "$WORK/bundle" >/dev/null
"$BO" sweep --tenant bench --as-of 2026-11-27 --full --agent collections >/dev/null
for round in $(seq 1 "$ROUNDS"); do
  asof=$(date -d "2026-11-27 + $round day" +%F)
  for mode in incremental full; do
    flag=""; [ "$mode" = full ] && flag="--full"
    start=$(date +%s%N)
    # Progress lines go to a terminal only: run under script(1) so the path taken is printed.
    out=$(script -qec "/usr/bin/time -f 'peak %M KB' '$BO' sweep --tenant bench --as-of $asof $flag --agent collections" /dev/null 2>&1 | tr -d '\r')
    end=$(date +%s%N)
    echo "round $round ($asof) $mode: $(( (end - start) / 1000000 )) ms, load $(cut -d' ' -f1 /proc/loadavg)"
    echo "$out" | grep -E "open invoices|findings,|peak" | sed 's/^/  /'
  done
done
