"""Stored screening decisions: one row per transfer and bank, with every rule execution, the shadow
candidate's verdict and the transfer as received; the bank's review (confirmed fraud, or cleared as a
false alarm) goes on the same row and into the audit log.

Idempotent: a transfer id is unique per bank, so `save` returns the decision stored first when the
same id comes again (also when two workers race: the loser gets the winner's row). Written in batches.
`pending(bank=…)` lists a bank's held and blocked transfers not yet reviewed (the bank console).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Connection, Engine, Table, bindparam, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from fanzha.audit.log import append, append_retrying
from fanzha.screen.decision import Decision, expand_executions
from fanzha.screen.outcomes import PENDING
from fanzha.screen.rules import RuleSet, parse_rules
from fanzha.screen.transfer import Transfer
from fanzha.store.bulk import insert_rows
from fanzha.store.engine import autocommit_reader
from fanzha.store.locks import write_lock
from fanzha.store.screen_tables import ScreenDecisionRow, ScreenRuleSetRow
from fanzha.text.masking import mask_account, mask_name
from fanzha.timezones import from_db

# confirmed: it was fraud; cleared: a false alarm; released: the customer insisted after the counter's
# warnings and signed the notice, so the bank let it go (neither confirmed nor cleared).
REVIEWS = {"confirmed": "确认涉诈", "cleared": "解除", "released": "客户坚持放行"}
CHUNK = 500


# Built once (with bound parameters): building and caching the statement per batch cost a third of asking.
_STORED_IDS = select(ScreenDecisionRow.transfer_id).where(
    ScreenDecisionRow.bank == bindparam("bank"),
    ScreenDecisionRow.transfer_id.in_(bindparam("ids", expanding=True)),
)
_TABLE = cast(Table, ScreenDecisionRow.__table__)
_INSERT = insert(_TABLE)


class DecisionNotFound(LookupError):
    """No decision for this transfer id at this bank."""


class DecisionConflict(ValueError):
    """The decision was already reviewed."""


@dataclass(frozen=True, slots=True)
class StoredDecision:
    bank: str
    transfer_id: str
    outcome: str
    score: int
    reasons: list[dict[str, Any]]
    actions: list[dict[str, Any]]
    executions: list[dict[str, Any]]
    rules_version: str
    shadow: dict[str, Any] | None
    transfer: dict[str, Any]
    decided_at: datetime
    review: str
    reviewed_by: str
    reviewed_at: datetime | None
    review_note: str

    def to_dict(self) -> dict[str, Any]:
        """The decision as screening answered it (the same shape as `Decision.to_dict`)."""
        out: dict[str, Any] = {
            "id": self.transfer_id,
            "outcome": self.outcome,
            "score": self.score,
            "reasons": self.reasons,
            "actions": self.actions,
            "rules_version": self.rules_version,
        }
        if self.shadow is not None:
            out["shadow"] = self.shadow
        return out

    def detail(self) -> dict[str, Any]:
        """Everything stored: the decision, every rule execution, the review, the transfer (masked)."""
        return {
            **self.to_dict(),
            "executions": self.executions,
            "decided_at": self.decided_at.isoformat(),
            "review": {
                "status": self.review or "pending",
                "by": self.reviewed_by,
                "at": self.reviewed_at.isoformat() if self.reviewed_at else None,
                "note": self.review_note,
            },
            "transfer": masked_transfer(self.transfer),
        }


def masked_transfer(raw: dict[str, Any]) -> dict[str, Any]:
    """The transfer with names and account numbers masked, contacts summarised."""
    out: dict[str, Any] = {
        k: raw[k] for k in ("time", "amount", "currency", "channel", "purpose") if k in raw
    }
    for side in ("payer", "payee"):
        party = raw.get(side)
        if isinstance(party, dict):
            shown = {k: party[k] for k in ("age", "district", "bank") if k in party}
            if isinstance(party.get("account"), str):
                shown["account"] = mask_account(party["account"])
            if isinstance(party.get("name"), str):
                shown["name"] = mask_name(party["name"])
            out[side] = shown
    if isinstance(raw.get("payer_contacts"), list):
        out["payer_contacts"] = len(raw["payer_contacts"])
    return out


def _stored(row: ScreenDecisionRow, executions: list[dict[str, Any]]) -> StoredDecision:
    return StoredDecision(
        bank=row.bank,
        transfer_id=row.transfer_id,
        outcome=row.outcome,
        score=row.score,
        reasons=list(row.reasons),
        actions=list(row.actions),
        executions=executions,
        rules_version=row.rules_version,
        shadow=row.shadow,
        transfer=dict(row.transfer),
        decided_at=from_db(row.decided_at),
        review=row.review,
        reviewed_by=row.reviewed_by,
        reviewed_at=from_db(row.reviewed_at),
        review_note=row.review_note,
    )


def _row(
    bank: str, raw: dict[str, Any], transfer: Transfer, decision: Decision, now: datetime
) -> dict[str, Any]:
    amount = transfer.amount_cny
    return {
        "bank": bank,
        "transfer_id": transfer.id,
        "transfer_at": transfer.time.astimezone(UTC) if transfer.time is not None else None,
        "decided_at": now,
        "outcome": decision.live.outcome,
        "score": decision.live.score,
        "amount_fen": round(amount * 100) if amount is not None else None,
        "channel": transfer.channel or "",
        "payer_account": transfer.payer.account or "",
        "payee_account": transfer.payee.account or "",
        "rules_version": decision.live.version,
        "reasons": decision.live.reasons(),
        "actions": decision.live.actions(),
        "executions": decision.live.execution_code(),  # expanded on reading: see DecisionStore.executions
        "shadow": decision.shadow.summary() if decision.shadow is not None else None,
        "transfer": raw,
        "review": "",
        "reviewed_by": "",
        "reviewed_at": None,
        "review_note": "",
    }


class DecisionStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.reader = autocommit_reader(engine)  # asking which ids are stored: one round trip
        self._rule_sets: dict[str, RuleSet] = {}  # version → rule set, to expand stored executions

    def executions(self, row: ScreenDecisionRow) -> list[dict[str, Any]]:
        """A stored row's executions: kept as one character per rule (`Verdict.execution_code`) and
        expanded with the rule set of the row's version (rows written before that are lists already)."""
        stored: Any = row.executions
        if not isinstance(stored, str):
            return list(stored)
        version = row.rules_version
        try:
            rules = self._rule_sets.get(version)
            if rules is None:
                source = self.rule_source(version)
                if source is None:
                    raise ValueError(f"规则集 {version} 未存档，执行记录无法展开")
                rules = self._rule_sets[version] = parse_rules(source, name=f"规则集 {version}")
            return expand_executions(rules, stored)
        except ValueError as exc:  # RuleError is one too
            return [{"error": str(exc), "code": stored}]

    def _stored(self, row: ScreenDecisionRow) -> StoredDecision:
        return _stored(row, self.executions(row))

    def record_rules(self, rules: RuleSet) -> None:
        """Keep the rule set's source under its version, so stored decisions stay explainable.
        A version already stored with other content is refused: change the version with the rules."""
        with Session(self.engine) as session:
            row = session.get(ScreenRuleSetRow, rules.version)
            if row is not None:
                if row.digest != rules.digest:
                    raise ValueError(f"规则集版本 {rules.version} 已存在且内容不同：修改规则后请更新 version")
                self._rule_sets[rules.version] = rules
                return
            self._rule_sets[rules.version] = rules
            session.add(
                ScreenRuleSetRow(
                    version=rules.version,
                    digest=rules.digest,
                    source=rules.source,
                    loaded_at=datetime.now(UTC),
                )
            )
            try:
                session.commit()
            except IntegrityError:  # another worker stored it first
                session.rollback()

    def rule_source(self, version: str) -> str | None:
        with Session(self.engine) as session:
            row = session.get(ScreenRuleSetRow, version)
            return row.source if row is not None else None

    def existing(self, *, bank: str, transfer_ids: Sequence[str]) -> dict[str, StoredDecision]:
        """The stored decisions among `transfer_ids` at `bank`."""
        found: dict[str, StoredDecision] = {}
        ids = sorted(set(transfer_ids))
        row = ScreenDecisionRow
        seen: list[str] = []
        # Mostly none are stored: ask the unique index first, on a plain connection in autocommit (an ORM
        # session cost more than the query), then load the few found as rows.
        with self.reader.connect() as connection:
            for start in range(0, len(ids), CHUNK):
                seen += connection.execute(
                    _STORED_IDS, {"bank": bank, "ids": ids[start : start + CHUNK]}
                ).scalars()
        if seen:
            with Session(self.engine) as session:
                for start in range(0, len(seen), CHUNK):
                    rows = select(row).where(
                        row.bank == bank, row.transfer_id.in_(seen[start : start + CHUNK])
                    )
                    for stored in session.scalars(rows):
                        found[stored.transfer_id] = self._stored(stored)
        return found

    def save(
        self,
        *,
        bank: str,
        items: Sequence[tuple[dict[str, Any], Transfer, Decision]],
        also: Callable[[Connection], None] | None = None,
    ) -> dict[str, StoredDecision]:
        """Store new decisions in one transaction, with `also`'s writes (the batch's history) when given.
        Returns, for ids another writer stored first, the decision that writer stored (their answer
        stands); an empty dict when all were new. After a race `also` runs in a transaction of its own."""
        if not items:
            if also is not None:
                with self.engine.begin() as connection:
                    also(connection)
            return {}
        now = datetime.now(UTC)
        rows = [_row(bank, raw, transfer, decision, now) for raw, transfer, decision in items]
        try:
            with write_lock(self.engine), self.engine.begin() as connection:
                if also is not None:
                    also(connection)
                insert_rows(connection, _TABLE, rows)  # COPY on PostgreSQL: no per-row statement
            return {}
        except IntegrityError:
            pass
        if also is not None:
            with self.engine.begin() as connection:
                also(connection)
        winners: dict[str, StoredDecision] = {}
        for row in rows:  # a race on some id: one at a time, keeping what was there
            try:
                with self.engine.begin() as connection:
                    connection.execute(_INSERT, [row])
            except IntegrityError:
                winners.update(self.existing(bank=bank, transfer_ids=[row["transfer_id"]]))
        return winners

    def get(self, *, bank: str, transfer_id: str) -> StoredDecision:
        with Session(self.engine) as session:
            row = session.scalar(
                select(ScreenDecisionRow).where(
                    ScreenDecisionRow.bank == bank, ScreenDecisionRow.transfer_id == transfer_id
                )
            )
            if row is None:
                raise DecisionNotFound(f"没有交易 {transfer_id} 的筛查记录")
            return self._stored(row)

    def pending(self, *, bank: str, limit: int = 50) -> list[StoredDecision]:
        """`bank`'s held and blocked transfers awaiting review, newest first."""
        with Session(self.engine) as session:
            rows = session.scalars(
                select(ScreenDecisionRow)
                .where(
                    ScreenDecisionRow.bank == bank,
                    ScreenDecisionRow.review == "",
                    ScreenDecisionRow.outcome.in_(PENDING),
                )
                .order_by(ScreenDecisionRow.decided_at.desc(), ScreenDecisionRow.id.desc())
                .limit(limit)
            )
            return [self._stored(row) for row in rows]

    def review(self, *, bank: str, transfer_id: str, verdict: str, by: str, note: str = "") -> StoredDecision:
        """Record the bank's review (one of REVIEWS); audited."""
        if verdict not in REVIEWS:
            raise ValueError(f"review 只能是 {'、'.join(REVIEWS)} 之一")

        def work(session: Session) -> StoredDecision:
            row = session.scalar(
                select(ScreenDecisionRow).where(
                    ScreenDecisionRow.bank == bank, ScreenDecisionRow.transfer_id == transfer_id
                )
            )
            if row is None:
                raise DecisionNotFound(f"没有交易 {transfer_id} 的筛查记录")
            if row.review:
                word = REVIEWS.get(row.review, row.review)
                raise DecisionConflict(f"交易 {transfer_id} 已由 {row.reviewed_by} {word}，不能重复处理")
            row.review, row.reviewed_by, row.review_note = verdict, by[:64], note[:2000]
            row.reviewed_at = datetime.now(UTC)
            append(
                session,
                actor=by,
                action=f"screen.{verdict}",
                subject=f"transfer:{transfer_id}"[:64],
                detail={"bank": bank, "outcome": row.outcome, "note": note[:200]},
            )
            session.flush()
            return self._stored(row)

        return append_retrying(self.engine, work)
