"""Lookalikes of short brand names (3–6 letters or digits), judged by what the whole host looks like:
typos of the name, the name left of an unrelated random domain, the name glued to a word, and an
operator's numeric name under another ending. Short names collide with real sites, so the same edits
on an ordinary ending, or next to a registrable name that reads as words, stay unrelated."""

from __future__ import annotations

import pytest

from fanzha.domains import check_domain


@pytest.mark.parametrize(
    ("host", "kind", "imitated", "why"),
    [
        # one letter left out, two swapped, one doubled: on the brand's own ending or the .cn family
        ("icb.com.cn", "typo", "icbc.com.cn", "少了"),
        ("ibcc.com.cn", "typo", "icbc.com.cn", "调换"),
        ("pbsc.cn", "typo", "psbc.com", "调换"),
        ("cmcb.com.cn", "typo", "cmbc.com.cn", "调换"),
        ("bco.cn", "typo", "boc.cn", "调换"),
        ("hbx.com.cn", "typo", "hxb.com.cn", "调换"),
        ("nhas.cn", "typo", "nhsa.gov.cn", "调换"),
        # … or on a cheap ending
        ("spbd.top", "typo", "spdb.com.cn", "调换"),
        ("cbc.vip", "typo", "ccb.com", "调换"),
        ("yot.xyz", "typo", "yto.net.cn", "调换"),
        ("198.top", "typo", "189.cn", "调换"),  # a three-digit number only on a cheap ending
        # five letters or digits, or a result of five or more, is rarely a real word: on any ending
        ("icbcc.com", "typo", "icbc.com.cn", "重复"),
        ("ctirp.com", "typo", "ctrip.com", "调换"),
        ("tmlal.com", "typo", "tmall.com", "调换"),
        ("10068.com", "typo", "10086.cn", "调换"),
        ("100086.com", "typo", "10086.cn", "重复"),
        ("12036.net", "typo", "12306.cn", "调换"),
        ("95858.com", "typo", "95588.com", "调换"),
        # a digit for a letter in a three-letter name, on the brand's ending family
        ("b0c.cn", "homoglyph", "boc.cn", "形近"),
        ("zt0.com.cn", "homoglyph", "zto.com", "形近"),
        ("em5.cn", "homoglyph", "ems.com.cn", "形近"),
    ],
)
def test_typos_of_short_names_are_caught_by_the_whole_host(
    host: str, kind: str, imitated: str, why: str
) -> None:
    verdict = check_domain(host)
    assert (verdict.kind, verdict.lookalike_of) == (kind, imitated), verdict.reason
    assert 0.7 <= verdict.score <= 1.0
    assert imitated in verdict.reason and why in verdict.reason


@pytest.mark.parametrize(
    ("host", "imitated", "name"),
    [
        ("abc.x7k2q.cn", "abchina.com", "abc"),
        ("icbc.x7k2q.cn", "icbc.com.cn", "icbc"),
        ("ccb.qz8vd.com", "ccb.com", "ccb"),
        ("boc.k3jx9.net", "boc.cn", "boc"),
        ("psbc.zzqkw.cn", "psbc.com", "psbc"),  # letters without vowels or a pinyin reading
        ("cmb.m.a9d3k.com", "cmbchina.com", "cmb"),
        ("jd.q7w2e.com", "jd.com", "jd"),
        ("189.t8fk2.cn", "189.cn", "189"),
        ("icbc-vip.x7k2q.cn", "icbc.com.cn", "icbc"),
    ],
)
def test_a_short_name_left_of_a_random_domain_is_caught(host: str, imitated: str, name: str) -> None:
    verdict = check_domain(host)
    assert (verdict.kind, verdict.lookalike_of) == ("subdomain", imitated), verdict.reason
    assert 0.7 <= verdict.score <= 1.0
    registrable = host.split(".", host.count(".") - 1)[-1]
    assert name in verdict.reason and registrable in verdict.reason and "无意义" in verdict.reason


