"""The audit rules, registered in one table (`RULES`, in report order): each an id, a Chinese name and
description, and a `check(claim) -> list[Finding]`; `make_rules` builds them for one audit run."""

from __future__ import annotations

from collections.abc import Sequence

from fanzha.claims.catalogue import Catalogue
from fanzha.claims.model import StockRecord
from fanzha.claims.rules.admissions import OverlappingAdmissions
from fanzha.claims.rules.base import Rule
from fanzha.claims.rules.beds import BedDaysBeyondStay
from fanzha.claims.rules.duplicate import DuplicateCharge
from fanzha.claims.rules.equipment import EquipmentNotApproved
from fanzha.claims.rules.licence import OutsideLicensedScope
from fanzha.claims.rules.price import PriceAboveStandard
from fanzha.claims.rules.split import SplitCharging
from fanzha.claims.rules.stock import StockNotReconciled

RULES: tuple[type[Rule], ...] = (
    DuplicateCharge,
    BedDaysBeyondStay,
    SplitCharging,
    PriceAboveStandard,
    OutsideLicensedScope,
    EquipmentNotApproved,
    StockNotReconciled,
    OverlappingAdmissions,
)
RULE_IDS: tuple[str, ...] = tuple(rule.id for rule in RULES)
RULE_NAMES: dict[str, str] = {rule.id: rule.name for rule in RULES}


def make_rules(*, catalogue: Catalogue, stock: Sequence[StockRecord] = ()) -> list[Rule]:
    """One instance of every rule for an audit run (the streaming rules keep their state on it)."""
    return [rule(catalogue=catalogue, stock=stock) for rule in RULES]


def describe_rules() -> list[dict[str, str]]:
    """The rules in words: `[{"id", "name", "description"}]`, in report order."""
    return [{"id": r.id, "name": r.name, "description": r.description} for r in RULES]


__all__ = ["RULES", "RULE_IDS", "RULE_NAMES", "Rule", "describe_rules", "make_rules"]
