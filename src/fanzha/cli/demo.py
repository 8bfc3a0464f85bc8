"""`fanzha demo …`: load clearly labelled synthetic data for demonstrations and training."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated

import typer

from fanzha.cli.errors import fail
from fanzha.cli.intel import DataDir, store_url

demo_app = typer.Typer(help="演示数据：生成并导入带【演示数据】标记的合成案件。", no_args_is_help=True)


@demo_app.callback()
def _group() -> None:
    """演示数据：生成并导入带【演示数据】标记的合成案件。"""


@demo_app.command("cases")
def cases_cmd(
    n: Annotated[int, typer.Option("--n", help="生成多少起案件", min=1, max=5_000_000)] = 1000,
    seed: Annotated[int, typer.Option("--seed", help="随机种子：同一种子生成完全相同的数据", min=0)] = 0,
    days: Annotated[
        int, typer.Option("--days", help="覆盖多少天（截至上一个完整的周日）", min=7, max=3660)
    ] = 91,
    data_dir: DataDir = None,
) -> None:
    """生成合成案件并导入案件库：类型构成、受害人年龄性别、接触渠道、损失金额、转账记录、团伙复用的号码和账户、
    简要案情都仿照真实警情；每起案件都标为演示数据，简要案情以“【演示数据】”开头。

    例：fanzha demo cases --n 1000
        fanzha demo cases --n 100000 --seed 1 --days 182
    """
    from fanzha.demo.load import DemoError, default_start, load_demo
    from fanzha.store import make_engine, upgrade

    engine = make_engine(store_url(data_dir))
    upgrade(engine)
    start = default_start(days)
    try:
        count = load_demo(engine, n, seed=seed, start=start, days=days)
    except DemoError as exc:
        fail(str(exc))
    end = start + timedelta(days=days - 1)
    typer.echo(
        f"已导入 {count} 起演示案件（种子 {seed}，{start:%Y年%m月%d日}至{end:%Y年%m月%d日}）。"
        "查看通报：fanzha bulletin --format html --out 通报.html"
    )
