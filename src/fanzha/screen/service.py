"""Screening with storage, as the API runs it: parse a batch, answer ids already decided from the store
(idempotent per bank), screen the new ones in order, store their decisions in one transaction; and the
bank's review — a confirmed fraud puts the payee account into the intelligence store (source `bank`),
so every later screening and check sees it.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine

from fanzha.intel.repository import IntelError, IntelStore, reporter_hash
from fanzha.screen.decisions import DecisionStore, StoredDecision
from fanzha.screen.engine import Screener
from fanzha.screen.facts import ASSESSED
from fanzha.screen.intel_view import FlaggedSet, identifier_keys
from fanzha.screen.outcomes import PENDING
from fanzha.screen.purpose import PurposeReader
from fanzha.screen.state import ScreenState
from fanzha.screen.state_store import StoreSession
from fanzha.screen.transfer import Transfer, TransferError, parse_transfer, transfer_id
from fanzha.taxonomy import load_taxonomy

if TYPE_CHECKING:
    from fanzha.detect.engine import Detector

MAX_BATCH = 1_000


@dataclass(frozen=True, slots=True)
class ReviewResult:
    decision: StoredDecision
    intel: dict[str, Any]  # what reached the intelligence store: {"reported": bool, …}


class ScreeningService:
    def __init__(
        self,
        *,
        screener: Screener,
        state: ScreenState,
        decisions: DecisionStore,
        intel: IntelStore | None = None,
        flagged: FlaggedSet | None = None,
    ) -> None:
        self.screener = screener
        self.state = state
        self.decisions = decisions
        self.intel = intel
        self.flagged = flagged
        self.listeners: list[Callable[[str, dict[str, Any]], object]] = []
        decisions.record_rules(screener.rules)
        if screener.shadow is not None:
            decisions.record_rules(screener.shadow)

    def add_listener(self, listener: Callable[[str, dict[str, Any]], object]) -> None:
        """Call `listener(bank, transfer as sent)` for every newly screened transfer held or blocked
        (how the warnings hear of a payee to warn about and a payment in progress). A listener's error
        is logged, never changes the decision."""
        self.listeners.append(listener)

    def _notify(self, bank: str, raw: Any) -> None:
        for listener in self.listeners:
            try:
                listener(bank, raw)
            except Exception:  # the decision is stored: a listener must not undo it
                logging.getLogger(__name__).exception("screening listener failed")

    def screen(self, *, bank: str, raws: Sequence[Any]) -> list[dict[str, Any]]:
        """One result per input, in order: the decision, or `{"id", "error"}` for a bad transfer."""
        results, held = self.screen_answering(bank=bank, raws=raws)
        self.tell(bank, held)
        return results

    def screen_answering(
        self, *, bank: str, raws: Sequence[Any]
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """`screen` without telling the listeners: the results, once the decisions and the batch's history
        are stored, and the transfers held or blocked that `tell` is to pass on after answering (none
        without listeners). The history is written before the answer, in every store: a bank that sends
        its next transfer after this answer, to any worker, has it screened with this one in it."""
        if self.flagged is not None:
            self.flagged.maybe_refresh()
        results: list[dict[str, Any] | None] = [None] * len(raws)
        first: dict[str, int] = {}  # transfer id → index of its first occurrence in this batch
        fresh: list[tuple[int, Any, Transfer]] = []
        for index, raw in enumerate(raws):
            try:
                transfer = parse_transfer(raw)
            except TransferError as exc:
                results[index] = {"id": transfer_id(raw), "error": str(exc)}
                continue
            if transfer.id not in first:
                first[transfer.id] = index
                fresh.append((index, raw, transfer))
        stored = self.decisions.existing(bank=bank, transfer_ids=[t.id for _, _, t in fresh])
        for index, _, transfer in fresh:
            if transfer.id in stored:
                results[index] = stored[transfer.id].to_dict()
        todo = [(i, raw, t) for i, raw, t in fresh if t.id not in stored]
        held: list[dict[str, Any]] = []  # transfers held or blocked, for the listeners
        if todo:
            decisions, session = self.screener.screen_open([t for _, _, t in todo], self.state)
            items = [(raw, t, d) for (_, raw, t), d in zip(todo, decisions, strict=True)]
            if isinstance(session, StoreSession) and session.store.engine is self.decisions.engine:
                winners = self.decisions.save(bank=bank, items=items, also=session.write)  # one transaction
                session.done()
            else:
                # The decisions first, then the history (Redis): a failed save leaves no history behind,
                # so a retried transfer counts once; one another worker stored first adds none.
                winners = self.decisions.save(bank=bank, items=items)
                session.discard({d.movement for d in decisions if d.id in winners and d.movement})
                session.commit()
            for (index, raw, transfer), decision in zip(todo, decisions, strict=True):
                won = winners.get(transfer.id)
                results[index] = answer = won.to_dict() if won is not None else decision.to_dict()
                if self.listeners and answer.get("outcome") in PENDING and isinstance(raw, dict):
                    held.append(raw)
        for index, raw in enumerate(raws):  # repeats within the batch answer as their first occurrence
            if results[index] is None:
                results[index] = results[first[str(transfer_id(raw))]]
        return [r for r in results if r is not None], held

    def tell(self, bank: str, held: Sequence[dict[str, Any]]) -> None:
        """Pass `bank`'s transfers held or blocked (as `screen_answering` gave them) to the listeners."""
        for raw in held:
            self._notify(bank, raw)

    def review(self, *, bank: str, transfer_id: str, verdict: str, by: str, note: str = "") -> ReviewResult:
        """Record the bank's review; a confirmed fraud reports the payee account as `bank` intelligence."""
        decision = self.decisions.review(
            bank=bank, transfer_id=transfer_id, verdict=verdict, by=by, note=note
        )
        if verdict != "confirmed":
            return ReviewResult(decision, {"reported": False})
        return ReviewResult(decision, self._report_payee(bank, decision))

    def _report_payee(self, bank: str, decision: StoredDecision) -> dict[str, Any]:
        payee = decision.transfer.get("payee")
        account = payee.get("account") if isinstance(payee, dict) else None
        if self.intel is None or not isinstance(account, str) or not account.strip():
            return {"reported": False, "reason": "没有收款账户或未连接情报库"}
        codes = load_taxonomy().codes
        typology = next((r["typology"] for r in decision.reasons if r.get("typology") in codes), None)
        for kind, value in identifier_keys("account", account):
            try:
                self.intel.add_report(
                    kind=kind,
                    value=value,
                    source="bank",
                    fraud_type=typology,
                    text=f"{bank} 转账筛查确认涉诈（交易 {decision.transfer_id}）",
                    reporter=reporter_hash(f"bank:{bank}"),
                    idempotency_key=f"screen:{bank}:{decision.transfer_id}"[:128],
                )
            except IntelError:
                continue
            found = self.intel.lookup(kind=kind, value=value)
            level = "reported" if found.level == "unknown" and found.report_count else found.level
            if self.flagged is not None:
                self.flagged.mark(kind, value, level)
            return {"reported": True, "kind": kind, "level": level}
        return {"reported": False, "reason": "收款账户不是有效的银行卡号或支付账号"}


