"""Auditing many claims at once (`Auditor.audit_many`, `audit_lines`, `fanzha.claims.batch`): the same
results as auditing them one by one — on generated claims with every kind of violation, across batch
boundaries and for the rules that look across claims, with odd claims (read by the checked path, or
refused) in between — and the integer ids the batch arrays stand on."""

from __future__ import annotations

import random
from types import SimpleNamespace

import orjson
import pytest

from fanzha.claims import Auditor, parse_claim
from fanzha.claims import batch as batch_module
from fanzha.claims.batch import Ids
from fanzha.claims.generate import ClaimGenerator


@pytest.mark.parametrize(("seed", "violations", "size"), [(11, 1.0, 2_048), (12, 0.3, 97), (13, 1.0, 1)])
def test_many_claims_are_audited_as_one_by_one(seed: int, violations: float, size: int) -> None:
    generator = ClaimGenerator(n=3_000, seed=seed, violations=violations)
    claims = list(generator.claims())
    one_by_one = Auditor(stock=generator.stock)
    expected = [one_by_one.audit(claim) for claim in claims]
    many = Auditor(stock=generator.stock)
    assert list(many.audit_many(claims, batch=size)) == expected
    assert (many.audited, many.bad) == (one_by_one.audited, one_by_one.bad) == (3_000, 0)
    found = {f.rule for r in expected for f in r.findings}
    assert len(found) == 8  # every rule found something: the batch path was tried on each


def test_odd_claims_among_many_are_audited_in_their_place(kit: SimpleNamespace) -> None:
    generator = ClaimGenerator(n=400, seed=21, violations=0.6)
    claims: list[object] = list(generator.claims())
    odd = kit.changed(kit.generated(12, seed=22), seed=22)  # text for numbers, blanks, bad days, no items …
    rng = random.Random(23)
    for claim in odd:
        claims.insert(rng.randrange(len(claims)), claim)
    claims.insert(5, parse_claim(kit.make_claim([("110900001", "2026-03-01")])))  # a typed Claim
    one_by_one = Auditor(stock=generator.stock)
    expected = [one_by_one.audit(claim) for claim in claims]  # type: ignore[arg-type]
    many = Auditor(stock=generator.stock)
    assert list(many.audit_many(claims, batch=64)) == expected  # type: ignore[arg-type]
    assert (many.audited, many.bad) == (one_by_one.audited, one_by_one.bad)
    assert one_by_one.bad > 100 and one_by_one.audited > 400


def test_lines_among_bad_lines_are_audited_as_one_by_one(kit: SimpleNamespace) -> None:
    generator = ClaimGenerator(n=300, seed=31, violations=0.6)
    lines: list[bytes | str] = [orjson.dumps(c) for c in generator.claims()]
    lines[10:10] = [b"", b"{not json", b"[1]", b"   "]
    lines[200:200] = [orjson.dumps(c) for c in kit.changed(kit.generated(3, seed=32), seed=32)]
    lines.append(lines[0].decode())  # type: ignore[union-attr]
    expected = []
    one_by_one = Auditor(stock=generator.stock)
    for number, line in enumerate(lines, 1):
        if line.strip():
            expected.append(one_by_one._audit_line((number, line)))
    many = Auditor(stock=generator.stock)
    assert list(many.audit_lines(lines, batch=50)) == expected
    assert (many.audited, many.bad) == (one_by_one.audited, one_by_one.bad)


def test_ids_are_stable_and_columns_grow_with_them() -> None:
    ids = Ids()
    assert ids.of(["a", "b", "a"]).tolist() == [0, 1, 0]
    assert ids.column("upper", str.upper, object).tolist() == ["A", "B"]
    assert ids.of(["c", "b"]).tolist() == [2, 1]
    assert ids.column("upper", str.upper, object).tolist() == ["A", "B", "C"]


def test_a_run_of_many_distinct_values_starts_its_ids_again_and_finds_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(batch_module, "MAX_IDS", 50)  # the generator's claims name more codes and days
    generator = ClaimGenerator(n=1_000, seed=41, violations=0.5)
    claims = list(generator.claims())
    one_by_one = Auditor(stock=generator.stock)
    expected = [one_by_one.audit(claim) for claim in claims]
    many = Auditor(stock=generator.stock)
    results = many.audit_many(claims, batch=100)
    assert [next(results) for _ in range(150)] == expected[:150]
    tables = many.tables
    assert list(results) == expected[150:]
    assert many.tables is tables and len(tables.days.values) < len(
        {i["date"] for c in claims for i in c["items"]}
    )
