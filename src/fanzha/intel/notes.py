"""A report's note as it is stored: personal data masked, the reported identifier kept as typed.

A citizen's note (“他冒充客服让我把身份证110101199003071233和卡号发过去，我叫王秀英，电话13912345678”) is
evidence, but the reporter's own ID, card and phone numbers, names and addresses have no place in the
store. Everything `fanzha.reports.redact.personal_data` finds in the note is masked as a bulletin masks
it (ID numbers removed, 139****5678, 6222 **** **** 1234, 王**), with the names a note gives after its own
naming words too (我叫, 对方叫我, 收款人, 户名, 我妈妈 …; 张三 and 李四 as well), except links and IP addresses (the scam
site is the evidence and nobody's personal data) and the identifier being reported, which the store
keeps in clear anyway.
"""

from __future__ import annotations

import re

from fanzha.extract.canonical import canonical

# `personal_data` kinds that stay as typed: where the scam lives, not who the reporter is.
KEPT = frozenset({"网址", "IP地址"})
# How a reporter names someone in a note — self, family, the scammer, an account's holder — beyond the
# roles of a case narrative (`person_names`' own cues: 受害人, 民警, 女儿 …). Names are hidden whoever bears
# them: the schema and the page promise it.
_NAMING = re.compile(
    r"(?:我|他|她|对方|骗子|老人|家人|个|[，,])叫(?:我|做)?|名叫|自称(?:是)?|我是|本人|我?姓名(?:是|为)?"
    r"|我?的?名字(?:是|叫)?|联系人|收款人|收款方|户名|开户名|账户名|持卡人|取款人"
    r"|我?(?:妈妈|妈|爸爸|爸|母亲|父亲|老伴|老公|老婆|丈夫|妻子|爷爷|奶奶|外婆|外公)"
)
_GAP = re.compile(r"[：:\s]*")


def mask_note(text: str, *, kind: str, stored: str) -> str:
    """`text` with its personal data masked; `kind`/`stored`: the reported identifier (canonical form)."""
    # Imported here: fanzha.reports brings the PDF and chart libraries, which the store's other
    # callers (`fanzha check`, the screening workers) never need.
    from fanzha.reports.person_names import named_at
    from fanzha.reports.redact import personal_data

    named = {
        name
        for cue in _NAMING.finditer(text)
        if (name := named_at(text, _past_gap(text, cue.end()))) is not None
    }
    out = text
    for item in reversed(personal_data(text, names=named)):
        if item.kind in KEPT or _reported(item.text, kind, stored):
            continue
        out = out[: item.start] + item.replacement + out[item.end :]
    return out


def _past_gap(text: str, at: int) -> int:
    """Where the name begins after a naming word: past a colon or spaces (收款人：赵丽华)."""
    gap = _GAP.match(text, at)
    return gap.end() if gap is not None else at


def _reported(written: str, kind: str, stored: str) -> bool:
    try:
        return canonical(kind, written) == stored
    except ValueError:
        return False
