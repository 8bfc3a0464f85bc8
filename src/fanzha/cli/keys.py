"""`fanzha keys …`: create, list and revoke API keys (the secret is shown once, at creation)."""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import Annotated

import orjson
import typer

from fanzha.cli.errors import fail
from fanzha.cli.intel import DataDir, store_url
from fanzha.cli.tables import beijing, table
from fanzha.intel.keys import LABEL_MEANING, ROLE_NAMES, ROLES

keys_app = typer.Typer(help="API密钥：按角色创建（只显示一次）、列出、吊销。", no_args_is_help=True)

_LABELS = "；".join(f"{role}（{ROLE_NAMES[role]}）：{LABEL_MEANING[role]}" for role in ROLES)


def _engine(data_dir: Path | None):  # type: ignore[no-untyped-def]
    from fanzha.store import make_engine, upgrade

    engine = make_engine(store_url(data_dir))
    upgrade(engine)
    return engine


@keys_app.command("create")
def create_key_command(
    role: Annotated[str, typer.Option(help="角色：" + "、".join(f"{r}（{ROLE_NAMES[r]}）" for r in ROLES))],
    label: Annotated[
        str,
        typer.Option(
            help="持有人名称，按角色含义不同：" + _LABELS + "。银行、社区、医保密钥的名称决定其能看到的数据"
        ),
    ] = "",
    data_dir: DataDir = None,
) -> None:
    """创建API密钥，只显示这一次（数据库中只存它的哈希）。

    名称（--label）按角色含义不同：银行密钥的名称是银行或支付机构的名称（如 城关农商银行），社区密钥的名称是
    社区或村的名称（如 幸福里社区），医保密钥的名称是医保部门的名称（如 城关区医保局），民警密钥的名称是民警
    姓名或警号。

    例：fanzha keys create --role officer --label 反诈中心-001
        fanzha keys create --role bank --label 城关农商银行
    """
    from fanzha.intel.keys import create_key_with_id

    if role in ("bank", "community", "medical") and not label.strip():
        fail(f"{ROLE_NAMES[role]}密钥需要 --label：{LABEL_MEANING[role]}")
    try:
        key_id, key = create_key_with_id(
            _engine(data_dir), role=role, label=label.strip() or role, actor=getpass.getuser()
        )
    except ValueError as exc:
        fail(str(exc))
    typer.echo(key)
    typer.echo(f"已创建密钥 #{key_id}。请妥善保存：密钥只显示这一次，数据库中只存它的哈希。", err=True)


@keys_app.command("list")
def list_keys_command(
    active: Annotated[bool, typer.Option("--active", help="只列出未吊销的密钥")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="以JSON输出（时间为带时区的ISO 8601）")] = False,
    data_dir: DataDir = None,
) -> None:
    """列出API密钥：编号、角色、名称、创建时间、最近使用时间、状态（不显示密钥本身）。

    例：fanzha keys list
        fanzha keys list --active
    """
    from fanzha.intel.keys import list_keys

    found = list_keys(_engine(data_dir), include_revoked=not active)
    if as_json:
        records = [
            {
                "id": k.id,
                "role": k.role,
                "label": k.label,
                "created_at": k.created_at.isoformat(),
                "last_used_at": k.last_used_at.isoformat() if k.last_used_at else None,
                "revoked_at": k.revoked_at.isoformat() if k.revoked_at else None,
            }
            for k in found
        ]
        typer.echo(orjson.dumps(records, option=orjson.OPT_INDENT_2).decode())
        return
    if not found:
        typer.echo("还没有密钥。创建：fanzha keys create --role officer --label 反诈中心-001")
        return
    rows = [
        [
            str(k.id),
            ROLE_NAMES.get(k.role, k.role),
            k.label,
            beijing(k.created_at),
            beijing(k.last_used_at) if k.last_used_at else "未使用",
            "有效" if k.active else f"已吊销 {beijing(k.revoked_at)}",
        ]
        for k in found
    ]
    typer.echo(
        table(
            ["编号", "角色", "名称", "创建时间", "最近使用", "状态"],
            rows,
            right=[0],
            max_width=[None, None, 30],
        )
    )
    typer.echo(f"\n共 {len(found)} 个密钥（北京时间；最近使用时间精确到10分钟）")


@keys_app.command("revoke")
def revoke_key_command(
    key_id: Annotated[int, typer.Argument(help="密钥编号（见 fanzha keys list）")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="不再询问，直接吊销")] = False,
    data_dir: DataDir = None,
) -> None:
    """吊销一个API密钥：工作台立即拒绝它，正在运行的API服务最迟60秒内拒绝它。记入审计日志。

    例：fanzha keys revoke 3
        fanzha keys revoke 3 --yes
    """
    from fanzha.intel.keys import KeyNotFound, get_key, revoke_key

    engine = _engine(data_dir)
    found = get_key(engine, key_id)
    if found is None:
        fail(f"没有编号为 {key_id} 的密钥（fanzha keys list 列出全部密钥）")
    who = f"#{found.id}（{ROLE_NAMES.get(found.role, found.role)}：{found.label}）"
    if not found.active:
        typer.echo(f"密钥 {who} 已于 {beijing(found.revoked_at)} 吊销，无需再次吊销。")
        return
    if not yes and not typer.confirm(f"确定吊销密钥 {who}？吊销后不能恢复", default=False):
        typer.echo("未吊销。")
        raise typer.Exit(1)
    try:
        done = revoke_key(engine, key_id, actor=getpass.getuser())
    except KeyNotFound as exc:
        fail(str(exc))
    typer.echo(
        f"已吊销密钥 {who}，吊销时间 {beijing(done.revoked_at)}（北京时间）。"
        "工作台立即拒绝此密钥；正在运行的API服务最迟60秒内拒绝。"
    )
