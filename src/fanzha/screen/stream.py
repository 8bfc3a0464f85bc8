"""Streamed screening over NATS JetStream: banks publish transfers, screening workers decide them.

One stream per deployment, named by FANZHA_NATS_STREAM (default `FANZHA`), with two subjects derived
from the name — `<stream>.transfers` (what banks publish) and `<stream>.decisions` (what workers answer)
— so two deployments on one NATS server never see each other's messages. Created on first use:

- retention by limits: messages older than 7 days (`MAX_AGE`) or beyond 4 GiB (`MAX_BYTES`) go; a full
  stream refuses new messages (`discard: new`) rather than dropping transfers not yet screened, so the
  publisher sees the error;
- a transfer carries its bank in the `Fanzha-Bank` header and `Nats-Msg-Id: <bank>:<transfer id>`, so a
  transfer published twice within `DUPLICATE_WINDOW` is stored once by JetStream; after that the store's
  unique (bank, transfer id) answers it with the decision already stored (the same idempotence as
  `ScreeningService.screen`: nothing here deduplicates on its own).

Workers share one durable pull consumer (`screen-workers`) on the transfers subject. Each fetches at most
`BATCH` messages, screens them through `ScreeningService.screen` (one transaction per bank in the batch),
publishes every decision to the decisions subject and waits for JetStream to store them, and only then
acks each transfer. When NATS goes away meanwhile (restarted, killed), what it does not acknowledge within
`ACK_TIMEOUT` has its transfers nakked, redelivered once NATS is back; a worker reconnects for as long as
it takes, and logs the loss and the reconnection. A worker killed mid-batch leaves its messages
unacknowledged: JetStream redelivers them to another worker after `ACK_WAIT`, and screening answers those
already decided from the store, so every transfer ends with exactly one stored decision. `ACK_WAIT` (30 s)
is far longer than a batch takes (tens of milliseconds) and short enough that a dead worker's batch is
taken over within half a minute; a worker waiting on an unavailable database keeps its messages with
in-progress acks instead of letting them expire. `MAX_DELIVER` (10) bounds a message that kills every
worker that takes it: after ten deliveries JetStream stops offering it (advisory
`$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES`) and it stays in the stream for inspection. A malformed
message (not JSON, no id, a field that cannot be read, no bank) is answered with an error record `{"id",
"error", "bank"}` on the decisions subject and acked: it never blocks the stream or comes back forever.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import re
from collections.abc import AsyncIterable, AsyncIterator, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import orjson
from sqlalchemy import Engine, select
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.orm import Session

from fanzha.screen.transfer import transfer_id
from fanzha.store.screen_tables import ScreenDecisionRow
from fanzha.timezones import from_db

if TYPE_CHECKING:
    from nats.aio.client import Client
    from nats.aio.msg import Msg
    from nats.js import JetStreamContext

    from fanzha.screen.service import ScreeningService

URL_ENV, STREAM_ENV = "FANZHA_NATS_URL", "FANZHA_NATS_STREAM"
DEFAULT_URL, DEFAULT_STREAM = "nats://127.0.0.1:4222", "FANZHA"
BANK_HEADER, MSG_ID = "Fanzha-Bank", "Nats-Msg-Id"
# On a decision: the stream sequence of its transfer message, and which delivery of it was answered.
SEQ_HEADER, DELIVERY_HEADER = "Fanzha-Transfer-Seq", "Fanzha-Delivery"
DURABLE = "screen-workers"
ACK_WAIT = 30.0  # seconds
MAX_DELIVER = 10
BATCH = 100  # messages fetched at most at once by a worker
MAX_AGE = 7 * 24 * 3600.0  # seconds
MAX_BYTES = 4 * 1024**3
DUPLICATE_WINDOW = 600.0  # seconds: JetStream's own dedupe of a re-published transfer
PUBLISH_WINDOW = 512  # publishes awaiting their acknowledgement at once
# Seconds to wait for JetStream to acknowledge published messages (nats-py's own js.publish waits 2 s).
# Its publish_async futures never time out: a publish the server took but never stored (killed
# mid-write) would keep a worker, or `fanzha screen publish`, waiting forever.
ACK_TIMEOUT = 5.0
MAX_BANK = 64
_NAME = re.compile(r"[A-Za-z0-9_-]{1,64}")
log = logging.getLogger(__name__)


class StreamError(ValueError):
    """A stream setting or NATS failure, with a Chinese message."""


class PublishInterrupted(StreamError):
    """Publishing stopped part-way (NATS lost, a message refused): `report` counts what JetStream
    acknowledged before, all of it stored; nothing after the first failure is counted as published."""

    def __init__(self, report: PublishReport, reason: str) -> None:
        self.report = report
        super().__init__(
            f"发布中断（{reason}）：已确认发布 {report.published} 笔交易"
            f"（其中 {report.duplicates} 笔此前已发布），其余未确认；"
            "重新发布全部交易即可，已发布的按交易编号去重"
        )


@dataclass(frozen=True, slots=True)
class StreamNames:
    stream: str
    transfers: str
    decisions: str


def stream_names(stream: str) -> StreamNames:
    """The stream and its subjects; StreamError for a name NATS would refuse or that would mix subjects."""
    if not _NAME.fullmatch(stream):
        raise StreamError(
            f"FANZHA_NATS_STREAM={stream!r} 不可用：只能由字母、数字、_ 和 - 组成，最长64个字符"
        )
    return StreamNames(stream, f"{stream}.transfers", f"{stream}.decisions")


def settings_from_env() -> tuple[str, StreamNames]:
    """(FANZHA_NATS_URL, the names derived from FANZHA_NATS_STREAM), with their defaults."""
    url = os.environ.get(URL_ENV) or DEFAULT_URL
    return url, stream_names(os.environ.get(STREAM_ENV) or DEFAULT_STREAM)


async def connect(url: str, *, reconnect: bool = True) -> Client:
    """A NATS connection; StreamError if the server cannot be reached now (two tries). With `reconnect`
    (the workers) a connection lost later is retried for as long as it takes."""
    import nats

    async def quiet(exc: Exception) -> None:
        log.warning("NATS 连接问题：%s", exc or type(exc).__name__)

    opened: list[Client] = []

    async def disconnected() -> None:
        if reconnect and opened and not opened[0].is_closed:  # not when closed on purpose
            log.warning("NATS 连接已断开，正在重连：%s", url)

    async def reconnected() -> None:
        log.warning("NATS 已重新连接：%s", url)

    try:
        nc = await nats.connect(
            url,
            connect_timeout=3,
            reconnect_time_wait=1,
            allow_reconnect=reconnect,
            max_reconnect_attempts=1,  # ≤ 0 would make nats-py retry the first connection forever
            error_cb=quiet,
            disconnected_cb=disconnected,
            reconnected_cb=reconnected,
        )
    except Exception as exc:  # nats raises several kinds (NoServersError, OSError, TimeoutError)
        raise StreamError(f"无法连接 NATS（{url}）：请检查 {URL_ENV} 以及 NATS 服务是否在运行") from exc
    opened.append(nc)
    if reconnect:
        nc.options["max_reconnect_attempts"] = -1  # once connected, never give up (read at each reconnect)
    return nc


async def ensure_stream(js: JetStreamContext, names: StreamNames, *, ack_wait: float = ACK_WAIT) -> None:
    """Create the stream and the workers' durable consumer when missing (an existing one is kept as is)."""
    from nats.js.api import (
        AckPolicy,
        ConsumerConfig,
        DiscardPolicy,
        RetentionPolicy,
        StorageType,
        StreamConfig,
    )
    from nats.js.errors import BadRequestError, NotFoundError

    try:
        await js.stream_info(names.stream)
    except NotFoundError:
        config = StreamConfig(
            name=names.stream,
            description="fanzha 转账筛查：交易与筛查结论",
            subjects=[names.transfers, names.decisions],
            retention=RetentionPolicy.LIMITS,
            max_age=MAX_AGE,
            max_bytes=MAX_BYTES,
            discard=DiscardPolicy.NEW,
            storage=StorageType.FILE,
            duplicate_window=DUPLICATE_WINDOW,
        )
        try:
            await js.add_stream(config)
        except BadRequestError:  # another process created it in between
            await js.stream_info(names.stream)
    try:
        await js.consumer_info(names.stream, DURABLE)
    except NotFoundError:
        await js.add_consumer(
            names.stream,
            ConsumerConfig(
                durable_name=DURABLE,
                filter_subject=names.transfers,
                ack_policy=AckPolicy.EXPLICIT,
                ack_wait=ack_wait,
                max_deliver=MAX_DELIVER,
                max_ack_pending=10 * BATCH,
            ),
        )


