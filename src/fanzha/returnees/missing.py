"""Which outbound workers' daily report is missing on a day (Beijing calendar), and since when.

A report is due for every Beijing day after the day the worker was registered (registering them is that
day's report) while they are away or about to leave (拟外出、在外务工); for one marked back (已返乡) or
closed, no report is due from the day they came back. A day is missing when no report names that day,
whenever it was filed; a report filed late for a day fills it. The alert names the worker, the person who
reports on them, the last day reported and how many days in a row are missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from fanzha.returnees.access import Reader
from fanzha.returnees.model import beijing_day, day, now_utc
from fanzha.returnees.outbound import OutboundLedger, Worker

LOOKBACK_DAYS = 366  # a run of missing days is counted back this far at most


@dataclass(frozen=True, slots=True)
class MissingReport:
    worker: Worker
    day: date
    last_reported: date | None
    days_missing: int  # days in a row without a report, up to and including `day`
    explanation: str


def first_due(worker: Worker) -> date:
    return beijing_day(worker.created_at) + timedelta(days=1)


def is_due(worker: Worker, on: date) -> bool:
    """Is a report due for `worker` on the Beijing day `on`?"""
    if on < first_due(worker):
        return False
    if worker.closed_on is not None:
        return on < worker.closed_on
    return worker.state in ("planned", "away")


def missing_on(workers: list[Worker], *, on: date) -> list[MissingReport]:
    """The workers whose report for `on` is missing, the longest run of missing days first."""
    found: list[MissingReport] = []
    for worker in workers:
        if not is_due(worker, on):
            continue
        days = {r.day for r in worker.reports}
        if on in days:
            continue
        last = max((d for d in days if d <= on), default=None)
        start = max(first_due(worker), last + timedelta(days=1)) if last is not None else first_due(worker)
        run = (on - start).days + 1
        reporter = worker.reporter or "（未指定报告人）"
        since = f"最近一次日报为 {last}" if last is not None else "登记以来从未报告"
        why = (
            f"{on}（北京时间）没有日报：{worker.name} 在{worker.region}{worker.place}，{since}，"
            f"已连续 {run} 天未报；请报告人 {reporter} 今日核实其所在地和安全状况并补报"
        )
        found.append(MissingReport(worker, on, last, run, why))
    return sorted(found, key=lambda m: (-m.days_missing, m.worker.id))


def missing_reports(ledger: OutboundLedger, *, reader: Reader, on: date) -> list[MissingReport]:
    """`missing_on` over the workers `reader` may see, including those back since (due before they came
    back); the list read is logged. A day after today (Beijing) is refused."""
    checked = day(on, "日期", today=beijing_day(now_utc()))
    assert checked is not None
    workers = ledger.workers(reader=reader, states=None, reports_since=on - timedelta(days=LOOKBACK_DAYS))
    return missing_on(workers, on=on)
