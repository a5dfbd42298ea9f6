"""What the crawler's throughput work must not change: batched commits and cleaning in workers.

The crawler commits a batch of pages per transaction (``Frontier.flush``, ``store.articles.add_pages``)
and cleans pages in worker processes (``crawler.reader``).  These tests pin the promises behind
that: a batch stores exactly what one ``add_page`` per page would; nothing of a batch is in the
store before its commit and all of it is after; a kill loses only uncommitted pages, which the
next run fetches and stores once; a page the store refuses costs only that page; and a page is
cleaned once, whether the spider or the pipeline asks first.
"""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest
from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler
from sqlalchemy import text

from clean.page import CleanedPage, FetchedPage
from crawler.frontier import Fetch, Link
from crawler.items import PageItem
from crawler.pipelines import CleanPipeline
from crawler.reader import Reader, Reading, read_page
from crawler.spiders.generic import GenericSpider
from store.articles import add_page, add_pages
from store.crawl_frontier import StoreFrontier as Frontier
from store.crawl_frontier import store_engine
from store.db import open_store, transaction

SITE = "http://bao-lang-ven.example.vn"


def page(body: str, source: str | None = "bao-lang-ven.example.vn") -> CleanedPage:
    return CleanedPage(
        text=f"Tin xã Bình Yên\n\n{body}", title="Tin xã Bình Yên", source=source, raw=body.encode()
    )


# -- add_pages == add_page, page after page --------------------------------------------------------
# (pages stored before, the batch): each page is (url, text).
SCENARIOS = {
    "new articles": ([], [("a", "x"), ("b", "y")]),
    "the same page twice in one batch": ([], [("a", "x"), ("a", "x")]),
    "one content under two URLs in one batch": ([], [("a", "x"), ("b", "x")]),
    "a page changed since": ([("a", "x")], [("a", "x2")]),
    "a page changed twice in one batch": ([("a", "x")], [("a", "x2"), ("a", "x3")]),
    "stored content at a new URL": ([("a", "x")], [("b", "x")]),
    "a page back to an older content": ([("a", "x"), ("a", "x2")], [("a", "x")]),
    "a new URL, then its content at another new URL": ([], [("b", "y"), ("a", "x"), ("c", "x"), ("a", "y")]),
}


def _stored(engine, side: str) -> list[tuple]:  # type: ignore[no-untyped-def]
    """The side's articles and revisions, without ids (the two sides share one database)."""
    query = text(
        "select a.url, a.source, r.number, r.text, a.current_revision_id = r.id from article a"
        " join revision r on r.article_id = a.id where a.url like :side order by a.url, r.number"
    )
    with engine.connect() as conn:
        rows = conn.execute(query, {"side": f"{SITE}/{side}/%"}).all()
    return [
        (url.rsplit("/", 1)[1], source, n, body.split(":", 1)[1], bool(cur))
        for url, source, n, body, cur in rows
    ]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=list(SCENARIOS))
def test_add_pages_stores_what_add_page_stores(db_url: str, scenario: str) -> None:
    before, batch = SCENARIOS[scenario]
    engine = open_store(db_url)
    results = {}
    for side in ("one-by-one", "batch"):

        def to_add(url: str, body: str, side: str = side) -> FetchedPage:
            return FetchedPage(page(f"{side}:{body}"), f"{SITE}/{side}/{url}.html")

        with transaction(engine) as session:
            for url, body in before:
                add_page(session, to_add(url, body).page, to_add(url, body).url)
        with transaction(engine) as session:
            if side == "batch":
                got = add_pages(session, [to_add(url, body) for url, body in batch])
            else:
                got = [add_page(session, p.page, p.url) for p in (to_add(u, b) for u, b in batch)]
        # ids differ between the sides; which result points at which earlier one must not
        first_seen: dict[int, int] = {}
        results[side] = [
            (
                r.outcome,
                first_seen.setdefault(r.article_id, len(first_seen)),
                r.revision_id == got[0].revision_id,
            )
            for r in got
        ]
    assert results["batch"] == results["one-by-one"]
    assert _stored(engine, "batch") == _stored(engine, "one-by-one")
    engine.dispose()


# -- the frontier's batches ------------------------------------------------------------------------
def _frontier(engine, reports: list, batch: int = 50) -> Frontier:  # type: ignore[no-untyped-def]
    frontier = Frontier(
        engine, f"generic {SITE}/", "generic", batch_size=batch, on_outcome=lambda *r: reports.append(r)
    )
    frontier.open([Link(f"{SITE}/", "page")])
    return frontier


