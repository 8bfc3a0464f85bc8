"""The loop wired where the app and the CLI are composed: the warning service listens to the intelligence
store (a confirmed or suspicious identifier), the case desk (a linked group) and transfer screening (a held
or blocked transfer), so each raises its collisions at once."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from fanzha.warn.service import WarnService

if TYPE_CHECKING:
    from fanzha.cases.repository import CaseStore
    from fanzha.intel.repository import IntelStore
    from fanzha.screen.service import ScreeningService


class _Services(Protocol):
    store: IntelStore
    cases: CaseStore
    warn: WarnService | None


def wire_stores(
    *, intel: IntelStore, cases: CaseStore | None = None, warn: WarnService | None = None
) -> WarnService:
    """Subscribe a warning service (`warn`, or a new one on the store's engine) to the intelligence store
    and (given) the case desk; the CLI's stores use this, so `fanzha intel decide` and `fanzha cases …`
    raise collisions as the service does."""
    warn = warn or WarnService(intel.engine, intel=intel)
    intel.add_listener(warn.on_intel)
    if cases is not None:
        cases.add_listener(warn.on_case_group)
    return warn


def wire_warnings(services: _Services, screening: ScreeningService | None = None) -> WarnService:
    """Create the warning service on the intelligence store's engine (unless there is one), put it on
    `services.warn` and subscribe it to the store, the case desk and (given) screening."""
    services.warn = wire_stores(intel=services.store, cases=services.cases, warn=services.warn)
    if screening is not None:
        screening.add_listener(services.warn.on_held_transfer)
    return services.warn
