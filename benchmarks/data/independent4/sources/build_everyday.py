#!/usr/bin/env python3
"""Build ../everyday.jsonl from the hand-written batches sources/everyday_N.py.

Stdlib only, deterministic. Each batch defines ROWS = [(kind, form, text), ...]
as a pure literal; it is read with ast.literal_eval (nothing is executed).

Ids ind4-e-0001... follow file order (batches in numeric order, rows in order).
Splits: within each kind, rows alternate dev/test in file order. For kinds with
an odd row count, the first row's split alternates dev, test, dev, ... over
the odd kinds in order of first appearance, so the total is exactly half/half.

Fails loudly (SystemExit with a message) if any check fails.
"""
import ast
import json
import os
import re
import sys
import unicodedata
from collections import OrderedDict, Counter

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "everyday.jsonl"))
FORMS = {"sms", "chat", "call", "notice", "email", "post"}
KIND_RE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
MIN_LEN, MAX_LEN = 4, 300
MAX_JACCARD = 0.6


def fail(msg):
    sys.exit("BUILD FAILED: " + msg)


def load_batches():
    files = []
    for name in os.listdir(HERE):
        m = re.fullmatch(r"everyday_(\d+)\.py", name)
        if m:
            files.append((int(m.group(1)), name))
    files.sort()
    if not files:
        fail("no everyday_N.py batches found")
    rows = []
    for _, name in files:
        with open(os.path.join(HERE, name), encoding="utf-8") as fh:
            tree = ast.parse(fh.read(), filename=name)
        found = None
        for node in tree.body:
            if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "ROWS" for t in node.targets
            ):
                found = ast.literal_eval(node.value)
        if found is None:
            fail(f"{name}: no ROWS literal")
        for i, row in enumerate(found):
            if not (isinstance(row, tuple) and len(row) == 3 and all(isinstance(x, str) for x in row)):
                fail(f"{name} row {i}: not a (kind, form, text) tuple of str")
            rows.append((name, i) + row)
    return rows


def norm(text):
    t = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in t if not ch.isspace())


def bigrams(t):
    if len(t) < 2:
        return {t}
    return {t[i:i + 2] for i in range(len(t) - 1)}


def main():
    rows = load_batches()

    # per-row checks
    seen_raw, seen_norm = {}, {}
    for name, i, kind, form, text in rows:
        where = f"{name} row {i}"
        if not KIND_RE.match(kind):
            fail(f"{where}: bad kind {kind!r}")
        if form not in FORMS:
            fail(f"{where}: bad form {form!r}")
        if not (MIN_LEN <= len(text) <= MAX_LEN):
            fail(f"{where}: length {len(text)} outside {MIN_LEN}-{MAX_LEN}")
        if text in seen_raw:
            fail(f"{where}: duplicate text of {seen_raw[text]}")
        seen_raw[text] = where
        n = norm(text)
        if n in seen_norm:
            fail(f"{where}: duplicate (NFKC/whitespace) of {seen_norm[n]}")
        seen_norm[n] = where

    # pairwise bigram Jaccard
    grams = [bigrams(norm(r[4])) for r in rows]
    worst = (0.0, None, None)
    for a in range(len(rows)):
        ga = grams[a]
        for b in range(a + 1, len(rows)):
            gb = grams[b]
            j = len(ga & gb) / len(ga | gb)
            if j > worst[0]:
                worst = (j, a, b)
            if j > MAX_JACCARD:
                fail(
                    f"bigram Jaccard {j:.3f} > {MAX_JACCARD} between "
                    f"{rows[a][0]} row {rows[a][1]} and {rows[b][0]} row {rows[b][1]}:\n"
                    f"  {rows[a][4]}\n  {rows[b][4]}"
                )

    # splits
    kind_rows = OrderedDict()
    for idx, r in enumerate(rows):
        kind_rows.setdefault(r[2], []).append(idx)
    splits = [None] * len(rows)
    odd_seen = 0
    for kind, idxs in kind_rows.items():
        if len(idxs) % 2 == 1:
            first = "dev" if odd_seen % 2 == 0 else "test"
            odd_seen += 1
        else:
            first = "dev"
        other = "test" if first == "dev" else "dev"
        for k, idx in enumerate(idxs):
            splits[idx] = first if k % 2 == 0 else other
    for kind, idxs in kind_rows.items():
        c = Counter(splits[i] for i in idxs)
        if abs(c["dev"] - c["test"]) > 1:
            fail(f"kind {kind}: split imbalance {dict(c)}")
    total = Counter(splits)
    if total["dev"] != total["test"]:
        fail(f"total split imbalance {dict(total)}")

    # write
    with open(OUT, "w", encoding="utf-8", newline="\n") as fh:
        for n, (r, sp) in enumerate(zip(rows, splits), start=1):
            obj = OrderedDict(
                [
                    ("id", f"ind4-e-{n:04d}"),
                    ("text", r[4]),
                    ("label", "normal"),
                    ("kind", r[2]),
                    ("form", r[3]),
                    ("split", sp),
                ]
            )
            fh.write(json.dumps(obj, ensure_ascii=False) + "\n")

    # report
    per_file = Counter(r[0] for r in rows)
    print(f"wrote {len(rows)} rows to {OUT}")
    print("rows per batch:", dict(sorted(per_file.items())))
    print("forms:", dict(sorted(Counter(r[3] for r in rows).items())))
    print("splits:", dict(sorted(total.items())))
    print("kinds:", len(kind_rows))
    print("max bigram Jaccard: %.3f" % worst[0])
    if worst[1] is not None:
        print("  ", rows[worst[1]][4])
        print("  ", rows[worst[2]][4])
    lens = sorted(len(r[4]) for r in rows)
    print("length min/median/max:", lens[0], lens[len(lens) // 2], lens[-1])


if __name__ == "__main__":
    main()
