"""The officer's view of a 串并 group: cases, linking identifiers with hubs pointed out, loss, time span,
districts and a graph; and the list of groups."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from fanzha.cases.components import hub_flags, is_hub
from fanzha.cases.groups import count_groups, group_view, list_groups
from fanzha.cases.identity import canonical
from fanzha.cases.linking import link_case
from fanzha.cases.model import CaseIdentifier
from fanzha.store import upgrade
from fanzha.store.case_tables import CaseIdentifierRow, CaseRow


def add_case(
    session: Session, case_id: int, mentions: list[tuple[str, str]], *, loss_fen: int, district: str
) -> int:
    at = datetime(2026, 3, case_id % 28 + 1, 9, 0, tzinfo=UTC)
    session.add(
        CaseRow(
            id=case_id, ref=f"AJ{case_id:06d}", received_at=at, loss_fen=loss_fen, district=district,
            fraud_type="刷单返利", created_at=at, updated_at=at,
        )
    )  # fmt: skip
    session.flush()
    identifiers = []
    for kind, raw in mentions:
        value = canonical(kind, raw)
        assert value is not None
        identifiers.append(CaseIdentifier(kind, value, raw))
        session.add(CaseIdentifierRow(case_id=case_id, kind=kind, value=value, raw=raw))
    session.flush()
    return link_case(session, case_id, identifiers)


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    """A gang of 12 cases (one mule card in all of them, a public Wi-Fi address in 11, a phone in 3,
    a site in 2), a pair linked by a QQ number, and a single case."""
    upgrade(engine)
    s = Session(engine)
    for i in range(1, 13):
        mentions = [("bank_card", "6222 0212 3456 7890 128"), ("phone", f"1390000{i:04d}")]
        mentions += [("ip", "45.76.1.2")] if i != 12 else []
        mentions += [("phone", "+86 138 0013 8000")] if i <= 3 else []
        mentions += [("url", f"https://www.abc-pay.top/p{i}")] if i in (4, 5) else []
        mentions += [("phone", "95588")]  # official: shown nowhere, links nothing
        add_case(s, i, mentions, loss_fen=100_000 * i, district="朝阳区" if i % 3 else "海淀区")
    add_case(s, 20, [("qq", "123456")], loss_fen=5_000_00, district="东城区")
    add_case(s, 21, [("qq", "QQ:123456")], loss_fen=7_000_00, district="东城区")
    add_case(s, 30, [("wechat", "lonely_1")], loss_fen=99_000_00, district="西城区")
    s.commit()
    yield s
    s.close()


def test_group_view_sums_the_group_and_names_what_links_it(session: Session) -> None:
    view = group_view(session, 1)
    assert view is not None
    assert view.size == 12 and not view.truncated
    assert view.total_loss == sum(1000 * i for i in range(1, 13))
    assert view.first_received == datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    assert view.last_received == datetime(2026, 3, 13, 9, 0, tzinfo=UTC)
    assert view.districts == {"朝阳区": 8, "海淀区": 4}
    assert [c.id for c in view.cases][:3] == [12, 11, 10]  # latest first
    assert view.cases[0].loss == 12_000.0 and view.cases[0].fraud_type == "刷单返利"
    shared = {(s.kind, s.value): s for s in view.shared}
    assert set(shared) == {
        ("bank_card", "6222021234567890128"),
        ("ip", "45.76.1.2"),
        ("phone", "13800138000"),
        ("domain", "abc-pay.top"),
    }
    card = shared[("bank_card", "6222021234567890128")]
    assert card.n_cases == 12 and sorted(card.cases) == list(range(1, 13))
    assert shared[("domain", "abc-pay.top")].values == ["www.abc-pay.top/p5", "www.abc-pay.top/p4"] or sorted(
        shared[("domain", "abc-pay.top")].values
    ) == ["www.abc-pay.top/p4", "www.abc-pay.top/p5"]
    # Median of (12, 11, 3, 2) is 7: hubs need 21 cases, so none here; see the hub rule below.
    assert not any(s.hub for s in view.shared)


def test_group_graph_joins_cases_to_the_identifiers_they_share(session: Session) -> None:
    view = group_view(session, 1)
    assert view is not None
    nodes = {n["id"]: n for n in view.graph["nodes"]}
    assert sum(n["type"] == "case" for n in nodes.values()) == 12
    assert nodes["ip:45.76.1.2"] == {
        "id": "ip:45.76.1.2", "type": "identifier", "label": "45.76.1.2", "kind": "ip", "hub": False, "n_cases": 11,
    }  # fmt: skip
    assert all(e["source"] in nodes and e["target"] in nodes for e in view.graph["edges"])
    assert len(view.graph["edges"]) == 12 + 11 + 3 + 2
    assert view.to_dict()["cases"][0]["received_at"] == "2026-03-13T09:00:00+00:00"


def test_group_view_lists_the_latest_cases_when_the_group_is_large(session: Session) -> None:
    view = group_view(session, 1, limit=5)
    assert view is not None and view.truncated and len(view.cases) == 5 and view.size == 12
    card = next(s for s in view.shared if s.kind == "bank_card")
    assert card.n_cases == 12 and len(card.cases) == 5


def test_no_group_no_view(session: Session) -> None:
    assert group_view(session, 999) is None


def test_list_groups_by_size_and_by_loss(session: Session) -> None:
    assert [(g.id, g.size) for g in list_groups(session)] == [(1, 12), (20, 2)]
    assert [g.id for g in list_groups(session, order="loss")] == [1, 20]
    assert [g.id for g in list_groups(session, min_cases=1, order="loss")] == [30, 1, 20]
    assert [g.id for g in list_groups(session, min_cases=1, limit=2)] == [1, 20]
    assert list_groups(session)[1].total_loss == 12_000.0


def test_list_groups_a_page_at_a_time(session: Session) -> None:
    assert count_groups(session) == 2 and count_groups(session, min_cases=1) == 3
    assert count_groups(session, min_cases=13) == 0
    assert [g.id for g in list_groups(session, min_cases=1, limit=2, offset=2)] == [30]
    assert [g.id for g in list_groups(session, min_cases=1, limit=1, offset=1, order="loss")] == [1]
    assert list_groups(session, offset=5) == [] and list_groups(session, offset=-3)[0].id == 1


@pytest.mark.parametrize(
    ("n_cases", "median", "hub"),
    [
        (4, 1, False),  # below the floor of five
        (5, 1, True),
        (5, 2, False),  # needs three times the median: 6
        (6, 2, True),
        (40, 20, False),  # a gang's accounts are all used about as often
        (60, 20, True),
        (50, 40, True),  # fifty cases is a hub anywhere
    ],
)
def test_hub_rule(n_cases: int, median: float, hub: bool) -> None:
    assert is_hub(n_cases, median) is hub


def test_hub_flags_use_the_median_of_the_shared_identifiers() -> None:
    assert hub_flags([1, 1, 1, 2, 2, 2, 9]) == [False, False, False, False, False, False, True]
    assert hub_flags([30, 28, 25, 2]) == [False, False, False, False]
