"""Fraud types: codes, Chinese names, cue phrases and the advice to give. Data in YAML."""

from fanzha.taxonomy.loader import load_taxonomy, parse_taxonomy
from fanzha.taxonomy.model import (
    ADVERT_KINDS,
    NORMAL,
    SCAM,
    UNKNOWN_FRAUD,
    AdvertKind,
    Cue,
    FraudType,
    Taxonomy,
    TaxonomyError,
)

__all__ = [
    "ADVERT_KINDS",
    "NORMAL",
    "SCAM",
    "UNKNOWN_FRAUD",
    "AdvertKind",
    "Cue",
    "FraudType",
    "Taxonomy",
    "TaxonomyError",
    "load_taxonomy",
    "parse_taxonomy",
]
