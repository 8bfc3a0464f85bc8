"""Key persons (重点管控人员): suspects, persons under control, returnees from fraud hubs abroad, and
money mules, with the identifiers known to be theirs — and the cases those identifiers appear in."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import Engine, and_, or_, select
from sqlalchemy.orm import Session

from fanzha.audit.log import append, append_retrying
from fanzha.cases.model import CaseIdentifier, fits_id
from fanzha.cases.repository import CaseError, clean_identifiers
from fanzha.store.case_tables import CaseIdentifierRow, CaseRow, KeyPersonRow

CATEGORIES = {
    "suspect": "犯罪嫌疑人",
    "controlled": "重点管控人员",
    "returnee": "涉诈回流人员",
    "mule": "涉案账户持有人",
}


@dataclass(slots=True)
class KeyPerson:
    id: int
    name: str
    category: str
    id_number: str = ""
    district: str = ""
    note: str = ""
    identifiers: list[CaseIdentifier] = field(default_factory=list)
    cases: list[tuple[int, str, str]] = field(default_factory=list)  # (case id, ref, the identifier)


class PersonStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def add(
        self,
        *,
        name: str,
        category: str,
        actor: str,
        identifiers: list[CaseIdentifier] | None = None,
        id_number: str = "",
        district: str = "",
        note: str = "",
    ) -> KeyPerson:
        if category not in CATEGORIES:
            raise CaseError(f"不支持的人员类别：{category}（可选：{', '.join(CATEGORIES)}）")
        if not name.strip():
            raise CaseError("请填写姓名")
        cleaned = clean_identifiers(identifiers or [])

        def work(session: Session) -> int:
            row = KeyPersonRow(
                name=name.strip()[:64], category=category, id_number=id_number.strip()[:32],
                district=district[:64], note=note, officer=actor[:64], created_at=datetime.now(UTC),
                identifiers=[{"kind": i.kind, "value": i.value} for i in cleaned],
            )  # fmt: skip
            session.add(row)
            session.flush()
            append(session, actor=actor, action="person.add", subject=f"person:{row.id}",
                   detail={"category": category, "identifiers": len(cleaned)})  # fmt: skip
            return row.id

        person = self.get(append_retrying(self.engine, work))
        assert person is not None
        return person

    def get(self, person_id: int) -> KeyPerson | None:
        if not fits_id(person_id):
            return None
        with Session(self.engine) as session:
            row = session.get(KeyPersonRow, person_id)
            return None if row is None else self._person(session, row)

    def all(self, *, category: str | None = None, limit: int = 200) -> list[KeyPerson]:
        with Session(self.engine) as session:
            query = select(KeyPersonRow).order_by(KeyPersonRow.id.desc()).limit(limit)
            if category:
                query = query.where(KeyPersonRow.category == category)
            return [self._person(session, r) for r in session.scalars(query)]

    def of_case(self, case_id: int) -> list[KeyPerson]:
        """Key persons holding any identifier named in the case."""
        with Session(self.engine) as session:
            named = set(
                session.execute(
                    select(CaseIdentifierRow.kind, CaseIdentifierRow.value).where(
                        CaseIdentifierRow.case_id == case_id
                    )
                )
            )
            return [
                self._person(session, r)
                for r in session.scalars(select(KeyPersonRow))
                if any((i["kind"], i["value"]) in named for i in r.identifiers)
            ]

    @staticmethod
    def _person(session: Session, row: KeyPersonRow) -> KeyPerson:
        idents = [CaseIdentifier(i["kind"], i["value"]) for i in row.identifiers]
        cases: list[tuple[int, str, str]] = []
        if idents:
            match = or_(
                *(and_(CaseIdentifierRow.kind == i.kind, CaseIdentifierRow.value == i.value) for i in idents)
            )
            query = (
                select(CaseRow.id, CaseRow.ref, CaseIdentifierRow.kind, CaseIdentifierRow.value)
                .join(CaseIdentifierRow, CaseIdentifierRow.case_id == CaseRow.id)
                .where(match)
                .order_by(CaseRow.id)
                .limit(500)
            )
            cases = [(cid, ref, f"{kind}:{value}") for cid, ref, kind, value in session.execute(query)]
        return KeyPerson(row.id, row.name, row.category, row.id_number, row.district, row.note, idents, cases)
