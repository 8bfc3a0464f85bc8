"""Real SMS (`shared/data/real/real_sms.jsonl`): labels, categories and the documented split.

The file holds real fake-base-station scams and adverts (FBS_SMS_Dataset) and real everyday
messages (SpamMessagesLR, text-antispam msglog), each with a `fold` 0–4 from a hash of the text.

**The split.** Folds 0–3 are for development: the classifier trains on them, the cue rules and the
engine's weights were tuned by looking at them (with the classifier's out-of-fold predictions,
`fanzha.learn.build`, so that tuning never sees a model that memorised the rows). Fold 4 is held
out: no rule, weight or model saw its rows, and its figures are the ones to quote.

**The labels.** Each row gets a fine label for training:
- `fraud` rows: the fraud type where the source label names one (`FR:Phishing_Bank` and
  `FR:Phishing_Other` → phishing, `FR:Financial` → investment), otherwise `fraud` (a scam of a type
  the source does not say, `FR:Other`): it trains "scam or not", not "which scam";
- `ad` rows: `loan_advert` for `AD:Loan`, `advert` for the rest; `illegal` rows: `illegal_advert`;
- `normal` rows and `other` rows (weather, school and government notices): `normal`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import orjson

from fanzha.learn.dataset import DatasetError, Example
from fanzha.taxonomy import ADVERT_KINDS, NORMAL, SCAM, UNKNOWN_FRAUD

DEVELOPMENT_FOLDS = (0, 1, 2, 3)
HELD_OUT_FOLD = 4
_TYPED = {"FR:Phishing_Bank": "phishing", "FR:Phishing_Other": "phishing", "FR:Financial": "investment"}


@dataclass(frozen=True, slots=True)
class RealMessage:
    id: str
    text: str
    label: str  # fraud | normal | ad | illegal | other, as in the file
    source: str
    source_label: str
    fold: int

    @property
    def fine_label(self) -> str:
        """The training label (see the module doc)."""
        if self.label == "fraud":
            return _TYPED.get(self.source_label, UNKNOWN_FRAUD)
        if self.label == "ad":
            return "loan_advert" if self.source_label == "AD:Loan" else "advert"
        if self.label == "illegal":
            return "illegal_advert"
        return NORMAL

    @property
    def category(self) -> str:
        """scam, normal, or the advert kind."""
        fine = self.fine_label
        return fine if fine == NORMAL or fine in ADVERT_KINDS else SCAM

    def example(self) -> Example:
        return Example(self.id, self.text, self.fine_label)


def read_real(path: Path) -> list[RealMessage]:
    """Every row of the real SMS file."""
    if not path.is_file():
        raise DatasetError(f"找不到数据文件：{path}")
    out: list[RealMessage] = []
    with path.open("rb") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = orjson.loads(line)
                out.append(
                    RealMessage(
                        str(row["id"]),
                        str(row["text"]),
                        str(row["label"]),
                        str(row.get("source", "")),
                        str(row.get("source_label", "")),
                        int(row["fold"]),
                    )
                )
            except (orjson.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                raise DatasetError(f"{path}:{number}: 不是真实短信数据的格式（{exc}）") from exc
    return out


def in_folds(messages: Iterable[RealMessage], folds: Iterable[int]) -> list[RealMessage]:
    wanted = frozenset(folds)
    return [m for m in messages if m.fold in wanted]


def default_real_path(texts_dir: Path) -> Path:
    """`real/real_sms.jsonl` beside the `texts/` directory of the shared data."""
    return texts_dir.parent / "real" / "real_sms.jsonl"
