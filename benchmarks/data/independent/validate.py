"""Validate the independent evaluation set: parse, fields, labels, ids, duplicates, counts."""

import collections
import json
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))

from validate_set import ADVERTS, FRAUD, norm  # noqa: E402  (the label sets every set's validator checks)

ALLOWED = {"scams.jsonl": FRAUD, "everyday.jsonl": {"normal"}, "adverts.jsonl": ADVERTS}
PREFIX = {"scams.jsonl": "ind-s-", "everyday.jsonl": "ind-e-", "adverts.jsonl": "ind-a-"}
FORMS = {"sms", "chat", "call", "notice", "email", "post"}
FIELDS = ["id", "text", "label", "kind", "form", "split"]


def grams(t, n=3):
    t = norm(t)
    return {t[i : i + n] for i in range(max(1, len(t) - n + 1))}


errors, ids, texts, allrows = [], set(), {}, []
for fname, labels in ALLOWED.items():
    rows = []
    for ln, line in enumerate((HERE / fname).read_text(encoding="utf-8").splitlines(), 1):
        try:
            o = json.loads(line)
        except Exception as e:
            errors.append(f"{fname}:{ln} bad json {e}")
            continue
        for k in FIELDS:
            if not isinstance(o.get(k), str) or not o[k]:
                errors.append(f"{fname}:{ln} missing/empty {k}")
        if o.get("label") not in labels:
            errors.append(f"{fname}:{ln} bad label {o.get('label')}")
        if o.get("form") not in FORMS:
            errors.append(f"{fname}:{ln} bad form {o.get('form')}")
        if o.get("split") not in ("dev", "test"):
            errors.append(f"{fname}:{ln} bad split")
        if not str(o.get("id", "")).startswith(PREFIX[fname]):
            errors.append(f"{fname}:{ln} bad id prefix")
        if o.get("id") in ids:
            errors.append(f"{fname}:{ln} duplicate id {o['id']}")
        ids.add(o.get("id"))
        n = norm(o.get("text", ""))
        if n in texts:
            errors.append(f"{fname}:{ln} duplicate text of {texts[n]}")
        texts[n] = o.get("id")
        rows.append(o)
        allrows.append(o)
    print(f"== {fname}: {len(rows)} rows")
    for field in ("label", "form", "split"):
        print(f"  {field}: {dict(sorted(collections.Counter(r[field] for r in rows).items()))}")
    kinds = collections.Counter((r["label"], r["kind"]) for r in rows)
    print(f"  kinds ({len(kinds)}): " + ", ".join(f"{lab}/{k}={c}" for (lab, k), c in sorted(kinds.items())))
    by = collections.defaultdict(collections.Counter)
    for r in rows:
        by[r["kind"]][r["split"]] += 1
    one_sided = [k for k, c in by.items() if sum(c.values()) >= 2 and (not c["dev"] or not c["test"])]
    if one_sided:
        errors.append(f"{fname}: kinds with only one split: {one_sided}")

# near-duplicates: character trigram Jaccard
G = [(r["id"], grams(r["text"])) for r in allrows]
near = []
for i in range(len(G)):
    for j in range(i + 1, len(G)):
        a, b = G[i][1], G[j][1]
        jac = len(a & b) / len(a | b)
        if jac >= 0.5:
            near.append((round(jac, 2), G[i][0], G[j][0]))
print(f"near-duplicate pairs (trigram Jaccard >= 0.5): {len(near)}")
for x in sorted(near, reverse=True)[:30]:
    print("  ", x)
if errors:
    print("ERRORS:")
    [print("  ", e) for e in errors]
    sys.exit(1)
print("OK")
