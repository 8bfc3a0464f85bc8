"""同时间段其他受害者资金: the window and the three matching rules of fanzha.orders.sweep."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from fanzha.orders.machine import OrderError
from fanzha.orders.sweep import Inflow, covers_for, other_victims, store_inflows, window_for
from fanzha.store import upgrade
from fanzha.store.case_tables import AccountInflowRow, CasePaymentRow, CaseRow
from fanzha.timezones import BEIJING

T0 = datetime(2025, 3, 1, 10, 0, tzinfo=UTC)
H = timedelta(hours=1)
MULE = "6222021234567890128"


@pytest.fixture
def db(engine: Engine) -> Engine:
    upgrade(engine)
    return engine


def add_case(
    session: Session, ref: str, payments: list[tuple[datetime | None, int, str, str]], **fields: object
) -> int:
    """A case with payments (paid_at, amount in yuan, from_account, to_account)."""
    row = CaseRow(ref=ref, received_at=T0, created_at=T0, updated_at=T0, **fields)
    session.add(row)
    session.flush()
    for at, yuan, source, target in payments:
        session.add(
            CasePaymentRow(
                case_id=row.id, paid_at=at, amount_fen=yuan * 100, from_account=source, to_account=target
            )
        )
    session.flush()
    return row.id


def add_inflows(session: Session, account: str, inflows: list[tuple[datetime, int, str]]) -> None:
    for at, yuan, source in inflows:
        session.add(AccountInflowRow(account=account, at=at, amount_fen=yuan * 100, from_account=source))
    session.flush()


def search(session: Session, own: int | None, start: datetime = T0 - 72 * H, end: datetime = T0 + 72 * H):  # type: ignore[no-untyped-def]
    return other_victims(session, account=MULE, start=start, end=end, exclude_case_id=own)


def test_the_window_spans_the_cases_own_payments_widened_by_72_hours(db: Engine) -> None:
    with Session(db) as session:
        own = add_case(session, "A", [(T0, 5000, "6217000011112222", MULE), (T0 + 5 * H, 3000, "", MULE)])
        assert window_for(session, case_id=own, account=MULE) == (T0 - 72 * H, T0 + 77 * H)
        assert window_for(session, case_id=own, account=MULE, margin=2 * H) == (T0 - 2 * H, T0 + 7 * H)


def test_without_a_dated_payment_the_window_centres_on_the_case(db: Engine) -> None:
    with Session(db) as session:
        occurred = add_case(session, "A", [(None, 5000, "", MULE)], occurred_at=T0 - 10 * H)
        received = add_case(session, "B", [])
        assert window_for(session, case_id=occurred, account=MULE) == (T0 - 82 * H, T0 + 62 * H)
        assert window_for(session, case_id=received, account=MULE) == (T0 - 72 * H, T0 + 72 * H)
        assert window_for(session, case_id=None, account=MULE) is None


def test_an_inflow_from_another_victims_account_is_covered(db: Engine) -> None:
    with Session(db) as session:
        own = add_case(session, "A", [(T0, 5000, "6217000011112222", MULE)])
        other = add_case(session, "B", [(T0 + 30 * H, 20000, "6228480000000001", "6200000000000009")])
        add_inflows(session, MULE, [(T0 + 2 * H, 19999, "6228 4800 0000 0001")])
        [cover] = search(session, own)
        assert (cover.case_id, cover.amount, cover.at, cover.source) == (other, 19999.0, T0 + 2 * H, "inflow")
        assert "付款账户相同" in cover.why and "案件 B" in cover.why


@pytest.mark.parametrize(
    ("offset", "amount", "covered"),
    [
        (timedelta(minutes=40), 8000, True),
        (timedelta(minutes=-59), 8000, True),
        (2 * H, 8000, False),
        (H / 2, 8001, False),
    ],
)
def test_an_inflow_matching_another_cases_amount_and_time_is_covered(
    db: Engine, offset: timedelta, amount: int, covered: bool
) -> None:
    with Session(db) as session:
        own = add_case(session, "A", [(T0, 5000, "", MULE)])
        other = add_case(session, "B", [(T0 + 3 * H, 8000, "", MULE)])
        add_inflows(session, MULE, [(T0 + 3 * H + offset, amount, "6200111122223333")])
        found = [c for c in search(session, own) if c.source == "inflow"]
        assert [c.case_id for c in found] == ([other] if covered else [])
        if covered:
            assert f"时间相差 {round(abs(offset).total_seconds() / 60)} 分钟" in found[0].why


def test_other_victims_reported_payments_in_the_window_are_covered(db: Engine) -> None:
    with Session(db) as session:
        own = add_case(session, "A", [(T0, 5000, "", MULE)])
        inside = add_case(session, "B", [(T0 - 70 * H, 1200, "6217000099998888", MULE)])
        add_case(session, "C", [(T0 + 73 * H, 900, "", MULE)])  # outside the window
        undated = add_case(session, "D", [(None, 700, "", MULE)])
        add_case(session, "E", [(T0, 600, "", "6200000000000009")])  # another account
        found = search(session, own)
        assert {(c.case_id, c.amount, c.source) for c in found} == {
            (inside, 1200.0, "case"),
            (undated, 700.0, "case"),
        }
        assert all(c.case_id != own for c in found)


def test_the_cases_own_money_is_not_another_victims(db: Engine) -> None:
    with Session(db) as session:
        own = add_case(session, "A", [(T0, 5000, "6217000011112222", MULE)])
        add_inflows(session, MULE, [(T0, 5000, "6217000011112222"), (T0 + H, 5000, "")])
        assert search(session, own) == []


def test_each_payment_counts_once_across_the_rules(db: Engine) -> None:
    sender = "6217000055556666"
    with Session(db) as session:
        own = add_case(session, "A", [(T0, 5000, "", MULE)])
        other = add_case(session, "B", [(T0 + i * H, 1000 * (i + 1), sender, MULE) for i in range(3)])
        amount_only = add_case(session, "C", [(T0 + 10 * H, 4321, "", MULE)])
        add_inflows(
            session,
            MULE,
            [(T0 + i * H, 1000 * (i + 1), sender) for i in range(3)] + [(T0 + 10 * H + H / 4, 4321, "")],
        )
        found = search(session, own)
        assert sorted((c.case_id, c.amount) for c in found) == sorted(
            [(other, 1000.0), (other, 2000.0), (other, 3000.0), (amount_only, 4321.0)]
        )
        assert {c.source for c in found} == {"inflow"}


def test_inflows_outside_the_window_are_not_searched(db: Engine) -> None:
    with Session(db) as session:
        own = add_case(session, "A", [(T0, 5000, "", MULE)])
        add_case(session, "B", [(T0 + 200 * H, 300, "6217000011113333", "6200000000000009")])
        add_inflows(session, MULE, [(T0 + 100 * H, 300, "6217000011113333")])
        assert search(session, own) == []
        assert len(search(session, own, end=T0 + 101 * H)) == 1


def test_covers_are_json_ready_and_empty_without_a_window(db: Engine) -> None:
    with Session(db) as session:
        own = add_case(session, "A", [(T0, 5000, "", MULE)])
        other = add_case(session, "B", [(T0 + H, 800, "6217000077778888", MULE)])
        assert covers_for(session, case_id=own, account="6222 0212 3456 7890 128") == [
            {
                "case_id": other,
                "amount": 800.0,
                "at": (T0 + H).astimezone(BEIJING).isoformat(),  # +08:00, as every time the API shows
                "from_account": "6217000077778888",
                "why": "案件 B：受害人报称在此时间段向该账户转账",
                "source": "case",
            }
        ]
        assert covers_for(session, case_id=None, account=MULE) == []


def test_a_statement_sent_twice_is_stored_once(db: Engine) -> None:
    inflows = [Inflow(T0, 100.5, "6217 0000 1111 2222", "张三"), Inflow(T0 + H, 20, "")]
    with Session(db) as session:
        assert store_inflows(session, account=MULE, inflows=inflows, reported_by="银行", order_id=None) == (
            2,
            0,
        )
        again = [*inflows, Inflow(T0 + 2 * H, 20, "")]
        assert store_inflows(session, account=MULE, inflows=again, reported_by="银行", order_id=None) == (
            1,
            2,
        )
        assert session.scalar(select(func.count()).select_from(AccountInflowRow)) == 3
        stored = session.scalars(select(AccountInflowRow).order_by(AccountInflowRow.at)).first()
        assert stored is not None and stored.from_account == "6217000011112222" and stored.amount_fen == 10050


@pytest.mark.parametrize("amount", [0, -5, float("nan"), float("inf")])
def test_an_inflow_without_a_positive_amount_is_refused(db: Engine, amount: float) -> None:
    with Session(db) as session, pytest.raises(OrderError, match="第 1 笔入账"):
        store_inflows(session, account=MULE, inflows=[Inflow(T0, amount)], reported_by="银行", order_id=None)


CALENDAR_ENDS = [
    datetime(1, 1, 1, tzinfo=UTC),
    datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC),
    datetime(1999, 12, 31, tzinfo=UTC),
]


@pytest.mark.parametrize("at", CALENDAR_ENDS)
def test_an_inflow_dated_out_of_the_accepted_range_is_refused(db: Engine, at: datetime) -> None:
    inflows = [Inflow(T0, 10), Inflow(at, 10)]
    with Session(db) as session, pytest.raises(OrderError, match="第 2 笔入账的时间超出可接受的范围"):
        store_inflows(session, account=MULE, inflows=inflows, reported_by="银行", order_id=None)


@pytest.mark.parametrize("at", CALENDAR_ENDS)
def test_a_stored_date_out_of_the_accepted_range_does_not_anchor_the_window(db: Engine, at: datetime) -> None:
    with Session(db) as session:
        mixed = add_case(session, "A", [(at, 10, "", MULE), (T0, 5000, "", MULE)])
        alone = add_case(session, "B", [(at, 10, "", MULE)], occurred_at=at)
        assert window_for(session, case_id=mixed, account=MULE) == (T0 - 72 * H, T0 + 72 * H)
        assert window_for(session, case_id=alone, account=MULE) == (T0 - 72 * H, T0 + 72 * H)  # received
        assert covers_for(session, case_id=mixed, account=MULE) == []  # B's money is dated outside it
