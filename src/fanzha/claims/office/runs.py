"""Audit runs: the results of auditing one claims file, stored claim by claim with their findings in
batches (a file of 100,000 claims goes through in one pass, in one transaction: a run is stored whole or
not at all), and listed afterwards. The upload is in the audit log (`claims.run`)."""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

import orjson
from sqlalchemy import JSON, Engine, insert, select
from sqlalchemy.orm import Session

from fanzha.audit.log import append, append_retrying
from fanzha.claims.model import ClaimResult
from fanzha.claims.office.model import NotFound, Run
from fanzha.store.claims_tables import (
    ClaimFindingRow,
    ClaimInstitutionRow,
    ClaimResultRow,
    ClaimRunRow,
)
from fanzha.timezones import from_db

BATCH = 2_000
MAX_FEN = 10**15  # a sum beyond this is not a claim: kept at the bound rather than overflowing a column


def _t(text: str, limit: int | None = None) -> str:
    """Text as a store can keep it: without NUL (PostgreSQL refuses it) or lone surrogates, cut to `limit`."""
    if "\x00" in text or not text.isascii():
        text = text.replace("\x00", "").encode("utf-8", "replace").decode("utf-8")
    return text[:limit] if limit else text


def fen(yuan: float) -> int:
    """Yuan as whole fen; what is not a finite number counts as 0."""
    if not isinstance(yuan, int | float) or not math.isfinite(yuan):
        return 0
    return max(-MAX_FEN, min(MAX_FEN, round(yuan * 100)))


def _run(row: ClaimRunRow) -> Run:
    return Run(
        row.id, row.uploaded_by, from_db(row.uploaded_at), row.file_name, row.claims, row.bad_lines,
        row.findings, row.flagged_claims, row.total_fen, row.at_stake_fen, tuple(row.institutions), row.demo,
    )  # fmt: skip


def store_run(
    engine: Engine,
    *,
    results: Iterable[ClaimResult],
    uploaded_by: str,
    file_name: str = "",
    demo: bool = False,
    now: datetime | None = None,
) -> Run:
    """Store every result of `results` (consumed once, in batches of `BATCH`) as one run; its counts."""
    at = now or datetime.now(UTC)
    uploaded_by, file_name = _t(uploaded_by, 100), _t(file_name, 200)
    claims = bad = found = flagged = total = stake = 0
    names: dict[str, str] = {}
    with Session(engine) as session, session.begin():
        run = ClaimRunRow(
            uploaded_by=uploaded_by[:100], uploaded_at=at, file_name=file_name[:200], institutions=[],
            state="running", demo=demo,
        )  # fmt: skip
        session.add(run)
        session.flush()
        rows: list[dict[str, Any]] = []
        findings: list[dict[str, Any]] = []
        for seq, r in enumerate(results, start=1):
            claims += 1
            inst = _t(r.institution_id, 64)
            if r.error:
                bad += 1
            elif inst and (inst not in names or (r.institution_name and not names[inst])):
                names[inst] = _t(r.institution_name, 200)
            at_stake = fen(r.at_stake) if r.findings else 0
            total += fen(r.total)
            stake += at_stake
            found += len(r.findings)
            flagged += bool(r.findings)
            claim_id = _t(r.claim_id, 64)
            rows.append({
                "run_id": run.id, "seq": seq, "claim_id": claim_id, "institution_id": inst,
                "institution_name": _t(r.institution_name, 200), "patient_id": _t(r.patient_id, 64),
                "admitted": r.admitted, "discharged": r.discharged, "total_fen": fen(r.total),
                "at_stake_fen": at_stake, "findings": len(r.findings), "error": _t(r.error),
            })  # fmt: skip
            day = r.admitted or r.discharged
            for f in r.findings:
                findings.append({
                    "run_id": run.id, "seq": seq, "claim_id": claim_id, "institution_id": inst,
                    "rule": _t(f.rule, 48), "item_refs": [_t(str(ref), 64) for ref in f.item_refs][:200],
                    "amount_fen": fen(f.amount), "explanation": _t(f.explanation), "day": day,
                })  # fmt: skip
            if len(rows) >= BATCH:
                _flush(session, rows, findings)
        _flush(session, rows, findings)
        for inst, name in names.items():
            known = session.get(ClaimInstitutionRow, inst)
            if known is None:
                session.add(
                    ClaimInstitutionRow(
                        id=inst, name=name, first_run_id=run.id, last_run_id=run.id, demo=demo
                    )
                )
            else:
                known.name, known.last_run_id = name or known.name, run.id
        run.claims, run.bad_lines, run.findings, run.flagged_claims = claims, bad, found, flagged
        run.total_fen, run.at_stake_fen, run.institutions = total, stake, sorted(names)
        run.state = "done"
        stored = _run(run)

    def log(session: Session) -> None:
        append(session, actor=uploaded_by[:64], action="claims.run", subject=f"claim_run:{stored.id}", detail={
            "file": file_name[:200], "claims": claims, "bad_lines": bad, "findings": found,
            "at_stake_fen": stake, "institutions": len(names),
        })  # fmt: skip

    append_retrying(engine, log)
    return stored


def _insert(session: Session, table: Any, rows: list[dict[str, Any]]) -> None:
    """PostgreSQL: COPY (psycopg's executemany took 8 s per 20,000 claims here, COPY well under one);
    elsewhere executemany (SQLite's is fast)."""
    if not rows:
        return
    bind = session.connection()
    if bind.dialect.name != "postgresql":
        session.execute(insert(table), rows)
        return
    columns = list(rows[0])
    json = {name for name in columns if isinstance(table.__table__.c[name].type, JSON)}
    cursor = bind.connection.driver_connection.cursor()  # type: ignore[union-attr]
    with cursor.copy(f"COPY {table.__tablename__} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([orjson.dumps(row[c]).decode() if c in json else row[c] for c in columns])


def _flush(session: Session, rows: list[dict[str, Any]], findings: list[dict[str, Any]]) -> None:
    _insert(session, ClaimResultRow, rows)
    _insert(session, ClaimFindingRow, findings)
    rows.clear()
    findings.clear()


def list_runs(engine: Engine, *, institution_id: str | None = None, limit: int = 50) -> list[Run]:
    """The latest runs first; with `institution_id`, the runs that had claims of that institution."""
    query = select(ClaimRunRow).where(ClaimRunRow.state == "done")
    if institution_id is not None:
        had = select(ClaimResultRow.run_id).where(ClaimResultRow.institution_id == institution_id).distinct()
        query = query.where(ClaimRunRow.id.in_(had))
    with Session(engine) as session:
        rows = session.scalars(query.order_by(ClaimRunRow.id.desc()).limit(max(1, min(limit, 1000))))
        return [_run(row) for row in rows]


def get_run(engine: Engine, *, run_id: int) -> Run:
    with Session(engine) as session:
        row = session.get(ClaimRunRow, run_id)
        if row is None or row.state != "done":
            raise NotFound(f"没有编号为 {run_id} 的审核批次")
        return _run(row)
