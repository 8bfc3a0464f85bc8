"""Fraud types: codes, Chinese names, cue phrases and the advice to give. Data in YAML."""

from fanzha.taxonomy.loader import load_taxonomy, parse_taxonomy
from fanzha.taxonomy.model import NORMAL, Cue, FraudType, Taxonomy, TaxonomyError

__all__ = ["NORMAL", "Cue", "FraudType", "Taxonomy", "TaxonomyError", "load_taxonomy", "parse_taxonomy"]
