#!/usr/bin/env bash
# Issue 18: the per-key Financial sweep against a full one on a generated tenant. One bill line's amount is scaled and
# re-imported per round; then `sweep --agent financial` (incremental: the per-job and per-vendor path) and
# `sweep --full --agent financial` run on the same books, and each prints its stage times (StageTimes).
# Usage: scripts/bench-per-key.sh [JOBS] [ROUNDS] [WORK]
set -euo pipefail
JOBS=${1:-100}; ROUNDS=${2:-2}; WORK=${3:-/tmp/bench-per-key}
BO="$(cd "$(dirname "$0")/.." && pwd)/kernel/BackOffice.Host/bin/Debug/net10.0/backoffice"
ASOF=2026-11-27
rm -rf "$WORK" && mkdir -p "$WORK"
export BACKOFFICE_DATA="$WORK/data"
"$BO" generate --jobs "$JOBS" --seed 7 --out "$WORK/bundle" >/dev/null
"$BO" tenant create bench >/dev/null
"$BO" import --tenant bench "$WORK/bundle" >/dev/null
"$BO" sweep --tenant bench --as-of "$ASOF" --full --agent financial >/dev/null
for round in $(seq 1 "$ROUNDS"); do
  # Scale the amount of one bill line (a different row each round) by 10%, rounded to cents.
  python3 - "$WORK/bundle/ledger/bill-lines.csv" "$round" <<'PY'
import csv, sys
from decimal import Decimal, ROUND_HALF_UP
path, round_no = sys.argv[1], int(sys.argv[2])
rows = list(csv.reader(open(path, newline='')))
col = rows[0].index('amount')
row = rows[1 + (round_no * 997) % (len(rows) - 1)]
row[col] = str((Decimal(row[col]) * Decimal('1.1')).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP))
csv.writer(open(path, 'w', newline=''), lineterminator='\n').writerows(rows)
PY
  "$BO" import --tenant bench "$WORK/bundle" >/dev/null
  for mode in incremental full; do
    flag=""; [ "$mode" = full ] && flag="--full"
    start=$(date +%s%N)
    # Progress lines go to a terminal only: run under script(1) so the stage times are printed.
    out=$(script -qec "'$BO' sweep --tenant bench --as-of $ASOF $flag --agent financial" /dev/null 2>&1 | tr -d '\r')
    end=$(date +%s%N)
    echo "round $round $mode: $(( (end - start) / 1000000 )) ms, load $(cut -d' ' -f1 /proc/loadavg)"
    echo "$out" | grep -E " ms,|recomputed|reconciled|findings," | sed 's/^/  /'
  done
done
