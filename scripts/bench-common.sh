#!/usr/bin/env bash
# Issue 18: the set-up the sweep benchmarks share (bench-asof.sh, bench-asof-agents.sh, bench-asof-financial.sh, bench-per-key.sh). Source it, then:
#   bench_generate JOBS WORK CONFIG   a fresh WORK folder, BO set to the CONFIG (Debug|Release) build of `backoffice`,
#                                     BACKOFFICE_DATA in WORK/data, and a generated bundle in WORK/bundle (--seed 7)
#   bench_import                      tenant "bench" created and the bundle (BENCH_BUNDLE) imported into it
#   bench_sweep LABEL PATTERN ARGS... one `backoffice sweep --tenant bench ARGS...`, timed: "LABEL: N ms, load L", then
#                                     its progress lines matching PATTERN and its peak memory (/usr/bin/time %M)
bench_generate() {
  local jobs=$1 work=$2 config=$3
  BO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/kernel/BackOffice.Host/bin/$config/net10.0/backoffice"
  rm -rf "$work" && mkdir -p "$work"
  export BACKOFFICE_DATA="$work/data"
  BENCH_BUNDLE="$work/bundle"
  "$BO" generate --jobs "$jobs" --seed 7 --out "$BENCH_BUNDLE" >/dev/null
}

bench_import() {
  "$BO" tenant create bench >/dev/null
  "$BO" import --tenant bench "$BENCH_BUNDLE" >/dev/null
}

bench_sweep() {
  local label=$1 pattern=$2; shift 2
  local start end out
  start=$(date +%s%N)
  # Progress lines go to a terminal only: run under script(1) so the path taken and the stage times are printed.
  out=$(script -qec "/usr/bin/time -f 'peak %M KB' '$BO' sweep --tenant bench $*" /dev/null 2>&1 | tr -d '\r')
  end=$(date +%s%N)
  echo "$label: $(( (end - start) / 1000000 )) ms, load $(cut -d' ' -f1 /proc/loadavg)"
  echo "$out" | grep -E "$pattern|peak" | sed 's/^/  /'
}
