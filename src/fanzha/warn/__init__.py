"""Warnings (金钟罩 and 预警劝阻): residents registered with their family and protected accounts, contact
events from telecom and bank feeds, collisions with flagged identifiers, warning tasks and their outcomes.

Entry points: `WarnService` (events, flags and the loop's listeners; `.residents` a `ResidentStore`,
`.tasks` a `TaskStore`), `fanzha.warn.batch.match_files` (the batch path), `fanzha.warn.scripts`
(the 96110 call script and the 12381 SMS), `fanzha.warn.stats` (figures per community).
"""

from fanzha.warn.model import (
    OUTCOMES,
    AccountIn,
    EventIn,
    FamilyIn,
    Resident,
    ResidentIn,
    Task,
    WarnError,
    WarnNotFound,
)
from fanzha.warn.service import EventResult, WarnService
from fanzha.warn.tasks import WarnConflict

__all__ = [
    "OUTCOMES",
    "AccountIn",
    "EventIn",
    "EventResult",
    "FamilyIn",
    "Resident",
    "ResidentIn",
    "Task",
    "WarnConflict",
    "WarnError",
    "WarnNotFound",
    "WarnService",
]
