"""End to end in a real headless Chromium (Debian's package, driven by Playwright): log in,
review with the keyboard, edit, undo, export; screenshots kept in test-artifacts/."""

from __future__ import annotations

import datetime as dt
import json
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from sqlmodel import Session, col, select

from review.app import create_app
from review.sample import fill
from review.settings import Settings
from store.db import open_store
from store.models import FigureRow, ReviewStatus
from tests.conftest import ROOT, services_required
from tests.test_review_helpers import PASSWORDS, add_accounts, store_article

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = ROOT / "test-artifacts"
EVIL = "Ông Lò Văn Pấng viết <script>window.__antq_xss = 1; alert('xss')</script> có 40 tổ."

LONG_OPENING = "Sáng 8/4, xã Tân Hòa tổ chức Ngày hội. " + " ".join(
    f"Đoạn {n}: các thôn báo cáo kết quả tuần tra, tuyên truyền và hòa giải ở cơ sở trong năm qua."
    for n in range(90)
)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def chromium() -> Path:
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing (apt-get install chromium)"
        if services_required():
            pytest.fail(f"{message}, and ANTQ_REQUIRE_SERVICES=1 makes it mandatory")
        pytest.skip(message)
    return CHROMIUM


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, str]]:
    """The app on a free port of 127.0.0.1, served by uvicorn in a thread; yields (url, db)."""
    db = f"sqlite:///{tmp_path / 'antq.db'}"
    engine = open_store(db)
    fill(engine, 12)
    store_article(
        engine,
        100,
        ["Sáng 2/3, xã Tân Hòa tổ chức Ngày hội.", EVIL],
        [{"value": 40, "unit": "tổ", "head": "tổ"}],
        ("08", "Tỉnh Tuyên Quang"),
        dt.date(2025, 3, 2),
    )
    store_article(  # a long article: its evidence is far down, below the fold of the article pane
        engine,
        101,
        [LONG_OPENING, "Cuối buổi, toàn xã có 77 mô hình tự quản được công nhận."],
        [{"value": 77, "unit": "mô hình tự quản", "head": "mô hình"}],
        ("01", "Thành phố Hà Nội"),
        dt.date(2025, 4, 9),
    )
    add_accounts(engine)
    engine.dispose()
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    app = create_app(Settings(db=db, secret_key="browser-test"))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        assert thread.is_alive(), "uvicorn stopped"
        threading.Event().wait(0.05)
    try:
        yield f"http://127.0.0.1:{port}", db
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


def _status(db: str, figure_id: int) -> tuple[ReviewStatus, float]:
    engine = open_store(db)
    with Session(engine) as s:
        row = s.get(FigureRow, figure_id)
        result = (row.status, row.value)  # type: ignore[union-attr]
    engine.dispose()
    return result


def _queue_ids(db: str) -> list[int]:
    engine = open_store(db)
    with Session(engine) as s:
        rows = s.exec(select(FigureRow).order_by(col(FigureRow.confidence), col(FigureRow.id))).all()
    engine.dispose()
    return [r.id for r in rows]  # type: ignore[misc]


