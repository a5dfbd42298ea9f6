"""``antq serve`` and ``antq users``: the review app and its accounts.

Registered in ``antq.cli``; like the other commands, heavy imports (FastAPI, SQLAlchemy,
argon2, uvicorn) happen inside the functions so ``antq --help`` stays instant.
"""

from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated

import typer

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Database URL (default: $ANTQ_DB, else sqlite:///antq.db here)."),
]


class RoleChoice(str, Enum):
    reviewer = "reviewer"
    admin = "admin"


def _console():  # type: ignore[no-untyped-def]
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def _fail(message: str, code: int = 2) -> typer.Exit:
    _console().print(f"[red]error:[/] {message}", markup=True, soft_wrap=True)
    return typer.Exit(code)


def serve(
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    db: DbOption = None,
) -> None:
    """Run the review app: queue, figure check, timeline and JSON API (/api/openapi.json).

    Settings: ANTQ_SECRET_KEY (default: a key kept in ~/.config/antq/secret_key),
    ANTQ_PUBLIC_READ=1 (anyone may read), ANTQ_HTTPS_ONLY=1 (session cookie over HTTPS only).
    """
    import threading

    import uvicorn
    from sqlmodel import Session, select

    from review.app import create_app
    from review.figures import summaries
    from review.settings import Settings
    from store.db import StoreError
    from store.users import User

    try:
        app = create_app(Settings.from_env(db))
    except StoreError as exc:
        raise _fail(str(exc)) from None
    engine = app.state.engine
    with Session(engine) as session:
        if session.exec(select(User.id)).first() is None:
            _console().print("no accounts yet: add one with [bold]antq users add NAME --role admin[/]")

    def warm() -> None:  # the first figure check of a process reads every figure; do it now
        with summaries.current(engine):
            pass

    threading.Thread(target=warm, name="figure-summary", daemon=True).start()
    _console().print(f"review app on http://{host}:{port}/ (database {engine.url.render_as_string()})")
    uvicorn.run(app, host=host, port=port, log_level="info", proxy_headers=False)


users_app = typer.Typer(help="Accounts of the review app.", no_args_is_help=True)


def _password() -> str:
    """From the terminal (asked twice, not echoed), else the first line of stdin."""
    if sys.stdin.isatty():
        import getpass

        first = getpass.getpass("password: ")
        if getpass.getpass("again: ") != first:
            raise _fail("the two passwords differ; nothing was changed")
        return first
    return sys.stdin.readline().rstrip("\r\n")


@users_app.command("add")
def users_add(
    name: Annotated[str, typer.Argument(help="Login name (no spaces).")],
    role: Annotated[RoleChoice, typer.Option("--role", help="reviewer or admin.")] = RoleChoice.reviewer,
    db: DbOption = None,
) -> None:
    """Add an account; the password is read from stdin and only its argon2 hash is stored."""
    from store.db import StoreError, open_store, transaction
    from store.users import AccountError, add_user

    password = _password()
    try:
        engine = open_store(db)
        with transaction(engine) as session:
            add_user(session, name, password, role.value)
    except (AccountError, StoreError) as exc:
        raise _fail(str(exc)) from None
    _console().print(f"added {name} ({role.value})")


@users_app.command("list")
def users_list(db: DbOption = None) -> None:
    """List the accounts: name, role, created."""
    from sqlmodel import Session

    from store.db import StoreError, open_store
    from store.users import list_users

    try:
        engine = open_store(db)
    except StoreError as exc:
        raise _fail(str(exc)) from None
    with Session(engine) as session:
        for user in list_users(session):
            sys.stdout.write(f"{user.name}\t{user.role}\t{user.created_at:%Y-%m-%d}\n")
