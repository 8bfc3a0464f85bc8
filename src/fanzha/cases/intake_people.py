"""Who is in the narrative: the victim and the reporter, the reporter's relation to the victim, the victim's
sex and age — each with the words it was read from.

"报警人王秀英，女，67岁" is a victim reporting for herself (本人); "报警人张伟称其母亲王秀英（72岁）",
"我是刘强，替我妈报警", "我爸今年六十五", "我是她儿子" are relatives reporting for a victim (子女 …), whose
sex the relation word gives (母亲 → 女). Words of the scam story ("对方冒充她孙子", "自称其表弟") are not
relatives. A name is a known surname and one or two more characters, cut before the verbs that follow
names in police records (称, 来电, 替 …).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from fanzha.cases.intake_text import Evidence
from fanzha.text.numerals import parse_chinese_number

_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔"
    "钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢"
    "安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游"
    "辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟"
    "应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)
_COMPOUND = (
    "欧阳",
    "司马",
    "诸葛",
    "上官",
    "东方",
    "皇甫",
    "慕容",
    "令狐",
    "夏侯",
    "尉迟",
    "公孙",
    "长孙",
    "端木",
)
_STOP = set(
    "称来报替今于在说的是女男先和与及向被家年岁之等也带去到给打接用通因所于曾已又就还让将把对从为了，,（(：:、。"
)
# The victim as the reporter calls them: (relation of the reporter to the victim, the victim's sex).
_VICTIM_WORDS = {
    "母亲": ("子女", "女"), "妈妈": ("子女", "女"), "老妈": ("子女", "女"), "妈": ("子女", "女"),
    "父亲": ("子女", "男"), "爸爸": ("子女", "男"), "老爸": ("子女", "男"), "爸": ("子女", "男"),
    "丈夫": ("配偶", "男"), "老公": ("配偶", "男"), "妻子": ("配偶", "女"), "老婆": ("配偶", "女"),
    "爱人": ("配偶", ""), "老伴": ("配偶", ""), "儿子": ("父母", "男"), "女儿": ("父母", "女"),
    "孩子": ("父母", ""), "奶奶": ("孙子女", "女"), "外婆": ("孙子女", "女"), "姥姥": ("孙子女", "女"),
    "爷爷": ("孙子女", "男"), "外公": ("孙子女", "男"), "姥爷": ("孙子女", "男"), "哥哥": ("兄弟姐妹", "男"),
    "弟弟": ("兄弟姐妹", "男"), "姐姐": ("兄弟姐妹", "女"), "妹妹": ("兄弟姐妹", "女"),
    "孙子": ("祖父母", "男"), "孙女": ("祖父母", "女"), "岳母": ("其他亲属", "女"), "岳父": ("其他亲属", "男"),
    "婆婆": ("其他亲属", "女"), "公公": ("其他亲属", "男"), "舅舅": ("其他亲属", "男"), "姑姑": ("其他亲属", "女"),
    "叔叔": ("其他亲属", "男"), "姨妈": ("其他亲属", "女"), "侄子": ("其他亲属", "男"), "侄女": ("其他亲属", "女"),
    "外甥": ("其他亲属", "男"), "外甥女": ("其他亲属", "女"), "女": ("父母", "女"), "子": ("父母", "男"),
}  # fmt: skip
# The reporter as the victim's relative ("我是她儿子"): the reporter's relation to the victim.
_REPORTER_WORDS = {"儿子": "子女", "女儿": "子女", "丈夫": "配偶", "妻子": "配偶", "老公": "配偶", "老婆": "配偶",
                   "爱人": "配偶", "老伴": "配偶", "孙子": "孙子女", "孙女": "孙子女", "外孙": "孙子女",
                   "外孙女": "孙子女", "父亲": "父母", "母亲": "父母", "哥哥": "兄弟姐妹", "姐姐": "兄弟姐妹",
                   "弟弟": "兄弟姐妹", "妹妹": "兄弟姐妹"}  # fmt: skip
_VWORDS = "|".join(
    sorted((w for w in _VICTIM_WORDS if w not in "子女"), key=len, reverse=True)
)  # 其子/其女 below
_RWORDS = "|".join(sorted(_REPORTER_WORDS, key=len, reverse=True))
_STORY = re.compile(r"(冒充|自称|假扮|假装|说是|称是|扮成|是她|是他|说)\S{0,3}$")
_VICTIM_REL = re.compile(
    rf"(?:其|我的?|替(?:我|其)?|帮(?:我|其)?|代(?:我|其)?|的)({_VWORDS})|其(子|女)(?![儿孩士性子])"
)
# "我是她儿子", "报警人系受害人孙子赵宇", "受害人父亲蒋国华报称"
_REPORTER_REL = re.compile(
    rf"(?:我是(?:她|他|其)的?|(?:报警人|报案人)(?:系|是|为)受害人的?|受害人的?)({_RWORDS})"
)
_REPORTER = re.compile(
    r"报警人[:：]?\s*|报案人[:：]?\s*|我(?:是|叫)|本人[:：]?\s*|(?<=我是)[^。,，]{0,8}[,，]叫"
)
_SELF_INTRO = re.compile(r"我(?:是|叫)")
_VICTIM = re.compile(r"(?:事主|受害人|被害人|受害者|当事人)[:：]?\s*")
_FOR = re.compile(r"(?:来电|来所|来队)?(?:替|代|帮)")
_TITLE = re.compile(r"(先生|女士|阿姨|大爷|大妈|老太|大娘|老人|小姐)")
_SEX = re.compile(r"性别[:：]?\s*(男|女)|(?<=[，,（(、:：\s])(男|女)(?=\s*[，,、）)；;]|\s*\d)")
_AGE = re.compile(
    r"(?:年龄[:：]?\s*|今年\s*)?(\d{1,3}|[一二两三四五六七八九十]{1,4})\s*(岁|周岁)"
    r"|今年\s*(\d{2,3}|[一二三四五六七八九十]{2,4})(?![\d万千百年月日点时元块])"
    r"|(?<=[妈爸婆公奶爷母父])(\d{2,3}|[一二三四五六七八九十]{2,4})(?:多)?了"
)
_PRONOUN = re.compile(r"[她他]")
_CUT = re.compile(r"[。；;，,：:\n]\s*")


@dataclass(slots=True)
class People:
    victim_name: str = ""
    reporter_name: str = ""
    relation: str = ""
    sex: str = ""
    age: int | None = None
    why: dict[str, Evidence] = field(default_factory=dict)


def name_at(text: str, pos: int) -> str:
    """The personal name starting at `pos` (a known surname and one or two characters), or ""."""
    surname = next((c for c in _COMPOUND if text.startswith(c, pos)), "")
    if not surname and pos < len(text) and text[pos] in _SURNAMES:
        surname = text[pos]
    if not surname:
        return ""
    given = ""
    for ch in text[pos + len(surname) : pos + len(surname) + 2]:
        if ch in _STOP or not ("\u4e00" <= ch <= "\u9fff"):
            break
        given += ch
    return surname + given if given else ""


def _introduced(text: str, start: int) -> str:
    """The name a self-introduction ends with ("我是在校大学生周子涵，"), or ""."""
    for pos in range(start + 1, min(start + 10, len(text))):
        if text[pos - 1] in "，,。:：":
            return ""
        name = name_at(text, pos)
        if name and text[pos + len(name) : pos + len(name) + 1] in ("，", ",", "。", "(", "（", ""):
            return name
    return ""


def _told(text: str, start: int) -> bool:
    """Whether the words at `start` are part of the scam story ("对方冒充她孙子"), not the reporter's family."""
    return _STORY.search(text[max(0, start - 6) : start]) is not None


