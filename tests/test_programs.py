"""Cue patterns rebuilt from their cached compiled programs match exactly as `re.compile`'s do; a
program `_sre` refuses, or none at all, falls back to `re.compile`. The modules' own patterns (`regex`)
are served from a table the engine keeps once loaded."""

from __future__ import annotations

import array
import base64
import json
import pickle
import re
from pathlib import Path

import pytest

from fanzha import programs as programs_module
from fanzha.datafiles import CACHE_ENV
from fanzha.programs import Programs, keep_compiled, program, rebuild
from fanzha.taxonomy import load_taxonomy

REAL = Path(__file__).resolve().parents[2] / "shared" / "data" / "real" / "real_sms.jsonl"
SAMPLES = [
    "尊敬的工行用户您的电子密码器将于次日失效请尽快登陆我行网站进行维护升级",
    "您好，我是公安局的，您的银行卡涉嫌洗钱，请把钱转到安全账户配合资金清查",
    "稳赚不赔，年化收益18%，老师每天免费推荐牛股，进群领取",
    "【中国银行】您尾号1234的账户于12月5日转账支出500.00元，如非本人操作请致电95566",
]


def _patterns() -> list[str]:
    cues = load_taxonomy().all_cues
    whole = [c.pattern.pattern for c in cues if c.pattern is not None]
    return whole + [a.pattern.pattern for c in cues for a in c.alternatives]


def test_every_cue_pattern_rebuilt_from_its_program_matches_as_compiled() -> None:
    texts = list(SAMPLES)
    if REAL.is_file():
        texts += [json.loads(line)["text"] for line in REAL.read_text("utf-8").splitlines()[::40]]
    patterns = _patterns()
    assert len(patterns) > 500
    for pattern in patterns:
        rebuilt, compiled = rebuild(pattern, program(pattern)), re.compile(pattern)
        assert rebuilt is not None, pattern
        for text in texts:
            assert [m.span() for m in rebuilt.finditer(text)] == [m.span() for m in compiled.finditer(text)]


def test_a_program_sre_refuses_is_compiled_instead() -> None:
    stored = program("安全(账户|帐户)")
    words = array.array("I", base64.b64decode(stored[1]))
    cut = [stored[0], base64.b64encode(words[:-3].tobytes()).decode(), *stored[2:]]
    assert rebuild("安全(账户|帐户)", cut) is None
    assert rebuild("安全(账户|帐户)", None) is None and rebuild("安全(账户|帐户)", ["x"]) is None


def test_programs_are_kept_and_unknown_patterns_compiled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    programs = Programs("p", source="s", patterns=["安全账户", "资金(清查|核查)"])
    assert programs.compile("资金(清查|核查)").findall("配合资金核查") == ["核查"]
    assert programs.compile("不在表里").search("这个不在表里") is not None
    (kept,) = tmp_path.glob("p-*.json")
    assert set(json.loads(kept.read_text("utf-8"))) == {"安全账户", "资金(清查|核查)"}


def test_the_taxonomy_still_pickles_without_its_table() -> None:
    taxonomy = load_taxonomy()
    index, cue = next((i, c) for i, c in enumerate(taxonomy.all_cues) if c.alternatives)
    text = "请将资金转入安全账户，配合资金清查"
    assert cue.alternatives[0].pattern.compiled is not None  # the table is loaded in this process
    again = pickle.loads(pickle.dumps(taxonomy))
    assert again == taxonomy
    twin = again.all_cues[index]
    assert twin.pattern is not None and cue.pattern is not None
    assert [m.span() for m in twin.pattern.finditer(text)] == [m.span() for m in cue.pattern.finditer(text)]
    assert [a.pattern.pattern for a in twin.alternatives] == [a.pattern.pattern for a in cue.alternatives]


def test_a_module_pattern_is_kept_and_rebuilt_with_its_flags(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    monkeypatch.setattr(programs_module, "_COMPILED", programs_module._Compiled())
    cases = [("[\u3400-\u9fff]{2}(?P<n>\\d+)", 0), ("^ab.c$", re.IGNORECASE | re.MULTILINE | re.DOTALL)]
    texts = ["资金123", "x\nAB\nC\nab_c", "ab\nc"]
    made = [programs_module.regex(pattern, flags) for pattern, flags in cases]
    assert not list(tmp_path.glob("module-programs-*.json"))  # kept only when asked
    keep_compiled()
    (kept,) = tmp_path.glob("module-programs-*.json")
    assert len(json.loads(kept.read_text("utf-8"))) == 2

    fresh = programs_module._Compiled()  # the next process: served from the table
    monkeypatch.setattr(programs_module, "_COMPILED", fresh)
    for (pattern, flags), first in zip(cases, made, strict=True):
        again, plain = programs_module.regex(pattern, flags), re.compile(pattern, flags)
        assert again.flags == plain.flags and again.groupindex == plain.groupindex
        for text in texts:
            assert [m.span() for m in again.finditer(text)] == [m.span() for m in plain.finditer(text)]
            assert [m.span() for m in first.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert not fresh.made  # nothing compiled anew: keeping writes nothing
    kept.write_text("{}", "utf-8")
    keep_compiled()
    assert kept.read_text("utf-8") == "{}"


def test_a_bad_module_pattern_raises_as_re_compile_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    monkeypatch.setattr(programs_module, "_COMPILED", programs_module._Compiled())
    with pytest.raises(re.error, match="missing \\)"):
        programs_module.regex("资金(清查")


def test_a_damaged_or_stale_table_is_compiled_past(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    monkeypatch.setattr(programs_module, "_COMPILED", programs_module._Compiled())
    programs_module.regex("安全账户")
    keep_compiled()
    (kept,) = tmp_path.glob("module-programs-*.json")
    kept.write_text('{"0:安全账户": ["x"], "0:旧的": [0, "", 0, {}, []]}', "utf-8")
    fresh = programs_module._Compiled()
    monkeypatch.setattr(programs_module, "_COMPILED", fresh)
    assert programs_module.regex("安全账户").search("转入安全账户") is not None
    assert fresh.made  # the refused program was made again
    monkeypatch.setattr(programs_module._Compiled, "MAX_KEPT", 1)
    keep_compiled()  # past the limit: only what this process compiled is kept
    assert list(json.loads(kept.read_text("utf-8"))) == ["0:安全账户"]
