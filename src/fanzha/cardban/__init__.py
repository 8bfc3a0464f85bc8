"""断卡: the 惩戒 list of holders of bank accounts and phone cards sold, rented or lent to scammers (两卡),
the checks banks make against it (and against the desk's key persons) before opening an account or a
non-counter service, and the 串并 groups that run through listed accounts.

- `model`: entries, checks and answers (可办理 / 仅限柜面 / 需核实), the law and the five-year term;
- `canonical`: accounts and numbers in the intelligence store's canonical form, ID numbers, nothing dropped;
- `register`: the list in the store (`CardbanStore`), every entry audited;
- `checks`: opening checks (`OpeningChecks`), every check stored and audited;
- `groups`: which groups run through listed accounts and numbers.
"""

from fanzha.cardban.checks import OpeningChecks
from fanzha.cardban.groups import (
    ListedHit,
    groups_through_listed,
    listed_by_group,
    listed_groups_of,
    listed_groups_page,
)
from fanzha.cardban.model import (
    EVIDENCE,
    KINDS,
    SERVICES,
    STATUSES,
    VERDICTS,
    CardbanConflict,
    CardbanError,
    CardbanNotFound,
    CheckIn,
    CheckResult,
    Entry,
    EntryIn,
    Reason,
)
from fanzha.cardban.register import CardbanStore, today_in_beijing

__all__ = [
    "EVIDENCE",
    "KINDS",
    "SERVICES",
    "STATUSES",
    "VERDICTS",
    "CardbanConflict",
    "CardbanError",
    "CardbanNotFound",
    "CardbanStore",
    "CheckIn",
    "CheckResult",
    "Entry",
    "EntryIn",
    "ListedHit",
    "OpeningChecks",
    "Reason",
    "groups_through_listed",
    "listed_by_group",
    "listed_groups_of",
    "listed_groups_page",
    "today_in_beijing",
]
