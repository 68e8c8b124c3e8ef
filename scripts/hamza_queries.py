"""Seat-swapped known-item queries, to measure hamza folding.

`python3 scripts/hamza_queries.py <corpus.jsonl> > hamza.jsonl`, then
`cargo run --release --example evaluate -- <corpus.jsonl> hamza.jsonl`.
Each query is a 2-3 word window of a document, diacritics stripped, with one
word's hamza seat swapped (ؤ ↔ ئ), the way مسؤول and مسئول are both written.
"""
import json
import random
import re
import sys

MARKS = re.compile("[\u064b-\u065f\u0670\u0640\u200f]")
SWAP = {"ؤ": "ئ", "ئ": "ؤ"}


def strip(s):
    return MARKS.sub("", s)


def main(path, n=200, seed=7):
    rng = random.Random(seed)
    docs = [json.loads(line) for line in open(path, encoding="utf-8")]
    texts = [strip(d["text"]) for d in docs]
    made = 0
    while made < n:
        k = rng.randrange(len(docs))
        words = texts[k].split()
        seated = [i for i, w in enumerate(words) if re.search("[ؤئ]", w)]
        if not seated:
            continue
        i = rng.choice(seated)
        start = max(0, i - 1)
        window = words[start:start + 3]
        if len(window) < 2:
            continue
        typed = list(window)
        typed[i - start] = re.sub("[ؤئ]", lambda m: SWAP[m.group()], typed[i - start])
        phrase = " ".join(window)
        relevant = [d["id"] for d, t in zip(docs, texts) if phrase in t]
        print(json.dumps({"q": " ".join(typed), "relevant": relevant, "kind": "hamza"}, ensure_ascii=False))
        made += 1


if __name__ == "__main__":
    main(sys.argv[1])
