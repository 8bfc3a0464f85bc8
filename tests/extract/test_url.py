"""Links and domains, including obfuscated, IP-literal and shortened ones."""

from __future__ import annotations

import pytest

from fanzha.extract import Identifier, extract
from fanzha.extract.url import repair_host


def links(text: str) -> list[Identifier]:
    return [i for i in extract(text) if i.kind in ("url", "domain")]


def only_link(text: str) -> Identifier:
    found = links(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "written", "value", "scheme"),
    [
        ("点击http://abc.com/login领取", "http://abc.com/login", "abc.com/login", "http"),
        (
            "点击https://www.icbc-secure.com/verify?id=1领取",
            "https://www.icbc-secure.com/verify?id=1",
            "www.icbc-secure.com/verify?id=1",
            "https",
        ),
        ("点击HTTPS://WWW.ABC.COM领取", "HTTPS://WWW.ABC.COM", "www.abc.com", "https"),
        ("点击hxxp://evil.top/a领取", "hxxp://evil.top/a", "evil.top/a", "http"),
        (
            "点击ｈｔｔｐｓ：／／ａｂｃ．ｃｏｍ／ｘ领取",
            "ｈｔｔｐｓ：／／ａｂｃ．ｃｏｍ／ｘ",
            "abc.com/x",
            "https",
        ),
        ("点击https://abc.com/领取", "https://abc.com/", "abc.com", "https"),
        (
            "打开https://anything.unknowntld看看",
            "https://anything.unknowntld",
            "anything.unknowntld",
            "https",
        ),
    ],
)
def test_link_with_scheme_is_a_url_without_the_scheme_in_its_value(
    text: str, written: str, value: str, scheme: str
) -> None:
    link = only_link(text)
    assert link.kind == "url"
    assert link.value == value
    assert text[link.start : link.end] == written
    assert link.details["scheme"] == scheme
    assert link.score == pytest.approx(0.95)


@pytest.mark.parametrize(
    ("text", "written", "value"),
    [
        ("访问www点abc点com领取", "www点abc点com", "www.abc.com"),
        ("访问abc[.]com领取", "abc[.]com", "abc.com"),
        ("访问abc(.)com领取", "abc(.)com", "abc.com"),
        ("访问abc[点]com领取", "abc[点]com", "abc.com"),
        ("访问abc(点)com领取", "abc(点)com", "abc.com"),
        ("访问abc[dot]com领取", "abc[dot]com", "abc.com"),
        ("访问abc。com领取", "abc。com", "abc.com"),
        ("点击http://abc点com/x领取", "http://abc点com/x", "abc.com/x"),
    ],
)
def test_obfuscated_dots_are_repaired_and_flagged(text: str, written: str, value: str) -> None:
    link = only_link(text)
    assert link.value == value
    assert text[link.start : link.end] == written
    assert link.details["obfuscated"] is True
    assert link.details["host"] == value.split("/")[0]


def test_spelled_out_address_is_rejoined_but_not_flagged_obfuscated() -> None:
    # Normalisation removes the spaces, so the recognizer sees an ordinary www.abc.com.
    text = "访问w w w . a b c . c o m领取"
    link = only_link(text)
    assert link.value == "www.abc.com"
    assert text[link.start : link.end] == "w w w . a b c . c o m"
    assert "obfuscated" not in link.details


def test_www_dian_obfuscation_is_flagged_obfuscated() -> None:
    link = only_link("访问www点abc点com领取")
    assert link.kind == "domain"
    assert link.details == {"host": "www.abc.com", "obfuscated": True}
    assert "点" in link.reason


@pytest.mark.parametrize(
    ("text", "written", "value"),
    [
        ("访问http://192.168.1.1/login领取", "http://192.168.1.1/login", "192.168.1.1/login"),
        ("访问http://8.8.8.8/x", "http://8.8.8.8/x", "8.8.8.8/x"),
        ("访问http://1.2.3.4:8080/a领取", "http://1.2.3.4:8080/a", "1.2.3.4/a"),
    ],
)
def test_link_with_ip_host_is_flagged(text: str, written: str, value: str) -> None:
    link = only_link(text)
    assert link.kind == "url"
    assert link.value == value
    assert text[link.start : link.end] == written
    assert link.details["ip_host"] is True
    assert [i.kind for i in extract(text)] == ["url"]  # the IP inside belongs to the link


