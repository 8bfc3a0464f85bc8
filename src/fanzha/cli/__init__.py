"""Command-line interface (typer)."""

from fanzha.cli.app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
