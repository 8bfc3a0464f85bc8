"""Texts drawn from the shared corpus for the speed and memory benchmarks, sampled with a fixed seed."""

from __future__ import annotations

import random

from suite.common import DEV, SEED, TRAIN, read_jsonl


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
