"""What the rule operators read about one transfer: the transfer itself, the history before it, the
intelligence levels of the payee account and of the numbers that contacted the payer, and the purpose
text as the scam detector reads it. The engine fills in only what the rule sets need.
"""

from __future__ import annotations

from dataclasses import dataclass

from fanzha.screen.state import History
from fanzha.screen.transfer import Transfer

# What an operator may need beyond the transfer itself (the engine computes only what is needed).
HISTORY, INTEL, CONTACTS, PURPOSE, ASSESSED = "history", "intel", "contacts", "purpose", "assessed"
FAN_IN = "fan_in:"  # + N: the payee's newest N distinct payers (a store reads no more than the rules need)


def fan_in_depth(needs: frozenset[str]) -> int:
    """The most distinct payers any fan-in rule among `needs` asks for (0: none)."""
    return max((int(n[len(FAN_IN) :]) for n in needs if n.startswith(FAN_IN)), default=0)


@dataclass(frozen=True, slots=True)
class Purpose:
    """A purpose text normalised (NFKC, simplified characters, lower case) and, when the rule set asks,
    assessed by `fanzha.detect`: its risk (0–100), fraud type and the cue ids found in it."""

    text: str
    risk: int | None = None
    fraud_type: str | None = None
    cues: frozenset[str] = frozenset()


@dataclass(slots=True)
class Facts:
    transfer: Transfer
    at: float | None = None  # the transfer's time, epoch seconds
    history: History | None = None  # None: no payer or payee account, or not needed
    payee_level: str | None = None  # intelligence level of the payee account (None: not flagged / unknown)
    # (when, intelligence level, number traits) of each contact; None when the bank sent no contacts
    contacts: tuple[tuple[float | None, str | None, frozenset[str]], ...] | None = None
    purpose: Purpose | None = None
    # Filled in while a rule set runs: (rule id, why) of each risk rule that only who the parties are kept
    # from firing (`fanzha.screen.conditions.compile_rule`); None: not collected.
    spared: list[tuple[str, str]] | None = None
