"""Command-line interface (typer). `main` starts the batch commands without the rest (`fanzha.cli.batch`)."""

from __future__ import annotations

import os
import sys
from typing import Any


def main() -> None:
    from fanzha.cli.batch import fast_path

    command = fast_path(sys.argv[1:])
    if command is not None:
        try:
            command()
            sys.stdout.flush()
        except BrokenPipeError:
            # The reader stopped reading (`fanzha check --jsonl < in | head`): no traceback, and exit 1,
            # as the Python documentation advises for a closed pipe.
            os._exit(1)
        # Its output written, a batch run has nothing left to do: tearing down the interpreter (freeing
        # every module, the model, the rules) took 15–20 ms of each run (2026-12-07), which os._exit skips.
        sys.stderr.flush()
        os._exit(0)
    from fanzha.cli.commands import app

    app()


def __getattr__(name: str) -> Any:
    """`fanzha.cli.app`, the typer application, imported only when asked for (not by the batch path)."""
    if name == "app":
        from fanzha.cli.commands import app

        return app
    raise AttributeError(name)


__all__ = ["app", "main"]
