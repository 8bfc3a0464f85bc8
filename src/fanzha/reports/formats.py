"""How the bulletin writes numbers: money as the desk writes it, shares as percentages.

Shared by the bulletin's data (`bulletin.py`) and both renderings (`html.py`, `pdf.py`), which is why it
sits below all three.
"""

from __future__ import annotations


def money(fen: int | float) -> str:
    """涉案金额 as the desk writes it: 1,234元 or 56.78万元 (亿元 from a hundred million)."""
    yuan = fen / 100
    if yuan >= 1e8:
        return f"{yuan / 1e8:,.2f}亿元"
    if yuan >= 1e4:
        return f"{yuan / 1e4:,.2f}万元"
    return f"{yuan:,.0f}元"


def percent(value: float) -> str:
    return f"{value * 100:.1f}%"
