#!/usr/bin/env bash
# Runs whosaid as a PySpark RDD.pipe stage (local[2]) over the dev sets and checks that the
# output equals whosaid's own single-process output, document for document.
#
#   examples/spark/run.sh
#
# Needs Java 17 and Python 3 with venv; installs pyspark from PyPI into a virtualenv
# ($WHOSAID_SPARK_VENV, default $TMPDIR/whosaid-spark-venv), reused on later runs.
# The data: ../shared/eval/{ggt,polnear}.dev.jsonl beside the repository ($WHOSAID_SHARED).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
shared=${WHOSAID_SHARED:-$root/../shared}
venv=${WHOSAID_SPARK_VENV:-${TMPDIR:-/tmp}/whosaid-spark-venv}
inputs=("$shared/eval/ggt.dev.jsonl" "$shared/eval/polnear.dev.jsonl")

for f in "${inputs[@]}"; do
    [ -f "$f" ] || { echo "run.sh: $f not found (set WHOSAID_SHARED)" >&2; exit 1; }
done
command -v java >/dev/null || { echo "run.sh: java (17) is needed for Spark" >&2; exit 1; }

if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
"$venv/bin/python" -c "import pyspark" 2>/dev/null || "$venv/bin/pip" install --quiet pyspark

(cd "$root" && cargo build --release --quiet)
bin="$root/target/release/whosaid"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

start=$(date +%s.%N)
"$venv/bin/python" "$here/whosaid_spark.py" --whosaid "$bin" --master "local[2]" \
    --output "$work/spark-out" "${inputs[@]}"
end=$(date +%s.%N)
echo "spark local[2]: $(echo "$end - $start" | bc) s (including JVM start-up)"

"$bin" extract --quiet "${inputs[@]}" > "$work/single.jsonl"
"$venv/bin/python" "$here/compare.py" "$work/single.jsonl" "$work/spark-out"
