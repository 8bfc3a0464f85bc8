"""lookalike_of: the same checks against a merchant's own registered domains."""

from __future__ import annotations

import pytest

from fanzha.domains import lookalike_of

SHOP = ["shop.example-mall.com", "pay.hzxinghe.cn"]


@pytest.mark.parametrize(
    ("host", "kind", "imitated"),
    [
        ("pay.hzxinghe.cn", "official", None),
        ("https://cashier.pay.hzxinghe.cn/order/1", "official", None),
        ("hzxinghe.top", "tld_swap", "pay.hzxinghe.cn"),
        ("hzxlnghe.cn", "homoglyph", "pay.hzxinghe.cn"),
        ("hzxinhe.cn", "typo", "pay.hzxinghe.cn"),
        ("hzxinghe-pay.com", "brand_word", "pay.hzxinghe.cn"),
        ("pay.hzxinghe.cn.check-order.top", "subdomain", "pay.hzxinghe.cn"),
        ("example-mall.net", "tld_swap", "shop.example-mall.com"),
        ("alipay.com", "unrelated", None),
    ],
)
def test_hosts_are_checked_against_the_given_domains(host: str, kind: str, imitated: str | None) -> None:
    verdict = lookalike_of(host, protected=SHOP)
    assert (verdict.kind, verdict.lookalike_of) == (kind, imitated), verdict.reason
    assert verdict.official == (kind == "official")


def test_a_protected_domain_that_is_not_a_domain_is_refused() -> None:
    with pytest.raises(ValueError, match="受保护域名"):
        lookalike_of("a.com", protected=["not a domain"])


def test_a_bad_host_is_invalid() -> None:
    assert lookalike_of("", protected=SHOP).kind == "invalid"


def test_an_empty_list_protects_nothing() -> None:
    verdict = lookalike_of("shop.example-mall.com", protected=[])
    assert (verdict.kind, verdict.official, verdict.lookalike_of) == ("unrelated", False, None)
