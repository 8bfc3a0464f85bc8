"""Hosts for the lookalike-domain benchmark: the labelled set and the 100,000-host speed sample.

Written from phishing patterns reported in Chinese fraud warnings (brand plus a hotline or a word such as
`icbc-95588`, `10086-jf`, `taobao-tuikuan`; digit swaps `1cbc`; new endings `cmbchina.vip`,
`ccb.cn.com`; the real domain in a subdomain `icbc.com.cn.xyz-login.top`; pinyin `jiansheyinhang`),
with templates and word lists typed here by hand. Four kinds aim at short brand names (3–6 letters or
digits), where a name alone collides with real sites: `short_typo` (a letter left out, two neighbours
swapped, a digit for a look-alike letter: `icb.com.cn`, `pbsc.cn`, `b0c.cn`), `random_host` (a short name
or abbreviation as the leftmost label of a random string: `abc.x7k2q.cn`), `glued` (a short name and a
word without a hyphen: `abcvip.com`, `jdkefu.top`) and `numeric_tld` (an operator's numeric name under
another ending: `189.com`, `10086.net`). Nothing here imports `fanzha`: the labels come from how a host
was made, not from the checker; hosts that are official by v2fly's brand lists (`brand_domains.csv`,
read here as data) or are real sites listed below are never labelled lookalikes. Negatives are real sites written by hand (none from
`cn_common_domains.txt`, which the checker's tests use), real sites whose names contain short brand
tokens, official domains and subdomains, and random pronounceable domains.

    python benchmarks/suite/domains_data.py   # rewrites benchmarks/data/domains_labelled.csv
"""

from __future__ import annotations

import csv
import hashlib
import random
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]
LABELLED = HERE / "data" / "domains_labelled.csv"
INTEL = HERE.parent.parent / "shared" / "data" / "intel"
COMMON = INTEL / "cn_common_domains.txt"
BRAND_DOMAINS = INTEL / "brand_domains.csv"
SEED = 20241130
SPLIT_SALT = "fanzha-domains-13"  # common_halves: which real domains tune the checker, which are reported


def _split(text: str) -> list[str]:
    return text.split()


