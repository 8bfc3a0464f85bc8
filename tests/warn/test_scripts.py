from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest

from fanzha.taxonomy import load_taxonomy
from fanzha.warn import EventIn, WarnService
from fanzha.warn.scripts import call_script, sms_text

Person = Callable[..., Any]


@pytest.mark.parametrize("fraud_type", ["impersonate_authority", "rebate_task", None])
def test_the_call_script_and_the_sms_follow_the_fraud_type(
    warn: WarnService, person: Person, fraud_type: str | None
) -> None:
    warn.residents.register(person(), actor="社区张")
    at = datetime(2026, 11, 6, tzinfo=UTC)
    warn.record_event(
        EventIn(kind="call", resident="13800138000", other_kind="phone", other="17012345678", at=at)
    )
    [task_id] = warn.flag(
        kind="phone", value="17012345678", level="confirmed", source="import", fraud_type=fraud_type
    )
    task = warn.tasks.get(task_id)
    script, sms = "".join(call_script(task)), sms_text(task)
    name = load_taxonomy().get(fraud_type).name if fraud_type else "电信网络诈骗"
    assert "96110" in script and name in script and name in sms
    assert "170****5678" in script and "17012345678" not in sms
    if fraud_type:
        assert load_taxonomy().get(fraud_type).advice in script
    assert sms.startswith("【反诈预警】") and "http" not in sms and len(sms) < 200