def find_people(text: str) -> People:
    """The victim, the reporter and their relation in `text` (folded)."""
    found = People()
    why = found.why
    _reporter(text, found)
    victim_at = _relative(text, found)
    _victim(text, found)
    if victim_at < 0 and "victim_name" in why:
        victim_at = why["victim_name"].start
    if not found.relation:
        found.relation = "本人"
        first = min((e.start for e in why.values()), default=0)
        why["relation"] = Evidence(first, first, "未提到替他人报警，按受害人本人报警")
        if found.reporter_name and not found.victim_name:
            found.victim_name = found.reporter_name
            why["victim_name"] = Evidence(
                why["reporter_name"].start, why["reporter_name"].end, "本人报警，即报警人"
            )
        elif found.victim_name and not found.reporter_name:
            found.reporter_name = found.victim_name
            why["reporter_name"] = Evidence(
                why["victim_name"].start, why["victim_name"].end, "本人报警，即受害人"
            )
    _sex(text, found, victim_at)
    _age(text, found, victim_at)
    return found


def _reporter(text: str, found: People) -> None:
    """The reporter's name, and their relation when they say what they are to the victim ("我是她儿子")."""
    why = found.why
    for m in _REPORTER.finditer(text):
        name = name_at(text, m.end())
        if name:
            found.reporter_name = name
            why["reporter_name"] = Evidence(
                m.start(), m.end() + len(name), f"“{m.group().strip()}”之后的姓名"
            )
            break
    for intro in [] if found.reporter_name else _SELF_INTRO.finditer(text):  # "我是在校大学生周子涵，"
        name = _introduced(text, intro.end())
        if name:
            found.reporter_name = name
            end = text.index(name, intro.end()) + len(name)
            why["reporter_name"] = Evidence(intro.start(), end, "自我介绍中的姓名")
            break
    for start in [] if found.reporter_name else [0, *(m.end() for m in _CUT.finditer(text))]:
        name = name_at(text, start)
        for_ = _FOR.match(text, start + len(name)) if name else None
        if for_ is not None:  # "周建军来电替妻子刘玉梅报警"
            found.reporter_name = name
            why["reporter_name"] = Evidence(start, for_.end(), "替受害人报警的人")
            break
    rel = _REPORTER_REL.search(text)
    if rel:
        found.relation = _REPORTER_WORDS[rel[1]]
        why["relation"] = Evidence(rel.start(), rel.end(), f"报警人自称是受害人的“{rel[1]}”")
        name = name_at(text, rel.end())
        if name and not found.reporter_name:
            found.reporter_name = name
            why["reporter_name"] = Evidence(rel.start(), rel.end() + len(name), "“我是…”之后的姓名")


