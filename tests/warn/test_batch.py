"""The batch path and the stored path keep the same grounds for a task matched through several people."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import orjson
import pytest

from fanzha.warn import EventIn, FamilyIn, WarnService
from fanzha.warn.batch import match_files

NOW = datetime(2026, 11, 6, 2, 0, tzinfo=UTC)
SCAMMER = "17012345678"


def _jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in rows))
    return path


@pytest.mark.parametrize(
    ("resident_age", "son_age", "grounds", "through_family"),
    [
        (80, 40, "居民80岁", False),  # the elderly resident, however the son was contacted
        (50, 55, "与该号码通话2次", False),  # nobody elderly: the resident's own contact
        (40, 81, "家属（儿子）81岁", True),  # an elderly family member outranks a younger resident
    ],
)
def test_batch_and_stored_paths_keep_the_same_strongest_grounds(
    tmp_path: Path,
    warn: WarnService,
    person: Any,
    resident_age: int,
    son_age: int,
    grounds: str,
    through_family: bool,
) -> None:
    family = [{"name": "王军", "phone": "13500135000", "age": son_age, "relation": "儿子"}]
    calls = [("13800138000", 3), ("13500135000", 1)]
    out = io.BytesIO()
    written, bad = match_files(
        residents=_jsonl(tmp_path / "r.jsonl", [{"id": 1, "phone": "13800138000", "age": resident_age,
                                                  "family": family}]),
        events=_jsonl(tmp_path / "e.jsonl", [
            {"kind": "call", "resident_identifier": phone, "other": {"kind": "phone", "value": SCAMMER},
             "at": (NOW - timedelta(hours=hours)).isoformat()} for phone, hours in calls
        ]),
        flagged=_jsonl(tmp_path / "f.jsonl", [{"kind": "phone", "value": SCAMMER, "level": "confirmed"}]),
        out=out, report=lambda message: None, now=NOW,
    )  # fmt: skip
    assert (written, bad) == (1, 0)
    batch = orjson.loads(out.getvalue())

    warn.register(person("王大爷", "13800138000", age=resident_age,
                         family=[FamilyIn("王军", "13500135000", "儿子", son_age)]), actor="社区张")  # fmt: skip
    warn.flag(kind="phone", value=SCAMMER, level="confirmed", source="import")
    for phone, hours in calls:  # one by one, the younger person's contact last in the first two rows
        warn.record_event(EventIn(kind="call", resident=phone, other_kind="phone", other=SCAMMER,
                                  at=NOW - timedelta(hours=hours)))  # fmt: skip
    [task] = warn.tasks.queue()[0]
    assert grounds in batch["reason"] and any(grounds in r for r in task.reasons)
    assert ("联系的是" in batch["reason"]) == any("联系的是" in r for r in task.reasons) == through_family
