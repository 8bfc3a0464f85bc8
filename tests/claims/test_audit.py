"""The audit: every rule on every claim, streaming JSONL with bad lines kept as errors (with the claim_id
when it could be read), and the output line of `fanzha claims audit`."""

from __future__ import annotations

from types import SimpleNamespace

import orjson

from fanzha.claims import Auditor, describe_rules, parse_claim, result_json
from fanzha.claims.rules import RULE_IDS


def test_a_claim_and_its_json_are_audited_alike(kit: SimpleNamespace) -> None:
    obj = kit.make_claim([("210300002", "2026-03-01", 1, 260.0), ("110900001", "2026-03-01")])
    from_json, from_claim = Auditor().audit(obj), Auditor().audit(parse_claim(obj))
    assert from_json == from_claim
    assert from_json.total == 310.0 and from_json.at_stake == 60.0
    assert result_json(from_json) == {
        "claim_id": "c-1",
        "findings": [
            {"rule": "price_above_standard", "item_refs": ["1"], "amount": 60.0,
             "explanation": from_json.findings[0].explanation},
        ],
    }  # fmt: skip


def test_bad_lines_yield_errors_and_the_run_goes_on(kit: SimpleNamespace) -> None:
    good = orjson.dumps(kit.make_claim([("210300002", "2026-03-01")]))
    bad_item = orjson.dumps(kit.make_claim([("210300002", "2026-03-01", -2)], claim_id="c-bad"))
    lines = [good, b"", b"{not json", bad_item, b"[1]", good.decode()]
    auditor = Auditor()
    results = list(auditor.audit_lines(lines))
    assert [(r.claim_id, bool(r.error)) for r in results] == [
        ("c-1", False), ("", True), ("c-bad", True), ("", True), ("c-1", False),
    ]  # fmt: skip
    assert results[1].error == "第3行不是有效的 JSON"
    assert results[2].error.startswith("第4行：项目 1的数量（qty）")
    assert result_json(results[2]) == {"claim_id": "c-bad", "error": results[2].error}
    assert (auditor.audited, auditor.bad) == (2, 3)


def test_every_rule_is_described_in_chinese() -> None:
    described = describe_rules()
    assert [r["id"] for r in described] == list(RULE_IDS) and len(RULE_IDS) == 8
    assert all(r["name"] and "涉及金额" in r["description"] for r in described)
