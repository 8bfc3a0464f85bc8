"""`read_lines`: what `fanzha screen publish` reads from stdin. A line is yielded as soon as it has
arrived (a live feed is not held back waiting for more), and the event loop keeps running meanwhile, so
what was published goes out to NATS while the next transfer is awaited."""

from __future__ import annotations

import asyncio
import io
import os

from fanzha.screen.stream import READ_CHUNK, read_lines


async def _collect(stream: io.BufferedIOBase) -> list[bytes]:
    return [line async for line in read_lines(stream)]  # type: ignore[arg-type]


def test_lines_of_a_file_split_across_chunks_and_the_last_line_without_newline() -> None:
    text = b"".join(b'{"id": "%d", "x": "%s"}\n' % (i, b"y" * (i % 97)) for i in range(5000)) + b"tail"
    assert len(text) > 3 * READ_CHUNK
    got = asyncio.run(_collect(io.BufferedReader(io.BytesIO(text))))
    assert got == text.split(b"\n")
    assert asyncio.run(_collect(io.BufferedReader(io.BytesIO(b"")))) == []


def test_a_line_from_a_live_pipe_is_yielded_before_the_writer_sends_more_and_the_loop_runs() -> None:
    read_end, write_end = os.pipe()

    async def scenario() -> tuple[bytes, int]:
        ticks = 0

        async def ticker() -> None:  # runs only while the loop is free
            nonlocal ticks
            while True:
                ticks += 1
                await asyncio.sleep(0.01)

        with os.fdopen(read_end, "rb") as stream:
            os.write(write_end, b"first\nsec")  # half of the second line: the writer is slow
            lines = read_lines(stream)
            tick = asyncio.create_task(ticker())
            first = await asyncio.wait_for(anext(lines), timeout=5)
            ticks = 0
            second = asyncio.ensure_future(anext(lines))
            await asyncio.sleep(0.2)  # the reader waits on the pipe in a thread, not on the loop
            assert not second.done()
            os.write(write_end, b"ond\n")
            assert await asyncio.wait_for(second, timeout=5) == b"second"
            os.close(write_end)
            assert [line async for line in lines] == []
            tick.cancel()
            return first, ticks

    first, ticks = asyncio.run(scenario())
    assert first == b"first"
    assert ticks >= 5
