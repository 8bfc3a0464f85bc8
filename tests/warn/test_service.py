"""Collisions both ways, one task per resident and identifier, family phones and accounts, and the hooks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from fanzha.warn import EventIn, FamilyIn, WarnService
from fanzha.warn.model import AccountIn

NOW = datetime(2026, 11, 6, 2, 0, tzinfo=UTC)
SCAMMER = "17012345678"
Person = Callable[..., Any]


def call(resident: str, other: str = SCAMMER, *, hours: int = 1, kind: str = "call", **more: Any) -> EventIn:
    return EventIn(kind=kind, resident=resident, other_kind=more.pop("other_kind", "phone"), other=other,
                   at=NOW - timedelta(hours=hours), **more)  # fmt: skip


def test_a_confirmed_number_finds_the_residents_it_called_in_any_written_form(
    warn: WarnService, person: Person
) -> None:
    old = warn.residents.register(person(), actor="社区张")
    young = warn.residents.register(person("李强", "13900139000", age=30), actor="社区张")
    warn.residents.register(person("赵六", "13700137000"), actor="社区张")  # never called
    warn.record_events(
        [call("+86 138-0013-8000"), call("139 0013 9000", "170 1234 5678"), call("13800138000", hours=3)]
    )
    warn.intel.decide(kind="phone", value=SCAMMER, decision="confirmed", officer="JZ1", reason="案件确认")  # type: ignore[union-attr]
    tasks, total = warn.tasks.queue()
    assert total == 2
    assert [t.resident_id for t in tasks] == [old.id, young.id]  # the elderly resident first
    assert tasks[0].calls == 2 and tasks[0].level == "confirmed"
    assert any("72岁" in r for r in tasks[0].reasons)


def test_an_event_with_a_flagged_number_raises_one_task_however_many_events(
    warn: WarnService, person: Person
) -> None:
    warn.residents.register(person(), actor="社区张")
    warn.intel.add_report(kind="phone", value=SCAMMER, source="police", fraud_type="impersonate_authority")  # type: ignore[union-attr]
    first = warn.record_event(call("13800138000", hours=5))
    second = warn.record_event(call("13800138000", hours=1, kind="sms"))
    assert first.flag is not None and first.flag.fraud_type == "impersonate_authority"
    assert first.tasks == second.tasks and len(first.tasks) == 1
    task = warn.tasks.get(first.tasks[0])
    assert (task.calls, task.messages, task.source) == (1, 1, "event")


def test_an_unflagged_event_is_stored_without_a_task(warn: WarnService, person: Person) -> None:
    warn.residents.register(person(), actor="社区张")
    result = warn.record_event(call("13800138000"))
    assert result.flag is None and result.tasks == []
    assert warn.tasks.queue()[1] == 0


def test_an_unassigned_number_still_collides_with_itself(warn: WarnService, person: Person) -> None:
    warn.residents.register(person(), actor="社区张")
    warn.record_event(call("13800138000", "140-1234-5678"))
    tasks = warn.flag(kind="phone", value="140 1234 5678", level="suspicious", source="import")
    task = warn.tasks.get(tasks[0])
    assert task.identifier.value == "14012345678" and "号段未分配" in task.identifier.flags


def test_a_family_members_phone_and_a_protected_account_are_watched(
    warn: WarnService, person: Person
) -> None:
    son = warn.residents.register(
        person("刘军", "13600136000", age=40, family=[FamilyIn("刘母", "13500135000", "母亲", 81)],
               accounts=[AccountIn("6222 0212 3456 7890 128")]),
        actor="刘军",
    )  # fmt: skip
    warn.record_events([
        call("13500135000"),
        EventIn(kind="payment", resident="6222021234567890128", other_kind="bank_card", other="6217000010001234567",
                at=NOW - timedelta(hours=2), amount=30_000),
    ])  # fmt: skip
    by_phone = warn.flag(kind="phone", value=SCAMMER, level="confirmed", source="import")
    by_account = warn.flag(kind="bank_card", value="6217000010001234567", level="suspicious", source="import")
    phone_task, account_task = warn.tasks.get(by_phone[0]), warn.tasks.get(by_account[0])
    assert phone_task.resident_id == account_task.resident_id == son.id
    assert phone_task.matched["whose"] == "family" and any("81岁" in r for r in phone_task.reasons)
    assert account_task.payments == 1 and account_task.largest_payment == 30_000


def test_a_withdrawn_resident_is_no_longer_matched(warn: WarnService, person: Person) -> None:
    registered = warn.residents.register(person(), actor="社区张")
    warn.residents.withdraw(registered.id, actor="王秀英", reason="本人申请")
    warn.record_event(call("13800138000"))
    assert warn.flag(kind="phone", value=SCAMMER, level="confirmed", source="import") == []


def test_a_contact_after_a_warning_reopens_the_task(warn: WarnService, person: Person) -> None:
    warn.residents.register(person(), actor="社区张")
    warn.record_event(call("13800138000", hours=5))
    [task_id] = warn.flag(
        kind="phone", value=SCAMMER, level="confirmed", source="import", now=NOW - timedelta(hours=4)
    )
    warn.tasks.record_outcome(
        task_id, outcome="prevented", method="call", by="JZ1", at=NOW - timedelta(hours=3)
    )
    warn.record_event(call("13800138000", hours=1))
    task = warn.tasks.get(task_id)
    assert task.state == "open" and "重新预警" in task.reasons[0]


@pytest.mark.parametrize("level", ["unknown", "cleared", "official"])
def test_levels_below_suspicious_raise_nothing(warn: WarnService, person: Person, level: str) -> None:
    warn.residents.register(person(), actor="社区张")
    warn.record_event(call("13800138000"))
    assert warn.flag(kind="phone", value=SCAMMER, level=level, source="import") == []


def test_a_held_transfer_flags_its_payee_and_puts_the_payment_in_progress_on_top(
    warn: WarnService, person: Person
) -> None:
    warn.residents.register(person(accounts=[AccountIn("6222021234567890128", "bank_card")]), actor="社区张")
    other = warn.residents.register(person("陈某", "13300133000", age=35), actor="社区张")
    warn.record_event(
        call("13300133000", "6217000010001234567", kind="payment", other_kind="bank_card", amount=100)
    )
    tasks = warn.on_held_transfer("工商银行", {
        "id": "T1", "amount": 50_000, "time": "2026-11-06T09:30:00+08:00",
        "payer": {"account": "6222021234567890128"}, "payee": {"account": "6217 0000 1000 1234 567"},
    })  # fmt: skip
    queue, _ = warn.tasks.queue()
    assert len(tasks) == 2 and queue[0].in_progress and queue[0].priority > queue[1].priority
    assert queue[1].resident_id == other.id and queue[1].source == "held_transfer"


def test_a_resident_registered_after_the_contact_gets_the_task(warn: WarnService, person: Person) -> None:
    warn.record_events([call("13800138000", hours=3), call("13500135000", "17012345678", hours=2)])
    warn.flag(kind="phone", value=SCAMMER, level="confirmed", source="import")
    assert warn.tasks.queue()[1] == 0  # nobody registered yet
    resident = warn.register(person(family=[FamilyIn("王小明", "135 0013 5000", "儿子", 45)]), actor="社区张")
    [task] = warn.tasks.queue()[0]
    assert task.resident_id == resident.id and task.calls == 2


def test_a_decision_takes_the_fraud_type_of_the_reports(warn: WarnService, person: Person) -> None:
    warn.residents.register(person(), actor="社区张")
    warn.record_event(call("13800138000"))
    warn.intel.add_report(kind="phone", value=SCAMMER, fraud_type="loan")  # type: ignore[union-attr]
    warn.intel.decide(kind="phone", value=SCAMMER, decision="confirmed", officer="JZ1", reason="核实")  # type: ignore[union-attr]
    [task] = warn.tasks.queue()[0]
    assert (task.level, task.fraud_type, task.source) == ("confirmed", "loan", "intel")


def test_a_later_contact_through_a_younger_family_member_keeps_the_elderly_grounds(
    warn: WarnService, person: Person
) -> None:
    """An 80-year-old called by a flagged number, then his 40-year-old son: the task keeps the older
    person's age and says the resident himself was contacted (as `fanzha warn match` does)."""
    old = warn.register(
        person("王大爷", "13800138000", age=80, family=[FamilyIn("王军", "13500135000", "儿子", 40)]),
        actor="社区张",
    )
    warn.flag(kind="phone", value=SCAMMER, level="confirmed", source="import")
    [first] = warn.record_event(call("13800138000", hours=3)).tasks
    before = warn.tasks.get(first)
    assert any("80岁" in r for r in before.reasons)
    [again] = warn.record_event(call("13500135000", hours=1)).tasks
    after = warn.tasks.get(again)
    assert again == first and after.resident_id == old.id and after.calls == 2
    assert after.priority >= before.priority
    assert any("80岁" in r for r in after.reasons)
    assert not any("联系的是" in r for r in after.reasons)
    assert after.matched["whose"] == "self"


