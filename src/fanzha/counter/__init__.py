"""The bank counter: the silent alarm from a teller to the police desk (`alerts`), with drills (演练) marked
and reported apart (`drills`), and the case an alert opens at the desk, pre-filled (`alert_cases`).

The counter and ATM checklists (三问二看一核对, 一问二看三提醒) and the 告知书 still live in
`fanzha.screen.counter` and `fanzha.screen.checklists`; they are to join this package.
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
