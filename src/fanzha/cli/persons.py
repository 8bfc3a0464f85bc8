"""`fanzha persons …`: the key-person registry (重点管控人员) — add a person with the identifiers they use,
list the registry, and show a person with the cases that name those identifiers."""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import orjson
import typer

from fanzha.cli.errors import fail
from fanzha.cli.intel import DataDir, store_url

if TYPE_CHECKING:
    from fanzha.cases.persons import PersonStore

persons_app = typer.Typer(
    help="重点管控人员库：登记人员及其使用的号码、账户，查看关联案件。", no_args_is_help=True
)


def _persons(data_dir: Path | None) -> PersonStore:
    from fanzha.cases.persons import PersonStore
    from fanzha.store import make_engine, upgrade

    engine = make_engine(store_url(data_dir))
    upgrade(engine)
    return PersonStore(engine)


@persons_app.command()
def add(
    name: Annotated[str, typer.Argument(help="姓名")],
    category: Annotated[
        str,
        typer.Option(
            help="类别：suspect（嫌疑人）、controlled（重点管控）、returnee（回流人员）、mule（涉案账户持有人）"
        ),
    ],
    identifier: Annotated[
        list[str] | None,
        typer.Option("--identifier", "-i", help="使用的线索，写作 类型:值，如 phone:13800138000，可多次给出"),
    ] = None,
    id_number: Annotated[str, typer.Option(help="身份证号")] = "",
    district: Annotated[str, typer.Option(help="地区")] = "",
    note: Annotated[str, typer.Option(help="备注")] = "",
    officer: Annotated[str | None, typer.Option("--officer", help="经办民警（默认为当前系统用户）")] = None,
    data_dir: DataDir = None,
) -> None:
    """登记重点管控人员。例：fanzha persons add 张某 --category returnee -i phone:13800138000 -i bank_card:6222021001123456789"""
    from fanzha.cases.model import CaseIdentifier
    from fanzha.cases.repository import CaseError

    idents = []
    for item in identifier or []:
        kind, sep, value = item.partition(":")
        if not sep or not value.strip():
            fail(f"线索应写作 类型:值（如 phone:13800138000），而不是 {item}")
        idents.append(CaseIdentifier(kind.strip(), value.strip(), value.strip()))
    try:
        person = _persons(data_dir).add(
            name=name, category=category, actor=officer or getpass.getuser(), identifiers=idents,
            id_number=id_number, district=district, note=note,
        )  # fmt: skip
    except CaseError as exc:
        fail(str(exc))
    typer.echo(
        f"已登记 {person.name}（编号 {person.id}），{len(person.identifiers)} 条线索，关联 {len(person.cases)} 起案件"
    )


@persons_app.command("list")
def list_persons(
    category: Annotated[str | None, typer.Option(help="只列出某一类别")] = None,
    limit: Annotated[int, typer.Option(min=1, max=5000)] = 200,
    data_dir: DataDir = None,
) -> None:
    """列出重点管控人员（最近登记的在前）。"""
    from fanzha.cases.persons import CATEGORIES

    for p in _persons(data_dir).all(category=category, limit=limit):
        typer.echo(
            f"{p.id}\t{p.name}\t{CATEGORIES.get(p.category, p.category)}\t{p.district or '-'}\t关联案件 {len(p.cases)}"
        )


@persons_app.command()
def show(
    person_id: Annotated[int, typer.Argument(help="人员编号")],
    data_dir: DataDir = None,
) -> None:
    """显示一名人员、其线索和关联案件（JSON）。"""
    from dataclasses import asdict

    person = _persons(data_dir).get(person_id)
    if person is None:
        fail(f"没有编号为 {person_id} 的人员")
    typer.echo(orjson.dumps(asdict(person), option=orjson.OPT_INDENT_2).decode())
