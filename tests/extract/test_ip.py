"""Bare IPv4 addresses."""

from __future__ import annotations

import pytest

from fanzha.extract import Identifier, extract


def ips(text: str) -> list[Identifier]:
    return [i for i in extract(text) if i.kind == "ip"]


@pytest.mark.parametrize(
    ("text", "value", "private", "score"),
    [
        ("服务器ip是8.8.8.8", "8.8.8.8", False, 0.8),
        ("请登录123.45.67.89查看", "123.45.67.89", False, 0.8),
        ("发来1.2.3.4看看", "1.2.3.4", False, 0.6),
        ("255.255.255.255", "255.255.255.255", False, 0.6),
        ("0.0.0.0", "0.0.0.0", True, 0.6),
        ("地址192.168.1.1。", "192.168.1.1", True, 0.8),
        ("内网10.0.0.1", "10.0.0.1", True, 0.6),
        ("本机127.0.0.1", "127.0.0.1", True, 0.6),
        ("内网172.16.0.1", "172.16.0.1", True, 0.6),
        ("公网172.32.0.1", "172.32.0.1", False, 0.6),
    ],
)
def test_bare_ipv4_is_found(text: str, value: str, private: bool, score: float) -> None:
    found = ips(text)
    assert len(found) == 1, found
    ip = found[0]
    assert ip.value == value
    assert text[ip.start : ip.end] == value
    assert bool(ip.details.get("private")) is private
    assert ip.score == pytest.approx(score)


@pytest.mark.parametrize(
    "text",
    [
        "v1.2.3.4",
        "版本号v1.2.3.4更新",
        "更新到V1.2.3.4",
        "当前版本1.2.3.4更新",
        "地址999.1.1.1",
        "地址256.1.1.1",
        "1.2.3.4.5",
        "01.2.3.4",
        "1.2.3",
        "1.2.3.4.5.6",
    ],
)
def test_version_strings_and_impossible_addresses_are_not_ips(text: str) -> None:
    assert ips(text) == []


def test_ip_followed_by_full_stop_is_found() -> None:
    text = "IP地址是1.2.3.4。"
    found = ips(text)
    assert [text[i.start : i.end] for i in found] == ["1.2.3.4"]


def test_ip_inside_a_link_belongs_to_the_link() -> None:
    found = extract("点击http://1.2.3.4/a")
    assert [i.kind for i in found] == ["url"]


def test_ip_with_a_path_is_a_link_not_a_bare_ip() -> None:
    found = extract("访问1.2.3.4/login领取")
    assert [(i.kind, i.value, i.details.get("ip_host")) for i in found] == [("url", "1.2.3.4/login", True)]
