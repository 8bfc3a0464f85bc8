#!/usr/bin/env python3
"""Validate an independently written evaluation set (stdlib only): `validate(directory, …)` is called by
each set's own `validate.py` with its id prefix, expected counts and shortest text.

Checks: JSON schema and field types, id format and uniqueness (also across files), text uniqueness
(exact and after NFKC + whitespace removal, across files), allowed labels per file, allowed forms and
splits, text length, dev/test balance per file and per kind. Prints counts per label, form, split and
kind. Exits with status 1 on any error.
"""

import json
import os
import re
import sys
import unicodedata
from collections import Counter

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
ADVERTS = {"advert", "loan_advert", "illegal_advert"}
FIELDS = {"id", "text", "label", "kind", "form", "split"}
FORMS = {
    "sms",
    "chat",
    "call",
    "notice",
    "email",
    "post",
    "retelling",
    "narrative",
    "statement",
    "dialogue",
    "complaint",
    "news",
    "question",
}
SPLITS = {"dev", "test"}
MAX_CHARS = 300


def norm(t):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", t))


def validate(here, set_id, counts, min_chars=10, max_chars=MAX_CHARS):
    """`set_id`: the ids' prefix (`ind2`); `counts`: rows expected in scams, everyday and adverts; texts
    are `min_chars` to `max_chars` long (a set of long letters allows more than the SMS-length default)."""
    spec = {
        "scams.jsonl": ("s", FRAUD, counts[0]),
        "everyday.jsonl": ("e", {"normal"}, counts[1]),
        "adverts.jsonl": ("a", ADVERTS, counts[2]),
    }
    errors = []

    def err(msg):
        errors.append(msg)

    seen_ids, seen_text, seen_norm = {}, {}, {}
    for fname, (prefix, labels, expected) in spec.items():
        path = os.path.join(here, fname)
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
                if not re.fullmatch(rf"{set_id}-{prefix}-\d{{4}}", r["id"]):
                    err(f"{where}: bad id format")
                if r["id"] in seen_ids:
                    err(f"{where}: duplicate id (also {seen_ids[r['id']]})")
                seen_ids[r["id"]] = where
                t = r["text"]
                if t != t.strip():
                    err(f"{where}: leading/trailing whitespace")
                if not min_chars <= len(t) <= max_chars:
                    err(f"{where}: text length {len(t)} outside {min_chars}-{max_chars}")
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
