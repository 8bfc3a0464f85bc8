"""`fanzha outreach …`: prevention work from the terminal — the community registry (import a CSV), record
an activity, a community's scorecard, the 督导考评 report (HTML, Excel or PDF), and quiz questions."""

from __future__ import annotations

import getpass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import orjson
import typer

from fanzha.cli.errors import fail
from fanzha.cli.intel import DataDir, store_url

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from fanzha.reports.periods import Period

outreach_app = typer.Typer(
    help="宣传防范：社区名册与目标、宣传活动登记、社区考评、督导考评报告、反诈知识竞答出题。",
    no_args_is_help=True,
)


def _engine(data_dir: Path | None) -> Engine:
    from fanzha.store import make_engine, upgrade

    engine = make_engine(store_url(data_dir))
    upgrade(engine)
    return engine


def _period(text: str | None) -> Period:
    from fanzha.reports.periods import last_complete, parse_period

    if not text:
        return last_complete("month")
    try:
        return parse_period(text)
    except ValueError as exc:
        fail(str(exc))


@outreach_app.command("import-communities")
def import_communities(
    csv_file: Annotated[
        Path,
        typer.Argument(
            help="社区名册CSV（UTF-8，首行表头：社区,乡镇街道,区县,派出所,常住人口,户数,注册目标,每月活动目标）"
        ),
    ],
    data_dir: DataDir = None,
) -> None:
    """导入或更新社区名册及注册、活动目标（按社区名称更新）。

    例：fanzha outreach import-communities 社区名册.csv
    """
    from fanzha.outreach.communities import import_csv
    from fanzha.outreach.model import OutreachError

    try:
        text = csv_file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"无法读取 {csv_file}：{exc.__class__.__name__}（请保存为UTF-8编码的CSV）")
    try:
        stored, errors = import_csv(_engine(data_dir), text=text)
    except OutreachError as exc:
        fail(str(exc))
    for error in errors:
        typer.echo(error, err=True)
    typer.echo(f"已导入 {stored} 个社区" + (f"，{len(errors)} 行有误未导入" if errors else ""))
    if errors:
        raise typer.Exit(2)


@outreach_app.command("record")
def record(
    community: Annotated[str, typer.Option(help="社区名称（须已在名册中）")],
    kind: Annotated[
        str, typer.Option(help="讲座、摆摊宣传、入户、LED屏、横幅、微信群推送、进校园、进企业、进社区")
    ],
    title: Annotated[str, typer.Option(help="活动名称")],
    at: Annotated[str, typer.Option(help="活动时间（北京时间），例如 2026-11-20 09:30")],
    place: Annotated[str, typer.Option(help="地点")] = "",
    organizer: Annotated[str, typer.Option(help="负责人")] = "",
    unit: Annotated[str, typer.Option(help="单位")] = "",
    posters: Annotated[int, typer.Option(help="张贴海报（张）")] = 0,
    leaflets: Annotated[int, typer.Option(help="发放宣传单（份）")] = 0,
    banners: Annotated[int, typer.Option(help="悬挂横幅（条）")] = 0,
    screens: Annotated[int, typer.Option(help="LED屏（块）")] = 0,
    reached: Annotated[int, typer.Option(help="覆盖人数")] = 0,
    note: Annotated[str, typer.Option(help="备注")] = "",
    photo: Annotated[list[Path] | None, typer.Option(help="现场照片或文件（JPEG/PNG/PDF，可重复）")] = None,
    data_dir: DataDir = None,
) -> None:
    """登记一次宣传活动及其覆盖情况。

    例：fanzha outreach record --community 幸福里社区 --kind 讲座 --title 老年人防骗讲座 --at "2026-11-20 09:30" --reached 60 --posters 10
    """
    from fanzha.outreach.activities import record_activity
    from fanzha.outreach.attachments import add_attachment
    from fanzha.outreach.model import OutreachError

    try:
        started = datetime.fromisoformat(at.strip())
    except ValueError:
        fail(f"活动时间“{at[:30]}”无法识别，例如 2026-11-20 09:30")
    engine = _engine(data_dir)
    files = []
    for path in photo or []:
        try:
            files.append((path.name, path.read_bytes()))
        except OSError as exc:
            fail(f"无法读取 {path}：{exc.__class__.__name__}")
    try:
        from fanzha.outreach.attachments import sniff

        for _, data in files:
            sniff(data)
        a = record_activity(
            engine, kind=kind, title=title, community=community, started_at=started, place=place,
            organizer=organizer, unit=unit, posters=posters, leaflets=leaflets, banners=banners, screens=screens,
            reached=reached, note=note, recorded_by=getpass.getuser(),
        )  # fmt: skip
        for name, data in files:
            add_attachment(engine, activity_id=a.id, name=name, data=data, uploaded_by=getpass.getuser())
    except OutreachError as exc:
        fail(str(exc))
    typer.echo(
        f"已登记活动 #{a.id}：{a.community} {a.kind}“{a.title}”，覆盖 {a.reached} 人，附件 {len(files)} 个"
    )


