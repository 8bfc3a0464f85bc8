"""Bulk import and export of identifier lists (CSV or JSONL).

Import is idempotent and resumable: every row gets an idempotency key derived from its content, rows
are committed in batches, and a rerun after an interruption (even SIGKILL) skips what was committed
and stores the rest. A bad row (an unknown kind, source or fraud-type code, a value that is not an
identifier) is reported with its line number and the import goes on. Each committed batch is in the
audit log (`intel.import`, with the file's name and the rows it stored).
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fanzha.audit.log import append, append_retrying
from fanzha.intel.repository import SOURCES, IntelError, IntelStore, normalise
from fanzha.store.tables import IdentifierRow, ReportRow
from fanzha.taxonomy.codes import check_fraud_type
from fanzha.text.csvfile import csv_records

BATCH = 1000


@dataclass(slots=True)
class ImportSummary:
    imported: int = 0
    skipped: int = 0  # already in the store (an earlier run of the same file)
    errors: list[str] = field(default_factory=list)


def read_rows(path: Path) -> Iterator[tuple[int, dict[str, Any] | str]]:
    """(line number, row) for each row of a CSV or JSONL file; a string instead of a row is an error."""
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        if path.suffix.lower() == ".csv":
            for number, row in csv_records(csv.DictReader(fh)):
                yield number, row if isinstance(row, str) else dict(row)
            return
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except (ValueError, RecursionError):  # also a number too long to convert, or nesting too deep
                yield number, "不是合法的JSON"
                continue
            yield number, row if isinstance(row, dict) else "应是JSON对象"


def _row_key(kind: str, value: str, source: str, fraud_type: str | None) -> str:
    return (
        "import:" + hashlib.sha256(f"{kind}\t{value}\t{source}\t{fraud_type or ''}".encode()).hexdigest()[:40]
    )


def import_file(
    store: IntelStore,
    path: Path,
    *,
    progress: Callable[[int], object] = lambda _: None,
    actor: str = "system",
) -> ImportSummary:
    """`actor`: who imports (the audit log names them)."""
    summary = ImportSummary()
    pending: list[tuple[str, str, str, str | None, str | None, str]] = []
    for number, row in read_rows(path):
        progress(1)
        if isinstance(row, str):
            summary.errors.append(f"第{number}行：{row}")
            continue
        try:
            kind = str(row.get("kind", "")).strip()
            value = normalise(kind, str(row.get("value", "")))
            source = str(row.get("source") or "citizen")
            if source not in SOURCES:
                raise IntelError(f"不支持的来源：{source}")
            fraud_type = check_fraud_type(str(row.get("fraud_type") or "") or None, error=IntelError)
        except IntelError as exc:
            summary.errors.append(f"第{number}行：{exc}")
            continue
        text = row.get("text") or None
        pending.append((kind, value, source, fraud_type, text, _row_key(kind, value, source, fraud_type)))
        if len(pending) >= BATCH:
            _commit(store, pending, summary, actor=actor, name=path.name)
            pending = []
    if pending:
        _commit(store, pending, summary, actor=actor, name=path.name)
    return summary


def _commit(
    store: IntelStore,
    rows: list[tuple[str, str, str, str | None, str | None, str]],
    summary: ImportSummary,
    *,
    actor: str,
    name: str,
) -> None:
    now = datetime.now(UTC)

    def work(session: Session) -> tuple[int, int]:
        imported = skipped = 0
        keys = [r[5] for r in rows]
        done = set(
            session.scalars(select(ReportRow.idempotency_key).where(ReportRow.idempotency_key.in_(keys)))
        )
        wanted = {(r[0], r[1]) for r in rows}
        ids = {
            (i.kind, i.value): i.id
            for i in session.scalars(
                select(IdentifierRow).where(IdentifierRow.value.in_([v for _, v in wanted]))
            )
            if (i.kind, i.value) in wanted
        }
        for kind, value, source, fraud_type, text, key in rows:
            if key in done:
                skipped += 1
                continue
            done.add(key)
            if (kind, value) not in ids:
                ident = IdentifierRow(
                    kind=kind, value=value, official=store.is_official(kind, value), created_at=now
                )
                session.add(ident)
                session.flush()
                ids[(kind, value)] = ident.id
            session.add(
                ReportRow(
                    identifier_id=ids[(kind, value)],
                    source=source,
                    fraud_type=fraud_type,
                    text=text and str(text)[:2000],
                    idempotency_key=key,
                    created_at=now,
                )
            )
            imported += 1
        if imported:
            append(session, actor=actor, action="intel.import", subject=f"import:{name}"[:64],
                   detail={"file": name, "imported": imported, "skipped": skipped}, at=now)  # fmt: skip
        return imported, skipped

    # One transaction per batch: a batch is either all stored (with its audit entry) or not at all.
    imported, skipped = append_retrying(store.engine, work)
    if imported:
        store.changed_many(sorted({(r[0], r[1]) for r in rows}))
    summary.imported += imported
    summary.skipped += skipped


def export_file(store: IntelStore, out: TextIO, *, fmt: str) -> int:
    """Write every identifier with its report count; returns the number of rows."""
    with Session(store.engine) as session:
        counts = dict(
            session.execute(
                select(ReportRow.identifier_id, func.count()).group_by(ReportRow.identifier_id)
            ).all()
        )
        rows = [
            {"kind": i.kind, "value": i.value, "official": i.official, "report_count": counts.get(i.id, 0)}
            for i in session.scalars(select(IdentifierRow).order_by(IdentifierRow.id))
        ]
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=["kind", "value", "official", "report_count"])
        writer.writeheader()
        writer.writerows(rows)
    else:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return len(rows)
