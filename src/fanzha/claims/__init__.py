"""Medical-insurance claims audit (打击欺诈骗保): a catalogue of items, prices, frequencies and packages;
claims and stock records read and checked; rules that find duplicate and split charges, bed days beyond the
stay, prices above the standard, services and equipment outside the institution's licence, stock that does
not reconcile (进销存) and overlapping stays — each finding with its items, amount at stake and explanation."""

from __future__ import annotations

from fanzha.claims.audit import Auditor, result_json, result_line
from fanzha.claims.catalogue import Catalogue, CatalogueItem, default_catalogue, load_catalogue
from fanzha.claims.model import Claim, ClaimError, ClaimResult, Finding, Institution, Item, StockRecord
from fanzha.claims.parse import parse_claim, parse_stock
from fanzha.claims.rules import RULE_IDS, RULE_NAMES, describe_rules
from fanzha.claims.stockfile import read_stock

__all__ = [
    "RULE_IDS",
    "RULE_NAMES",
    "Auditor",
    "Catalogue",
    "CatalogueItem",
    "Claim",
    "ClaimError",
    "ClaimResult",
    "Finding",
    "Institution",
    "Item",
    "StockRecord",
    "default_catalogue",
    "describe_rules",
    "load_catalogue",
    "parse_claim",
    "parse_stock",
    "read_stock",
    "result_json",
    "result_line",
]