def _article(frontier: Frontier, n: int, *, published: object = None, etag: str | None = None) -> None:
    url = f"{SITE}/bai-viet/tin-{n}.html"
    cleaned = CleanedPage(**{**page(f"bản tin số {n}").__dict__, "published": published})
    fetch = Fetch(status=200, etag=etag, kind="article")
    frontier.store(FetchedPage(cleaned, url), url, fetch)


def _count(engine, query: str) -> int:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return conn.execute(text(query)).scalar_one()


def test_a_batch_is_in_the_store_all_at_once_at_its_commit(db_url: str) -> None:
    engine = store_engine(db_url)
    reports: list[tuple[str, str, str]] = []
    frontier = _frontier(engine, reports)
    links = [Link(f"{SITE}/bai-viet/tin-{n}.html", "article", 10, 1) for n in (1, 2)]
    visits = frontier.add(links, parent=(f"{SITE}/", Fetch(status=200, kind="hub"), "hub"))
    assert [v.url for v in visits] == [link.url for link in links]
    _article(frontier, 1, etag='"e1"')
    _article(frontier, 2)
    assert _count(engine, "select count(*) from article") == 0
    assert _count(engine, "select count(*) from crawl_frontier") == 1  # the seed, committed by open()
    assert [r[1] for r in reports] == []
    frontier.flush()
    assert _count(engine, "select count(*) from article") == 2
    assert _count(engine, "select count(*) from crawl_frontier where status = 'pending'") == 0
    assert _count(engine, "select count(*) from crawl_url where etag = '\"e1\"'") == 1
    assert sorted(r[1] for r in reports) == ["hub", "stored", "stored"]


def test_a_batch_commits_when_full(db_url: str) -> None:
    engine = store_engine(db_url)
    frontier = _frontier(engine, [], batch=3)
    frontier.add([Link(f"{SITE}/bai-viet/tin-{n}.html", "article", 10, 1) for n in range(1, 5)])
    for n in range(1, 5):
        _article(frontier, n)
    assert _count(engine, "select count(*) from article") == 3  # the fourth waits for the next batch


def test_a_kill_loses_only_uncommitted_pages_and_they_are_stored_once(db_url: str) -> None:
    engine = store_engine(db_url)
    first = _frontier(engine, [])
    urls = [f"{SITE}/bai-viet/tin-{n}.html" for n in (1, 2)]
    first.add([Link(url, "article", 10, 1) for url in urls])
    first.flush()
    _article(first, 1)
    first.flush()
    _article(first, 2)  # killed before this one is committed: the process just vanishes
    resumed = _frontier(engine, [])
    assert resumed.resumed
    pending = {v.url for v in resumed.pending()}
    assert urls[1] in pending and urls[0] not in pending
    _article(resumed, 2)
    _article(resumed, 1)  # reached again through another link: the store keeps it once
    resumed.flush()
    assert _count(engine, "select count(*) from article") == 2
    assert _count(engine, "select count(*) from revision") == 2


def test_a_page_the_store_refuses_costs_only_that_page(db_url: str) -> None:
    engine = store_engine(db_url)
    reports: list[tuple[str, str, str]] = []
    frontier = _frontier(engine, reports)
    frontier.add([Link(f"{SITE}/bai-viet/tin-{n}.html", "article", 10, 1) for n in (1, 2, 3)])
    _article(frontier, 1)
    _article(frontier, 2, published="ngày 12 tháng 8")  # not a date: the database refuses the row
    _article(frontier, 3)
    frontier.flush()
    outcomes = {url.rsplit("/", 1)[1]: outcome for url, outcome, _ in reports if "/bai-viet/" in url}
    assert outcomes == {"tin-1.html": "stored", "tin-2.html": "error", "tin-3.html": "stored"}
    assert _count(engine, "select count(*) from article") == 2
    assert (
        _count(engine, "select count(*) from crawl_frontier where status = 'pending' and url like '%tin-%'")
        == 0
    )


