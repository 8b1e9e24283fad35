#!/usr/bin/env bash
# Usage: fuzz/run.sh SECONDS [TARGET…]
# Regenerates the seed corpora, then runs every fuzz target (or the ones named) for SECONDS
# each, one at a time. Crashes land in fuzz/artifacts/<target>/; a summary line per target
# (executions, corpus size, crashes) is printed at the end and logs are in fuzz/logs/.
# Needs cargo-fuzz (`cargo install cargo-fuzz`) and a nightly toolchain, or RUSTC_BOOTSTRAP=1
# with stable (set automatically when no nightly is installed).
set -uo pipefail
secs="${1:?usage: fuzz/run.sh SECONDS [TARGET…]}"
shift
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(extract segment find_quotes jsonl)
toolchain=()
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
    toolchain=(+nightly)
else
    export RUSTC_BOOTSTRAP=1
fi
./seeds.sh
mkdir -p logs
cargo "${toolchain[@]}" fuzz build -O >logs/build.log 2>&1 || { tail -n 20 logs/build.log; exit 1; }
status=0
summary=()
for t in "${targets[@]}"; do
    echo "== $t: ${secs}s"
    mkdir -p "artifacts/$t"
    # Fork mode with one worker: a crash, timeout (10 s on one input: superlinear time) or
    # out-of-memory is saved in artifacts/ and fuzzing goes on for the whole time.
    cargo "${toolchain[@]}" fuzz run -O "$t" "corpus/$t" -- \
        -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
        -max_total_time="$secs" -max_len=16384 -timeout=10 -rss_limit_mb=4096 \
        -dict=whosaid.dict >"logs/$t.log" 2>&1
    rc=$?
    execs=$(grep -o '^#[0-9]*' "logs/$t.log" | tail -n 1 | tr -d '#')
    cov=$(grep -o 'cov: [0-9]*' "logs/$t.log" | tail -n 1)
    crashes=$(find "artifacts/$t" -type f | wc -l)
    line="$t: rc=$rc executions=${execs:-?} ${cov:-} corpus=$(ls "corpus/$t" | wc -l) artifacts=$crashes"
    echo "$line"
    summary+=("$line")
    [ $rc -eq 0 ] && [ "$crashes" -eq 0 ] || status=1
done
echo "== summary (${secs}s per target)"
printf '%s\n' "${summary[@]}"
exit $status
