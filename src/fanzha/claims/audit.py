"""The audit: every rule over every claim, in the order the claims arrive (two rules look across claims:
stock and overlapping stays). `Auditor.audit` takes a `Claim` or its JSON object; `audit_lines` streams
JSONL — a line that cannot be read yields a `ClaimResult` with `error` (and the claim_id if it could be
read), never stops the run. `result_json` is the output line of `fanzha claims audit`.

Claims are read by `fanzha.claims.rows.ClaimReader` (typed rows checked in C; JSONL lines decoded straight
into them), and by `read_claim` when the fast reader does not vouch for one: the same findings and messages
either way (speed: benchmarks/README.md, `claims`)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from typing import Any

import orjson

from fanzha.claims.catalogue import Catalogue, default_catalogue
from fanzha.claims.model import Claim, ClaimError, ClaimResult, Finding, StockRecord
from fanzha.claims.parse import Bounds
from fanzha.claims.rows import ClaimReader
from fanzha.claims.rules import make_rules
from fanzha.claims.view import ClaimView, read_claim

MAX_LINE = 5_000_000  # bytes of one JSONL line


class Auditor:
    """Audits claims against a catalogue (default: the shipped sample) and stock records.

    One auditor is one audit run: the streaming rules remember the claims seen before."""

    def __init__(
        self,
        *,
        catalogue: Catalogue | None = None,
        stock: Sequence[StockRecord] = (),
        now: datetime | None = None,
    ) -> None:
        self.catalogue = catalogue if catalogue is not None else default_catalogue()
        self.rules = make_rules(catalogue=self.catalogue, stock=stock)
        self.checks = [rule.check for rule in self.rules]
        self.bounds = Bounds.now(now)
        self.reader = ClaimReader(bounds=self.bounds, catalogue=self.catalogue)
        self.audited = 0
        self.bad = 0

    def audit(self, claim: Claim | dict[str, Any]) -> ClaimResult:
        """The findings on one claim; a dict is read first (a bad one → a result with `error`)."""
        if isinstance(claim, Claim):
            return self.audit_view(ClaimView.of(claim, self.catalogue))
        view = self.reader.read(claim) if type(claim) is dict and _plain_lists(claim) else None
        if view is None:
            try:
                view = read_claim(claim, bounds=self.bounds, catalogue=self.catalogue)
            except ClaimError as exc:
                self.bad += 1
                return ClaimResult(claim_id=_claim_id(claim), error=str(exc))
        return self.audit_view(view)

    def audit_view(self, view: ClaimView) -> ClaimResult:
        findings: list[Finding] = []
        for check in self.checks:
            found = check(view)
            if found:
                findings += found
        self.audited += 1
        institution = view.institution
        return ClaimResult(view.claim_id, institution.id, institution.name, view.patient_id, view.admitted,
                           view.discharged, round(view.total, 2), tuple(findings))  # fmt: skip

    def audit_lines(self, lines: Iterable[bytes | str]) -> Iterator[ClaimResult]:
        """One result per non-blank JSONL line, in order."""
        for number, line in enumerate(lines, 1):
            if not line or line.isspace():
                continue
            if len(line) > MAX_LINE:
                self.bad += 1
                yield ClaimResult(claim_id="", error=f"第{number}行超过 {MAX_LINE:,} 字节")
                continue
            view = self.reader.decode(line)
            if view is not None:
                yield self.audit_view(view)
                continue
            try:
                obj = orjson.loads(line)
            except orjson.JSONDecodeError:
                self.bad += 1
                yield ClaimResult(claim_id="", error=f"第{number}行不是有效的 JSON")
                continue
            result = self.audit(obj)
            if result.error:
                result = ClaimResult(claim_id=result.claim_id, error=f"第{number}行：{result.error}")
            yield result


def _plain_lists(obj: dict[str, Any]) -> bool:
    """The lists of a decoded claim are lists, as JSON makes them (a tuple or set is `read_claim`'s to refuse)."""
    institution = obj.get("institution")
    if type(obj.get("items")) is not list or type(institution) is not dict:
        return False
    services, kit = institution.get("licensed_services"), institution.get("equipment")
    return (not services or type(services) is list) and (not kit or type(kit) is list)


def _claim_id(obj: object) -> str:
    value = obj.get("claim_id") if isinstance(obj, dict) else None
    return value[:128] if isinstance(value, str) else ""


def result_json(result: ClaimResult) -> dict[str, Any]:
    """The output line of `fanzha claims audit`: `{claim_id, findings: [{rule, item_refs, amount,
    explanation}]}`, or `{claim_id, error}` for a claim that could not be read."""
    if result.error:
        return {"claim_id": result.claim_id, "error": result.error}
    return {
        "claim_id": result.claim_id,
        "findings": [
            {"rule": f.rule, "item_refs": list(f.item_refs), "amount": f.amount, "explanation": f.explanation}
            for f in result.findings
        ],
    }


def result_line(result: ClaimResult) -> bytes:
    return orjson.dumps(result_json(result), option=orjson.OPT_APPEND_NEWLINE)
