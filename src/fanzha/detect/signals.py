"""Evidence from the identifiers themselves, checked against the official reference lists.

- A message that claims to be a bank, payment firm, operator or government office but gives a
  contact number that organisation does not use, or a link on a domain it does not own.
- A number dressed up as a service number (`0095588`, `+95588`).
- Links on a bare IP address, obfuscated links, links that hide their host behind a decoy before "@"
  (`www.icbc.com.cn@icbc-vip.top`), link shorteners; a host that imitates a protected
  brand's domain (`fanzha.domains`: homoglyph, typo, TLD swap, brand name plus words, pinyin,
  brand in a subdomain), weighted by how sure that check is. An official domain is evidence only
  against the scam, and only when the message claims that same brand.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import cached_property, lru_cache

from fanzha.detect.assessment import CueHit
from fanzha.detect.prepare import Prepared
from fanzha.domains import check_domain, gov_mimic, risky_ending
from fanzha.extract.base import Identifier
from fanzha.extract.registry import Located
from fanzha.intel import Brand, brands, official_numbers, official_owner
from fanzha.programs import regex
from fanzha.text.keywords import KeywordIndex


@lru_cache(maxsize=1)
def _brand_names() -> KeywordIndex[str]:
    return KeywordIndex((alias, brand.key) for brand in brands() for alias in brand.aliases)


@lru_cache(maxsize=1)
def _brands_by_key() -> dict[str, Brand]:
    return {b.key: b for b in brands()}


def lookalike_weight(score: float) -> float:
    """Evidence weight of a lookalike host: 3.4 for the least sure kind (0.75) up to 4.0."""
    return round(1.5 + 2.5 * score, 1)


def claimed_brands(masked: str) -> list[tuple[Brand, int, int]]:
    """Brands the text names (outside identifiers, which are masked), with spans in the normalised text."""
    by_key = _brands_by_key()
    found: dict[str, tuple[Brand, int, int]] = {}
    for start, end, key in _brand_names().find(masked):
        found.setdefault(key, (by_key[key], start, end))
    return list(found.values())


ALL_OFFICIAL = "all_contacts_official"
# A number that names a person rather than a line to call: the reader's own ("尊敬的185…用户", "机主139…")
# or someone a notice reports ("收到来自861…用户的彩信"). Operators' genuine notices quote them; they are
# no contact the brand gives, so they are not held against the brand's official numbers. One dressed up as a
# service number ("来自0095588的通知") is still that lie, whoever it names.
_NAMES_A_PERSON_AFTER = regex(r"[ ]?(手机用户|用户|客户|机主)(?!服务|热线|中心|经理|专线|端|号|电话)")
_NAMES_A_PERSON_BEFORE = regex(r"(来自|机主)[ ]?$")


def names_a_person(masked: str, item: Located) -> bool:
    """Is this phone number the addressee or a reported party (see `_NAMES_A_PERSON_AFTER`), not a contact?"""
    if item.identifier.kind != "phone":
        return False
    return (
        _NAMES_A_PERSON_AFTER.match(masked, item.norm_end) is not None
        or _NAMES_A_PERSON_BEFORE.search(masked, max(0, item.norm_start - 4), item.norm_start) is not None
    )


# A bank's or payment firm's alert that sends you to a private line ("【农业银行】您尾号5527账户…消费人民币
# 8,960.00元，如有疑问请致电028-85907263"): the bank is the sender (its name in the 【】 tag), the number is
# given as the line to call (致电, 联系, 客服…), it is a landline, a mobile or a foreign number, and the bank's
# own service line is nowhere in the message. Banks and payment firms answer such questions on their
# service lines only (`Brand.service_lines_only`); a branch, a customer manager or an appointment does give a
# local line ("请到城东支行签约，客户经理王磊138…", "我行西湖支行迁址，咨询电话0571-…"), so a message that names
# one is left to `brand_number_mismatch`. The sum is then the lure and the line the trick, and the signal is
# firm (`fanzha.detect.scoring`): the classifier, which learned that such alerts are genuine, cannot argue
# it down. Not for 微信支付/财付通, whose entry is also Tencent's (its Shenzhen switchboard is genuine).
BANK_PRIVATE_LINE = "bank_private_line"
BANK_PRIVATE_LINE_TYPE = "impersonate_service"  # the line answers as the bank's "customer service"
# The same trick in an authority's name: a notice headed or tagged by a court, procuratorate, public-security
# or tax bureau, a social- or medical-insurance office, the central bank, a financial regulator, customs, the
# cyber police or an anti-fraud centre that gives a mobile as the line to call ("…人民法院 应诉通知书…联系人
# 黄律师，手机138…", "…税务局 税务事项通知书…致电陈科长（手机：186…）"). Such offices answer on their published
# landlines and service numbers (12368, 12366, 12333); a case, a tax audit or a frozen card handled through
# someone's mobile is the scam's private line, and the signal is firm like the bank's. The office must head
# the text as a notice's sender does: its name, perhaps with a department (…分局, 执行局, 稽查局), closing a 【】
# tag, a heading before a space or a colon, or a document's title (通知书, 传票); not a sentence that only
# mentions one (法院的传票我收到了, 医保局门口的药店, 法院拍卖房产咨询). Not the writer's own number (有事打我
# 手机), a community or household-register officer's, which a neighbourhood notice does give (社区民警 张警官
# 139…), nor a lawyer's letter (本所律师, 律师事务所), whose lawyer's mobile is genuine. Tunable corpora: 2
# notices (the nineteenth set's dev half), both scams, and no genuine text; it is doctrine more than data.
AUTHORITY_PRIVATE_LINE = "authority_private_line"
AUTHORITY_TYPE = "impersonate_authority"  # the line and the link answer as the office
FIRM_SIGNALS = frozenset([BANK_PRIVATE_LINE, AUTHORITY_PRIVATE_LINE])
_AUTHORITY = (
    "法院|检察院|公安局|公安分局|公安厅|公安部|税务局|税务总局|医疗保障局|医保局|社保局|社会保险|人力资源和社会保障|"
    "人民银行|金融监督管理|金融监管|银保监|证监会|海关|网警|网安|反诈中心|纪委|监委|监察委|市场监督管理局|出入境"
)
_DEPARTMENT = "分局|支队|大队|执行局|立案庭|法庭|稽查局|管理局|中心|办公室|局|院|厅|署|处|科"
_TITLE = "通知书|告知书|传票|决定书|协查函|通知|公告|函"
_AUTHORITY_HEADING = regex(
    rf"\s*(?:主题[:：]\s*)?[【\[]?[\u4e00-\u9fff（）()]{{0,24}}?(?:{_AUTHORITY})"
    rf"(?:[\u4e00-\u9fff]{{0,8}}?(?:{_DEPARTMENT}))?(?:[】\]:：\s]|[\u4e00-\u9fff]{{0,8}}?(?:{_TITLE}))"
)
_CLOSING_TAG = regex(r"[【\[]([^】\]\n]{1,24})[】\]]\s*$")
_MOBILE_TO_CALL = regex(r"(?:致电|拨打|回拨|回电|联系|咨询|热线|专线|手机|电话)[^，,。！？!?\n\ue001]{0,8}$")
_OWN_NUMBER = regex(r"(?:打我|联系我|我的?手机|给我回|找我|本人)[^，,。！？!?\n\ue001]{0,6}$")
_NOT_THE_OFFICE = regex(
    r"社区民警|片警|警务室|驻村|网格员|社区警务|户籍民警|辖区民警|律师事务所|本所律师|律所"
)
# … and its link: such offices publish on government domains (.gov.cn) and their own registered sites; a
# court's 应诉通知书 to download from fy-susong.cn.com, or a tax bureau's form on a .top host, is the scam's
# page. The office speaks as the sender (the heading above) or of itself (本院, 本局) about an office's matter
# (a hospital or a college says 本院 too). Tunable corpora: 15 notices, all scams.
AUTHORITY_LINK = "authority_link_mismatch"
_SELF_REFERENCE = regex(r"本院|本局|本庭|本机关|我院|我局")
_OFFICE_MATTER = regex(_AUTHORITY + "|传票|立案|开庭|应诉|判决书|裁定书|强制执行|稽查|税款")
_AUTHORITY_NAME = regex(_AUTHORITY)
_PRIVATE_LINES = frozenset(["landline", "mobile", "international"])
_SENDER_TAG = regex(r"^\s*[【\[]([^】\]\n]{1,24})[】\]]|[【\[]([^】\]\n]{1,24})[】\]]\s*$")
_LINE_TO_CALL = regex(
    r"(?:致电|拨打|回拨|回电|联系|咨询|热线|客服|专线|安全中心)[^，,。！？!?\n\ue001]{0,6}$"
)
_LOCAL_OFFICE = regex(r"支行|分行|网点|营业部|营业厅|经理|预约|上门")
# What may follow the bank's name in its own tag (【招商银行信用卡】, 【工行数字钱包】); not 【蚂蚁搬家】.
_TAG_OF = regex(r"(?:信用卡(?:中心)?|客服(?:中心)?|服务|提醒|通知|手机银行|网上银行|数字钱包|安全中心)?")


def _alerting_bank(masked: str, located: Sequence[Located]) -> Brand | None:
    """The bank or payment firm that sends this message (named in a leading or trailing 【】 tag), if it
    gives no line of its own and names no branch or manager (`BANK_PRIVATE_LINE`)."""
    tags = [(m.group(1) or m.group(2)).strip() for m in _SENDER_TAG.finditer(masked)]
    sender = next(
        (
            brand
            for tag in tags
            for name, brand in _service_line_names()
            if tag.startswith(name) and _TAG_OF.fullmatch(tag[len(name) :])
        ),
        None,
    )
    if sender is None or _LOCAL_OFFICE.search(masked):
        return None
    if any(item.identifier.kind == "phone" and item.identifier.value in sender.numbers for item in located):
        return None
    return sender


@lru_cache(maxsize=1)
def _service_line_names() -> tuple[tuple[str, Brand], ...]:
    """Every name and alias of the banks and payment firms that reach customers on service lines only."""
    return tuple((name, b) for b in brands() if b.service_lines_only for name in (b.name, *b.aliases))


class _Office:
    """What a text says of an office, each worked out once per text and only when a number or a link asks:
    a text of many links or numbers must not scan itself again for each (100,000 characters of them took
    16.8 s when it did)."""

    def __init__(self, masked: str) -> None:
        self._masked = masked

    @cached_property
    def heads(self) -> bool:
        """Is the text issued in an office's name (`AUTHORITY_PRIVATE_LINE`)?"""
        closing = _CLOSING_TAG.search(self._masked)
        return (
            _AUTHORITY_HEADING.match(self._masked) is not None
            or (closing is not None and _AUTHORITY_NAME.search(closing.group(1)) is not None)
        ) and _NOT_THE_OFFICE.search(self._masked) is None

    @cached_property
    def speaks(self) -> bool:
        """Does an office head the text, or speak of itself about its matter (本院…开庭, 本局…稽查;
        `AUTHORITY_LINK`)?"""
        return self.heads or (
            _SELF_REFERENCE.search(self._masked) is not None
            and _OFFICE_MATTER.search(self._masked) is not None
        )


