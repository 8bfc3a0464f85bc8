# -*- coding: utf-8 -*-
"""Build ../scams.jsonl and ../adverts.jsonl from the hand-written batches.

Reads sources/scams_1.py, scams_2.py, ... and sources/adverts_1.py, ... in numeric
order, assigns ids in file order (ind3-s-NNNN / ind3-a-NNNN), assigns splits
and runs the quality checks. Stdlib only, deterministic: running it twice gives
byte-identical files.

Split rule: rows are grouped by (label, kind) in order of first appearance;
inside a group rows alternate dev/test in file order. Even-sized groups start
with dev; odd-sized groups alternately start with dev and test (in order of
first appearance), so that each file is exactly half dev, half test whenever
the number of odd groups is even (always true when the file has an even number
of rows) and every group's two splits differ by at most one row.
"""
import importlib.util
import json
import os
import re
import sys
import unicodedata
from collections import Counter, OrderedDict

HERE = os.path.dirname(os.path.abspath(__file__))
OUT_DIR = os.path.dirname(HERE)

SCAM_LABELS = {
    "impersonate_authority", "loan", "impersonate_service",
    "impersonate_acquaintance", "rebate_task", "romance", "game_trade",
    "investment", "prize", "credit_record", "shopping", "phishing",
    "other_fraud",
}
ADVERT_LABELS = {"advert", "loan_advert", "illegal_advert"}
FORMS = {"sms", "chat", "call", "notice", "email", "post"}
KIND_RE = re.compile(r"^[a-z0-9]+(_[a-z0-9]+)*$")


def batch_files(prefix):
    pat = re.compile(r"^%s_(\d+)\.py$" % prefix)
    found = []
    for name in os.listdir(HERE):
        m = pat.match(name)
        if m:
            found.append((int(m.group(1)), name))
    return [name for _, name in sorted(found)]


def load_rows(name):
    path = os.path.join(HERE, name)
    spec = importlib.util.spec_from_file_location(name[:-3], path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return list(mod.ROWS)


def assign_splits(rows):
    groups = OrderedDict()
    for i, (label, kind, _form, _text) in enumerate(rows):
        groups.setdefault((label, kind), []).append(i)
    splits = [None] * len(rows)
    odd_seen = 0
    for idx in groups.values():
        if len(idx) % 2 == 1:
            start = odd_seen % 2
            odd_seen += 1
        else:
            start = 0
        for j, i in enumerate(idx):
            splits[i] = "dev" if (j + start) % 2 == 0 else "test"
    return splits, groups


def norm(text):
    t = unicodedata.normalize("NFKC", text)
    return re.sub(r"\s+", "", t)


def bigrams(text):
    t = norm(text)
    return {t[i:i + 2] for i in range(len(t) - 1)}


def build(prefix, id_prefix, labels):
    rows = []
    for name in batch_files(prefix):
        rows.extend(load_rows(name))
    errors = []
    for r in rows:
        if len(r) != 4:
            errors.append("bad row %r" % (r,))
            continue
        label, kind, form, text = r
        if label not in labels:
            errors.append("bad label %s" % label)
        if form not in FORMS:
            errors.append("bad form %s" % form)
        if not KIND_RE.match(kind):
            errors.append("bad kind %s" % kind)
        if not (10 <= len(text) <= 300):
            errors.append("length %d: %s" % (len(text), text[:30]))
    splits, groups = assign_splits(rows)
    out = []
    for n, ((label, kind, form, text), split) in enumerate(zip(rows, splits), 1):
        out.append(OrderedDict([
            ("id", "%s-%04d" % (id_prefix, n)),
            ("text", text),
            ("label", label),
            ("kind", kind),
            ("form", form),
            ("split", split),
        ]))
    return out, errors


def check_all(all_rows):
    errors = []
    seen = {}
    for r in all_rows:
        k = norm(r["text"])
        if k in seen:
            errors.append("duplicate after NFKC/whitespace: %s and %s" % (seen[k], r["id"]))
        seen[k] = r["id"]
    grams = [(r["id"], bigrams(r["text"])) for r in all_rows]
    worst = []
    for i in range(len(grams)):
        a_id, a = grams[i]
        for j in range(i + 1, len(grams)):
            b_id, b = grams[j]
            union = len(a | b)
            if not union:
                continue
            jac = len(a & b) / union
            if jac > 0.6:
                errors.append("bigram Jaccard %.3f: %s %s" % (jac, a_id, b_id))
            worst.append((jac, a_id, b_id))
    worst.sort(reverse=True)
    return errors, worst[:10]


def write_jsonl(path, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def report(name, rows):
    print("== %s: %d rows" % (name, len(rows)))
    print("  split:", dict(Counter(r["split"] for r in rows)))
    print("  label:", dict(Counter(r["label"] for r in rows)))
    print("  form:", dict(Counter(r["form"] for r in rows)))
    print("  distinct kinds:", len({r["kind"] for r in rows}))
    sms = sorted(len(r["text"]) for r in rows if r["form"] == "sms")
    if sms:
        print("  sms rows %d, median length %d" % (len(sms), sms[len(sms) // 2]))
    # per-group balance
    g = {}
    for r in rows:
        g.setdefault((r["label"], r["kind"]), Counter())[r["split"]] += 1
    bad = [k for k, c in g.items() if abs(c["dev"] - c["test"]) > 1]
    print("  unbalanced groups:", bad)


def main():
    scams, e1 = build("scams", "ind3-s", SCAM_LABELS)
    adverts, e2 = build("adverts", "ind3-a", ADVERT_LABELS)
    errors = e1 + e2
    e3, worst = check_all(scams + adverts)
    errors += e3
    report("scams", scams)
    report("adverts", adverts)
    print("highest bigram Jaccard pairs:")
    for jac, a, b in worst[:5]:
        print("  %.3f %s %s" % (jac, a, b))
    if errors:
        print("ERRORS:")
        for e in errors:
            print("  " + e)
        sys.exit(1)
    write_jsonl(os.path.join(OUT_DIR, "scams.jsonl"), scams)
    write_jsonl(os.path.join(OUT_DIR, "adverts.jsonl"), adverts)
    print("wrote scams.jsonl and adverts.jsonl")


if __name__ == "__main__":
    main()
