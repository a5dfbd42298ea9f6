"""Logging out revokes the session on the server: a copy of the cookie taken before is refused after."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import Session, col, select

from store.db import open_store, transaction
from store.models import FigureRow
from store.users import User, add_user, revoke_sessions
from tests.test_review_helpers import api_login, client_for, filled_sqlite, form_token, page_login

COOKIE = "antq_session"


@pytest.fixture
def db(tmp_path: Path) -> str:
    return filled_sqlite(tmp_path, 2)


def _figure_id(client) -> int:  # type: ignore[no-untyped-def]
    with Session(client.app.state.engine) as s:
        return s.exec(select(FigureRow.id).order_by(col(FigureRow.id))).first()  # type: ignore[return-value]


def _refused(client, token: str, figure_id: int) -> None:  # type: ignore[no-untyped-def]
    """Everything a logged-in reviewer could do is refused to ``client``."""
    assert client.get("/api/session").json()["name"] is None
    page = client.get("/queue")
    assert page.status_code == 303 and page.headers["location"].startswith("/login"), page.status_code
    answer = client.post(
        f"/api/records/figures/{figure_id}/accept", json={"version": 1}, headers={"X-CSRF-Token": token}
    )
    assert answer.status_code == 401


@pytest.mark.parametrize("how", ["form", "api"])
def test_a_copied_cookie_stops_working_at_logout(db: str, how: str) -> None:
    with client_for(db) as browser, client_for(db) as thief:
        if how == "form":
            page_login(browser, "lan")
            token = browser.get("/api/session").json()["csrf_token"]
        else:
            token = api_login(browser, "lan")
        copied = browser.cookies.get(COOKIE)
        assert copied
        thief.cookies.set(COOKIE, copied)
        assert thief.get("/api/session").json()["name"] == "lan"  # the copy works while logged in
        assert thief.get("/queue").status_code == 200

        if how == "form":
            answer = browser.post("/logout", data={"csrf_token": form_token(browser.get("/queue").text)})
            assert answer.status_code == 303 and answer.headers["location"] == "/login"
        else:
            assert browser.delete("/api/session", headers={"X-CSRF-Token": token}).status_code == 204

        _refused(thief, token, _figure_id(thief))
        browser.cookies.set(COOKIE, copied)  # the browser's own old cookie, put back
        _refused(browser, token, _figure_id(browser))


def test_logging_in_again_after_logout_works_and_other_accounts_are_untouched(db: str) -> None:
    with client_for(db) as lan, client_for(db) as minh:
        token = api_login(lan, "lan")
        api_login(minh, "minh")
        assert lan.delete("/api/session", headers={"X-CSRF-Token": token}).status_code == 204
        assert minh.get("/api/session").json()["name"] == "minh"  # another account's session lives on
        token = api_login(lan, "lan")
        figure_id = _figure_id(lan)
        answer = lan.post(
            f"/api/records/figures/{figure_id}/accept", json={"version": 1}, headers={"X-CSRF-Token": token}
        )
        assert answer.status_code == 200, answer.text


def test_logout_ends_the_accounts_sessions_in_other_browsers_too(db: str) -> None:
    with client_for(db) as home, client_for(db) as office:
        token = api_login(home, "lan")
        api_login(office, "lan")
        assert home.delete("/api/session", headers={"X-CSRF-Token": token}).status_code == 204
        assert office.get("/api/session").json()["name"] is None


def test_revoking_moves_the_generation_on_in_both_databases(db_url: str) -> None:
    """The column comes from migration 0004 on SQLite and PostgreSQL; each revocation adds one."""
    engine = open_store(db_url)
    try:
        with transaction(engine) as s:
            user_id = add_user(s, "lan", "lan-password-1").id
        with transaction(engine) as s:
            assert s.get(User, user_id).session_generation == 0  # type: ignore[union-attr]
            revoke_sessions(s, user_id)  # type: ignore[arg-type]
            revoke_sessions(s, user_id)  # type: ignore[arg-type]
        with Session(engine) as s:
            assert s.get(User, user_id).session_generation == 2  # type: ignore[union-attr]
    finally:
        engine.dispose()
