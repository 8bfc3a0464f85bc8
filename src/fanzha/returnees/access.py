"""Who may see a returnee's or outbound worker's record, and the log of every read.

Rules (the same for the API, the pages and the CLI):
- a `community` key sees only the records of its own community or village (its label); any other record
  is answered as not found, so a village cannot learn that a neighbour's returnee exists;
- `officer` and `admin` keys, and the CLI (an officer's tool on the store itself), see every record;
- every other role is refused before it gets here (`require_community` in the API: 403).

Every read is logged twice, in the same transaction as the read: a row in `returnee_access` (who, role,
when, which record or which list, through which view) that the officer console shows per record, and an
entry in the hash-chained audit log (`returnee.view`, `returnee.list`, `outbound.view`, `outbound.list`).
Lists show ID numbers and phones masked; the detail view shows them in full, and is the read that matters.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from fanzha.audit.log import append
from fanzha.returnees.model import ReturneeNotFound, now_utc
from fanzha.store.returnee_tables import ReturneeAccessRow
from fanzha.timezones import from_db

VIEWS = {
    "api.detail": "接口·详情", "api.list": "接口·列表", "page.detail": "页面·详情", "page.list": "页面·列表",
    "cli.show": "命令行·详情", "cli.list": "命令行·列表", "api.meetings": "接口·会面记录",
}  # fmt: skip
KINDS = {"returnee": "回流人员", "outbound": "外出务工人员"}


@dataclass(frozen=True, slots=True)
class Reader:
    """Who reads, in what role, through which view; `community` is the one community they may see
    (None: every community)."""

    actor: str
    role: str
    view: str
    community: str | None = None

    def may_see(self, community: str) -> bool:
        return self.community is None or self.community == community

    def check(self, community: str, what: str) -> None:
        if not self.may_see(community):
            raise ReturneeNotFound(f"没有这条{what}记录")


@dataclass(frozen=True, slots=True)
class Access:
    id: int
    at: datetime
    actor: str
    role: str
    record_kind: str
    record_id: int | None
    records: list[int]
    view: str

    @property
    def view_name(self) -> str:
        return VIEWS.get(self.view, self.view)


def log_read(session: Session, *, reader: Reader, kind: str, record_id: int | None = None,
             records: list[int] | None = None, at: datetime | None = None) -> None:  # fmt: skip
    """Log one read (of a record, or of a list when `record_id` is None) in the session's transaction."""
    at = at or now_utc()
    session.add(ReturneeAccessRow(at=at, actor=reader.actor[:64], role=reader.role[:16], record_kind=kind,
                                  record_id=record_id, records=list(records or [])[:1000],
                                  view=reader.view[:32]))  # fmt: skip
    action = f"{kind}.view" if record_id is not None else f"{kind}.list"
    subject = f"{kind}:{record_id}" if record_id is not None else f"{kind}:list"
    detail: dict[str, object] = {"role": reader.role, "view": reader.view}
    if record_id is None:
        detail["count"] = len(records or [])
        detail["community"] = reader.community or "全部"
    append(session, actor=reader.actor or reader.role, action=action, subject=subject, detail=detail, at=at)


def access_log(engine: Engine, *, kind: str, record_id: int, limit: int = 200) -> list[Access]:
    """The reads of one record, newest first: its detail views and the lists it appeared in."""
    with Session(engine) as session:
        rows = session.scalars(
            select(ReturneeAccessRow)
            .where(ReturneeAccessRow.record_kind == kind)
            .order_by(ReturneeAccessRow.id.desc())
            .limit(5000)
        )
        found: list[Access] = []
        for r in rows:
            if r.record_id == record_id or (r.record_id is None and record_id in (r.records or [])):
                found.append(
                    Access(
                        r.id, from_db(r.at), r.actor, r.role, r.record_kind, r.record_id, r.records, r.view
                    )
                )
            if len(found) >= limit:
                break
        return found
