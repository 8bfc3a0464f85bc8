"""The figures per community other areas read, with a frozen clock (every time given)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from fanzha.warn import EventIn, WarnService
from fanzha.warn.stats import WARN_IN_TIME, CommunityWarnFigures, community_figures

START = datetime(2026, 11, 1, tzinfo=UTC)
END = datetime(2026, 12, 1, tzinfo=UTC)
Person = Callable[..., Any]


def test_figures_count_registrations_tasks_and_warnings_in_time(warn: WarnService, person: Person) -> None:
    before = START - timedelta(days=10)
    warn.residents.register(person(phone="13800138000"), actor="社区张", now=before)
    warn.residents.register(person(phone="13700137000"), actor="社区张", now=START + timedelta(days=1))
    warn.residents.register(
        person(phone="13600136000", community="南湖村"), actor="社区张", now=START + timedelta(days=2)
    )
    at = START + timedelta(days=3)
    for phone in ("13800138000", "13700137000"):
        warn.record_event(
            EventIn(kind="call", resident=phone, other_kind="phone", other="17012345678", at=at)
        )
    tasks = warn.flag(kind="phone", value="17012345678", level="confirmed", source="import", now=at)
    warn.tasks.record_outcome(
        tasks[0], outcome="prevented", method="call", by="JZ1", at=at + timedelta(hours=2)
    )
    warn.tasks.record_outcome(tasks[1], outcome="deceived", method="call", by="JZ1", at=at + WARN_IN_TIME * 2,
                              cases=__import__("fanzha.cases.repository", fromlist=["CaseStore"]).CaseStore(warn.engine))  # fmt: skip
    figures = community_figures(warn.engine, start=START, end=END)
    assert figures["幸福里社区"] == CommunityWarnFigures(
        community="幸福里社区", district="城关区", registered=2, registered_in_period=1, tasks=2, done=2,
        done_in_time=1, prevented=1, deceived=1,
    )  # fmt: skip
    assert figures["南湖村"].registered == 1 and figures["南湖村"].tasks == 0
    assert community_figures(warn.engine, start=START, end=END, district="开发区") == {}


def test_a_prevented_warning_counts_in_the_desks_dissuaded_and_prevented_loss(
    warn: WarnService, person: Person
) -> None:
    from fanzha.reports.periods import period_of
    from fanzha.web.console.desk import desk_numbers

    at = datetime(2026, 11, 6, 2, tzinfo=UTC)
    warn.residents.register(person(), actor="社区张")
    warn.record_event(EventIn(kind="payment", resident="13800138000", other_kind="bank_card",
                              other="6217000010001234567", at=at, amount=9_000, in_progress=True))  # fmt: skip
    [task] = warn.flag(
        kind="bank_card", value="6217000010001234567", level="confirmed", source="import", now=at
    )
    warn.tasks.record_outcome(
        task, outcome="prevented", method="call", by="JZ1", at=at + timedelta(minutes=20)
    )
    numbers = desk_numbers(warn.engine, period=period_of(at.date(), "day"))
    assert (numbers.dissuaded, numbers.warned_prevented, numbers.prevented_loss) == (1, 1, 9_000)


def test_the_desks_statistics_count_prevented_warnings_once_beside_the_cases(
    warn: WarnService, person: Person
) -> None:
    """`desk_stats` (the reports API, bulletins) and `trends` (`fanzha trends`): the warnings that ended
    劝阻成功 add to 劝阻数 with their amount, on the day of the outcome; a task that ended 已受骗 counts only
    as the case it opened, and a dissuaded case only as a case."""
    from fanzha.cases.model import CaseIn
    from fanzha.cases.model import Person as CasePerson
    from fanzha.cases.repository import CaseStore
    from fanzha.reports.periods import period_of
    from fanzha.reports.trends import desk_stats, trends

    at = datetime(2026, 11, 4, 2, tzinfo=UTC)  # a Wednesday
    cases = CaseStore(warn.engine)
    warn.residents.register(person(), actor="社区张")
    warn.residents.register(person("李强", "13900139000", age=30), actor="社区张")
    for resident, other in (("13800138000", "6217000010001234567"), ("13900139000", "6217000010001234568")):
        warn.record_event(EventIn(kind="payment", resident=resident, other_kind="bank_card", other=other,
                                  at=at, amount=9_000, in_progress=True))  # fmt: skip
    [prevented] = warn.flag(
        kind="bank_card", value="6217000010001234567", level="confirmed", source="import", now=at
    )
    [deceived] = warn.flag(
        kind="bank_card", value="6217000010001234568", level="confirmed", source="import", now=at
    )
    warn.tasks.record_outcome(
        prevented, outcome="prevented", method="call", by="JZ1", at=at + timedelta(days=1)
    )
    done = warn.tasks.record_outcome(deceived, outcome="deceived", method="call", by="JZ1", cases=cases,
                                     at=at + timedelta(days=1))  # fmt: skip
    assert done.case_id is not None
    cases.create(CaseIn(received_at=at, district="城关区", victim=CasePerson(name="赵六"), dissuaded=True,
                        narrative="接警后劝阻成功，未转账。"), actor="JZ1")  # fmt: skip

    stats = desk_stats(warn.engine, period=period_of(at.date(), "week"))
    t = stats.totals
    assert (t.cases, t.dissuaded, t.warned, t.dissuaded_total, t.prevented_yuan) == (2, 1, 1, 2, 9_000)
    per_day = {day: totals for day, totals in stats.by_day}
    assert (per_day["11月5日"].warned, per_day["11月5日"].prevented_fen) == (1, 900_000)
    assert per_day["11月4日"].warned == 0
    body = stats.to_dict()["totals"]
    assert (body["dissuaded_total"], body["warned_prevented"], body["prevented_loss_yuan"]) == (2, 1, 9_000)

    table = trends(warn.engine, by="week", last=2)
    assert [(x.dissuaded_total, x.prevented_yuan) for x in table.totals] == [(0, 0), (2, 9_000)]
