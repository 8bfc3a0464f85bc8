"""`fanzha demo …`: load clearly labelled synthetic data for demonstrations and training."""

from __future__ import annotations

from typing import Annotated

import typer

from fanzha.cli.errors import fail
from fanzha.cli.intel import DataDir, store_url

demo_app = typer.Typer(help="演示数据：生成带演示标记的合成案件和合成转账流水。", no_args_is_help=True)


@demo_app.callback()
def _group() -> None:
    """演示数据：生成带演示标记的合成案件和合成转账流水。"""


@demo_app.command("cases")
def cases_cmd(
    n: Annotated[int, typer.Option("--n", help="生成多少起案件", min=1, max=5_000_000)] = 1000,
    seed: Annotated[int, typer.Option("--seed", help="随机种子：同一种子生成完全相同的数据", min=0)] = 0,
    days: Annotated[int, typer.Option("--days", help="覆盖多少天（截至此刻）", min=7, max=3660)] = 91,
    data_dir: DataDir = None,
) -> None:
    """生成合成案件并导入案件库：类型构成、受害人年龄性别、接触渠道、损失金额、转账记录、团伙复用的号码和账户、
    简要案情都仿照真实警情；时间截至此刻（北京时间），今天、本周都有警情；每起案件都标为演示数据，
    简要案情以“【演示数据】”开头。

    例：fanzha demo cases --n 1000
        fanzha demo cases --n 100000 --seed 1 --days 182
    """
    from datetime import UTC, datetime

    from fanzha.demo.load import DemoError, load_demo, window_start
    from fanzha.store import make_engine, upgrade
    from fanzha.timezones import BEIJING

    engine = make_engine(store_url(data_dir))
    upgrade(engine)
    now = datetime.now(UTC)
    try:
        count = load_demo(engine, n, seed=seed, days=days, now=now)
    except DemoError as exc:
        fail(str(exc))
    start = window_start(days, now=now)
    typer.echo(
        f"已导入 {count} 起演示案件（种子 {seed}，{start:%Y年%m月%d日}至{now.astimezone(BEIJING):%Y年%m月%d日 %H:%M}）。"
        "查看通报：fanzha bulletin --format html --out 通报.html"
    )


@demo_app.command("refresh")
def refresh_cmd(data_dir: DataDir = None) -> None:
    """加载或补齐 fanzha serve --demo 的全部演示数据：案件（截至此刻；已有的只补上次加载以来的时段）、
    止付冻结指令、演示银行（中国工商银行）的转账筛查、暂停转账、柜面核查和报警，以及居民、宣传活动、回流人员、
    医保结算单。已加载的部分不会重复加载。

    例：fanzha demo refresh
    """
    from fanzha.demo.live import load_live_demo
    from fanzha.store import make_engine, upgrade

    engine = make_engine(store_url(data_dir))
    upgrade(engine)
    added = load_live_demo(engine, seed=0, say=lambda line: typer.echo(line, err=True))
    typer.echo(
        f"新增演示案件 {added['cases']} 起、止付指令 {added['orders']} 条、筛查转账 {added['transfers']} 笔"
        f"（其中暂停或拦截 {added['held']} 笔，柜面核查 {added['checks']} 笔）、柜面报警 {added['alarms']} 起。"
    )


@demo_app.command("transfers")
def transfers_cmd(
    n: Annotated[int, typer.Option("--n", help="生成多少笔转账", min=0, max=20_000_000)] = 1000,
    seed: Annotated[int, typer.Option("--seed", help="随机种子：同一种子生成完全相同的流水", min=0)] = 0,
    days: Annotated[int, typer.Option("--days", help="覆盖多少天", min=1, max=366)] = 28,
    start: Annotated[
        str | None, typer.Option("--start", help="起始日期（北京时间），如 2026-11-02；默认 2026-11-02")
    ] = None,
    fraud_share: Annotated[
        float, typer.Option("--fraud-share", help="诈骗转账占比，0到1之间", min=0.0, max=1.0)
    ] = 0.02,
) -> None:
    """把合成转账流水按时间顺序写到标准输出，每行一笔（JSON），都带 "synthetic": true 和标签
    （label: fraud/normal，scenario: 场景）：日常消费、缴费、房租、家人转账、经营付款，以及
    冒充公检法“安全账户”、绑架勒索、解冻费/保证金、刷单返利、投资平台充值、多名受害人汇入同一账户。

    例：fanzha demo transfers --n 100000 --seed 1 > transfers.jsonl
        fanzha demo transfers --n 5000 --start 2026-10-01 --days 14 --fraud-share 0.05
    """
    import sys
    from datetime import date, datetime

    import orjson

    from fanzha.demo.transfers import simulate_transfers
    from fanzha.timezones import BEIJING

    begin = None
    if start is not None:
        try:
            begin = datetime.combine(date.fromisoformat(start), datetime.min.time(), BEIJING)
        except ValueError:
            fail(f"起始日期“{start}”无法识别，请写成 2026-11-02 这样的格式")
    out = sys.stdout.buffer
    for transfer in simulate_transfers(n, seed=seed, start=begin, days=days, fraud_share=fraud_share):
        out.write(orjson.dumps(transfer) + b"\n")
    out.flush()
