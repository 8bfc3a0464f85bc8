"""Split a host at its registrable domain, with the Public Suffix List bundled in `publicsuffixlist`.

`www.icbc.com.cn` → subdomain labels `("www",)`, registrable label `icbc`, suffix `com.cn`. The list's
private section counts (`cn.com`, `github.io`, `vercel.app` are suffixes too): whoever registers
`ccb.cn.com` controls it, whatever it looks like. The snapshot ships with the package; nothing is fetched.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from functools import lru_cache

from publicsuffixlist import PublicSuffixList


@dataclass(frozen=True, slots=True)
class HostParts:
    subdomain: tuple[str, ...]  # labels left of the registrable domain, outermost first
    label: str  # the registrable label ("icbc"); empty when the host is itself a public suffix
    suffix: str  # the public suffix ("com.cn")

    @property
    def registrable(self) -> str:
        return f"{self.label}.{self.suffix}" if self.label else self.suffix


@lru_cache(maxsize=1)
def _psl() -> PublicSuffixList:
    # Without the punycoded copy of every rule: building it (IDNA-encoding 10,000 rules) was a tenth of
    # a second at every start; punycoded hosts are decoded instead (`public_suffix`).
    return PublicSuffixList(accept_encoded_idn=False)


@lru_cache(maxsize=65_536)
def public_suffix(host: str) -> str:
    if "xn--" in host:
        with contextlib.suppress(UnicodeError):  # a malformed punycode label stays as written
            host = host.encode("ascii").decode("idna")
    return _psl().publicsuffix(host) or host.rsplit(".", 1)[-1]


def split_host(host: str) -> HostParts:
    """The host's subdomain labels, registrable label and public suffix (host already lower case)."""
    labels = host.split(".")
    # The suffix depends only on the last few labels: caching on them keeps the lookup cheap.
    tail = ".".join(labels[-4:])
    suffix = public_suffix(tail)
    n_suffix = suffix.count(".") + 1
    if len(labels) <= n_suffix:
        return HostParts((), "", host)
    return HostParts(tuple(labels[: -n_suffix - 1]), labels[-n_suffix - 1], suffix)