@outreach_app.command("scorecard")
def scorecard(
    community: Annotated[str | None, typer.Option(help="只看一个社区")] = None,
    district: Annotated[str | None, typer.Option(help="区县")] = None,
    month: Annotated[str | None, typer.Option(help="期间：2026-11（月）或 2026-W47（周），默认上月")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="输出JSON")] = False,
    data_dir: DataDir = None,
) -> None:
    """社区考评：注册覆盖、宣传活动、预警处置、万人发案率及与上期比较，每项附说明。

    例：fanzha outreach scorecard --district 城关区 --month 2026-11
    """
    from fanzha.outreach.scorecards import collect

    scores = collect(_engine(data_dir), period=_period(month), district=district, community=community)
    if community and not scores.cards:
        fail(f"没有名为“{community}”的社区")
    if as_json:
        from fanzha.api.outreach_schemas import scorecard_out

        typer.echo(orjson.dumps([scorecard_out(c) for c in scores.cards]).decode())
        return
    typer.echo(f"{scores.period.title}（{scores.period.span}）社区考评，{scores.warn_source}")
    for c in scores.cards:
        typer.echo(f"\n{c.rank}. {c.community}（{c.district}）综合得分 {c.score}")
        for f in c.figures:
            typer.echo(f"  {f.label}：{f.shown}  —— {f.explanation}")
        typer.echo(f"  得分构成：{c.score_explanation}")
        for t in c.trend:
            typer.echo(f"  · {t}")


@outreach_app.command("report")
def report(
    output: Annotated[Path, typer.Option("--output", "-o", help="输出文件")],
    format: Annotated[str, typer.Option("--format", help="xlsx、pdf 或 html")] = "xlsx",
    district: Annotated[str | None, typer.Option(help="区县，默认全部")] = None,
    month: Annotated[str | None, typer.Option(help="期间：2026-11 或 2026-W47，默认上月")] = None,
    data_dir: DataDir = None,
) -> None:
    """督导考评报告：社区排名、考评表、图表和活动明细，导出 Excel、PDF 或 HTML。

    例：fanzha outreach report --format xlsx --district 城关区 --month 2026-11 -o 督导考评.xlsx
    """
    if format not in ("xlsx", "pdf", "html"):
        fail(f"格式须为 xlsx、pdf 或 html（收到“{format[:10]}”）")
    from fanzha.outreach.report import build_report, render_html

    built = build_report(_engine(data_dir), period=_period(month), district=district)
    if format == "html":
        data = render_html(built).encode()
    elif format == "xlsx":
        from fanzha.outreach.excel import render_xlsx

        data = render_xlsx(built)
    else:
        from fanzha.outreach.report_pdf import render_pdf

        data = render_pdf(built)
    try:
        output.write_bytes(data)
    except OSError as exc:
        fail(f"无法写入 {output}：{exc.__class__.__name__}")
    typer.echo(
        f"已生成《{built.title}》：{output}（{len(built.scores.cards)} 个社区，{len(built.activities)} 场活动）"
    )


@outreach_app.command("quiz")
def quiz(
    count: Annotated[int, typer.Option(help="题目数量（1–50）")] = 10,
    seed: Annotated[int, typer.Option(help="随机种子：相同种子出相同的题")] = 0,
    fraud_type: Annotated[
        list[str] | None, typer.Option(help="只出这些类型的题（可重复），如 rebate_task")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="每行一题JSON（含答案）")] = False,
    data_dir: DataDir = None,
) -> None:
    """反诈知识竞答出题：来自诈骗类型库的危险信号、类型辨识和应对方法，及最近通报中上升的类型。

    例：fanzha outreach quiz --count 10 --seed 7
    """
    from fanzha.outreach.quiz import generate
    from fanzha.outreach.quiz_sessions import recent_rising
    from fanzha.taxonomy.codes import fraud_type_choices, is_fraud_type

    for code in fraud_type or []:
        if not is_fraud_type(code):
            fail(f"未知的诈骗类型“{code[:32]}”，可选：{fraud_type_choices()}")
    try:
        questions = generate(
            count=count, seed=seed, types=fraud_type, rising=recent_rising(_engine(data_dir))
        )
    except ValueError as exc:
        fail(str(exc))
    for i, q in enumerate(questions, start=1):
        if as_json:
            typer.echo(orjson.dumps(q.to_dict()).decode())
            continue
        typer.echo(f"{i}. {q.prompt}")
        for j, option in enumerate(q.options):
            typer.echo(f"   {'ABCD'[j]}. {option}")
        typer.echo(f"   答案：{'ABCD'[q.answer]}  解析：{q.explanation}\n")
