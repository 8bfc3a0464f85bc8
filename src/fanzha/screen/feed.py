"""The lines of a byte stream (stdin, a pipe, a file) for a coroutine, read without blocking its loop.

`fanzha screen publish` reads a bank's feed from stdin. Read on the event loop itself, a pipe fed one
transfer at a time would block it: the transfers already published would sit in the NATS client's
buffer, unsent and unacknowledged, until more arrived. Here a daemon thread reads and hands chunks over
through a small queue: a line is yielded as soon as it has arrived (`read1` returns what is there
instead of waiting for a full chunk), a file is still read 64 KiB at a time, a fast file does not race
ahead of a slow consumer (the queue holds `QUEUED_CHUNKS`), and Ctrl-C ends the process even while the
feed is silent (a daemon thread is not waited for, as `asyncio.to_thread`'s would be).

The thread reads the raw file under a buffered stream (`sys.stdin.buffer.raw`): a buffered reader holds
its lock while it waits for input, and an interpreter that exits while a daemon thread waits there
aborts ("could not acquire lock for <_io.BufferedReader name='<stdin>'> at interpreter shutdown"). The
buffered stream must not have been read from before: what its buffer holds would be skipped.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator
from typing import BinaryIO

READ_CHUNK = 1 << 16  # bytes read at most at once
QUEUED_CHUNKS = 16


async def read_lines(stream: BinaryIO, *, limit: int | None = None) -> AsyncIterator[bytes]:
    """Each line of `stream` without its newline, the last one too if it has none. A line longer than
    `limit` bytes comes cut to `limit` + 1 (enough to tell it is too long), so one endless line does not
    fill the memory."""
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[bytes | BaseException | None] = asyncio.Queue(QUEUED_CHUNKS)

    source = getattr(stream, "raw", stream)  # a raw file returns what has arrived, as read1 does

    def pump() -> None:
        read = getattr(source, "read1", source.read)
        item: bytes | BaseException | None = b""
        while isinstance(item, bytes):
            try:
                item = read(READ_CHUNK) or None
            except (OSError, ValueError) as exc:  # a broken or closed stream: the reader raises it
                item = exc
            try:
                asyncio.run_coroutine_threadsafe(queue.put(item), loop).result()
            except RuntimeError:  # the loop is closed: no one reads any more
                return

    threading.Thread(target=pump, name="read-lines", daemon=True).start()
    pieces: list[bytes] = []
    size = 0
    while isinstance(item := await queue.get(), bytes):
        start = 0
        while (end := item.find(b"\n", start)) >= 0:
            pieces.append(item[start:end])
            yield _joined(pieces, limit)
            pieces, size, start = [], 0, end + 1
        if start < len(item) and (limit is None or size <= limit):
            pieces.append(item[start:])
            size += len(item) - start
    if isinstance(item, BaseException):
        raise item
    if pieces:
        yield _joined(pieces, limit)


def _joined(pieces: list[bytes], limit: int | None) -> bytes:
    line = b"".join(pieces)
    return line if limit is None else line[: limit + 1]
