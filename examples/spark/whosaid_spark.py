"""Run whosaid as an RDD.pipe stage over a JSONL dataset.

Each partition's lines are piped through one `whosaid extract --input jsonl -` process, which
reads its standard input as a stream and writes one result line per input document, in order.
Input lines are passed as they are: whosaid reads "id" and "text" and ignores other fields.

    python whosaid_spark.py --whosaid /path/to/whosaid --output OUT_DIR [--master local[2]] IN.jsonl...

On a cluster, ship the binary with `spark-submit --files /path/to/whosaid` and pass
`--whosaid ./whosaid` (it is then in each executor's working directory); whosaid is one static
binary with no data files, so nothing else needs installing.
"""

import argparse
import shlex

from pyspark.sql import SparkSession


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--whosaid", required=True, help="path of the whosaid binary")
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--partitions", type=int, default=8, help="minimum input partitions")
    ap.add_argument("--output", required=True, help="directory for the JSONL part files")
    ap.add_argument("inputs", nargs="+", help="JSONL files (one {id, text} object a line)")
    args = ap.parse_args()

    spark = (
        SparkSession.builder.master(args.master)
        .appName("whosaid")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    lines = sc.textFile(",".join(args.inputs), minPartitions=args.partitions)
    records = lines.filter(lambda line: line.strip() != "")
    # One whosaid process per partition; one thread each, Spark provides the parallelism.
    command = [args.whosaid, "extract", "--input", "jsonl", "--jobs", "1", "--quiet", "-"]
    results = records.pipe(shlex.join(command), checkCode=True)
    results.saveAsTextFile(args.output)
    spark.stop()


if __name__ == "__main__":
    main()
