"""URLs and domains, including the forms scammers use to get past filters.

Finds links with a scheme (`http://`, `https://`, also `hxxp://`), `www.` hosts and bare domains
with a known top-level domain, IP-literal links, and obfuscated separators (`www点abc点com`,
`abc[.]com`, `abc。com`). The value is `host/path` in lower case with the separators repaired and
without the scheme, so the same link written two ways has one value; `details` keeps the host, the
scheme if any, whether the host is an IP address, a known link shortener, or was obfuscated.

A user part before "@" (`https://www.icbc.com.cn@icbc-vip.top/login`) is a decoy: the browser opens
the host after the last "@". The host is that real one and `details["decoy"]` keeps what was written
before it. Without a scheme such a link must start with `www.`, or look like a site (a known ending)
and carry a path after its host; else it is an e-mail address (`zhang.san@qq.com`) and no link.
"""

from __future__ import annotations

from fanzha.extract.base import Candidate, Recognizer
from fanzha.programs import regex

# Top-level domains that occur in Chinese SMS, legitimate and abused. A bare `word.xyz` is a domain
# only when its ending is here; with a scheme or `www.` any ending is accepted.
TLDS = frozenset(
    [
        "com",
        "cn",
        "net",
        "org",
        "gov",
        "edu",
        "top",
        "xyz",
        "vip",
        "cc",
        "info",
        "me",
        "io",
        "co",
        "app",
        "shop",
        "club",
        "site",
        "online",
        "ltd",
        "wang",
        "ren",
        "link",
        "live",
        "pro",
        "biz",
        "mobi",
        "tv",
        "asia",
        "tech",
        "store",
        "fun",
        "icu",
        "work",
        "ink",
        "cyou",
        "life",
        "world",
        "today",
        "email",
        "email",
        "kim",
        "bid",
        "win",
        "loan",
        "men",
        "vin",
        "red",
        "pub",
        "run",
        "group",
        "space",
        "website",
        "press",
        "host",
        "zone",
        "team",
        "ai",
        "la",
        "ws",
        "tk",
        "ml",
        "ga",
        "cf",
        "gq",
        "hk",
        "tw",
        "mo",
        "jp",
        "kr",
        "sg",
        "us",
        "uk",
        "de",
        "fr",
        "ru",
        "in",
        "au",
        "ca",
        "my",
        "th",
        "vn",
        "ph",
        "id",
        "be",
        "nl",
        "it",
        "es",
        "ch",
        "se",
        "no",
        "fi",
        "pl",
        "br",
        "mx",
        "sbs",
        "cfd",
        "bond",
        "buzz",
        "monster",
        "rest",
        "beauty",
        "hair",
        "skin",
        "quest",
        "autos",
        "boats",
        "homes",
        "yachts",
        "motorcycles",
        "support",
        "help",
        "services",
        "service",
        "center",
        "cloud",
        "click",
        "gold",
        "plus",
        "finance",
        "money",
        "security",
        "network",
        "tools",
        "company",
        "digital",
        "lat",
        "mom",
        "best",
    ]
)
SHORTENERS = frozenset(
    [
        "t.cn",
        "dwz.cn",
        "url.cn",
        "w.url.cn",
        "suo.im",
        "bit.ly",
        "tinyurl.com",
        "is.gd",
        "goo.gl",
        "ow.ly",
        "0x3.me",
        "c7.gg",
        "u.nu",
        "mrw.so",
        "6du.in",
        "3.cn",
        "tb.cn",
        "m.tb.cn",
        "s.click.taobao.com",
        "dwz.mk",
        "sina.lt",
        "rb.gy",
        "cutt.ly",
        "t.co",
        "s.id",
        "v.gd",
        "qr.net",
    ]
)

