"""OrderStore: the life of orders in the database, bank scope, inflows, and the audit of every change."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from fanzha.audit.log import verify
from fanzha.orders import Inflow, Order, OrderConflict, OrderError, OrderNotFound, OrderStore
from fanzha.store import upgrade
from fanzha.store.case_tables import AuditRow, CasePaymentRow, CaseRow

T0 = datetime(2025, 3, 1, 10, 0, tzinfo=UTC)
H = timedelta(hours=1)
MULE = "6222021234567890128"
BANK = "中国工商银行"
BASIS = "《反电信网络诈骗法》第三十条"


@pytest.fixture
def store(engine: Engine) -> OrderStore:
    upgrade(engine)
    return OrderStore(engine)


def add_case(store: OrderStore, ref: str, payments: list[tuple[datetime | None, int, str, str]]) -> int:
    """A case with payments (paid_at, amount in yuan, from_account, to_account) at BANK."""
    with Session(store.engine) as session:
        row = CaseRow(ref=ref, received_at=T0, created_at=T0, updated_at=T0)
        session.add(row)
        session.flush()
        for at, yuan, source, target in payments:
            session.add(
                CasePaymentRow(
                    case_id=row.id,
                    paid_at=at,
                    amount_fen=yuan * 100,
                    from_account=source,
                    to_account=target,
                    to_bank=BANK,
                )
            )
        session.commit()
        return row.id


def audit_actions(store: OrderStore, order: Order) -> list[str]:
    return [entry.action for entry in store.history(order_id=order.id)]


def audit_count(store: OrderStore) -> int:
    with Session(store.engine) as session:
        return session.scalar(select(func.count()).select_from(AuditRow)) or 0


def stop(store: OrderStore, case_id: int, *, amount: float = 5000, now: datetime = T0) -> Order:
    return store.request_stop_payment(
        case_id=case_id, account=MULE, bank=BANK, amount=amount, legal_basis=BASIS, officer="民警甲", now=now
    )


def executed(store: OrderStore, *, amount: float = 5000) -> Order:
    case_id = add_case(store, "A", [(T0 - H, 5000, "6217000011112222", MULE)])
    order = stop(store, case_id)
    return store.execute(order_id=order.id, amount_stopped=amount, bank_actor=BANK, bank=BANK, now=T0 + H)


def test_a_requested_stop_payment_covers_other_victims_and_is_audited(store: OrderStore) -> None:
    own = add_case(store, "A", [(T0 - H, 5000, "6217000011112222", MULE)])
    other = add_case(store, "B", [(T0 - 20 * H, 3000, "6228480000000001", MULE)])
    assert store.proposal(case_id=own, account="6222 0212 3456 7890 128") == (BANK, 5000.0)
    order = stop(store, own)
    assert (order.kind, order.state, order.account, order.bank) == ("stop_payment", "requested", MULE, BANK)
    assert (order.amount_requested, order.officer, order.expires_at) == (5000.0, "民警甲", None)
    assert [(c["case_id"], c["amount"], c["source"]) for c in order.covers] == [(other, 3000.0, "case")]
    [entry] = store.history(order_id=order.id)
    assert (entry.action, entry.actor, entry.detail["amount_requested_fen"]) == (
        "order.requested",
        "民警甲",
        500000,
    )
    assert store.get(order_id=order.id) == order


def test_execution_starts_the_48_hour_deadline_and_records_the_amount_stopped(store: OrderStore) -> None:
    order = executed(store, amount=4321.5)
    assert (order.state, order.amount_stopped, order.executed_at) == ("executed", 4321.5, T0 + H)
    assert order.expires_at == T0 + 49 * H
    assert audit_actions(store, order) == ["order.requested", "order.executed"]
    with pytest.raises(OrderConflict, match="已执行"):
        store.execute(order_id=order.id, amount_stopped=1, bank_actor=BANK, now=T0 + 2 * H)


def test_a_bank_sees_and_answers_only_orders_addressed_to_it(store: OrderStore) -> None:
    order = stop(store, add_case(store, "A", [(T0, 5000, "", MULE)]))
    with pytest.raises(OrderNotFound):
        store.execute(order_id=order.id, amount_stopped=1, bank_actor="中国银行", bank="中国银行")
    with pytest.raises(OrderNotFound):
        store.refuse(order_id=order.id, reason="非本行账户", bank_actor="中国银行", bank="中国银行")
    with pytest.raises(OrderNotFound):
        store.get(order_id=order.id, bank="中国银行")
    assert store.list_orders(bank="中国银行") == []
    assert [o.id for o in store.list_orders(bank=BANK, state="requested")] == [order.id]
    refused = store.refuse(order_id=order.id, reason="账户已销户", bank_actor=BANK, bank=BANK, now=T0 + H)
    assert (refused.state, refused.note, refused.closed_at) == ("refused", "账户已销户", T0 + H)


def test_renewals_extend_from_the_deadline_at_most_twice(store: OrderStore) -> None:
    order = executed(store)
    once = store.renew(order_id=order.id, officer="民警甲", now=T0 + 40 * H)
    twice = store.renew(order_id=order.id, officer="民警甲", now=T0 + 90 * H)
    assert (once.state, once.expires_at, twice.expires_at) == ("renewed", T0 + 97 * H, T0 + 145 * H)
    assert twice.renewals_left == 0
    with pytest.raises(OrderConflict, match="最多续期 2 次"):
        store.renew(order_id=order.id, officer="民警甲", now=T0 + 140 * H)
    assert audit_actions(store, order)[-2:] == ["order.renewed", "order.renewed"]


def test_a_freeze_follows_a_stop_payment_and_supersedes_it_once_executed(store: OrderStore) -> None:
    order = executed(store, amount=4800)
    frozen = store.freeze(
        order_id=order.id, legal_basis="刑事诉讼法第一百四十四条", officer="民警乙", now=T0 + 20 * H
    )
    assert (frozen.kind, frozen.parent_id, frozen.amount_requested, frozen.state) == (
        "freeze",
        order.id,
        4800.0,
        "requested",
    )
    assert (
        store.get(order_id=order.id).state == "executed"
    )  # the stop-payment holds until the freeze is executed
    with pytest.raises(OrderConflict, match="已有转冻结指令"):
        store.freeze(order_id=order.id, legal_basis=BASIS, officer="民警乙")
    done = store.execute(order_id=frozen.id, amount_stopped=4800, bank_actor=BANK, bank=BANK, now=T0 + 30 * H)
    assert done.expires_at == datetime(2025, 9, 2, 16, 0, tzinfo=UTC)  # six calendar months
    parent = store.get(order_id=order.id)
    assert (parent.state, parent.closed_at) == ("superseded", T0 + 30 * H)
    assert audit_actions(store, parent)[-2:] == ["order.freeze_requested", "order.superseded"]
    renewed = store.renew(order_id=frozen.id, officer="民警乙", months=3, now=T0 + 1000 * H)
    assert renewed.expires_at == datetime(2025, 12, 2, 16, 0, tzinfo=UTC)


def test_only_an_executed_stop_payment_can_become_a_freeze(store: OrderStore) -> None:
    requested = stop(store, add_case(store, "A", [(T0, 5000, "", MULE)]))
    with pytest.raises(OrderConflict, match="才能转为冻结"):
        store.freeze(order_id=requested.id, legal_basis=BASIS, officer="民警甲")
    with pytest.raises(OrderNotFound):
        store.freeze(order_id=9999, legal_basis=BASIS, officer="民警甲")


def test_release_withdraws_or_lifts_with_a_reason(store: OrderStore) -> None:
    order = executed(store)
    with pytest.raises(OrderError, match="请填写解除理由"):
        store.release(order_id=order.id, reason="  ", officer="民警甲")
    released = store.release(
        order_id=order.id, reason="资金已查明系合法收入", officer="民警甲", now=T0 + 5 * H
    )
    assert (released.state, released.note, released.closed_at) == (
        "released",
        "资金已查明系合法收入",
        T0 + 5 * H,
    )
    with pytest.raises(OrderConflict, match="已解除"):
        store.renew(order_id=order.id, officer="民警甲", now=T0 + 6 * H)


def test_returns_accumulate_and_the_last_one_closes_the_order(store: OrderStore) -> None:
    order = executed(store, amount=5000)
    part = store.record_return(
        order_id=order.id, amount=1999.99, officer="民警甲", victim_case_id=order.case_id
    )
    assert (part.state, part.amount_returned) == ("executed", 1999.99)
    with pytest.raises(OrderError, match=r"3000\.01 元"):
        store.record_return(order_id=order.id, amount=3000.02, officer="民警甲")
    done = store.record_return(order_id=order.id, amount=3000.01, officer="民警甲", now=T0 + 3 * H)
    assert (done.state, done.amount_returned, done.closed_at) == ("returned", 5000.0, T0 + 3 * H)
    last = store.history(order_id=order.id)[-1]
    assert (last.action, last.detail["amount_fen"], last.detail["total_fen"]) == (
        "order.returned",
        300001,
        500000,
    )


def test_expire_due_marks_only_overdue_orders_and_audits_each(store: OrderStore) -> None:
    order = executed(store)  # due at T0 + 49 h
    assert store.expire_due(now=T0 + 48 * H) == []
    [expired] = store.expire_due(now=T0 + 50 * H)
    assert (expired.id, expired.state, expired.closed_at) == (order.id, "expired", T0 + 50 * H)
    assert store.history(order_id=order.id)[-1].actor == "system"
    assert store.expire_due(now=T0 + 60 * H) == []


def test_an_overdue_order_cannot_be_renewed_even_before_the_sweep(store: OrderStore) -> None:
    order = executed(store)
    assert order.overdue(T0 + 50 * H)
    with pytest.raises(OrderConflict, match="期限已过"):
        store.renew(order_id=order.id, officer="民警甲", now=T0 + 50 * H)


def test_expiring_lists_active_orders_due_soon_soonest_first(store: OrderStore) -> None:
    early = stop(store, add_case(store, "A", [(T0, 100, "", MULE)]))
    late = store.request_stop_payment(
        case_id=add_case(store, "B", [(T0, 100, "", "6200000000000002")]),
        account="6200000000000002",
        bank=BANK,
        amount=100,
        legal_basis=BASIS,
        officer="民警甲",
        now=T0,
    )
    stop(store, add_case(store, "C", [(T0, 100, "", MULE)]))  # requested: no deadline yet
    store.execute(order_id=early.id, amount_stopped=100, bank_actor=BANK, now=T0)  # due T0 + 48 h
    store.execute(order_id=late.id, amount_stopped=100, bank_actor=BANK, now=T0 + 10 * H)  # due T0 + 58 h
    assert [o.id for o in store.expiring(within=12 * H, now=T0 + 40 * H)] == [early.id]
    assert [o.id for o in store.expiring(within=12 * H, now=T0 + 50 * H)] == [early.id, late.id]
    assert store.expiring(within=H, now=T0) == []


def test_a_second_open_order_on_the_same_account_for_the_same_case_is_refused(store: OrderStore) -> None:
    case_id = add_case(store, "A", [(T0, 5000, "", MULE)])
    first = stop(store, case_id)
    with pytest.raises(OrderConflict, match=f"#{first.id}"):
        stop(store, case_id)
    store.release(order_id=first.id, reason="重新申请", officer="民警甲")
    assert stop(store, case_id).id != first.id


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"amount": 0}, "申请止付金额须为大于零"),
        ({"amount": float("nan")}, "申请止付金额"),
        ({"amount": -1}, "申请止付金额"),
        ({"legal_basis": " "}, "请填写法律依据"),
        ({"bank": ""}, "请填写收款银行"),
        ({"account": " - "}, "请填写收款账户"),
        ({"account": "1" * 65}, "收款账户不能超过 64 个字符"),
    ],
)
def test_bad_requests_are_refused_in_chinese_and_leave_no_trace(
    store: OrderStore, fields: dict[str, object], message: str
) -> None:
    case_id = add_case(store, "A", [(T0, 5000, "", MULE)])
    args: dict[str, object] = {
        "case_id": case_id, "account": MULE, "bank": BANK, "amount": 100.0, "legal_basis": BASIS, "officer": "甲"
    }  # fmt: skip
    with pytest.raises(OrderError, match=message):
        store.request_stop_payment(**(args | fields))  # type: ignore[arg-type]
    assert audit_count(store) == 0 and store.list_orders() == []


def test_an_unknown_case_or_order_is_not_found(store: OrderStore) -> None:
    with pytest.raises(OrderNotFound, match="案件 #42"):
        stop(store, 42)
    with pytest.raises(OrderNotFound, match="指令 #7"):
        store.get(order_id=7)


def test_reported_inflows_update_the_covers_of_open_orders(store: OrderStore) -> None:
    order = executed(store)
    other = add_case(store, "B", [(T0 + 2 * H, 2500, "6228480000000009", "6200000000000003")])
    inflows = [Inflow(T0 + 2 * H, 2500, "6228480000000009", "李四"), Inflow(T0 + 3 * H, 10, "")]
    with pytest.raises(OrderNotFound, match="没有发往本行"):
        store.report_inflows(account=MULE, inflows=inflows, reported_by="中国银行", bank="中国银行")
    report = store.report_inflows(account=MULE, inflows=inflows, reported_by=BANK, bank=BANK, now=T0 + 4 * H)
    assert (report.stored, report.skipped, report.orders_updated) == (2, 0, (order.id,))
    assert [(c["case_id"], c["source"]) for c in store.get(order_id=order.id).covers] == [(other, "inflow")]
    again = store.report_inflows(account=MULE, inflows=inflows, reported_by=BANK, bank=BANK)
    assert (again.stored, again.skipped, again.orders_updated) == (0, 2, ())
    assert audit_actions(store, order)[-3:] == [
        "order.inflows_reported",
        "order.covers_updated",
        "order.inflows_reported",
    ]
    [cover] = store.other_victims(order_id=order.id)
    assert cover.case_id == other


def test_times_in_any_zone_are_kept_as_the_same_instant(store: OrderStore) -> None:
    beijing = timezone(timedelta(hours=8))
    order = stop(
        store, add_case(store, "A", [(T0, 5000, "", MULE)]), now=datetime(2025, 3, 1, 18, 0, tzinfo=beijing)
    )
    done = store.execute(
        order_id=order.id, amount_stopped=1, bank_actor=BANK, now=datetime(2025, 3, 1, 19, 0, tzinfo=beijing)
    )
    assert (done.requested_at, done.executed_at, done.expires_at) == (T0, T0 + H, T0 + 49 * H)
    assert verify(store.engine).ok


def test_every_change_is_in_the_audit_chain_and_the_chain_verifies(store: OrderStore) -> None:
    order = executed(store)
    store.renew(order_id=order.id, officer="民警甲", now=T0 + 10 * H)
    frozen = store.freeze(order_id=order.id, legal_basis=BASIS, officer="民警甲", now=T0 + 11 * H)
    store.execute(order_id=frozen.id, amount_stopped=5000, bank_actor=BANK, now=T0 + 12 * H)
    store.record_return(order_id=frozen.id, amount=5000, officer="民警甲", now=T0 + 13 * H)
    result = verify(store.engine)
    assert result.ok and result.checked == audit_count(store) == 8


def test_concurrent_steps_on_one_order_happen_once(store: OrderStore) -> None:
    """Two banks executing the same order at the same moment (and two officers requesting the same
    stop-payment): one succeeds, the other is refused as a conflict — never both, never a crash."""
    cases = [add_case(store, f"C{i}", [(T0, 100, "", MULE)]) for i in range(6)]
    outcomes: list[str] = []

    def attempt(step: Callable[[], object]) -> None:
        try:
            step()
            outcomes.append("ok")
        except OrderConflict:
            outcomes.append("conflict")

    def run_pairs(steps: list[Callable[[], object]]) -> None:
        threads = [threading.Thread(target=attempt, args=(step,)) for step in steps for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    run_pairs([lambda c=c: stop(store, c) for c in cases])
    orders = store.list_orders()
    run_pairs([lambda o=o: store.execute(order_id=o.id, amount_stopped=1, bank_actor=BANK) for o in orders])
    assert len(orders) == 6 and outcomes.count("ok") == outcomes.count("conflict") == 12
    assert all(o.state == "executed" for o in store.list_orders())
    result = verify(store.engine)
    assert result.ok and result.checked == 12


def test_an_order_reaches_the_bank_however_the_officer_wrote_its_name(store: OrderStore) -> None:
    case_id = add_case(store, "A-1", [(T0 - H, 5000, "6222000000000001", MULE)])
    order = store.request_stop_payment(
        case_id=case_id,
        account=MULE,
        bank="工行西城支行",
        amount=5000,
        legal_basis=BASIS,
        officer="民警甲",
        now=T0,
    )
    assert order.bank == "中国工商银行"
    for label in ("中国工商银行", "工商银行", "ICBC"):  # however the bank's key is labelled
        assert [o.id for o in store.list_orders(bank=label)] == [order.id]
        assert store.get(order_id=order.id, bank=label).id == order.id
    assert store.list_orders(bank="中国银行") == []


@pytest.mark.parametrize("at", [datetime(1, 1, 1, tzinfo=UTC), datetime(9999, 12, 31, 23, 59, tzinfo=UTC)])
def test_a_case_payment_dated_at_the_ends_of_the_calendar_does_not_break_the_order(
    store: OrderStore, at: datetime
) -> None:
    order = stop(store, add_case(store, "A", [(at, 5000, "", MULE)]))
    assert order.state == "requested" and store.other_victims(order_id=order.id) == []


def test_inflows_dated_out_of_the_accepted_range_are_refused_and_none_is_stored(store: OrderStore) -> None:
    order = executed(store)
    inflows = [Inflow(T0, 10, "6228480000000009"), Inflow(datetime(9999, 12, 31, tzinfo=UTC), 10)]
    with pytest.raises(OrderError, match="第 2 笔入账的时间超出可接受的范围"):
        store.report_inflows(account=MULE, inflows=inflows, reported_by=BANK, bank=BANK)
    assert store.report_inflows(account=MULE, inflows=inflows[:1], reported_by=BANK, bank=BANK).stored == 1
    assert audit_actions(store, order)[-1] == "order.inflows_reported"