def message_id(bank: str, ident: str) -> str:
    return f"{bank}:{ident}"


@dataclass(slots=True)
class PublishReport:
    published: int = 0
    duplicates: int = 0  # already in the stream (JetStream's dedupe by Nats-Msg-Id)
    errors: list[str] = field(default_factory=list)  # lines not published, with the reason


def _line_id(raw: bytes, number: int) -> tuple[str | None, str | None]:
    """(transfer id, error) of one input line."""
    try:
        row: Any = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return None, f"第{number}行不是合法的JSON（UTF-8）"
    ident = transfer_id(row)
    if not isinstance(row, dict) or not ident:
        return None, f"第{number}行没有交易编号 id"
    return ident, None


async def _each(lines: Iterable[bytes] | AsyncIterable[bytes]) -> AsyncIterator[bytes]:
    if isinstance(lines, AsyncIterable):
        async for line in lines:
            yield line
    else:
        for line in lines:
            yield line


async def publish_transfers(
    js: JetStreamContext,
    names: StreamNames,
    *,
    bank: str,
    lines: Iterable[bytes] | AsyncIterable[bytes],
    max_payload: int | None = None,
) -> PublishReport:
    """Publish each non-empty line (a transfer as `fanzha screen --jsonl` reads it) for `bank`, waiting
    for JetStream to store it; a line without a readable id, or longer with its headers than the server
    takes in one message (`max_payload`, the connection's), is reported, not published. Lines from a
    pipe or a file come through `fanzha.screen.feed.read_lines`."""
    check_bank(bank)
    report = PublishReport()
    pending: list[asyncio.Future[Any]] = []

    async def settle(timeout: float) -> str | None:
        """Count what JetStream acknowledged within `timeout`; why the first other one was not."""
        if not pending:
            return None
        done, _ = await asyncio.wait(pending, timeout=timeout)
        reason = None
        for future in pending:
            if future in done and not future.cancelled() and future.exception() is None:
                report.published += 1
                report.duplicates += bool(future.result().duplicate)
                continue
            if reason is None:
                failed = future in done and not future.cancelled() and future.exception()
                reason = f"{type(failed).__name__}：{failed}" if failed else "等待 NATS 确认超时"
            future.cancel()
        pending.clear()
        return reason

    try:
        number = 0
        async for raw in _each(lines):
            number += 1
            body = raw.strip()
            if not body:
                continue
            if max_payload is not None and len(body) > max_payload:  # before parsing megabytes
                report.errors.append(_too_long(number, max_payload))
                continue
            ident, error = _line_id(body, number)
            if ident is None:
                report.errors.append(str(error))
                continue
            headers = {BANK_HEADER: bank, MSG_ID: message_id(bank, ident)}
            if max_payload is not None and _message_size(body, headers) > max_payload:
                report.errors.append(_too_long(number, max_payload))  # the server would drop the link
                continue
            pending.append(await js.publish_async(names.transfers, body, headers=headers))
            if len(pending) >= PUBLISH_WINDOW and (reason := await settle(ACK_TIMEOUT)):
                raise PublishInterrupted(report, reason)
        if reason := await settle(ACK_TIMEOUT):
            raise PublishInterrupted(report, reason)
    except PublishInterrupted:
        raise
    except Exception as exc:  # the connection lost or closed (nats raises several kinds)
        await settle(0)  # the acknowledgements already in count
        raise PublishInterrupted(report, f"{type(exc).__name__}：{exc}") from exc
    return report


