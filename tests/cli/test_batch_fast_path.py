"""`fanzha check --jsonl` starts without the rest of the CLI, and answers as the full CLI does."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from fanzha.cli.batch import fast_path


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "--jsonl"],
        ["check", "--jsonl", "--workers", "2"],
        ["check", "--workers=1", "--jsonl"],
        ["extract", "--jsonl"],
    ],
)
def test_batch_command_lines_take_the_fast_path(argv: list[str]) -> None:
    assert fast_path(argv) is not None


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["check"],
        ["check", "some text"],
        ["check", "--jsonl", "--help"],
        ["check", "--jsonl", "--workers", "0"],
        ["check", "--jsonl", "--workers"],
        ["check", "--json", "x"],
        ["serve"],
    ],
)
def test_anything_else_goes_to_the_full_cli(argv: list[str]) -> None:
    assert fast_path(argv) is None


def test_the_fast_path_imports_neither_the_store_nor_the_cli_framework() -> None:
    code = (
        "import sys; from fanzha.cli.batch import fast_path; fast_path(['check', '--jsonl']); "
        "print('sqlalchemy' in sys.modules, 'typer' in sys.modules, 'fanzha.cli.commands' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False", "False"]


def test_fast_and_full_paths_write_the_same_lines() -> None:
    line = '{"id": 1, "text": "您涉嫌洗钱，请转入安全账户"}\n{"id": 2}\n'
    fast = subprocess.run(
        [sys.executable, "-m", "fanzha.cli", "check", "--jsonl", "--workers", "1"],
        input=line,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    full = subprocess.run(
        [
            sys.executable,
            "-c",
            "from fanzha.cli.commands import app; app()",
            "check",
            "--jsonl",
            "--workers",
            "1",
        ],
        input=line,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert fast == full and '"error"' in fast and '"is_fraud":true' in fast


def test_a_reader_that_stops_reading_gets_no_traceback(tmp_path: Path) -> None:
    # `fanzha check --jsonl < in | head -1`: the pipe closes while the run still writes
    source = tmp_path / "in.jsonl"
    source.write_text(
        "".join(f'{{"id": {i}, "text": "您的快递丢失，请联系客服{i}办理理赔"}}\n' for i in range(3000)),
        encoding="utf-8",
    )
    with source.open("rb") as stdin:
        proc = subprocess.Popen(
            [sys.executable, "-m", "fanzha.cli", "check", "--jsonl"],
            stdin=stdin,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert proc.stdout is not None and proc.stderr is not None
        assert proc.stdout.readline().startswith(b'{"id":0')
        proc.stdout.close()
        proc.wait(timeout=120)
        err = proc.stderr.read().decode("utf-8")
    assert proc.returncode == 1 and "Traceback" not in err, err
