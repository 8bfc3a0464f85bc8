"""Group commit: concurrent requests are screened together, each gets its own answers in its own order,
banks stay apart, and every decision is stored before its answer is sent."""

from __future__ import annotations

import asyncio
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fanzha.api.screen_batching import ScreenBatcher
from fanzha.intel.repository import IntelStore
from fanzha.screen.service import build_service
from fanzha.store import make_engine, upgrade
from fanzha.store.screen_tables import ScreenDecisionRow


def test_concurrent_requests_are_answered_separately_and_all_stored(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'b.sqlite3'}")
    upgrade(engine)
    batcher = ScreenBatcher(build_service(engine=engine, intel=IntelStore(engine)), max_merged=7)

    def request(i: int) -> list[dict[str, object]]:
        return [{"id": f"r{i}-{j}", "amount": 100 * (j + 1), "payer": {"account": f"A{i}"},
                 "payee": {"account": "P"}} for j in range(i % 3 + 1)]  # fmt: skip

    async def run() -> list[list[dict[str, object]]]:
        calls = [batcher.screen(bank=f"bank-{i % 2}", raws=request(i)) for i in range(20)]
        return await asyncio.gather(*calls)

    answers = asyncio.run(run())
    batcher.close()
    for i, answer in enumerate(answers):
        assert [a["id"] for a in answer] == [f"r{i}-{j}" for j in range(i % 3 + 1)]
    with Session(engine) as session:
        stored = session.scalar(select(func.count()).select_from(ScreenDecisionRow))
        banks = set(session.scalars(select(ScreenDecisionRow.bank)))
    assert stored == sum(i % 3 + 1 for i in range(20)) and banks == {"bank-0", "bank-1"}
