"""The audit: every rule over every claim, in the order the claims arrive (two rules look across claims:
stock and overlapping stays). `Auditor.audit` takes a `Claim` or its JSON object; `audit_many` takes many
and gives the same results faster (`fanzha.claims.batch`); `audit_lines` streams JSONL the same way — a
line that cannot be read yields a `ClaimResult` with `error` (and the claim_id if it could be read), never
stops the run. `result_json` is the output line of `fanzha claims audit`.

Claims are read by `fanzha.claims.rows.ClaimReader` (typed rows checked in C; JSONL lines decoded straight
into them), and by `read_claim` when the fast reader does not vouch for one: the same findings and messages
either way (speed: benchmarks/README.md, `claims`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime
from itertools import islice
from typing import Any

import orjson

from fanzha.claims.batch import BatchTables, ClaimBatch, Head
from fanzha.claims.catalogue import Catalogue, default_catalogue
from fanzha.claims.model import Claim, ClaimError, ClaimResult, Finding, StockRecord
from fanzha.claims.parse import Bounds
from fanzha.claims.rows import ClaimReader, ClaimRow
from fanzha.claims.rules import make_rules
from fanzha.claims.view import ClaimView, read_claim

MAX_LINE = 5_000_000  # bytes of one JSONL line
BATCH = 512  # claims audited side by side (larger batches lose more to the memory cache than they save)
Pending = tuple[ClaimRow, Head, Any]  # a claim read fast, and its source (to audit it alone if need be)


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
        self.tables = BatchTables(self.catalogue)
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

    def audit_many(
        self, claims: Iterable[Claim | dict[str, Any]], *, batch: int = BATCH
    ) -> Iterator[ClaimResult]:
        """`audit` of each claim, in order — the same results, found many claims at a time
        (`fanzha.claims.batch`): the way to audit a file's worth of claims."""
        reader = self.reader
        for chunk in _chunks(claims, batch):
            plain = [type(claim) is dict and _plain_lists(claim) for claim in chunk]
            rows = iter(reader.rows([claim for claim, ok in zip(chunk, plain, strict=True) if ok]))
            pending: list[Pending] = []
            for claim, ok in zip(chunk, plain, strict=True):
                row = next(rows) if ok else None
                head = None if row is None else reader.head(row)
                if row is None or head is None:
                    yield from self._flush(pending, self.audit)
                    yield self.audit(claim)
                else:
                    pending.append((row, head, claim))
            yield from self._flush(pending, self.audit)

    def audit_lines(self, lines: Iterable[bytes | str], *, batch: int = BATCH) -> Iterator[ClaimResult]:
        """One result per non-blank JSONL line, in order (many claims at a time, as `audit_many`)."""
        pending: list[Pending] = []
        audit_line = self._audit_line
        for number, line in enumerate(lines, 1):
            if not line or line.isspace():
                continue
            row = self.reader.decode_row(line) if len(line) <= MAX_LINE else None
            head = None if row is None else self.reader.head(row)
            if row is None or head is None:
                yield from self._flush(pending, audit_line)
                yield audit_line((number, line))
                continue
            pending.append((row, head, (number, line)))
            if len(pending) >= batch:
                yield from self._flush(pending, audit_line)
        yield from self._flush(pending, audit_line)

    def _audit_line(self, numbered: tuple[int, bytes | str]) -> ClaimResult:
        """One line read and audited on its own, its errors named by line number."""
        number, line = numbered
        if len(line) > MAX_LINE:
            self.bad += 1
            return ClaimResult(claim_id="", error=f"第{number}行超过 {MAX_LINE:,} 字节")
        try:
            obj = orjson.loads(line)
        except orjson.JSONDecodeError:
            self.bad += 1
            return ClaimResult(claim_id="", error=f"第{number}行不是有效的 JSON")
        result = self.audit(obj)
        if result.error:
            result = ClaimResult(claim_id=result.claim_id, error=f"第{number}行：{result.error}")
        return result

    def _flush(self, pending: list[Pending], alone: Callable[[Any], ClaimResult]) -> list[ClaimResult]:
        """The pending claims audited side by side (and the list emptied); one whose items the fast reader
        does not vouch for is audited on its own (`alone(its source)`), in its place (the rules that look
        across claims see them in order)."""
        todo, results = pending[:], []
        pending.clear()
        while todo:
            columns, counts, odd = self.reader.columns([row for row, _, _ in todo])
            if not odd:
                results += self._audit_batch(
                    ClaimBatch([h for _, h, _ in todo], columns, counts, self.tables)
                )
                break
            first = odd[0]
            if first:
                results += self._flush(todo[:first], alone)
            results.append(alone(todo[first][2]))
            todo = todo[first + 1 :]
        return results

    def _audit_batch(self, batch: ClaimBatch) -> list[ClaimResult]:
        found: dict[int, list[Finding]] = {}
        for rule in self.rules:  # in report order: a claim's findings come out as `audit_view` gives them
            for i, findings in rule.check_batch(batch).items():
                found.setdefault(i, []).extend(findings)
        self.audited += batch.n
        none: tuple[Finding, ...] = ()
        return [
            ClaimResult(claim_id, institution.id, institution.name, patient_id, admitted, discharged,
                        round(charged, 2), tuple(found[i]) if i in found else none)
            for i, ((claim_id, institution, patient_id, admitted, discharged), charged)
            in enumerate(zip(batch.heads, batch.totals(), strict=True))
        ]  # fmt: skip


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Lists of `size` items (the last one shorter), in order (itertools.batched from Python 3.12)."""
    them = iter(items)
    while chunk := list(islice(them, size)):
        yield chunk


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
