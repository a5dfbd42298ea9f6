"""Shared pieces of the review app tests (no tests here): accounts, clients, invented articles."""

from __future__ import annotations

import atexit
import datetime as dt
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine

from clean.page import CleanedPage
from extract.records import ArticleInfo, Event, Evidence, Extraction, Figure
from review.app import create_app
from review.sample import RULESETS, fill
from review.settings import Settings
from store.articles import add_page
from store.db import open_store, transaction
from store.models import Revision
from store.records import save_extraction
from store.users import add_user

PASSWORDS = {"lan": "lan-password-1", "minh": "minh-password-2", "quan": "quan-password-3"}
ROLES = {"lan": "reviewer", "minh": "reviewer", "quan": "admin"}


def add_accounts(engine: Engine) -> None:
    with transaction(engine) as session:
        for name, password in PASSWORDS.items():
            add_user(session, name, password, ROLES[name])


_TEMPLATES: dict[int, Path] = {}


def filled_sqlite(tmp_path: Path, articles: int) -> str:
    """A SQLite store of ``articles`` invented articles and the accounts, for one test.

    Built once per test run and copied: filling and hashing passwords for every test
    would cost a second each.
    """
    template = _TEMPLATES.get(articles)
    if template is None:
        folder = Path(tempfile.mkdtemp(prefix="antq-review-template-"))
        atexit.register(shutil.rmtree, folder, True)
        engine = open_store(f"sqlite:///{folder / 'antq.db'}")
        fill(engine, articles)
        add_accounts(engine)
        engine.dispose()  # the last connection closing folds the WAL into the file
        template = _TEMPLATES[articles] = folder / "antq.db"
    target = tmp_path / "antq.db"
    shutil.copyfile(template, target)
    return f"sqlite:///{target}"


def client_for(db: str, public_read: bool = False, https_only: bool = False) -> TestClient:
    app = create_app(
        Settings(db=db, secret_key="test-secret", public_read=public_read, https_only=https_only)
    )
    return TestClient(app, follow_redirects=False)


def api_login(client: TestClient, name: str) -> str:
    """Log in through the API; returns the CSRF token for the X-CSRF-Token header."""
    response = client.post("/api/session", json={"name": name, "password": PASSWORDS[name]})
    assert response.status_code == 200, response.text
    return response.json()["csrf_token"]


def form_token(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "the page has no CSRF field"
    return found.group(1)


def page_login(client: TestClient, name: str) -> None:
    token = form_token(client.get("/login").text)
    response = client.post(
        "/login", data={"name": name, "password": PASSWORDS[name], "csrf_token": token, "next": "/queue"}
    )
    assert response.status_code == 303, response.text


@dataclass(frozen=True)
class Written:
    """A sentence placed in an article, to build a record's evidence from."""

    text: str
    start: int

    @property
    def evidence(self) -> Evidence:
        return Evidence(text=self.text, start=self.start, end=self.start + len(self.text))


def article_text(title: str, sentences: list[str]) -> tuple[str, list[Written]]:
    text = title + "\n\n"
    placed = []
    for sentence in sentences:
        placed.append(Written(sentence, len(text)))
        text += sentence + " "
    return text.rstrip(), placed


def admin(scheme_code: str, province: str, ward: str) -> dict[str, str | None]:
    return {
        "province": province,
        "province_code": scheme_code,
        "district": None,
        "district_code": None,
        "ward": ward,
        "ward_code": None,
    }


def store_article(
    engine: Engine,
    n: int,
    sentences: list[str],
    figures: list[dict],
    province: tuple[str, str] | None,
    published: dt.date,
    event_date: dt.date | None = None,
    source: str = "congan.example.vn",
    title: str | None = None,
) -> int:
    """An article whose first sentence is an event (in ``province``: (code, name)), then figures.

    ``figures`` are Figure fields; figure i's evidence is sentence i + 1.  Returns the article id.
    """
    title = title or f"Bài {n}"
    text, placed = article_text(title, sentences)
    events = []
    if province is not None:
        code, name = province
        events.append(
            Event(
                evidence=placed[0].evidence,
                rule="ngay_hoi",
                ruleset="events.v1",
                type="ngay_hoi",
                date=event_date,
                location="xã Tân Hòa",
                period=str(published.year),
                admin_old=admin(code, name, "xã Tân Hòa"),
                admin_new=admin(code, name, "xã Tân Hòa"),
                confidence=0.8,
            )
        )
    extraction = Extraction(
        article=ArticleInfo(id=str(n)),
        figures=[
            Figure(evidence=placed[i + 1].evidence, rule="count", ruleset="figures.v1", **fields)
            for i, fields in enumerate(figures)
        ],
        events=events,
    )
    page = CleanedPage(text=text, title=title, source=source, published=published)
    with transaction(engine) as session:
        result = add_page(session, page, f"https://{source}/bai-{n}.html")
        save_extraction(session, session.get(Revision, result.revision_id), extraction, RULESETS)  # type: ignore[arg-type]
        return result.article_id
