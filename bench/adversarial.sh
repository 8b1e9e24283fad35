#!/usr/bin/env bash
# Usage: bench/adversarial.sh [SCALE]
# Shows that `whosaid extract` runs in time linear in the size of adversarial inputs: builds the
# release binary, writes each input at size S and 10·S into a temp dir, times one run on each,
# and prints the ratio t(10·S)/t(S). PASS when the ratio is at most 15 (ten times the input within
# fifteen times the time). SCALE (default 1) multiplies every size; the 10·S sizes at scale 1 are
# the ones the robustness issue names (10 MB of `"`, 100,000 `"a," she said,`, 100k nesting
# levels, 1 MB of one word). A run over TIMEOUT seconds (default 120) is a FAIL.
set -euo pipefail
scale="${1:-1}"
timeout_s="${TIMEOUT:-120}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
bin="$root/target/release/whosaid"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# name, then a Python expression of n (the 10·S size is n*10) that builds the text.
inputs=(
    "straight-quotes|'\"' * (1_000_000 * n)"
    "curly-open-a|'“ a ' * (1_000_000 * n // 6)"
    "no-punctuation-line|' '.join(('lorem', 'ipsum', 'Dolor', 'sit', 'amet', 'Consectetur')[i % 6] for i in range(1_000_000 * n // 6))"
    "nested-marks|'“‘«„' * (10_000 * n) + ' deep ' + '“»’”' * (10_000 * n)"
    "she-said-run|'\"a,\" she said, ' * (10_000 * n)"
    "said-tags|'<u>said</u>' * (1_000_000 * n // 11)"
    "one-word|'a' * (100_000 * n)"
)

gen() { # gen EXPR N FILE
    python3 -c "import sys; n = int(sys.argv[2]); open(sys.argv[3], 'w', encoding='utf-8').write(eval(sys.argv[1]))" "$1" "$2" "$3"
}

run_time() { # run_time FILE -> seconds (or "timeout")
    local start end
    start=$(date +%s.%N)
    if ! timeout "$timeout_s" "$bin" extract "$1" >"$1.out" 2>"$1.err"; then
        echo timeout
        return
    fi
    end=$(date +%s.%N)
    # The output must be one valid wire document (checked cheaply: one line, starting with {"id").
    [ "$(wc -l <"$1.out")" -eq 1 ] && head -c 6 "$1.out" | grep -q '{"id"' || { echo invalid; return; }
    python3 -c "print(f'{$end - $start:.3f}')"
}

printf '%-22s %12s %9s %12s %9s %7s  %s\n' input "S bytes" "t(S) s" "10S bytes" "t(10S) s" ratio verdict
fails=0
for entry in "${inputs[@]}"; do
    name="${entry%%|*}"
    expr="${entry#*|}"
    small="$tmp/$name.s.txt"
    big="$tmp/$name.10s.txt"
    gen "$expr" "$scale" "$small"
    gen "$expr" "$((scale * 10))" "$big"
    # Warm the page cache and the binary once.
    "$bin" extract "$small" >/dev/null 2>&1 || true
    ts=$(run_time "$small")
    tb=$(run_time "$big")
    verdict=FAIL
    ratio="-"
    if [[ "$ts" =~ ^[0-9.]+$ && "$tb" =~ ^[0-9.]+$ ]]; then
        # Below 10 ms a run is mostly process start-up: count it as 10 ms so noise can't fail it.
        ratio=$(python3 -c "print(f'{max($tb, 0.01) / max($ts, 0.01):.1f}')")
        python3 -c "import sys; sys.exit(0 if $ratio <= 15 else 1)" && verdict=PASS
    fi
    [ "$verdict" = PASS ] || fails=$((fails + 1))
    printf '%-22s %12s %9s %12s %9s %7s  %s\n' "$name" "$(stat -c %s "$small")" "$ts" \
        "$(stat -c %s "$big")" "$tb" "$ratio" "$verdict"
done
[ "$fails" -eq 0 ] && echo "all PASS" || { echo "$fails FAIL"; exit 1; }
