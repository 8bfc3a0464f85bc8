"""Counter alerts in the store: the life cycle (raise → acknowledge → case → close), the steps out of order
refused, bank scope, drills kept away from cases, and every step in the audit log."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from fanzha.audit.log import recent, verify
from fanzha.cases.model import CaseIn
from fanzha.cases.repository import CaseStore
from fanzha.counter import AlertConflict, AlertError, AlertIn, AlertNotFound, AlertStore
from fanzha.store import upgrade

RAISED = datetime(2026, 6, 3, 2, 0, tzinfo=UTC)  # 10:00 Beijing time
FORGED = AlertIn(
    kind="forged_document", branch="江州支行", counter="2号窗口", presented="存单（金额与系统不符）、身份证",
    customer="孕妇，约30岁，白色上衣", note="已借口联网核查故障拖延", teller="柜员李某",
)  # fmt: skip


@pytest.fixture
def store(engine: Engine) -> AlertStore:
    upgrade(engine)
    return AlertStore(engine)


def raise_one(
    store: AlertStore, alert: AlertIn = FORGED, *, bank: str = "工行", at: datetime = RAISED
) -> int:
    return store.raise_alert(alert, bank=bank, actor="中国工商银行", now=at).id


def test_an_alert_goes_from_open_to_acknowledged_to_a_case_to_closed(store: AlertStore) -> None:
    alert_id = raise_one(store)
    raised = store.get(alert_id)
    assert (raised.state, raised.bank, raised.occurred_at) == ("open", "中国工商银行", RAISED)
    acknowledged = store.acknowledge(alert_id, officer="JZ1001", now=RAISED + timedelta(seconds=95))
    assert acknowledged.state == "acknowledged" and acknowledged.seconds_to_acknowledge == 95
    opened = store.open_case(alert_id, officer="JZ1001", district="西城区", now=RAISED + timedelta(minutes=3))
    assert opened.case_id is not None and opened.case_link == "opened"
    closed = store.close(
        alert_id, outcome="tracked", note="保安记下车牌", officer="JZ1001", now=RAISED + timedelta(hours=1)
    )
    assert (closed.state, closed.outcome, closed.closed_by) == ("closed", "tracked", "JZ1001")
    case = CaseStore(store.engine).get(opened.case_id)
    assert case is not None and "客户出示：存单（金额与系统不符）" in case.narrative
    assert case.district == "西城区" and case.desk == "柜面报警"


def test_every_step_is_in_the_audit_log_and_the_chain_holds(store: AlertStore, engine: Engine) -> None:
    alert_id = raise_one(store)
    store.acknowledge(alert_id, officer="JZ1001")
    case = CaseStore(engine).create(CaseIn(received_at=RAISED), actor="JZ1001")
    store.attach_case(alert_id, case_id=case.id, officer="JZ1001")
    store.close(alert_id, outcome="arrested", officer="JZ1002")
    steps = [(e.actor, e.action) for e in store.history(alert_id)]
    assert steps == [
        ("中国工商银行", "alert.raised"),
        ("JZ1001", "alert.acknowledged"),
        ("JZ1001", "alert.case_attached"),
        ("JZ1002", "alert.closed"),
    ]
    assert verify(engine).ok


def _ack(store: AlertStore, alert_id: int) -> Any:
    return store.acknowledge(alert_id, officer="JZ1")


def _close(store: AlertStore, alert_id: int) -> Any:
    return store.close(alert_id, outcome="false_alarm", officer="JZ1")


def _attach(store: AlertStore, alert_id: int) -> Any:
    return store.attach_case(alert_id, case_id=1, officer="JZ1")


Step = Callable[[AlertStore, int], Any]


@pytest.mark.parametrize(
    ("done", "step", "message"),
    [
        ([_ack], _ack, "已由 JZ1 接警"),
        ([], _close, "尚未接警"),
        ([], _attach, "尚未接警"),
        ([_ack, _close], _close, "已处置"),
        ([_ack, _close], _ack, "已由 JZ1 接警"),
    ],
    ids=["acknowledge-twice", "close-before-ack", "attach-before-ack", "close-twice", "ack-after-close"],
)
def test_a_step_out_of_order_is_a_conflict_and_leaves_no_audit_entry(
    store: AlertStore, engine: Engine, done: list[Step], step: Step, message: str
) -> None:
    alert_id = raise_one(store)
    for earlier in done:
        earlier(store, alert_id)
    with Session(engine) as session:
        before = len(recent(session, limit=100))
    with pytest.raises(AlertConflict, match=message):
        step(store, alert_id)
    with Session(engine) as session:
        assert len(recent(session, limit=100)) == before


@pytest.mark.parametrize(
    ("alert", "message"),
    [
        (AlertIn(kind="robbery", branch="江州支行"), "不支持的报警类型"),
        (AlertIn(kind="forged_document", branch="  "), "请填写网点"),
        (AlertIn(kind="forged_document", branch="支" * 201), "网点不能超过 200 个字符"),
        (AlertIn(kind="forged_document", branch="江州支行", note="x" * 2001), "柜员说明不能超过"),
        (
            AlertIn(kind="forged_document", branch="江州支行", occurred_at=datetime(1999, 1, 1, tzinfo=UTC)),
            "超出可接受的范围",
        ),
        (
            AlertIn(kind="forged_document", branch="江州支行", occurred_at=RAISED + timedelta(hours=2)),
            "不能晚于现在",
        ),
    ],
    ids=["kind", "no-branch", "long-branch", "long-note", "old-date", "future"],
)
def test_a_bad_alert_is_refused_with_the_field_named(store: AlertStore, alert: AlertIn, message: str) -> None:
    with pytest.raises(AlertError, match=message):
        store.raise_alert(alert, bank="工行", actor="工行", now=RAISED)
    assert store.list_alerts() == []


def test_a_bank_sees_only_its_own_alerts_however_its_name_is_spelt(store: AlertStore) -> None:
    mine = raise_one(store, bank="工商银行")
    theirs = raise_one(store, bank="江州农商银行")
    assert [a.id for a in store.list_alerts(bank="中国工商银行")] == [mine]
    assert {a.id for a in store.list_alerts()} == {mine, theirs}
    with pytest.raises(AlertNotFound):
        store.get(theirs, bank="ICBC")
    assert store.get(mine, bank="工行").id == mine


def test_open_alerts_come_first_and_are_counted_apart_from_drills(store: AlertStore) -> None:
    old = raise_one(store, at=RAISED)
    store.acknowledge(old, officer="JZ1")
    newer = raise_one(store, at=RAISED + timedelta(minutes=5))
    drill = raise_one(
        store,
        AlertIn(kind="forged_document", branch="演练网点", drill=True),
        at=RAISED + timedelta(minutes=6),
    )
    assert [a.id for a in store.list_alerts()] == [drill, newer, old]
    assert [a.id for a in store.list_alerts(state="active", drill=False)] == [newer, old]
    assert store.open_counts() == (1, 1)
    assert store.open_counts(bank="另一家银行") == (0, 0)


@pytest.mark.parametrize("link", ["attach", "open"])
def test_a_drill_never_reaches_a_case(store: AlertStore, engine: Engine, link: str) -> None:
    drill = raise_one(store, AlertIn(kind="forged_document", branch="江州支行", drill=True))
    store.acknowledge(drill, officer="JZ1")
    case = CaseStore(engine).create(CaseIn(received_at=RAISED), actor="JZ1")
    with pytest.raises(AlertConflict, match="演练报警不关联案件"):
        if link == "attach":
            store.attach_case(drill, case_id=case.id, officer="JZ1")
        else:
            store.open_case(drill, officer="JZ1")
    assert len(CaseStore(engine).search(limit=10)[1]) == 1
    assert store.close(drill, outcome="drill_completed", officer="JZ1").outcome == "drill_completed"


def test_only_a_drill_closes_as_drill_completed(store: AlertStore) -> None:
    real = raise_one(store)
    store.acknowledge(real, officer="JZ1")
    with pytest.raises(AlertError, match="演练结束"):
        store.close(real, outcome="drill_completed", officer="JZ1")
    with pytest.raises(AlertError, match="请填写处置说明"):
        store.close(real, outcome="other", officer="JZ1")


def test_attaching_to_a_missing_case_or_twice_is_refused(store: AlertStore, engine: Engine) -> None:
    alert_id = raise_one(store)
    store.acknowledge(alert_id, officer="JZ1")
    with pytest.raises(AlertNotFound, match="没有编号为 999 的案件"):
        store.attach_case(alert_id, case_id=999, officer="JZ1")
    case = CaseStore(engine).create(CaseIn(received_at=RAISED), actor="JZ1")
    store.attach_case(alert_id, case_id=case.id, officer="JZ1")
    with pytest.raises(AlertConflict, match=f"已关联案件 #{case.id}"):
        store.open_case(alert_id, officer="JZ1")


@pytest.mark.parametrize("alert_id", [0, -1, 2**63, 10**30])
def test_an_id_no_row_can_have_is_simply_not_found(store: AlertStore, alert_id: int) -> None:
    with pytest.raises(AlertNotFound):
        store.get(alert_id)
    with pytest.raises(AlertNotFound):
        store.acknowledge(alert_id, officer="JZ1")
