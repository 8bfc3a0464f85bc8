"""The batch commands `fanzha check --jsonl` and `fanzha extract --jsonl`, and their fast start.

A batch run's start-up is part of its speed: importing the whole CLI (the case desk, the store, the
web app) and its framework costs about half a second before the first text is read. `fast_path`
recognises exactly the batch command lines (`check --jsonl`, `extract --jsonl`, with `--workers N`)
and runs them with nothing but the engine imported; any other command line, `--help` included, goes
through the full CLI, which calls the same functions.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

from fanzha.cli.jsonl import run_jsonl


def check_jsonl(*, workers: int | None) -> None:
    """`fanzha check --jsonl`: one verdict record per input line."""
    from fanzha.detect.engine import default_detector

    try:
        detector = default_detector()
    except Exception as exc:  # a broken model or taxonomy file: say so, no traceback
        _fail(f"检测引擎无法启动：{exc}")
    run_jsonl(
        lambda texts: [a.to_dict() for a in detector.assess_many(texts, explain=False)], workers=workers
    )


def extract_jsonl(*, workers: int | None) -> None:
    """`fanzha extract --jsonl`: the identifiers of each input line."""
    from fanzha.extract import extract as find

    def records(texts: list[str]) -> list[dict[str, Any]]:
        return [{"identifiers": [i.public_dict() for i in find(t)]} for t in texts]

    run_jsonl(records, workers=workers)


def fast_path(argv: Sequence[str]) -> Callable[[], None] | None:
    """The batch command `argv` asks for, or None when it is anything else (left to the full CLI)."""
    commands = {"check": check_jsonl, "extract": extract_jsonl}
    if not argv or argv[0] not in commands:
        return None
    jsonl, workers = False, None
    rest = list(argv[1:])
    while rest:
        arg = rest.pop(0)
        if arg == "--jsonl":
            jsonl = True
            continue
        value = rest.pop(0) if arg == "--workers" and rest else arg.removeprefix("--workers=")
        if value == arg or not value.isdigit() or int(value) < 1:
            return None
        workers = int(value)
    return partial(commands[argv[0]], workers=workers) if jsonl else None


def _fail(message: str) -> None:
    print(f"错误：{message}", file=sys.stderr)
    raise SystemExit(2)
