"""Warning tasks: the queue (per community, police station or district; open first, by priority), one
task with the resident's details, the outcome of a warning and the counts per community and per day.

Recording an outcome (`record_outcome`): the time from collision to warning in minutes; when the resident
was actually warned (劝阻成功, 已受骗: `RESIDENT_WARNED`) the family members with notify on are recorded as
notified; 劝阻成功 records the prevented loss (the payment in progress, or
the amount the officer gives); 已受骗 opens a desk case pre-filled from the task (the identifier as the
scammer's, the resident as the victim) and links it. Every outcome is audited (`warn.task.outcome`).
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, case, func, select
from sqlalchemy.orm import Session

from fanzha.audit.log import append, append_retrying
from fanzha.store.warn_tables import ResidentFamilyRow, ResidentRow, WarningTaskRow
from fanzha.timezones import BEIJING, DateOutOfRange, check_date, from_db, to_utc
from fanzha.warn.model import (
    KIND_NAMES,
    METHODS,
    OUTCOMES,
    RESIDENT_WARNED,
    Identifier,
    Task,
    WarnError,
    WarnNotFound,
)


class WarnConflict(WarnError):
    """The task is already done."""


def _now() -> datetime:
    return datetime.now(UTC)


def _task(row: WarningTaskRow, resident: ResidentRow) -> Task:
    return Task(
        id=row.id, resident_id=row.resident_id, resident_name=resident.name, resident_phone=resident.phone,
        resident_age=resident.age,
        identifier=Identifier(row.identifier_kind, row.identifier_value, row.identifier_value, tuple(row.identifier_flags)),
        matched=dict(row.matched), level=row.level, fraud_type=row.fraud_type, source=row.source,
        priority=row.priority, reasons=tuple(row.reasons), calls=row.calls, messages=row.messages,
        payments=row.payments, first_event_at=from_db(row.first_event_at), last_event_at=from_db(row.last_event_at),
        largest_payment=row.largest_payment_fen / 100 if row.largest_payment_fen is not None else None,
        in_progress=row.in_progress, community=row.community, district=row.district,
        police_station=row.police_station, state=row.state, collided_at=from_db(row.collided_at),
        outcome=row.outcome, method=row.method, outcome_note=row.outcome_note, done_at=from_db(row.done_at),
        done_by=row.done_by, minutes_to_warning=row.minutes_to_warning,
        family_notified=tuple(row.family_notified),
        prevented=row.prevented_fen / 100 if row.prevented_fen is not None else None,
        case_id=row.case_id, synthetic=row.synthetic,
    )  # fmt: skip


class TaskStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def queue(
        self,
        *,
        community: str | None = None,
        police_station: str | None = None,
        district: str | None = None,
        state: str | None = "open",
        resident_id: int | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> tuple[list[Task], int]:
        """(tasks, total): open tasks first, then by priority (highest first), latest contact first."""
        query = select(WarningTaskRow, ResidentRow).join(
            ResidentRow, ResidentRow.id == WarningTaskRow.resident_id
        )
        for column, value in ((WarningTaskRow.community, community), (WarningTaskRow.police_station, police_station),
                              (WarningTaskRow.district, district), (WarningTaskRow.state, state),
                              (WarningTaskRow.resident_id, resident_id)):  # fmt: skip
            if value is not None:
                query = query.where(column == value)
        order = (
            case((WarningTaskRow.state == "open", 0), else_=1),
            WarningTaskRow.priority.desc(),
            WarningTaskRow.last_event_at.desc(),
            WarningTaskRow.id,
        )
        with Session(self.engine) as session:
            total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
            rows = session.execute(query.order_by(*order).limit(limit).offset(offset)).all()
            return [_task(t, r) for t, r in rows], int(total)

    def get(self, task_id: int, *, community: str | None = None, actor: str | None = None) -> Task:
        """One task; WarnNotFound when absent or in another community. With `actor`, the access (the
        resident's full number is shown) is audited (`warn.task.view`)."""
        with Session(self.engine) as session:
            task, resident = self._rows(session, task_id, community)
            found = _task(task, resident)
            if actor is not None:
                append(session, actor=actor, action="warn.task.view", subject=f"warning_task:{task_id}")
                session.commit()
            return found

    @staticmethod
    def _rows(session: Session, task_id: int, community: str | None) -> tuple[WarningTaskRow, ResidentRow]:
        row = session.get(WarningTaskRow, task_id) if 0 < task_id < 2**63 else None
        if row is None or (community is not None and row.community != community):
            raise WarnNotFound(f"没有编号为 {task_id} 的预警任务")
        resident = session.get(ResidentRow, row.resident_id)
        assert resident is not None
        return row, resident

    def family_to_notify(self, resident_id: int) -> list[tuple[str, str, str]]:
        """(name, relation, canonical phone) of the family members with notify on."""
        with Session(self.engine) as session:
            rows = session.execute(
                select(ResidentFamilyRow.name, ResidentFamilyRow.relation, ResidentFamilyRow.phone)
                .where(ResidentFamilyRow.resident_id == resident_id, ResidentFamilyRow.notify.is_(True))
                .order_by(ResidentFamilyRow.id)
            ).all()
        return [(n, r, p) for n, r, p in rows]

    def record_outcome(
        self,
        task_id: int,
        *,
        outcome: str,
        method: str,
        by: str,
        note: str = "",
        at: datetime | None = None,
        community: str | None = None,
        prevented_amount: float | None = None,
        loss: float | None = None,
        cases: Any = None,
    ) -> Task:
        """Record how a warning went (see the module doc). `cases`: a `fanzha.cases.repository.CaseStore`
        for 已受骗 (required then); `loss`: what the resident lost (yuan; default the largest payment).
        WarnError for a bad outcome, method or time; WarnConflict when the task is already done."""
        if outcome not in OUTCOMES:
            raise WarnError(f"处置结果只能是：{'、'.join(f'{k}（{v}）' for k, v in OUTCOMES.items())}")
        if method not in METHODS:
            raise WarnError(f"预警方式只能是：{'、'.join(f'{k}（{v}）' for k, v in METHODS.items())}")
        if len(note) > 2000:
            raise WarnError("处置说明过长（上限2000个字符）")
        for amount in (prevented_amount, loss):
            if amount is not None and not 0 <= amount <= 1e11:
                raise WarnError("金额须在0到100000000000元之间")
        moment = to_utc(at) if at is not None else _now()
        try:
            check_date(moment, "处置时间")
        except DateOutOfRange as exc:
            raise WarnError(str(exc)) from None
        task = self.get(task_id, community=community)
        if task.state == "done":
            raise WarnConflict(f"预警任务 {task_id} 已处置（{OUTCOMES.get(task.outcome, task.outcome)}）")
        case_id = None
        if outcome == "deceived":
            if cases is None:
                raise WarnError("记录“已受骗”需要连接案件库")
            case_id = open_case(task, cases=cases, by=by, at=moment, loss=loss, note=note)
        family = (
            [f"{n}（{r}）" if r else n for n, r, _ in self.family_to_notify(task.resident_id)]
            if outcome in RESIDENT_WARNED
            else []
        )

        def work(session: Session) -> None:
            row, _ = self._rows(session, task_id, community)
            if row.state == "done":
                raise WarnConflict(f"预警任务 {task_id} 已处置")
            row.state, row.outcome, row.method, row.outcome_note = "done", outcome, method, note
            row.done_at, row.done_by, row.updated_at = moment, by[:64], moment
            row.minutes_to_warning = max(0, int((moment - task.collided_at) / timedelta(minutes=1)))
            row.family_notified = family
            row.case_id = case_id
            if outcome == "prevented":
                amount = prevented_amount
                if amount is None and task.largest_payment is not None and task.in_progress:
                    amount = task.largest_payment
                row.prevented_fen = round(amount * 100) if amount is not None else 0
            append(session, actor=by, action="warn.task.outcome", subject=f"warning_task:{task_id}",
                   detail={"outcome": outcome, "method": method, "case_id": case_id, "family_notified": len(family)},
                   at=moment)  # fmt: skip

        append_retrying(self.engine, work)
        return self.get(task_id)

    def counts(
        self, *, start: datetime, end: datetime, community: str | None = None, district: str | None = None
    ) -> dict[str, Any]:
        """Counts of tasks created in [start, end): per community (open, done, each outcome) and per day
        (Beijing date: created, done)."""
        query = select(WarningTaskRow.community, WarningTaskRow.state, WarningTaskRow.outcome,
                       WarningTaskRow.collided_at, WarningTaskRow.done_at).where(
            WarningTaskRow.collided_at >= to_utc(start), WarningTaskRow.collided_at < to_utc(end))  # fmt: skip
        if community is not None:
            query = query.where(WarningTaskRow.community == community)
        if district is not None:
            query = query.where(WarningTaskRow.district == district)
        per_community: dict[str, Counter[str]] = {}
        created: Counter[str] = Counter()
        done: Counter[str] = Counter()
        with Session(self.engine) as session:
            for name, state, outcome, collided, done_at in session.execute(query):
                counter = per_community.setdefault(name, Counter())
                counter["tasks"] += 1
                counter[state] += 1
                if outcome:
                    counter[outcome] += 1
                created[f"{from_db(collided).astimezone(BEIJING):%Y-%m-%d}"] += 1
                if done_at is not None:
                    done[f"{from_db(done_at).astimezone(BEIJING):%Y-%m-%d}"] += 1
        days = sorted(set(created) | set(done))
        return {
            "communities": {name: {k: counts.get(k, 0) for k in ("tasks", "open", "done", *OUTCOMES)}
                            for name, counts in sorted(per_community.items())},
            "days": [{"day": d, "created": created.get(d, 0), "done": done.get(d, 0)} for d in days],
        }  # fmt: skip


def open_case(task: Task, *, cases: Any, by: str, at: datetime, loss: float | None, note: str) -> int:
    """A desk case pre-filled from a task whose resident was deceived; returns its id."""
    from fanzha.cases.model import CaseIn, FedIdentifier, Payment, Person
    from fanzha.cases.repository import CaseError
    from fanzha.taxonomy import is_fraud_type

    amount = loss if loss is not None else task.largest_payment
    account = task.identifier.kind in ("bank_card", "alipay", "wechat")
    payments = (
        [
            Payment(
                amount=amount, paid_at=task.last_event_at, to_account=task.identifier.value if account else ""
            )
        ]
        if amount
        else []
    )
    narrative = (
        f"预警任务 #{task.id} 处置时发现已受骗（{task.community}）。居民与涉诈"
        f"{KIND_NAMES.get(task.identifier.kind, task.identifier.kind)} "
        f"{task.identifier.value} 通话{task.calls}次、短信{task.messages}条、付款{task.payments}次。{note}"
    )
    channel = "phone_call" if task.calls else "sms" if task.messages else "other"
    victim = Person(
        name=task.resident_name, age=task.resident_age, phone=task.resident_phone, district=task.district
    )
    case_in = CaseIn(
        received_at=at, district=task.district, occurred_at=task.last_event_at, contact_channel=channel,
        fraud_type=task.fraud_type if task.fraud_type and is_fraud_type(task.fraud_type) else "",
        reporter=Person(name=by, relation="预警民警/社区工作人员"), victim=victim, payments=payments,
        # never dropped: an odd identifier keeps its flags, one with no reading as its kind is kept as
        # written (格式不符) — the desk refuses such a value only to a person who can retype it
        identifiers=[FedIdentifier(kind=task.identifier.kind, value=task.identifier.value,
                                   raw=task.identifier.raw or task.identifier.value)],
        narrative=narrative[:4000], officer=by, synthetic=task.synthetic, loss=amount,
    )  # fmt: skip
    try:
        created = cases.create(case_in, actor=by)
    except CaseError as exc:
        raise WarnError(f"无法建立案件：{exc}") from None
    return int(created.id)
