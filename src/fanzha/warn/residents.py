"""Residents registered for warnings (金钟罩): registration with consent, updates, withdrawal, reading.

Every identifier to match for a resident — the own phone, the protected accounts, the family members'
phones — is kept in `resident_identifiers` in canonical form (`fanzha.warn.identifiers`), so a number
written with +86, spaces, dashes or full-width digits matches, and an odd one matches itself. Every write
is audited (`warn.resident.*`, subject `resident:<id>`); reading one resident in full is audited too.
A `community` argument restricts to that community (a community worker's key): others' residents are
not found.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, delete, func, select
from sqlalchemy.orm import Session

from fanzha.audit.log import append, append_retrying
from fanzha.store.warn_tables import ResidentFamilyRow, ResidentIdentifierRow, ResidentRow
from fanzha.timezones import DateOutOfRange, check_date, from_db
from fanzha.warn.identifiers import guess_account_kind, identifier
from fanzha.warn.model import (
    ACCOUNT_KINDS,
    CONSENT_TEXT,
    MAX_ACCOUNTS,
    MAX_AGE,
    MAX_FAMILY,
    STATUSES,
    VIA,
    Family,
    Identifier,
    Resident,
    ResidentIn,
    WarnError,
    WarnNotFound,
)

TEXT_LIMITS = {"name": 64, "community": 64, "township": 64, "district": 64, "police_station": 64,
               "address": 200, "consent_by": 64}  # fmt: skip
FIELD_NAMES = {"name": "姓名", "community": "社区", "township": "街道/乡镇", "district": "区县",
               "police_station": "派出所", "address": "住址", "consent_by": "同意人"}  # fmt: skip


def _now() -> datetime:
    return datetime.now(UTC)


def check_resident(resident: ResidentIn) -> None:
    """WarnError naming the first bad field of a registration."""
    if not resident.name.strip():
        raise WarnError("请填写姓名")
    if not resident.community.strip():
        raise WarnError("请填写所在社区")
    for name, limit in TEXT_LIMITS.items():
        if len(getattr(resident, name)) > limit:
            raise WarnError(f"{FIELD_NAMES[name]}过长（上限{limit}个字符）")
    for who, age in [("居民", resident.age)] + [(f"家属{f.name}", f.age) for f in resident.family]:
        if age is not None and not 0 <= age <= MAX_AGE:
            raise WarnError(f"{who}的年龄{age}不在0到{MAX_AGE}之间")
    if len(resident.family) > MAX_FAMILY:
        raise WarnError(f"家属最多登记{MAX_FAMILY}人，收到{len(resident.family)}人")
    if len(resident.accounts) > MAX_ACCOUNTS:
        raise WarnError(f"账户最多登记{MAX_ACCOUNTS}个")
    if resident.registered_via not in VIA:
        raise WarnError(f"登记方式只能是：{'、'.join(f'{k}（{v}）' for k, v in VIA.items())}")
    for member in resident.family:
        if not member.name.strip() or len(member.name) > 64 or len(member.relation) > 32:
            raise WarnError("家属须填写姓名（64字以内），关系32字以内")
    for account in resident.accounts:
        if account.kind and account.kind not in (*ACCOUNT_KINDS, "phone"):
            raise WarnError(f"不支持的账户类型：{account.kind}（可选：bank_card、alipay、wechat、qq、phone）")
    if len(resident.consent_text) > 2000:
        raise WarnError("同意书文本过长（上限2000个字符）")
    if resident.consent_at is not None:
        try:
            check_date(resident.consent_at, "同意时间")
        except DateOutOfRange as exc:
            raise WarnError(str(exc)) from None


def _identifiers(resident: ResidentIn, resident_id: int, family_ids: Sequence[int]) -> list[dict[str, Any]]:
    phone = identifier("phone", resident.phone, what="居民手机号")
    rows = [_ident_row(resident_id, phone, "self", None)]
    for account in resident.accounts:
        kind = account.kind or guess_account_kind(account.value)
        rows.append(_ident_row(resident_id, identifier(kind, account.value, what="账户"), "account", None))
    for member, family_id in zip(resident.family, family_ids, strict=True):
        if member.phone.strip():
            rows.append(
                _ident_row(
                    resident_id, identifier("phone", member.phone, what="家属手机号"), "family", family_id
                )
            )
    seen, unique = set(), []
    for row in rows:
        if (row["kind"], row["value"], row["family_id"]) not in seen:
            seen.add((row["kind"], row["value"], row["family_id"]))
            unique.append(row)
    return unique


def _ident_row(resident_id: int, ident: Identifier, whose: str, family_id: int | None) -> dict[str, Any]:
    return {"resident_id": resident_id, "kind": ident.kind, "value": ident.value, "raw": ident.raw,
            "flags": list(ident.flags), "whose": whose, "family_id": family_id}  # fmt: skip


def _write_details(session: Session, row: ResidentRow, resident: ResidentIn) -> None:
    family_rows = []
    for member in resident.family:
        phone = identifier("phone", member.phone, what="家属手机号") if member.phone.strip() else None
        family_rows.append(
            ResidentFamilyRow(
                resident_id=row.id, name=member.name.strip(), relation=member.relation.strip(),
                phone=phone.value if phone else "", phone_raw=phone.raw[:64] if phone else "",
                phone_flags=list(phone.flags) if phone else [], age=member.age, notify=member.notify,
            )
        )  # fmt: skip
    session.add_all(family_rows)
    session.flush()
    for values in _identifiers(resident, row.id, [f.id for f in family_rows]):
        session.add(ResidentIdentifierRow(**values))


class ResidentStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def register(
        self, resident: ResidentIn, *, actor: str, now: datetime | None = None, pending: bool = False
    ) -> Resident:
        """Register a resident with family and accounts; consent recorded (who, when, what text).
        `pending`: a resident registering themselves — stored as 待社区确认, not matched until `confirm`."""
        check_resident(resident)
        phone = identifier("phone", resident.phone, what="居民手机号")
        moment = now or _now()

        def work(session: Session) -> int:
            row = ResidentRow(
                name=resident.name.strip(), phone=phone.value, phone_raw=phone.raw[:64], phone_flags=list(phone.flags),
                age=resident.age, community=resident.community.strip(), township=resident.township.strip(),
                district=resident.district.strip(), police_station=resident.police_station.strip(),
                address=resident.address.strip(), registered_via=resident.registered_via, registered_by=actor[:64],
                consent_at=resident.consent_at or moment, consent_by=(resident.consent_by or resident.name).strip()[:64],
                consent_text=resident.consent_text or CONSENT_TEXT, status="pending" if pending else "active",
                synthetic=resident.synthetic,
                created_at=moment, updated_at=moment,
            )  # fmt: skip
            session.add(row)
            session.flush()
            _write_details(session, row, resident)
            append(session, actor=actor, action="warn.resident.register", subject=f"resident:{row.id}",
                   detail={"community": row.community, "via": row.registered_via, "status": row.status,
                           "family": len(resident.family), "accounts": len(resident.accounts)}, at=moment)  # fmt: skip
            return row.id

        return self.get(append_retrying(self.engine, work), actor=None)

    def update(
        self, resident_id: int, resident: ResidentIn, *, actor: str, community: str | None = None
    ) -> Resident:
        """Replace a resident's details, family and accounts (the registration and consent are kept)."""
        check_resident(resident)
        phone = identifier("phone", resident.phone, what="居民手机号")

        def work(session: Session) -> None:
            row = self._row(session, resident_id, community)
            row.name, row.phone, row.phone_raw, row.phone_flags = (
                resident.name.strip(),
                phone.value,
                phone.raw[:64],
                list(phone.flags),
            )
            row.age, row.community, row.township = (
                resident.age,
                resident.community.strip(),
                resident.township.strip(),
            )
            row.district, row.police_station = resident.district.strip(), resident.police_station.strip()
            row.address, row.updated_at = resident.address.strip(), _now()
            session.execute(
                delete(ResidentIdentifierRow).where(ResidentIdentifierRow.resident_id == resident_id)
            )
            session.execute(delete(ResidentFamilyRow).where(ResidentFamilyRow.resident_id == resident_id))
            _write_details(session, row, resident)
            append(session, actor=actor, action="warn.resident.update", subject=f"resident:{resident_id}",
                   detail={"community": row.community})  # fmt: skip

        append_retrying(self.engine, work)
        return self.get(resident_id, actor=None)

    def withdraw(
        self, resident_id: int, *, actor: str, reason: str = "", community: str | None = None
    ) -> Resident:
        """The resident leaves (本人申请退出): kept for the record, no longer matched."""

        def work(session: Session) -> None:
            row = self._row(session, resident_id, community)
            if row.status == "withdrawn":
                raise WarnError(f"居民 {resident_id} 已经退出")
            row.status, row.withdrawn_at, row.updated_at = "withdrawn", _now(), _now()
            append(session, actor=actor, action="warn.resident.withdraw", subject=f"resident:{resident_id}",
                   detail={"reason": reason[:200]})  # fmt: skip

        append_retrying(self.engine, work)
        return self.get(resident_id, actor=None)

    def confirm(self, resident_id: int, *, actor: str, community: str | None = None) -> Resident:
        """The community worker confirms a resident's own registration (待社区确认 → 在册), audited
        (`warn.resident.confirm`); WarnError when it is not waiting for confirmation."""

        def work(session: Session) -> None:
            row = self._row(session, resident_id, community)
            if row.status != "pending":
                raise WarnError(
                    f"居民 {resident_id} 不是待确认的自助登记（{STATUSES.get(row.status, row.status)}）"
                )
            row.status, row.updated_at = "active", _now()
            append(session, actor=actor, action="warn.resident.confirm", subject=f"resident:{resident_id}",
                   detail={"community": row.community})  # fmt: skip

        append_retrying(self.engine, work)
        return self.get(resident_id, actor=None)

    @staticmethod
    def _row(session: Session, resident_id: int, community: str | None) -> ResidentRow:
        row = session.get(ResidentRow, resident_id) if 0 < resident_id < 2**63 else None
        if row is None or (community is not None and row.community != community):
            raise WarnNotFound(f"没有编号为 {resident_id} 的居民")
        return row

    def get(self, resident_id: int, *, actor: str | None, community: str | None = None) -> Resident:
        """One resident in full; WarnNotFound if absent or in another community. With `actor`, the
        access is audited (`warn.resident.view`)."""
        with Session(self.engine) as session:
            row = self._row(session, resident_id, community)
            family = session.scalars(
                select(ResidentFamilyRow)
                .where(ResidentFamilyRow.resident_id == resident_id)
                .order_by(ResidentFamilyRow.id)
            ).all()
            idents = session.scalars(
                select(ResidentIdentifierRow)
                .where(
                    ResidentIdentifierRow.resident_id == resident_id, ResidentIdentifierRow.whose == "account"
                )
                .order_by(ResidentIdentifierRow.id)
            ).all()
            resident = _resident(row, family, idents)
            if actor is not None:
                append(session, actor=actor, action="warn.resident.view", subject=f"resident:{resident_id}")
                session.commit()
            return resident

    def list(
        self,
        *,
        community: str | None = None,
        police_station: str | None = None,
        status: str = "active",
        limit: int = 100,
        offset: int = 0,
    ) -> tuple[list[Resident], int]:
        """(residents, total) newest first; family and accounts are not read (use `get`)."""
        query = select(ResidentRow).where(ResidentRow.status == status)
        if community is not None:
            query = query.where(ResidentRow.community == community)
        if police_station is not None:
            query = query.where(ResidentRow.police_station == police_station)
        with Session(self.engine) as session:
            total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
            rows = session.scalars(query.order_by(ResidentRow.id.desc()).limit(limit).offset(offset)).all()
            return [_resident(r, [], []) for r in rows], int(total)


def _resident(
    row: ResidentRow, family: Sequence[ResidentFamilyRow], accounts: Sequence[ResidentIdentifierRow]
) -> Resident:
    return Resident(
        id=row.id, name=row.name, phone=Identifier("phone", row.phone, row.phone_raw, tuple(row.phone_flags)),
        age=row.age, community=row.community, township=row.township, district=row.district,
        police_station=row.police_station, address=row.address,
        accounts=tuple(Identifier(a.kind, a.value, a.raw, tuple(a.flags)) for a in accounts),
        family=tuple(
            Family(f.id, f.name, f.relation,
                   Identifier("phone", f.phone, f.phone_raw, tuple(f.phone_flags)) if f.phone else None, f.age, f.notify)
            for f in family
        ),
        registered_via=row.registered_via, registered_by=row.registered_by, consent_at=from_db(row.consent_at),
        consent_by=row.consent_by, consent_text=row.consent_text, status=row.status, synthetic=row.synthetic,
        created_at=from_db(row.created_at),
    )  # fmt: skip
