"""The public case library holds only the typical cases an officer chose for an issued bulletin, masked,
in the wording published; a desk case nobody chose — one opened from a warning task included — is not
public."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Engine, select

from fanzha.outreach.casebook import count_cases, library
from fanzha.reports.issue import issue
from fanzha.store.case_tables import CaseRow

NARRATIVE = (
    "事主张伟华（电话13912345678）在家中接到自称客服的电话，称其会员将自动扣费，随后按对方要求"
    "向账户6222021234567890128转账3万元。"
)
FROM_A_TASK = (
    "预警任务 #50 处置时发现已受骗（幸福里社区）。居民与涉诈电话 +85261234567 通话2次、短信0条、付款0次。"
)


def _ids(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return dict(conn.execute(select(CaseRow.ref, CaseRow.id)).all())  # type: ignore[arg-type]


def test_only_cases_chosen_for_an_issued_bulletin_are_public(
    registered: Engine, case_adder: Callable[..., None]
) -> None:
    persons = {"victim": {"name": "张伟华"}}
    case_adder(registered, ref="C1", at=datetime(2026, 11, 3, tzinfo=UTC), district="城关区", place="家中",
               fraud_type="impersonate_service", narrative=NARRATIVE, loss_fen=3_000_000, persons=persons)  # fmt: skip
    case_adder(registered, ref="C2", at=datetime(2026, 11, 4, tzinfo=UTC), district="城关区", place="家中",
               fraud_type="investment", narrative="【演示】" + NARRATIVE, synthetic=True)  # fmt: skip
    case_adder(registered, ref="C3", at=datetime(2026, 11, 5, tzinfo=UTC), district="城关区", place="家中",
               fraud_type="investment", narrative=FROM_A_TASK, loss_fen=2_000_000)  # fmt: skip
    assert library(registered) == [] and count_cases(registered) == 0  # nothing chosen yet: nothing public
    ids = _ids(registered)
    issue(registered, "2026-W45", officer="JZ1", cases=[ids["C1"], ids["C2"]])
    cases = library(registered)
    assert len(cases) == 2 == count_cases(registered)
    demo, real = cases
    assert demo.synthetic and demo.text.startswith("【演示数据】")
    assert not real.synthetic and real.source == "警情通报 2026-W45"
    for secret in ("张伟华", "13912345678", "6222021234567890128"):
        assert secret not in real.text
    assert "139****5678" in real.text
    assert real.advice and real.loss == "3.00万元"
    assert all("预警任务" not in c.text for c in cases)  # the warning task's case: not chosen, not public
    assert [c.fraud_type for c in library(registered, fraud_type="impersonate_service")] == [
        "impersonate_service"
    ]
    assert count_cases(registered, fraud_type="investment") == 1
    assert library(registered, fraud_type="nonsense") == []
