#!/usr/bin/env python3
"""Validate the independent4 evaluation set (stdlib only).

Checks: JSON schema and field types, id format and uniqueness (also across files),
text uniqueness (exact and after NFKC + whitespace removal, across files), allowed labels
per file, allowed forms and splits, text length 4-300, dev/test balance per file.
Prints counts per label, form, split and kind. Exit status 1 on any error.
"""

import json
import os
import re
import sys
import unicodedata
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
FRAUD = {
    "impersonate_authority",
    "loan",
    "impersonate_service",
    "impersonate_acquaintance",
    "rebate_task",
    "romance",
    "game_trade",
    "investment",
    "prize",
    "credit_record",
    "shopping",
    "phishing",
    "other_fraud",
}
SPEC = {
    "scams.jsonl": ("s", FRAUD, 200),
    "everyday.jsonl": ("e", {"normal"}, 240),
    "adverts.jsonl": ("a", {"advert", "loan_advert", "illegal_advert"}, 60),
}
FIELDS = {"id", "text", "label", "kind", "form", "split"}
FORMS = {"sms", "chat", "call", "notice", "email", "post"}
SPLITS = {"dev", "test"}

errors = []


def err(msg):
    errors.append(msg)


def norm(t):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", t))


seen_ids, seen_text, seen_norm = {}, {}, {}
for fname, (prefix, labels, expected) in SPEC.items():
    path = os.path.join(HERE, fname)
    if not os.path.exists(path):
        err(f"{fname}: missing")
        continue
    rows = []
    with open(path, encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            if not line.strip():
                err(f"{fname}:{ln}: blank line")
                continue
            try:
                r = json.loads(line)
            except json.JSONDecodeError as e:
                err(f"{fname}:{ln}: bad JSON ({e})")
                continue
            if not isinstance(r, dict) or set(r) != FIELDS:
                err(
                    f"{fname}:{ln}: fields {sorted(r) if isinstance(r, dict) else type(r)} != {sorted(FIELDS)}"
                )
                continue
            if not all(isinstance(r[k], str) for k in FIELDS):
                err(f"{fname}:{ln}: all fields must be strings")
                continue
            where = f"{fname}:{ln} ({r['id']})"
            if not re.fullmatch(rf"ind4-{prefix}-\d{{4}}", r["id"]):
                err(f"{where}: bad id format")
            if r["id"] in seen_ids:
                err(f"{where}: duplicate id (also {seen_ids[r['id']]})")
            seen_ids[r["id"]] = where
            t = r["text"]
            if t != t.strip():
                err(f"{where}: leading/trailing whitespace")
            if not 4 <= len(t) <= 300:
                err(f"{where}: text length {len(t)} outside 4-300")
            if t in seen_text:
                err(f"{where}: duplicate text (also {seen_text[t]})")
            seen_text[t] = where
            n = norm(t)
            if n in seen_norm:
                err(f"{where}: duplicate text after NFKC/whitespace normalisation (also {seen_norm[n]})")
            else:
                seen_norm[n] = where
            if r["label"] not in labels:
                err(f"{where}: label {r['label']!r} not allowed in {fname}")
            if r["form"] not in FORMS:
                err(f"{where}: form {r['form']!r} not in {sorted(FORMS)}")
            if r["split"] not in SPLITS:
                err(f"{where}: split {r['split']!r} not in {sorted(SPLITS)}")
            if not re.fullmatch(r"[a-z0-9_]+", r["kind"]):
                err(f"{where}: kind {r['kind']!r} must be a short lower-case tag")
            rows.append(r)
    if len(rows) != expected:
        err(f"{fname}: {len(rows)} rows, expected {expected}")
    sp = Counter(r["split"] for r in rows)
    if abs(sp["dev"] - sp["test"]) > 1:
        err(f"{fname}: split imbalance {dict(sp)}")
    for kind in {r["kind"] for r in rows}:
        ks = Counter(r["split"] for r in rows if r["kind"] == kind)
        if abs(ks["dev"] - ks["test"]) > 1:
            err(f"{fname}: kind {kind} split imbalance {dict(ks)}")

    lens = sorted(len(r["text"]) for r in rows)
    print(
        f"== {fname}: {len(rows)} rows; text length min {lens[0] if lens else 0}, "
        f"median {lens[len(lens) // 2] if lens else 0}, max {lens[-1] if lens else 0}"
    )
    for field in ("label", "form", "split"):
        c = Counter(r[field] for r in rows)
        print(f"  {field}: " + ", ".join(f"{k} {v}" for k, v in c.most_common()))
    lc = Counter((r["label"], r["split"]) for r in rows)
    print(
        "  label x split: "
        + ", ".join(
            f"{lab} {lc[(lab, 'dev')]}/{lc[(lab, 'test')]}" for lab in sorted({r["label"] for r in rows})
        )
    )
    print(f"  kinds: {len({r['kind'] for r in rows})} distinct")

if errors:
    print(f"\nFAILED: {len(errors)} error(s)")
    for e in errors:
        print("  " + e)
    sys.exit(1)
print("\nOK: all checks passed")
