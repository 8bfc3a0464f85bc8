"""Findings and citizens' reports per institution: the office's list (each institution with its claims,
findings by rule, amount at stake and open reports side by side), one institution's monthly trend, the
claims it has to correct, and which known institution a place typed by a citizen names."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from fanzha.audit.log import append, append_retrying
from fanzha.claims.office.model import InstitutionSummary, NotFound, RuleCount, rule_names
from fanzha.store.claims_tables import ClaimFindingRow, ClaimInstitutionRow, ClaimReportRow, ClaimResultRow

MIN_MATCH = 4  # a typed place and an institution's name match when one holds the other and is this long


@dataclass(frozen=True, slots=True)
class FindingLine:
    rule: str
    rule_name: str
    item_refs: tuple[str, ...]
    amount_fen: int
    explanation: str


@dataclass(frozen=True, slots=True)
class FlaggedClaim:
    """A claim the institution has to correct, with its findings."""

    run_id: int
    claim_id: str
    patient_id: str
    admitted: date | None
    discharged: date | None
    total_fen: int
    at_stake_fen: int
    findings: tuple[FindingLine, ...]


def list_institutions(engine: Engine, *, institution_id: str | None = None) -> list[InstitutionSummary]:
    """Every known institution (or one), most money at stake first, with its findings and reports."""
    names = rule_names()
    with Session(engine) as session:
        known = select(ClaimInstitutionRow)
        claims = select(
            ClaimResultRow.institution_id, func.count(), func.count().filter(ClaimResultRow.findings > 0),
            func.coalesce(func.sum(ClaimResultRow.findings), 0), func.coalesce(func.sum(ClaimResultRow.at_stake_fen), 0),
        ).group_by(ClaimResultRow.institution_id)  # fmt: skip
        rules = select(
            ClaimFindingRow.institution_id, ClaimFindingRow.rule, func.count(), func.sum(ClaimFindingRow.amount_fen)
        ).group_by(ClaimFindingRow.institution_id, ClaimFindingRow.rule)  # fmt: skip
        tips = select(ClaimReportRow.institution_id, ClaimReportRow.status, func.count()).group_by(
            ClaimReportRow.institution_id, ClaimReportRow.status
        )
        if institution_id is not None:
            known = known.where(ClaimInstitutionRow.id == institution_id)
            claims = claims.where(ClaimResultRow.institution_id == institution_id)
            rules = rules.where(ClaimFindingRow.institution_id == institution_id)
            tips = tips.where(ClaimReportRow.institution_id == institution_id)
        institutions = list(session.scalars(known))
        counts = {row[0]: row[1:] for row in session.execute(claims)}
        by_rule: dict[str, list[RuleCount]] = defaultdict(list)
        for inst, rule, n, amount in session.execute(rules):
            by_rule[inst].append(RuleCount(rule, names.get(rule, rule), n, int(amount or 0)))
        open_tips: dict[str | None, int] = defaultdict(int)
        all_tips: dict[str | None, int] = defaultdict(int)
        for tip_place, status, n in session.execute(tips):
            all_tips[tip_place] += n
            open_tips[tip_place] += n if status != "closed" else 0
    out = []
    for row in institutions:
        n, flagged, found, stake = counts.get(row.id, (0, 0, 0, 0))
        ranked = tuple(sorted(by_rule[row.id], key=lambda r: (-r.amount_fen, r.rule)))
        out.append(InstitutionSummary(
            row.id, row.name, n, flagged, int(found), int(stake), ranked, open_tips[row.id], all_tips[row.id], row.demo
        ))  # fmt: skip
    return sorted(out, key=lambda s: (-s.at_stake_fen, -s.open_tips, s.id))


def get_institution(engine: Engine, *, institution_id: str) -> InstitutionSummary:
    found = list_institutions(engine, institution_id=institution_id)
    if not found:
        raise NotFound(f"没有编号为“{institution_id}”的医疗机构")
    return found[0]


def monthly_trend(engine: Engine, *, institution_id: str) -> list[tuple[str, int, int]]:
    """(month 2026-03, findings, amount in fen) for each month from the first finding to the last."""
    with Session(engine) as session:
        rows = session.execute(
            select(ClaimFindingRow.day, func.count(), func.sum(ClaimFindingRow.amount_fen))
            .where(ClaimFindingRow.institution_id == institution_id, ClaimFindingRow.day.is_not(None))
            .group_by(ClaimFindingRow.day)
        ).all()
    months: dict[tuple[int, int], list[int]] = defaultdict(lambda: [0, 0])
    for day, n, amount in rows:
        assert day is not None  # the query leaves days out that are not known
        months[(day.year, day.month)][0] += n
        months[(day.year, day.month)][1] += int(amount or 0)
    if not months:
        return []
    (y, m), last = min(months), max(months)
    out = []
    while (y, m) <= last:
        n, amount = months.get((y, m), [0, 0])
        out.append((f"{y}-{m:02d}", n, amount))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def flagged_claims(
    engine: Engine, *, institution_id: str, run_id: int | None = None, limit: int = 1000
) -> tuple[list[FlaggedClaim], int]:
    """The institution's claims with findings (most at stake first, up to `limit`) and how many there are."""
    names = rule_names()
    where = [ClaimResultRow.institution_id == institution_id, ClaimResultRow.findings > 0]
    if run_id is not None:
        where.append(ClaimResultRow.run_id == run_id)
    with Session(engine) as session:
        total = session.scalar(select(func.count()).select_from(ClaimResultRow).where(*where)) or 0
        rows = list(session.scalars(
            select(ClaimResultRow).where(*where)
            .order_by(ClaimResultRow.at_stake_fen.desc(), ClaimResultRow.run_id, ClaimResultRow.seq).limit(limit)
        ))  # fmt: skip
        lines: dict[tuple[int, int], list[FindingLine]] = defaultdict(list)
        for run in {r.run_id for r in rows}:
            seqs = [r.seq for r in rows if r.run_id == run]
            for i in range(0, len(seqs), 500):
                for f in session.scalars(
                    select(ClaimFindingRow)
                    .where(ClaimFindingRow.run_id == run, ClaimFindingRow.seq.in_(seqs[i : i + 500]))
                    .order_by(ClaimFindingRow.id)
                ):
                    lines[(run, f.seq)].append(FindingLine(
                        f.rule, names.get(f.rule, f.rule), tuple(f.item_refs), f.amount_fen, f.explanation
                    ))  # fmt: skip
    return [
        FlaggedClaim(r.run_id, r.claim_id, r.patient_id, r.admitted, r.discharged, r.total_fen, r.at_stake_fen,
                     tuple(lines[(r.run_id, r.seq)]))
        for r in rows
    ], total  # fmt: skip


def log_view(engine: Engine, *, institution_id: str, viewer: str) -> None:
    """Write to the audit log that `viewer` opened the institution's claims (patient ids in full)."""

    def work(session: Session) -> None:
        append(
            session,
            actor=viewer[:64],
            action="claims.institution.view",
            subject=f"institution:{institution_id}",
        )

    append_retrying(engine, work)


def match_institution(engine: Engine, *, place: str) -> str | None:
    """The known institution a typed place names: its id or name exactly, else a name of at least
    `MIN_MATCH` characters that holds or is held by the place (the longest such name); None otherwise."""
    text = "".join(place.split())
    if not text:
        return None
    with Session(engine) as session:
        rows = session.execute(select(ClaimInstitutionRow.id, ClaimInstitutionRow.name)).all()
    best: tuple[int, str] | None = None
    for inst, name in rows:
        name = "".join(name.split())
        if text in (inst, name):
            return str(inst)
        holds = name in text or (len(text) >= MIN_MATCH and text in name)
        if len(name) >= MIN_MATCH and holds and (best is None or len(name) > best[0]):
            best = (len(name), inst)
    return best[1] if best else None
