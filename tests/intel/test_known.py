"""What the store knows about an identifier, as a citizen reads it: one status and its reasons."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine

from fanzha.intel.facts import domain_facts, host_of, number_facts, owner_phrase
from fanzha.intel.known import STATUS_NAMES, known, official_notice
from fanzha.intel.repository import IntelStore
from fanzha.store import upgrade


@pytest.fixture
def store(engine: Engine) -> IntelStore:
    upgrade(engine)
    return IntelStore(engine)


@pytest.mark.parametrize(
    ("kind", "value", "status", "owner", "imitates", "line"),
    [
        ("phone", "95588", "official", "中国工商银行", None, "这是中国工商银行的官方客服号码"),
        ("phone", "110", "official", "公安报警", None, "110是公安报警的官方号码"),
        ("phone", "0095588", "imitation", None, "中国工商银行", "模仿中国工商银行的95588"),
        ("domain", "icbc-vip.cc", "imitation", None, "中国工商银行", "仿冒网站"),
        (
            "url",
            "https://www.icbc.com.cn/personal",
            "official",
            "中国工商银行",
            None,
            "中国工商银行的官方网站",
        ),
        ("domain", "gov-cn.top", "imitation", None, "政府机关", "不是政府网站"),
        ("phone", "13800138000", "unknown", None, None, "运营商：中国移动，归属地：北京市"),
        ("phone", "17012345678", "unknown", None, None, "虚拟运营商号段"),
        ("phone", "+85261234567", "unknown", None, None, "境外号码"),
    ],
)
def test_the_status_joins_the_level_with_what_the_identifier_is(
    store: IntelStore, kind: str, value: str, status: str, owner: str | None, imitates: str | None, line: str
) -> None:
    found = known(store.lookup(kind=kind, value=value))
    assert (found.status, found.owner, found.imitates) == (status, owner, imitates)
    assert found.status_name == STATUS_NAMES[status]
    assert any(line in shown for shown in found.lines), found.lines
    assert found.flagged is (status == "imitation")


def test_nothing_explained_as_fake_is_shown_as_unmarked(store: IntelStore) -> None:
    for kind, value in [
        ("domain", "icbc-vip.cc"),
        ("phone", "0095588"),
        ("url", "icbc.com.cn.secure-login.top/a"),
    ]:
        found = known(store.lookup(kind=kind, value=value))
        assert found.level == "unknown" and found.status_name != "未达到风险标记"


def test_an_officers_decision_wins_over_the_form(store: IntelStore) -> None:
    store.decide(kind="domain", value="icbc-vip.cc", decision="cleared", officer="p1", reason="申诉属实")
    assert known(store.lookup(kind="domain", value="icbc-vip.cc")).status == "cleared"
    store.decide(kind="phone", value="0095588", decision="confirmed", officer="p1", reason="案件")
    found = known(store.lookup(kind="phone", value="0095588"))
    assert found.status == "confirmed" and any("民警已确认" in line for line in found.lines)


def test_reports_are_counted_with_their_types_and_last_date_in_beijing_time(store: IntelStore) -> None:
    late = datetime(2026, 3, 1, 17, 30, tzinfo=UTC)  # 2026-03-02 01:30 in Beijing
    store.add_report(kind="phone", value="13912345678", fraud_type="loan", reporter="a", at=late)
    store.add_report(kind="phone", value="13912345678", fraud_type="loan", reporter="b", at=late)
    store.add_report(kind="phone", value="13912345678", reporter="c", at=late - timedelta(days=1))
    found = known(store.lookup(kind="phone", value="13912345678", now=late))
    assert found.status == "suspicious" and found.report_count == 3 and found.flagged
    assert "共收到3次举报，最近一次在2026-03-02" in found.lines
    assert "举报的诈骗类型：虚假网络贷款、代办信用卡2次" in found.lines


def test_a_report_of_an_official_number_keeps_it_official_and_says_whose(store: IntelStore) -> None:
    store.add_report(kind="phone", value="95588", fraud_type="impersonate_service")
    found = known(store.lookup(kind="phone", value="95588"))
    assert found.status == "official" and found.report_count == 1 and not found.flagged
    notice = official_notice(found)
    assert notice is not None and notice.startswith("这是中国工商银行的官方客服号码，是真号码")
    assert official_notice(known(store.lookup(kind="phone", value="13800138000"))) is None


@pytest.mark.parametrize(
    ("value", "host"),
    [("icbc-vip.cc/login?a=1", "icbc-vip.cc"), ("abc.top:8080/x", "abc.top"), ("[::1]:80/x", "[::1]:80")],
)
def test_host_of(value: str, host: str) -> None:
    assert host_of(value) == host


def test_domain_facts_name_the_owner_or_the_imitated_brand() -> None:
    assert domain_facts("e95555.cn") == {"organisation": "招商银行"}
    assert domain_facts("icbc-vip.cc")["imitated"] == "中国工商银行"
    assert domain_facts("baidu.com") == {}
    assert number_facts("950618")["organisation"] == "京东"  # a brand's own number, not on the national list
    assert owner_phrase("domain", "icbc.com.cn", "中国工商银行") == "这是中国工商银行的官方网站"
