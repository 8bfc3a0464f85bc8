"""Registrable domains from the bundled Public Suffix List."""

from __future__ import annotations

import pytest

from fanzha.domains.suffix import split_host


@pytest.mark.parametrize(
    ("host", "subdomain", "label", "suffix"),
    [
        ("www.icbc.com.cn", ("www",), "icbc", "com.cn"),
        ("icbc.com.cn.xyz-login.top", ("icbc", "com", "cn"), "xyz-login", "top"),
        ("ccb.cn.com", (), "ccb", "cn.com"),  # cn.com is a (private) public suffix
        ("chinatax.gov.cn", (), "chinatax", "gov.cn"),
        ("a.b.unknowntld", ("a",), "b", "unknowntld"),
        ("com.cn", (), "", "com.cn"),
    ],
)
def test_hosts_split_at_the_registrable_domain(
    host: str, subdomain: tuple[str, ...], label: str, suffix: str
) -> None:
    parts = split_host(host)
    assert (parts.subdomain, parts.label, parts.suffix) == (subdomain, label, suffix)
