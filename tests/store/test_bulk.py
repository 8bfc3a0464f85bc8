"""insert_rows: COPY on PostgreSQL, executemany elsewhere; the same rows read back, the same errors."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, cast

import pytest
from sqlalchemy import Engine, Table, select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from fanzha.store import upgrade
from fanzha.store.bulk import insert_rows
from fanzha.store.faults import READ_ONLY, outage_of
from fanzha.store.screen_tables import ScreenDecisionRow

TABLE = cast(Table, ScreenDecisionRow.__table__)


def _row(transfer_id: str, **changes: Any) -> dict[str, Any]:
    now = datetime(2026, 12, 4, 8, 30, tzinfo=UTC)
    return {
        "bank": "b1",
        "transfer_id": transfer_id,
        "transfer_at": now,
        "decided_at": now,
        "outcome": "hold",
        "score": 70,
        "amount_fen": 12_345_600,
        "channel": "mobile",
        "payer_account": "6222020200112233445",
        "payee_account": "6222 0202\t0011\\2299",  # a tab and a backslash: COPY's text format escapes them
        "rules_version": "default-2026.12",
        "reasons": [{"rule": "fan_in", "clause": "收款方一小时内收到 12 个新付款人的转账"}],
        "actions": [],
        "executions": "h..?",
        "shadow": None,
        "transfer": {"id": transfer_id, "amount": 123456.0, "big": 2**70, "note": "换\n行"},
        "review": "",
        "reviewed_by": "",
        "reviewed_at": None,
        "review_note": "",
        **changes,
    }


def test_rows_read_back_as_written(engine: Engine) -> None:
    upgrade(engine)
    rows = [_row("t1"), _row("t2", shadow={"outcome": "warn"}, outcome="allow")]
    with engine.begin() as connection:
        insert_rows(connection, TABLE, rows)
    with engine.connect() as connection:
        stored = {r.transfer_id: r for r in connection.execute(select(TABLE)).all()}
    assert set(stored) == {"t1", "t2"}
    one = stored["t1"]
    assert one.payee_account == rows[0]["payee_account"]
    assert one.reasons == rows[0]["reasons"] and one.executions == "h..?"
    assert one.transfer == rows[0]["transfer"]  # an integer beyond 64 bits and a newline survive
    assert one.shadow is None and one.reviewed_at is None
    assert stored["t2"].shadow == {"outcome": "warn"} and stored["t2"].outcome == "allow"
    assert one.decided_at.replace(tzinfo=UTC) == rows[0]["decided_at"]


def test_a_taken_key_is_an_integrity_error_and_the_transaction_keeps_nothing(engine: Engine) -> None:
    upgrade(engine)
    with engine.begin() as connection:
        insert_rows(connection, TABLE, [_row("t1")])
    with pytest.raises(IntegrityError), engine.begin() as connection:
        insert_rows(connection, TABLE, [_row("t2"), _row("t1")])
    with engine.connect() as connection:
        assert [r.transfer_id for r in connection.execute(select(TABLE.c.transfer_id)).all()] == ["t1"]


def test_a_read_only_store_refuses_with_the_outage_the_service_answers(
    engine: Engine, store_faults: Any
) -> None:
    upgrade(engine)
    with (
        store_faults.read_only(engine),
        pytest.raises(SQLAlchemyError) as caught,
        engine.begin() as connection,
    ):
        insert_rows(connection, TABLE, [_row("t1")])
    assert outage_of(caught.value) is READ_ONLY  # 503 with Retry-After, reads still served


def test_no_rows_is_nothing_to_do(engine: Engine) -> None:
    upgrade(engine)
    with engine.begin() as connection:
        insert_rows(connection, TABLE, [])
    with engine.connect() as connection:
        assert connection.execute(select(TABLE.c.id)).all() == []
