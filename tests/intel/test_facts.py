from __future__ import annotations

import pytest

from fanzha.intel.facts import number_facts


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("13800138000", {"carrier": "中国移动", "region": "北京市", "virtual_operator": False}),
        ("17012345678", {"virtual_operator": True}),
        ("+85261234567", {"foreign": True, "region": "香港"}),
        ("0095588", {"imitates": "95588"}),
        ("+95588", {"imitates": "95588"}),
        ("95588", {"organisation": "中国工商银行"}),
    ],
)
def test_number_facts(value: str, expected: dict[str, object]) -> None:
    facts = number_facts(value)
    assert expected.items() <= facts.items(), facts
