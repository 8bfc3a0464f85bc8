"""Personal names in a case narrative that nobody listed: found from the words around them.

A name is a surname of the common list (or a compound one) and one or two more characters, where
- a role stands right before it: 事主张伟接到…, 受害人李秀兰报警, 其女儿陈静发现…, 民警李强及时…;
- its sex or age stands right after it: 黄文斌（男，42岁）, 何美玲，女，…;
- it opens a sentence with 称 / 报警 after it: 。王秀英称…;
- 名叫 / 姓名 stands before it.
A three-character name is preferred to a two-character one unless its last character is a word that
follows names (称, 在, 接, 报…): masking a character too many hides nothing, one too few leaves part of a
name. Words that begin with a surname character (马上, 高度, 向对方…) and names already masked (张某,
王**) are left alone. Every occurrence of a name found once is masked (`fanzha.text.masking.mask_name`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from fanzha.text.masking import mask_name

_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任"
    "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫"
    "孔汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童"
    "凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳穆农司卓古吉缪简车项芦"
    "麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂佟臧闵苟邬卞姬栾隋刁巫寇郎甄仲虞敖巩佘池查麻苑迟邝谈匡鞠"
    "荆冀郁胥班储栗燕楚鄢劳谌奚粟冼蔺楼闻厉伊仝郜阚帅屠朴廉禹漆祁狄宣晋扈晁芮阙浦戈鹿邸雍辜裘亓邰赫杭"
    "况逯茹诸慕嵇湛戎於揭尉冶檀昝衡尧"
)
# Surnames that are also everyday prepositions and adverbs (事主向对方…, 事主于当日…, 连忙…): taken only
# where the name's sex or age, or the case record, says it is a name.
_AMBIGUOUS_SURNAMES = frozenset("向于和连全明由那都来")
_COMPOUND = (
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "令狐", "慕容", "尉迟", "夏侯", "端木", "公孙", "宇文",
    "长孙", "司徒", "澹台", "闻人", "呼延", "独孤", "申屠", "万俟", "南宫", "西门", "轩辕", "钟离",
)  # fmt: skip
ROLES = (
    "犯罪嫌疑人", "违法嫌疑人", "嫌疑人", "嫌犯", "事主", "受害人", "被害人", "受骗人", "报警人", "报案人", "求助人",
    "举报人", "当事人", "证人", "社区民警", "民警", "辅警", "警官", "所长", "队长", "网格员", "柜员", "大堂经理",
    "经理", "女儿", "儿子", "丈夫", "妻子", "老伴", "爱人", "母亲", "父亲", "孙子", "孙女", "外孙女", "外孙",
    "儿媳", "女婿", "哥哥", "姐姐", "弟弟", "妹妹", "男朋友", "女朋友", "男友", "女友", "朋友", "同事", "同学",
    "邻居", "网友", "老师", "班主任", "医生", "家属", "亲属", "监护人", "户主", "房东", "租客", "司机", "老板", "业主",
)  # fmt: skip
# Characters that follow a name rather than end it (称, 在, 接到, 家中…): a third character among them is
# not part of the name.
_AFTER = frozenset(
    "称说讲报在于被向将把给从对到去来回已也都又就才未没不是系为因和与及等的了着过陪发遂便即先后再还并且"
    "但却共均曾正欲要想拨打接听看见问告通用让叫请携带赶前出入上下进转汇付收购买卖借贷存取办添加点登输填按"
    "经一两几之其她他某驾开骑乘坐住租居使立随家夫妻女儿母父亦仍竟只独分各每啊呀吗呢吧啦哦嘛哈您你我"
)
# A surname with a title is how people are addressed, not a name: 王师傅, 李警官, 张老师.
_TITLES = (
    "师傅", "老师", "警官", "先生", "女士", "小姐", "经理", "医生", "护士", "律师", "会计", "阿姨", "叔叔", "大爷",
    "大妈", "大姐", "大哥", "姐姐", "哥哥", "哥", "姐", "叔", "姨", "总", "同志", "主任", "科长", "处长", "局长", "所长", "队长", "老板", "总监", "院长", "校长",
)  # fmt: skip
# Characters that never open a given name: function words, numbers (but 一: 王一鸣), sex, 某.
_NEVER_GIVEN = frozenset(
    "称说讲报在于被向将把给从对到去回已也都又就才未没不是系为因和与及等的了着过遂便即先后再还并且但却共均"
    "曾欲要想拨打接听看问告让请携赶出入上下转汇付收购买卖借贷存取办添点登输填按经二三四五六七八九十两几"
    "之其她他您你我某驾骑乘坐住租居使随亦仍竟只各每这那此该个们内外时日月年元万号岁男女"
)
# Everyday words that begin with a surname character: never a name.
_WORD_LIST = (
    "马上 马路 麻烦 万一 高度 高额 高价 高息 高兴 高中 高考 高铁 万分 万元 安全 安装 安排 安置 金额 金融 金色 方式 方面"
    " 方便 方法 方才 时间 时候 任务 任何 任职 任意 单位 单独 单笔 文件 文字 文化 文明 白天 白色 黄金 黄色 毛病"
    " 严重 严肃 严格 曾经 齐全 钱款 钱包 钱财 苏醒 余额 费用 包裹 包括 成功 成为 成年 车辆 车站 车主 计划 平台"
    " 章程 程序 程度 常常 常年 常用 常见 陆续 陆地 申请 管理 游戏 路过 解释 解决 房屋 房子 尤其 迟迟 迟到 关于"
    " 关系 宁可 尚未 左右 左侧 甘心 简单 项目 解冻 解除 解封 党员 卫生 冷静 农村 农业 农民 古代 付出 付钱 付费 许多 许可 何时"
    " 何处 何况 何种 周末 周边 周围 周岁 陈述 张贴 谢谢 胡乱 罗列 杜绝 范围 宣传 宣称 谈话 谈判 储蓄 储值 楼下"
    " 楼上 闻讯 董事 田地 纪律 毕业 季度 凌晨 童年 顾客 顾问 贺卡 雷同 龙头 史上 景点 景区 郁闷 班级 诸如 慕名"
    " 衡量 孙子 孙女 戴上 易于 康复 施工 温暖 华为 武汉 江州 江苏 江西 兰州 沈阳 杭州 苏州 郑州 宁波 成都 石门"
)
_WORDS = frozenset(_WORD_LIST.split())
_ADMIN = frozenset("省市县区镇乡村州")  # 武汉市, 石门县: a place, not a name
_HAN = "\u4e00-\u9fff"
_ROLE = re.compile("|".join(sorted(ROLES, key=len, reverse=True)))
_SEX_AGE = re.compile(r"[（(](?:男|女|\d{1,3}岁)|[，,](?:男|女)[，,、）)]|[，,]\d{1,3}岁")
_SAYS = re.compile(r"称|说|表示|报警|介绍|回忆|告诉")
_JOINED = re.compile(r"、|和|与|及")
_NAMED = re.compile(r"名叫|叫做|名为|姓名[：:为是]?|化名")
_SENTENCE = re.compile(r"(?:^|(?<=[。；！？\n]))")


@dataclass(frozen=True, slots=True)
class NameFound:
    start: int
    end: int
    name: str

    @property
    def masked(self) -> str:
        return mask_name(self.name)


def _surname_at(text: str, i: int, *, strict: bool) -> int:
    """The length of the surname starting at `i` (2 for a compound one), or 0."""
    if text.startswith(_COMPOUND, i):
        return 2
    if i < len(text) and text[i] in _SURNAMES:
        return 1
    if not strict and i < len(text) and text[i] in _AMBIGUOUS_SURNAMES:
        return 1
    return 0


def _han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def name_at(text: str, i: int, *, strong: bool = False) -> str | None:
    """The name starting at `i`, or None. `strong`: the context alone says a name is here (its sex or age
    follows), so ambiguous surnames count and the name may end anywhere."""
    surname = _surname_at(text, i, strict=not strong)
    if not surname:
        return None
    first = i + surname
    if first >= len(text) or not _han(text[first]) or text[first] in _NEVER_GIVEN or text[first] in "*＊":
        return None
    if text.startswith(_TITLES, first):
        return None
    length = surname + 1
    second = first + 1
    if (
        second < len(text)
        and _han(text[second])
        and text[second] not in _AFTER
        and text[second] not in _ADMIN
    ):
        length += 1
    name = text[i : i + length]
    after = text[i + length : i + length + 1]
    if name[:2] in _WORDS:
        return None
    if after in _ADMIN:
        return None
    if strong and not _SEX_AGE.match(text, i + length):
        if length == surname + 2 and _SEX_AGE.match(text, i + length - 1):
            return name[:-1]
        return None
    return name


_NUMERALS = frozenset("一二三四五六七八九十")


def named_at(text: str, i: int) -> str | None:
    """The name right after a word that names someone (我叫, 名叫, 户名): as `name_at`, and also a surname
    with a numeral (张三, 李四, 王五), which only such a word makes a name."""
    name = name_at(text, i)
    if name is not None:
        return name
    surname = _surname_at(text, i, strict=True)
    given = text[i + surname : i + surname + 1]
    return text[i : i + surname + 1] if surname and given and given in _NUMERALS else None


def _role_names(text: str) -> Iterator[str]:
    """Names after a role, and the names listed with them (事主唐晓东、何丽夫妇…)."""
    for role in _ROLE.finditer(text):
        at: int | None = role.end()
        while at is not None:
            name = name_at(text, at)
            if name is None:
                break
            yield name
            joined = _JOINED.match(text, at + len(name))
            at = joined.end() if joined is not None else None


def _described_names(text: str) -> Iterator[str]:
    """Names with their sex or age right after them: 黄文斌（男，42岁）, 何美玲，女，…"""
    for cue in _SEX_AGE.finditer(text):
        for length in (4, 3, 2):
            start = cue.start() - length
            if start < 0:
                continue
            before = text[start - 1 : start]
            opens = not before or not _han(before) or any(text.endswith(r, 0, start) for r in ROLES)
            if opens and name_at(text, start, strong=True) == text[start : cue.start()]:
                yield text[start : cue.start()]
                break


def _cued_names(text: str) -> Iterator[str]:
    for cue in _NAMED.finditer(text):
        name = name_at(text, cue.end())
        if name is not None:
            yield name
    for opening in _SENTENCE.finditer(text):
        name = name_at(text, opening.end())
        if name is not None and _SAYS.match(text, opening.end() + len(name)):
            yield name


def find_names(text: str, *, known: Iterable[str] = ()) -> list[NameFound]:
    """Every occurrence of every name found in `text`, and of the `known` names (the case record's)."""
    names = {n.strip() for n in known if n and n.strip() and "某" not in n and "*" not in n}
    names.update(_role_names(text))
    names.update(_described_names(text))
    names.update(_cued_names(text))
    found: list[NameFound] = []
    taken: list[tuple[int, int]] = []
    for name in sorted(names, key=len, reverse=True):
        for match in re.finditer(re.escape(name), text):
            span = (match.start(), match.end())
            if any(s < span[1] and span[0] < e for s, e in taken):
                continue
            taken.append(span)
            found.append(NameFound(span[0], span[1], name))
    return sorted(found, key=lambda f: f.start)
