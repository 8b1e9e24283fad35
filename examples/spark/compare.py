"""Check that the Spark output equals whosaid's single-process output, document for document.

    python compare.py SINGLE.jsonl SPARK_OUT_DIR
"""

import json
import pathlib
import sys


def by_id(lines, source):
    docs = {}
    for line in lines:
        if not line.strip():
            continue
        doc = json.loads(line)
        if doc["id"] in docs:
            sys.exit(f"{source}: id {doc['id']!r} appears twice")
        docs[doc["id"]] = doc
    return docs


def main() -> None:
    single_path, spark_dir = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    single = by_id(single_path.read_text(encoding="utf-8").splitlines(), single_path)
    parts = sorted(spark_dir.glob("part-*"))
    spark = by_id(
        (line for part in parts for line in part.read_text(encoding="utf-8").split("\n")),
        spark_dir,
    )
    missing = single.keys() - spark.keys()
    extra = spark.keys() - single.keys()
    differ = [i for i in single.keys() & spark.keys() if single[i] != spark[i]]
    statements = sum(len(d.get("quotes") or []) for d in spark.values())
    print(
        f"single process: {len(single)} documents; spark: {len(spark)} documents in "
        f"{len(parts)} parts, {statements} statements; missing {len(missing)}, "
        f"extra {len(extra)}, different {len(differ)}"
    )
    for i in sorted(differ)[:5]:
        print(f"  differs: {i}")
    if missing or extra or differ:
        sys.exit(1)
    print("OK: identical document for document")


if __name__ == "__main__":
    main()
