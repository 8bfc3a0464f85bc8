"""A bank's check of an account opening or a new non-counter service: against the 惩戒 list (the person by ID
number; the account and the phone number given) and against the desk's key persons
(`fanzha.cases.persons`: by ID number, and by the accounts and numbers known to be theirs). The answer is
可办理 / 仅限柜面 / 需核实 with a reason for each finding (`fanzha.cardban.model`).

Every check is stored (what was asked, in full, for the desk's inquiries) and audited in the same
transaction (subject `opening-check:<id>`, action `cardban.check`, the ID number masked). The bank gets
the person masked back, and no detail of a key person: only that the desk wants the person verified.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import Engine, Text, cast, func, select
from sqlalchemy.orm import Session

from fanzha.audit.log import append, append_retrying
from fanzha.cardban.canonical import ID_CHECK_DIGIT, id_number, identifier
from fanzha.cardban.model import (
    EVIDENCE,
    KINDS,
    LAW,
    SERVICES,
    CardbanError,
    CheckIn,
    CheckResult,
    Reason,
    mask_holder_id,
    most_severe,
)
from fanzha.cardban.register import running, text, today_in_beijing
from fanzha.intel.banks import bank_name
from fanzha.store.cardban_tables import CardbanEntryRow, OpeningCheckRow
from fanzha.store.case_tables import KeyPersonRow
from fanzha.text.masking import mask_account, mask_name, mask_phone
from fanzha.timezones import from_db, to_utc

MAX_LIST = 1000
WHAT = {"holder": "此身份证号的持有人", "bank_card": "所填账户", "phone": "所留手机号"}
CONSEQUENCE = {
    "open_account": "新开账户仅限柜面办理，不得开通非柜面业务",
    "online_service": "不得开通网银、手机银行、快捷支付等非柜面业务",
}
VERIFY = "请暂缓办理，核对身份并联系反诈中心核实"


def _listed(
    session: Session, day: date, *, holder_id: str, account: str, phone: str
) -> list[tuple[str, CardbanEntryRow]]:
    """(what matched, entry) for the running entries of the holder, the account and the phone number."""
    live = running(day) & (CardbanEntryRow.starts_on <= day)
    found: list[tuple[str, CardbanEntryRow]] = []
    queries = [("holder", CardbanEntryRow.holder_id == holder_id)]
    queries += [(kind, (CardbanEntryRow.kind == kind) & (CardbanEntryRow.value == value))
                for kind, value in (("bank_card", account), ("phone", phone)) if value]  # fmt: skip
    for what, match in queries:
        rows = session.scalars(
            select(CardbanEntryRow).where(live, match).order_by(CardbanEntryRow.id).limit(20)
        )
        found.extend((what, row) for row in rows)
    return found


def _key_persons(session: Session, *, holder_id: str, account: str, phone: str) -> list[tuple[str, int]]:
    """(what matched, key person id) for the key persons with this ID number, account or phone number."""
    stored_id = func.upper(func.replace(func.replace(KeyPersonRow.id_number, " ", ""), "-", ""))
    found = [
        ("holder", pid) for pid in session.scalars(select(KeyPersonRow.id).where(stored_id == holder_id))
    ]
    for kind, value in (("bank_card", account), ("phone", phone)):
        if not value:
            continue
        query = select(KeyPersonRow.id, KeyPersonRow.identifiers).where(
            cast(KeyPersonRow.identifiers, Text).contains(value)
        )
        for pid, idents in session.execute(query.limit(200)):
            if any(i.get("kind") == kind and i.get("value") == value for i in idents or []):
                found.append((kind, pid))
    return found


def reasons_for(
    service: str,
    listed: list[tuple[str, CardbanEntryRow]],
    persons: list[tuple[str, int]],
    id_flags: list[str],
) -> list[Reason]:
    reasons = [
        Reason(
            f"listed_{what}", "counter_only",
            f"{WHAT[what]}在断卡惩戒名单上（{KINDS[row.kind]}出售、出租或出借，{EVIDENCE[row.evidence]}；"
            f"{row.starts_on:%Y-%m-%d} 至 {row.ends_on:%Y-%m-%d}）：依{LAW}，{CONSEQUENCE[service]}",
        )
        for what, row in listed
    ]  # fmt: skip
    seen = set()
    for what, _ in persons:
        if what not in seen:
            seen.add(what)
            reasons.append(
                Reason(f"key_person_{what}", "verify", f"{WHAT[what]}与反诈中心重点人员信息相符：{VERIFY}")
            )
    if ID_CHECK_DIGIT in id_flags:
        reasons.append(Reason("id_check_digit", "verify", f"{ID_CHECK_DIGIT}：请核对证件原件"))
    if not reasons:
        reasons.append(Reason("clear", "allow", "未在断卡惩戒名单和重点人员中发现此人及所填账户、号码"))
    return reasons


def to_result(row: OpeningCheckRow, *, masked: bool) -> CheckResult:
    reasons = [Reason(str(r["code"]), str(r["verdict"]), str(r["text"])) for r in row.reasons or []]
    return CheckResult(
        id=row.id, bank=row.bank, staff=row.staff, service=row.service,
        holder_name=mask_name(row.holder_name) if masked else row.holder_name,
        holder_id=mask_holder_id(row.holder_id) if masked else row.holder_id,
        account=mask_account(row.account) if masked and row.account else row.account,
        phone=mask_phone(row.phone) if masked and row.phone else row.phone,
        verdict=row.verdict, reasons=reasons,
        checked_at=from_db(row.checked_at),
    )  # fmt: skip


class OpeningChecks:
    """Opening checks on the database behind `engine`."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def check(
        self,
        check: CheckIn,
        *,
        bank: str,
        staff: str,
        actor: str,
        today: date | None = None,
        now: datetime | None = None,
    ) -> CheckResult:
        """Check, store and audit; the answer as the bank sees it (the person masked)."""
        if check.service not in SERVICES:
            raise CardbanError(f"不支持的业务：{check.service}（可选：{', '.join(SERVICES)}）")
        moment = to_utc(now) if now is not None else datetime.now(UTC)
        day = today or today_in_beijing(moment)
        holder_id, id_flags = id_number(check.holder_id)
        name = text(check.holder_name, "holder_name", "姓名", required=True)
        account = identifier("bank_card", check.account)[0] if check.account.strip() else ""
        phone = identifier("phone", check.phone)[0] if check.phone.strip() else ""
        if check.service == "online_service" and not account:
            raise CardbanError("开通非柜面业务请填写账户")
        branch = bank_name(text(bank, "issuer", "银行", required=True))

        def work(session: Session) -> CheckResult:
            listed = _listed(session, day, holder_id=holder_id, account=account, phone=phone)
            persons = _key_persons(session, holder_id=holder_id, account=account, phone=phone)
            reasons = reasons_for(check.service, listed, persons, id_flags)
            verdict = most_severe(reasons)
            row = OpeningCheckRow(
                bank=branch, staff=staff[:64], service=check.service, holder_name=name, holder_id=holder_id,
                account=account, phone=phone, verdict=verdict, reasons=[r.as_json() for r in reasons],
                checked_at=moment,
            )  # fmt: skip
            session.add(row)
            session.flush()
            append(session, actor=actor, action="cardban.check", subject=f"opening-check:{row.id}", at=moment,
                   detail={"bank": branch, "service": check.service, "verdict": verdict,
                           "reasons": [r.code for r in reasons], "holder_id": mask_holder_id(holder_id),
                           "account": account, "phone": phone, "entries": sorted({e.id for _, e in listed}),
                           "persons": sorted({p for _, p in persons})})  # fmt: skip
            return to_result(row, masked=True)

        return append_retrying(self.engine, work)

    def recent(self, *, bank: str | None = None, masked: bool = True, limit: int = 200) -> list[CheckResult]:
        """The newest checks, of `bank` (None: every bank)."""
        query = select(OpeningCheckRow)
        if bank is not None:
            query = query.where(OpeningCheckRow.bank == bank_name(bank))
        order = (OpeningCheckRow.checked_at.desc(), OpeningCheckRow.id.desc())
        with Session(self.engine) as session:
            rows = session.scalars(query.order_by(*order).limit(max(1, min(limit, MAX_LIST))))
            return [to_result(r, masked=masked) for r in rows]