_SEP = r"(?:\.|点|。|\[\.\]|\(\.\)|\[点\]|\(点\)|\[dot\]|\(dot\))"
_LABEL = r"[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?"
_PATH = r"(?:[/?#][a-z0-9\-._~:/?#@!$&*+,;=%]*)?"
_PORT = r"(?::\d{2,5})?"
# What may stand before "@" in a link (RFC 3986 userinfo), bounded so that a failed match is cheap. It
# may hold "@" itself: the browser opens the host after the last one (https://icbc@www.icbc.com.cn@x.top).
_USER = r"(?:(?P<user>[a-z0-9\-._~!$&'()*+,;=:%@]{1,100})@)"
_SCHEME_URL = regex(
    r"(?<![a-z])(?P<scheme>https?|hxxps?|ftp)(?::|：)//"
    + _USER
    + r"?(?P<host>"
    + _LABEL
    + r"(?:"
    + _SEP
    + _LABEL
    + r")*)"
    + _PORT
    + r"(?P<path>"
    + _PATH
    + r")"
)
# A second to ninth label after the first: bounded, since each label after a "。" or "点" is a new place
# for a pattern to start, and an unbounded repeat would scan the rest of a long chain from each of them.
_MORE_LABELS = r"(?:" + _SEP + _LABEL + r"){1,8}"
_BARE_URL = regex(
    r"(?<![a-z0-9\-@/.])(?P<host>(?:"
    + _LABEL
    + _SEP
    + r"){1,8}(?P<tld>[a-z]{2,10}))(?![a-z0-9\-@])(?!"
    + _MORE_LABELS
    + r"@)"  # not the user part of an e-mail address (zhang.san@qq.com), however it is cut
    + _PORT
    + r"(?P<path>"
    + _PATH
    + r")"
)
# "www.icbc.com.cn@icbc-vip.top/login" without a scheme: a host-like user part (a port may follow it),
# "@", the real host.
_BARE_USER_URL = regex(
    r"(?<![a-z0-9\-@/.])(?P<user>"
    + _LABEL
    + _MORE_LABELS
    + r"(?::\d{1,5})?)@(?P<host>"
    + _LABEL
    + _MORE_LABELS
    + r")(?![a-z0-9\-])"
    + _PORT
    + r"(?P<path>"
    + _PATH
    + r")"
)
_IP_LINK = regex(
    r"(?<![\d.])(?P<host>(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3})"
    r"(?P<port>:\d{2,5})?(?P<path>[/?#][a-z0-9\-._~:/?#@!$&*+,;=%]*)"
)
# Cheap test before the expensive patterns: a letter or digit next to a dot-like separator.
_MAYBE_LINK = regex(r"[a-z0-9](?:\.|点|。|\[|\()")
_OBFUSCATED_SEP = regex(r"。|点|\[点\]|\(点\)")
_IPV4 = regex(r"^(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}$")
_SEPARATORS = regex(_SEP)


def repair_host(host: str) -> tuple[str, bool]:
    """Host with obfuscated separators replaced by dots; and whether any were."""
    repaired = _SEPARATORS.sub(".", host)
    return repaired, repaired != host and "." in repaired


