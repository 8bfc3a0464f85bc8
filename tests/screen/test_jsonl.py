"""Screening a JSONL stream: one record per line, and a hostile line (a date at the ends of the calendar,
a non-finite amount) gets its own error while the lines around it are screened."""

from __future__ import annotations

import pytest

from fanzha.screen.engine import Screener
from fanzha.screen.jsonl import record, screen_stream
from fanzha.screen.rules import default_rules
from fanzha.screen.state import MemoryState

GOOD = b'{"id": "%s", "amount": 500, "payer": {"account": "A1"}, "payee": {"account": "P1"}}'


@pytest.mark.parametrize(
    ("line", "error"),
    [
        (b'{"id": "x", "time": "0001-01-01T00:00:00", "amount": 5}', "字段 time 超出可接受的范围"),
        (b'{"id": "x", "time": "0001-01-01T00:00:00+14:00", "amount": 5}', "字段 time 超出可接受的范围"),
        (b'{"id": "x", "time": "9999-12-31T23:59:59-14:00", "amount": 5}', "字段 time 超出可接受的范围"),
        (
            b'{"id": "x", "payer_contacts": [{"value": "17012345678", "at": "9999-12-31T23:59:59-14:00"}]}',
            "payer_contacts[0].at 超出可接受的范围",
        ),
        (b'{"id": "x", "payer": {"customer_since": "0001-01-01"}}', "customer_since 超出可接受的范围"),
        (b'{"id": "x", "amount": NaN}', "不是合法的JSON"),
        (b'{"id": "x", "amount": Infinity}', "不是合法的JSON"),
        (b'{"id": "x", "amount": 1e309}', "不是合法的JSON"),
        (b'{"id": "x", "amount": "Infinity"}', "amount"),
        (b'{"id": "x", "amount": "1e309"}', "amount"),
    ],
    ids=[
        "year_1",
        "year_1_plus_14",
        "year_9999_minus_14",
        "contact_at",
        "customer_since",
        "nan",
        "infinity",
        "1e309",
        "infinity_text",
        "1e309_text",
    ],
)
def test_a_hostile_line_gets_its_own_error_and_the_others_are_screened(line: bytes, error: str) -> None:
    lines = [GOOD % b"a", line, GOOD % b"b"]
    out = [record(s) for s in screen_stream(lines, screener=Screener(default_rules()), state=MemoryState())]
    assert [o["id"] for o in out[::2]] == ["a", "b"] and all("outcome" in o for o in out[::2])
    assert "outcome" not in out[1] and out[1]["error"].startswith("第2行") and error in out[1]["error"]
