"""The FastAPI app factory: `create_app(url=…)` wires the store and the detector; routers stay thin."""

from __future__ import annotations

import gc
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from fanzha.api.auth import (
    ANONYMOUS_PER_MINUTE,
    PUBLIC_PER_MINUTE,
    RateLimiter,
    RedisRateLimiter,
    WrongKeys,
    known_keys_cache,
)
from fanzha.api.batching import AssessBatcher
from fanzha.api.deps import Services
from fanzha.api.errors import ERROR_RESPONSES, install_error_handlers
from fanzha.api.input_guard import InputGuard
from fanzha.api.lookups import LookupService
from fanzha.api.routers import (
    cardban,
    cases,
    check,
    counter_alerts,
    guard,
    intel,
    officer,
    orders,
    outbound,
    reports,
    returnees,
    screen,
    warn,
)
from fanzha.api.screen_batching import ScreenBatcher
from fanzha.api.summaries import apply_summaries
from fanzha.cases.persons import PersonStore
from fanzha.cases.repository import CaseStore
from fanzha.detect.engine import Detector
from fanzha.intel.cache import TTL, TTL_WITH_FEED, TTLCache
from fanzha.intel.changes import ChangeFeed, channel_for
from fanzha.intel.repository import IntelStore
from fanzha.screen.service import build_service_from_env
from fanzha.store import make_engine, upgrade
from fanzha.store.checkpoints import WalCheckpointer
from fanzha.warn.loop import wire_warnings


def create_app(
    *,
    url: str,
    anonymous_per_minute: int = ANONYMOUS_PER_MINUTE,
    public_per_minute: int = PUBLIC_PER_MINUTE,
    redis_url: str | None = None,
) -> FastAPI:
    """The service on the database at `url`. With `redis_url`, workers share the rate limits, screening's
    history and every change to an identifier's level."""
    engine = make_engine(url)
    upgrade(engine)
    checkpointer = WalCheckpointer(engine) if engine.dialect.name == "sqlite" else None
    # With Redis, every worker hears the others' changes to identifiers (fanzha.intel.changes).
    feed = ChangeFeed(redis_url, channel_for(engine)) if redis_url else None
    store = IntelStore(engine, cache=TTLCache(ttl=TTL_WITH_FEED if feed else TTL), feed=feed)
    detector = Detector(intel=store.risk_of)
    assessor = AssessBatcher(detector)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Everything built so far (the model, rule sets, intelligence levels, compiled routes) lives as
        # long as the process: frozen out of the collector, a full collection no longer walks it — which
        # took 30–40 ms on this 2-core machine and showed as the p99 of screening requests.
        gc.collect()
        gc.freeze()
        if checkpointer is not None:
            checkpointer.start()
        if feed is not None:
            feed.start()
        yield
        if feed is not None:
            feed.stop()
        if checkpointer is not None:
            checkpointer.stop()
        assessor.close()
        app.state.screening.close()  # the history and listeners of groups already answered
        engine.dispose()

    app = FastAPI(
        title="fanzha 反诈",
        version="0.1.0",
        description="诈骗识别与风险情报 API",
        lifespan=lifespan,
        docs_url=None,  # /docs and /redoc come from fanzha.api.docs, with their scripts in the package
        redoc_url=None,
    )
    app.state.services = Services(
        store=store,
        detector=detector,
        assessor=assessor,
        lookups=LookupService(store),
        cases=CaseStore(engine, intel=store),
        persons=PersonStore(engine),
    )
    app.state.known_keys = known_keys_cache()
    app.state.wrong_keys = WrongKeys()
    app.state.limiter = (
        RedisRateLimiter(anonymous_per_minute, redis_url) if redis_url else RateLimiter(anonymous_per_minute)
    )
    app.state.public_limiter = (
        RedisRateLimiter(public_per_minute, redis_url) if redis_url else RateLimiter(public_per_minute)
    )
    screening = build_service_from_env(engine=engine, intel=store, redis_url=redis_url, detector=detector)
    app.state.screening = ScreenBatcher(screening)
    wire_warnings(app.state.services, screening)
    app.add_middleware(InputGuard)
    install_error_handlers(app)
    from fanzha.web.problems import install_page_errors

    install_page_errors(app)  # a browser gets a page in Chinese for 404, 405 and 500
    from fanzha.api.routers import exports  # before cases, orders, reports: /v1/cases/export is not a case

    app.include_router(exports.router, responses=ERROR_RESPONSES)
    for area in (check, intel, officer, cases, orders, reports, guard, screen, counter_alerts, cardban, warn):
        app.include_router(area.router, responses=ERROR_RESPONSES)
    app.include_router(warn.public_router, responses=ERROR_RESPONSES)  # 居民自助登记
    app.include_router(returnees.router, responses=ERROR_RESPONSES)
    app.include_router(outbound.router, responses=ERROR_RESPONSES)
    from fanzha.api.routers import outreach

    app.include_router(outreach.router, responses=ERROR_RESPONSES)
    from fanzha.api.routers import claims

    app.include_router(claims.router, responses=ERROR_RESPONSES)
    from fanzha.web.bank import router as bank_console
    from fanzha.web.community import router as community_console
    from fanzha.web.console import router as console
    from fanzha.web.pages import router as pages
    from fanzha.web.security import WebSecurity

    app.add_middleware(WebSecurity)  # outermost: another site's requests are refused before they are read
    app.include_router(pages)
    from fanzha.web.favicon import router as favicon

    app.include_router(favicon)
    from fanzha.web.outreach_pages import router as outreach_pages

    app.include_router(outreach_pages)
    from fanzha.web.claims_pages import router as claims_pages

    app.include_router(claims_pages)
    app.include_router(console)
    app.include_router(bank_console)
    app.include_router(community_console)
    from fanzha.web.medical import router as medical_console

    app.include_router(medical_console)
    app.mount(
        "/static", StaticFiles(directory=str(resources.files("fanzha.web").joinpath("static"))), name="static"
    )

    from fanzha.api.docs import router as docs

    app.include_router(docs)

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    apply_summaries(app)  # the Chinese titles /docs and /redoc show, before the schema is first built
    return app


def app_from_env() -> FastAPI:
    """The factory `fanzha serve --workers N` gives uvicorn (each worker process builds its own app).

    Reads FANZHA_DATABASE_URL (set by `fanzha serve` to the resolved store), FANZHA_RATE_LIMIT,
    FANZHA_PUBLIC_RATE_LIMIT and FANZHA_REDIS_URL.
    """
    return create_app(
        url=os.environ["FANZHA_DATABASE_URL"],
        anonymous_per_minute=int(os.environ.get("FANZHA_RATE_LIMIT", ANONYMOUS_PER_MINUTE)),
        public_per_minute=int(os.environ.get("FANZHA_PUBLIC_RATE_LIMIT", PUBLIC_PER_MINUTE)),
        redis_url=os.environ.get("FANZHA_REDIS_URL") or None,
    )
