"""From whatever a user pastes (a URL, a host, a host with a port) to one lower-case host name.

Handles the tricks phishing links use to hide their real host: user info before an `@`
(`http://icbc.com.cn@evil.top/` goes to evil.top), full-width letters and dots (`ｉｃｂｃ。com`), a
trailing dot, a port, punycode labels (`xn--…` is decoded, so `xn--icb-jnd.com` shows as the Cyrillic
`icbс.com` it is). A host that cannot be one raises `HostError` with a message in Chinese.
"""

from __future__ import annotations

import re
import unicodedata

MAX_HOST = 253
MAX_LABEL = 63


class HostError(ValueError):
    """Not a host name or URL; the message says why, in Chinese."""


_SCHEME = re.compile(r"^[a-z][a-z0-9+.\-]{0,15}:(?://)?", re.IGNORECASE)
_DOTS = str.maketrans({"。": ".", "｡": ".", "．": ".", "︒": "."})
_BRACKET_DOTS = re.compile(r"\[\.\]|\(\.\)|\[dot\]|\(dot\)", re.IGNORECASE)
_IPV4 = re.compile(r"^(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}$")
_PATH_START = re.compile(r"[/?#]")
_SPACE = re.compile(r"\s")
_ASCII_LABEL = re.compile(r"^[a-z0-9_](?:[a-z0-9_\-]*[a-z0-9_])?$")


def parse_host(text: str) -> str:
    """The host of a URL or host name: lower case, IDNA-decoded, without port, user info or trailing dot.

    >>> parse_host("HTTPS://user@WWW.ICBC.com.cn:8443/login?x=1")
    'www.icbc.com.cn'
    """
    if not isinstance(text, str):
        raise HostError("域名或网址必须是字符串")
    raw = unicodedata.normalize("NFKC", text.translate(_DOTS)).strip()
    raw = _BRACKET_DOTS.sub(".", raw)
    if not raw:
        raise HostError("域名或网址为空")
    if len(raw) > 4096:
        raise HostError("网址过长")
    raw = raw.replace("\\", "/")
    match = _SCHEME.match(raw)
    if match and (match.group().endswith("//") or not raw[match.end() :].split("/")[0].isdigit()):
        raw = raw[match.end() :]
    raw = raw.lstrip("/")
    authority = _PATH_START.split(raw, maxsplit=1)[0]
    authority = authority.rsplit("@", 1)[-1]  # user info: what comes before the last @ is not the host
    if authority.startswith("["):
        raise HostError("IPv6地址不是域名")
    host = authority.split(":", 1)[0].strip().rstrip(".").lower()
    return _validate(host, text)


def _validate(host: str, original: str) -> str:
    if not host:
        raise HostError(f"“{original[:60]}”里找不到域名")
    if _SPACE.search(host):
        raise HostError(f"“{host[:60]}”含空格，不是域名")
    if len(host) > MAX_HOST:
        raise HostError(f"域名过长（{len(host)}个字符，上限{MAX_HOST}个）")
    if _IPV4.match(host):
        return host
    labels = host.split(".")
    decoded = []
    for label in labels:
        if not label:
            raise HostError(f"“{host[:60]}”中有空的域名段（连续的点）")
        if len(label) > MAX_LABEL:
            raise HostError(f"域名段“{label[:20]}…”过长（上限{MAX_LABEL}个字符）")
        if label.startswith("xn--"):
            try:
                label = label.encode("ascii").decode("idna")
            except UnicodeError:
                raise HostError(f"“{label}”不是有效的国际化域名编码（punycode）") from None
        if label.isascii():
            if not _ASCII_LABEL.match(label):
                raise HostError(
                    f"“{label}”不是有效的域名段（只能含字母、数字和连字符，且不以连字符开头或结尾）"
                )
        elif not all(c.isalnum() or c == "-" or unicodedata.category(c) == "Mn" for c in label):
            raise HostError(f"“{label}”含不能出现在域名里的字符")
        decoded.append(label.lower())
    return ".".join(decoded)


def is_ip(host: str) -> bool:
    return bool(_IPV4.match(host))


def ascii_host(host: str) -> str:
    """The punycode (xn--) form of a host, for comparing with registry lists."""
    if host.isascii():
        return host
    out = []
    for label in host.split("."):
        try:
            out.append(label if label.isascii() else "xn--" + label.encode("punycode").decode("ascii"))
        except UnicodeError:
            out.append(label)
    return ".".join(out)
