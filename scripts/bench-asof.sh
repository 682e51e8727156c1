#!/usr/bin/env bash
# Issue 18: Collections at a new as-of date, from its aging snapshot, against a full sweep on the same books and date.
# A generated tenant is imported and swept in full once; then each round moves the date one day and runs
# `sweep --agent collections` (incremental: ages the snapshot), `sweep --full --agent collections` (reads the books) and
# `sweep --agent collections` again (the same date: nothing changed, the floor of a sweep process).
# The generated bundle holds one invoice per job, mostly open; HISTORY settled invoices per job (each paid in full by
# one payment, dated 2024-2026 before the first sweep) are appended so the receivables books have a paid past to skip.
# With CHANGE=1 (issue 18), each round first appends one invoice and the payment that settles it for one customer and
# re-imports, so the incremental sweep sees journaled receivable changes on the same sweep as the date advance (it
# re-reads that customer's invoices with the snapshot's; the full sweep reads the books).
# Usage: scripts/bench-asof.sh [JOBS] [ROUNDS] [WORK] [CONFIG] [HISTORY] [CHANGE]   (CONFIG: Release, the default, or Debug)
set -euo pipefail
JOBS=${1:-100}; ROUNDS=${2:-3}; WORK=${3:-/tmp/bench-asof}; CONFIG=${4:-Release}; HISTORY=${5:-200}; CHANGE=${6:-0}
# shellcheck source=scripts/bench-common.sh
source "$(dirname "$0")/bench-common.sh"
bench_generate "$JOBS" "$WORK" "$CONFIG"
python3 - "$WORK/bundle/ledger" "$HISTORY" <<'PY'
import csv, datetime, sys
folder, history = sys.argv[1], int(sys.argv[2])
customers = sorted({r['customer_id'] for r in csv.DictReader(open(f'{folder}/invoices.csv', newline=''))})
invoices, payments, lines = [], [], []
start = datetime.date(2024, 1, 1)
for c, customer in enumerate(customers):
    for n in range(history):
        txn = start + datetime.timedelta(days=(n * 3 + c) % 990)
        due, paid = txn + datetime.timedelta(days=30), txn + datetime.timedelta(days=20 + (n * 7 + c) % 30)
        total = f"{1000 + (n * 37 + c * 11) % 9000}.{(n + c) % 100:02d}"
        iid, pid = f"hinv-{c}-{n}", f"hpmt-{c}-{n}"
        invoices.append([iid, customer, f"H{c}-{n}", txn.isoformat(), due.isoformat(), total, "0.00"])
        payments.append([pid, customer, paid.isoformat(), total, "0.00", f"CHK {c}-{n}"])
        lines.append([f"{pid}-1", pid, iid, total])
for name, rows in (("invoices", invoices), ("payments", payments), ("payment-lines", lines)):
    with open(f'{folder}/{name}.csv', 'a', newline='') as f:
        csv.writer(f, lineterminator='\n').writerows(rows)
PY
bench_import
"$BO" sweep --tenant bench --as-of 2026-11-27 --full --agent collections >/dev/null
for round in $(seq 1 "$ROUNDS"); do
  asof=$(date -d "2026-11-27 + $round day" +%F)
  if [ "$CHANGE" = 1 ]; then
    customer=$(sed -n "$(( round % JOBS + 2 ))p" "$WORK/bundle/ledger/invoices.csv" | cut -d, -f2)
    echo "cinv-$round,$customer,C-$round,2026-11-20,2026-12-20,1234.56,0.00" >> "$WORK/bundle/ledger/invoices.csv"
    echo "cpmt-$round,$customer,2026-11-25,1234.56,0.00,CHK C-$round" >> "$WORK/bundle/ledger/payments.csv"
    echo "cpmt-$round-1,cpmt-$round,cinv-$round,1234.56" >> "$WORK/bundle/ledger/payment-lines.csv"
    "$BO" import --tenant bench "$WORK/bundle" >/dev/null
  fi
  bench_sweep "round $round ($asof) incremental" "open invoices|findings,|findings stand" --as-of "$asof" --agent collections
  bench_sweep "round $round ($asof) full" "open invoices|findings,|findings stand" --as-of "$asof" --full --agent collections
  bench_sweep "round $round ($asof) unchanged" "open invoices|findings,|findings stand" --as-of "$asof" --agent collections
done
