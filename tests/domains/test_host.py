"""From a pasted URL or host to the host a browser would visit."""

from __future__ import annotations

import pytest

from fanzha.domains.host import HostError, ascii_host, parse_host


@pytest.mark.parametrize(
    ("text", "host"),
    [
        ("icbc.com.cn", "icbc.com.cn"),
        ("WWW.ICBC.COM.CN.", "www.icbc.com.cn"),
        ("https://www.icbc.com.cn/login?x=1#top", "www.icbc.com.cn"),
        ("http://icbc.com.cn@evil.top/login", "evil.top"),  # user info hides the real host
        ("https://user:pass@icbc.com.cn:8443/", "icbc.com.cn"),
        ("icbc.com.cn:8080", "icbc.com.cn"),
        ("ｉｃｂｃ。ｃｏｍ。ｃｎ", "icbc.com.cn"),  # full-width letters and ideographic dots
        ("icbc[.]com[.]cn", "icbc.com.cn"),
        ("xn--cbc-ihd.com", "іcbc.com"),  # punycode decoded: a Cyrillic і
        ("//cdn.example.com/x.js", "cdn.example.com"),
        ("hxxp://alipay-verify.cc/", "alipay-verify.cc"),
        ("  taobao.com  ", "taobao.com"),
        ("1.2.3.4:8080/a", "1.2.3.4"),
    ],
)
def test_the_host_is_what_the_browser_would_visit(text: str, host: str) -> None:
    assert parse_host(text) == host


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "为空"),
        ("   ", "为空"),
        ("bad host.com", "空格"),
        ("a..b.com", "空的域名段"),
        ("-icbc.com", "不是有效的域名段"),
        ("icbc_.com!", "不是有效的域名段"),
        ("x" * 64 + ".com", "过长"),
        ("http://[::1]/", "IPv6"),
        ("xn--zz-zz.com", "punycode"),
        ("http://", "找不到域名"),
    ],
)
def test_what_cannot_be_a_host_gets_a_chinese_reason(text: str, message: str) -> None:
    with pytest.raises(HostError, match=message):
        parse_host(text)


def test_unicode_hosts_have_an_ascii_form_for_registry_lookups() -> None:
    assert ascii_host("іcbc.com") == "xn--cbc-ihd.com"
    assert ascii_host("icbc.com.cn") == "icbc.com.cn"