def build_service(
    *,
    engine: Engine,
    intel: IntelStore,
    rules: Path | None = None,
    shadow: Path | None = None,
    redis_url: str | None = None,
    detector: Detector | None = None,
) -> ScreeningService:
    """The service on `engine`: the default rule set (or `rules`), an optional shadow candidate, history
    in Redis when `redis_url` is given (else in the store), intelligence from a `FlaggedSet`.
    RuleError for a bad rule file."""
    from fanzha.screen.rules import default_rules, load_rules
    from fanzha.screen.state_redis import RedisState
    from fanzha.screen.state_store import StoreState

    live = load_rules(rules) if rules is not None else default_rules()
    candidate = load_rules(shadow) if shadow is not None else None
    flagged = FlaggedSet(engine)
    if intel.feed is not None:  # other processes' reports and decisions, as they are published
        flagged.follow(intel.feed)
    needs = live.needs | (candidate.needs if candidate is not None else frozenset())
    state: ScreenState = RedisState(redis_url) if redis_url else StoreState(engine)
    return ScreeningService(
        screener=Screener(
            live,
            shadow=candidate,
            intel=flagged,
            purpose=PurposeReader(assess=ASSESSED in needs, detector=detector),
        ),
        state=state,
        decisions=DecisionStore(engine),
        intel=intel,
        flagged=flagged,
    )


RULES_ENV, SHADOW_ENV = "FANZHA_SCREEN_RULES", "FANZHA_SCREEN_SHADOW_RULES"


def build_service_from_env(
    *, engine: Engine, intel: IntelStore, redis_url: str | None, detector: Detector | None = None
) -> ScreeningService:
    """`build_service` with the live and shadow rule files named by FANZHA_SCREEN_RULES and
    FANZHA_SCREEN_SHADOW_RULES (unset: the default rule set, no shadow)."""
    rules, shadow = os.environ.get(RULES_ENV), os.environ.get(SHADOW_ENV)
    return build_service(
        engine=engine,
        intel=intel,
        rules=Path(rules) if rules else None,
        shadow=Path(shadow) if shadow else None,
        redis_url=redis_url,
        detector=detector,
    )