def _authority_mobile(masked: str, item: Located) -> bool:
    before = max(0, item.norm_start - 12)
    return (
        item.identifier.kind == "phone"
        and item.identifier.details.get("type") == "mobile"
        and _MOBILE_TO_CALL.search(masked, before, item.norm_start) is not None
        and _OWN_NUMBER.search(masked, before, item.norm_start) is None
    )


def _private_line_to_call(masked: str, item: Located) -> bool:
    return item.identifier.details.get("type") in _PRIVATE_LINES and (
        _LINE_TO_CALL.search(masked, max(0, item.norm_start - 12), item.norm_start) is not None
    )


def identifier_signals(masked: str, located: Sequence[Located], original: str) -> list[CueHit]:
    """Cue hits from identifiers; spans are in the original text."""
    claims = [brand for brand, _, _ in claimed_brands(masked)]
    alerting: list[Brand | None] = []  # `_alerting_bank`, worked out once and only for a private line
    office = _Office(masked)
    replaced: set[int] = set()  # numbers whose brand_number_mismatch the authority's private line replaces
    hits: list[CueHit] = []
    contacts: list[Identifier] = []
    for item in located:
        ident = item.identifier
        person = names_a_person(masked, item)
        if person and ident.details.get("type") != "spoofed":
            continue
        snippet = original[ident.start : ident.end]
        for cue_id, meaning, weight in _signals_for(ident, claims):
            kind = None
            if cue_id == "brand_number_mismatch" and _private_line_to_call(masked, item):
                if not alerting:
                    alerting.append(_alerting_bank(masked, located))
                bank = alerting[0]
                if bank is not None:
                    cue_id, kind = BANK_PRIVATE_LINE, BANK_PRIVATE_LINE_TYPE
                    meaning = (
                        f"以{bank.name}的名义发来账户通知，却让你拨打{ident.value}：银行和支付机构只用官方客服号码"
                        f"（{'、'.join(sorted(bank.numbers))}）答复这类问题，通知里给固定电话、手机或境外号码的是诈骗"
                    )
            hits.append(CueHit(cue_id, snippet, ident.start, ident.end, meaning, weight, kind, "identifier"))
        if not person and _authority_mobile(masked, item) and office.heads:
            replaced.add(ident.start)
            meaning = (
                f"以法院、公安、税务、医保等机关的名义发来通知，却让你打手机{ident.value}：这些机关只用公开的"
                "办公电话和服务号码（12368、12366、12333等）办事，通知里让你联系个人手机的是诈骗"
            )
            hits.append(
                CueHit(
                    AUTHORITY_PRIVATE_LINE,
                    snippet,
                    ident.start,
                    ident.end,
                    meaning,
                    3.0,
                    AUTHORITY_TYPE,
                    "identifier",
                )
            )
        if (
            ident.kind in ("url", "domain")
            and not _government_site(ident)
            and official_owner(host := ident.host) is None
            and office.speaks
        ):
            meaning = (
                f"以法院、公安、税务等机关的名义发来通知，链接却在{host}：这些机关只在政府网站（.gov.cn）"
                "和自己的官方平台上送达文书、办理业务"
            )
            hits.append(
                CueHit(
                    AUTHORITY_LINK,
                    snippet,
                    ident.start,
                    ident.end,
                    meaning,
                    3.0,
                    AUTHORITY_TYPE,
                    "identifier",
                )
            )
        if not person and ident.kind in ("phone", "url", "domain", "wechat", "qq"):
            contacts.append(ident)
    # What vouches for nothing: the brand's own number beside a link that is not the brand's ("95588提示…请登录
    # icbc-aq.net": the link is where the message sends you), and the brand's site or number beside an account
    # to pay (the account is where the money goes).
    if replaced:
        hits = [h for h in hits if not (h.id == "brand_number_mismatch" and h.start in replaced)]
    payee = any(item.identifier.kind in _PAYEE_KINDS for item in located)
    void = set(_VOUCHING) if payee else set()
    if any(hit.id in NOT_THE_BRANDS_SITE for hit in hits):
        void.add("official_contact")
    hits = [hit for hit in hits if hit.id not in void]
    # an account to pay or a number the extractor could not read is a way out nobody vouched for
    unvouched = payee or _UNREAD_NUMBER.search(masked) is not None
    official = None if unvouched else _all_official(contacts, claims)
    owner = (
        f"{official.name}官方"
        if official is not None
        else "政府网站（.gov.cn）或官方服务号码"
        if not unvouched and _all_government(contacts)
        else None
    )
    if owner is not None:
        first = contacts[0]
        meaning = (
            f"短信里的号码和链接全部属于{owner}：这是它自己发的通知的样子（只要它不让你转账、不向你要验证码）"
        )
        hits.append(
            CueHit(
                ALL_OFFICIAL,
                original[first.start : first.end],
                first.start,
                first.end,
                meaning,
                -3.0,
                None,
                "identifier",
            )
        )
    return hits


