"""The HTML bulletin: one Jinja2 template (`templates/bulletin.html`), inline CSS and SVG charts, so the
file can be mailed, opened offline and printed as it is."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from fanzha.reports.charts import column_svg, hbar_svg, line_svg
from fanzha.reports.formats import money, percent

if TYPE_CHECKING:
    from fanzha.reports.bulletin import Bulletin


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("fanzha.reports", "templates"),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["money"] = money
    env.filters["percent"] = percent
    env.filters["thousands"] = lambda n: f"{n:,}"
    return env


def charts(bulletin: Bulletin) -> dict[str, str]:
    """The SVG charts of the bulletin, by name."""
    return {
        "by_type": hbar_svg(
            [(line.name, line.totals.cases) for line in bulletin.by_type], title="分类型报警数"
        ),
        "trend": line_svg(
            bulletin.trend_labels,
            bulletin.trend_series,
            title=f"近{len(bulletin.trend_labels)}期主要类型发案走势",
        ),
        "ages": column_svg(
            [(band, t.cases) for band, t in bulletin.by_age], title="受害人年龄段分布", unit="人"
        ),
        "districts": hbar_svg([(name, t.cases) for name, t in bulletin.by_district], title="分地区报警数"),
    }


def render(bulletin: Bulletin) -> str:
    template = environment().get_template("bulletin.html")
    return template.render(b=bulletin, charts=charts(bulletin))