def test_a_flag_after_contacts_with_both_keeps_the_elderly_grounds(warn: WarnService, person: Person) -> None:
    """The son's contact first, the father's afterwards, the number flagged last: the task speaks of the
    father, and a later contact with the son does not take it back."""
    warn.register(
        person("王大爷", "13800138000", age=80, family=[FamilyIn("王军", "13500135000", "儿子", 40)]),
        actor="社区张",
    )
    warn.record_events([call("13500135000", hours=5), call("13800138000", hours=4)])
    [task_id] = warn.flag(kind="phone", value=SCAMMER, level="confirmed", source="import")
    warn.record_event(call("13500135000", hours=1))
    task = warn.tasks.get(task_id)
    assert task.calls == 3 and task.matched["whose"] == "self"
    assert any("居民80岁" in r for r in task.reasons)
    assert not any("联系的是" in r for r in task.reasons)


def test_an_older_family_member_speaks_for_the_task(warn: WarnService, person: Person) -> None:
    """A 40-year-old registers his 81-year-old mother's phone: her contact, even after his, ranks as hers."""
    warn.register(
        person("刘军", "13600136000", age=40, family=[FamilyIn("刘母", "13500135000", "母亲", 81)]),
        actor="刘军",
    )
    warn.flag(kind="phone", value=SCAMMER, level="confirmed", source="import")
    [task_id] = warn.record_event(call("13600136000", hours=3)).tasks
    warn.record_event(call("13500135000", hours=1))
    task = warn.tasks.get(task_id)
    assert task.matched["whose"] == "family" and any("81岁" in r for r in task.reasons)
    warn.record_event(call("13600136000", hours=0))
    task = warn.tasks.get(task_id)
    assert task.matched["whose"] == "family" and any("81岁" in r for r in task.reasons)