# Links that imitate an organisation's site or install its "app": its own number beside one vouches for
# nothing …
NOT_THE_BRANDS_SITE = frozenset(["lookalike_domain", "fake_government_domain", "apk_link"])
# … and links no organisation would send anyone to (a notice that does is none, `fanzha.detect.scoring`).
FAKE_LINKS = NOT_THE_BRANDS_SITE | {"brand_link_mismatch", "ip_link", "obfuscated_link", "decoy_link_host"}


def _all_official(contacts: list[Identifier], claims: list[Brand]) -> Brand | None:
    """The brand that owns every contact of the message, if there are contacts and one does: a claimed
    brand first, else the owner of its first link. A message need not name its sender (“查看物流
    m.sf-express.com/…”): when every number and link in it is one organisation's own, that is where it
    sends the reader, and where the reader is safe."""
    if not contacts:
        return None
    for brand in claims:
        if all(_owns(brand, ident) for ident in contacts):
            return brand
    # Unnamed, the sender is known only by a link: a five-digit "number" may be an amount (充10000返…)
    # and a service number may be posed beside a scam ("改签热线 95530-0128").
    link = next((ident for ident in contacts if ident.kind in ("url", "domain")), None)
    if link is None:
        return None
    owner = _brands_by_key().get(official_owner(link.host) or "")
    return owner if owner is not None and all(_owns(owner, ident) for ident in contacts) else None


