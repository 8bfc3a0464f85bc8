"""The hash-chained audit log: appends link up, `verify` passes an intact chain and names the first
entry that was changed, deleted, reordered or renumbered."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import Engine, delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from fanzha.audit.log import GENESIS, append, append_retrying, history, recent, verify
from fanzha.store import upgrade
from fanzha.store.case_tables import AuditRow

T0 = datetime(2025, 3, 1, 10, 0, tzinfo=UTC)


@pytest.fixture
def db(engine: Engine) -> Engine:
    upgrade(engine)
    return engine


def fill(engine: Engine, n: int = 5) -> list[str]:
    """n entries, one per transaction; their hashes."""
    hashes = []
    for i in range(1, n + 1):
        with Session(engine) as session:
            row = append(
                session,
                actor=f"民警{i}",
                action="order.requested",
                subject=f"order:{(i + 1) // 2}",
                detail={"amount_fen": i * 100, "note": "紧急止付"},
                at=T0 + timedelta(minutes=i),
            )
            hashes.append(row.hash)
            session.commit()
    return hashes


def test_entries_are_numbered_and_each_links_to_the_one_before(db: Engine) -> None:
    hashes = fill(db)
    with Session(db) as session:
        rows = session.scalars(select(AuditRow).order_by(AuditRow.seq)).all()
    assert [r.seq for r in rows] == [1, 2, 3, 4, 5]
    assert [r.prev_hash for r in rows] == [GENESIS, *hashes[:-1]]
    assert json.loads(rows[0].detail) == {"amount_fen": 100, "note": "紧急止付"}
    assert rows[0].detail == '{"amount_fen":100,"note":"紧急止付"}'  # canonical: sorted, compact, UTF-8


def test_an_intact_chain_verifies_and_gives_its_head(db: Engine) -> None:
    assert verify(db) == verify(db).__class__(True, 0, GENESIS)
    hashes = fill(db)
    result = verify(db)
    assert (result.ok, result.checked, result.head, result.bad_seq) == (True, 5, hashes[-1], None)
    assert verify(db, batch=2) == result  # the walk goes batch by batch


def test_history_and_recent(db: Engine) -> None:
    fill(db)
    with Session(db) as session:
        assert [e.seq for e in history(session, "order:2")] == [3, 4]
        assert [e.seq for e in recent(session, limit=2)] == [5, 4]
        assert history(session, "order:2")[0].detail == {"amount_fen": 300, "note": "紧急止付"}


def test_an_entry_appended_in_a_rolled_back_transaction_leaves_no_trace(db: Engine) -> None:
    fill(db, 2)
    with Session(db) as session:
        append(session, actor="x", action="order.executed", subject="order:9")
        session.rollback()
    assert verify(db).checked == 2


def test_append_retrying_runs_the_work_again_when_the_sequence_number_was_taken(db: Engine) -> None:
    attempts: list[int] = []

    def work(session: Session) -> int:
        attempts.append(1)
        row = append(session, actor="甲", action="order.renewed", subject="order:1", at=T0)
        if len(attempts) == 1:
            raise IntegrityError("INSERT INTO audit_log", None, Exception("duplicate key seq"))
        return row.seq

    assert append_retrying(db, work) == 1
    assert len(attempts) == 2 and verify(db).checked == 1


def _sql(engine: Engine, *statements: object) -> None:
    with Session(engine) as session:
        for statement in statements:
            session.execute(statement)  # type: ignore[call-overload]
        session.commit()


def _swap_seq(engine: Engine, a: int, b: int) -> None:
    _sql(
        engine,
        update(AuditRow).where(AuditRow.seq == a).values(seq=-1),
        update(AuditRow).where(AuditRow.seq == b).values(seq=a),
        update(AuditRow).where(AuditRow.seq == -1).values(seq=b),
    )


def _rehash_entry_3(engine: Engine) -> None:
    """A forger changes entry 3 and gives it a correct hash over the new content: the next one breaks."""
    from fanzha.audit.log import _digest

    with Session(engine) as session:
        row = session.get_one(AuditRow, 3)
        row.detail = '{"amount_fen":1,"note":"紧急止付"}'
        row.hash = _digest(row.prev_hash, 3, row.at, row.actor, row.action, row.subject, row.detail)
        session.commit()


def _set(seq: int, **values: object) -> Callable[[Engine], None]:
    return lambda e: _sql(e, update(AuditRow).where(AuditRow.seq == seq).values(**values))


def _renumber_to_close_a_gap(engine: Engine) -> None:
    _sql(
        engine,
        delete(AuditRow).where(AuditRow.seq == 3),
        update(AuditRow).where(AuditRow.seq == 4).values(seq=3),
        update(AuditRow).where(AuditRow.seq == 5).values(seq=4),
    )


# how → (tampering, the seq reported, the reason, how many entries checked good before it)
TAMPERING: dict[str, tuple[Callable[[Engine], None], int, str, int]] = {
    "detail changed": (_set(3, detail='{"amount_fen":1}'), 3, "被改动", 2),
    "actor changed": (_set(3, actor="他人"), 3, "被改动", 2),
    "time changed": (_set(3, at=T0 + timedelta(days=1)), 3, "被改动", 2),
    "hash changed": (_set(3, hash="f" * 64), 3, "被改动", 2),
    "link changed": (_set(3, prev_hash="0" * 64), 3, "不衔接", 2),
    "entry rewritten with a fresh hash": (_rehash_entry_3, 4, "不衔接", 3),
    "entry deleted": (lambda e: _sql(e, delete(AuditRow).where(AuditRow.seq == 3)), 4, "缺少第 3 条", 2),
    "first entry deleted": (
        lambda e: _sql(e, delete(AuditRow).where(AuditRow.seq == 1)),
        2,
        "缺少第 1 条",
        0,
    ),
    "entries reordered": (lambda e: _swap_seq(e, 2, 3), 2, "不衔接", 1),
    "entries renumbered to close a gap": (_renumber_to_close_a_gap, 3, "不衔接", 2),
}


@pytest.mark.parametrize("how", sorted(TAMPERING))
def test_tampering_is_found_at_the_first_entry_it_touches(db: Engine, how: str) -> None:
    fill(db)
    tamper, bad_seq, reason, checked = TAMPERING[how]
    tamper(db)
    result = verify(db)
    assert (result.ok, result.bad_seq, result.checked) == (False, bad_seq, checked)
    assert reason in result.reason
    with Session(db) as session:  # the head is the hash of the last entry that still fits
        assert result.head == (session.get_one(AuditRow, checked).hash if checked else GENESIS)


def test_an_entry_stamped_in_another_time_zone_still_verifies(db: Engine) -> None:
    """SQLite drops the zone of a stored time; `append` stores UTC, so an entry stamped +08:00 reads
    back as the same instant and its hash still matches."""
    with Session(db) as session:
        append(
            session,
            actor="甲",
            action="x",
            subject="y",
            at=datetime(2025, 3, 1, 18, tzinfo=timezone(timedelta(hours=8))),
        )
        session.commit()
    assert verify(db).ok
