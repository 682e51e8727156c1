#!/usr/bin/env bash
# Issue 18: Workforce or Documents at a new as-of date (keeping what the date cannot change) against a full sweep on the
# same books and date. A generated tenant is imported and swept in full once; then each round moves the date one day
# and runs `sweep --agent AGENT` (incremental: the as-of move path), `sweep --full --agent AGENT` and `sweep --agent
# AGENT` again (the same date: nothing changed, the floor of a sweep process). The progress lines say which path ran.
# The generated bundle has no workforce rows: PEOPLE employees are appended, each with a year of time entries (a day a
# weekday, on the generated jobs) and a weekly payroll run to the week of 2026-11-23, and two schedule tasks per job.
# Usage: scripts/bench-asof-agents.sh AGENT [JOBS] [ROUNDS] [WORK] [CONFIG] [PEOPLE]   (AGENT: workforce or documents; CONFIG: Release or Debug)
set -euo pipefail
AGENT=$1; JOBS=${2:-100}; ROUNDS=${3:-3}; WORK=${4:-/tmp/bench-asof-$1}; CONFIG=${5:-Release}; PEOPLE=${6:-200}
# shellcheck source=scripts/bench-common.sh
source "$(dirname "$0")/bench-common.sh"
bench_generate "$JOBS" "$WORK" "$CONFIG"
python3 - "$WORK/bundle" "$PEOPLE" <<'PY'
import csv, datetime, os, sys
bundle, people = sys.argv[1], int(sys.argv[2])
jobs = [r['id'] for r in csv.DictReader(open(f'{bundle}/project/jobs.csv', newline=''))]
os.makedirs(f'{bundle}/workforce', exist_ok=True)
trades = ['Carpentry', 'Laborer', 'Electrical', 'Plumbing']
def write(name, header, rows):
    with open(f'{bundle}/{name}.csv', 'a' if os.path.exists(f'{bundle}/{name}.csv') else 'w', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        if f.tell() == 0: w.writerow(header)
        w.writerows(rows)
write('workforce/employees', 'id,name,trade,work_state,base_rate,active,pay_basis,piece_rate,overtime_piece_rate'.split(','),
      [[f'emp-{e}', f'Worker {e}', trades[e % 4], 'TX', '30.00', 'true', '', '', ''] for e in range(people)])
weeks = [datetime.date(2025, 12, 1) + datetime.timedelta(weeks=w) for w in range(52)]
write('workforce/timecards', 'id,employee_id,job_id,clock_in,clock_out,rate'.split(','),
      [[f'tc-{e}-{w}-{d}', f'emp-{e}', jobs[e % len(jobs)], f'{wk + datetime.timedelta(days=d)}T07:00', f'{wk + datetime.timedelta(days=d)}T15:00', '']
       for e in range(people) for w, wk in enumerate(weeks) for d in range(5)])
write('workforce/payroll-lines', 'id,run_id,employee_id,week_start,regular_hours,overtime_hours,double_time_hours,bonus,gross_pay,piece_earnings,overtime_pieces,rest_hours,minimum_wage'.split(','),
      [[f'prl-{e}-{w}', f'pr-{wk + datetime.timedelta(days=6)}', f'emp-{e}', wk, '40', '0', '0', '0.00', '1200.00', '', '', '', ''] for e in range(people) for w, wk in enumerate(weeks)])
write('project/schedule-tasks', 'id,job_id,name,trade,start_date,end_date,crew_hours,percent_complete'.split(','),
      [[f'st-{j}-{t}', job, f'Task {t}', trades[(j + t) % 4], '2026-11-02', '2026-12-31', '400', '20'] for j, job in enumerate(jobs) for t in range(2)])
PY
bench_import
"$BO" sweep --tenant bench --as-of 2026-11-27 --full --agent "$AGENT" >/dev/null
for round in $(seq 1 "$ROUNDS"); do
  asof=$(date -d "2026-11-27 + $round day" +%F)
  bench_sweep "round $round ($asof) incremental" "^$AGENT: |findings stand" --as-of "$asof" --agent "$AGENT"
  bench_sweep "round $round ($asof) full" "^$AGENT: |findings stand" --as-of "$asof" --full --agent "$AGENT"
  bench_sweep "round $round ($asof) unchanged" "^$AGENT: |findings stand" --as-of "$asof" --agent "$AGENT"
done
