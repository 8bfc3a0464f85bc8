"""Contact events from telecom and bank feeds: parsed and checked from a dict (API body, JSONL line, CSV
row), and read from files.

The line format is the batch path's (`fanzha warn match`): `{"kind": "call|sms|payment",
"resident_identifier": "138…", "other": {"kind": "phone", "value": "170…"}, "at": "2026-11-06T10:00:00+08:00",
"amount": 5000}`, optionally `"resident_kind"`, `"in_progress": true` (a payment not yet settled) and
`"source"`. A CSV file has the columns kind, resident_identifier, other_kind, other_value, at, amount,
in_progress, resident_kind, source. A time without a zone is Beijing time.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson

from fanzha.text.csvfile import csv_records
from fanzha.timezones import DateOutOfRange, check_date, to_utc
from fanzha.warn.model import EVENT_KINDS, MAX_AMOUNT, OTHER_KINDS, EventIn, WarnError

_TRUE = {"1", "true", "yes", "是", "y"}


def _text(value: object, what: str, limit: int = 200) -> str:
    if not isinstance(value, str) or not value.strip():
        raise WarnError(f"缺少{what}")
    if len(value) > limit:
        raise WarnError(f"{what}过长（上限{limit}个字符）")
    return value.strip()


def parse_time(value: object, what: str = "时间") -> datetime:
    """An ISO 8601 time (Beijing time without a zone) in the accepted range, in UTC; WarnError."""
    if isinstance(value, datetime):
        at = value
    else:
        try:
            at = datetime.fromisoformat(_text(value, what, 40))
        except ValueError:
            raise WarnError(
                f"{what}“{str(value)[:40]}”不是 ISO 8601 时间（例如 2026-11-06T10:00:00+08:00）"
            ) from None
    try:
        return to_utc(check_date(at, what))
    except DateOutOfRange as exc:
        raise WarnError(str(exc)) from None


def parse_amount(value: object) -> float | None:
    if value is None or value == "":
        return None
    try:
        amount = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise WarnError(f"金额“{str(value)[:20]}”不是数字") from None
    if not math.isfinite(amount) or not 0 <= amount <= MAX_AMOUNT:
        raise WarnError(f"金额须在0到{MAX_AMOUNT:.0f}元之间")
    return amount


def parse_event(raw: Any) -> EventIn:
    """An `EventIn` from a dict in the line format; WarnError naming the field."""
    if not isinstance(raw, dict):
        raise WarnError("每条联系记录须是一个JSON对象")
    kind = raw.get("kind")
    if not isinstance(kind, str) or kind not in EVENT_KINDS:
        raise WarnError(f"联系类型只能是 call（通话）、sms（短信）、payment（付款），收到：{str(kind)[:20]}")
    other = raw.get("other")
    if isinstance(other, dict):
        other_kind, other_value = other.get("kind"), other.get("value")
    else:
        other_kind, other_value = raw.get("other_kind"), raw.get("other_value", other)
    if kind != "payment" and not other_kind:
        other_kind = "phone"
    if other_kind not in OTHER_KINDS:
        raise WarnError(f"对方标识类型只能是：{'、'.join(OTHER_KINDS)}，收到：{str(other_kind)[:20]}")
    resident_kind = raw.get("resident_kind") or ("phone" if kind != "payment" else "")
    if resident_kind and resident_kind not in ("phone", "bank_card", "alipay", "wechat", "qq"):
        raise WarnError(f"居民一方的标识类型不支持：{str(resident_kind)[:20]}")
    amount = parse_amount(raw.get("amount"))
    progress = raw.get("in_progress", False)
    in_progress = progress is True or (isinstance(progress, str) and progress.strip().lower() in _TRUE)
    source = raw.get("source") or ""
    return EventIn(
        kind=kind,
        resident=_text(raw.get("resident_identifier", raw.get("resident")), "居民一方的号码或账户"),
        other_kind=str(other_kind),
        other=_text(other_value, "对方号码或账户"),
        at=parse_time(raw.get("at"), "联系时间"),
        amount=amount if kind == "payment" else None,
        in_progress=kind == "payment" and in_progress,
        resident_kind=str(resident_kind),
        source=str(source)[:64],
    )


def read_events(path: Path) -> Iterator[tuple[int, EventIn | WarnError]]:
    """(line number, event or the error of that line) for a JSONL or CSV (by suffix) file; never stops
    at a bad line."""
    if path.suffix.lower() == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as handle:
            for number, row in csv_records(csv.DictReader(handle)):
                if isinstance(row, str):
                    yield number, WarnError(row)
                    continue
                try:
                    yield number, parse_event(dict(row))
                except WarnError as exc:
                    yield number, exc
        return
    with path.open("rb") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                yield number, parse_event(orjson.loads(line))
            except orjson.JSONDecodeError:
                yield number, WarnError("不是有效的JSON")
            except WarnError as exc:
                yield number, exc
