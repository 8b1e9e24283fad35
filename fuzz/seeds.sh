#!/usr/bin/env bash
# Builds the seed corpora in fuzz/corpus/<target>/ at run time: the hand-written edge cases in
# fuzz/seeds/ (committed) plus paragraphs of the articles and dev-set texts in ../shared (never
# committed: fuzz/corpus/ is ignored). Runs without ../shared too, on the hand-written seeds only.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
shared="${WHOSAID_SHARED:-$here/../../shared}"
[ -d "$shared" ] || shared="$here/../../../shared"
python3 - "$here" "$shared" <<'PY'
import glob, hashlib, json, os, sys
here, shared = sys.argv[1], sys.argv[2]
targets = ["extract", "segment", "find_quotes", "jsonl"]
texts = [open(p, encoding="utf-8").read() for p in sorted(glob.glob(os.path.join(here, "seeds", "*.txt")))]
hand = len(texts)
articles = []
if os.path.isdir(shared):
    for p in sorted(glob.glob(os.path.join(shared, "articles", "*.txt"))):
        articles.append(open(p, encoding="utf-8").read())
    for p in sorted(glob.glob(os.path.join(shared, "eval", "*.jsonl"))):
        with open(p, encoding="utf-8") as f:
            for i, line in enumerate(f):
                if i >= 60:  # a sample is enough: libFuzzer mutates from there
                    break
                try:
                    articles.append(json.loads(line)["text"])
                except Exception:
                    pass
# Small seeds fuzz faster: whole short articles, and runs of a few paragraphs of longer ones.
for a in articles:
    if len(a.encode()) <= 4096:
        texts.append(a)
    paras = a.split("\n\n")
    for i in range(0, len(paras), 3):
        chunk = "\n\n".join(paras[i:i + 3])
        if 0 < len(chunk.encode()) <= 4096:
            texts.append(chunk)
for t in targets:
    d = os.path.join(here, "corpus", t)
    os.makedirs(d, exist_ok=True)
    for text in texts:
        if t == "jsonl":
            data = (json.dumps({"id": "seed", "text": text, "extra": [1]}, ensure_ascii=False) + "\n").encode()
        else:
            data = text.encode()
        name = hashlib.sha1(data).hexdigest()
        with open(os.path.join(d, name), "wb") as f:
            f.write(data)
    if t == "jsonl":
        for bad in [b'{"text": 3}\n', b'{"id": 7, "text": "x"}\n', b'not json\n', b'{"text": "\\ud800"}\n',
                    b'{"text": "a\\u0000b"}\n{}\n', b'\xff\xfe\n', b'[]\n{"text":"\\"Hi,\\" she said."}']:
            with open(os.path.join(d, hashlib.sha1(bad).hexdigest()), "wb") as f:
                f.write(bad)
print(f"seeds: {hand} hand-written, {len(texts) - hand} from {len(articles)} shared texts, per target")
PY
