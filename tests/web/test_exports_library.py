"""The exports' rows and files (`fanzha.reports.exports`): Chinese headers, Beijing times, fraud type names,
amounts in yuan, identifiers in canonical form with their flags, one row per case with its payments and
identifiers summarised, the filters of the lists, safe cells in CSV and Excel, and the audit entry."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped, unused-ignore]
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from fanzha.audit.log import recent, verify
from fanzha.cases.listing import CaseFilter, CaseOrder
from fanzha.cases.model import CaseIdentifier, CaseIn, Payment, Person
from fanzha.cases.repository import CaseStore
from fanzha.orders.listing import OrderFilter, order_page
from fanzha.orders.repository import OrderStore
from fanzha.reports.export_cases import cases_export
from fanzha.reports.export_desk import groups_export, orders_export
from fanzha.reports.exports import csv_chunks, guard, record_export, write_xlsx
from fanzha.store import upgrade

AT = datetime(2026, 11, 6, 6, 0, tzinfo=UTC)  # 14:00 in Beijing
MULE = "6222021234567890128"
BAD_CARD = "6222021234567890127"  # fails the Luhn check: kept, flagged 校验位不符


def _case(ref: str, *, district: str = "西城区", narrative: str = "自称警察……", **more: object) -> CaseIn:
    case = CaseIn(
        received_at=AT,
        ref=ref,
        district=district,
        fraud_type="impersonate_authority",
        contact_channel="phone_call",
        victim=Person(name="李某某", age=68, sex="女"),
        reporter=Person(name="王小明", relation="子女"),
        payments=[
            Payment(
                amount=50000.0, paid_at=AT, channel="bank_transfer", to_account=MULE, to_bank="中国工商银行"
            ),
            Payment(
                amount=30000.5,
                paid_at=AT + timedelta(minutes=30),
                channel="bank_transfer",
                to_account=BAD_CARD,
            ),
        ],
        identifiers=[CaseIdentifier("phone", "14012345678"), CaseIdentifier("bank_card", BAD_CARD)],
        narrative=narrative,
    )
    for key, value in more.items():
        setattr(case, key, value)
    return case


@pytest.fixture
def store(engine: Engine) -> CaseStore:
    upgrade(engine)
    cases = CaseStore(engine)
    cases.create(_case("JZ-001", narrative='=HYPERLINK("http://evil","点我")'), actor="民警甲")
    cases.create(_case("JZ-002", district="东城区"), actor="民警甲")
    cases.create(_case("JZ-003", district="东城区", received_at=AT + timedelta(days=3)), actor="民警甲")
    return cases


def _rows(table_rows: object) -> list[list[object]]:
    return [list(r) for r in table_rows]  # type: ignore[attr-defined]


def test_one_row_per_case_in_chinese_with_beijing_times_yuan_and_flagged_identifiers(
    store: CaseStore,
) -> None:
    export = cases_export(store.engine, CaseFilter())
    assert export.total == 3
    headers = [c.header for c in export.tables[0].columns]
    rows = {r[0]: dict(zip(headers, r, strict=True)) for r in export.tables[0].rows}
    first = rows["JZ-001"]
    assert first["接警时间"] == "2026-11-06 14:00"  # Beijing time, not 06:00 UTC
    assert first["诈骗类型"] == "冒充公检法及政府机关"
    assert first["接触渠道"] == "电话"
    assert first["损失（元）"] == 80000.5
    assert first["受害人"] == "李某某" and first["报警人"] == "王小明" and first["与受害人关系"] == "子女"
    assert first["转账笔数"] == 2
    assert "2026-11-06 14:00 银行转账 50000.00元 → 6222021234567890128（中国工商银行）" in first["转账明细"]
    assert first["涉案线索"] == f"电话号码 14012345678（号段未分配）；银行卡/账号 {BAD_CARD}（校验位不符）"
    assert list(rows) == ["JZ-003", "JZ-002", "JZ-001"]  # the list's order: newest first


def test_the_lists_filters_select_the_same_cases(store: CaseStore) -> None:
    for filters, refs in [
        (CaseFilter(district="东城区"), {"JZ-002", "JZ-003"}),
        (CaseFilter(text=BAD_CARD), {"JZ-001", "JZ-002", "JZ-003"}),
        (CaseFilter(text="HYPERLINK"), {"JZ-001"}),
        (CaseFilter(text="JZ-002"), {"JZ-002"}),
        (CaseFilter(since=AT + timedelta(days=1)), {"JZ-003"}),
        (CaseFilter(status="closed_solved"), set()),
    ]:
        export = cases_export(store.engine, filters, details=False)
        found = {r[0] for r in export.tables[0].rows}
        assert found == refs, filters
        total, listed = store.search(filters, limit=10)
        assert export.total == total == len(refs) and {c.ref for c in listed} == refs


def test_the_export_keeps_the_lists_order_in_every_sheet(store: CaseStore) -> None:
    export = cases_export(store.engine, CaseFilter(), order=CaseOrder("received", descending=False))
    assert [r[0] for r in export.tables[0].rows] == ["JZ-001", "JZ-002", "JZ-003"]
    payments = [r[0] for r in export.tables[1].rows]
    assert payments == ["JZ-001", "JZ-001", "JZ-002", "JZ-002", "JZ-003", "JZ-003"]
    assert [r[0] for r in export.tables[2].rows][::2] == ["JZ-001", "JZ-002", "JZ-003"]


def test_csv_has_a_bom_chinese_headers_and_no_cell_a_spreadsheet_would_run(store: CaseStore) -> None:
    data = b"".join(csv_chunks(cases_export(store.engine, CaseFilter(text="JZ-001")).tables[0]))
    assert data.startswith("\ufeff".encode())
    table = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert table[0][:3] == ["案件编号", "接警时间", "发案时间"]
    narrative = table[1][table[0].index("简要案情")]
    assert narrative == '\'=HYPERLINK("http://evil","点我")'
    assert [guard(v) for v in ("+1", "-2", "@x", "\tx", "\rx", "a=b", 5)] == [
        "'+1",
        "'-2",
        "'@x",
        "'\tx",
        "'\rx",
        "a=b",
        5,
    ]


def test_excel_has_detail_sheets_money_formats_and_formulas_stored_as_text(
    store: CaseStore, tmp_path: Path
) -> None:
    target = tmp_path / "cases.xlsx"
    store.create(_case("JZ-004", narrative="控制字符\x01在此"), actor="民警甲")
    written = write_xlsx(cases_export(store.engine, CaseFilter()), target)
    assert written == 4
    book = load_workbook(target)
    assert book.sheetnames == ["案件", "转账明细", "涉案线索"]
    sheet = book["案件"]
    header = [c.value for c in sheet[1]]
    by_ref = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    narrative = by_ref["JZ-001"][header.index("简要案情")]
    assert narrative.value == '=HYPERLINK("http://evil","点我")' and narrative.data_type == "s"
    assert by_ref["JZ-004"][header.index("简要案情")].value == "控制字符在此"  # dropped, not a 500
    loss = by_ref["JZ-001"][header.index("损失（元）")]
    assert loss.value == 80000.5 and loss.number_format == "#,##0.00"
    payments = [[c.value for c in r] for r in book["转账明细"].iter_rows(min_row=2)]
    assert (
        len(payments) == 8
        and ["JZ-001", "2026-11-06 14:30", 30000.5, "银行转账", None, BAD_CARD, None] in payments
    )
    idents = [[c.value for c in r] for r in book["涉案线索"].iter_rows(min_row=2)]
    assert ["JZ-001", "银行卡/账号", BAD_CARD, BAD_CARD, "校验位不符", "否"] in idents


def test_groups_export_lists_groups_of_two_or_more_with_their_shared_identifiers(store: CaseStore) -> None:
    export = groups_export(store.engine)
    rows = list(export.tables[0].rows)
    assert export.total == len(rows) == 1
    group = dict(zip([c.header for c in export.tables[0].columns], rows[0], strict=True))
    assert group["案件数"] == 3 and group["损失合计（元）"] == 240001.5
    assert "东城区 2" in group["辖区"] and "冒充公检法及政府机关 3" in group["诈骗类型"]
    assert (
        group["共享线索"]
        == f"银行卡/账号 {BAD_CARD}（3起，校验位不符）；电话号码 14012345678（3起，号段未分配）"
    )
    cases = list(export.tables[1].rows)
    assert sorted(r[1] for r in cases) == ["JZ-001", "JZ-002", "JZ-003"]
    assert groups_export(store.engine, two_cards=True).total == 0  # nothing is on the 断卡 list


def test_orders_export_and_paging_use_one_filter(store: CaseStore) -> None:
    orders = OrderStore(store.engine)
    for n, bank in enumerate(["中国工商银行", "中国农业银行", "中国工商银行"], start=1):
        orders.request_stop_payment(
            case_id=n, account=MULE if n != 2 else "6228480402564890018", bank=bank, amount=1000.0 * n,
            legal_basis="《反电信网络诈骗法》第二十条", officer="民警甲",
        )  # fmt: skip
    icbc = OrderFilter(bank="中国工商银行")
    export = orders_export(store.engine, icbc, sort="amount", descending=False)
    rows = list(export.tables[0].rows)
    assert export.total == 2 and [r[6] for r in rows] == [1000.0, 3000.0]
    assert rows[0][1:4] == ["紧急止付", "待银行执行", "JZ-001"]
    total, page = order_page(store.engine, OrderFilter(), sort="amount", descending=True, limit=2, offset=0)
    assert total == 3 and [o.amount_requested for o in page] == [3000.0, 2000.0]
    total, page = order_page(store.engine, OrderFilter(min_amount=1500, max_amount=2500))
    assert total == 1 and page[0].amount_requested == 2000.0


def test_every_export_is_audited_with_who_what_and_how_many(store: CaseStore) -> None:
    export = cases_export(store.engine, CaseFilter(district="东城区"))
    record_export(store.engine, actor="民警甲", export=export, fmt="xlsx", via="console")
    with Session(store.engine) as session:
        entry = recent(session, limit=1)[0]
    assert (entry.actor, entry.action, entry.subject) == ("民警甲", "export.cases", "export:cases")
    assert entry.detail == {"format": "xlsx", "rows": 2, "filters": {"district": "东城区"}, "via": "console"}
    assert verify(store.engine).ok
