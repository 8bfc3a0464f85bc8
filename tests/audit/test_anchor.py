"""The audit log's anchor: every committed append records the head (sequence number and hash) outside
the table, and `verify` against an anchored head finds the newest entries deleted or the log rewritten."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, delete, select
from sqlalchemy.orm import Session

from fanzha.audit.anchor import (
    ANCHOR_ENV,
    AnchorError,
    FileAnchor,
    Head,
    RedisAnchor,
    anchor_for,
    current_head,
    parse_head,
    read_anchor,
)
from fanzha.audit.log import _digest, append, verify
from fanzha.store import make_engine, upgrade
from fanzha.store.case_tables import AuditRow

T0 = datetime(2025, 3, 1, 10, 0, tzinfo=UTC)


@pytest.fixture
def db(engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Engine:
    monkeypatch.setenv(ANCHOR_ENV, str(tmp_path / "anchor.json"))
    upgrade(engine)
    return engine


def fill(engine: Engine, n: int = 5) -> list[str]:
    """n entries, one per transaction; their hashes."""
    hashes = []
    for i in range(1, n + 1):
        with Session(engine) as session:
            at = T0 + timedelta(minutes=i)
            hashes.append(
                append(session, actor=f"民警{i}", action="case.status", subject=f"case:{i}", at=at).hash
            )
            session.commit()
    return hashes


def anchored(engine: Engine) -> Head | None:
    anchor = anchor_for(engine)
    assert anchor is not None
    return anchor.read()


def test_a_committed_append_moves_the_anchor_to_the_new_head(db: Engine) -> None:
    assert anchored(db) is None
    rows = fill(db, 3)
    assert anchored(db) == Head(3, rows[-1])
    assert current_head(db) == Head(3, rows[-1])


def test_a_rolled_back_append_leaves_the_anchor_where_it_was(db: Engine) -> None:
    rows = fill(db, 2)
    with Session(db) as session:
        append(session, actor="甲", action="case.status", subject="case:9")
        session.rollback()
    with Session(db) as session:
        append(session, actor="甲", action="case.status", subject="case:9")
    assert anchored(db) == Head(2, rows[-1])  # closed without commit


def test_several_entries_in_one_transaction_anchor_the_last(db: Engine) -> None:
    with Session(db) as session:
        append(session, actor="甲", action="a", subject="x")
        last = append(session, actor="甲", action="b", subject="x").hash
        session.commit()
    assert anchored(db) == Head(2, last)


def test_the_anchor_never_moves_back(db: Engine, tmp_path: Path) -> None:
    """After the newest entries are deleted, new appends reuse their numbers: the anchor keeps the
    higher head, so the deletion stays visible."""
    rows = fill(db, 5)
    with Session(db) as session:
        session.execute(delete(AuditRow).where(AuditRow.seq > 3))
        session.commit()
    fill(db, 1)
    assert anchored(db) == Head(5, rows[-1])
    anchor = FileAnchor(tmp_path / "other.json")
    assert anchor.advance(Head(4, "a" * 64)) and not anchor.advance(Head(2, "b" * 64))
    assert anchor.read() == Head(4, "a" * 64)
    anchor.reset(Head(2, "b" * 64))
    assert anchor.read() == Head(2, "b" * 64)


def _delete_newest(engine: Engine, n: int) -> None:
    with Session(engine) as session:
        top = session.scalar(select(AuditRow.seq).order_by(AuditRow.seq.desc()).limit(1)) or 0
        session.execute(delete(AuditRow).where(AuditRow.seq > top - n))
        session.commit()


def _rewrite_from(engine: Engine, seq: int) -> None:
    """A forger changes entry `seq` and rehashes every entry after it: the chain alone looks intact."""
    with Session(engine) as session:
        rows = session.scalars(select(AuditRow).where(AuditRow.seq >= seq).order_by(AuditRow.seq)).all()
        prev = session.scalar(select(AuditRow.hash).where(AuditRow.seq == seq - 1))
        for row in rows:
            if row.seq == seq:
                row.actor = "他人"
            row.prev_hash = prev
            row.hash = _digest(prev, row.seq, row.at, row.actor, row.action, row.subject, row.detail)
            prev = row.hash
        session.commit()


# how → (tampering, the seq reported, words of the reason)
BREAKS = {
    "the newest entry deleted": (lambda e: _delete_newest(e, 1), 5, ["第 5 条", "删除"]),
    "the two newest deleted": (lambda e: _delete_newest(e, 2), 4, ["第 5 条", "只到第 3 条", "2 条"]),
    "every entry deleted": (lambda e: _delete_newest(e, 5), 1, ["第 5 条", "日志为空"]),
    "rewritten after a change": (lambda e: _rewrite_from(e, 3), 5, ["第 5 条", "锚定", "改写"]),
}


@pytest.mark.parametrize("how", sorted(BREAKS))
def test_verify_against_the_anchor_finds_what_the_chain_alone_misses(db: Engine, how: str) -> None:
    fill(db)
    head = anchored(db)
    assert head is not None
    tamper, bad_seq, words = BREAKS[how]
    tamper(db)
    assert verify(db).ok  # what remains is a consistent chain
    result = verify(db, anchor=head)
    assert (result.ok, result.bad_seq) == (False, bad_seq), result
    for word in words:
        assert word in result.reason, result.reason


def test_verify_against_an_older_anchor_passes_and_counts_what_came_after(db: Engine) -> None:
    rows = fill(db, 5)
    result = verify(db, anchor=Head(3, rows[2]))
    assert (result.ok, result.checked, result.after_anchor) == (True, 5, 2)
    assert verify(db, anchor=Head(0, rows[2])).ok  # a bare hash is looked for in the chain
    bare = verify(db, anchor=Head(0, "c" * 64))
    assert not bare.ok and "不在审计日志中" in bare.reason


def test_the_head_is_parsed_from_what_an_officer_keeps(tmp_path: Path) -> None:
    h = "ab" * 32
    assert parse_head(f"12:{h}") == Head(12, h) == parse_head(f" 12 : {h.upper()} ")
    assert parse_head(h) == Head(0, h)
    assert parse_head(json.dumps({"seq": 12, "hash": h})) == Head(12, h)
    kept = tmp_path / "head.json"
    kept.write_text(Head(12, h).to_json(), encoding="utf-8")
    assert read_anchor(str(kept)) == Head(12, h) == read_anchor(f"12:{h}")
    for bad in ["", "12", "x:" + h, "12:abc", "-1:" + h, "{}", str(tmp_path / "missing.json")]:
        with pytest.raises(AnchorError):
            read_anchor(bad)


def test_where_the_anchor_is_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ANCHOR_ENV, raising=False)
    sqlite = make_engine(f"sqlite:///{tmp_path / 'db' / 'fanzha.sqlite3'}")
    beside = anchor_for(sqlite)
    assert isinstance(beside, FileAnchor) and beside.path == tmp_path / "db" / "fanzha.sqlite3.audit-head"
    assert anchor_for(make_engine("sqlite://")) is None  # in memory: nothing outlives it
    monkeypatch.setenv("FANZHA_DATA_DIR", str(tmp_path / "data"))
    server = anchor_for(make_engine("postgresql+psycopg://u:secret@db.example/fanzha"))
    assert isinstance(server, FileAnchor) and server.path.parent == tmp_path / "data"
    assert "secret" not in str(server.path)
    monkeypatch.setenv(ANCHOR_ENV, str(tmp_path / "kept.json"))
    assert anchor_for(sqlite) == FileAnchor(tmp_path / "kept.json")
    monkeypatch.setenv(ANCHOR_ENV, "redis://127.0.0.1:6379/15")
    assert isinstance(anchor_for(sqlite), RedisAnchor)
    monkeypatch.setenv(ANCHOR_ENV, "off")
    assert anchor_for(sqlite) is None


def test_a_failing_anchor_does_not_undo_the_action(
    db: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "not-a-dir"
    blocked.write_text("")
    monkeypatch.setenv(ANCHOR_ENV, str(blocked / "anchor.json"))
    fill(db, 1)
    assert verify(db).checked == 1


def _redis_url() -> str | None:
    try:
        import redis

        redis.Redis(host="127.0.0.1", port=6379, socket_timeout=0.5).ping()
    except Exception:
        return None
    return "redis://127.0.0.1:6379/15"


def test_the_anchor_in_redis(db: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    url = _redis_url()
    if url is None:
        pytest.skip("no Redis on 127.0.0.1:6379")
    anchor = RedisAnchor(url, key=f"fanzha:test:audit-head:{os.getpid()}")
    anchor.clear()
    assert anchor.advance(Head(4, "a" * 64)) and not anchor.advance(Head(3, "b" * 64))
    assert anchor.read() == Head(4, "a" * 64)
    anchor.clear()
