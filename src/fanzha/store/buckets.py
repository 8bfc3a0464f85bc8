"""Counting rows per period in one query: the index of the period a timestamp falls in, as SQL."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, case, literal


def period_index(column: Any, edges: Sequence[datetime]) -> ColumnElement[Any]:
    """0 … len(edges) - 2: which of the consecutive periods [edges[i], edges[i+1]) `column` falls in (rows
    outside [edges[0], edges[-1]) must be filtered out by the query)."""
    if len(edges) <= 2:
        return literal(0)
    return case(*[(column < edge, i) for i, edge in enumerate(edges[1:-1])], else_=len(edges) - 2)
