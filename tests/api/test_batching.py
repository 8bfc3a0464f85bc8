"""Concurrent checks are assessed together and each caller gets its own verdict."""

from __future__ import annotations

import asyncio

import pytest

from fanzha.api.batching import AssessBatcher
from fanzha.detect.engine import Detector
from fanzha.text.limits import InputError

TEXTS = [
    "您涉嫌洗钱，请将资金转入安全账户，联系17012345678",
    "妈，我明天回家吃饭",
    "【工商银行】您的账户异常，请登录 icbc-vip.cc 验证",
    "刷单返利，日赚三百，加微信 abc12345",
    "周末一起去爬山吗？",
] * 8


def test_concurrent_requests_are_batched_and_answered_in_order(detector: Detector) -> None:
    batcher = AssessBatcher(detector, max_batch=16)
    sizes: list[int] = []
    inner = detector.assess_many

    class Counting:
        def assess_many(self, texts: list[str]) -> list[object]:
            sizes.append(len(texts))
            return inner(texts)  # type: ignore[return-value]

    batcher.detector = Counting()  # type: ignore[assignment]

    async def run() -> list[object]:
        return await asyncio.gather(*(batcher.assess(t) for t in TEXTS))

    results = asyncio.run(run())
    batcher.close()
    expected = detector.assess_many(TEXTS)
    assert [r.to_dict(full=True) for r in results] == [e.to_dict(full=True) for e in expected]  # type: ignore[attr-defined]
    assert max(sizes) > 1 and max(sizes) <= 16 and sum(sizes) == len(TEXTS)


def test_a_bad_text_fails_alone(detector: Detector) -> None:
    batcher = AssessBatcher(detector)

    async def run() -> list[object]:
        return await asyncio.gather(
            batcher.assess("您涉嫌洗钱，请将资金转入安全账户配合调查"),
            batcher.assess("\u200b  "),
            return_exceptions=True,
        )

    good, bad = asyncio.run(run())
    batcher.close()
    assert isinstance(bad, InputError)
    assert good.is_fraud  # type: ignore[union-attr]


def test_a_lone_request_after_close_still_works(detector: Detector) -> None:
    batcher = AssessBatcher(detector)
    batcher.close()
    verdict = asyncio.run(batcher.assess("周末一起去爬山吗？"))
    assert not verdict.is_fraud
    with pytest.raises(InputError):
        asyncio.run(batcher.assess(""))
