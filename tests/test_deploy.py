"""The reference deployment (`deploy/`) stays true to the code: every fanzha command it runs is a command
line the CLI accepts, and every FANZHA_* setting it sets is one the code reads."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import click
import pytest
import typer
import yaml

from fanzha.cli import app

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"
SOURCE = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "src" / "fanzha").rglob("*.py"))


def _accepted(args: list[str]) -> None:
    """Parse `fanzha <args>` as the CLI would (options checked), without running it."""
    command: click.Command = typer.main.get_command(app)
    while isinstance(command, click.Group):
        name, args = args[0], args[1:]
        found = command.get_command(click.Context(command), name)
        assert found is not None, f"fanzha has no command {name!r}"
        command = found
    with command.make_context(command.name or "fanzha", list(args)):
        pass


def _compose() -> dict[str, object]:
    data = yaml.safe_load((DEPLOY / "compose.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _fanzha_commands() -> list[list[str]]:
    commands = []
    for service in _compose()["services"].values():  # type: ignore[attr-defined]
        command = service.get("command")
        if command and command[0] == "fanzha":
            commands.append(command[1:])
    for unit in (DEPLOY / "systemd").glob("*.service"):
        for line in unit.read_text(encoding="utf-8").splitlines():
            if line.startswith("ExecStart="):
                words = shlex.split(line.removeprefix("ExecStart="))
                if words[0] == "/bin/sh":  # sh -c '…fanzha …': the command inside, shell words aside
                    words = shlex.split(re.sub(r"\$\([^)]*\)", "X", words[-1]).replace("%%", "%"))
                commands.append(words[1:])
    dockerfile = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    commands.append(yaml.safe_load(re.search(r"^CMD (.*)$", dockerfile, re.M).group(1))[1:])  # type: ignore[union-attr]
    return commands


@pytest.mark.parametrize("args", _fanzha_commands(), ids=lambda a: " ".join(a[:2]))
def test_every_command_the_deployment_runs_is_one_the_cli_accepts(args: list[str]) -> None:
    _accepted(args)


def test_every_setting_the_deployment_sets_is_read_by_the_code() -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in DEPLOY.rglob("*") if p.is_file())
    settings = set(re.findall(r"\bFANZHA_[A-Z_]+[A-Z]\b", text))
    assert {"FANZHA_DATABASE_URL", "FANZHA_REDIS_URL", "FANZHA_REPORTER_SALT"} <= settings
    unread = sorted(s for s in settings if f'"{s}"' not in SOURCE)
    assert not unread, f"the deployment sets settings no code reads: {unread}"
