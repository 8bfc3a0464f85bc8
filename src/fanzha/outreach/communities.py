"""The community registry and its targets: upsert one, list them, import a CSV the township keeps."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, insert, select, update

from fanzha.outreach.model import (
    COMMUNITY_LIMITS,
    NAME_MAX,
    Community,
    NotFound,
    OutreachError,
    check_count,
    check_text,
)
from fanzha.store.outreach_tables import CommunityRow
from fanzha.text.csvfile import csv_problem, csv_stream

# CSV headers accepted (Chinese as the offices write them, or the field names).
CSV_HEADERS = {
    "社区": "name", "name": "name", "乡镇街道": "township", "乡镇": "township", "街道": "township",
    "township": "township", "区县": "district", "辖区": "district", "district": "district",
    "派出所": "police_station", "police_station": "police_station", "常住人口": "population",
    "人口": "population", "population": "population", "户数": "households", "households": "households",
    "注册目标": "registration_target", "registration_target": "registration_target",
    "每月活动目标": "activities_target", "activities_target": "activities_target",
}  # fmt: skip


def _community(row: Any) -> Community:
    return Community(
        id=row.id, name=row.name, township=row.township, district=row.district,
        police_station=row.police_station, population=row.population, households=row.households,
        registration_target=row.registration_target, activities_target=row.activities_target,
        synthetic=row.synthetic,
    )  # fmt: skip


def upsert_community(
    engine: Engine,
    *,
    name: str,
    township: str = "",
    district: str = "",
    police_station: str = "",
    population: int = 0,
    households: int = 0,
    registration_target: int = 0,
    activities_target: int = 0,
    synthetic: bool = False,
) -> Community:
    """Create the community `name` or update its fields and targets (the name is the key)."""
    name = check_text(name, "社区名称", NAME_MAX, required=True)
    texts = {
        "township": check_text(township, "乡镇街道", NAME_MAX),
        "district": check_text(district, "区县", NAME_MAX),
        "police_station": check_text(police_station, "派出所", NAME_MAX),
    }
    given = {
        "population": population, "households": households,
        "registration_target": registration_target, "activities_target": activities_target,
    }  # fmt: skip
    counts = {field: check_count(given[field], *COMMUNITY_LIMITS[field]) for field in given}
    with engine.begin() as conn:
        row = conn.execute(select(CommunityRow.id).where(CommunityRow.name == name)).first()
        values = {**texts, **counts, "synthetic": synthetic, "updated_at": datetime.now(UTC)}
        if row is None:
            conn.execute(insert(CommunityRow).values(name=name, **values))
        else:
            conn.execute(update(CommunityRow).where(CommunityRow.id == row.id).values(**values))
    return get_community(engine, name=name)


def get_community(engine: Engine, *, name: str) -> Community:
    with engine.connect() as conn:
        row = conn.execute(select(CommunityRow).where(CommunityRow.name == name)).first()
    if row is None:
        raise NotFound(f"没有名为“{name[:NAME_MAX]}”的社区")
    return _community(row)


def list_communities(engine: Engine, *, district: str | None = None) -> list[Community]:
    """All communities (of `district` when given), by district then name."""
    stmt = select(CommunityRow).order_by(CommunityRow.district, CommunityRow.name)
    if district:
        stmt = stmt.where(CommunityRow.district == district)
    with engine.connect() as conn:
        return [_community(r) for r in conn.execute(stmt)]


def parse_csv(text: str) -> list[dict[str, str]]:
    """The rows of a communities CSV with their fields named; OutreachError for a file without 社区."""
    reader = csv.reader(csv_stream(text))
    try:
        header = next(reader, None)
        if not header:
            raise OutreachError("CSV 文件为空，或第1行（表头）是空行")
        fields = [CSV_HEADERS.get(h.strip()) for h in header]
        if "name" not in fields:
            raise OutreachError(
                f"CSV 缺少“社区”列；可用列名：{'、'.join(k for k in CSV_HEADERS if k.isascii() is False)}"
            )
        rows = []
        for values in reader:
            if not any(v.strip() for v in values):
                continue
            rows.append({f: v.strip() for f, v in zip(fields, values, strict=False) if f})
    except csv.Error as exc:  # a field over the csv module's size limit, a stray quote in strict mode …
        raise OutreachError(f"CSV 第{reader.line_num}行格式有误：{csv_problem(exc)}") from None
    return rows


def import_csv(engine: Engine, *, text: str, synthetic: bool = False) -> tuple[int, list[str]]:
    """Upsert every row of a communities CSV. Returns (rows stored, errors "第N行：…"); a bad row is
    reported and skipped, the good rows are kept."""
    stored, errors = 0, []
    for line, row in enumerate(parse_csv(text), start=2):
        try:
            upsert_community(engine, synthetic=synthetic, **row)  # type: ignore[arg-type]
            stored += 1
        except OutreachError as exc:
            errors.append(f"第{line}行：{exc}")
    return stored, errors


def names(communities: Iterable[Community]) -> list[str]:
    return [c.name for c in communities]