@pytest.mark.parametrize(
    ("host", "imitated"),
    [
        ("abcvip.com", "abchina.com"),
        ("abcbank.cn", "abchina.com"),
        ("cmbkefu.com", "cmbchina.com"),
        ("citicloan.com", "citicbank.com"),
        ("jdvip.com", "jd.com"),
        ("qqlogin.cn", "qq.com"),
        ("sfkefu.com", "sf-express.com"),
        ("boczhuanzhang.com", "boc.cn"),
        ("icbcwallet.com", "icbc.com.cn"),
        ("yundavip.com", "yundaex.com"),
        ("psbcxyk.com", "psbc.com"),
    ],
)
def test_a_short_name_glued_to_a_word_is_caught(host: str, imitated: str) -> None:
    verdict = check_domain(host)
    assert (verdict.kind, verdict.lookalike_of) == ("brand_word", imitated), verdict.reason
    assert imitated in verdict.reason and "品牌名" in verdict.reason


@pytest.mark.parametrize(
    ("host", "imitated"),
    [
        ("189.com", "189.cn"),
        ("189.com.cn", "189.cn"),
        ("189.net", "189.cn"),
    ],
)
def test_an_operators_numeric_name_under_another_ending_is_caught(host: str, imitated: str) -> None:
    verdict = check_domain(host)
    assert (verdict.kind, verdict.lookalike_of) == ("tld_swap", imitated), verdict.reason
    assert imitated in verdict.reason and "换了域名后缀" in verdict.reason


@pytest.mark.parametrize(
    ("host", "imitated"),
    [
        ("taobo.com", "taobao.com"),
        ("pinga.com", "pingan.com"),
        ("pindouduo.com", "pinduoduo.com"),
        ("pindoduo.com", "pinduoduo.com"),
        ("pinduiduo.com", "pinduoduo.com"),  # eight letters or more: even a changed letter
    ],
)
def test_a_pinyin_name_with_a_letter_left_out_or_swapped_or_a_long_one_is_a_typo_though_it_reads_as_pinyin(
    host: str, imitated: str
) -> None:
    verdict = check_domain(host)
    assert (verdict.kind, verdict.lookalike_of) == ("typo", imitated), verdict.reason


@pytest.mark.parametrize(
    ("host", "imitated"),
    [
        ("wx-pay.top", "qq.com"),
        ("zfb-kefu.com", "alipay.com"),
        ("tb-tuikuan.com", "taobao.com"),
        ("jdjr-kefu.com", "jd.com"),
        ("youzhengkuaidi.cn", "ems.com.cn"),
    ],
)
def test_app_initials_beside_scam_words_name_the_app(host: str, imitated: str) -> None:
    verdict = check_domain(host)
    assert (verdict.kind, verdict.lookalike_of) == ("pinyin", imitated), verdict.reason


@pytest.mark.parametrize(
    "host",
    [
        "cbc.com",  # a swap of ccb: every three-letter .com is someone's real site
        "icb.com",  # a letter left out of icbc, on an ordinary ending
        "tmal.com",
        "mall.com",
        "pbsc.com",
        "188.com",  # one digit from 189: numbers of three digits are not tried for typos
        "198.cn",
        "jd.zol.com.cn",  # a short name left of a registrable name that reads as a word
        "icbc.zhihu.com",
        "ccb.example.com",
        "abc.xyz",
        "abcmouse.com",  # abc glued to an ordinary word
        "qqshuoshuo.com",  # qq glued to pinyin: a real kind of site
        "jdpower.com",
        "sfgate.com",
        "bobo.com",
        "cibn.cc",
        "stone.cn",
        "ccbill.com",
        "10000.com",  # a round number, though it is 中国电信's hotline
        "psbc.gov.cn",  # only governments register under gov.cn: no bank's typo there
        "abc-news.com",  # an abbreviation beside an ordinary word or a number
        "abc123.com",
        "sf-fire.org",
        "citicsky.com",
        "wx.com",  # initials alone, or beside an ordinary word (wx: 无锡 too)
        "zfb.com",
        "wx-metro.com",
        "meitian.com",  # a letter changed in a pinyin name: another word (美甜)
    ],
)
def test_short_names_inside_ordinary_hosts_stay_unrelated(host: str) -> None:
    verdict = check_domain(host)
    assert verdict.kind == "unrelated", verdict.reason
