"""The warning service: contact events in, flags in, warning tasks out — and the hooks that close the loop
with the intelligence store, the case desk and the banks (wired where the app and the CLI are composed):

- `on_intel(kind, value, level, fraud_type, source)` — `IntelStore.add_listener`: an identifier that
  became confirmed or suspicious raises its collisions at once;
- `on_case_group(case_id, group_id)` — `CaseStore.add_listener`: the scammers' identifiers of every case
  of a linked group (two cases or more) are flagged (suspicious, or confirmed when the desk confirmed them);
- `on_held_transfer(bank, transfer)` — `ScreeningService.add_listener`: the payee account of a transfer a
  bank held or blocked is flagged, and the transfer itself, when its payer is a registered account, is a
  payment in progress (top priority).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, insert, select
from sqlalchemy.orm import Session

from fanzha.intel.cache import TTLCache
from fanzha.intel.repository import IntelStore
from fanzha.store.case_tables import CaseIdentifierRow, CaseRow
from fanzha.store.warn_tables import ContactEventRow
from fanzha.taxonomy.codes import check_fraud_type
from fanzha.warn.collisions import collide_event, collide_flag, collide_resident
from fanzha.warn.flags import Flag, FlagLookup, fraud_type_of, record_flag
from fanzha.warn.identifiers import guess_account_kind, identifier, key, payer_keys
from fanzha.warn.matches import ANY_ACCOUNT, residents_behind
from fanzha.warn.model import FLAG_LEVELS, OTHER_KINDS, SOURCES, EventIn, Resident, ResidentIn, WarnError
from fanzha.warn.priority import Evidence
from fanzha.warn.residents import ResidentStore
from fanzha.warn.tasks import TaskStore


def _now() -> datetime:
    return datetime.now(UTC)


# Built once and run on the session's connection (not the ORM's bulk path): the hot path of every event.
_INSERT_EVENT = insert(ContactEventRow).returning(ContactEventRow.id)


@dataclass(frozen=True, slots=True)
class EventResult:
    """A stored event: its id, the flag on its other side (None: not flagged) and the tasks it touched."""

    event_id: int
    flag: Flag | None
    tasks: list[int]


def _resident_pairs(event: EventIn) -> tuple[tuple[str, str], ...]:
    if event.kind == "payment":
        return payer_keys(event.resident, event.resident_kind)
    return (("phone", key("phone", event.resident)[0]),)


class WarnService:
    def __init__(
        self, engine: Engine, *, intel: IntelStore | None = None, cache: TTLCache | None = None
    ) -> None:
        self.engine = engine
        self.intel = intel
        self.flags = FlagLookup(engine, intel=intel, cache=cache)
        self.residents = ResidentStore(engine)
        self.tasks = TaskStore(engine)

    # --------------------------------------------------------------- residents
    def register(self, resident: ResidentIn, *, actor: str, now: datetime | None = None) -> Resident:
        """Register a resident (`ResidentStore.register`) and raise the tasks of their past contacts with
        identifiers already flagged."""
        stored = self.residents.register(resident, actor=actor, now=now)
        self.recheck_resident(stored.id)
        return stored

    def register_self(self, resident: ResidentIn, *, now: datetime | None = None) -> Resident:
        """A resident registering themselves (a public route): stored 待社区确认, no task raised and not
        matched until their community worker confirms it (`confirm`)."""
        resident.registered_via = "self"
        return self.residents.register(
            resident, actor=f"本人:{resident.name.strip()[:40]}", now=now, pending=True
        )

    def confirm(self, resident_id: int, *, actor: str, community: str | None = None) -> Resident:
        """The community worker confirms a self-registration; the tasks of its past contacts follow."""
        confirmed = self.residents.confirm(resident_id, actor=actor, community=community)
        self.recheck_resident(resident_id)
        return confirmed

    def recheck_resident(self, resident_id: int, *, now: datetime | None = None) -> list[int]:
        """The tasks a resident's stored contacts raise against today's flags (after a registration or
        an update of their phones and accounts)."""
        with Session(self.engine) as session:
            tasks = collide_resident(session, resident_id, self.flags.flag_of, now=now or _now())
            session.commit()
        return tasks

    # ------------------------------------------------------------------ events
    def _row(self, event: EventIn) -> tuple[dict[str, Any], tuple[tuple[str, str], ...]]:
        other = identifier(event.other_kind, event.other, what="对方号码或账户")
        pairs = _resident_pairs(event)
        if event.kind == "payment" and not event.resident_kind:  # the feed did not say: any account kind
            guessed = guess_account_kind(event.resident)
            resident_kind, resident_value = ANY_ACCOUNT, key(guessed, event.resident)[0]
        else:
            resident_kind, resident_value = pairs[0]
        row = {
            "kind": event.kind, "resident_kind": resident_kind, "resident_value": resident_value,
            "other_kind": other.kind, "other_value": other.value, "other_raw": other.raw, "other_flags": list(other.flags),
            "at": event.at, "amount_fen": round(event.amount * 100) if event.amount is not None else None,
            "in_progress": event.in_progress, "source": event.source,
        }  # fmt: skip
        return row, pairs

    def record_event(self, event: EventIn, *, now: datetime | None = None) -> EventResult:
        """Store one event and check it (collision (b)); WarnError for a bad value."""
        return self.record_events([event], now=now)[0]

    def record_events(self, events: Iterable[EventIn], *, now: datetime | None = None) -> list[EventResult]:
        """Store events in one transaction and check each against the flags; results in order."""
        moment = now or _now()
        prepared = [self._row(e) for e in events]
        results = []
        with Session(self.engine) as session:
            for row, pairs in prepared:
                event_id = (
                    session.connection().execute(_INSERT_EVENT, row).scalar_one()
                )  # Core: no ORM bulk path
                flag = self.flags.flag_of(row["other_kind"], row["other_value"])
                tasks: list[int] = []
                if flag is not None:
                    matches = residents_behind(session, pairs)
                    amount = row["amount_fen"] / 100 if row["amount_fen"] is not None else None
                    evidence = Evidence().add(
                        kind=row["kind"], at=row["at"], amount=amount, in_progress=row["in_progress"]
                    )
                    tasks = collide_event(session, flag, matches, evidence, now=moment)
                results.append(EventResult(event_id, flag, tasks))
            session.commit()
        return results

    def store_events(self, events: Iterable[EventIn], *, batch: int = 5_000) -> int:
        """Bulk import of past events without checking them (a backlog): batched inserts. Run `flag` or
        `recheck` afterwards for the identifiers already flagged. Returns the number stored."""
        total, pending = 0, []
        with Session(self.engine) as session:
            for event in events:
                pending.append(self._row(event)[0])
                if len(pending) >= batch:
                    session.execute(insert(ContactEventRow), pending)
                    total, pending = total + len(pending), []
            if pending:
                session.execute(insert(ContactEventRow), pending)
                total += len(pending)
            session.commit()
        return total

    # ------------------------------------------------------------------- flags
    def flag(
        self,
        *,
        kind: str,
        value: str,
        level: str,
        source: str,
        fraud_type: str | None = None,
        reason: str = "",
        now: datetime | None = None,
        remember: bool = True,
    ) -> list[int]:
        """An identifier became flagged (collision (a)): the tasks it raised or updated. `remember`: keep
        the flag on the warning side too, so that later events are checked against it (not needed for
        intelligence-store flags, which the lookup reads)."""
        if level not in FLAG_LEVELS:
            return []
        if source not in SOURCES or kind not in OTHER_KINDS:
            raise WarnError(f"不支持的来源或标识类型：{source} {kind}")
        fraud_type = check_fraud_type(fraud_type, error=WarnError)
        ident = identifier(kind, value)
        flag = Flag(kind, ident.value, level, fraud_type or None, source, reason)
        moment = now or _now()
        with Session(self.engine) as session:
            if remember:
                record_flag(session, flag, at=moment)
            tasks = collide_flag(session, flag, now=moment, source=source)
            session.commit()
        if remember:
            self.flags.changed(kind, ident.value)
        else:
            self.flags.forget(kind, ident.value)
        return tasks

    def on_intel(self, kind: str, value: str, level: str, fraud_type: str | None, source: str) -> None:
        """IntelStore listener: a report or decision changed an identifier's level."""
        self.flags.forget(kind, value)
        if level in FLAG_LEVELS and kind in OTHER_KINDS:
            if fraud_type is None:  # a decision names none: the reports' fraud type
                with Session(self.engine) as session:
                    fraud_type = fraud_type_of(session, kind, value)
            why = {"police": "公安机关确认", "bank": "银行确认涉诈"}.get(source, "情报库")
            self.flag(kind=kind, value=value, level=level, source="intel", fraud_type=fraud_type,
                      reason=f"{why}（{FLAG_LEVELS[level]}）", remember=False)  # fmt: skip

    def on_case_group(self, case_id: int, group_id: int | None) -> list[int]:
        """CaseStore listener: the identifiers of a linked group's cases raise their collisions."""
        if group_id is None:
            return []
        with Session(self.engine) as session:
            rows = session.execute(
                select(
                    CaseIdentifierRow.kind,
                    CaseIdentifierRow.value,
                    CaseIdentifierRow.confirmed,
                    CaseRow.fraud_type,
                )
                .join(CaseRow, CaseRow.id == CaseIdentifierRow.case_id)
                .where(CaseRow.group_id == group_id)
            ).all()
            cases = session.scalars(select(CaseRow.id).where(CaseRow.group_id == group_id)).all()
        if len(cases) < 2:
            return []
        tasks: list[int] = []
        seen: set[tuple[str, str]] = set()
        for kind, value, confirmed, fraud_type in rows:
            if kind not in OTHER_KINDS or (kind, value) in seen:
                continue
            seen.add((kind, value))
            tasks += self.flag(kind=kind, value=value, level="confirmed" if confirmed else "suspicious",
                               source="case_group", fraud_type=fraud_type or None,
                               reason=f"串并案组 #{group_id}（{len(cases)}起案件）涉及此标识")  # fmt: skip
        return tasks

    def on_held_transfer(self, bank: str, transfer: dict[str, Any]) -> list[int]:
        """ScreeningService listener: a transfer held or blocked at `bank` (the transfer as sent)."""
        payee = transfer.get("payee") if isinstance(transfer.get("payee"), dict) else {}
        payer = transfer.get("payer") if isinstance(transfer.get("payer"), dict) else {}
        account = payee.get("account") if payee else None
        if not isinstance(account, str) or not account.strip():
            return []
        kind = "bank_card" if account.strip().replace(" ", "").isdigit() else "alipay"
        reason = f"{bank}延迟结算或拦截的转账（交易 {str(transfer.get('id'))[:64]}）的收款账户"
        tasks = self.flag(kind=kind, value=account, level="suspicious", source="held_transfer", reason=reason)
        payer_account = payer.get("account") if payer else None
        if isinstance(payer_account, str) and payer_account.strip():
            amount = transfer.get("amount")
            at = transfer.get("time")
            event = EventIn(
                kind="payment", resident=payer_account, other_kind=kind, other=account,
                at=_at(at), amount=float(amount) if isinstance(amount, int | float) else None,
                in_progress=True, source=f"held:{bank}"[:64],
            )  # fmt: skip
            with Session(self.engine) as session:
                known = residents_behind(session, _resident_pairs(event))
            if known:
                tasks += self.record_event(event).tasks
        return list(dict.fromkeys(tasks))


def _at(value: object) -> datetime:
    if isinstance(value, datetime):
        return value
    if isinstance(value, str):
        try:
            from fanzha.warn.events import parse_time

            return parse_time(value)
        except WarnError:
            pass
    return _now()
