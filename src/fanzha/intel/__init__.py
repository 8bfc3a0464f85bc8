"""Risk intelligence: official reference lists (and, later, reports and sightings of identifiers)."""

from fanzha.intel.reference import Brand, brands, common_domains, official_numbers, official_owner

__all__ = ["Brand", "brands", "common_domains", "official_numbers", "official_owner"]
