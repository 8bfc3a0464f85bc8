"""Labelled texts for training and evaluation: loading and cleaning of the shared corpus."""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Example:
    id: str
    text: str
    label: str


class DatasetError(ValueError):
    """A dataset file is missing or malformed; the message names the file and line."""


def read_examples(path: Path) -> list[Example]:
    """Rows `{"id", "text", "label"}` of a JSONL file."""
    if not path.is_file():
        raise DatasetError(f"找不到数据文件：{path}")
    out: list[Example] = []
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                out.append(
                    Example(str(row.get("id", f"{path.stem}-{number}")), str(row["text"]), str(row["label"]))
                )
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise DatasetError(f"{path}:{number}: 不是 {{id, text, label}} 形式的JSON（{exc}）") from exc
    return out


# The corpus masks personal data with placeholders (DIGIT, URL, NAME, xxxx …) and writes calls as
# 甲：…乙：… dialogues. Real messages carry real digits and links and no speaker tags, so the
# placeholders become plausible values (which the extractor then turns into the same identifier
# tokens a real message produces) and the tags go.
_NAMES = ("张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆", "赵磊", "黄敏")
_PLACES = ("朝阳区", "天河区", "滨江", "西湖路", "人民广场", "万达广场", "解放路", "高新区")
_SPEAKER = re.compile(r"(^|\s|\n)[甲乙][:：]\s*")
_X_RUN = re.compile(r"[xX*]{3,}")


def _x_run(match: re.Match[str], rng: random.Random) -> str:
    n = len(match.group())
    if n == 11:
        return "139" + "".join(rng.choice("0123456789") for _ in range(8))
    return "".join(rng.choice("123456789") for _ in range(n))


def clean_placeholders(text: str, rng: random.Random) -> str:
    text = _SPEAKER.sub(r"\1", text)
    text = text.replace("CELLPHONE", "1380013" + str(rng.randint(1000, 9999)))
    text = text.replace("PHONE", "0755-8" + str(rng.randint(1000000, 9999999)))
    text = text.replace("HOTLINE", "400-8" + str(rng.randint(10, 99)) + "-" + str(rng.randint(1000, 9999)))
    text = text.replace("URL", f"https://t.cn/A{rng.randint(1000, 9999)}x")
    text = text.replace("DIGIT", str(rng.randint(2, 500)))
    text = text.replace("NAME", rng.choice(_NAMES))
    text = text.replace("PLACE", rng.choice(_PLACES))
    return _X_RUN.sub(lambda m: _x_run(m, rng), text)


def iter_clean(examples: list[Example], seed: int = 7) -> Iterator[Example]:
    rng = random.Random(seed)
    for ex in examples:
        yield Example(ex.id, clean_placeholders(ex.text, rng), ex.label)
