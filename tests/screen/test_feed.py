"""`read_lines`: what `fanzha screen publish` reads from stdin. A line is yielded as soon as it has
arrived (a live feed is not held back waiting for more) while the event loop keeps running, so what was
published goes out to NATS while the next transfer is awaited; an endless line is cut, not hoarded."""

from __future__ import annotations

import asyncio
import io
import os
import subprocess
import sys
import threading

import pytest

from fanzha.screen.feed import READ_CHUNK, read_lines


async def _collect(stream: io.BufferedIOBase, limit: int | None = None) -> list[bytes]:
    return [line async for line in read_lines(stream, limit=limit)]  # type: ignore[arg-type]


def test_lines_of_a_file_split_across_chunks_and_the_last_line_without_newline() -> None:
    text = b"".join(b'{"id": "%d", "x": "%s"}\r\n' % (i, b"y" * (i % 97)) for i in range(5000)) + b"tail"
    assert len(text) > 3 * READ_CHUNK
    assert asyncio.run(_collect(io.BufferedReader(io.BytesIO(text)))) == text.split(b"\n")
    assert asyncio.run(_collect(io.BufferedReader(io.BytesIO(b"")))) == []
    assert asyncio.run(_collect(io.BufferedReader(io.BytesIO(b"a\n\nb\n")))) == [b"a", b"", b"b"]


def test_a_line_longer_than_the_limit_is_cut_and_the_next_lines_are_whole() -> None:
    text = b"short\n" + b"x" * (5 * READ_CHUNK) + b"\nafter\n" + b"y" * (3 * READ_CHUNK)
    got = asyncio.run(_collect(io.BufferedReader(io.BytesIO(text)), limit=1000))
    assert got == [b"short", b"x" * 1001, b"after", b"y" * 1001]


def test_a_line_from_a_live_pipe_is_yielded_before_the_writer_sends_more_and_the_loop_runs() -> None:
    read_end, write_end = os.pipe()
    os.write(write_end, b"first\nsec")  # half of the second line: the writer is slow
    # The rest comes from another thread later: were the pipe read on the loop, the loop would stall
    # until then (no ticks) instead of hanging the test.
    later = threading.Timer(0.5, lambda: (os.write(write_end, b"ond\n"), os.close(write_end)))

    async def scenario() -> tuple[list[bytes], int]:
        ticks = 0

        async def ticker() -> None:
            nonlocal ticks
            while True:
                ticks += 1
                await asyncio.sleep(0.01)

        with os.fdopen(read_end, "rb") as stream:
            lines = read_lines(stream)
            got = [await asyncio.wait_for(anext(lines), timeout=5)]
            tick = asyncio.create_task(ticker())
            later.start()
            got += [line async for line in lines]
            tick.cancel()
            return got, ticks

    got, ticks = asyncio.run(scenario())
    assert got == [b"first", b"second"]
    assert ticks >= 20  # the loop ran while the second line was awaited


def test_a_read_error_reaches_the_reader() -> None:
    class Broken(io.RawIOBase):
        def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
            raise OSError("设备已断开")

        def readable(self) -> bool:
            return True

    with pytest.raises(OSError, match="设备已断开"):
        asyncio.run(_collect(io.BufferedReader(Broken())))


def test_a_process_that_stops_reading_a_live_stdin_exits_cleanly() -> None:
    # The reading thread still waits on stdin when the program ends: waiting inside a buffered reader
    # (holding its lock) made the interpreter abort at exit ("could not acquire lock … <stdin>").
    program = (
        "import asyncio, sys\n"
        "from fanzha.screen.feed import read_lines\n"
        "async def first():\n"
        "    async for line in read_lines(sys.stdin.buffer):\n"
        "        return line\n"
        "print(asyncio.run(first()).decode())\n"
    )
    for _ in range(5):  # the abort came about four times in five
        proc = subprocess.Popen(
            [sys.executable, "-c", program],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert proc.stdin is not None
        proc.stdin.write(b"first\n")
        proc.stdin.flush()  # and the pipe stays open while the program ends (communicate would close it)
        try:
            proc.wait(timeout=20)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            proc.stdin.close()
        assert proc.stdout is not None and proc.stderr is not None
        assert (proc.returncode, proc.stdout.read().strip()) == (0, b"first"), proc.stderr.read().decode()