# label, official domain, hotline, pinyin of the Chinese name (typed by hand)
BRANDS = [
    ("icbc", "icbc.com.cn", "95588", "gongshangyinhang"),
    ("ccb", "ccb.com", "95533", "jiansheyinhang"),
    ("abchina", "abchina.com", "95599", "nongyeyinhang"),
    ("boc", "boc.cn", "95566", "zhongguoyinhang"),
    ("bankcomm", "bankcomm.com", "95559", "jiaotongyinhang"),
    ("psbc", "psbc.com", "95580", "youzhengchuxu"),
    ("cmbchina", "cmbchina.com", "95555", "zhaoshangyinhang"),
    ("citicbank", "citicbank.com", "95558", "zhongxinyinhang"),
    ("cmbc", "cmbc.com.cn", "95568", "minshengyinhang"),
    ("spdb", "spdb.com.cn", "95528", "pufayinhang"),
    ("cebbank", "cebbank.com", "95595", "guangdayinhang"),
    ("pingan", "pingan.com", "95511", "pinganyinhang"),
    ("unionpay", "unionpay.com", "95516", "yinlian"),
    ("alipay", "alipay.com", "95188", "zhifubao"),
    ("taobao", "taobao.com", "", "tianmao"),
    ("jd", "jd.com", "950618", "jingdong"),
    ("pinduoduo", "pinduoduo.com", "", ""),
    ("10086", "10086.cn", "", "zhongguoyidong"),
    ("10010", "10010.com", "", "zhongguoliantong"),
    ("12306", "12306.cn", "", ""),
    ("sf-express", "sf-express.com", "95338", "shunfeng"),
    ("chinatax", "chinatax.gov.cn", "12366", "shuiwuju"),
    ("cib", "cib.com.cn", "95561", "xingyeyinhang"),
    ("hxb", "hxb.com.cn", "95577", "huaxiayinhang"),
    ("ems", "ems.com.cn", "11183", "youzhengkuaidi"),
    ("zto", "zto.com", "95311", "zhongtongkuaidi"),
    ("yto", "yto.net.cn", "95554", "yuantongkuaidi"),
    ("sto", "sto.cn", "95543", "shentongkuaidi"),
    ("ctrip", "ctrip.com", "95010", "xiecheng"),
    ("tmall", "tmall.com", "", "tianmao"),
    ("189", "189.cn", "", "zhongguodianxin"),
]
# The abbreviations the firms print on their cards and apps (typed by hand), beside the domain labels.
ABBREVIATIONS = {
    "abchina": "abc",
    "cmbchina": "cmb",
    "cebbank": "ceb",
    "citicbank": "citic",
    "sf-express": "sf",
}
# Operators whose brand is a number: the number is the domain name (typed by hand).
NUMERIC = [("10086", "10086.cn"), ("10010", "10010.com"), ("189", "189.cn")]
WORDS = "vip kefu login safe verify tuikuan jf jifen online wap m app service ebank pay help center card"
WORDS += " update gift yhk zx kf cs hk sh 2024 88 my web secure user lipin dk ed tie jiedong"
ENDINGS = "com cn net top xyz vip cc icu shop cyou club site online com.cn cn.com net.cn info work buzz"
MORE_ENDINGS = _split("org mobi hk co me tv ltd xin net.cn org.cn asia")  # for numeric names
RANDOM_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789"
DIGIT_FOR = {"o": "0", "i": "1", "l": "1", "e": "3", "a": "4", "s": "5", "b": "8", "g": "9"}
CHEAP = _split("top xyz vip cc icu shop cyou club site online buzz work")
FILLER = _split("xyz-login secure-check verify-center account-update online-service pay-gate user-auth")
SYLLABLES = _split(
    "ba bei bo chang chen cheng da de dong fang feng gao guo hai hang he hong hua jia jin jing kai lan "
    "li lian long lu mei ming nan ning qi qing rui sen shan sheng shi shu tai tian wei wen xi xiang xin "
    "xing ya yang yi yong yu yuan yue ze zhen zhi zhong zhou"
)
ENGLISH = _split(
    "green leaf river stone cloud star bright tech data soft link home farm food book art design media "
    "travel sport health care trade global smart net work studio lab city garden blue red gold"
)
# Real sites, typed by hand (checked below not to be in cn_common_domains.txt).
ORDINARY = _split(
    """
tsinghua.edu.cn pku.edu.cn fudan.edu.cn zju.edu.cn sjtu.edu.cn ustc.edu.cn nju.edu.cn whu.edu.cn
hust.edu.cn sysu.edu.cn xjtu.edu.cn scu.edu.cn ruc.edu.cn bnu.edu.cn tongji.edu.cn nankai.edu.cn
gov.cn beijing.gov.cn shanghai.gov.cn mps.gov.cn pbc.gov.cn miit.gov.cn moe.gov.cn court.gov.cn
huawei.com lenovo.com byd.com haier.com midea.com lining.com anta.com cctv.com xinhuanet.com
chinadaily.com.cn ifeng.com zhihu.com douban.com sohu.com 163.com sina.com.cn youku.com iqiyi.com
ximalaya.com meitu.com didiglobal.com nio.com xpeng.com lixiang.com dji.com oppo.com vivo.com.cn
oneplus.com hikvision.com zte.com.cn boe.com cnpc.com.cn sinopec.com chinalife.com.cn cpic.com.cn
picc.com ccdi.gov.cn stats.gov.cn nhc.gov.cn cma.gov.cn weather.com.cn chinanews.com.cn gmw.cn
google.com apple.com microsoft.com amazon.com wikipedia.org github.com stackoverflow.com python.org
mozilla.org nytimes.com bbc.co.uk reuters.com nature.com arxiv.org linkedin.com netflix.com
spotify.com adobe.com oracle.com ibm.com intel.com nvidia.com samsung.com sony.com toyota.com
bmw.com volkswagen.com ikea.cn starbucks.com.cn mcdonalds.com.cn kfc.com.cn uniqlo.cn zara.cn
"""
)
# Real sites whose names hold a short brand token or are one letter from a brand name.
TRAPS = _split(
    """
abc.xyz abc.net.au abcya.com abcmouse.com jdpower.com jdsports.com sfgate.com sfmoma.org sfu.ca
emsisoft.com cibc.com bocconi.it ccbill.com icbcasia.com bochk.com cmbwinglungbank.com
stripe.com pingcap.com abcam.com abcnews.go.com jdsupra.com sfchronicle.com cmbi.com.hk spdbintl.com
alipayhk.com emsc-csem.org
"""
)
# Lookalikes typed one by one from patterns in public fraud warnings, with the kind as the author reads it.
HARD = [
    ("icbc.com.cn-secure.top", "icbc.com.cn", "subdomain"),
    ("www-icbc-com-cn.top", "icbc.com.cn", "brand_word"),
    ("icbcc.com", "icbc.com.cn", "typo"),
    ("e-icbc.net", "icbc.com.cn", "brand_word"),
    ("icbc.95588-kf.top", "icbc.com.cn", "subdomain"),
    ("zggsyh.com", "icbc.com.cn", "pinyin"),
    ("gs-yh.cc", "icbc.com.cn", "pinyin"),
    ("ccbvip.cc", "ccb.com", "brand_word"),
    ("ccb-jk.com", "ccb.com", "brand_word"),
    ("jsyh95533.com", "ccb.com", "pinyin"),
    ("abc-bank.com", "abchina.com", "brand_word"),
    ("abchina-ebank.vip", "abchina.com", "brand_word"),
    ("boc-hk.top", "boc.cn", "brand_word"),
    ("bankofchina-online.com", "boc.cn", "brand_word"),
    ("jd-jr.com", "jd.com", "brand_word"),
    ("jdjr-kefu.com", "jd.com", "brand_word"),
    ("jingdong-baitiao.top", "jd.com", "pinyin"),
    ("alipay.login-cn.icu", "alipay.com", "subdomain"),
    ("zfb-kefu.com", "alipay.com", "brand_word"),
    ("zhifubao.cn.com", "alipay.com", "pinyin"),
    ("tb-tuikuan.com", "taobao.com", "brand_word"),
    ("taobao.com.tuikuan-zx.cn", "taobao.com", "subdomain"),
    ("tmall-lipei.top", "tmall.com", "brand_word"),
    ("pdd-tuikuan.com", "pinduoduo.com", "brand_word"),
    ("10086jf.cn", "10086.cn", "brand_word"),
    ("10086.cn.jf-dh.top", "10086.cn", "subdomain"),
    ("10086-jfdh.com", "10086.cn", "brand_word"),
    ("wx-pay.top", "tenpay.com", "brand_word"),
    ("weixin-zhifu.com", "tenpay.com", "pinyin"),
    ("chinatax-gov.cn.com", "chinatax.gov.cn", "brand_word"),
    ("12306-tuipiao.com", "12306.cn", "brand_word"),
    ("sf-express.kuaidi-lipei.top", "sf-express.com", "subdomain"),
    ("shunfeng-lipei.com", "sf-express.com", "pinyin"),
    ("unionpay-cn.com", "unionpay.com", "brand_word"),
    ("yunshanfu-app.com", "unionpay.com", "brand_word"),
    ("psbc-95580.top", "psbc.com", "brand_word"),
    ("cmbchina-xyk.com", "cmbchina.com", "brand_word"),
    ("95555-xyk.com", "cmbchina.com", "brand_word"),
    ("pingan-daikuan.top", "pingan.com", "brand_word"),
    ("ctrip-tuipiao.com", "ctrip.com", "brand_word"),
]
OFFICIAL = _split(
    """
icbc.com.cn www.icbc.com.cn mybank.icbc.com.cn m.icbc.com.cn 95588.com ccb.com www.ccb.com ebank.ccb.com
abchina.com www.abchina.com perbank.abchina.com boc.cn www.boc.cn ebsnew.boc.cn bankcomm.com
www.bankcomm.com psbc.com www.psbc.com cmbchina.com www.cmbchina.com pbsz.ebank.cmbchina.com
citicbank.com cmbc.com.cn spdb.com.cn cebbank.com pingan.com bank.pingan.com unionpay.com
www.95516.com alipay.com www.alipay.com render.alipay.com taobao.com item.taobao.com tmall.com
detail.tmall.com jd.com item.jd.com pinduoduo.com mobile.yangkeduo.com 10086.cn www.10086.cn
shop.10086.cn 10010.com 12306.cn kyfw.12306.cn sf-express.com www.sf-express.com chinatax.gov.cn
etax.chinatax.gov.cn qq.com weixin.qq.com pay.weixin.qq.com tenpay.com meituan.com ctrip.com
"""
)
HOMOGLYPHS = {
    "i": ["1", "l"],
    "l": ["1", "i"],
    "o": ["0"],
    "m": ["rn"],
    "w": ["vv"],
    "a": ["а"],
    "e": ["е"],
    "c": ["с"],
}
KEYBOARD = {"a": "qs", "b": "vn", "c": "xv", "d": "sf", "e": "wr", "h": "gj", "i": "uo", "n": "bm", "o": "ip"}
KEYBOARD |= {"p": "o", "s": "ad", "t": "ry", "u": "yi", "y": "tu", "g": "fh", "m": "n"}