@pytest.mark.parametrize(
    ("text", "written", "value"),
    [
        ("点击t.cn/A6abcd领取", "t.cn/A6abcd", "t.cn/a6abcd"),
        ("点击https://t.cn/A6abcd领取", "https://t.cn/A6abcd", "t.cn/a6abcd"),
        ("点击https://bit.ly/xyz领取", "https://bit.ly/xyz", "bit.ly/xyz"),
        ("点击dwz.cn/abc领取", "dwz.cn/abc", "dwz.cn/abc"),
        ("点击tinyurl.com/abc领取", "tinyurl.com/abc", "tinyurl.com/abc"),
    ],
)
def test_short_link_is_flagged(text: str, written: str, value: str) -> None:
    link = only_link(text)
    assert link.kind == "url"
    assert link.value == value
    assert text[link.start : link.end] == written
    assert link.details["short_link"] is True
    assert "短链接" in link.reason


@pytest.mark.parametrize("link_text", ["bit.ly/xyz", "is.gd/abc", "goo.gl/abc", "rb.gy/abc", "suo.im/abc"])
def test_bare_short_link_with_uncommon_tld_is_flagged(link_text: str) -> None:
    link = only_link(f"点击{link_text}领取")
    assert link.value == link_text
    assert link.details.get("short_link") is True


@pytest.mark.parametrize(
    ("text", "written", "value"),
    [
        ("登录icbc.com查看", "icbc.com", "icbc.com"),
        ("登录example.xyz查看", "example.xyz", "example.xyz"),
        ("登录abc.com.cn查看", "abc.com.cn", "abc.com.cn"),
        ("访问ａｂｃ．ｃｏｍ领取", "ａｂｃ．ｃｏｍ", "abc.com"),
        ("访问www.abc.abcdef领取", "www.abc.abcdef", "www.abc.abcdef"),  # www. accepts any ending
    ],
)
def test_bare_host_with_known_tld_is_a_domain(text: str, written: str, value: str) -> None:
    link = only_link(text)
    assert link.kind == "domain"
    assert link.value == value
    assert text[link.start : link.end] == written
    assert link.details == {"host": value}


def test_bare_host_with_path_is_a_url() -> None:
    text = "访问abc.com/x?y=1。"
    link = only_link(text)
    assert link.kind == "url"
    assert link.value == "abc.com/x?y=1"
    assert "scheme" not in link.details
    assert link.score == pytest.approx(0.8)


@pytest.mark.parametrize(
    "text",
    [
        "登录file.txt查看",
        "打开readme.md看看",
        "文件report.pdf已发送",
        "点击t.cn领取",  # too short to be a domain without a path
        "邮箱test@qq.com",  # an e-mail address is not a link
        "版本1.2.3",
        "无链接的普通文本",
    ],
)
def test_text_that_is_not_a_link_is_ignored(text: str) -> None:
    assert links(text) == []


@pytest.mark.parametrize(
    ("text", "written", "value"),
    [
        ("访问https://abc.com/path，谢谢", "https://abc.com/path", "abc.com/path"),
        ("访问https://abc.com/path。", "https://abc.com/path", "abc.com/path"),
        ("访问https://abc.com/path！", "https://abc.com/path", "abc.com/path"),
        ("访问https://abc.com/path？", "https://abc.com/path", "abc.com/path"),
        ("访问https://abc.com/path；", "https://abc.com/path", "abc.com/path"),
        ("访问https://abc.com/path：", "https://abc.com/path", "abc.com/path"),
        ("访问https://abc.com/path.", "https://abc.com/path", "abc.com/path"),
        ("（见http://abc.com）", "http://abc.com", "abc.com"),
        ("访问www.abc.com。", "www.abc.com", "www.abc.com"),
        ("访问abc.com，然后", "abc.com", "abc.com"),
        ("网址：www.abc.com/path，联系我", "www.abc.com/path", "www.abc.com/path"),
    ],
)
def test_trailing_punctuation_is_not_part_of_the_link(text: str, written: str, value: str) -> None:
    link = only_link(text)
    assert link.value == value
    assert text[link.start : link.end] == written


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("www点abc点com", ("www.abc.com", True)),
        ("abc[.]com", ("abc.com", True)),
        ("abc.com", ("abc.com", False)),
        ("abc", ("abc", False)),
    ],
)
def test_repair_host(host: str, expected: tuple[str, bool]) -> None:
    assert repair_host(host) == expected


