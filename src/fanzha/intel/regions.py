"""Where a phone number is from: province and city of a +86 number, the country of a foreign one.

The names come from libphonenumber's geocoding data (Apache-2.0, see data/NOTICE.md), cut down to
the Chinese names of +86 prefixes and of countries and shipped as a small table
(`data/phone_regions.tsv.gz`, rebuilt with `python -m fanzha.intel.regions`). Importing
`phonenumbers.geocoder` itself loads the names of every prefix in the world in every language: about
100 MB in each server worker, for the 383 names we show.
"""

from __future__ import annotations

import gzip
import sys
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    import phonenumbers

TABLE = "data/phone_regions.tsv.gz"

# prefix length → (sorted prefixes as integers, index into the names)
Prefixes = dict[int, tuple[npt.NDArray[np.int64], npt.NDArray[np.uint16]]]


@lru_cache(maxsize=1)
def _table() -> tuple[Prefixes, list[str], dict[str, str]]:
    raw = resources.files("fanzha.intel").joinpath(TABLE).read_bytes()
    names: list[str] = []
    index: dict[str, int] = {}
    by_length: dict[int, list[tuple[int, int]]] = {}
    countries: dict[str, str] = {}
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        what, key, name = line.split("\t")
        if what == "C":
            countries[key] = name
            continue
        if name not in index:
            index[name] = len(names)
            names.append(name)
        by_length.setdefault(len(key), []).append((int(key), index[name]))
    prefixes: Prefixes = {}
    for length, pairs in sorted(by_length.items(), reverse=True):
        pairs.sort()
        prefixes[length] = (
            np.array([p for p, _ in pairs], dtype=np.int64),
            np.array([i for _, i in pairs], dtype=np.uint16),
        )
    return prefixes, names, countries


def cn_region(national: str) -> str | None:
    """Province and city (e.g. 广东省深圳市) of a +86 national number: the longest known prefix."""
    prefixes, names, _ = _table()
    digits = "86" + national
    for length, (keys, which) in prefixes.items():  # longest first
        if len(digits) < length:
            continue
        key = int(digits[:length])
        at = int(np.searchsorted(keys, key))
        if at < len(keys) and keys[at] == key:
            return names[int(which[at])]
    return None


def country_name(region_code: str) -> str | None:
    """The Chinese name of a country or territory (ISO 3166 code, as phonenumbers gives it)."""
    return _table()[2].get(region_code)


def describe(number: phonenumbers.PhoneNumber) -> str | None:
    """What libphonenumber's geocoder says in Chinese, from the table: the province and city of a
    geographic +86 number, else the country of the number; None for an unknown or invalid number."""
    import phonenumbers  # on first use: importing it is 40 ms of every start

    if phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.UNKNOWN:
        return None
    if number.country_code == 86:
        return cn_region(phonenumbers.national_significant_number(number)) or country_name("CN")
    region = phonenumbers.region_code_for_number(number)
    return country_name(region) if region else None


def build(path: Path) -> int:
    """Write the table from the installed phonenumbers' geocoding data; returns the number of rows."""
    from phonenumbers.geodata import GEOCODE_DATA
    from phonenumbers.geodata.locale import LOCALE_DATA

    rows = []
    for prefix, names in GEOCODE_DATA.items():
        if prefix.startswith("86") and names.get("zh"):
            rows.append(f"P\t{prefix}\t{names['zh']}")
    for code, names in LOCALE_DATA.items():
        name = names.get("zh", "")
        if name.startswith("*"):
            name = names.get(name[1:], "")
        if name:
            rows.append(f"C\t{code}\t{name}")
    rows.sort()
    path.write_bytes(gzip.compress(("\n".join(rows) + "\n").encode("utf-8"), mtime=0))
    return len(rows)


if __name__ == "__main__":
    target = Path(__file__).with_name("data") / "phone_regions.tsv.gz"
    print(f"{build(target)} rows → {target}", file=sys.stderr)
