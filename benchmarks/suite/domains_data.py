"""Hosts for the lookalike-domain benchmark: the labelled set and the 100,000-host speed sample.

Written from phishing patterns reported in Chinese fraud warnings (brand plus a hotline or a word such as
`icbc-95588`, `10086-jf`, `taobao-tuikuan`; digit swaps `1cbc`; new endings `cmbchina.vip`,
`ccb.cn.com`; the real domain in a subdomain `icbc.com.cn.xyz-login.top`; pinyin `jiansheyinhang`),
with templates and word lists typed here by hand. Nothing here imports `fanzha`: the labels come from
how a host was made, not from the checker. Negatives are real sites written by hand (none from
`cn_common_domains.txt`, which the checker's tests use), real sites whose names contain short brand
tokens, official domains and subdomains, and random pronounceable domains.

    python benchmarks/suite/domains_data.py   # rewrites benchmarks/data/domains_labelled.csv
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]
LABELLED = HERE / "data" / "domains_labelled.csv"
COMMON = HERE.parent.parent / "shared" / "data" / "intel" / "cn_common_domains.txt"
SEED = 20241130


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
]
WORDS = "vip kefu login safe verify tuikuan jf jifen online wap m app service ebank pay help center card"
WORDS += " update gift yhk zx kf cs hk sh 2024 88 my web secure user lipin dk ed tie jiedong"
ENDINGS = "com cn net top xyz vip cc icu shop cyou club site online com.cn cn.com net.cn info work buzz"
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


KINDS = {"brand_word": 120, "tld_swap": 50, "homoglyph": 70, "typo": 60, "subdomain": 60, "pinyin": 50}


def labelled_rows(seed: int = SEED) -> list[tuple[str, str, str, str]]:
    rng = random.Random(seed)
    rows: dict[str, tuple[str, str, str, str]] = {}
    for kind, n in KINDS.items():
        while sum(1 for r in rows.values() if r[3] == kind) < n:
            host, official = lookalike(rng, kind)
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
