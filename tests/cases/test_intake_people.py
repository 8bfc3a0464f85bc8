"""Who is in a narrative: victim, reporter, relation, the victim's sex with its reason, age
(fanzha.cases.intake_people)."""

from __future__ import annotations

import pytest

from fanzha.cases.intake_people import find_people, name_at
from fanzha.cases.intake_text import fold


@pytest.mark.parametrize(
    ("text", "victim", "reporter", "relation", "sex", "age"),
    [
        ("报警人王秀英，女，67岁，称其昨天接到电话", "王秀英", "王秀英", "本人", "女", 67),
        ("报警人张伟称，其母亲李桂兰（72岁）昨天接到电话", "李桂兰", "张伟", "子女", "女", 72),
        ("我是刘强，替我父亲报警。我父亲今年81岁", "", "刘强", "子女", "男", 81),
        ("我妈妈七十三岁了，前天有人打电话说是她孙子", "", "", "子女", "女", 73),
        ("我爸今年六十五，上周三晚上被骗", "", "", "子女", "男", 65),
        ("我外婆八十二了，今天上午被骗", "", "", "孙子女", "女", 82),
        ("周建军来电替妻子刘玉梅报警，称妻子今年58岁", "刘玉梅", "周建军", "配偶", "女", 58),
        ("我是张伟，在外地读书的儿子张小龙（20岁）昨天被骗", "张小龙", "张伟", "父母", "男", 20),
        ("女儿替母亲报警：母亲林淑华，65岁", "林淑华", "", "子女", "女", 65),
        ("我是她儿子刘强，今天陪她来报警", "", "刘强", "子女", "女", None),
        ("事主陈先生，45岁，在QQ上认识一个人", "", "", "本人", "男", 45),
        ("受害人赵敏（女，28岁）称", "赵敏", "赵敏", "本人", "女", 28),
        ("报警人欧阳明，男，３６岁", "欧阳明", "欧阳明", "本人", "男", 36),
        ("报警人孙丽华，女，45岁，称其父亲孙德明（80岁）被骗", "孙德明", "孙丽华", "子女", "男", 80),
    ],
)
def test_people(text: str, victim: str, reporter: str, relation: str, sex: str, age: int | None) -> None:
    found = find_people(fold(text))
    assert (found.victim_name, found.reporter_name, found.relation, found.sex, found.age) == (
        victim, reporter, relation, sex, age,
    )  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "有人冒充她孙子打电话，说在外面打架被抓了",  # the scam story, not the family
        "对方自称其表弟，找他借钱",
        "有人冒充快递员给我打电话，我没理他。",  # 他 is the scammer
    ],
)
def test_the_scam_story_is_not_the_family(text: str) -> None:
    found = find_people(fold(text))
    assert found.relation == "本人"
    if "我" in text:
        assert found.sex == ""


def test_the_sex_comes_with_its_reason() -> None:
    found = find_people("报警人称其母亲今年70岁")
    assert found.sex == "女" and "母亲" in found.why["victim_sex"].rule
    found = find_people("事主陈先生报称")
    assert found.sex == "男" and "陈先生" in found.why["victim_sex"].rule
    found = find_people("报警人张伟，男，称其母亲被骗")
    assert found.sex == "女"  # the reporter's own 男 is not the victim's


@pytest.mark.parametrize(
    ("text", "name"),
    [("王秀英称", "王秀英"), ("欧阳明，", "欧阳明"), ("张伟来电", "张伟"), ("今天上午", ""), ("的人", "")],
)
def test_a_name_is_a_surname_and_one_or_two_characters(text: str, name: str) -> None:
    assert name_at(text, 0) == name