# Where money goes: a message that names an account to pay is no notice that only sends you to the
# brand's or a government's own site and lines, whatever those are.
_PAYEE_KINDS = frozenset(["bank_card", "alipay"])
OWN_LINKS = frozenset(["official_link", "government_link"])  # a link of the brand's own or a government's
_VOUCHING = OWN_LINKS | {"official_contact"}
# A number the extractor did not take (010—65432198 with a dash it does not know): a contact nobody vouched for.
# Phone-shaped runs of digit groups only: not a date (2024-06-15), nor an order, waybill or account number
# written in one piece.
_UNREAD_NUMBER = regex(
    r"(?<![\d\-])(?!(?:19|20)\d{2}-\d{1,2}-\d{1,2}(?!\d))\d{2,4}(?:[\- —–]{1,3}\d{3,8}){1,2}(?![\d\-])"
)


def _all_government(contacts: list[Identifier]) -> bool:
    """Does the message send the reader only to government sites (and official service numbers)? Only
    government bodies can register under gov.cn, so such a notice (【市场监管】…登录 www.gsxt.gov.cn 填报)
    leads nowhere a scammer controls. `gov_mimic` hosts and obfuscated links are no government sites, nor
    is www.court.gov.cn@fy-susong.cc (its host is fy-susong.cc, `fanzha.extract.url`)."""
    return any(ident.kind in ("url", "domain") for ident in contacts) and all(
        _government_site(ident)
        if ident.kind in ("url", "domain")
        else ident.kind == "phone" and ident.value in official_numbers()
        for ident in contacts
    )


