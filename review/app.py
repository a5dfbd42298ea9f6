"""The review app: FastAPI over the store, server-rendered pages and a JSON API.

``create_app(settings)`` builds it; ``antq serve`` runs it with uvicorn.  The OpenAPI
description of the JSON API is at ``/api/openapi.json`` (the interactive docs pages are
off: they load scripts from a CDN, which neither the machines nor the CSP allow).
"""

from __future__ import annotations

from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from starlette.middleware.sessions import SessionMiddleware

from review import routes_api, routes_auth, routes_data, routes_review
from review.auth import CsrfFailed, LoginRequired
from review.queue import BadFilter
from review.settings import Settings
from review.web import HERE, flash, redirect, render
from store.db import open_store

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}


def refresh_statistics(engine: Engine) -> None:
    """Let SQLite's planner know the table sizes (PostgreSQL's autovacuum does this itself).

    Without statistics SQLite guesses, and reads a filtered queue through the confidence
    index even when the source index would find the few matching rows at once.  With a
    sampling limit this takes milliseconds on 100,000 records; it runs at every start.
    """
    if engine.dialect.name != "sqlite":
        return
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql("PRAGMA analysis_limit=1000")
            connection.exec_driver_sql("ANALYZE")
    except OperationalError:  # a read-only file: serve it anyway, with the planner's guesses
        pass


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def create_app(settings: Settings) -> FastAPI:
    if not settings.secret_key:
        raise ValueError("the review app needs a secret key (ANTQ_SECRET_KEY or the generated key file)")
    app = FastAPI(
        title="antq review",
        summary="Review, figure check and timeline of records extracted from ANTQ news.",
        version="1",
        openapi_url="/api/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.engine = open_store(settings.db)
    refresh_statistics(app.state.engine)
    app.add_middleware(
        SessionMiddleware,
        secret_key=settings.secret_key,
        session_cookie="antq_session",
        max_age=settings.session_max_age,
        same_site="lax",
        https_only=settings.https_only,
    )

    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if not request.url.path.startswith("/static/"):
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    @app.exception_handler(LoginRequired)
    async def login_required(request: Request, exc: LoginRequired) -> Response:
        if _is_api(request):
            return JSONResponse({"detail": exc.message}, status_code=401)
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        if request.method != "GET":  # the refused change is not replayed after login: say so
            target = "/queue"
            flash(request, f"Not saved: {exc.message} (a session ends after a working day).", "warning")
        return redirect(f"/login?next={quote(target, safe='')}")

    @app.exception_handler(CsrfFailed)
    async def csrf_failed(request: Request, exc: CsrfFailed) -> Response:
        if _is_api(request):
            return JSONResponse({"detail": str(exc)}, status_code=403)
        return render(request, "error.html", {"title": "Form expired", "message": str(exc)}, 403)

    @app.exception_handler(BadFilter)
    async def bad_filter(request: Request, exc: BadFilter) -> Response:
        if _is_api(request):
            return JSONResponse({"detail": str(exc)}, status_code=422)
        return render(request, "error.html", {"title": "Bad filter", "message": str(exc)}, 400)

    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(routes_auth.router)
    app.include_router(routes_review.router)
    app.include_router(routes_data.router)
    app.include_router(routes_api.router)
    return app
