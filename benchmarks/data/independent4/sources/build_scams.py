#!/usr/bin/env python3
"""Build scams.jsonl and adverts.jsonl of the independent4 set from the hand-written batches.

Standard library only. Deterministic: ids follow batch order then row order; splits are
assigned alternately within each (label, kind) group, groups taken in order of first
appearance, the starting split flipping after every odd-sized group, so that every file is
split exactly half and half and every group differs by at most one row between splits.

Fails loudly (non-zero exit, AssertionError / SystemExit) if any check fails.
Run from anywhere:  python3 build_scams.py
"""
import importlib.util
import itertools
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
OUT_DIR = os.path.dirname(HERE)

SCAM_BATCHES = ["scams_1.py", "scams_2.py", "scams_3.py", "scams_4.py"]
ADVERT_BATCHES = ["adverts_1.py"]

SCAM_LABELS = {
    "impersonate_authority", "loan", "impersonate_service", "impersonate_acquaintance",
    "rebate_task", "romance", "game_trade", "investment", "prize", "credit_record",
    "shopping", "phishing", "other_fraud",
}
ADVERT_LABELS = {"advert", "loan_advert", "illegal_advert"}
FORMS = {"sms", "chat", "call", "notice", "email", "post"}
KIND_RE = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")

EXPECTED_SCAMS = 200
EXPECTED_ADVERTS = 60
EXPECTED_ADVERT_LABELS = {"advert": 30, "loan_advert": 12, "illegal_advert": 18}
MIN_LEN, MAX_LEN = 6, 300
MAX_JACCARD = 0.6


def fail(msg):
    sys.stderr.write("BUILD FAILED: " + msg + "\n")
    sys.exit(1)


