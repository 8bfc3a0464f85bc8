"""Fraud types: codes, Chinese names, cue phrases and the advice to give. Data in YAML."""

from fanzha.taxonomy.codes import (
    UnknownFraudType,
    check_fraud_type,
    fraud_type_choices,
    fraud_type_name,
    is_fraud_type,
)
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
    "UnknownFraudType",
    "check_fraud_type",
    "fraud_type_choices",
    "fraud_type_name",
    "is_fraud_type",
    "load_taxonomy",
    "parse_taxonomy",
]
