"""Outcomes (time to warning, family notified, 已受骗 → a desk case, 劝阻成功 → a prevented loss), the queue
per community, the counts and the access by community."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from fanzha.cases.repository import CaseStore
from fanzha.warn import EventIn, FamilyIn, WarnConflict, WarnError, WarnNotFound, WarnService
from fanzha.warn.stats import prevented_losses

NOW = datetime(2026, 11, 6, 2, 0, tzinfo=UTC)
SCAMMER = "17012345678"
Person = Callable[..., Any]


def _task(warn: WarnService, person: Person, *, community: str = "幸福里社区", phone: str = "13800138000",
          payment: float | None = None) -> int:  # fmt: skip
    new = warn.residents.register(
        person(phone=phone, community=community,
               family=[FamilyIn("王小明", "13900139000", "儿子", 45), FamilyIn("王小红", "", "女儿", notify=False)]),
        actor="社区张",
    )  # fmt: skip
    if payment is None:
        warn.record_event(
            EventIn(kind="call", resident=phone, other_kind="phone", other=SCAMMER, at=NOW), now=NOW
        )
        other = ("phone", SCAMMER)
    else:
        warn.record_event(EventIn(kind="payment", resident=phone, other_kind="bank_card",
                                  other="6217000010001234567", at=NOW, amount=payment, in_progress=True), now=NOW)  # fmt: skip
        other = ("bank_card", "6217000010001234567")
    tasks = warn.flag(kind=other[0], value=other[1], level="confirmed", source="import",
                          fraud_type="impersonate_authority", now=NOW)  # fmt: skip
    return next(t for t in tasks if warn.tasks.get(t).resident_id == new.id)


def test_an_outcome_records_the_time_to_warning_and_the_family_told(
    warn: WarnService, person: Person
) -> None:
    task_id = _task(warn, person)
    done = warn.tasks.record_outcome(task_id, outcome="prevented", method="call", by="JZ1",
                                     at=NOW + timedelta(minutes=95))  # fmt: skip
    assert (done.state, done.minutes_to_warning, done.family_notified) == ("done", 95, ("王小明（儿子）",))
    with pytest.raises(WarnConflict):
        warn.tasks.record_outcome(task_id, outcome="prevented", method="call", by="JZ1")


def test_prevented_counts_the_payment_in_progress_as_a_prevented_loss(
    warn: WarnService, person: Person
) -> None:
    task_id = _task(warn, person, payment=48_000)
    warn.tasks.record_outcome(
        task_id, outcome="prevented", method="visit", by="JZ1", at=NOW + timedelta(hours=1)
    )
    losses = prevented_losses(warn.engine, start=NOW - timedelta(days=1), end=NOW + timedelta(days=1))
    assert (losses.count, losses.amount) == (1, 48_000)


def test_deceived_opens_a_desk_case_prefilled_from_the_task(warn: WarnService, person: Person) -> None:
    task_id = _task(warn, person, payment=20_000)
    cases = CaseStore(warn.engine, intel=warn.intel)
    done = warn.tasks.record_outcome(task_id, outcome="deceived", method="call", by="JZ1", cases=cases,
                                     at=NOW + timedelta(hours=2), note="已转出两万元")  # fmt: skip
    assert done.case_id is not None
    case = cases.get(done.case_id)
    assert case is not None
    assert (case.victim.name, case.victim.phone, case.fraud_type) == (
        "王秀英",
        "13800138000",
        "impersonate_authority",
    )
    assert [(i.kind, i.value) for i in case.identifiers] == [("bank_card", "6217000010001234567")]
    assert case.total_loss() == 20_000


@pytest.mark.parametrize(
    ("outcome", "method", "message"),
    [("won", "call", "处置结果"), ("prevented", "fax", "预警方式"), ("deceived", "call", "案件库")],
)
def test_a_bad_outcome_is_refused_in_chinese(
    warn: WarnService, person: Person, outcome: str, method: str, message: str
) -> None:
    task_id = _task(warn, person)
    with pytest.raises(WarnError, match=message):
        warn.tasks.record_outcome(task_id, outcome=outcome, method=method, by="JZ1")
    assert warn.tasks.get(task_id).state == "open"


def test_a_community_sees_only_its_own_tasks(warn: WarnService, person: Person) -> None:
    mine = _task(warn, person)
    theirs = _task(warn, person, community="东风社区", phone="13700137000")
    assert [t.id for t in warn.tasks.queue(community="东风社区")[0]] == [theirs]
    with pytest.raises(WarnNotFound):
        warn.tasks.get(mine, community="东风社区")
    with pytest.raises(WarnNotFound):
        warn.tasks.record_outcome(mine, outcome="prevented", method="call", by="东风", community="东风社区")


def test_the_queue_puts_open_tasks_first(warn: WarnService, person: Person) -> None:
    first = _task(warn, person, payment=50_000)
    second = _task(warn, person, phone="13700137000")
    warn.tasks.record_outcome(first, outcome="prevented", method="call", by="JZ1")
    assert [t.id for t in warn.tasks.queue(state=None)[0]] == [second, first]


def test_counts_per_community_and_per_day(warn: WarnService, person: Person) -> None:
    first = _task(warn, person)
    _task(warn, person, community="东风社区", phone="13700137000")
    warn.tasks.record_outcome(first, outcome="prevented", method="sms", by="JZ1", at=NOW + timedelta(days=1))
    counts = warn.tasks.counts(start=NOW - timedelta(days=1), end=NOW + timedelta(days=2))
    assert counts["communities"]["幸福里社区"] == {
        "tasks": 1, "open": 0, "done": 1, "prevented": 1, "deceived": 0, "unreachable": 0, "false_alarm": 0
    }  # fmt: skip
    assert counts["days"] == [
        {"day": "2026-11-06", "created": 2, "done": 0},
        {"day": "2026-11-07", "created": 0, "done": 1},
    ]


@pytest.mark.parametrize(
    ("outcome", "told"),
    [("prevented", True), ("deceived", True), ("unreachable", False), ("false_alarm", False)],
)
def test_family_is_told_only_when_the_resident_was_warned(
    warn: WarnService, person: Person, outcome: str, told: bool
) -> None:
    task = _task(warn, person)
    done = warn.tasks.record_outcome(task, outcome=outcome, method="call", by="JZ1", at=NOW + timedelta(hours=1),
                                     cases=CaseStore(warn.engine))  # fmt: skip
    assert done.family_notified == (("王小明（儿子）",) if told else ())


@pytest.mark.parametrize(
    ("kind", "written", "value", "flag", "word"),
    [
        ("phone", "abc-12", "abc12", "格式不符", "涉诈电话"),  # no reading as a phone: kept as written
        ("phone", "140 1234 5678", "14012345678", "号段未分配", "涉诈电话"),  # an unassigned segment
        ("bank_card", "6222 0212 3456 7890 127", "6222021234567890127", "校验位不符", "涉诈账户"),
    ],
)
def test_a_deceived_tasks_case_keeps_an_odd_identifier_flagged(
    warn: WarnService, person: Person, kind: str, written: str, value: str, flag: str, word: str
) -> None:
    """The desk never drops an identifier someone recorded: the case opened from the task holds it, with
    its note for the officer, and the narrative names its kind in Chinese."""
    warn.residents.register(person(), actor="社区张")
    event_kind = "payment" if kind == "bank_card" else "call"
    warn.record_event(EventIn(kind=event_kind, resident="13800138000", other_kind=kind, other=written, at=NOW,
                              amount=500 if event_kind == "payment" else None), now=NOW)  # fmt: skip
    [task_id] = warn.flag(kind=kind, value=written, level="suspicious", source="import", now=NOW)
    cases = CaseStore(warn.engine, intel=warn.intel)
    done = warn.tasks.record_outcome(task_id, outcome="deceived", method="visit", by="JZ1", cases=cases,
                                     at=NOW + timedelta(hours=2))  # fmt: skip
    assert done.case_id is not None
    case = cases.get(done.case_id)
    assert [(i.kind, i.value) for i in case.identifiers] == [(kind, value)]
    assert flag in case.identifiers[0].flags
    assert word in case.narrative and kind not in case.narrative