def load_rows(filename):
    path = os.path.join(HERE, filename)
    spec = importlib.util.spec_from_file_location(filename[:-3], path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    rows = getattr(mod, "ROWS", None)
    if not isinstance(rows, list) or not rows:
        fail(f"{filename}: ROWS missing or empty")
    for i, row in enumerate(rows):
        if not (isinstance(row, tuple) and len(row) == 4 and all(isinstance(x, str) for x in row)):
            fail(f"{filename} row {i}: expected (label, kind, form, text) strings, got {row!r}")
    return rows


def norm(text):
    t = unicodedata.normalize("NFKC", text)
    return "".join(t.split())


def bigrams(text):
    t = norm(text)
    if len(t) < 2:
        return {t}
    return {t[i:i + 2] for i in range(len(t) - 1)}


def assign_splits(rows):
    """rows: list of (label, kind, form, text). Returns list of 'dev'/'test'."""
    groups = {}
    order = []
    for idx, (label, kind, _form, _text) in enumerate(rows):
        key = (label, kind)
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(idx)
    splits = [None] * len(rows)
    start = 0  # 0 -> dev first, 1 -> test first
    names = ("dev", "test")
    for key in order:
        members = groups[key]
        for j, idx in enumerate(members):
            splits[idx] = names[(start + j) % 2]
        if len(members) % 2 == 1:
            start = 1 - start
    return splits, groups


def check_rows(rows, allowed_labels, what):
    for label, kind, form, text in rows:
        if label not in allowed_labels:
            fail(f"{what}: bad label {label!r} for text {text!r}")
        if form not in FORMS:
            fail(f"{what}: bad form {form!r} for text {text!r}")
        if not KIND_RE.match(kind):
            fail(f"{what}: kind not snake_case: {kind!r}")
        n = len(text)
        if not (MIN_LEN <= n <= MAX_LEN):
            fail(f"{what}: length {n} outside [{MIN_LEN},{MAX_LEN}]: {text!r}")
        if text != text.strip():
            fail(f"{what}: leading/trailing whitespace: {text!r}")
        if "\n" in text or "\r" in text:
            fail(f"{what}: newline in text: {text!r}")


def build(batches, prefix, allowed_labels, what):
    rows = []
    for b in batches:
        rows.extend(load_rows(b))
    check_rows(rows, allowed_labels, what)
    splits, groups = assign_splits(rows)
    out = []
    for i, ((label, kind, form, text), split) in enumerate(zip(rows, splits), start=1):
        out.append({"id": f"{prefix}{i:04d}", "text": text, "label": label,
                    "kind": kind, "form": form, "split": split})
    # split checks
    n_dev = sum(1 for r in out if r["split"] == "dev")
    n_test = len(out) - n_dev
    if n_dev != n_test:
        fail(f"{what}: dev/test not half and half ({n_dev}/{n_test})")
    for key, members in groups.items():
        d = sum(1 for i in members if splits[i] == "dev")
        t = len(members) - d
        if abs(d - t) > 1:
            fail(f"{what}: group {key} unbalanced {d}/{t}")
    return out


def main():
    scams = build(SCAM_BATCHES, "ind4-s-", SCAM_LABELS, "scams")
    adverts = build(ADVERT_BATCHES, "ind4-a-", ADVERT_LABELS, "adverts")

    if len(scams) != EXPECTED_SCAMS:
        fail(f"expected {EXPECTED_SCAMS} scams, got {len(scams)}")
    if len(adverts) != EXPECTED_ADVERTS:
        fail(f"expected {EXPECTED_ADVERTS} adverts, got {len(adverts)}")
    for lab, n in EXPECTED_ADVERT_LABELS.items():
        got = sum(1 for r in adverts if r["label"] == lab)
        if got != n:
            fail(f"expected {n} {lab}, got {got}")
    missing = SCAM_LABELS - {r["label"] for r in scams}
    if missing:
        fail(f"scam labels with no rows: {sorted(missing)}")

    everything = scams + adverts
    # uniqueness: exact and after NFKC + whitespace removal
    seen_exact, seen_norm = {}, {}
    for r in everything:
        if r["text"] in seen_exact:
            fail(f"duplicate text: {r['id']} and {seen_exact[r['text']]}")
        seen_exact[r["text"]] = r["id"]
        k = norm(r["text"])
        if k in seen_norm:
            fail(f"duplicate after NFKC/whitespace normalisation: {r['id']} and {seen_norm[k]}")
        seen_norm[k] = r["id"]

    # character-bigram Jaccard between any two texts (scams and adverts together)
    grams = [(r["id"], bigrams(r["text"])) for r in everything]
    worst = (0.0, None, None)
    for (ia, ga), (ib, gb) in itertools.combinations(grams, 2):
        inter = len(ga & gb)
        if not inter:
            continue
        j = inter / len(ga | gb)
        if j > worst[0]:
            worst = (j, ia, ib)
        if j > MAX_JACCARD:
            fail(f"bigram Jaccard {j:.3f} > {MAX_JACCARD} between {ia} and {ib}")

    for name, data in (("scams.jsonl", scams), ("adverts.jsonl", adverts)):
        path = os.path.join(OUT_DIR, name)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            for r in data:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")

    def counts(data, field):
        c = {}
        for r in data:
            c[r[field]] = c.get(r[field], 0) + 1
        return dict(sorted(c.items(), key=lambda kv: (-kv[1], kv[0])))

    print(f"scams: {len(scams)} rows, {len({(r['label'], r['kind']) for r in scams})} (label, kind) groups")
    print("  labels:", counts(scams, "label"))
    print("  forms: ", counts(scams, "form"))
    print("  splits:", counts(scams, "split"))
    print(f"adverts: {len(adverts)} rows, {len({(r['label'], r['kind']) for r in adverts})} (label, kind) groups")
    print("  labels:", counts(adverts, "label"))
    print("  forms: ", counts(adverts, "form"))
    print("  splits:", counts(adverts, "split"))
    print(f"max bigram Jaccard {worst[0]:.3f} ({worst[1]} vs {worst[2]})")
    lens = [len(r["text"]) for r in everything]
    print(f"lengths: min {min(lens)} max {max(lens)}; scams <=40 chars: "
          f"{sum(1 for r in scams if len(r['text']) <= 40)}")


if __name__ == "__main__":
    main()