def _relative(text: str, found: People) -> int:
    """The victim as the reporter's relative ("其母亲王秀英", "替我爸"): relation, sex, name; where it was said
    (-1 if not)."""
    why = found.why
    for m in _VICTIM_REL.finditer(text):
        if _told(text, m.start()):
            continue
        word = m[1] or m[2]
        relation, sex = _VICTIM_WORDS[word]
        if not found.relation:  # else the reporter said what they are to the victim ("受害人父亲…称其女…")
            found.relation = relation
            why["relation"] = Evidence(m.start(), m.end(), f"报警人称受害人为“{word}”")
        if sex:
            found.sex = sex
            why["victim_sex"] = Evidence(m.start(), m.end(), f"受害人是报警人的“{word}”")
        for said in [m, *re.finditer(re.escape(word) + r"[:：]?\s*", text)]:  # "替母亲报警：母亲林淑华"
            name = name_at(text, said.end())
            if name:
                found.victim_name = name
                why["victim_name"] = Evidence(said.start(), said.end() + len(name), f"“{word}”之后的姓名")
                break
        return m.start()
    return -1


def _victim(text: str, found: People) -> None:
    """The victim named as such ("受害人赵敏", "事主：何丽")."""
    if found.victim_name:
        return
    said = _VICTIM.search(text)
    name = name_at(text, said.end()) if said else ""
    if said and name:
        found.victim_name = name
        found.why["victim_name"] = Evidence(
            said.start(), said.end() + len(name), f"“{said.group().strip()}”之后的姓名"
        )


def _sex(text: str, found: People, victim_at: int) -> None:
    if found.sex:
        return
    relative = found.relation != "本人"
    for m in _SEX.finditer(text):
        if relative and m.start() < victim_at:
            continue  # the reporter's own sex ("报警人张伟，男，称其母亲…")
        found.sex = m[1] or m[2]
        found.why["victim_sex"] = Evidence(m.start(), m.end(), f"叙述写明性别“{found.sex}”")
        return
    for m in _TITLE.finditer(text):
        if m.start() == 0 or text[m.start() - 1] not in _SURNAMES or _told(text, m.start() - 1):
            continue
        found.sex = "男" if m[1] in ("先生", "大爷") else "女" if m[1] != "老人" else ""
        if found.sex:
            found.why["victim_sex"] = Evidence(m.start() - 1, m.end(), f"称呼“{text[m.start() - 1]}{m[1]}”")
            return
    for m in _PRONOUN.finditer(text):
        if _told(text, m.start()) or "对方" in text[max(0, m.start() - 3) : m.start()]:
            continue
        if not relative and "我" in text[: m.start()]:
            return  # the victim tells it ("我没理他"): 他 is someone else
        found.sex = "女" if m.group() == "她" else "男"
        found.why["victim_sex"] = Evidence(m.start(), m.end(), f"叙述以“{m.group()}”称呼受害人")
        return


def _age(text: str, found: People, victim_at: int) -> None:
    for m in _AGE.finditer(text):
        if found.relation != "本人" and m.start() < victim_at:
            continue
        said = m[1] or m[3] or m[4]
        age = int(said) if said.isdigit() else parse_chinese_number(said)
        if age is not None and 1 <= age <= 120:
            found.age = age
            found.why["victim_age"] = Evidence(m.start(), m.end(), "叙述中的年龄")
            return
