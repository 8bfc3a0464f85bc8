from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta

import pytest
from sqlalchemy import Engine, insert

from fanzha.outreach.model import NotFound, OutreachError
from fanzha.outreach.quiz_sessions import (
    create_session,
    get_session,
    list_sessions,
    recent_rising,
    scoreboard,
    submit,
)
from fanzha.reports.periods import parse_period
from fanzha.store.report_tables import BulletinRow
from fanzha.timezones import BEIJING


def _session(engine: Engine, **over: object) -> int:
    fields: dict = dict(title="反诈知识竞答", venue_kind="学校", created_by="幸福里社区", place="城关一中",
                        community="幸福里社区", host="城关派出所", participants=40, count=5, seed=3)  # fmt: skip
    return create_session(engine, **(fields | over)).id


def test_a_session_keeps_its_questions_as_asked_and_scores_answers(registered: Engine) -> None:
    session_id = _session(registered)
    s = get_session(registered, session_id=session_id)
    assert len(s.questions) == 5 and s.attempts == 0 and s.average is None
    answers = [q.answer for q in s.questions[:3]] + [None]
    attempt = submit(registered, session_id=session_id, answers=answers, nickname="小明")
    assert (attempt.score, attempt.total, attempt.right) == (3, 5, [True, True, True, False, False])
    submit(registered, session_id=session_id, answers=[q.answer for q in s.questions])
    again = get_session(registered, session_id=session_id)
    assert again.attempts == 2 and again.average == pytest.approx(0.8)
    assert scoreboard(registered, session_id=session_id) == [("匿名", 5, 5), ("小明", 3, 5)]


def test_sessions_are_seen_only_by_their_community_and_public_ones_by_everyone(registered: Engine) -> None:
    private = _session(registered)
    public = _session(registered, public=True, venue_kind="公开", community="")
    with pytest.raises(NotFound):
        get_session(registered, session_id=private, community="东风社区")
    with pytest.raises(NotFound):
        submit(registered, session_id=private, answers=[0], public_only=True)
    assert [s.id for s in list_sessions(registered, public_only=True)] == [public]
    assert [s.id for s in list_sessions(registered, community="幸福里社区")] == [private]


@pytest.mark.parametrize(
    ("over", "message"),
    [({"venue_kind": "酒吧"}, "场所类型须为"), ({"count": 99}, "1 到 50"), ({"title": ""}, "请填写竞答名称"),
     ({"participants": -3}, "参加人数不能为负数")],
)  # fmt: skip
def test_bad_sessions_are_refused(registered: Engine, over: dict, message: str) -> None:
    with pytest.raises(OutreachError, match=message):
        _session(registered, **over)


def test_answers_out_of_range_are_refused(registered: Engine) -> None:
    session_id = _session(registered)
    with pytest.raises(OutreachError, match="第1题的答案超出选项范围"):
        submit(registered, session_id=session_id, answers=[7])
    with pytest.raises(OutreachError, match="多于题目数量"):
        submit(registered, session_id=session_id, answers=[0] * 6)
    with pytest.raises(OutreachError, match="昵称过长"):
        submit(registered, session_id=session_id, answers=[0], nickname="长" * 40)


def test_sessions_ask_first_about_the_types_rising_in_the_latest_bulletin(
    registered: Engine, case_adder: Callable[..., None]
) -> None:
    week = parse_period("2026-W47")
    for i in range(12):
        at = datetime.combine(week.start, time(10), BEIJING) + timedelta(hours=i)
        case_adder(registered, ref=f"R{i}", at=at, district="城关区", place="家中", fraud_type="rebate_task")
    with registered.begin() as conn:
        conn.execute(
            insert(BulletinRow).values(
                period=week.label, issuer="江州市反诈中心", typical=[], issued_by="JZ1001",
                issued_at=datetime(2026, 11, 24, tzinfo=UTC), audit_seq=1, audit_hash="0" * 64, digest="0" * 64,
                html="<p></p>", pdf=b"%PDF-",
            )
        )  # fmt: skip
    assert recent_rising(registered) == [("2026年第47周", "rebate_task")]
    s = get_session(registered, session_id=_session(registered))
    first = s.questions[0]
    assert first.kind == "rising" and first.options[first.answer] == "刷单返利、做任务"
    assert (
        get_session(registered, session_id=_session(registered, from_bulletins=False)).questions[0].kind
        != "rising"
    )
