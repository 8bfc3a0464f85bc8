"""Fuzzing the JSONL readers with lines that resemble the real thing but are not: broken UTF-8, JSON that
is valid but of the wrong type, huge numbers, deep nesting, NULs, lone surrogates, records with one field
replaced by something hostile. Every reader answers each line with its record or a Chinese error, never
an exception, and within a bound."""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Callable
from datetime import timedelta
from io import BytesIO
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from fanzha.cases.batch import link_jsonl
from fanzha.claims.audit import Auditor
from fanzha.claims.model import ClaimError
from fanzha.claims.stockfile import parse_stock_text
from fanzha.cli.jsonl import parse_line as parse_text_line
from fanzha.intel.bulk import read_rows
from fanzha.screen.engine import Screener
from fanzha.screen.jsonl import screen_stream
from fanzha.screen.rules import default_rules
from fanzha.screen.state import MemoryState
from fanzha.text.limits import check_text
from fanzha.warn.events import read_events
from fanzha.warn.imports import read_residents
from fanzha.warn.model import WarnError

FUZZ = settings(
    max_examples=200,
    deadline=timedelta(seconds=5),
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
CHINESE = re.compile("[\u4e00-\u9fff]")

# A valid record of each reader, the starting point of the hostile ones.
TEMPLATES: dict[str, dict[str, Any]] = {
    "text": {"id": 1, "text": "您的账户涉嫌洗钱，请拨打１３８００１３８０００并转账到安全账户"},
    "transfer": {
        "id": "t-1", "time": "2026-11-06T10:05:00+08:00", "amount": 48000, "channel": "counter",
        "payer": {"account": "6222021234000001", "age": 72}, "payee": {"account": "6226090000000001"},
        "purpose": "转到安全账户", "payer_on_call": True,
    },
    "case": {"id": "c-1", "identifiers": [{"kind": "phone", "value": "138-0013-8000"}, {"kind": "url", "value": "http://a.top"}]},
    "claim": {
        "claim_id": "c-1", "patient_id": "p-1",
        "institution": {"id": "h-1", "name": "一院", "level": "二级", "licensed_services": ["内科"], "equipment": []},
        "items": [{"ref": "1", "code": "110900001", "name": "床位费", "category": "bed", "date": "2026-03-01",
                   "qty": 1, "unit_price": 30, "service": "内科"}],
        "admitted": "2026-03-01", "discharged": "2026-03-03",
    },
    "resident": {
        "name": "张桂兰", "phone": "13800138000", "community": "幸福里", "age": 76,
        "accounts": ["6222021234567890128", {"kind": "alipay", "value": "a@b.cn"}],
        "family": [{"name": "张伟", "phone": "13900139000", "relation": "儿子", "age": 45}],
        "consent_at": "2026-11-01T10:00:00+08:00",
    },
    "event": {"kind": "payment", "resident": "13800138000", "other_kind": "bank_card", "other": "6222021234567890128",
              "at": "2026-11-06T10:00:00+08:00", "amount": "5000", "in_progress": "true"},
    "intel": {"kind": "phone", "value": "13800138000", "source": "citizen", "fraud_type": "impersonate_police", "text": "冒充公安"},
    "stock": {"institution_id": "h-1", "code": "250101001", "period_start": "2026-03-01", "period_end": "2026-03-31",
              "opening": 10, "purchased": 5, "closing": 3},
}  # fmt: skip

SPECIAL = st.sampled_from(
    [None, True, False, 0, -1, 2**63 - 1, -(2**63), 2**64, 10**30, 1e308, -0.0, 5e-324, "", " ", "\x00", "\u3000",
     "9" * 5000, "2026-02-30", "2026-13-01T25:61:00+08:00", "9999-12-31", "0001-01-01", "NaN", "-1", "1e999",
     "\ud800", "ｃｏｕｎｔｅｒ", "x" * 3000, [], {}, [[[]]], {"": None}, ["\ud800"], {"kind": []}]
)  # fmt: skip
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20) | SPECIAL,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            out += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            out += _paths(child, (*prefix, i))
    return out


@st.composite
def mutated(draw: st.DrawFn, template: dict[str, Any]) -> Any:
    """The template with a few of its values (at any depth) replaced by hostile ones, or removed."""
    record: Any = json.loads(json.dumps(template))
    paths = _paths(record)
    for _ in range(draw(st.integers(0, 3))):
        path = draw(st.sampled_from(paths))
        if not path:
            record = draw(JSON_VALUES)
            break
        parent = record
        try:
            for step in path[:-1]:
                parent = parent[step]
            if draw(st.booleans()) and isinstance(parent, dict):
                parent.pop(path[-1], None)
            else:
                parent[path[-1]] = draw(JSON_VALUES)
        except (KeyError, IndexError, TypeError):
            continue
    return record


def encode(value: Any, ascii_only: bool) -> bytes:
    """JSON as Python writes it: NaN and Infinity, any integer, lone surrogates as escapes or raw bytes."""
    return json.dumps(value, ensure_ascii=ascii_only).encode("utf-8", "surrogatepass")


@st.composite
def broken(draw: st.DrawFn, line: bytes) -> bytes:
    """A line cut short, or with bytes that are not UTF-8, a NUL or a control character put in."""
    at = draw(st.integers(0, len(line)))
    how = draw(st.sampled_from(["keep", "cut", "insert"]))
    if how == "cut":
        return line[:at]
    if how == "insert":
        junk = draw(
            st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x00", b"\x1b", b"\xe4\xb8", b"\r", b"\\"])
        )
        return line[:at] + junk + line[at:]
    return line


