from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

from fanzha.store import make_engine
from fanzha.store.locks import write_lock


def test_writers_on_one_sqlite_file_take_turns_within_and_across_processes(tmp_path: Path) -> None:
    path = tmp_path / "fanzha.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    order: list[str] = []
    with write_lock(engine):
        other = threading.Thread(target=lambda: _hold(engine, order))
        other.start()
        time.sleep(0.2)
        order.append("first done")
    other.join(timeout=10)
    assert order == ["first done", "second"]  # the thread waited for the lock
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD_IN_CHILD, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
    started = time.monotonic()
    with write_lock(engine):  # waits for the child's 0.5 s, then is woken at once
        waited = time.monotonic() - started
    holder.wait(timeout=10)
    assert 0.3 < waited < 5


def test_other_databases_need_no_lock() -> None:
    with write_lock(make_engine("sqlite://")), write_lock(make_engine("sqlite://")):
        pass  # in-memory: nothing to share, nothing taken


def _hold(engine: object, order: list[str]) -> None:
    with write_lock(engine):  # type: ignore[arg-type]
        order.append("second")


_HOLD_IN_CHILD = """
import sys, time
from fanzha.store import make_engine
from fanzha.store.locks import write_lock
with write_lock(make_engine(f"sqlite:///{sys.argv[1]}")):
    print("holding", flush=True)
    time.sleep(0.5)
"""
