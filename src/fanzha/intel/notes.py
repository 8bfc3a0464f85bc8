"""A report's note as it is stored: personal data masked, the reported identifier kept as typed.

A citizen's note (“他冒充客服让我把身份证110101199003071233和卡号发过去，我叫王秀英，电话13912345678”) is
evidence, but the reporter's own ID, card and phone numbers, names and addresses have no place in the
store. Everything `fanzha.reports.redact.personal_data` finds in the note is masked as a bulletin masks
it (ID numbers removed, 139****5678, 6222 **** **** 1234, 王**), except links and IP addresses (the scam
site is the evidence and nobody's personal data) and the identifier being reported, which the store
keeps in clear anyway.
"""

from __future__ import annotations

import re

from fanzha.extract.canonical import canonical

# `personal_data` kinds that stay as typed: where the scam lives, not who the reporter is.
KEPT = frozenset({"网址", "IP地址"})
# How a reporter names someone in a note (a case narrative's roles are `personal_names`' own cues).
_SELF = re.compile(r"我叫|我是|本人|我姓名是?|我的名字是?|联系人[：:]?|老人叫|家人叫")


def mask_note(text: str, *, kind: str, stored: str) -> str:
    """`text` with its personal data masked; `kind`/`stored`: the reported identifier (canonical form)."""
    # Imported here: fanzha.reports brings the PDF and chart libraries, which the store's other
    # callers (`fanzha check`, the screening workers) never need.
    from fanzha.reports.person_names import name_at
    from fanzha.reports.redact import personal_data

    named = {name for cue in _SELF.finditer(text) if (name := name_at(text, cue.end())) is not None}
    out = text
    for item in reversed(personal_data(text, names=named)):
        if item.kind in KEPT or _reported(item.text, kind, stored):
            continue
        out = out[: item.start] + item.replacement + out[item.end :]
    return out


def _reported(written: str, kind: str, stored: str) -> bool:
    try:
        return canonical(kind, written) == stored
    except ValueError:
        return False
