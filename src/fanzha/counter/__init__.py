"""The bank counter: the silent alarm from a teller to the police desk (`alerts`), with drills (演练) marked
and reported apart (`drills`), and the case an alert opens at the desk, pre-filled (`alert_cases`).

The counter and ATM checks of transfers that screening held: the checklists 三问二看一核对 and 一问二看三提醒
(`checklists`, data in `data/checklists.yaml`), a held transfer read from its screening decision (`held`),
what a teller records (`check_model`) and the desk that records it, with the signed 《防范电信诈骗告知书》, and
carries out its outcome (`checks.CounterDesk`). The package exports the alarm; import the checks from their
modules (their `OUTCOMES` are not the alarm's).
"""

from fanzha.counter.alert_model import (
    KINDS,
    OUTCOMES,
    STATES,
    Alert,
    AlertConflict,
    AlertError,
    AlertIn,
    AlertNotFound,
)
from fanzha.counter.alerts import AlertStore

__all__ = [
    "KINDS",
    "OUTCOMES",
    "STATES",
    "Alert",
    "AlertConflict",
    "AlertError",
    "AlertIn",
    "AlertNotFound",
    "AlertStore",
]
