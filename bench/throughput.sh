#!/usr/bin/env bash
# End-to-end throughput and memory of `whosaid extract`, JSONL in to JSONL out.
#
#   bench/throughput.sh [SIZE_MB]        (default 100)
#
# Builds the release binary; makes a JSONL corpus of about SIZE_MB MB in a temporary directory
# from the dev articles (../shared/eval/*.jsonl, only "id" and "text", repeated with new ids);
# times `--jobs 1` and `--jobs 2` over it (hyperfine when installed, else `date`); then streams
# ten copies of the corpus (about 1 GB) through standard input and reports the peak RSS
# (`/usr/bin/time -v`, from the `time` package). Throughput is given in MB (10^6 bytes) per
# second of article text and of JSONL input. Needs python3 to build the corpus.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
shared=${WHOSAID_SHARED:-$root/../shared}
size_mb=${1:-100}

shopt -s nullglob
sources=("$shared"/eval/*.jsonl)
if [ ${#sources[@]} -eq 0 ]; then
    echo "throughput.sh: no $shared/eval/*.jsonl; nothing to measure" >&2
    exit 0
fi

(cd "$root" && cargo build --release --quiet)
bin="$root/target/release/whosaid"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
corpus="$work/corpus.jsonl"

python3 - "$corpus" "$size_mb" "${sources[@]}" <<'PY'
import json, sys
out, size = sys.argv[1], int(sys.argv[2]) * 10**6
docs = []
for path in sys.argv[3:]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                docs.append((str(d["id"]), d["text"]))
written = text = n = 0
with open(out, "w", encoding="utf-8") as f:
    copy = 0
    while written < size:
        for id_, t in docs:
            line = json.dumps({"id": f"{id_}#{copy}", "text": t}, ensure_ascii=False) + "\n"
            f.write(line)
            written += len(line.encode())
            text += len(t.encode())
            n += 1
            if written >= size:
                break
        copy += 1
with open(out + ".text-bytes", "w") as f:
    f.write(str(text))
print(f"corpus: {n} documents, {written / 1e6:.1f} MB of JSONL, {text / 1e6:.1f} MB of text")
PY
jsonl_bytes=$(stat -c %s "$corpus")
text_bytes=$(cat "$corpus.text-bytes")
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

# Seconds for one run of `whosaid extract -j N` over the corpus (mean of hyperfine runs).
seconds() {
    local jobs=$1
    if command -v hyperfine >/dev/null; then
        hyperfine --warmup 1 --runs 3 --style none --export-json "$work/h$jobs.json" \
            "$bin extract --quiet -j $jobs $corpus > /dev/null" >/dev/null
        python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['results'][0]['mean'])" \
            "$work/h$jobs.json"
    else
        "$bin" extract --quiet -j "$jobs" "$corpus" > /dev/null # warm the page cache
        local best=""
        for _ in 1 2 3; do
            local start end t
            start=$(date +%s.%N)
            "$bin" extract --quiet -j "$jobs" "$corpus" > /dev/null
            end=$(date +%s.%N)
            t=$(echo "$end - $start" | bc -l)
            if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
        done
        echo "$best"
    fi
}
if command -v hyperfine >/dev/null; then
    echo "timing: hyperfine, mean of 3 runs"
else
    echo "timing: date, best of 3 runs (hyperfine not installed)"
fi

t1=$(seconds 1)
t2=$(seconds 2)
report() {
    printf -- "--jobs %s: %6.2f s  %7.1f MB/s of text  %7.1f MB/s of JSONL\n" "$1" "$2" \
        "$(echo "$text_bytes / $2 / 1000000" | bc -l)" "$(echo "$jsonl_bytes / $2 / 1000000" | bc -l)"
}
report 1 "$t1"
report 2 "$t2"
printf "speedup -j2 / -j1: %.2fx\n" "$(echo "$t1 / $t2" | bc -l)"

# On a shared machine the wall-clock speedup is capped by the cores other processes leave
# free; CPU time (user + sys) shows the work itself and the cost of running in parallel.
if [ -x /usr/bin/time ]; then
    for jobs in 1 2; do
        /usr/bin/time -f "%e %U %S" -o "$work/cpu$jobs" "$bin" extract --quiet -j "$jobs" "$corpus" > /dev/null
        read -r wall user sys < "$work/cpu$jobs"
        cpu=$(echo "$user + $sys" | bc -l)
        printf -- "--jobs %s: %6.2f s CPU (%.2f cores busy)  %7.1f MB/s of text per CPU second\n" \
            "$jobs" "$cpu" "$(echo "$cpu / $wall" | bc -l)" "$(echo "$text_bytes / $cpu / 1000000" | bc -l)"
    done
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

# The bytes actually fed are counted and checked with --stats.
if [ -x /usr/bin/time ]; then
    stream=${WHOSAID_STREAM_BYTES:-1000000000}
    copies=$(( (stream + jsonl_bytes - 1) / jsonl_bytes ))
    for _ in $(seq "$copies"); do cat "$corpus"; done \
        | /usr/bin/time -v "$bin" extract --quiet --stats --input jsonl -j 2 - 2> "$work/time.txt" > /dev/null
    grep '^whosaid:' "$work/time.txt" | sed 's/^/stream: /'
    rss_kb=$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$work/time.txt")
    printf "peak RSS on a %.2f GB stream (-j 2): %d KiB (%.1f MiB)\n" \
        "$(echo "$copies * $jsonl_bytes / 10^9" | bc -l)" "$rss_kb" "$(echo "$rss_kb / 1024" | bc -l)"
else
    echo "peak RSS: skipped, /usr/bin/time is missing (apt-get install -y time)"
fi
