"""The 督导考评 report as PDF, in the bulletin's styles and Chinese font (`fanzha.reports.pdf`), with its
charts drawn by reportlab."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import KeepTogether, Spacer  # type: ignore[import-untyped]

from fanzha.outreach.report import DistrictReport
from fanzha.reports.pdf import WIDTH, build_pdf, hbar_drawing
from fanzha.reports.pdf import paragraph as _p
from fanzha.reports.pdf import wrapped_table as _table
from fanzha.timezones import BEIJING


def story(r: DistrictReport) -> list[Any]:
    cards = r.scores.cards
    out: list[Any] = [
        _p(r.title, "title"),
        _p(f"统计时段：{r.period.span}（北京时间） 生成：{r.generated_at.astimezone(BEIJING):%Y-%m-%d %H:%M}", "center"),
        _p("一、综合排名", "h2"),
        _table(
            ["名次", "社区", "得分", "注册完成率", "宣传活动", "预警完成率", "万人发案率"],
            [[str(c.rank), c.community, f"{c.score}", c.figure("coverage").shown, c.figure("activities").shown,
              c.figure("completion").shown, c.figure("cases_per_10k").shown] for c in cards]
            or [["—", "本辖区尚未登记社区", "", "", "", "", ""]],
            [w * WIDTH for w in (0.08, 0.2, 0.1, 0.16, 0.14, 0.16, 0.16)],
        ),
        Spacer(1, 6),
        hbar_drawing(r.score_items(), "综合得分排名"),
        hbar_drawing([(n, round(v * 100, 1)) for n, v in r.chart_items("coverage")], "注册完成率（%）"),
        hbar_drawing(r.chart_items("activities"), "宣传活动场次"),
        _p("二、各社区考评表", "h2"),
    ]  # fmt: skip
    for c in cards:
        rows = [[f.label, f.shown, f.explanation] for f in c.figures]
        out.append(KeepTogether([
            _p(f"{c.rank}. {c.community}（{c.score} 分）", "h3"),
            _table(["指标", "数值", "说明"], rows, [0.2 * WIDTH, 0.16 * WIDTH, 0.64 * WIDTH]),
        ]))  # fmt: skip
        out += [_p("得分构成：" + c.score_explanation, "note"), _p("；".join(c.trend), "note"), Spacer(1, 4)]
    out.append(_p("三、宣传活动明细", "h2"))
    out.append(
        _table(
            ["日期", "社区", "类型", "活动", "覆盖人数"],
            [[f"{a.started_at.astimezone(BEIJING):%m-%d}", a.community, a.kind, a.shown_title, str(a.reached)]
             for a in r.activities[:300]] or [["—", "", "", "本期没有登记活动", ""]],
            [w * WIDTH for w in (0.1, 0.16, 0.14, 0.46, 0.14)],
        )
    )  # fmt: skip
    if len(r.activities) > 300:
        out.append(_p(f"共 {len(r.activities)} 场，此处列出前 300 场，完整明细见 Excel 版。", "note"))
    out.append(_p("说明", "h2"))
    out += [_p(n, "note") for n in r.notes]
    return out


def render_pdf(report: DistrictReport) -> bytes:
    return build_pdf(story(report), title=report.title, subject="督导考评")
