"""Who is asking: session login, the reader/reviewer checks, and CSRF tokens.

The session lives in a signed cookie (Starlette's SessionMiddleware, itsdangerous); it holds
the account id, name and role and a random CSRF token.  Every state-changing request must
bring that token back: HTML forms in a hidden ``csrf_token`` field, API clients in the
``X-CSRF-Token`` header (``GET /api/session`` tells a logged-in client its token).  The
account is looked up on every request, so a removed account stops working at once.

A signed cookie cannot be taken back, so the session also holds the account's session
generation (``user_account.session_generation``), compared on every request: logging out
moves the generation on, and every cookie of the account made before — a copy of it
included, and the account's sessions in other browsers — is refused from then on.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from fastapi import Request
from sqlmodel import Session

from store.db import transaction
from store.users import Role, get_user, revoke_sessions

CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"
REVIEW_ROLES = frozenset({Role.reviewer.value, Role.admin.value})


class LoginRequired(Exception):
    """Raised by the checks below; the app answers 401 (API) or a redirect to the login page."""

    def __init__(self, message: str = "log in to continue") -> None:
        super().__init__(message)
        self.message = message


class CsrfFailed(Exception):
    """A write without the session's CSRF token: answered 403, nothing is changed."""


@dataclass(frozen=True)
class Account:
    id: int
    name: str
    role: str
    generation: int = 0  # the account's session generation when it was read

    @property
    def can_review(self) -> bool:
        return self.role in REVIEW_ROLES


def csrf_token(request: Request) -> str:
    """The session's CSRF token, made on first use (also before login, for the login form)."""
    token = request.session.get("csrf")
    if not token:
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return token


def login(request: Request, account: Account) -> None:
    """Start a fresh session: a new CSRF token, nothing carried over from before login."""
    request.session.clear()
    request.session.update(
        {"uid": account.id, "name": account.name, "role": account.role, "gen": account.generation}
    )
    request.session["csrf"] = secrets.token_urlsafe(32)


def logout(request: Request) -> None:
    """End the session here and on the server: no copy of its cookie is accepted afterwards."""
    account = current_account(request)
    if account is not None:
        with transaction(request.app.state.engine) as session:
            revoke_sessions(session, account.id)
    request.session.clear()
    request.state.account = None


def current_account(request: Request) -> Account | None:
    """The logged-in account, or None; cached on the request."""
    if hasattr(request.state, "account"):
        return request.state.account
    account = None
    uid = request.session.get("uid")
    if isinstance(uid, int):
        with Session(request.app.state.engine) as session:
            user = get_user(session, uid)
            if user is not None and request.session.get("gen") == user.session_generation:
                account = Account(user.id, user.name, user.role, user.session_generation)  # type: ignore[arg-type]
        if account is None:
            request.session.clear()
    request.state.account = account
    return account


def require_reader(request: Request) -> Account | None:
    """Reading is open when the app is public, else it needs a login."""
    account = current_account(request)
    if account is None and not request.app.state.settings.public_read:
        raise LoginRequired("log in to read the review data")
    return account


async def check_csrf(request: Request) -> None:
    expected = request.session.get("csrf")
    supplied = request.headers.get(CSRF_HEADER)
    if supplied is None and request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        supplied = (await request.form()).get(CSRF_FIELD)  # type: ignore[assignment]
    if not expected or not isinstance(supplied, str) or not secrets.compare_digest(expected, supplied):
        raise CsrfFailed("the form expired or did not come from this site; reload the page and try again")


async def require_reviewer(request: Request) -> Account:
    """Every change: a logged-in reviewer or admin, and the session's CSRF token."""
    account = current_account(request)
    if account is None:
        raise LoginRequired("log in as a reviewer to change records")
    if not account.can_review:
        raise LoginRequired(f"the account {account.name!r} may not review")
    await check_csrf(request)
    return account


def safe_next(target: str | None) -> str:
    """Only a path on this site: never redirect a login to somewhere else."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/queue"
    return target
