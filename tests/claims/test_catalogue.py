"""The catalogue: the shipped sample loads with its packages; the office's YAML or CSV is checked row by
row with Chinese messages naming the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from fanzha.claims import ClaimError, default_catalogue, load_catalogue


def test_the_shipped_sample_has_beds_packages_and_equipment() -> None:
    catalogue = default_catalogue()
    assert len(catalogue) >= 40
    assert catalogue.items["110900001"].per_night and catalogue.items["110900001"].per_day == 1
    assert {p.code for p in catalogue.packages} == {"250101015", "250305099", "250102035"}
    assert catalogue.packages_of["250101001"][0].code == "250101015"
    assert catalogue.items["210300002"].equipment == "CT"
    for package in catalogue.packages:  # split charging is only possible where the parts cost more
        assert sum(catalogue.items[c].price or 0 for c in package.components) > (package.price or 0)


def test_a_csv_catalogue_with_a_package(tmp_path: Path) -> None:
    path = tmp_path / "目录.csv"
    path.write_text(
        "code,name,category,price,per_day,per_night,equipment,components\n"
        "B1,床位费,bed,40,1,是,,\nA,甲,exam,10,1,,,\nB,乙,exam,10,1,,,\nP,甲乙套餐,exam,15,1,,,A|B\n",
        encoding="utf-8",
    )
    catalogue = load_catalogue(path)
    assert catalogue.items["B1"].per_night and catalogue.items["P"].components == ("A", "B")
    assert catalogue.items["A"].price == 10.0


BAD_YAML = [
    ("items: [{code: A, name: 甲, category: food, price: 1}]", "第1个项目（A）：类别应为"),
    ("items: [{code: A, name: 甲, category: exam, price: -1}]", "第1个项目（A）：标准价必须是"),
    ("items: [{code: A, name: 甲, category: exam, price: .nan}]", "标准价必须是"),
    ("items: [{code: A, name: 甲, category: exam, per_day: 1.5}]", "每日限次必须是正整数"),
    ("items: [{code: A, category: exam}, {code: A, category: exam}]", "第2个项目：项目编码 A 重复"),
    ("items: [{code: P, category: exam, components: [X, Y]}]", "组成项目不在目录中：X, Y"),
    ("items: [{code: A, category: exam, colour: red}]", "未知字段 colour"),
    ("items: [{name: 甲, category: exam}]", "缺少项目编码"),
    ("items: {code: A}", "目录文件应有 items"),
    ("items: [a: b: c]", "不是有效的 YAML"),
]


@pytest.mark.parametrize(("text", "message"), BAD_YAML)
def test_a_bad_catalogue_is_refused_naming_the_item(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "目录.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ClaimError, match=message):
        load_catalogue(path)


def test_a_bad_csv_row_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "目录.csv"
    path.write_text("code,name,category,price\nA,甲,exam,10\nB,乙,exam,十元\n", encoding="utf-8")
    with pytest.raises(ClaimError, match="第3行（B）：标准价不是数字"):
        load_catalogue(path)


def test_a_csv_catalogue_with_lone_carriage_returns_reads_and_a_huge_field_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "目录.csv"
    path.write_text("code,name,category,price\rA,甲,exam,10\r", encoding="utf-8")
    assert load_catalogue(path).items["A"].price == 10
    path.write_text("code,name,category,price\rA," + "甲" * 200_000 + ",exam,10\r", encoding="utf-8")
    with pytest.raises(ClaimError, match="格式有误：有一格超过"):
        load_catalogue(path)
