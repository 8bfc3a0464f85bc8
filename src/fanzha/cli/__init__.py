"""Command-line interface (typer). `main` starts the batch commands without the rest (`fanzha.cli.batch`)."""

from __future__ import annotations

import sys
from typing import Any


def main() -> None:
    from fanzha.cli.batch import fast_path

    command = fast_path(sys.argv[1:])
    if command is not None:
        command()
        return
    from fanzha.cli.commands import app

    app()


def __getattr__(name: str) -> Any:
    """`fanzha.cli.app`, the typer application, imported only when asked for (not by the batch path)."""
    if name == "app":
        from fanzha.cli.commands import app

        return app
    raise AttributeError(name)


__all__ = ["app", "main"]