def _government_site(ident: Identifier) -> bool:
    host = ident.host
    return (
        host.endswith(".gov.cn") and not ident.details.get("obfuscated") and not ident.details.get("ip_host")
    )


def _owns(brand: Brand, ident: Identifier) -> bool:
    if ident.kind == "phone":
        return ident.value in brand.numbers
    host = ident.host
    return ident.kind in ("url", "domain") and official_owner(host) == brand.key


Signal = tuple[str, str, float]  # cue id, meaning, weight
_APK = regex(r"\.apk(?:$|[?#])", re.IGNORECASE)


def _signals_for(ident: Identifier, claims: list[Brand]) -> list[Signal]:
    if ident.kind == "phone":
        return _phone_signals(ident, claims)
    if ident.kind in ("url", "domain"):
        return _link_signals(ident, claims)
    if ident.kind in ("wechat", "qq") and claims:
        what = "微信号" if ident.kind == "wechat" else "QQ号"
        meaning = f"自称{claims[0].name}，却让你加个人{what}——官方客服不会让你加私人微信、QQ办理业务"
        return [("brand_private_contact", meaning, 2.5)]
    return []


def _phone_signals(ident: Identifier, claims: list[Brand]) -> list[Signal]:
    kind = ident.details.get("type")
    if kind == "spoofed":
        return [("spoofed_service_number", ident.reason, 3.5)]
    out: list[Signal] = []
    is_official = ident.value in official_numbers() or any(ident.value in b.numbers for b in brands())
    own = next((b for b in claims if ident.value in b.numbers), None)
    strict = [b for b in claims if b.strict]
    if own is not None:
        out.append(("official_contact", f"{ident.value}是{own.name}的官方号码", -1.5))
    elif strict and not is_official and _unexpected_contact(strict[0], kind):
        brand = strict[0]
        official = "、".join(sorted(brand.numbers)) or "官方公布的号码"
        meaning = f"自称{brand.name}，却让你联系{ident.value}；{brand.name}的官方客服号码是{official}"
        out.append(("brand_number_mismatch", meaning, 3.0))
    elif claims and kind == "international" and not is_official:
        brand = claims[0]
        meaning = f"自称{brand.name}，却留了境外号码{ident.value}——国内机构的客服不会用境外号码"
        out.append(("brand_number_mismatch", meaning, 3.0))
    elif kind == "international" and not is_official:
        out.append(("international_number", f"{ident.reason}：境外号码冒充国内机构来电、发短信很常见", 1.0))
    if ident.details.get("virtual_operator"):
        out.append(("virtual_operator_number", ident.reason, 0.5))
    return out


