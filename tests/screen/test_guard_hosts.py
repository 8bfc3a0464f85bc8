from __future__ import annotations

import pytest

from fanzha.screen.guard_hosts import edit_distance, host_of, registrable, similar_host

REGISTERED = ["shop.example-mall.com", "jdpay.com.cn", "taobao.com"]


@pytest.mark.parametrize(
    ("value", "host"),
    [
        ("https://pay.taobao.com", "pay.taobao.com"),
        ("https://Pay.Taobao.com:8443/cashier?id=1", "pay.taobao.com"),
        ("taobao.com", "taobao.com"),
        ("null", ""),
        ("", ""),
        ("https://xn--fiqs8s.com/", "中国.com"),
    ],
)
def test_host_of_reads_origin_and_referer_values(value: str, host: str) -> None:
    assert host_of(value) == host


@pytest.mark.parametrize(
    ("host", "domain"),
    [("a.b.taobao.com", "taobao.com"), ("pay.jdpay.com.cn", "jdpay.com.cn"), ("taobao.com", "taobao.com")],
)
def test_registrable_keeps_the_name_and_its_suffix(host: str, domain: str) -> None:
    assert registrable(host) == domain


@pytest.mark.parametrize(
    ("host", "imitated", "why"),
    [
        ("taobao.top", "taobao.com", "后缀不同"),
        ("taobao.com.pay-verify.cn", "taobao.com", "子域名"),
        ("taobao-secure.com", "taobao.com", "加了词"),
        ("ta0bao.com", "taobao.com", "形近"),
        ("taobaoo.com", "taobao.com", "只差1个字符"),
        ("tabao.com", "taobao.com", "只差1个字符"),
        ("jdpay.net.cn", "jdpay.com.cn", "后缀不同"),
    ],
)
def test_similar_host_names_the_domain_a_lookalike_imitates(host: str, imitated: str, why: str) -> None:
    found, reason = similar_host(host, REGISTERED)
    assert found == imitated and why in reason


@pytest.mark.parametrize(
    "host", ["taobao.com", "cashier.taobao.com", "www.jdpay.com.cn", "weather.com", "qq.com", ""]
)
def test_registered_hosts_and_unrelated_hosts_are_not_lookalikes(host: str) -> None:
    assert similar_host(host, REGISTERED) == (None, "")


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [("taobao", "taobao", 0), ("taobao", "tabao", 1), ("taobao", "atobao", 1), ("abc", "xyzuvw", 3)],
)
def test_edit_distance_counts_transpositions_once_and_stops_above_the_limit(
    a: str, b: str, distance: int
) -> None:
    assert edit_distance(a, b) == distance