def test_review_with_the_keyboard_edit_and_export(chromium: Path, server: tuple[str, str]) -> None:
    from playwright.sync_api import expect, sync_playwright

    base, db = server
    ids = _queue_ids(db)
    ARTIFACTS.mkdir(exist_ok=True)
    dialogs: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(chromium), args=ARGS)
        context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 900})
        context.set_default_timeout(15_000)
        page = context.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

        # log in: the queue sends an anonymous reader to the login form and back
        page.goto(f"{base}/queue?kind=figures")
        expect(page).to_have_url(f"{base}/login?next=%2Fqueue%3Fkind%3Dfigures")
        page.fill("input[name=name]", "lan")
        page.fill("input[name=password]", PASSWORDS["lan"])
        page.click("button[type=submit]")
        expect(page).to_have_url(f"{base}/queue?kind=figures")
        expect(page.locator("p.flash")).to_contain_text("Logged in as lan")

        # queue: j / k move the cursor, o opens the record
        rows = page.locator("tr[data-queue-row]")
        expect(rows.nth(0)).to_have_class("selected")
        page.screenshot(path=str(ARTIFACTS / "queue.png"))
        press(page, "j")
        expect(rows.nth(1)).to_have_class("selected")
        press(page, "k")
        expect(rows.nth(0)).to_have_class("selected")
        press(page, "j")
        press(page, "e")  # e on a row: straight to its edit form; Esc back to the record
        expect(page).to_have_url(f"{base}/records/figures/{ids[1]}/edit?kind=figures")
        press(page, "Escape")
        expect(page).to_have_url(f"{base}/records/figures/{ids[1]}?kind=figures")
        page.goto(f"{base}/queue?kind=figures")
        press(page, "o")
        expect(page).to_have_url(f"{base}/records/figures/{ids[0]}?kind=figures")
        expect(page.locator("mark#evidence")).to_be_visible()
        page.screenshot(path=str(ARTIFACTS / "review-record.png"), full_page=True)

        # a accepts and moves on; r rejects and moves on
        press(page, "a")
        expect(page).to_have_url(f"{base}/records/figures/{ids[1]}?kind=figures")
        expect(page.locator("p.flash")).to_contain_text(f"Accepted: figures #{ids[0]}")
        press(page, "r")
        expect(page).to_have_url(f"{base}/records/figures/{ids[2]}?kind=figures")
        assert _status(db, ids[0])[0] == ReviewStatus.accepted
        assert _status(db, ids[1])[0] == ReviewStatus.rejected

        # j / k on a record page walk the filtered queue
        press(page, "j")
        expect(page).to_have_url(f"{base}/records/figures/{ids[3]}?kind=figures")
        press(page, "k")
        expect(page).to_have_url(f"{base}/records/figures/{ids[2]}?kind=figures")

        # e edits: the schema refuses words for a number, then the value is saved
        press(page, "e")
        expect(page).to_have_url(f"{base}/records/figures/{ids[2]}/edit?kind=figures")
        page.fill("#f-value", "năm nghìn")
        page.click("#edit-form button[type=submit]")
        expect(page.locator("#errors")).to_contain_text("value")
        page.screenshot(path=str(ARTIFACTS / "edit-refused.png"))
        page.fill("#f-value", "5120")
        page.select_option("#f-qualifier", "over")
        page.click("#edit-form button[type=submit]")
        expect(page).to_have_url(f"{base}/records/figures/{ids[2]}?kind=figures")
        expect(page.locator("#record-status")).to_have_text("edited")
        assert _status(db, ids[2]) == (ReviewStatus.edited, 5120)

        # u undoes the latest change: accept the next record, then take it back
        page.goto(f"{base}/records/figures/{ids[3]}?kind=figures")
        press(page, "a")
        expect(page).to_have_url(f"{base}/records/figures/{ids[4]}?kind=figures")
        page.goto(f"{base}/records/figures/{ids[3]}?kind=figures")
        expect(page.locator("#record-status")).to_have_text("accepted")
        press(page, "u")
        expect(page.locator("#record-status")).to_have_text("pending")

        # the reviewed export holds what was accepted and edited, not what was rejected
        page.goto(f"{base}/export")
        with page.expect_download() as download:
            page.click("#export-accepted-json")
        exported = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
        figures = {f["id"]: f for article in exported for f in article["figures"]}
        assert set(figures) == {ids[0], ids[2]}
        assert figures[ids[2]]["value"] == 5120 and figures[ids[2]]["status"] == "edited"

        # article text is shown as text: its <script> never runs
        evil = next(i for i in ids if "script" in _evidence(db, i))
        page.goto(f"{base}/records/figures/{evil}?status=all")
        expect(page.locator("mark#evidence")).to_contain_text("<script>window.__antq_xss")
        assert page.evaluate("window.__antq_xss") is None and not dialogs

        # the timeline is a picture, and its download is what it shows
        page.goto(f"{base}/timeline?scheme=old&granularity=month")
        expect(page.locator("svg.chart").first).to_be_visible()
        assert page.locator("svg.chart rect").count() > 8
        page.screenshot(path=str(ARTIFACTS / "timeline.png"), full_page=True)
        with page.expect_download() as download:
            page.click("#download-csv")
        lines = Path(download.value.path()).read_text(encoding="utf-8").splitlines()
        assert (
            lines[0].startswith("article_id,")
            and len(lines) == 1 + page.locator("table.events tbody tr").count()
        )

        page.goto(f"{base}/figures?verdict=all")
        expect(page.locator("section.group").first).to_be_visible()
        page.screenshot(path=str(ARTIFACTS / "figure-check.png"), full_page=False)

        # two tabs on one record: the second decision meets the first, and the page says so
        # above the record as it is now, the evidence scrolled into view in the article pane only
        long_figure = next(i for i in _queue_ids(db) if "77 mô hình" in _evidence(db, i))
        other = context.new_page()
        for tab in (page, other):
            tab.goto(f"{base}/records/figures/{long_figure}")
        press(page, "a")
        expect(page.locator("p.flash")).to_contain_text(f"Accepted: figures #{long_figure}")
        press(other, "r")
        expect(other.locator("#conflict")).to_contain_text("someone else changed this record")
        expect(other.locator("#record-status")).to_have_text("accepted")
        expect(other.locator("#conflict")).to_be_in_viewport()
        expect(other.locator("#focus")).to_have_text("77 mô hình tự quản")
        expect(other.locator("#focus")).to_be_in_viewport()
        assert (
            other.evaluate("window.scrollY") == 0
            and other.evaluate("document.querySelector('.article-pane').scrollTop") > 0
        )
        other.screenshot(path=str(ARTIFACTS / "conflict.png"))
        other.set_viewport_size({"width": 820, "height": 900})  # one column: the page scrolls to it
        other.goto(f"{base}/records/figures/{long_figure}?status=all")
        expect(other.locator("#focus")).to_be_in_viewport()
        assert _status(db, long_figure)[0] == ReviewStatus.accepted
        browser.close()


def press(page, key: str) -> None:  # type: ignore[no-untyped-def]
    """Press a key once the page's shortcuts are installed (right after a navigation they may not be)."""
    page.wait_for_selector("html[data-keys=ready]", state="attached")
    page.keyboard.press(key)


def _evidence(db: str, figure_id: int) -> str:
    engine = open_store(db)
    with Session(engine) as s:
        text = s.get(FigureRow, figure_id).evidence.text  # type: ignore[union-attr]
    engine.dispose()
    return text