def _word(rng: random.Random) -> str:
    return rng.choice(_split(WORDS))


def _tld(rng: random.Random, cheap: bool = False) -> str:
    return rng.choice(CHEAP if cheap else _split(ENDINGS))


def lookalike(rng: random.Random, kind: str) -> tuple[str, str]:
    """One lookalike host of the given kind: (host, imitated official domain)."""
    label, official, hotline, pinyin = rng.choice(BRANDS)
    suffix = official.split(".", 1)[1]
    if kind == "brand_word":
        word = hotline if hotline and rng.random() < 0.3 else _word(rng)
        form = rng.choice(["{b}-{w}", "{w}-{b}", "{b}{w}", "{b}-{w}-{x}"])
        return form.format(b=label, w=word, x=_word(rng)) + "." + _tld(rng), official
    if kind == "tld_swap":
        # cheap endings only: a brand often owns its name under .net or .cn too (defensive registration)
        return f"{label}.{rng.choice([*CHEAP, 'cn.com'])}", official
    if kind == "homoglyph":
        spots = [(i, c) for i, c in enumerate(label) if c in HOMOGLYPHS]
        if not spots:
            return lookalike(rng, kind)
        i, c = rng.choice(spots)
        host = label[:i] + rng.choice(HOMOGLYPHS[c]) + label[i + 1 :]
        return f"{host}.{suffix if rng.random() < 0.6 else _tld(rng)}", official
    if kind == "typo":
        if len(label) < 6 or label.isdigit():
            return lookalike(rng, kind)
        i = rng.randrange(1, len(label) - 1)
        how = rng.choice(["omit", "double", "swap", "key"])
        if how == "omit":
            typo = label[:i] + label[i + 1 :]
        elif how == "double":
            typo = label[:i] + label[i] + label[i:]
        elif how == "swap":
            typo = label[: i - 1] + label[i] + label[i - 1] + label[i + 1 :]
        else:
            typo = label[:i] + rng.choice(KEYBOARD.get(label[i], "x")) + label[i + 1 :]
        if typo == label:  # swapping two equal letters
            return lookalike(rng, kind)
        return f"{typo}.{suffix if rng.random() < 0.7 else _tld(rng)}", official
    if kind == "subdomain":
        head = rng.choice([official, f"www.{official}", label, f"{label}-{_word(rng)}"])
        return f"{head}.{rng.choice(FILLER)}.{_tld(rng, cheap=True)}", official
    if kind == "pinyin":
        if not pinyin:
            return lookalike(rng, kind)
        form = rng.choice(["{p}", "{p}-{w}", "{p}{w}", "{w}{p}"])
        return form.format(p=pinyin, w=_word(rng)) + "." + _tld(rng), official
    if kind in SHORT_KINDS:
        return _short_lookalike(rng, kind)
    raise ValueError(kind)


