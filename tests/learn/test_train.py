"""What `fanzha train` records about its training data for the engine."""

from __future__ import annotations

from fanzha.learn.dataset import Example
from fanzha.learn.train import template_only_types


def test_a_type_seen_only_in_synthetic_templates_is_recorded_as_such() -> None:
    train = [
        Example("syn-shopping-0", "低价手机私下交易", "shopping"),
        Example("syn-loan-0", "无抵押贷款先交手续费", "loan"),
        Example("c-1", "贷款需要先交保证金", "loan"),  # the corpus has loans too
        Example("real-7", "征信修复联系我", "credit_record"),  # a real SMS of its own type
    ]
    assert template_only_types(train, ["credit_record", "loan", "shopping"]) == ["shopping"]
