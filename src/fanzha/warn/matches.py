"""Who is behind a resident-side identifier: the active residents whose own phone, protected account or
family member's phone it is, found through the (kind, value) index of `resident_identifiers`."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, bindparam, select
from sqlalchemy.orm import Session

from fanzha.store.warn_tables import ResidentFamilyRow, ResidentIdentifierRow, ResidentRow
from fanzha.warn.model import ACCOUNT_KINDS
from fanzha.warn.priority import grounds

# The resident-side kind of a payment event whose feed did not name it: the value is matched against the
# residents' phones and accounts of every kind.
ANY_ACCOUNT = "account"
ACCOUNT_MATCH = ("phone", *ACCOUNT_KINDS)


@dataclass(frozen=True, slots=True)
class Match:
    """A resident behind a resident-side identifier: whose it is (self, account, family) and the age of
    the person it belongs to."""

    resident_id: int
    kind: str
    value: str
    whose: str
    age: int | None
    who: str  # 居民 | 家属（母亲）…
    family_name: str
    community: str
    district: str
    police_station: str

    def stronger(self, other: Match | None) -> Match:
        """The match of the two that gives the task its stronger grounds (`fanzha.warn.priority.grounds`);
        self on a tie."""
        if other is None:
            return self
        mine = grounds(self.age, own=self.whose != "family")
        return other if grounds(other.age, own=other.whose != "family") > mine else self

    def same_as(self, matched: dict[str, object]) -> bool:
        """Whether a task's stored `matched` is this match."""
        return (matched.get("kind"), matched.get("value"), matched.get("whose")) == (
            self.kind, self.value, self.whose,
        ) and (self.whose != "family" or matched.get("family") == self.family_name)  # fmt: skip

    def matched(self) -> dict[str, object]:
        out: dict[str, object] = {"kind": self.kind, "value": self.value, "whose": self.whose}
        if self.whose == "family":
            out["family"] = self.family_name
            out["who"] = self.who
        return out


def _match_query() -> Any:  # the row of `_match`
    return (
        select(
            ResidentIdentifierRow.kind, ResidentIdentifierRow.value, ResidentIdentifierRow.whose,
            ResidentRow.id, ResidentRow.age, ResidentRow.community, ResidentRow.district,
            ResidentRow.police_station, ResidentFamilyRow.name, ResidentFamilyRow.relation, ResidentFamilyRow.age,
        )
        .join(ResidentRow, ResidentRow.id == ResidentIdentifierRow.resident_id)
        .outerjoin(ResidentFamilyRow, ResidentFamilyRow.id == ResidentIdentifierRow.family_id)
        .where(ResidentRow.status == "active")
    )  # fmt: skip


# Built once with bound parameters (building a statement costs more than running it).
_MATCH_ONE = _match_query().where(
    ResidentIdentifierRow.kind == bindparam("kind"), ResidentIdentifierRow.value == bindparam("value")
)


def _match(row: Sequence[object]) -> Match:
    kind, value, whose, rid, age, community, district, station, fname, relation, fage = row
    family = whose == "family"
    return Match(
        int(rid), str(kind), str(value), str(whose),  # type: ignore[call-overload]
        (fage if family else age),  # type: ignore[arg-type]
        f"家属（{relation or '亲属'}）" if family else "居民",
        str(fname or ""), str(community), str(district), str(station),
    )  # fmt: skip


def residents_behind(session: Session, pairs: Iterable[tuple[str, str]]) -> list[Match]:
    """The active residents whose identifiers include one of `pairs` (canonical (kind, value))."""
    wanted = list(dict.fromkeys(pairs))
    if not wanted:
        return []
    if len(wanted) == 1:
        kind, value = wanted[0]
        return [_match(r) for r in session.execute(_MATCH_ONE, {"kind": kind, "value": value})]
    # kind IN (…) AND value IN (…) walks the (kind, value) index (a row-value IN does not, on SQLite);
    # the pairs that were not asked for are dropped here.
    found: list[Match] = []
    wanted_set = set(wanted)
    for start in range(0, len(wanted), 500):
        part = wanted[start : start + 500]
        where = and_(
            ResidentIdentifierRow.kind.in_({k for k, _ in part}),
            ResidentIdentifierRow.value.in_({v for _, v in part}),
        )
        found += [
            m
            for m in map(_match, session.execute(_match_query().where(where)))
            if (m.kind, m.value) in wanted_set
        ]
    return found


def stored_match(session: Session, resident_id: int, matched: dict[str, object]) -> Match | None:
    """A task's stored `matched` read back as a match (the person's current age), None when the resident
    no longer has that identifier."""
    kind, value = matched.get("kind"), matched.get("value")
    if not isinstance(kind, str) or not isinstance(value, str):
        return None
    for found in residents_behind(session, [(kind, value)]):
        if found.resident_id == resident_id and found.same_as(matched):
            return found
    return None
