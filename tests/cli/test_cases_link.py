"""`fanzha cases link --jsonl`: one group per input line, in order; bad lines reported, never a traceback."""

from __future__ import annotations

import orjson
from typer.testing import CliRunner

from fanzha.cli.cases import cases_app

runner = CliRunner()


def _lines(*rows: object) -> str:
    return "".join(orjson.dumps(r).decode() + "\n" for r in rows)


def test_link_jsonl_groups_cases_that_share_an_identifier() -> None:
    stdin = _lines(
        {"id": "A1", "identifiers": [{"kind": "phone", "value": "+86 138 0013 8000"}]},
        {
            "id": "A2",
            "identifiers": [{"kind": "phone", "value": "13800138000"}, {"kind": "qq", "value": "123456"}],
        },
        {"id": "A3", "identifiers": [{"kind": "qq", "value": "QQ:123456"}]},
        {"id": "B1", "identifiers": [{"kind": "phone", "value": "95588"}]},
        {"id": "B2", "identifiers": [{"kind": "phone", "value": "95588"}]},
    )
    for workers in ("1", "2"):
        result = runner.invoke(cases_app, ["link", "--jsonl", "--workers", workers], input=stdin)
        assert result.exit_code == 0, result.output
        rows = [orjson.loads(line) for line in result.stdout.splitlines()]
        groups = [(r["id"], r["group"]) for r in rows]
        assert groups == [("A1", "A1"), ("A2", "A1"), ("A3", "A1"), ("B1", "B1"), ("B2", "B2")]


def test_bad_lines_get_an_error_and_the_rest_is_linked() -> None:
    stdin = "{broken\n" + _lines({"id": "A1", "identifiers": [{"kind": "fax", "value": "1"}]}, {"id": "A2"})
    result = runner.invoke(cases_app, ["link", "--jsonl", "--workers", "1"], input=stdin)
    assert result.exit_code == 0
    rows = [orjson.loads(line) for line in result.stdout.splitlines()]
    assert rows[0]["id"] is None and "JSON" in rows[0]["error"]
    assert rows[1]["id"] == "A1" and "fax" in rows[1]["error"]
    assert rows[2] == {"id": "A2", "group": "A2"}
    assert "有2行无法读取" in result.stderr


def test_without_jsonl_the_command_says_how_to_call_it() -> None:
    result = runner.invoke(cases_app, ["link"], input="")
    assert result.exit_code == 2 and "--jsonl" in result.stderr


def test_help_is_in_chinese_with_an_example() -> None:
    result = runner.invoke(cases_app, ["link", "--help"])
    assert result.exit_code == 0 and "串并" in result.stdout and "fanzha cases link --jsonl" in result.stdout
