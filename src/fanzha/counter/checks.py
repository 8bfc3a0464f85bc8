"""Counter and ATM checks of held transfers, and what their outcome feeds.

A teller (or the lobby manager at the ATM) opens a held transfer, goes through the checklist
(`fanzha.counter.checklists`), has the customer sign the 《防范电信诈骗告知书》 and records the outcome:

- 劝阻成功 (`dissuaded`): the customer gave up the transfer. A case is created at the desk marked
  dissuaded with no loss (the desk counts it among 劝阻数), naming the payee account; the account is
  reported to the intelligence store as a bank report, so every later check and screening sees it.
- 报警 (`police`): the bank called the police. The same case and report; the case is dissuaded unless the
  customer had already paid the scammer (`lost` > 0, recorded as a payment to the payee account).
- 客户坚持 (`insisted`): the customer insists after the warnings. Only the check is kept — with the signed
  notice, which a counter check requires for this outcome — and nothing is reported: nothing is confirmed.

A check also closes the screened transfer's decision (`fanzha.screen.decisions.DecisionStore.review`), so it
leaves the screening's pending list: 劝阻成功 and 报警 as confirmed fraud (it counts in the rules'
precision; the payee is reported once, by the check, as the bank — the reporter screening uses), 客户坚持 as
released.

The check is written first: its unique (bank, transfer) row claims the transfer, so two tellers cannot
both open a case for it; if the case or the reports then fail, the check is taken back and the teller sees
why. (The case, the reports and the check are separate transactions of separate stores; the reports are
idempotent, so recording the check again after a failure adds nothing twice.)

Held transfers are the screening decisions (`screen_decisions`) of the bank with outcome hold or block that
nobody has reviewed yet; a transfer id typed in that has no decision can be checked too, with its details
entered by hand. One check per transfer and bank.
"""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from fanzha.cases.model import CaseIdentifier, CaseIn, Payment, Person
from fanzha.cases.repository import CaseError, CaseStore
from fanzha.counter.check_model import OUTCOMES, CheckIn, CounterCheck, CounterError
from fanzha.counter.checklists import ChecklistError, checklist, read_answers
from fanzha.counter.held import Facts, HeldTransfer, held_of, summary
from fanzha.intel.repository import IntelError, IntelStore, normalise, reporter_hash
from fanzha.screen.decisions import DecisionConflict, DecisionNotFound, DecisionStore
from fanzha.store.bank_tables import CounterCheckRow
from fanzha.store.screen_tables import ScreenDecisionRow
from fanzha.taxonomy import load_taxonomy
from fanzha.timezones import from_db

REPORTED = frozenset(["dissuaded", "police"])
DESK = "银行网点"
MAX_YUAN = 1e12  # an amount above it, NaN or Infinity is refused (they fail the comparison)

__all__ = ["CounterDesk"]


def check_of(row: CounterCheckRow) -> CounterCheck:
    answers: dict[str, Any] = dict(row.answers)
    return CounterCheck(
        row.id, row.bank, row.transfer_id, row.decision_id, row.checklist, dict(answers.get("values", {})),
        list(answers.get("risks", [])), row.notice_signed, row.signed_by, row.outcome, row.amount_fen / 100,
        dict(row.payer), row.payee_account, row.payee_bank, row.staff, row.note, row.case_id,
        from_db(row.created_at),
    )  # fmt: skip


def _text(value: object, what: str, limit: int) -> str:
    text = str(value or "").strip()
    if len(text) > limit:
        raise CounterError(f"{what}不能超过 {limit} 个字符")
    return text


def _reportable(account: str, phone: str) -> None:
    """Refuse, before anything is written, identifiers the intelligence store would not take."""
    for kind, value, what in (("bank_card", account, "收款账户"), ("phone", phone.strip(), "来电号码")):
        if value:
            try:
                normalise(kind, value)
            except IntelError:
                raise CounterError(f"{what}“{value[:40]}”无效，请核对") from None