class UrlRecognizer(Recognizer):
    kind = "url"
    patterns = ()
    priority = 90  # a link wins over the digits inside it

    def find(self, text: str) -> list[tuple[int, int, Candidate]]:
        found: list[tuple[int, int, Candidate]] = []
        if not _MAYBE_LINK.search(text):
            return found
        # Links with a scheme first, then a decoy user part without one, then IP links without either;
        # a span taken is not matched again. `taken` marks the characters of the spans found: asking each
        # match whether it starts inside any earlier span made 100,000 characters of links (8,333 of them)
        # take 5 s.
        taken = bytearray(len(text))
        patterns = ((_SCHEME_URL,) if "/" in text else ()) + ((_BARE_USER_URL,) if "@" in text else ())
        for pattern in patterns + ((_IP_LINK,) if "/" in text else ()):
            for match in pattern.finditer(text):
                if taken[match.start()]:
                    continue
                groups = match.groupdict()
                user, path = groups.get("user"), match.group("path")
                if pattern is _BARE_USER_URL and not _decoy_not_mail(user or "", path):
                    continue  # li.ming@163.com/请查收: an e-mail address
                candidate = self._accept(match.group("host"), path, groups.get("scheme"), user)
                end = match.end() - _trailing_punct(match.group())
                if candidate is None and user and pattern is _SCHEME_URL and not _NOT_A_HOST.search(user):
                    # "https://weibo.com@rmrb": no host after "@", so the part before it is the link
                    candidate = self._accept(user, "", groups.get("scheme"))
                    end = match.start("user") + len(user)
                if candidate is not None:
                    found.append((match.start(), end, candidate))
                    taken[match.start() : end] = b"\x01" * (end - match.start())
        for match in _BARE_URL.finditer(text):
            if taken[match.start()]:
                continue
            host = match.group("host")
            candidate = self._accept(host, match.group("path"), None)
            end = match.end() - _trailing_punct(match.group())
            # "访问abc.com。ok": a full stop after a domain is not an obfuscated dot. Mixed real and
            # obfuscated separators, or a rejected host, fall back to the part before the last "。/点".
            while (
                candidate is None or ("." in host and _OBFUSCATED_SEP.search(host))
            ) and _OBFUSCATED_SEP.search(host):
                cut = [m.start() for m in _OBFUSCATED_SEP.finditer(host)][-1]
                host = host[:cut]
                end = match.start() + cut
                candidate = (
                    self._accept(host, "", None) if "." in host or _OBFUSCATED_SEP.search(host) else None
                )
            if candidate is not None:
                found.append((match.start(), end, candidate))
        return found

    @staticmethod
    def _accept(raw_host: str, path: str, scheme: str | None, user: str | None = None) -> Candidate | None:
        host, obfuscated = repair_host(raw_host)
        path = path.rstrip(".,;:!?)")
        is_ip = bool(_IPV4.match(host))
        tld = host.rsplit(".", 1)[-1]
        if "." not in host:
            return None
        short = host in SHORTENERS
        if not is_ip and scheme is None and not host.startswith("www.") and tld not in TLDS and not short:
            return None
        if not is_ip and tld.isdigit():
            return None
        if not is_ip and scheme is None and not path and len(host) < 5:
            return None
        details: dict[str, object] = {"host": host}
        reasons = []
        if scheme:
            details["scheme"] = scheme.replace("hxxp", "http")
        if is_ip:
            details["ip_host"] = True
            reasons.append("以IP地址代替域名的链接，正规机构不会这样发链接")
        if short:
            details["short_link"] = True
            reasons.append("短链接，看不出真实网址")
        if obfuscated:
            details["obfuscated"] = True
            reasons.append("网址中的“.”被写成“点”等字样以躲避拦截")
        if user:
            decoy = repair_host(user)[0]
            details["decoy"] = decoy
            reasons.append(f"“@”前的“{decoy}”只是幌子，打开后去的是{host}")
        kind = "网址" if scheme or path or user else "域名"
        reason = kind + (("：" + "；".join(reasons)) if reasons else "")
        value = host + (path.rstrip("/") if path not in ("", "/") else "")
        score = 0.95 if scheme or host.startswith("www.") else 0.8
        return Candidate(value, score, reason, details, kind="url" if scheme or path or user else "domain")


_NOT_A_HOST = regex(r"[@:!$&'()*+,;=%~]")


def _decoy_not_mail(user: str, path: str) -> bool:
    """Is `user@host…` written without a scheme a link with a decoy before "@", not an e-mail address?
    Only when the user part looks like a site (`www.…`, or a known ending: icbc.com.cn@…) and a path of
    its own follows the host: an address is often followed by "/" or "?" as plain punctuation
    (邮箱li.ming@163.com/请查收)."""
    decoy = repair_host(user.split(":", 1)[0])[0]
    if decoy.startswith("www."):
        return True
    tail = path.rstrip(".,;:!?)")
    return decoy.rsplit(".", 1)[-1] in TLDS and tail.startswith("/") and len(tail) > 1


def _trailing_punct(matched: str) -> int:
    return len(matched) - len(matched.rstrip(".,;:!?)"))
