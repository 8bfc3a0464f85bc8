"""The screening engine: a live rule set (and optionally a shadow candidate) over transfers in order.

The engine holds no state of its own: history comes from a `ScreenState` session (memory, the store or
Redis), intelligence from an `IntelView`, and the purpose text is read through a cached
`PurposeReader`. Per transfer it fills in the facts the rule sets need, runs every rule's compiled
closure once per rule set, and sums the scores: the outcome is the most severe of the score
threshold's and of any minimum a fired rule forces. A risk rule kept from firing only by who the parties
are (an organisation payee, a merchant's regulars, a tenant of long standing) is named in the reasons
with those words and no score.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from fanzha.screen.decision import Decision, Verdict
from fanzha.screen.facts import ASSESSED, CONTACTS, HISTORY, INTEL, PURPOSE, Facts, fan_in_depth
from fanzha.screen.intel_view import IntelView
from fanzha.screen.numbers import number_traits
from fanzha.screen.outcomes import RANK
from fanzha.screen.purpose import PurposeReader
from fanzha.screen.rules import RuleSet, severity
from fanzha.screen.state import Movement, ScreenState, StateSession
from fanzha.screen.transfer import Transfer


class NoIntel:
    """An intelligence view that knows nothing (screening without a store)."""

    def level(self, kind: str, value: str) -> str | None:
        return None


def evaluate(rules: RuleSet, facts: Facts) -> Verdict:
    """One rule set's verdict on one transfer's facts."""
    noted: list[tuple[str, str]] = []
    facts.spared = noted
    results = tuple([rule.test(facts) for rule in rules.rules])  # every rule runs; few fire
    facts.spared = None
    score = 0
    forced = "allow"
    fired = []
    if True in results:
        for rule, result in zip(rules.rules, results, strict=True):
            if result is True:
                fired.append(rule)
                score += rule.score
                if rule.outcome is not None and RANK[rule.outcome] > RANK[forced]:
                    forced = rule.outcome
    outcome = rules.outcome_of(score)
    if RANK[forced] > RANK[outcome]:
        outcome = forced
    if len(fired) > 1:
        fired.sort(key=severity, reverse=True)
    if not noted:
        return Verdict(rules, outcome, score, tuple(fired), results)
    spared = tuple(  # risk rules that only who the parties are kept quiet, with why
        (next(r for r in rules.rules if r.id == rule_id), words) for rule_id, words in noted
    )
    return Verdict(rules, outcome, score, tuple(fired), results, spared)


class Screener:
    def __init__(
        self,
        rules: RuleSet,
        *,
        shadow: RuleSet | None = None,
        intel: IntelView | None = None,
        purpose: PurposeReader | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.rules = rules
        self.shadow = shadow
        self.intel: IntelView = intel if intel is not None else NoIntel()
        needs = rules.needs | (shadow.needs if shadow is not None else frozenset())
        self.needs = needs
        self.fan_in_payers = fan_in_depth(needs)
        self.purpose = purpose if purpose is not None else PurposeReader(assess=ASSESSED in needs)
        self.clock = clock

    def movement(self, transfer: Transfer) -> Movement | None:
        """The transfer as history records it; None without both accounts."""
        payer, payee = transfer.payer.account, transfer.payee.account
        if payer is None or payee is None:
            return None
        at = transfer.time.timestamp() if transfer.time is not None else self.clock()
        amount = transfer.amount_cny
        return Movement(payer, payee, at, round(amount * 100) if amount is not None else 0)

    def facts(self, transfer: Transfer, movement: Movement | None, session: StateSession) -> Facts:
        needs = self.needs
        facts = Facts(transfer, movement.at if movement is not None else None)
        if transfer.time is not None and facts.at is None:
            facts.at = transfer.time.timestamp()
        if movement is not None and HISTORY in needs:
            facts.history = session.history(movement)
        if INTEL in needs and transfer.payee.account is not None:
            facts.payee_level = self.intel.level("account", transfer.payee.account)
        if CONTACTS in needs and transfer.payer_contacts is not None:
            facts.contacts = tuple(
                (
                    c.at.timestamp() if c.at is not None else None,
                    self.intel.level(c.kind, c.value),
                    number_traits(c.kind, c.value),
                )
                for c in transfer.payer_contacts
            )
        if PURPOSE in needs and transfer.purpose is not None:
            facts.purpose = self.purpose.read(transfer.purpose)
        return facts

    def screen(self, transfers: Sequence[Transfer], state: ScreenState) -> list[Decision]:
        """Decisions for `transfers` in order, each seeing the history of those before it."""
        decisions, session = self.screen_open(transfers, state)
        session.commit()
        return decisions

    def screen_open(
        self, transfers: Sequence[Transfer], state: ScreenState
    ) -> tuple[list[Decision], StateSession]:
        """`screen` leaving the history session uncommitted: the caller commits it (with its own writes)."""
        movements = [self.movement(t) for t in transfers]
        session = state.session([m for m in movements if m is not None], fan_in_payers=self.fan_in_payers)
        decisions = []
        shadow = self.shadow
        for transfer, movement in zip(transfers, movements, strict=True):
            facts = self.facts(transfer, movement, session)
            live = evaluate(self.rules, facts)
            decisions.append(
                Decision(transfer.id, live, evaluate(shadow, facts) if shadow else None, movement)
            )
            if movement is not None:
                session.add(movement)
        return decisions, session
