"""Group commit for `POST /v1/screen`: requests that arrive while the screening threads are busy wait in
a queue, and the next free thread takes them all (grouped by bank), screens them in order and stores
their decisions in one transaction, so that thousands of single-transfer requests a second cost tens of
transactions, not thousands, and each answer is stored — decision and history — before it is sent. A
lone request is screened at once (no timer, no added latency). Workers hold no state of their own.

On PostgreSQL `THREADS` (2) threads screen groups side by side, as two workers do: most of a group's
time is spent waiting on PostgreSQL and Redis, and a second group screened meanwhile more than pays for
the smaller groups (`wrk`, batches of 10 over 4 connections to 2 workers: 2,760–2,880 → 3,140–3,410
decisions/s, p99 27–33 → 23 ms). On SQLite one thread: the file has one writer, and a second thread
only waited for its lock (single transfers over 16 connections to 1 worker fell from 700 to 143 a
second). Like transfers sent to two workers at once, two groups screened together do not see each other
in the history; a transfer sent after another's answer always sees it (the history is written before
the answer).

One bank's requests share a transaction, so one transfer that sets off an unexpected error (a bug its
data triggers, past the parser's checks) must not fail the others: the failed group is split in halves
and each half screened again — requests first, then the transfers of a request that still fails — until
only the culprit is left, which gets `{"id", "error"}` like any bad transfer. Halves already screened are
stored, so a culprit costs about 2·log2(n) extra calls, not one per transfer. A store that is down (the
driver cannot connect or the pool is exhausted, Redis is gone) fails the group at once, without retries:
the route answers 503.

The listeners (the warnings hear of a held or blocked payee) are told just after the answers go out
(`ScreeningService.screen_answering`), on the thread that screened the group: their queries no longer
add to every answer's latency. `close` waits for them.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from redis import exceptions as redis_errors
from sqlalchemy import exc as sql_errors

from fanzha.screen.service import ScreeningService
from fanzha.screen.transfer import transfer_id

MAX_MERGED = 2_000  # transfers screened in one group commit
THREADS = 2  # groups screened side by side in one worker
UNSCREENABLE = "无法筛查此交易：处理时出错，请核对交易各字段后重试"
DOWN = (
    sql_errors.OperationalError,  # cannot connect, connection lost, database locked
    sql_errors.InterfaceError,
    sql_errors.DisconnectionError,
    sql_errors.TimeoutError,  # the connection pool is exhausted
    redis_errors.ConnectionError,
    redis_errors.TimeoutError,
    ConnectionError,
    TimeoutError,
)
log = logging.getLogger("fanzha.api.screen")

Job = tuple[str, list[Any], "asyncio.Future[list[dict[str, Any]]]"]
Held = tuple[str, list[dict[str, Any]]]  # a bank and its transfers held or blocked, for the listeners


class ScreenBatcher:
    def __init__(
        self, service: ScreeningService, *, max_merged: int = MAX_MERGED, threads: int | None = None
    ) -> None:
        self.service = service
        self.max_merged = max_merged
        sqlite = service.decisions.engine.dialect.name == "sqlite"
        self.threads = threads if threads is not None else 1 if sqlite else THREADS
        self._pending: list[Job] = []
        self._drainers = 0  # counted in the coroutine itself: a done-callback would run too late
        self._tasks: set[asyncio.Task[None]] = set()  # held, so that a running drainer is not collected
        self._executor: ThreadPoolExecutor | None = None

    async def screen(self, *, bank: str, raws: list[Any]) -> list[dict[str, Any]]:
        loop = asyncio.get_running_loop()
        future: asyncio.Future[list[dict[str, Any]]] = loop.create_future()
        self._pending.append((bank, raws, future))
        if self._drainers < self.threads:
            self._drainers += 1
            task = loop.create_task(self._drain())
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
        return await future

    def _take(self) -> list[Job]:
        taken: list[Job] = []
        size = 0
        while self._pending and (not taken or size + len(self._pending[0][1]) <= self.max_merged):
            job = self._pending.pop(0)
            taken.append(job)
            size += len(job[1])
        return taken

    def _run(self, jobs: list[Job]) -> tuple[list[list[dict[str, Any]] | BaseException], list[Held]]:
        """Screen the jobs' transfers, one `service.screen_answering` call per bank; results split back
        per job, and the transfers held or blocked to tell the listeners of once they are answered."""
        by_bank: dict[str, list[int]] = {}
        for index, (bank, _, _) in enumerate(jobs):
            by_bank.setdefault(bank, []).append(index)
        out: list[list[dict[str, Any]] | BaseException] = [[] for _ in jobs]
        held: list[Held] = []
        for bank, indices in by_bank.items():
            try:
                results = self._screen(bank, [jobs[i][1] for i in indices], held)
            except Exception as exc:  # the store is down: every job of this bank fails alike
                for i in indices:
                    out[i] = exc
                continue
            for i, result in zip(indices, results, strict=True):
                out[i] = result
        return out, held

    def _screen(self, bank: str, requests: list[list[Any]], held: list[Held]) -> list[list[dict[str, Any]]]:
        """Each request's results, screened in one call; when that call fails on something other than an
        unavailable store, in halves (of the requests, then of a lone request's transfers) until only the
        transfer that fails is left: it gets `{"id", "error"}`. Raises when the store is unavailable.
        Appends to `held` each call's transfers held or blocked (when there are any)."""
        merged = [raw for raws in requests for raw in raws]
        try:
            results, held_here = self.service.screen_answering(bank=bank, raws=merged)
        except DOWN:
            raise
        except Exception as exc:
            if len(requests) > 1:
                log.warning("screening %d requests of %s failed (%r): isolating", len(requests), bank, exc)
                half = len(requests) // 2
                return self._screen(bank, requests[:half], held) + self._screen(bank, requests[half:], held)
            if len(merged) > 1:
                half = len(merged) // 2
                (first,) = self._screen(bank, [merged[:half]], held)
                (second,) = self._screen(bank, [merged[half:]], held)
                return [first + second]
            if not merged:
                raise
            log.error("screening transfer %r of %s failed", transfer_id(merged[0]), bank, exc_info=exc)
            return [[{"id": transfer_id(merged[0]), "error": UNSCREENABLE}]]
        if held_here:
            held.append((bank, held_here))
        out, start = [], 0
        for raws in requests:
            out.append(results[start : start + len(raws)])
            start += len(raws)
        return out

    def _tell(self, held: list[Held]) -> None:
        for bank, transfers in held:
            self.service.tell(bank, transfers)  # a listener's error is logged there, never raised

    async def _drain(self) -> None:
        loop = asyncio.get_running_loop()
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=self.threads, thread_name_prefix="screen")
        executor = self._executor
        try:
            while self._pending:
                jobs = self._take()
                held: list[Held] = []
                try:
                    results, held = await loop.run_in_executor(executor, self._run, jobs)
                except Exception as exc:
                    results = [exc] * len(jobs)
                for (_, _, future), result in zip(jobs, results, strict=True):
                    if future.done():  # the client went away
                        continue
                    if isinstance(result, BaseException):
                        future.set_exception(result)
                    else:
                        future.set_result(result)
                if held:  # after answering, before this drainer takes the next group; shielded: the
                    # groups answered are told to the listeners even when the loop is stopping
                    await asyncio.shield(loop.run_in_executor(executor, self._tell, held))
        finally:
            # No await between finding the queue empty and this: a request queued meanwhile sees one
            # drainer fewer and starts its own.
            self._drainers -= 1

    def close(self) -> None:
        """Stop the screening threads once what they were given is done (the listeners of the groups
        already answered included)."""
        if self._executor is not None:
            self._executor.shutdown(wait=True)
            self._executor = None
