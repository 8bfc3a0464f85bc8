"""check_domain: official, each kind of lookalike, ordinary sites left alone, bad input explained."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fanzha.domains import KINDS, check_domain
from fanzha.intel import common_domains

# Hosts of the mechanisms an independently written set found missing (benchmarks/data/domains_independent,
# its dev half), and the real sites a review of them found they must leave alone.
FOUND_MISSING = [
    # a guarded name (other people's too) beside scam words, respelt, or on a risky ending
    ("apple-id.top", "brand_word", "apple.com"),
    ("app1e-id.com", "homoglyph", "apple.com"),  # the word read as written ("id"), not as its skeleton
    ("douyin-kf.top", "brand_word", "douyin.com"),
    ("apple.xyz", "tld_swap", "apple.com"),
    ("www.court-zxcx.cn", "brand_word", "court.gov.cn"),  # beside scam words in the .cn space too
    ("kuaishou.com.ks-hb.icu", "subdomain", "kuaishou.com"),
    # …and by its service number, which is nobody else's, on any ending
    ("95539-cz.com", "brand_word", "csair.com"),
    # a short number between hyphens
    ("189-jfdh.cc", "brand_word", "189.cn"),
    # a number with letters for some digits
    ("1oo86-jf.com", "homoglyph", "10086.cn"),
    # a name whose look-alike spelling is its own skeleton (l for i), or shorter (rn for m)
    ("plcc-cx.com", "homoglyph", "picc.com.cn"),
    ("crnbc-ebank.com", "homoglyph", "cmbc.com.cn"),
    # one piece of the name misspelt, the others scam words
    ("taoboa-tk.top", "typo", "taobao.com"),
    ("spbd-ebank.com", "typo", "spdb.com.cn"),
    ("zt0-kd.com", "homoglyph", "zto.com"),
    ("cc6-vip.com", "homoglyph", "ccb.com"),
    # Chinese names in internationalised hosts
    ("工商银行客服.com", "brand_word", "icbc.com.cn"),
    ("社保补贴.cn", "brand_word", "mohrss.gov.cn"),
    ("xn--e5qzqupk94cwyz9ba.cn", "brand_word", "10086.cn"),  # 移动积分兑换.cn
    # the short pinyin of a name
    ("liantong-jf.vip", "pinyin", "10010.com"),
    ("xuexin-yanzheng.cc", "pinyin", "chsi.com.cn"),
    ("cheguansuo-bt.top", "pinyin", "122.gov.cn"),
    # Chinese characters beside an ASCII name leave the ASCII rules to read it
    ("icbc客服.com", "tld_swap", "icbc.com.cn"),
    ("аlipay客服.com", "homoglyph", "alipay.com"),
    ("taoboa--tk.top", "typo", "taobao.com"),  # an empty piece between two hyphens
]

MUST_LEAVE_ALONE = [
    # guarded names inside other people's names, the brands' own side sites, off a risky ending
    "applebees.com",
    "pineapple.com",
    "douyinpay.com",
    "kuaishoupay.com",
    "kuaishou.httpdns.pro",
    "courtlistener.com",
    "apple.de",
    "cloud.com",
    "ccbank.com",  # one letter from czbank: a guarded bank name's typos count only on a risky ending
    # a short number glued to a word; another number; the letters of a word
    "room189.com",
    "12308.cn",
    "ozonbigsell.com",  # its letters fold to 95311's look, but no digit is there
    # only governments and schools register under gov.cn and edu.cn
    "12309.gov.cn",
    "icbc.pku.edu.cn",
    # Chinese words that are brands' short names only beside a scam word
    "移动硬盘.com",
    "蚂蚁搬家.com",
    # a name that does not end where the brand's does; a Chinese public body's own ending
    "中国银行业协会.cn",
    "公安部第三研究所.cn",
    "公安部.政务",
    # a brand's own site under another ending of its own, or its Hong Kong arm
    "www.icloud.com.cn",
    "www.apple.com.hk",
    "www.kuaishou.com.cn",
    "www.chinastock.com.hk",
    # foreign governments, government clouds, surnames and schools that say "gov"
    "www2.gov.bc.ca",
    "www.mygov.in",
    "egov.kz",
    "zoomgov.com",
    "okta-gov.com",
    "console.amazonaws-us-gov.com",
    "rogov.ru",
    "gov.pku.edu.cn",
    "gov.harvard.edu",
    # short pinyin and initials that are other firms' names; short names of bodies on .cn
    "haitong.com",
    "zhongtong.com",
    "yidong-tech.com",
    "dianxin.net",
    "mtbank.by",
    "elmstore.com",
    "mps.cn",
    "nbc.cn",
    "circ.cn",
    # a short number beside a plain word
    "no-122.com",
    "122.com",
]


@pytest.mark.parametrize(
    ("text", "kind", "lookalike_of"),
    [
        # homoglyphs and digit/letter swaps
        ("1cbc.com.cn", "homoglyph", "icbc.com.cn"),
        ("lcbc.com.cn", "homoglyph", "icbc.com.cn"),
        ("іcbc.com", "homoglyph", "icbc.com.cn"),  # Cyrillic і
        ("xn--cbc-ihd.com", "homoglyph", "icbc.com.cn"),  # the same, in punycode
        ("a1ipay.com", "homoglyph", "alipay.com"),
        ("ta0bao.com", "homoglyph", "taobao.com"),
        ("crnbchina.com", "homoglyph", "cmbchina.com"),
        ("a1ipay-login.com", "homoglyph", "alipay.com"),  # brand name spelt with a digit, plus a word
        # the look-alike is in the ending, where the name checks did not look (corn.cn is a real site)
        ("icbc.corn.cn", "homoglyph", "icbc.com.cn"),
        ("www.icbc.c0m.cn", "homoglyph", "icbc.com.cn"),
        ("www.ccb.corn", "homoglyph", "ccb.com"),
        # typos: one edit from a flagship label of six or more characters
        ("alipey.com", "typo", "alipay.com"),
        ("taoboa.com", "typo", "taobao.com"),
        ("abchlna.com", "homoglyph", "abchina.com"),
        ("unionpey.com", "typo", "unionpay.com"),
        ("cmbchlna.com", "homoglyph", "cmbchina.com"),
        ("cmbchin.com", "typo", "cmbchina.com"),
        # TLD swaps
        ("icbc.top", "tld_swap", "icbc.com.cn"),
        ("cmbchina.vip", "tld_swap", "cmbchina.com"),
        ("ccb.cn.com", "tld_swap", "ccb.com"),
        ("alipay.cn.com", "tld_swap", "alipay.com"),
        ("10086.vip", "tld_swap", "10086.cn"),
        # the brand in a subdomain of someone else's domain
        ("icbc.com.cn.xyz-login.top", "subdomain", "icbc.com.cn"),
        ("www.alipay.com.verify-center.cc", "subdomain", "alipay.com"),
        ("alipay.secure-check.com", "subdomain", "alipay.com"),
        ("ccb.abcd.top", "subdomain", "ccb.com"),
        # brand plus a word or a number
        ("http://icbc-95588.com/login", "brand_word", "icbc.com.cn"),
        ("wap-icbc.cn", "brand_word", "icbc.com.cn"),
        ("icbcvip.com", "brand_word", "icbc.com.cn"),
        ("alipay-verify.cc", "brand_word", "alipay.com"),
        ("taobao-tuikuan.com", "brand_word", "taobao.com"),
        ("10086-jf.com", "brand_word", "10086.cn"),
        ("jd-vip.top", "brand_word", "jd.com"),
        ("wapccb.com", "brand_word", "ccb.com"),
        ("95533-kefu.com", "brand_word", "ccb.com"),
        # pinyin of the Chinese name
        ("jiansheyinhang.com", "pinyin", "ccb.com"),
        ("gongshangyinhang-kefu.top", "pinyin", "icbc.com.cn"),
        ("zhongguoyinhang.cc", "pinyin", "boc.cn"),
        ("zhaoshangyinhang.net", "pinyin", "cmbchina.com"),
        ("youzhengchuxu.vip", "pinyin", "psbc.com"),
        ("nongyeyinhang.com", "pinyin", "abchina.com"),
        ("zhifubao-kefu.top", "pinyin", "alipay.com"),
        ("gsyh-vip.com", "pinyin", "icbc.com.cn"),
        # platforms and insurers whose service desks are imitated (a driver's "资质认证", a seller's deposit)
        ("didi-sjrz.com", "brand_word", "didiglobal.com"),
        ("eleme-kefu.com", "brand_word", "ele.me"),
        ("xianyu-pay.top", "pinyin", "goofish.com"),
        ("picc-lipei.cn", "brand_word", "picc.com.cn"),
        ("suning-vip.top", "brand_word", "suning.com"),
        ("pbccrc-zx.com", "brand_word", "pbccrc.org.cn"),
        ("95598-jiaofei.com", "brand_word", "95598.cn"),
        # "gov" as a name of its own outside .gov.cn, imitating no brand of ours: a government site
        ("etax-gov.top", "gov_mimic", "gov.cn"),
        ("fy.gov-cn.top", "gov_mimic", "gov.cn"),
        ("www.gov.cn.btsq.top", "gov_mimic", "gov.cn"),
        ("bjgov.vip", "gov_mimic", "gov.cn"),  # glued after a name: no English word ends in "gov"
        ("govcn-bt.cc", "gov_mimic", "gov.cn"),
        ("gov96110.com", "gov_mimic", "gov.cn"),
        *FOUND_MISSING,
    ],
)
def test_lookalikes_name_the_domain_they_imitate(text: str, kind: str, lookalike_of: str) -> None:
    verdict = check_domain(text)
    assert (verdict.kind, verdict.lookalike_of) == (kind, lookalike_of), verdict.reason
    assert not verdict.official
    assert 0.7 <= verdict.score <= 1.0
    assert lookalike_of in verdict.reason and verdict.host in verdict.reason


@pytest.mark.parametrize(
    ("text", "brand"),
    [
        ("icbc.com.cn", "icbc"),
        ("www.icbc.com.cn", "icbc"),
        ("mybank.icbc.com.cn", "icbc"),
        ("https://www.icbc.com.cn:443/icbc/perbank/index.jsp", "icbc"),
        ("ccb.com", "ccb"),
        ("ebank.cmbchina.com", "cmb"),
        ("95588.com", "icbc"),
        ("m.alipay.com", "alipay"),
        ("item.taobao.com", "taobao"),
        ("10086.cn", "chinamobile"),
        ("kyfw.12306.cn", "railway"),
        ("etax.chinatax.gov.cn", "tax"),
        ("page.xiaojukeji.com", "didi"),
        ("h5.ele.me", "eleme"),
        ("www.kuaishou.com", "kuaishou"),
        ("m.goofish.com", "xianyu"),
        ("www.e-chinalife.com", "chinalife"),
        ("www.chinalife-p.com.cn", "chinalife"),
        ("didi-food.com", "didi"),
    ],
)
def test_official_domains_and_their_subdomains_are_official(text: str, brand: str) -> None:
    verdict = check_domain(text)
    assert verdict.official and verdict.kind == "official", verdict.reason
    assert verdict.brand == brand and verdict.lookalike_of is None and verdict.score == 0.0
    assert "官方域名" in verdict.reason


@pytest.mark.parametrize(
    ("host", "named"),
    [
        ("www.gtja.com", "国泰君安"),  # a broker named in brands.yaml, outside the protected brands
        ("95598.cn", "国家电网"),
        ("5ifund.com", "已登记机构"),  # a sector list's domain: no list key shown to a citizen
    ],
)
def test_an_official_domain_is_named_in_chinese(host: str, named: str) -> None:
    verdict = check_domain(host)
    assert verdict.kind == "official" and named in verdict.reason, verdict.reason
    assert not any(c.isascii() and c.isalpha() for c in verdict.reason.replace(host, ""))


@pytest.mark.parametrize(
    "text",
    [
        "abc.xyz",  # Alphabet: abc is not a brand token (农行 is abchina)
        "jdpower.com",  # jd inside a word
        "qq163.com",  # qq glued to digits: a real sign-in site
        "ccbank.com",
        "bocai.org",
        "strip.com",  # one edit from ctrip, but ctrip is too short for typos
        "small.com",
        "ebchina.com",  # one edit from abchina at the first letter
        "postmail.cn",  # skeleton contains tmall, but inside a word
        "baidu.com",
        "www.zhihu.com",
        "github.com",
        "pku.edu.cn",
        "gov.cn",
        "cdn.jsdelivr.net",
        "1.2.3.4",
        "jd.zol.com.cn",  # a short token in a subdomain, on an ordinary ending
        "meitian.com",  # one letter from meituan, but pinyin words of its own (美甜)
        "huabeicheng.com",  # holds huabei (花呗), but reads 华北城
        "jinweixin.top",  # holds weixin inside other pinyin
        "news.corn.cn",  # corn.cn itself: no brand's domain read through its look
        # a name that reads like a brand's only through a digit is the name checks' to judge (a typo of
        # a number is no look-alike; a short name off the brand's home ending is someone else's)
        "12308.cn",
        "169.cn",
        "95518.com",
        "ceairgroup.com",  # the airlines' and 中国人寿's side sites: their names are not protected
        "chinalife.com.hk",
        "cc8.com",
        # "gov" inside a word, or a government's own ending here or abroad
        "govee.com",
        "govtech-sg.com",
        "governance.org",
        "www.ica.gov.sg",
        "www.gov.uk",
        "nasa.gov",
        *MUST_LEAVE_ALONE,
    ],
)
def test_ordinary_sites_are_unrelated(text: str) -> None:
    verdict = check_domain(text)
    assert verdict.kind == "unrelated", verdict.reason
    assert (verdict.official, verdict.lookalike_of, verdict.score) == (False, None, 0.0)


def test_no_site_of_the_common_chinese_domain_list_is_flagged() -> None:
    flagged = [
        (v.host, v.kind, v.reason)
        for v in map(check_domain, sorted(common_domains()))
        if v.kind not in ("unrelated", "official")
    ]
    assert flagged == []


def test_a_sample_of_common_domains_with_subdomains_stays_unrelated() -> None:
    rng = random.Random(5)
    sample = rng.sample(sorted(common_domains()), 300)
    for domain in sample:
        for prefix in ("www.", "m.", "login.", "pay."):
            verdict = check_domain(prefix + domain)
            assert verdict.kind in ("unrelated", "official"), verdict.reason


@pytest.mark.parametrize(("text", "message"), [("", "为空"), ("a b.com", "空格"), ("a..b", "空的域名段")])
def test_bad_input_is_invalid_with_a_reason_not_an_exception(text: str, message: str) -> None:
    verdict = check_domain(text)
    assert verdict.kind == "invalid" and message in verdict.reason


def test_every_verdict_kind_is_a_known_kind() -> None:
    for text in ("icbc.top", "www.icbc.com.cn", "baidu.com", "", "alipey.com"):
        assert check_domain(text).kind in KINDS


def test_a_risky_ending_raises_the_score() -> None:
    assert check_domain("icbc-vip.top").score > check_domain("icbc-vip.com").score


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_any_text_gets_a_verdict_and_never_an_exception(text: str) -> None:
    verdict = check_domain(text)
    assert verdict.kind in KINDS and 0.0 <= verdict.score <= 1.0 and verdict.reason


def test_a_banks_personal_banking_host_is_its_own() -> None:
    verdict = check_domain("pbank.95559.com.cn")
    assert (verdict.kind, verdict.brand) == ("official", "bankcomm")
