#!/usr/bin/env bash
# Issue 18: the per-key Financial sweep against a full one on a generated tenant. One bill line's amount is scaled and
# re-imported per round; then `sweep --agent financial` (incremental: the per-job and per-vendor path) and
# `sweep --full --agent financial` run on the same books, and each prints its stage times (StageTimes).
# Usage: scripts/bench-per-key.sh [JOBS] [ROUNDS] [WORK]
set -euo pipefail
JOBS=${1:-100}; ROUNDS=${2:-2}; WORK=${3:-/tmp/bench-per-key}
ASOF=2026-11-27
# shellcheck source=scripts/bench-common.sh
source "$(dirname "$0")/bench-common.sh"
bench_generate "$JOBS" "$WORK" Debug
bench_import
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
  bench_sweep "round $round incremental" " ms,|recomputed|reconciled|findings," --as-of "$ASOF" --agent financial
  bench_sweep "round $round full" " ms,|recomputed|reconciled|findings," --as-of "$ASOF" --full --agent financial
done
