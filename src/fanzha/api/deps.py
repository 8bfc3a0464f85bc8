"""Shared dependencies of the routers: the detector and the intelligence store, set up by the app factory.

A dependency that does no I/O (reading app state, checking a caller's role, wrapping the engine in a
store object) is `async def`, here and in the routers: FastAPI runs a plain `def` dependency on its thread
pool, a hand-off per dependency per request that also contends for the GIL with screening's thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

from fanzha.api.batching import AssessBatcher
from fanzha.api.lookups import LookupService
from fanzha.cases.persons import PersonStore
from fanzha.cases.repository import CaseStore
from fanzha.detect.engine import Detector
from fanzha.intel.repository import IntelStore
from fanzha.warn import WarnService


@dataclass(slots=True)
class Services:
    store: IntelStore
    detector: Detector
    assessor: AssessBatcher  # the detector, batching concurrent requests
    lookups: LookupService  # the store's lookups for the event loop
    cases: CaseStore
    persons: PersonStore
    warn: WarnService | None = None  # residents, contact events and warning tasks (fanzha.warn)


async def get_services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


ServicesDep = Annotated[Services, Depends(get_services)]
