"""The batch path for a whole city's backlog: residents, contact events and flagged identifiers from JSONL
files in, one warning task per line out — no store involved.

- residents: `{"id", "phone", "accounts": ["6222…" or {"kind", "value"}], "age", "family": [{"name",
  "phone", "age", "relation"}]}`;
- events: `{"kind": "call|sms|payment", "resident_identifier", "other": {"kind", "value"}, "at", "amount"}`
  (`fanzha.warn.events.parse_event`);
- flagged: `{"kind", "value", "level": "confirmed|suspicious", "fraud_type"}` (other levels are not flags).

Output, highest priority first: `{"resident", "identifier": {"kind", "value"}, "priority", "reason"}`, one
line per resident and identifier however many events connect them (`fanzha.warn.priority`: payments above
calls and SMS, a large or recent payment and an elderly resident first; "recent" is judged at `now`, by
default the latest event in the file). Every identifier is compared in canonical form, cached per distinct
value. A bad line is reported with its file and line number and skipped; the count of bad lines is returned.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any

import orjson

from fanzha.warn.events import parse_event
from fanzha.warn.identifiers import guess_account_kind, key
from fanzha.warn.model import ACCOUNT_KINDS, ELDERLY_AGE, FLAG_LEVELS, MAX_AGE, OTHER_KINDS, WarnError
from fanzha.warn.priority import Evidence, grounds, score

ANY = "account"  # the index of every phone and account a resident may pay from
Report = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class Holder:
    """A resident behind an identifier: id, the age of the person it belongs to, who that is."""

    resident: Any
    age: int | None
    who: str


def _lines(path: Path, report: Report) -> Any:
    with path.open("rb") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                yield number, orjson.loads(line)
            except orjson.JSONDecodeError:
                report(f"{path.name} 第{number}行：不是有效的JSON")


def _age(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_AGE:
        raise WarnError(f"年龄须是0到{MAX_AGE}的整数")
    return value


def _text(value: object, what: str) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > 200:
        raise WarnError(f"{what}须是200字以内的非空字符串")
    return value


def load_flagged(path: Path, report: Report) -> dict[tuple[str, str], tuple[str, str | None]]:
    """(kind, canonical value) → (level, fraud type) of the flagged file."""
    flagged: dict[tuple[str, str], tuple[str, str | None]] = {}
    for number, row in _lines(path, report):
        try:
            if not isinstance(row, dict) or row.get("kind") not in OTHER_KINDS:
                raise WarnError(f"kind 须是：{'、'.join(OTHER_KINDS)}")
            level = row.get("level", "confirmed")
            if not isinstance(level, str):
                raise WarnError("level 须是字符串")
            if level not in FLAG_LEVELS:
                continue  # unknown, cleared, official: not a flag
            kind = row["kind"]
            value = key(kind, _text(row.get("value"), "value"))[0]
            fraud_type = row.get("fraud_type") if isinstance(row.get("fraud_type"), str) else None
            before = flagged.get((kind, value))
            if before is None or (before[0] == "suspicious" and level == "confirmed"):
                flagged[(kind, value)] = (level, fraud_type or (before[1] if before else None))
        except WarnError as exc:
            report(f"{path.name} 第{number}行：{exc}")
    return flagged


def load_residents(path: Path, report: Report) -> dict[tuple[str, str], list[Holder]]:
    """(kind, canonical value) → the residents behind it (own phone, accounts, family phones)."""
    index: dict[tuple[str, str], list[Holder]] = {}

    def put(kind: str, value: str, holder: Holder) -> None:
        for where in ((kind, value), (ANY, value)):
            holders = index.setdefault(where, [])
            if all(h.resident != holder.resident for h in holders):
                holders.append(holder)

    for number, row in _lines(path, report):
        try:
            if not isinstance(row, dict) or row.get("id") is None:
                raise WarnError("缺少 id")
            rid, age = row["id"], _age(row.get("age"))
            if not isinstance(rid, str | int) or isinstance(rid, bool):
                raise WarnError("id 须是字符串或整数")
            put("phone", key("phone", _text(row.get("phone"), "phone"))[0], Holder(rid, age, "居民"))
            for account in row.get("accounts") or []:
                if isinstance(account, dict):
                    kind, value = account.get("kind") or "", _text(account.get("value"), "账户")
                else:
                    kind, value = "", _text(account, "账户")
                kind = kind if kind in (*ACCOUNT_KINDS, "phone") else guess_account_kind(value)
                put(kind, key(kind, value)[0], Holder(rid, age, "居民"))
            for member in (row.get("family") or [])[:8]:
                if (
                    isinstance(member, dict)
                    and isinstance(member.get("phone"), str)
                    and member["phone"].strip()
                ):
                    who = f"家属（{member.get('relation') or '亲属'}）"
                    put("phone", key("phone", member["phone"])[0], Holder(rid, _age(member.get("age")), who))
        except WarnError as exc:
            report(f"{path.name} 第{number}行：{exc}")
    return index


def match_files(
    *,
    residents: Path,
    events: Path,
    flagged: Path,
    out: IO[bytes],
    report: Report,
    now: datetime | None = None,
) -> tuple[int, int]:
    """Write the tasks (see the module doc) to `out`; `report` gets one message per bad line.
    Returns (tasks written, bad lines)."""
    bad = 0

    def counted(message: str) -> None:
        nonlocal bad
        bad += 1
        report(message)

    flags = load_flagged(flagged, counted)
    index = load_residents(residents, counted)
    pairs: dict[tuple[Any, str, str], tuple[Evidence, Holder]] = {}
    latest: datetime | None = None
    for number, row in _lines(events, counted):
        try:
            event = parse_event(row)
        except WarnError as exc:
            counted(f"{events.name} 第{number}行：{exc}")
            continue
        latest = event.at if latest is None or event.at > latest else latest
        other = (event.other_kind, key(event.other_kind, event.other)[0])
        flag = flags.get(other)
        if flag is None:
            continue
        if event.kind != "payment":
            side = ("phone", key("phone", event.resident)[0])
        elif event.resident_kind:
            side = (event.resident_kind, key(event.resident_kind, event.resident)[0])
        else:
            side = (ANY, key(guess_account_kind(event.resident), event.resident)[0])
        for holder in index.get(side, ()):
            pair = (holder.resident, *other)
            evidence, who = pairs.get(pair, (Evidence(), holder))
            evidence = evidence.add(
                kind=event.kind, at=event.at, amount=event.amount, in_progress=event.in_progress
            )
            if grounds(holder.age, own=holder.who == "居民") > grounds(who.age, own=who.who == "居民"):
                who = holder  # the strongest grounds speak for the task, as in the stored path
            pairs[pair] = (evidence, who)
    judged_at = now or latest
    tasks = []
    for (resident, kind, value), (evidence, who) in pairs.items():
        level = flags[(kind, value)][0]
        points, reasons = score(evidence, age=who.age, level=level, now=judged_at or datetime.now().astimezone(),
                                who=who.who)  # fmt: skip
        if who.who != "居民":
            reasons.insert(0, f"联系的是{who.who}的号码")
        tasks.append((-points, -(who.age or 0) if (who.age or 0) >= ELDERLY_AGE else 0, str(resident), kind, value,
                      resident, reasons))  # fmt: skip
    tasks.sort(key=lambda t: t[:5])
    for negative, _, _, kind, value, resident, reasons in tasks:
        out.write(orjson.dumps({"resident": resident, "identifier": {"kind": kind, "value": value},
                                "priority": -negative, "reason": "；".join(reasons)}))  # fmt: skip
        out.write(b"\n")
    return len(tasks), bad
