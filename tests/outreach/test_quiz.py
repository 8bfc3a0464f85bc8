from __future__ import annotations

import pytest

from fanzha.outreach.quiz import SAFE_PRACTICES, WRONG_ACTIONS, claims, first_sentence, generate, score, short
from fanzha.taxonomy import load_taxonomy

TAXONOMY = load_taxonomy()


@pytest.mark.parametrize("seed", [0, 1, 7, 42])
def test_every_right_answer_is_right_by_the_taxonomy(seed: int) -> None:
    for q in generate(count=30, seed=seed):
        t = TAXONOMY.get(q.fraud_type)
        right = q.options[q.answer]
        wrong = [o for i, o in enumerate(q.options) if i != q.answer]
        if q.kind == "sign":
            assert right in {short(c.meaning) for c in t.cues}
            assert set(wrong) <= set(SAFE_PRACTICES)
        elif q.kind == "type":
            assert right == t.name
            assert t.name not in wrong and set(wrong) <= {x.name for x in TAXONOMY.types}
            phrase = q.prompt.split("「")[1].split("」")[0]
            assert not [x.code for x in TAXONOMY.types if x.name in wrong and claims(x, phrase)]
        else:
            assert q.kind == "advice"
            assert right == first_sentence(t.advice)
            assert set(wrong) <= set(WRONG_ACTIONS)


@pytest.mark.parametrize("seed", [0, 3])
def test_options_are_distinct_and_prompts_not_repeated(seed: int) -> None:
    questions = generate(count=30, seed=seed)
    assert len(questions) == 30
    assert len({q.prompt for q in questions}) == 30
    for q in questions:
        assert len(q.options) == len(set(q.options)) == 4
    assert {q.kind for q in questions} == {"sign", "type", "advice"}


def test_the_same_seed_gives_the_same_quiz_and_another_seed_another() -> None:
    assert generate(count=10, seed=5) == generate(count=10, seed=5)
    assert generate(count=10, seed=5) != generate(count=10, seed=6)


def test_rising_types_of_the_bulletins_come_first() -> None:
    questions = generate(count=5, seed=1, rising=[("2026年第47周", "rebate_task"), ("2026年第47周", "bogus")])
    q = questions[0]
    assert q.kind == "rising" and q.options[q.answer] == TAXONOMY.get("rebate_task").name
    assert "2026年第47周" in q.prompt
    assert sum(x.kind == "rising" for x in questions) == 1


def test_types_can_be_chosen_and_counts_are_bounded() -> None:
    assert {q.fraud_type for q in generate(count=6, seed=0, types=["romance"])} == {"romance"}
    with pytest.raises(ValueError, match="1 到 50"):
        generate(count=0)


def test_scoring_counts_right_answers_and_missing_ones_as_wrong() -> None:
    questions = generate(count=3, seed=2)
    answers = [questions[0].answer, (questions[1].answer + 1) % 4]
    assert score(questions, answers) == (1, [True, False, False])