def _unexpected_contact(brand: Brand, number_type: object) -> bool:
    """Would this organisation give a number of this type? Banks and payment firms publish their service
    numbers (a 95xxx line, some a credit-card centre's 400 line) and never another; operators and
    government offices also use local landlines and 400 lines, but never a private mobile or a foreign
    number."""
    single_service_line = bool(brand.numbers) and all(
        n.startswith(("95", "400", "800")) for n in brand.numbers
    )
    return single_service_line or number_type in ("mobile", "international")


def _link_signals(ident: Identifier, claims: list[Brand]) -> list[Signal]:
    host = ident.host
    owner = official_owner(host)
    out: list[Signal] = []
    if ident.details.get("ip_host"):
        out.append(("ip_link", "链接用IP地址代替域名，正规机构不会这样发链接", 2.0))
    if owner is None and _APK.search(ident.value):  # the brand's own domain may ship its own app
        out.append(("apk_link", "链接直接下载安装包（.apk）：短信里的安装包常是木马或仿冒的APP", 3.0))
    if ident.details.get("obfuscated"):
        out.append(("obfuscated_link", "网址中的“.”被写成“点”等字样，是为了躲避短信拦截", 2.5))
    decoy = ident.details.get("decoy")
    if decoy:
        meaning = f"网址把“{decoy}”写在“@”前面冒充，真正打开的是{host}：正规机构的链接不会这样写"
        out.append(("decoy_link_host", meaning, 3.0))
    if ident.details.get("short_link") and owner is None:
        out.append(("short_link", "短链接隐藏了真实网址，点开前无法知道会去哪里", 0.3))
    if owner is not None:
        if any(owner == b.key for b in claims):
            out.append(("official_link", f"链接在{host}，属于短信所称机构的官方网站", -1.5))
            return out
        if not _government_site(ident):
            return out
        # a listed body's gov.cn site the message does not name (登录 www.gsxt.gov.cn 填报) is a government site
    if gov_mimic(host):
        meaning = f"网址{host}带有“gov”字样却不是政府网站（政府网站以.gov.cn结尾）"
        out.append(("fake_government_domain", meaning, 3.0))
        return out
    if _government_site(ident):
        # only government bodies can register under gov.cn: the link is where a genuine notice sends you
        out.append(("government_link", f"链接在{host}，是政府网站（.gov.cn 只有政府机关能注册）", -1.5))
        return out
    verdict = check_domain(host)
    ending = None if ident.details.get("ip_host") else risky_ending(host)
    if ending is not None:
        meaning = f"网址{host}用的是常被用来做钓鱼网站的廉价域名后缀（.{ending}），正规机构很少用"
        out.append(("risky_link_ending", meaning, 1.5))
    strict = [b for b in claims if b.strict]
    if verdict.is_lookalike:
        out.append(("lookalike_domain", f"{verdict.reason}（仿冒网站）", lookalike_weight(verdict.score)))
    elif strict and not ident.details.get("short_link"):
        out.append(
            ("brand_link_mismatch", f"自称{strict[0].name}，链接却不在{strict[0].name}的官方网站上", 3.0)
        )
    return out


