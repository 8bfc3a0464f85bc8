"""Lookalike domains of protected brands (banks, payment, e-commerce, telecom, logistics, government).

    >>> from fanzha.domains import check_domain
    >>> v = check_domain("http://icbc-95588.com/login")
    >>> v.kind, v.lookalike_of
    ('brand_word', 'icbc.com.cn')

`check_domain(host_or_url)` → `DomainVerdict(host, official, lookalike_of, brand, kind, score, reason)`;
`lookalike_of(host, protected=[...])` does the same against any list of registered domains.

Kinds, tried in this order (the first that fires wins; `fanzha.domains.match`):

- official – the host or a parent is an official domain (brands.yaml plus every brand list of v2fly's
  brand_domains.csv): `www.icbc.com.cn`, `mybank.icbc.com.cn`. Not a lookalike, score 0.
- tld_swap – a brand's own label under another ending: `icbc.top`, `cmbchina.vip`, `ccb.cn.com` (score 0.85;
  labels of 3 characters or fewer, 0.75, only on a risky ending, in the brand's home — its own ending or
  the .cn space, never com/net/org — or when a number: `189.com`).
- homoglyph – same skeleton as a brand label (`fanzha.domains.skeleton`: Cyrillic/Greek look-alikes,
  0↔o, 1↔l↔i, rn↔m, vv↔w …): `1cbc.com.cn`, `іcbc.com` (0.9; 0.95 with non-Latin letters), or a brand
  name spelt that way inside a label (`a1ipay-login.com`, 0.9).
- typo – one insertion, deletion, substitution or swap from a flagship label of six or more characters:
  `alipey.com`, `taoboa.com` (0.8); for labels of 3–5 letters or digits (`icbc`, `ccb`, `ctrip`, `10086`)
  a letter left out, doubled or swapped, scored with the rest of the host (`fanzha.domains.short`: the
  ending, the lengths): `icb.com.cn`, `bco.cn`, `cbc.vip`, `ctirp.com`, not `cbc.com` or `icb.com`.
- brand_word – a brand token plus words or numbers: `icbc-95588.com` (with the brand's own hotline 0.95),
  `alipay-verify.cc`, `10086-jf.com`, `wap-icbc.cn` (0.85).
- pinyin – the pinyin of the Chinese name: `jiansheyinhang.com`, `zhifubao-kefu.top` (0.85; initials such
  as `gsyh` 0.7).
- a brand name misspelt or respelt in one hyphenated piece of the name, the other pieces scam words, is
  a typo or homoglyph (`taoboa-tk.top`, `zt0-kd.com`: `match._piece_hit`); a brand's Chinese name in an
  internationalised host a brand_word (`工商银行客服.com`, `社保补贴.cn`: `fanzha.domains.chinese`).
- subdomain – an official domain or brand token left of someone else's domain:
  `icbc.com.cn.xyz-login.top` (0.95), `alipay.secure-check.top` (0.85); a short name only left of a
  risky ending or of a name that reads as nothing (`abc.x7k2q.cn`, 0.75: `fanzha.domains.shape`).
- gov_mimic – "gov" as a name of its own outside a government's ending, imitating no brand of ours:
  `etax-gov.top`, `www.gov.cn.btsq.top`, `courtgov.vip` (0.9; `fanzha.domains.government`).
- unrelated / invalid (with the reason why the input is not a host). Nothing under gov.cn, edu.cn or
  mil.cn is a lookalike: only governments and schools register there.

A risky ending (cheap TLDs abused for phishing, `data/protected.yaml`) adds 0.05 to the score.

False-alarm guards: typo and TLD-swap checks use only the flagship domains of `data/protected.yaml`
(not the hundreds of side domains in a brand list); any one-edit typo only of labels of six or more
characters, shorter ones only left out, doubled or swapped and scored with the host (`ctrip`/`strip` is
a changed letter, `ctrip`/`trip` the first one left out); restricted endings (`gov.cn`) are nobody's
home (`pbc.gov.cn` is the central bank). Short tokens (4 characters or fewer: `icbc`, `ccb`, `boc`,
`jd`, `qq`, pinyin initials) count only when they fill a run of letters or leave only known scam words
around them (`icbcvip`, `wap-ccb`), two-letter ones only alone or glued to scam words (`jdvip`;
`jdpower.com`, `qqmusic`-style names do not fire), abbreviations that are other people's names too
(`abc`, `sf`, `citic`) only beside scam words (`abcvip`, not `abc-news`), and a short name alone is
never a brand word (`abc.xyz`); numbers must not touch other digits; a short token in a subdomain counts
only on a risky ending or left of a name that reads as nothing; an official domain is never a
lookalike. Pinyin (`fanzha.domains.pinyin`): a label that reads as pinyin words is not a typo by a
changed or added letter (`meitian` is 美甜, not a misspelt meituan; `taobo`, `pindouduo` are typos), and
brand tokens that are everyday pinyin under nine letters (`huabei` 花呗/华北, `weixin`, `taobao`,
`pingan`) must stand alone like short ones (`huabeicheng.com` does not fire, `huabei-kefu.com` does). Guarded brands (`guarded` in `data/protected.yaml`: Apple, 抖音, the airlines,
the courts, brokers and others whose names are other people's too or their own side sites': pineapple,
courtlistener, douyinpay.com) count like abbreviations, and what rests on their name alone (another
ending, a typo, the name beside words) only on a risky ending; their service numbers, look-alike
spellings and official domains as subdomains count anywhere. Numbers of three or four digits (189, 122)
stand only between hyphens or beside scam words (`189-jfdh`, not `room189`).
The tests check that all of `cn_common_domains.txt` comes out unrelated.
"""

from fanzha.domains.check import check_domain, lookalike_of, risky_ending
from fanzha.domains.government import gov_mimic
from fanzha.domains.host import HostError, parse_host
from fanzha.domains.verdict import KINDS, LOOKALIKE_KINDS, DomainVerdict

__all__ = [
    "KINDS",
    "LOOKALIKE_KINDS",
    "DomainVerdict",
    "HostError",
    "check_domain",
    "gov_mimic",
    "lookalike_of",
    "parse_host",
    "risky_ending",
]