def lines_of(kind: str) -> st.SearchStrategy[bytes]:
    record = mutated(TEMPLATES[kind])
    json_line = st.builds(encode, record, st.booleans()).flatmap(broken)
    nested = st.builds(
        lambda n, o, c: o * n + c * n,
        st.integers(100, 50_000),
        st.sampled_from([b"[", b'{"a":']),
        st.sampled_from([b"]", b"}"]),
    )
    return st.one_of(json_line, json_line, json_line, nested, st.binary(max_size=60))


def chinese(message: str) -> None:
    assert isinstance(message, str) and CHINESE.search(message), message


def non_blank(lines: list[bytes]) -> int:
    return sum(1 for line in lines if line.strip())


# ---- the readers, each with what it promises -------------------------------------------------------------


@FUZZ
@given(st.lists(lines_of("text"), min_size=1, max_size=5))
@example([b'{"id": 1, "text": "\\ud800"}', b'{"text": ' + b"1" * 5000 + b"}", b"[" * 100_000])
def test_text_lines_give_a_text_that_passes_the_checks_or_a_chinese_error(lines: list[bytes]) -> None:
    for number, line in enumerate(lines, 1):
        _, text, error = parse_text_line(line, number)
        if text is None:
            chinese(error or "")
        else:
            assert error is None and check_text(text) == text


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(default_rules())


@FUZZ
@given(st.lists(lines_of("transfer"), min_size=1, max_size=5))
@example([b'{"id": "t", "channel": []}', b'{"id": 99999999999999999999}', b'{"id": "t", "amount": 1e999}'])
def test_transfer_lines_give_a_decision_or_a_chinese_error(screener: Screener, lines: list[bytes]) -> None:
    out = list(screen_stream(lines, screener=screener, state=MemoryState()))
    assert len(out) == non_blank(lines)
    for item in out:
        assert (item.decision is None) == (item.transfer is None)
        if item.decision is None:
            chinese(item.error or "")


@FUZZ
@given(st.lists(lines_of("case"), min_size=1, max_size=5))
@example([b'{"id": 1, "identifiers": [{"kind": "phone", "value": "\\u0000"}]}', b'{"id": true}'])
def test_case_lines_link_or_give_a_chinese_error(lines: list[bytes]) -> None:
    out = BytesIO()
    errors = link_jsonl(lines, out)
    records = [orjson.loads(line) for line in out.getvalue().splitlines()]
    assert sum("error" in r for r in records) == errors
    for record in records:
        assert "group" in record or "error" in record
        if "error" in record:
            chinese(record["error"])


@pytest.fixture(scope="module")
def auditor() -> Auditor:
    return Auditor()


@FUZZ
@given(st.lists(lines_of("claim"), min_size=1, max_size=5))
@example([b'{"claim_id": "c", "items": [{"qty": 1e308, "unit_price": 1e308}]}', b'{"items": {"a": 1}}'])
@example([b'{"claim_id": ' + b"[" * 50_000 + b"]" * 50_000 + b"}"])
def test_claim_lines_give_an_audit_or_a_chinese_error(auditor: Auditor, lines: list[bytes]) -> None:
    results = list(auditor.audit_lines(lines))
    assert len(results) == non_blank(lines)
    for result in results:
        if result.error:
            chinese(result.error)
        else:
            assert result.claim_id


def file_lines(lines: list[bytes]) -> int:
    """The non-blank lines of the file the lines make (a line may itself hold a line break)."""
    return non_blank(b"\n".join(lines).split(b"\n"))


def _in_file(lines: list[bytes], suffix: str, read: Callable[[Path], Any]) -> list[Any]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"in{suffix}"
        path.write_bytes(b"\n".join(lines) + b"\n")
        return list(read(path))


@FUZZ
@given(st.lists(lines_of("resident"), min_size=1, max_size=5))
@example([b'{"accounts": 5}', b'{"family": 7}', b'{"name": "a", "consent_at": 1}'])
def test_resident_lines_give_a_registration_or_a_chinese_error(lines: list[bytes]) -> None:
    out = _in_file(lines, ".jsonl", read_residents)
    assert len(out) == file_lines(lines)
    for _, item in out:
        if isinstance(item, WarnError):
            chinese(str(item))


@FUZZ
@given(st.lists(lines_of("event"), min_size=1, max_size=5))
@example([b'{"kind": []}', b'{"kind": "call", "other_kind": {}}', b'{"kind": "sms", "resident_kind": []}'])
def test_event_lines_give_an_event_or_a_chinese_error(lines: list[bytes]) -> None:
    out = _in_file(lines, ".jsonl", read_events)
    assert len(out) == file_lines(lines)
    for _, item in out:
        if isinstance(item, WarnError):
            chinese(str(item))


@FUZZ
@given(st.lists(lines_of("intel"), min_size=1, max_size=5))
@example([b'{"value": ' + b"1" * 5000 + b"}", b"[" * 100_000])
def test_intel_rows_are_objects_or_a_chinese_error(lines: list[bytes]) -> None:
    for _, row in _in_file(lines, ".jsonl", read_rows):
        assert isinstance(row, dict) or CHINESE.search(row)


@FUZZ
@given(st.lists(lines_of("stock"), min_size=1, max_size=5))
def test_stock_lines_give_records_or_a_chinese_error(lines: list[bytes]) -> None:
    text = b"\n".join(lines).decode("utf-8", "replace")
    try:
        records = parse_stock_text(text, csv_format=False)
    except ClaimError as exc:
        chinese(str(exc))
    else:
        assert len(records) == sum(1 for line in text.splitlines() if line.strip())