def test_two_links_in_one_message() -> None:
    text = "官网https://abc.com，备用www点xyz点top"
    found = links(text)
    assert [(i.kind, i.value) for i in found] == [("url", "abc.com"), ("domain", "www.xyz.top")]


def test_domain_at_end_of_sentence_followed_by_latin_text_is_kept() -> None:
    assert [i.value for i in links("访问abc.com。ok吗")] == ["abc.com"]


@pytest.mark.parametrize(
    ("text", "value", "decoy"),
    [
        ("登录https://www.court.gov.cn@fy-susong.cc/login查看", "fy-susong.cc/login", "www.court.gov.cn"),
        ("登录http://95588:vip@icbc-vip.top查看", "icbc-vip.top", "95588:vip"),
        ("访问www.icbc.com.cn@icbc-vip.top/a", "icbc-vip.top/a", "www.icbc.com.cn"),
        ("访问icbc.com.cn@icbc-vip.top/a", "icbc-vip.top/a", "icbc.com.cn"),
        ("访问www.icbc.com.cn@icbc-vip.top", "icbc-vip.top", "www.icbc.com.cn"),
        ("登录http://www.ccb.com@www点ccb-vip点top/x", "www.ccb-vip.top/x", "www.ccb.com"),
        ("打开http://user@1.2.3.4/x", "1.2.3.4/x", "user"),
        # the browser opens the host after the last "@"
        ("登录https://icbc@www.icbc.com.cn@icbc-vip.top/up升级", "icbc-vip.top/up", "icbc@www.icbc.com.cn"),
        ("登录www.icbc.com.cn:443@icbc-vip.top/up升级", "icbc-vip.top/up", "www.icbc.com.cn:443"),
    ],
)
def test_a_user_part_before_at_is_a_decoy_and_the_host_after_it_is_the_link(
    text: str, value: str, decoy: str
) -> None:
    link = only_link(text)
    assert link.kind == "url"
    assert link.value == value
    assert link.details["decoy"] == decoy
    assert decoy in link.reason and link.details["host"] in link.reason


@pytest.mark.parametrize(
    "text",
    [
        "邮箱zhang.san@qq.com",
        "发到icbc.com.cn@abc.top",
        "联系cszhuanjia@corp.elong.com",
        "客服service@icbc.com.cn",
        # "/", "?" or "#" after an address is punctuation, not a path
        "对账单已发送至邮箱li.ming@163.com/请注意查收",
        "会议纪要已发，邮箱li.ming@163.com#请查收",
        "联系人王老师，邮箱wang.li@126.com/13812345678",
        "发邮件给我 zhang.san@qq.com? 我周一看",
    ],
)
def test_an_email_address_is_not_a_link_however_it_is_cut(text: str) -> None:
    assert links(text) == []


def test_an_at_inside_the_path_is_part_of_the_path() -> None:
    link = only_link("见https://abc.com/path@x")
    assert link.value == "abc.com/path@x"
    assert "decoy" not in link.details


def test_a_scheme_link_with_no_host_after_at_is_the_part_before_it() -> None:
    link = only_link("关注https://weibo.com@rmrb")
    assert link.value == "weibo.com" and "decoy" not in link.details


def test_every_one_of_thousands_of_links_is_found_once() -> None:
    # Spans already taken are marked per character (each match once asked every earlier span).
    text = "".join(f"请访问 http://a{i}.cn/p 或 www.b{i}.com 缴费；" for i in range(1_500))
    links = sorted((i for i in extract(text) if i.kind in ("url", "domain")), key=lambda i: i.start)
    assert [(i.kind, i.value) for i in links[:2]] == [("url", "a0.cn/p"), ("domain", "www.b0.com")]
    assert len(links) == 3_000 and len({(i.start, i.end) for i in links}) == 3_000