def _short_names() -> list[tuple[str, str]]:
    """(short name, official domain): domain labels of 3–6 characters and the abbreviations."""
    names = [(label, official) for label, official, _, _ in BRANDS if 3 <= len(label) <= 6]
    return names + [
        (ABBREVIATIONS[label], official) for label, official, _, _ in BRANDS if label in ABBREVIATIONS
    ]


def _short_lookalike(rng: random.Random, kind: str) -> tuple[str, str]:
    if kind == "numeric_tld":
        number, official = rng.choice(NUMERIC)
        return f"{number}.{rng.choice([*_split(ENDINGS), *MORE_ENDINGS])}", official
    if kind == "short_typo":
        label, official, _, _ = rng.choice([b for b in BRANDS if 3 <= len(b[0]) <= 6])
        how = rng.choice(["omit", "swap", "digit"])
        i = rng.randrange(len(label))
        if how == "omit" and len(label) > 3:
            typo = label[:i] + label[i + 1 :]
        elif how == "swap" and i < len(label) - 1 and label[i] != label[i + 1]:
            typo = label[:i] + label[i + 1] + label[i] + label[i + 2 :]
        elif how == "digit" and label[i] in DIGIT_FOR:
            typo = label[:i] + DIGIT_FOR[label[i]] + label[i + 1 :]
        else:
            return _short_lookalike(rng, kind)
        suffix = official.split(".", 1)[1]
        return f"{typo}.{suffix if rng.random() < 0.5 else _tld(rng)}", official
    name, official = rng.choice(_short_names())
    if kind == "random_host":
        size = rng.randint(5, 8)
        chars = RANDOM_CHARS[:26] if rng.random() < 0.25 else RANDOM_CHARS
        rand = "".join(rng.choice(chars) for _ in range(size))
        return f"{name}.{rand}.{_tld(rng)}", official
    if kind == "glued":
        word = rng.choice([w for w in _split(WORDS) if w.isalpha() and len(w) >= 2])
        form = "{b}{w}" if rng.random() < 0.75 else "{w}{b}"
        return form.format(b=name, w=word) + "." + _tld(rng), official
    raise ValueError(kind)


