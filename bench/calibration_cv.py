#!/usr/bin/env python3
"""Held-out calibration of whosaid's confidences: k-fold cross-validation over the articles of a
gold set (default ../shared/eval/ggt.dev.jsonl).

For each fold, the confidence table is fitted on the other folds (`whosaid eval --fit-confidence`)
and the held-out fold's predictions are scored with it (`whosaid eval` prints, per rule and
speaker feature, how many predictions there were and the share that was right). Prints the
expected calibration error over all held-out predictions and the 10-bin reliability table.

    python3 bench/calibration_cv.py [GOLD.jsonl] [--folds 5] [--bin target/release/whosaid]
                                    [--broad]

With `--broad`, the extractor runs as for PolNeAR (`--broad --join-split-quotes`), whose
confidences come from `src/data/confidence_broad.txt`:

    python3 bench/calibration_cv.py ../shared/eval/polnear.dev.jsonl --broad

Builds the release binary when it is missing. Nothing from the gold file is written outside a
temporary directory.
"""
import argparse, collections, os, random, re, subprocess, sys, tempfile

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
ap = argparse.ArgumentParser()
ap.add_argument("gold", nargs="?", default=os.path.join(root, "..", "shared", "eval", "ggt.dev.jsonl"))
ap.add_argument("--folds", type=int, default=5)
ap.add_argument("--seed", type=int, default=7)
ap.add_argument("--bin", default=os.path.join(root, "target", "release", "whosaid"))
ap.add_argument("--broad", action="store_true", help="extract as for PolNeAR")
args = ap.parse_args()
flags = ["--broad", "--join-split-quotes"] if args.broad else []
if not os.path.exists(args.bin):
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=root, check=True)

docs = [l for l in open(args.gold, encoding="utf-8") if l.strip()]
order = list(range(len(docs)))
random.Random(args.seed).shuffle(order)
folds = [order[k :: args.folds] for k in range(args.folds)]
ROW = re.compile(r"\s+(\S+)\s+(\S+)\s+(\d+)\s+([\d.]+)\s+([\d.]+)$")


def run(*a):
    return subprocess.run([args.bin, *a], capture_output=True, text=True, check=True).stdout


def rule_rows(report):
    """(rule, feature, predictions, percent right) from the report's per-rule table."""
    rows, on = [], False
    for line in report.splitlines():
        if line.startswith("by rule:"):
            on = True
            continue
        if on:
            m = ROW.match(line)
            if not m:
                break
            rows.append((m[1], m[2], int(m[3]), float(m[4])))
    return rows


bins = [[0, 0.0, 0] for _ in range(10)]  # predictions, sum of confidences, right
with tempfile.TemporaryDirectory() as tmp:
    train_path, test_path = os.path.join(tmp, "train.jsonl"), os.path.join(tmp, "test.jsonl")
    for fold in folds:
        held = set(fold)
        with open(train_path, "w", encoding="utf-8") as f:
            f.writelines(docs[i] for i in order if i not in held)
        with open(test_path, "w", encoding="utf-8") as f:
            f.writelines(docs[i] for i in fold)
        table = {}
        for line in run("eval", *flags, "--gold", train_path, "--fit-confidence").splitlines():
            if line.strip() and not line.startswith("#"):
                rule, feature, p, _ = line.split()
                table[(rule, feature)] = float(p)
        # A cell never seen in training falls back to its rule's share of right predictions.
        per_rule = collections.defaultdict(lambda: [0, 0.0])
        for rule, _, n, pct in rule_rows(run("eval", *flags, "--gold", train_path)):
            per_rule[rule][0] += n
            per_rule[rule][1] += n * pct / 100
        for rule, feature, n, pct in rule_rows(run("eval", *flags, "--gold", test_path)):
            seen = per_rule.get(rule)
            p = table.get((rule, feature), (seen[1] + 1) / (seen[0] + 2) if seen else 0.5)
            b = bins[min(9, int(p * 10))]
            b[0] += n
            b[1] += n * p
            b[2] += round(n * pct / 100)

total = sum(b[0] for b in bins)
if total == 0:
    sys.exit("no predictions")
ece = sum(b[0] / total * abs(b[2] / b[0] - b[1] / b[0]) for b in bins if b[0])
print(f"{args.folds}-fold held-out ECE {ece:.3f} over {total} predictions")
print("  bin          n   conf    acc")
for k, (n, conf, right) in enumerate(bins):
    cells = f"{conf / n:6.3f} {right / n:6.3f}" if n else "     -      -"
    print(f"  {k / 10:.1f}-{(k + 1) / 10:.1f} {n:6d} {cells}")