def _too_long(number: int, limit: int) -> str:
    return f"第{number}行超过 NATS 单条消息的上限（{limit:,} 字节，连同消息头）"


def _message_size(body: bytes, headers: dict[str, str]) -> int:
    """What the server counts against its max_payload: the body and the headers as NATS writes them."""
    head = sum(len(k.encode()) + len(v.encode()) + 4 for k, v in headers.items())  # "k: v\r\n"
    return len(body) + len(b"NATS/1.0\r\n") + head + 2


def check_bank(bank: str) -> None:
    if not bank.strip() or len(bank) > MAX_BANK or any(c in bank for c in "\r\n"):
        raise StreamError(f"银行名称不可用：不能为空、不能换行，最长{MAX_BANK}个字符")


def _transient(exc: BaseException) -> bool:
    """A database that is unreachable or restarting (retry), not a bug in what was sent."""
    return isinstance(exc, (OperationalError, InterfaceError))


@dataclass(slots=True)
class WorkerStats:
    messages: int = 0
    decided: int = 0  # decision records published (new or answered from the store)
    errors: int = 0  # error records published


class StreamWorker:
    """One screening worker on the shared durable consumer (see the module's docstring)."""

    def __init__(
        self,
        *,
        service: ScreeningService,
        js: JetStreamContext,
        names: StreamNames,
        batch: int = BATCH,
        default_bank: str | None = None,
    ) -> None:
        self.service, self.js, self.names = service, js, names
        self.batch, self.default_bank = batch, default_bank
        self.stats = WorkerStats()

    async def run(self, stop: asyncio.Event) -> WorkerStats:
        """Fetch, screen, answer and ack until `stop` is set; the batch in hand is finished first."""
        sub = await self.js.pull_subscribe_bind(DURABLE, self.names.stream)
        import nats.errors

        while not stop.is_set():
            try:
                msgs = await sub.fetch(self.batch, timeout=1.0)
            except (nats.errors.TimeoutError, TimeoutError):  # nothing to do (fetch raises either)
                continue
            except nats.errors.Error as exc:  # reconnecting after a NATS restart
                log.warning("NATS 暂不可用：%s", exc)
                await asyncio.sleep(0.5)
                continue
            try:
                await self.handle(msgs, stop)
            except nats.errors.Error as exc:  # nakked (or, if that failed too, redelivered after ACK_WAIT)
                log.warning("筛查结论未能发布，等待重新投递：%s", exc or type(exc).__name__)
        return self.stats

    async def handle(self, msgs: list[Msg], stop: asyncio.Event) -> None:
        """Screen `msgs`, publish a record for each, then ack them (nak them if stopped while the database
        is away: another worker, or this one restarted, takes them)."""
        self.stats.messages += len(msgs)
        records: list[tuple[Msg, dict[str, Any]]] = []
        by_bank: dict[str, list[tuple[Msg, Any]]] = {}
        for msg in msgs:
            bank = (msg.headers or {}).get(BANK_HEADER) or self.default_bank
            try:
                row: Any = orjson.loads(msg.data)
            except orjson.JSONDecodeError:
                records.append((msg, {"id": None, "error": "消息不是合法的JSON（UTF-8）", "bank": bank}))
                continue
            if not bank:
                error = f"消息缺少 {BANK_HEADER} 头（银行），工作进程也未指定 --bank"
                records.append((msg, {"id": transfer_id(row), "error": error, "bank": None}))
                continue
            by_bank.setdefault(bank, []).append((msg, row))
        for bank, items in by_bank.items():
            results = await self._screen(bank, items, msgs, stop)
            if results is None:
                await asyncio.gather(*(m.nak() for m in msgs))
                return
            records.extend((m, {**r, "bank": bank}) for (m, _), r in zip(items, results, strict=True))
        await self._answer(records)

    async def _screen(
        self, bank: str, items: list[tuple[Msg, Any]], held: list[Msg], stop: asyncio.Event
    ) -> list[dict[str, Any]] | None:
        """Decisions for `items` (None when stopped while the database was unavailable)."""
        raws = [row for _, row in items]
        delay = 0.5
        while True:
            try:
                return await asyncio.to_thread(self.service.screen, bank=bank, raws=raws)
            except Exception as exc:
                if not _transient(exc):
                    return await self._one_by_one(bank, raws)
                log.warning("数据库暂不可用，%.1f 秒后重试：%s", delay, exc)
            await asyncio.gather(*(m.in_progress() for m in held))  # keep them: not redelivered meanwhile
            try:
                await asyncio.wait_for(stop.wait(), timeout=delay)
                return None
            except TimeoutError:
                delay = min(delay * 2, 10.0)

    async def _one_by_one(self, bank: str, raws: list[Any]) -> list[dict[str, Any]]:
        """After a batch failed for a reason other than the database: each alone, so one transfer that
        breaks screening gets an error record and the others their decisions."""
        out = []
        for raw in raws:
            try:
                out.extend(await asyncio.to_thread(self.service.screen, bank=bank, raws=[raw]))
            except Exception as exc:
                log.exception("筛查失败")
                out.append({"id": transfer_id(raw), "error": f"筛查失败：{type(exc).__name__}"})
        return out

    async def _answer(self, records: list[tuple[Msg, dict[str, Any]]]) -> None:
        """Publish every record, wait until JetStream stored them all, then ack their transfers. When NATS
        is lost meanwhile (a publish not acknowledged within ACK_TIMEOUT), nak them instead: redelivered
        once NATS is back, answered from the store, and the same record deduplicated by its message id."""
        import nats.errors

        futures: list[asyncio.Future[Any]] = []
        try:
            for msg, record in records:
                seq, delivery = msg.metadata.sequence.stream, msg.metadata.num_delivered
                headers = {MSG_ID: f"decision:{seq}", SEQ_HEADER: str(seq), DELIVERY_HEADER: str(delivery)}
                if record.get("bank"):
                    headers[BANK_HEADER] = record["bank"]
                data = orjson.dumps(record)
                futures.append(await self.js.publish_async(self.names.decisions, data, headers=headers))
            done, late = await asyncio.wait(futures, timeout=ACK_TIMEOUT) if futures else (set(), set())
            for future in done:
                if failed := future.exception():  # JetStream refused it (a full stream, …)
                    raise failed
            if late:
                raise nats.errors.TimeoutError
        except Exception:
            for future in futures:
                future.cancel()  # nats-py never times them out: each holds a place in its window
            with contextlib.suppress(Exception):
                await asyncio.gather(*(msg.nak() for msg, _ in records))
            raise
        for _, record in records:
            if "error" in record:
                self.stats.errors += 1
            else:
                self.stats.decided += 1
        await asyncio.gather(*(msg.ack() for msg, _ in records))


def stored_decisions(
    engine: Engine, *, bank: str | None = None, chunk: int = 1000
) -> Iterator[dict[str, Any]]:
    """Every stored screening decision (of `bank`, or all), oldest first: `{"id", "outcome", "score",
    "reasons", "actions", "rules_version", "bank", "decided_at"}` (and "review" once reviewed)."""
    row = ScreenDecisionRow
    last = 0
    with Session(engine) as session:
        while True:
            query = select(row).where(row.id > last).order_by(row.id).limit(chunk)
            if bank is not None:
                query = query.where(row.bank == bank)
            rows = list(session.scalars(query))
            for item in rows:
                out: dict[str, Any] = {
                    "id": item.transfer_id,
                    "outcome": item.outcome,
                    "score": item.score,
                    "reasons": item.reasons,
                    "actions": item.actions,
                    "rules_version": item.rules_version,
                    "bank": item.bank,
                    "decided_at": from_db(item.decided_at).isoformat(),
                }
                if item.review:
                    out["review"] = item.review
                yield out
            if len(rows) < chunk:
                return
            last = rows[-1].id
            session.expunge_all()