def _clean(host: str) -> bool:
    """A random name must not hold a brand name, hotline or pinyin by chance."""
    names = [n for b in BRANDS for n in (b[0], b[3], b[2]) if len(n) >= 3]
    return not any(n in host for n in names)


def random_domain(rng: random.Random) -> str:
    while True:
        if rng.random() < 0.5:
            name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        else:
            name = rng.choice(ENGLISH) + rng.choice(["", "-"]) + rng.choice(ENGLISH)
        host = f"{name}.{rng.choice(['com', 'cn', 'net', 'com.cn', 'org', 'top', 'xyz', 'cc'])}"
        if _clean(host):
            return host


SHORT_KINDS = {"short_typo": 80, "random_host": 60, "glued": 60, "numeric_tld": 30}
KINDS = {"brand_word": 120, "tld_swap": 50, "homoglyph": 70, "typo": 60, "subdomain": 60, "pinyin": 50}
KINDS |= SHORT_KINDS


def _official() -> set[str]:
    """Every domain of v2fly's brand lists, and the exact hosts: never labelled a lookalike."""
    if not BRAND_DOMAINS.exists():
        return set()
    with BRAND_DOMAINS.open(encoding="utf-8", newline="") as fh:
        return {row["domain"].lower() for row in csv.DictReader(fh)}


def _is_official(host: str, official: set[str]) -> bool:
    labels = host.split(".")
    return any(".".join(labels[i:]) in official for i in range(len(labels) - 1))


def labelled_rows(seed: int = SEED) -> list[tuple[str, str, str, str]]:
    rng = random.Random(seed)
    rows: dict[str, tuple[str, str, str, str]] = {}
    official_domains = _official()
    real = {*ORDINARY, *TRAPS, *OFFICIAL}
    for kind, n in KINDS.items():
        while sum(1 for r in rows.values() if r[3] == kind) < n:
            host, official = lookalike(rng, kind)
            if host not in real and not _is_official(host, official_domains):
                rows.setdefault(host, (host, "lookalike", official, kind))
    for host, official, kind in HARD:
        rows.setdefault(host, (host, "lookalike", official, kind))
    common = set(COMMON.read_text("utf-8").split()) if COMMON.exists() else set()
    for host in ORDINARY + TRAPS:
        if host not in common:
            rows.setdefault(host, (host, "unrelated", "", "ordinary" if host in ORDINARY else "trap"))
    for host in OFFICIAL:
        rows.setdefault(host, (host, "official", "", "official"))
    while sum(1 for r in rows.values() if r[3] == "random") < 120:
        host = random_domain(rng)
        rows.setdefault(host, (host, "unrelated", "", "random"))
    return list(rows.values())


def common_halves(hosts: list[str]) -> tuple[list[str], list[str]]:
    """The real common domains split in two by a salted hash (fixed, independent of order): the first
    half is the one the checker's thresholds were tuned on, the second is held out for reporting."""
    tune, held_out = [], []
    for host in sorted(set(hosts)):
        digest = hashlib.sha256(f"{SPLIT_SALT}:{host}".encode()).digest()
        (tune if digest[0] % 2 == 0 else held_out).append(host)
    return tune, held_out


def speed_hosts(n: int, *, seed: int, common: list[str]) -> list[str]:
    """`n` hosts: 50% ordinary sites (some with a subdomain), 25% random domains, 25% lookalikes."""
    rng = random.Random(seed)
    kinds = list(KINDS)
    hosts = []
    for i in range(n):
        pick = i % 4
        if pick < 2:
            host = rng.choice(common)
            hosts.append(
                f"{rng.choice(['www', 'm', 'api', 'static'])}.{host}" if rng.random() < 0.3 else host
            )
        elif pick == 2:
            hosts.append(random_domain(rng))
        else:
            hosts.append(lookalike(rng, rng.choice(kinds))[0])
    return hosts


def main() -> None:
    rows = labelled_rows()
    with LABELLED.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["host", "label", "lookalike_of", "kind"])
        writer.writerows(sorted(rows, key=lambda r: (r[1], r[3], r[0])))
    print(f"{len(rows)} rows → {LABELLED}")


if __name__ == "__main__":
    main()
