#!/usr/bin/env bash
# Issue 18: Financial at a new as-of date (DateScope: only the jobs with rows dated since its stored findings are
# recomputed) against a full sweep on the same books and date. A generated tenant is imported and swept in full once as
# of 2026-11-27; then each round moves the date one day and runs `sweep --agent financial` (incremental: the date path),
# `sweep --full --agent financial`, and the first again on the same date (nothing changed: the floor of a sweep process).
# With DATED > 0, DATED bills are redated to each round's day before the import, so each move has rows dated in between
# (their lines' jobs are recomputed); with 0, the generated books hold nothing dated after 2026-11-27.
# Usage: scripts/bench-asof-financial.sh [JOBS] [ROUNDS] [WORK] [CONFIG] [DATED]   (CONFIG: Debug, the default, or Release)
set -euo pipefail
JOBS=${1:-100}; ROUNDS=${2:-3}; WORK=${3:-/tmp/bench-asof-financial}; CONFIG=${4:-Debug}; DATED=${5:-0}
# shellcheck source=scripts/bench-common.sh
source "$(dirname "$0")/bench-common.sh"
bench_generate "$JOBS" "$WORK" "$CONFIG"
python3 - "$WORK/bundle/ledger/bills.csv" "$ROUNDS" "$DATED" <<'PY'
import csv, datetime, sys
path, rounds, dated = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rows = list(csv.reader(open(path, newline='')))
date, due = rows[0].index('txn_date'), rows[0].index('due_date')
for n, row in enumerate(rows[1:1 + rounds * dated]):
    day = datetime.date(2026, 11, 27) + datetime.timedelta(days=1 + n // dated)
    row[date], row[due] = day.isoformat(), (day + datetime.timedelta(days=30)).isoformat()
csv.writer(open(path, 'w', newline=''), lineterminator='\n').writerows(rows)
PY
bench_import
"$BO" sweep --tenant bench --as-of 2026-11-27 --full --agent financial >/dev/null
for round in $(seq 1 "$ROUNDS"); do
  asof=$(date -d "2026-11-27 + $round day" +%F)
  bench_sweep "round $round ($asof) incremental" "new date|findings," --as-of "$asof" --agent financial
  bench_sweep "round $round ($asof) full" "findings," --as-of "$asof" --full --agent financial
  bench_sweep "round $round ($asof) unchanged" "findings stand" --as-of "$asof" --agent financial
done
