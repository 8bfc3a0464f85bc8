"""Texts drawn from the shared corpus and the real SMS for the speed and memory benchmarks, sampled
with a fixed seed."""

from __future__ import annotations

import random

from suite.common import DEV, REAL_SMS, SEED, TRAIN, read_jsonl


def sms_texts(n: int) -> list[str]:
    """`n` SMS-length texts: train+dev texts cut to their first 70 characters, sampled with a seed."""
    pool = [r["text"][:70] for path in (TRAIN, DEV) for r in read_jsonl(path)]
    pool = [t for t in pool if t.strip()]
    rng = random.Random(SEED)
    if n <= len(pool):
        return rng.sample(pool, n)
    return [rng.choice(pool) for _ in range(n)]


def dev_texts_shuffled() -> list[str]:
    """dev.jsonl texts with their placeholders cleaned, as fanzha sees real text, in a seeded order."""
    from fanzha.learn.dataset import iter_clean, read_examples

    texts = [e.text for e in iter_clean(read_examples(DEV))]
    random.Random(SEED).shuffle(texts)
    return texts


def real_sms_rows(n: int = 0) -> list[tuple[str, str]]:
    """(id, text) of the real SMS (every fold: these are for speed, not quality) in file order; with `n`,
    a sample of `n` rows drawn with the benchmark seed, still in file order."""
    rows = [(str(r["id"]), str(r["text"])) for r in read_jsonl(REAL_SMS)]
    if n and n < len(rows):
        keep = set(random.Random(SEED).sample(range(len(rows)), n))
        rows = [row for i, row in enumerate(rows) if i in keep]
    return rows


def real_sms_shuffled(n: int) -> list[str]:
    """`n` real SMS texts in a seeded random order (distinct rows while `n` ≤ 16,677)."""
    texts = [t for _, t in real_sms_rows()]
    rng = random.Random(SEED)
    if n <= len(texts):
        return rng.sample(texts, n)
    return [rng.choice(texts) for _ in range(n)]
