"""The FastAPI app factory: `create_app(url=…)` wires the store and the detector; routers stay thin."""

from __future__ import annotations

from importlib import resources

from fastapi import FastAPI
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

from fanzha.api.auth import ANONYMOUS_PER_MINUTE, RateLimiter
from fanzha.api.deps import Services
from fanzha.api.routers import check, intel, officer
from fanzha.detect.engine import Detector
from fanzha.intel.cache import TTLCache
from fanzha.intel.repository import IntelStore
from fanzha.store import make_engine, upgrade

MAX_BODY_BYTES = 1_000_000


class BodyLimit:
    """Refuse bodies over MAX_BODY_BYTES with 413 before reading them (plain ASGI: no per-request task)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            for name, value in scope["headers"]:
                if name == b"content-length" and (not value.isdigit() or int(value) > MAX_BODY_BYTES):
                    response = JSONResponse({"detail": f"请求体超过 {MAX_BODY_BYTES} 字节"}, status_code=413)
                    await response(scope, receive, send)
                    return
        await self.app(scope, receive, send)


def create_app(*, url: str, anonymous_per_minute: int = ANONYMOUS_PER_MINUTE) -> FastAPI:
    engine = make_engine(url)
    upgrade(engine)
    store = IntelStore(engine, cache=TTLCache())
    app = FastAPI(title="fanzha 反诈", version="0.1.0", description="诈骗识别与风险情报 API")
    app.state.services = Services(store=store, detector=Detector(intel=store.risk_of))
    app.state.limiter = RateLimiter(anonymous_per_minute)
    app.add_middleware(BodyLimit)
    app.include_router(check.router)
    app.include_router(intel.router)
    app.include_router(officer.router)
    from fanzha.web.pages import router as pages

    app.include_router(pages)
    app.mount(
        "/static", StaticFiles(directory=str(resources.files("fanzha.web").joinpath("static"))), name="static"
    )

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    return app
