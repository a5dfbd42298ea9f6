"""CSRF on every change: each write route of the app, found from the app itself (so a route
added later is checked too), refuses a logged-in session that does not bring its token; each
form the pages draw carries the token."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.routing import APIRoute
from sqlmodel import Session, col, func, select

from store.models import AuditEntry, FigureRow
from tests.test_review_helpers import api_login, client_for, filled_sqlite, page_login

WRITES = {"POST", "PUT", "PATCH", "DELETE"}
# Logging in through the API takes a JSON body, which another site's page cannot send
# without the browser asking first (tested in test_review_api); it has no session to protect.
EXEMPT = {("POST", "/api/session")}
PATH_VALUES = {"kind": "figures", "action": "accept"}


def _routes(routes: list) -> list[APIRoute]:  # type: ignore[type-arg]
    """Every endpoint, inside included routers too (the app mounts no router under a prefix)."""
    found = []
    for route in routes:
        if isinstance(route, APIRoute):
            found.append(route)
        elif hasattr(route, "original_router"):  # FastAPI's included router
            found += _routes(route.original_router.routes)
    return found


def write_routes(app) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [
        (method, route.path)
        for route in _routes(app.routes)
        for method in sorted(route.methods & WRITES)
        if (method, route.path) not in EXEMPT
    ]


@pytest.fixture
def db(tmp_path: Path) -> str:
    return filled_sqlite(tmp_path, 3)


def _state(engine) -> tuple[int, list[int]]:  # type: ignore[no-untyped-def]
    with Session(engine) as s:
        audits = s.exec(select(func.count()).select_from(AuditEntry)).one()
        versions = list(s.exec(select(FigureRow.version).order_by(col(FigureRow.id))))
    return audits, versions


def test_every_write_route_needs_the_session_token(db: str) -> None:
    with client_for(db) as c:
        routes = write_routes(c.app)
        paths = {path for _, path in routes}
        assert {"/login", "/logout", "/queue/bulk-accept", "/api/records/bulk-accept"} <= paths
        assert len(routes) >= 10  # pages and API: nothing was left out of the list by mistake
        api_login(c, "lan")
        engine = c.app.state.engine
        with Session(engine) as s:
            figure = s.exec(select(FigureRow).order_by(col(FigureRow.id))).first()
        before = _state(engine)
        values = {**PATH_VALUES, "record_id": str(figure.id)}
        for method, path in routes:
            url = re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], path)
            form = {"version": "1", "value": "9", "item": f"figures:{figure.id}:1", "all": "1"}
            for answer in [
                c.request(method, url, data=form),  # a form without the token
                c.request(method, url, data={**form, "csrf_token": "forged"}),
                c.request(method, url, json={"version": 1, "fields": {"value": 9}, "items": []}),
                c.request(method, url, json={"version": 1}, headers={"X-CSRF-Token": "forged"}),
            ]:
                assert answer.status_code == 403, (method, path, answer.status_code)
        assert _state(engine) == before
        assert c.get("/api/session").json()["name"] == "lan"  # not even logged out


def test_every_form_on_the_pages_carries_the_token(db: str) -> None:
    with client_for(db) as c:
        assert 'name="csrf_token"' in c.get("/login").text
        page_login(c, "lan")
        with Session(c.app.state.engine) as s:
            figure = s.exec(select(FigureRow).order_by(col(FigureRow.id))).first()
        token = c.get("/api/session").json()["csrf_token"]
        forms = 0
        for url in [
            "/queue",
            "/queue?kind=figures&status=all",
            f"/records/figures/{figure.id}",
            f"/records/figures/{figure.id}/edit",
            "/figures?verdict=all",
            "/timeline",
            "/export",
        ]:
            page = c.get(url)
            assert page.status_code == 200, url
            for found in re.finditer(r"<form\b([^>]*)>(.*?)</form>", page.text, re.S):
                attributes, body = found.groups()
                if 'method="post"' in attributes:
                    forms += 1
                    assert f'name="csrf_token" value="{token}"' in body, (url, attributes)
        assert forms >= 10  # logout on every page, accept / reject per row, bulk, edit


OPEN_READS = {"/login", "/api/session", "/api/openapi.json", "/"}  # what anyone may open


def test_every_read_route_needs_a_login_unless_the_app_is_public(db: str) -> None:
    values = {**PATH_VALUES, "record_id": "1", "direction": "next"}
    for public in (False, True):
        with client_for(db, public_read=public) as c:
            reads = [
                re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], route.path)
                for route in _routes(c.app.routes)
                if "GET" in route.methods and route.path not in OPEN_READS
            ]
            assert len(reads) >= 13 and "/api/timeline/export" in reads
            for url in reads:
                answer = c.get(url)
                if public and url.endswith("/edit"):  # the edit form is for reviewers only
                    assert answer.headers["location"].startswith("/login?next=%2Frecords"), url
                elif public:
                    assert answer.status_code in (200, 303), url  # j/k steps redirect to the record
                    assert not answer.headers.get("location", "").startswith("/login"), url
                elif url.startswith("/api/"):
                    assert answer.status_code == 401, url
                else:
                    assert answer.status_code == 303 and answer.headers["location"].startswith("/login"), url
