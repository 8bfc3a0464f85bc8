"""The linking algorithm itself: integer ids for link keys, connected components of the case–identifier
graph, and the rule that calls an identifier a hub. No database, no I/O (see fanzha.cases.linking).

Cases are linked when they name the same linkable identifier (`fanzha.cases.identity.linking_key`),
directly or through a chain: A and B share x, B and C share y ⇒ A, B and C are one group. The graph
is bipartite (cases on one side, identifiers on the other) and its connected components are the
groups, found by scipy's `connected_components` in C over a sparse matrix.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components

from fanzha.cases.identity import CHECKED_KINDS, canonical, link_key, linkable
from fanzha.cases.model import LINK_KINDS

Key = tuple[str, str]  # (kind, value) of a link key
NOT_LINKING = -1

# Hub rule (see `is_hub`).
HUB_MIN_CASES = 5
HUB_FACTOR = 3
HUB_GLOBAL_CASES = 50


_LINKED_BY_HOST = ("url", "domain")  # the other kinds link by their own canonical value


class KeyEncoder:
    """Gives every linkable link key an integer id (0, 1, …) and collects (record, key id) mentions.

    The link key of each distinct (kind, written value) is computed once, so an identifier mentioned
    in thousands of cases costs one canonicalisation. For the kinds that link by their own value the
    spellings seen and the canonical values share one dictionary (canonical values are their own
    canonical form), so a value written canonically costs one entry.
    """

    def __init__(self) -> None:
        # id → (kind, value), as two lists: millions of tuples would keep the garbage collector busy
        self.kinds: list[str] = []
        self.values: list[str] = []
        self._ids: dict[str, dict[str, int]] = {k: {} for k in LINK_KINDS}  # link key → id or NOT_LINKING
        self._written = {k: {} if k in _LINKED_BY_HOST else self._ids[k] for k in LINK_KINDS}
        self.records: list[int] = []  # mention → record index
        self.ids: list[int] = []  # mention → key id (NOT_LINKING for values that link nothing)

    def __len__(self) -> int:
        """The number of distinct linkable keys."""
        return len(self.values)

    def _key_id(self, kind: str, value: str) -> int:
        if kind in _LINKED_BY_HOST:
            kind, value = link_key(kind, value)
        ids = self._ids[kind]
        found = ids.get(value)
        if found is None:
            allowed = kind not in CHECKED_KINDS or linkable(kind, value)
            found = ids[value] = len(self.values) if allowed else NOT_LINKING
            if allowed:
                self.kinds.append(kind)
                self.values.append(value)
        return found

    def _new(self, kind: str, raw: str, cache: dict[str, int]) -> int:
        value = canonical(kind, raw)
        found = cache[raw] = NOT_LINKING if value is None else self._key_id(kind, value)
        return found

    def encode(self, kind: str, raw: str) -> int:
        """The id of the link key of an identifier as written, or NOT_LINKING."""
        cache = self._written.get(kind)
        if cache is None:
            return NOT_LINKING
        found = cache.get(raw)
        return self._new(kind, raw, cache) if found is None else found

    def encode_canonical(self, kind: str, value: str) -> int:
        """The id of the link key of an identifier already in canonical form, or NOT_LINKING."""
        return self._key_id(kind, value) if kind in self._ids else NOT_LINKING

    def add(self, record: int, mentions: Iterable[tuple[str, str]]) -> None:
        """Record that `record` names these identifiers, as written (the hot loop of bulk linking)."""
        written, records, ids, new = self._written, self.records, self.ids, self._new
        for kind, raw in mentions:
            cache = written.get(kind)
            if cache is None:
                key_id = NOT_LINKING
            else:
                found = cache.get(raw)
                key_id = new(kind, raw, cache) if found is None else found
            records.append(record)
            ids.append(key_id)


def first_of_component(
    n_records: int,
    records: Sequence[int] | npt.NDArray[np.int64],
    key_ids: Sequence[int] | npt.NDArray[np.int64],
    n_keys: int,
) -> npt.NDArray[np.int64]:
    """For each record 0…n-1, the index of the first record of its connected component, given the
    mentions (`records[i]` names key `key_ids[i]`, NOT_LINKING for none) of `n_keys` keys."""
    rows = np.asarray(records, dtype=np.int64)
    cols = np.asarray(key_ids, dtype=np.int64)
    linking = cols != NOT_LINKING
    rows, cols = rows[linking], cols[linking] + n_records
    size = n_records + n_keys
    graph = csr_matrix((np.ones(len(rows), dtype=np.int8), (rows, cols)), shape=(size, size))
    _, labels = connected_components(graph, directed=True, connection="weak")
    labels = labels[:n_records]
    # Records are numbered in input order, so the first index of a label is its first record.
    _, first_index, inverse = np.unique(labels, return_index=True, return_inverse=True)
    result: npt.NDArray[np.int64] = first_index[inverse].astype(np.int64)
    return result


def link_records(records: Sequence[tuple[Any, Sequence[tuple[str, str]]]]) -> npt.NDArray[np.int64]:
    """`first_of_component` for (id, [(kind, written value), …]) records."""
    encoder = KeyEncoder()
    add = encoder.add
    for index, (_, identifiers) in enumerate(records):
        add(index, identifiers)
    return first_of_component(len(records), encoder.records, encoder.ids, len(encoder))


def is_hub(n_cases: int, group_median: float) -> bool:
    """Is an identifier named in `n_cases` cases a hub, in a group whose shared identifiers are each
    named in `group_median` cases (the median)?

    A hub is shared by unusually many cases: n_cases ≥ max(5, 3 × the group median), or ≥ 50 at all.
    The median of the group's own identifiers is the yardstick because a gang reuses its accounts a
    similar number of times; an identifier three times as popular as the rest is the usual outlier
    fence, and the median is not moved by the hub itself. Five is the floor so that a group of three
    or four cases flags nothing. Fifty cases is a hub anywhere: few scammer accounts survive that
    many reports before they are frozen, while a public Wi-Fi address, a shared hosting domain or a
    popular platform that is not on the allowlist easily does. A hub is a flag for the officer to
    judge — it may be the gang's main account — not a cut: it still links its cases.
    """
    return n_cases >= HUB_GLOBAL_CASES or n_cases >= max(HUB_MIN_CASES, HUB_FACTOR * group_median)


def hub_flags(counts: Sequence[int]) -> list[bool]:
    """`is_hub` for each identifier of one group, given how many cases name each; only identifiers
    named by two or more cases (the ones that link) count towards the median."""
    shared = [c for c in counts if c >= 2]
    median = statistics.median(shared) if shared else 1.0
    return [c >= 2 and is_hub(c, median) for c in counts]
