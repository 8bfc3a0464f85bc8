"""The ordered outcomes of screening (Marble's approve < review < block_and_review < decline):

- allow — let the transfer go;
- warn  — show the customer a warning and ask for a second confirmation;
- hold  — delay settlement (冷静期) and verify at the counter or by phone (反电信网络诈骗法 art. 18:
          核实交易情况、延迟支付结算);
- block — stop the transfer and report it.

The most severe outcome wins: a score threshold's and any minimum a fired rule forces.
"""

from __future__ import annotations

OUTCOMES = ("allow", "warn", "hold", "block")
RANK = {outcome: rank for rank, outcome in enumerate(OUTCOMES)}
OUTCOME_NAMES = {"allow": "放行", "warn": "提醒并二次确认", "hold": "延迟结算并核实", "block": "拦截并报警"}
PENDING = ("hold", "block")  # outcomes a bank must review


def most_severe(a: str, b: str) -> str:
    return a if RANK[a] >= RANK[b] else b
