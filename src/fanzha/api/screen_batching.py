"""Group commit for `POST /v1/screen`: requests that arrive while a batch is being screened wait in a
queue, and the next batch takes them all (grouped by bank) — one thread screens them in order and
stores their decisions and history in one transaction, so that thousands of single-transfer requests a
second cost tens of transactions, not thousands, and each answer is stored before it is sent. A lone
request is screened at once (no timer, no added latency). Workers hold no state of their own.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from fanzha.screen.service import ScreeningService

MAX_MERGED = 2_000  # transfers screened in one group commit

Job = tuple[str, list[Any], "asyncio.Future[list[dict[str, Any]]]"]


class ScreenBatcher:
    def __init__(self, service: ScreeningService, *, max_merged: int = MAX_MERGED) -> None:
        self.service = service
        self.max_merged = max_merged
        self._pending: list[Job] = []
        self._running = False
        self._executor: ThreadPoolExecutor | None = None
        self._drainer: asyncio.Task[None] | None = None

    async def screen(self, *, bank: str, raws: list[Any]) -> list[dict[str, Any]]:
        loop = asyncio.get_running_loop()
        future: asyncio.Future[list[dict[str, Any]]] = loop.create_future()
        self._pending.append((bank, raws, future))
        if not self._running:
            self._running = True
            self._drainer = loop.create_task(self._drain())
        return await future

    def _take(self) -> list[Job]:
        taken: list[Job] = []
        size = 0
        while self._pending and (not taken or size + len(self._pending[0][1]) <= self.max_merged):
            job = self._pending.pop(0)
            taken.append(job)
            size += len(job[1])
        return taken

    def _run(self, jobs: list[Job]) -> list[list[dict[str, Any]] | BaseException]:
        """Screen the jobs' transfers, one `service.screen` call per bank; results split back per job."""
        by_bank: dict[str, list[int]] = {}
        for index, (bank, _, _) in enumerate(jobs):
            by_bank.setdefault(bank, []).append(index)
        out: list[list[dict[str, Any]] | BaseException] = [[] for _ in jobs]
        for bank, indices in by_bank.items():
            merged = [raw for i in indices for raw in jobs[i][1]]
            try:
                results = self.service.screen(bank=bank, raws=merged)
            except Exception as exc:  # the store is down: every job of this bank fails alike
                for i in indices:
                    out[i] = exc
                continue
            start = 0
            for i in indices:
                n = len(jobs[i][1])
                out[i] = results[start : start + n]
                start += n
        return out

    async def _drain(self) -> None:
        loop = asyncio.get_running_loop()
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="screen")
        try:
            while self._pending:
                jobs = self._take()
                try:
                    results = await loop.run_in_executor(self._executor, self._run, jobs)
                except Exception as exc:
                    results = [exc] * len(jobs)
                for (_, _, future), result in zip(jobs, results, strict=True):
                    if future.done():  # the client went away
                        continue
                    if isinstance(result, BaseException):
                        future.set_exception(result)
                    else:
                        future.set_result(result)
        finally:
            self._running = False

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None