def test_a_declared_canonical_url_keeps_its_own_validators(tmp_path: Path) -> None:
    engine = store_engine(f"sqlite:///{tmp_path / 'antq.db'}")
    frontier = _frontier(engine, [])
    article, printed = f"{SITE}/bai-viet/tin-1.html", f"{SITE}/in/tin-1.html"
    frontier.add([Link(article, "article", 10, 1), Link(printed, "page", 0, 1)])
    cleaned = page("bản tin số 1")
    frontier.store(FetchedPage(cleaned, article), article, Fetch(status=200, etag='"own"', kind="article"))
    frontier.flush()
    # the print view names the article as its canonical URL: done with it, but not its validators
    frontier.store(
        FetchedPage(cleaned, article), printed, Fetch(status=200, kind="article", aliases=(article,))
    )
    frontier.flush()
    with sqlite3.connect(tmp_path / "antq.db") as conn:
        states = dict(conn.execute("select url, etag from crawl_url").fetchall())
    assert states == {article: '"own"', printed: None}


# -- cleaning in worker processes --------------------------------------------------------------------
ARTICLE = (
    '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Ngày hội ở xã Bình Yên</title></head>'
    "<body><article><h1>Ngày hội ở xã Bình Yên</h1>"
    + "".join(
        f"<p>Sáng nay, xã Bình Yên tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc với các tổ tự quản "
        f"và lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở (đoạn {n}).</p>"
        for n in range(6)
    )
    + "</article></body></html>"
).encode()
LISTING = (
    '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Thời sự</title></head><body><ul>'
    + "".join(f'<li><a href="/bai-viet/tin-{n}.html">Tin số {n}</a></li>' for n in range(20))
    + "</ul></body></html>"
).encode()


def test_a_worker_reads_as_read_page_does() -> None:
    reader = Reader(1)

    async def both() -> list[Reading]:
        return [await reader.read(ARTICLE, f"{SITE}/trang/4172"), await reader.read(LISTING, f"{SITE}/")]

    try:
        article, listing = asyncio.run(both())
    finally:
        reader.close()
    assert article == read_page(ARTICLE, f"{SITE}/trang/4172")
    assert article.page is not None and article.page.raw == ARTICLE
    assert article.verdict is not None and article.verdict.relevant
    assert listing.page is None and listing.reason == read_page(LISTING, f"{SITE}/").reason


def test_a_dead_worker_is_replaced() -> None:
    reader = Reader(1)

    async def kill_then_read() -> Reading:
        await reader.read(ARTICLE, f"{SITE}/trang/1")
        dead = reader._pool[0].process
        dead.kill()
        while reader._pool[0].process is dead:  # the crawler notices the closed socket
            await asyncio.sleep(0.01)
        return await reader.read(ARTICLE, f"{SITE}/trang/2")

    try:
        assert asyncio.run(asyncio.wait_for(kill_then_read(), 30)).page is not None
    finally:
        reader.close()


class CountingReader(Reader):
    """The real in-process reader, counting the pages it cleans."""

    def __init__(self) -> None:
        super().__init__(0)
        self.reads = 0

    async def read(self, body: bytes, url: str, charset: str | None = None) -> Reading:
        self.reads += 1
        return await super().read(body, url, charset)


@pytest.mark.parametrize(("body", "outputs"), [(ARTICLE, "item"), (LISTING, "requests")])
def test_a_page_without_article_signs_is_cleaned_once(tmp_path: Path, body: bytes, outputs: str) -> None:
    url = f"{SITE}/trang/4172"  # no article pattern in the URL, no article metadata in the page
    crawler = get_crawler(GenericSpider, {"ANTQ_READERS": 0})
    spider = GenericSpider(url=f"{SITE}/")
    spider.crawler = crawler
    spider.frontier = Frontier(store_engine(f"sqlite:///{tmp_path / 'antq.db'}"), "test", "generic")
    spider.frontier.open([])
    spider.reader = counting = CountingReader()
    pipeline = CleanPipeline.from_crawler(crawler)
    pipeline.reader = counting
    meta = {"frontier_url": url, "depth": 0, "kind": "page", "lastmod": None}
    response = HtmlResponse(url, body=body, request=Request(url, meta=meta), encoding="utf-8")
    assert not spider.is_article(response)

    async def crawl_page() -> list:
        got = [output async for output in spider.parse_page(response)]
        for output in got:
            if isinstance(output, PageItem):
                await pipeline.process_item(output)
        return got

    got = asyncio.run(crawl_page())
    items = [o for o in got if isinstance(o, PageItem)]
    assert len(items) == (1 if outputs == "item" else 0)
    assert all(item["page"] is not None and item["verdict"] is not None for item in items)
    assert counting.reads == 1


def test_readers_end_with_the_crawler() -> None:
    reader = Reader(1)
    reader.start()
    process = reader._pool[0].process
    reader.close()
    assert not process.is_alive() and process.exitcode == 0
