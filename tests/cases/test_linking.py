"""串并: chains link, spellings link, official identifiers never link, the database's incremental
groups are the bulk algorithm's, and every link can be explained."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import UTC, datetime

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, delete, select
from sqlalchemy.orm import Session

from fanzha.cases.identity import canonical
from fanzha.cases.linking import link_case, link_components, link_jsonl, relink_all, why_linked
from fanzha.cases.model import CaseIdentifier
from fanzha.store import upgrade
from fanzha.store.case_tables import CaseIdentifierRow, CaseRow, LinkGroupRow, LinkIdentifierRow

NOW = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
Mentions = Sequence[tuple[str, str]]


def _partition(groups: Sequence[object]) -> set[frozenset[int]]:
    members: dict[object, set[int]] = {}
    for index, group in enumerate(groups):
        members.setdefault(group, set()).add(index)
    return {frozenset(m) for m in members.values()}


# ------------------------------------------------------------------------------------------ bulk
def test_a_chain_of_shared_identifiers_is_one_group() -> None:
    records = [
        ("A", [("phone", "13800138000")]),
        ("B", [("phone", "13800138000"), ("bank_card", "6222021234567890128")]),
        ("C", [("bank_card", "6222021234567890128"), ("qq", "123456789")]),
        ("D", [("qq", "987654321")]),
    ]
    assert link_components(records) == ["A", "A", "A", "D"]


def test_the_group_is_the_first_case_in_input_order() -> None:
    records = [("Z", [("wechat", "gang_boss01")]), ("A", []), ("M", [("wechat", "Gang_Boss01")])]
    assert link_components(records) == ["Z", "A", "Z"]


@pytest.mark.parametrize(
    ("kind", "spellings"),
    [
        ("phone", ["+86 138 0013 8000", "13800138000", "0086-138-0013-8000", "１３８００１３８０００"]),
        ("bank_card", ["6222021234567890128", "6222 0212 3456 7890 128", "6222-0212-3456-7890-128"]),
        ("url", ["HTTPS://WWW.Abc-Pay.top/login", "abc-pay.top", "http://abc-pay.top/other?id=2"]),
        ("app", ["Safe Pay", "  safe   PAY ", "ＳＡＦＥ ＰＡＹ"]),
    ],
)
def test_spellings_of_one_identifier_link(kind: str, spellings: list[str]) -> None:
    records = [(f"case{i}", [(kind, raw)]) for i, raw in enumerate(spellings)]
    assert set(link_components(records)) == {"case0"}


def test_a_link_and_its_domain_link() -> None:
    records = [("A", [("url", "https://www.abc-pay.top/x")]), ("B", [("domain", "abc-pay.top")])]
    assert link_components(records) == ["A", "A"]


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        ("phone", "95588"),
        ("phone", "10086"),
        ("domain", "taobao.com"),
        ("url", "https://item.taobao.com/item.htm?id=1"),
        ("url", "https://www.icbc.com.cn/"),
        ("ip", "192.168.1.1"),
        ("domain", "t.cn"),
    ],
)
def test_an_official_hub_never_links_cases(kind: str, value: str) -> None:
    records = [(f"case{i}", [(kind, value), ("phone", f"1390000{i:04d}")]) for i in range(200)]
    assert link_components(records) == [r[0] for r in records]


def test_a_hub_that_is_not_official_links_every_case_naming_it() -> None:
    records = [(f"case{i}", [("ip", "45.76.1.2"), ("phone", f"1390000{i:04d}")]) for i in range(200)]
    assert set(link_components(records)) == {"case0"}


def test_values_that_are_not_identifiers_link_nothing() -> None:
    records = [("A", [("phone", "hello"), ("bank_card", "12")]), ("B", [("phone", "hello"), ("nope", "x")])]
    assert link_components(records) == ["A", "B"]


@pytest.mark.parametrize(
    ("kind", "spellings"),
    [
        ("phone", ["14012345678", "+86 140 1234 5678", "0086-140-1234-5678", "１４０１２３４５６７８"]),
        ("phone", ["16812345678", "(+86)168.1234.5678", "86 168 1234 5678"]),
        ("phone", ["+855 12 345 678", "00855-12-345-678"]),
        ("bank_card", ["6222021234567890127", "6222 0212 3456 7890 127"]),
        ("bank_card", ["622202123456780078", "6222-0212-3456-7800-78"]),  # passes the ID checksum too
    ],
)
def test_odd_identifiers_link_in_every_written_form(kind: str, spellings: list[str]) -> None:
    records = [(f"case{i}", [(kind, raw)]) for i, raw in enumerate(spellings)]
    assert set(link_components(records)) == {"case0"}


# ------------------------------------------------------------------------------------------ JSONL
def _jsonl(rows: list[object]) -> list[bytes]:
    return [r if isinstance(r, bytes) else orjson.dumps(r) for r in rows]


def test_jsonl_writes_one_group_per_line_in_input_order_and_reports_bad_lines() -> None:
    lines = _jsonl(
        [
            {"id": "A", "identifiers": [{"kind": "phone", "value": "+86 138 0013 8000"}]},
            b"not json",
            {"id": 7, "identifiers": [{"kind": "phone", "value": "13800138000"}]},
            [1, 2],
            {"identifiers": []},
            {"id": "C", "identifiers": [{"kind": "fax", "value": "1"}]},
            {"id": "D", "identifiers": "13800138000"},
            {"id": "E", "identifiers": [{"kind": "phone", "value": 13800138000}]},
            b"   ",
            {"id": "F"},
            b"\xff\xfe",
        ]
    )
    out = io.BytesIO()
    errors = link_jsonl(lines, out)
    rows = [orjson.loads(line) for line in out.getvalue().splitlines()]
    assert errors == 7
    assert rows[0] == {"id": "A", "group": "A"}
    assert rows[2] == {"id": 7, "group": "A"}  # ids keep their JSON type
    assert rows[8] == {"id": "F", "group": "F"}
    assert [r.get("id") for r in rows] == ["A", None, 7, None, None, "C", "D", "E", "F", None]
    bad = [r for r in rows if "error" in r]
    assert len(bad) == 7 and all("group" not in r for r in bad)
    assert "JSON" in bad[0]["error"] and "fax" in bad[3]["error"]


def test_jsonl_gives_the_same_groups_with_worker_processes() -> None:
    rows = [{"id": i, "identifiers": [{"kind": "qq", "value": str(10_000 + i // 3)}]} for i in range(50_000)]
    lines = _jsonl([*rows, b"broken"])
    outputs = []
    for workers in (1, 2):
        out = io.BytesIO()
        assert link_jsonl(lines, out, workers=workers) == 1
        outputs.append(out.getvalue())
    assert outputs[0] == outputs[1]
    assert orjson.loads(outputs[0].splitlines()[4]) == {"id": 4, "group": 3}


def test_jsonl_names_the_odd_identifiers_of_a_case_with_their_flags() -> None:
    lines = _jsonl(
        [
            {"id": "A", "identifiers": [{"kind": "phone", "value": "+86 140 1234 5678"}, {"kind": "qq", "value": "12345"}]},
            {"id": "B", "identifiers": [{"kind": "phone", "value": "14012345678"}]},
            {"id": "C", "identifiers": [{"kind": "bank_card", "value": "6222 0212 3456 7890 127"}]},
            {"id": "D", "identifiers": [{"kind": "phone", "value": "13800138000"}]},
            {"id": "E", "identifiers": [{"kind": "domain", "value": "pay-abc.c0m"}, {"kind": "url", "value": "http://pay-abc.c0m/x"}]},
        ]
    )  # fmt: skip
    for workers in (1, 2):
        out = io.BytesIO()
        assert link_jsonl(lines, out, workers=workers) == 0
        rows = [orjson.loads(line) for line in out.getvalue().splitlines()]
        phone = {"kind": "phone", "value": "14012345678", "flags": ["号段未分配"]}
        assert rows[0] == {"id": "A", "group": "A", "flagged": [phone]}
        assert rows[1] == {"id": "B", "group": "A", "flagged": [phone]}
        card = {"kind": "bank_card", "value": "6222021234567890127", "flags": ["校验位不符"]}
        assert rows[2] == {"id": "C", "group": "C", "flagged": [card]}
        assert rows[3] == {"id": "D", "group": "D"}
        assert rows[4]["flagged"] == [{"kind": "domain", "value": "pay-abc.c0m", "flags": ["格式不符"]}]


def test_jsonl_reads_text_and_writes_text() -> None:
    lines = ['{"id": "A", "identifiers": [{"kind": "qq", "value": "123456"}]}\n', '{"id": "B"}\n']
    out = io.StringIO()
    assert link_jsonl(lines, out) == 0
    assert out.getvalue() == '{"id":"A","group":"A"}\n{"id":"B","group":"B"}\n'


# ------------------------------------------------------------------------------------------ database
def add_case(
    session: Session, case_id: int, mentions: Mentions, *, loss_fen: int = 0, district: str = ""
) -> int:
    """Store a case and its identifiers as the case desk does, and link it."""
    session.add(
        CaseRow(
            id=case_id, ref=f"AJ{case_id:06d}", received_at=NOW.replace(day=1 + case_id % 28), loss_fen=loss_fen,
            district=district, created_at=NOW, updated_at=NOW,
        )
    )  # fmt: skip
    session.flush()  # the case row first: no ORM relationship orders the inserts
    identifiers = {}
    for kind, raw in mentions:
        value = canonical(kind, raw)
        if value is not None:
            identifiers[(kind, value)] = CaseIdentifier(kind, value, raw)
    session.add_all(
        CaseIdentifierRow(case_id=case_id, kind=i.kind, value=i.value, raw=i.raw)
        for i in identifiers.values()
    )
    session.flush()
    return link_case(session, case_id, list(identifiers.values()))


def _state(session: Session) -> tuple[set[frozenset[int]], dict[tuple[str, str], int], dict[int, int]]:
    """(partition of the cases, n_cases per identifier, size per group) as stored."""
    groups = session.execute(select(CaseRow.id, CaseRow.group_id).order_by(CaseRow.id)).all()
    members: dict[int, set[int]] = {}
    for case_id, group in groups:
        assert group is not None
        members.setdefault(group, set()).add(case_id)
    counts = {
        (k, v): n
        for k, v, n in session.execute(
            select(LinkIdentifierRow.kind, LinkIdentifierRow.value, LinkIdentifierRow.n_cases)
        )
    }
    sizes = dict(session.execute(select(LinkGroupRow.id, LinkGroupRow.size)).all())
    assert sizes == {g: len(m) for g, m in members.items()}, "link_groups.size is the number of cases"
    group_of_key = dict(session.execute(select(LinkIdentifierRow.value, LinkIdentifierRow.group_id)).all())
    assert set(group_of_key.values()) <= set(members), "every identifier belongs to a live group"
    return {frozenset(m) for m in members.values()}, counts, sizes


@pytest.fixture
def store(engine: Engine) -> Engine:
    upgrade(engine)
    return engine


def test_incremental_linking_chains_and_explains(store: Engine) -> None:
    with Session(store) as session:
        assert add_case(session, 1, [("phone", "13800138000")]) == 1
        assert add_case(session, 2, [("qq", "123456789")]) == 2
        assert (
            add_case(session, 3, [("phone", "+86 138 0013 8000"), ("bank_card", "6222021234567890128")]) == 1
        )
        assert add_case(session, 4, [("bank_card", "6222 0212 3456 7890 128"), ("qq", "123456789")]) == 1
        assert add_case(session, 5, [("phone", "95588")]) == 5
        assert add_case(session, 6, [("phone", "95588")]) == 6
        session.commit()
        partition, counts, _ = _state(session)
        assert partition == {frozenset({1, 2, 3, 4}), frozenset({5}), frozenset({6})}
        assert counts == {
            ("phone", "13800138000"): 2,
            ("qq", "123456789"): 2,
            ("bank_card", "6222021234567890128"): 2,
        }
        steps = why_linked(session, 1, 2)
        assert [(s.from_case, s.to_case) for s in steps] == [(1, 3), (3, 4), (4, 2)]
        assert [s.via for s in steps] == [
            [("phone", "13800138000")], [("bank_card", "6222021234567890128")], [("qq", "123456789")]
        ]  # fmt: skip
        assert why_linked(session, 1, 5) == [] and why_linked(session, 5, 6) == []


def test_two_big_groups_merge_into_the_larger(store: Engine) -> None:
    with Session(store) as session:
        for i in range(1, 41):
            add_case(session, i, [("wechat", "small_gang"), ("phone", f"1390000{i:04d}")])
        for i in range(41, 101):
            add_case(session, i, [("alipay", "big@gang.com"), ("phone", f"1390000{i:04d}")])
        session.commit()
        assert add_case(session, 101, [("wechat", "SMALL_GANG"), ("alipay", "Big@Gang.com")]) == 41
        session.commit()
        partition, counts, sizes = _state(session)
        assert partition == {frozenset(range(1, 102))}
        assert sizes == {41: 101}
        assert counts[("wechat", "small_gang")] == 41 and counts[("alipay", "big@gang.com")] == 61
        assert set(session.scalars(select(LinkIdentifierRow.group_id))) == {41}
        assert [(s.from_case, s.to_case) for s in why_linked(session, 1, 100)] == [(1, 101), (101, 100)]


def test_new_identifiers_of_a_linked_case_are_counted_once(store: Engine) -> None:
    with Session(store) as session:
        add_case(session, 1, [("url", "https://abc-pay.top/login")])
        add_case(session, 2, [("qq", "5551234")])
        # The desk learns more about case 1: another page of the same site, and case 2's QQ.
        more = [
            CaseIdentifier("url", "abc-pay.top/pay", "abc-pay.top/pay"),
            CaseIdentifier("qq", "5551234", "5551234"),
        ]
        session.add_all(CaseIdentifierRow(case_id=1, kind=i.kind, value=i.value, raw=i.raw) for i in more)
        session.flush()
        assert link_case(session, 1, more) == 1
        session.commit()
        partition, counts, _sizes = _state(session)
        assert partition == {frozenset({1, 2})}
        assert counts == {("domain", "abc-pay.top"): 1, ("qq", "5551234"): 2}


def test_relink_all_rebuilds_what_incremental_linking_built(store: Engine) -> None:
    with Session(store) as session:
        add_case(session, 3, [("phone", "13800138000")])
        add_case(session, 5, [("qq", "123456"), ("phone", "95588")])
        add_case(session, 9, [("qq", "123456"), ("phone", "13800138000")])
        add_case(session, 10, [("phone", "95588")])
        session.commit()
        before = _state(session)
    stats = relink_all(store)
    assert (stats.cases, stats.identifiers, stats.groups) == (4, 2, 1)
    with Session(store) as session:
        after = _state(session)
        assert after[:2] == before[:2]
        assert set(after[2]) == {3, 10}  # bulk group ids are each group's smallest case id


# Random graphs: cases naming identifiers from a small pool (with allowlisted numbers and spellings).
POOL = [
    ("phone", "13800138000"), ("phone", "+86 138 0013 8000"), ("phone", "95588"), ("phone", "13912345678"),
    ("bank_card", "6222021234567890128"), ("bank_card", "6222 0212 3456 7890 128"), ("qq", "123456"),
    ("wechat", "gang_a01"), ("url", "https://www.abc-pay.top/x"), ("domain", "abc-pay.top"),
    ("domain", "taobao.com"), ("ip", "45.76.1.2"), ("ip", "192.168.1.1"), ("app", "Safe Pay"), ("alipay", "x@y.com"),
]  # fmt: skip
GRAPHS = st.lists(st.lists(st.sampled_from(POOL), max_size=3), min_size=1, max_size=25)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cases=GRAPHS)
def test_incremental_groups_are_the_bulk_groups(store: Engine, cases: list[list[tuple[str, str]]]) -> None:
    with Session(store) as session:
        for table in (CaseIdentifierRow, CaseRow, LinkIdentifierRow, LinkGroupRow):
            session.execute(delete(table))
        for case_id, mentions in enumerate(cases, 1):
            add_case(session, case_id, mentions)
            session.commit()
        incremental, counts, _ = _state(session)
    bulk = link_components([(str(i), m) for i, m in enumerate(cases, 1)])
    assert incremental == {frozenset(i + 1 for i in part) for part in _partition(bulk)}
    relink_all(store)
    with Session(store) as session:
        rebuilt, rebuilt_counts, _ = _state(session)
    assert rebuilt == incremental and rebuilt_counts == counts