# E-mail addresses are no links (`fanzha.extract.url`), but the domain after "@" is where a reply goes: a "tax
# bureau" writing from ssfw_bz@chinatax-hr.net, a "court" from a gov-looking domain that is not gov.cn. The
# same checks as a link's host; an address on the brand's own or an unrelated domain says nothing.
_EMAIL_ADDRESS = regex(
    r"(?<![a-z0-9._%+\-])[a-z0-9][a-z0-9._%+\-]{0,63}@([a-z0-9\-]{1,63}(?:\.[a-z0-9\-]{1,63}){1,6})"
)


def email_signals(prepared: Prepared) -> list[CueHit]:
    """Look-alike and gov-looking domains of the text's e-mail addresses; spans in the original text."""
    norm = prepared.norm
    if "@" not in norm.text:
        return []
    hits = []
    for match in _EMAIL_ADDRESS.finditer(norm.text):
        host = match.group(1)
        start, end = norm.span(match.start(), match.end())
        address = norm.original[start:end]
        if gov_mimic(host):
            meaning = f"邮箱{address}的域名带有“gov”字样却不是政府域名（政府邮箱以.gov.cn结尾）"
            hits.append(
                CueHit("fake_government_domain", address, start, end, meaning, 3.0, None, "identifier")
            )
            continue
        verdict = check_domain(host)
        if verdict.is_lookalike:
            meaning = f"邮箱{address}：{verdict.reason}（仿冒的邮箱域名）"
            weight = lookalike_weight(verdict.score)
            hits.append(CueHit("lookalike_domain", address, start, end, meaning, weight, None, "identifier"))
    return hits


VARIANT_WEIGHT = 1.0


def variant_signals(prepared: Prepared) -> list[CueHit]:
    """Disguised spellings (笔纪本 for 笔记本): spam writes them to slip past filters; a genuine notice
    does not. One hit per repair, spans in the original text."""
    norm = prepared.norm
    hits = []
    for repair in prepared.repairs:
        start, end = norm.span(repair.start, repair.end)
        hits.append(
            CueHit(
                "variant_spelling",
                norm.original[start:end],
                start,
                end,
                repair.meaning,
                VARIANT_WEIGHT,
                None,
                "text",
            )
        )
    return hits


# (kind, value) → (risk level, reasons) from the intelligence store, or None when it knows nothing.
IntelLookup = Callable[[str, str], tuple[str, list[str]] | None]
_STORED_KINDS = frozenset(["phone", "bank_card", "url", "domain", "ip", "qq", "wechat", "alipay"])
_LEVEL_SIGNALS = {
    "confirmed": ("intel_confirmed", "已被公安机关确认涉诈", 5.0),
    "suspicious": ("intel_reported", "已被多方举报", 3.0),
    "cleared": ("intel_cleared", "曾被举报，经核查已解除标记", -1.0),
}


def intel_signals(located: Iterable[Located], original: str, lookup: IntelLookup) -> list[CueHit]:
    """Cue hits from what the intelligence store knows about the text's identifiers."""
    hits: list[CueHit] = []
    for item in located:
        ident = item.identifier
        if ident.kind not in _STORED_KINDS:
            continue
        found = lookup(ident.kind, ident.value)
        if found is None or found[0] not in _LEVEL_SIGNALS:
            continue
        cue_id, what, weight = _LEVEL_SIGNALS[found[0]]
        meaning = f"{ident.value}{what}（{'；'.join(found[1])}）"
        hits.append(
            CueHit(
                cue_id,
                original[ident.start : ident.end],
                ident.start,
                ident.end,
                meaning,
                weight,
                None,
                "intel",
            )
        )
    return hits
