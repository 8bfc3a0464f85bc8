from __future__ import annotations

import pytest

from fanzha.guard.hosts import host_of, similar_host

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
    ("host", "imitated", "why"),
    [
        ("taobao.top", "taobao.com", "换了域名后缀"),
        ("taobao.com.pay-verify.cn", "taobao.com", "实际网站是pay-verify.cn"),
        ("taobao-secure.com", "taobao.com", "品牌名taobao"),
        ("ta0bao.com", "taobao.com", "形近"),
        ("taobaoo.com", "taobao.com", "只差一个字符"),
        ("jdpay.net.cn", "jdpay.com.cn", "换了域名后缀"),
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
