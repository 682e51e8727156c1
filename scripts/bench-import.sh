#!/usr/bin/env bash
# Issue 18: the import and the re-import against their floors, each in its own process under /usr/bin/time (wall,
# user+system CPU, peak resident memory), with each import phase's time and allocations (BACKOFFICE_IMPORT_PROFILE=1).
# Generates a bundle of JOBS jobs once (2,000 bill lines each) and a copy with 1,000 bill-line descriptions changed
# spread through the file (as `bench` does), then: import, re-import of the copy, `bench bare insert` of the bundle,
# `bench bare files` of the copy. Prints the load average before and after.
# Usage: scripts/bench-import.sh [JOBS] [WORK] [BACKOFFICE]   (a Release build: dotnet build kernel/BackOffice.Host -c Release)
# BENCH_POSTGRES_DB=NAME: on the local PostgreSQL of scripts/postgres-setup.sh instead, in a database NAME dropped and
# created for the run (the bare insert is then a binary COPY into a plain table there, as `bench --provider postgres`).
set -euo pipefail
JOBS=${1:-300}; WORK=${2:-/tmp/bench-import}
BO=${3:-"$(cd "$(dirname "$0")/.." && pwd)/kernel/BackOffice.Host/bin/Release/net10.0/backoffice"}
mkdir -p "$WORK"
[ -d "$WORK/bundle" ] || "$BO" generate --out "$WORK/bundle" --jobs "$JOBS" >/dev/null
if [ ! -d "$WORK/bundle-changed" ]; then
  cp -r "$WORK/bundle" "$WORK/bundle-changed"
  python3 - "$WORK/bundle-changed/ledger/bill-lines.csv" <<'PY'
import sys
path = sys.argv[1]
lines = open(path).read().split('\n')
lines = lines[:-1] if lines[-1] == '' else lines
description = lines[0].split(',').index('description')
step, done, row = max(1, (len(lines) - 1) // 1000), 0, 1
while row < len(lines) and done < 1000:
    if '"' not in lines[row]:
        fields = lines[row].split(',')
        fields[description] = 'changed %d' % done
        lines[row] = ','.join(fields)
        done += 1
    row += step
open(path, 'w').write('\n'.join(lines) + '\n')
PY
fi
rm -rf "$WORK/data" "$WORK/bare.db"
export BACKOFFICE_DATA="$WORK/data" BACKOFFICE_IMPORT_PROFILE=1
BARE=(--db "$WORK/bare.db")
if [ -n "${BENCH_POSTGRES_DB:-}" ]; then
  PGPASSWORD=backoffice_owner psql -h 127.0.0.1 -U backoffice_owner -d backoffice -q \
    -c "DROP DATABASE IF EXISTS $BENCH_POSTGRES_DB" -c "CREATE DATABASE $BENCH_POSTGRES_DB"
  export BACKOFFICE_Store__Provider=postgres BACKOFFICE_Store__PostgresCommandTimeoutSeconds=3600
  export BACKOFFICE_Store__PostgresConnectionString="Host=127.0.0.1;Database=$BENCH_POSTGRES_DB;Username=backoffice_app;Password=backoffice_app"
  export BACKOFFICE_Store__PostgresOwnerConnectionString="Host=127.0.0.1;Database=$BENCH_POSTGRES_DB;Username=backoffice_owner;Password=backoffice_owner"
  BARE=()
fi
"$BO" tenant create t1 >/dev/null
TIME=(/usr/bin/time -f "%e s wall, %U+%S s cpu, %M KB peak")
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== import";             "${TIME[@]}" "$BO" import --tenant t1 "$WORK/bundle" 2>&1 | grep -E "profile|wall|Imported"
echo "== re-import, changed"; "${TIME[@]}" "$BO" import --tenant t1 "$WORK/bundle-changed" 2>&1 | grep -E "profile|wall|Imported"
echo "== bare insert";        "${TIME[@]}" "$BO" bench bare insert --bundle "$WORK/bundle" "${BARE[@]}" 2>&1 | tail -2
echo "== bare read of files"; "${TIME[@]}" "$BO" bench bare files --bundle "$WORK/bundle-changed" 2>&1 | tail -2
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
