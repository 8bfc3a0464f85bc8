"""Residents from a file (a community's register, a 金钟罩 export): one JSON object per line, the fields of
a registration — `{"name", "phone", "community", "age", "township", "district", "police_station", "address",
"accounts": ["6222…" or {"kind", "value"}], "family": [{"name", "phone", "relation", "age", "notify"}],
"consent_by", "consent_at"}` — parsed with the line number of every error, so an import goes on past a bad
line and says which lines to fix."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

from fanzha.warn.events import parse_time
from fanzha.warn.model import AccountIn, FamilyIn, ResidentIn, WarnError

TEXT_FIELDS = (
    "name",
    "phone",
    "community",
    "township",
    "district",
    "police_station",
    "address",
    "consent_by",
)


def _str(row: dict[str, Any], name: str) -> str:
    value = row.get(name, "")
    if value is None:
        return ""
    if isinstance(value, int) and not isinstance(value, bool) and name == "phone":
        return str(value)
    if not isinstance(value, str):
        raise WarnError(f"{name} 须是字符串")
    return value


def _age(value: object, who: str) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise WarnError(f"{who}的年龄须是整数")
    return value


def parse_resident(row: Any, *, via: str = "import") -> ResidentIn:
    """A `ResidentIn` from a dict (see the module doc); WarnError naming the field. The record's own
    checks (lengths, at most 8 family) run when it is registered."""
    if not isinstance(row, dict):
        raise WarnError("每位居民须是一个JSON对象")
    text = {name: _str(row, name) for name in TEXT_FIELDS}
    accounts = []
    if not isinstance(row.get("accounts") or [], list):
        raise WarnError("accounts 须是列表")
    if not isinstance(row.get("family") or [], list):
        raise WarnError("family 须是列表")
    for account in row.get("accounts") or []:
        if isinstance(account, dict):
            accounts.append(AccountIn(str(account.get("value") or ""), str(account.get("kind") or "")))
        elif isinstance(account, str):
            accounts.append(AccountIn(account))
        else:
            raise WarnError("accounts 的每项须是账户字符串或 {kind, value}")
    family = []
    for member in row.get("family") or []:
        if not isinstance(member, dict):
            raise WarnError("family 的每项须是 {name, phone, relation, age}")
        family.append(
            FamilyIn(
                name=_str(member, "name"), phone=_str(member, "phone"), relation=_str(member, "relation"),
                age=_age(member.get("age"), "家属"), notify=member.get("notify", True) is not False,
            )
        )  # fmt: skip
    consent_at = parse_time(row["consent_at"], "同意时间") if row.get("consent_at") else None
    return ResidentIn(
        name=text["name"], phone=text["phone"], community=text["community"], age=_age(row.get("age"), "居民"),
        township=text["township"], district=text["district"], police_station=text["police_station"],
        address=text["address"], accounts=accounts, family=family, registered_via=via,
        consent_by=text["consent_by"], consent_at=consent_at,
    )  # fmt: skip


def read_residents(path: Path, *, via: str = "import") -> Iterator[tuple[int, ResidentIn | WarnError]]:
    """(line number, registration or the error of that line) for each non-empty line of a JSONL file."""
    with path.open("rb") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                yield number, parse_resident(orjson.loads(line), via=via)
            except orjson.JSONDecodeError:
                yield number, WarnError("不是有效的JSON")
            except WarnError as exc:
                yield number, exc
