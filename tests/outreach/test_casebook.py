from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Engine

from fanzha.outreach.casebook import count_cases, library

NARRATIVE = (
    "事主张伟华（电话13912345678）在家中接到自称客服的电话，称其会员将自动扣费，随后按对方要求"
    "向账户6222021234567890128转账3万元。"
)


def test_cases_are_masked_and_demo_ones_labelled(registered: Engine, case_adder: Callable[..., None]) -> None:
    persons = {"victim": {"name": "张伟华"}}
    case_adder(registered, ref="C1", at=datetime(2026, 11, 5, tzinfo=UTC), district="城关区", place="家中",
               fraud_type="impersonate_service", narrative=NARRATIVE, loss_fen=3_000_000, persons=persons)  # fmt: skip
    case_adder(registered, ref="C2", at=datetime(2026, 11, 6, tzinfo=UTC), district="城关区", place="家中",
               fraud_type="investment", narrative="【演示】" + NARRATIVE, synthetic=True)  # fmt: skip
    case_adder(registered, ref="C3", at=datetime(2026, 11, 7, tzinfo=UTC), district="城关区", place="家中",
               fraud_type="investment", narrative="太短")  # fmt: skip
    cases = library(registered)
    assert len(cases) == 2 == count_cases(registered)
    demo, real = cases
    assert demo.synthetic and demo.text.startswith("【演示数据】")
    assert not real.synthetic and real.source == "案件库"
    for secret in ("张伟华", "13912345678", "6222021234567890128"):
        assert secret not in real.text
    assert "139****5678" in real.text
    assert real.advice and real.loss == "3.00万元"
    assert [c.fraud_type for c in library(registered, fraud_type="impersonate_service")] == [
        "impersonate_service"
    ]
    assert library(registered, fraud_type="nonsense") == []
