"""Logging in and out: the login form and the API's session endpoints."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Depends, Form, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel

from review.auth import Account, check_csrf, csrf_token, current_account, login, logout, safe_next
from review.web import flash, redirect, render
from store.db import transaction
from store.users import verify

router = APIRouter()


def _authenticate(request: Request, name: str, password: str) -> Account | None:
    with transaction(request.app.state.engine) as session:
        user = verify(session, name, password)
        if user is None:
            return None
        return Account(user.id, user.name, user.role, user.session_generation)  # type: ignore[arg-type]


@router.get("/login", include_in_schema=False, response_class=HTMLResponse)
def login_page(request: Request, next: str | None = None) -> Response:
    return render(request, "login.html", {"next": safe_next(next), "error": None, "name": ""})


@router.post("/login", include_in_schema=False, dependencies=[Depends(check_csrf)])
def login_submit(
    request: Request,
    name: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "/queue",
) -> Response:
    account = _authenticate(request, name, password)
    if account is None:
        context = {"next": safe_next(next), "error": "Wrong name or password.", "name": name}
        return render(request, "login.html", context, 401)
    login(request, account)
    flash(request, f"Logged in as {account.name} ({account.role}).")
    return redirect(safe_next(next))


@router.post("/logout", include_in_schema=False, dependencies=[Depends(check_csrf)])
def logout_submit(request: Request) -> Response:
    logout(request)
    return redirect("/login")


class Credentials(BaseModel):
    name: str
    password: str


class SessionInfo(BaseModel):
    """The logged-in account; send ``csrf_token`` as the X-CSRF-Token header on every write."""

    name: str | None
    role: str | None
    csrf_token: str


def _info(request: Request, account: Account | None) -> SessionInfo:
    return SessionInfo(
        name=account.name if account else None,
        role=account.role if account else None,
        csrf_token=csrf_token(request),
    )


@router.get("/api/session", tags=["session"])
def session_get(request: Request) -> SessionInfo:
    """Who is logged in, and the CSRF token of this session."""
    return _info(request, current_account(request))


@router.post("/api/session", tags=["session"], responses={401: {"description": "Wrong name or password"}})
def session_login(request: Request, credentials: Annotated[Credentials, Body()]) -> SessionInfo:
    """Log in; the session cookie comes with the answer.

    The body must be JSON (``application/json``), which a page on another site cannot send
    without the browser asking this server first — so logging in needs no CSRF token.
    """
    account = _authenticate(request, credentials.name, credentials.password)
    if account is None:
        return JSONResponse({"detail": "wrong name or password"}, status_code=401)  # type: ignore[return-value]
    login(request, account)
    return _info(request, account)


@router.delete("/api/session", tags=["session"], dependencies=[Depends(check_csrf)], status_code=204)
def session_logout(request: Request) -> Response:
    """Log out (needs the CSRF token)."""
    logout(request)
    return Response(status_code=204)