class CounterDesk:
    """Held transfers of a bank, and the checks its staff complete, on the database behind `engine`."""

    def __init__(self, engine: Engine, *, cases: CaseStore, intel: IntelStore) -> None:
        self.engine, self.cases, self.intel = engine, cases, intel

    def held(
        self, *, bank: str | None, limit: int = 200, include_checked: bool = False
    ) -> list[HeldTransfer]:
        """Held and blocked transfers not yet reviewed, newest first; `bank=None` (admin): every bank's."""
        with Session(self.engine) as session:
            query = select(ScreenDecisionRow).where(
                ScreenDecisionRow.outcome.in_(("hold", "block")), ScreenDecisionRow.review == ""
            )
            if bank is not None:
                query = query.where(ScreenDecisionRow.bank == bank)
            rows = session.scalars(
                query.order_by(ScreenDecisionRow.decided_at.desc(), ScreenDecisionRow.id.desc()).limit(limit)
            ).all()
            done = self._checked(session, [(r.bank, r.transfer_id) for r in rows])
            found = [held_of(r, checked=(r.bank, r.transfer_id) in done) for r in rows]
        return found if include_checked else [h for h in found if not h.checked]

    def transfer(self, *, bank: str | None, transfer_id: str) -> HeldTransfer | None:
        """The screened transfer with this id at the bank (any outcome), or None if it was not screened."""
        with Session(self.engine) as session:
            query = select(ScreenDecisionRow).where(ScreenDecisionRow.transfer_id == transfer_id)
            if bank is not None:
                query = query.where(ScreenDecisionRow.bank == bank)
            row = session.scalars(query.order_by(ScreenDecisionRow.id.desc()).limit(1)).first()
            if row is None:
                return None
            return held_of(row, checked=bool(self._checked(session, [(row.bank, row.transfer_id)])))

    def checks(self, *, bank: str | None, limit: int = 200) -> list[CounterCheck]:
        with Session(self.engine) as session:
            query = select(CounterCheckRow)
            if bank is not None:
                query = query.where(CounterCheckRow.bank == bank)
            rows = session.scalars(query.order_by(CounterCheckRow.id.desc()).limit(limit)).all()
            return [check_of(r) for r in rows]

    def record(self, check: CheckIn, *, bank: str, staff: str, now: datetime | None = None) -> CounterCheck:
        """Store a completed check and carry out its outcome (see the module docstring)."""
        moment = (now or datetime.now(UTC)).astimezone(UTC)
        transfer_id = _text(check.transfer_id, "转账编号", 128)
        if not transfer_id:
            raise CounterError("请填写转账编号")
        if check.outcome not in OUTCOMES:
            raise CounterError(f"未知的处置结果“{check.outcome}”，应为 {'、'.join(OUTCOMES.values())} 之一")
        try:
            form = checklist(check.checklist)
            reading = read_answers(form, check.answers)
        except ChecklistError as exc:
            raise CounterError(str(exc)) from None
        signed_by = _text(check.signed_by, "签字人", 64)
        if check.notice_signed and not signed_by:
            raise CounterError("请填写在《防范电信诈骗告知书》上签字的客户姓名")
        if form.notice and check.outcome == "insisted" and not check.notice_signed:
            raise CounterError("客户坚持转账的，须先阅读并签署《防范电信诈骗告知书》")
        if check.fraud_type and check.fraud_type not in load_taxonomy().codes:
            raise CounterError(f"未知的诈骗类型“{check.fraud_type}”")
        held = self.transfer(bank=bank, transfer_id=transfer_id)
        if held is not None and held.checked:
            raise CounterError(f"转账 {transfer_id} 已完成核查，不能重复登记")
        facts = summary(held, check)
        if check.outcome in REPORTED and not facts.payee_account:
            raise CounterError("请填写收款账户：劝阻或报警时须把它报给反诈中心")
        if check.outcome in REPORTED:
            _reportable(facts.payee_account, check.suspect_phone)
        if facts.amount is None or not all(0 <= yuan <= MAX_YUAN for yuan in (facts.amount, check.lost or 0)):
            raise CounterError("请填写转账金额（元），金额须为 0 至 1万亿元 之间的数字")
        row = CounterCheckRow(
            bank=bank, transfer_id=transfer_id, decision_id=held.decision_id if held else None,
            checklist=form.code, answers={"values": reading.answers, "risks": reading.risks},
            notice_signed=check.notice_signed, signed_by=signed_by, outcome=check.outcome,
            amount_fen=round(facts.amount * 100), payer=facts.payer, payee_account=facts.payee_account,
            payee_bank=facts.payee_bank, staff=staff[:64], note=_text(check.note, "备注", 2000), case_id=None,
            created_at=moment,
        )  # fmt: skip
        try:
            with Session(self.engine, expire_on_commit=False) as session, session.begin():
                session.add(row)
        except IntegrityError:
            raise CounterError(f"转账 {transfer_id} 已完成核查，不能重复登记") from None
        if check.outcome in REPORTED:
            try:
                case_id = self._feed(check, facts, reading.risks, bank=bank, staff=staff, now=moment)
            except Exception:  # no case, no check: the teller records it again
                with Session(self.engine) as session, session.begin():
                    session.execute(delete(CounterCheckRow).where(CounterCheckRow.id == row.id))
                raise
            with Session(self.engine) as session, session.begin():
                session.execute(
                    update(CounterCheckRow).where(CounterCheckRow.id == row.id).values(case_id=case_id)
                )
            row.case_id = case_id
        if held is not None:
            self._close(held, staff=staff, outcome=check.outcome)
        return check_of(row)

    def _close(self, held: HeldTransfer, *, staff: str, outcome: str) -> None:
        """Close the screening decision: confirmed fraud when dissuaded or reported to the police (the payee
        was already reported above, so not through the screening service), released when the customer
        insisted."""
        verdict = "released" if outcome == "insisted" else "confirmed"
        with contextlib.suppress(DecisionConflict, DecisionNotFound):  # reviewed meanwhile: the check stands
            DecisionStore(self.engine).review(
                bank=held.bank, transfer_id=held.transfer_id, verdict=verdict, by=staff,
                note=f"{DESK}核查：{OUTCOMES[outcome]}",
            )  # fmt: skip

    def _feed(
        self,
        check: CheckIn,
        facts: Facts,
        risks: list[dict[str, str]],
        *,
        bank: str,
        staff: str,
        now: datetime,
    ) -> int:
        """The case at the desk and the bank reports to the intelligence store; the case's id."""
        lost = round(float(check.lost or 0), 2)
        name = OUTCOMES[check.outcome]
        signs = "；".join(r["clause"] for r in risks) or "无明显风险点"
        narrative = (
            f"【{DESK}{name}】客户在{bank}{facts.channel_name}办理转账{facts.amount:.2f}元，收款账户{facts.payee_account}"
            f"（{facts.payee_bank or '开户行不详'}）。{checklist(check.checklist).name}核查发现：{signs}。"
            + (f"客户此前已转出{lost:.2f}元。" if lost else "资金未转出。")
            + (f"备注：{check.note.strip()}" if check.note.strip() else "")
        )
        identifiers = [CaseIdentifier("bank_card", facts.payee_account, facts.payee_account)]
        if check.suspect_phone.strip():
            identifiers.append(
                CaseIdentifier("phone", check.suspect_phone.strip(), check.suspect_phone.strip())
            )
        payer = facts.payer
        victim = Person(
            name=str(payer.get("name") or ""), age=payer.get("age") if isinstance(payer.get("age"), int) else None,
            district=str(payer.get("district") or ""), relation="本人",
        )  # fmt: skip
        case = CaseIn(
            received_at=now, desk=DESK, district=victim.district, occurred_at=facts.at,
            contact_channel="phone_call" if check.suspect_phone.strip() else "", fraud_type=check.fraud_type,
            dissuaded=lost == 0, reporter=Person(name=staff, relation=f"{bank}工作人员"), victim=victim,
            payments=[Payment(lost, facts.at, "bank_transfer", str(payer.get("account") or ""), facts.payee_account, facts.payee_bank)] if lost else [],
            identifiers=identifiers, narrative=narrative, officer="", loss=lost,
        )  # fmt: skip
        try:
            created = self.cases.create(case, actor=f"bank:{bank}")
            reporter = reporter_hash(f"bank:{bank}")
            for kind, value in ((i.kind, i.value) for i in identifiers):
                self.intel.add_report(
                    kind=kind, value=value, source="bank", fraud_type=check.fraud_type or None,
                    text=f"{bank}{DESK}{name}：{signs}", reporter=reporter,
                    idempotency_key=f"counter:{bank}:{check.transfer_id}:{kind}", at=now,
                )  # fmt: skip
        except (CaseError, IntelError) as exc:
            raise CounterError(str(exc)) from None
        return created.id

    @staticmethod
    def _checked(session: Session, keys: list[tuple[str, str]]) -> set[tuple[str, str]]:
        if not keys:
            return set()
        ids = {t for _, t in keys}
        rows = session.execute(
            select(CounterCheckRow.bank, CounterCheckRow.transfer_id).where(
                CounterCheckRow.transfer_id.in_(ids)
            )
        ).all()
        return {(b, t) for b, t in rows} & set(keys)
