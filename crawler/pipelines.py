"""Item pipelines: clean → judge relevance → store, the same cleaning and store as ``antq ingest``.

Each step that rejects a page raises :class:`Skip` with the outcome the frontier records
(``not_article``, ``off_topic``); the spider's ``item_dropped`` handler marks the page done.
The store step writes the article, its fetch state and its frontier row in one transaction,
so a kill before the commit leaves the page pending and a kill after leaves it done.
"""

from __future__ import annotations

from typing import Any

from scrapy.exceptions import DropItem
from sqlalchemy.exc import IntegrityError, OperationalError

from clean.encoding import UndecodableError, decode
from clean.html import clean_html
from clean.page import CleaningError
from crawler.frontier import Fetch
from crawler.items import PageItem
from crawler.relevance import default as default_relevance


class Skip(DropItem):
    """A page the crawl read but does not keep; ``outcome`` is what the frontier records."""

    def __init__(self, outcome: str, reason: str) -> None:
        super().__init__(f"{outcome}: {reason}", log_level="DEBUG")
        self.outcome = outcome


class _Pipeline:
    def __init__(self, crawler) -> None:  # type: ignore[no-untyped-def]
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):  # type: ignore[no-untyped-def]
        return cls(crawler)


class CleanPipeline(_Pipeline):
    """Bytes → :class:`~clean.page.CleanedPage` with ``clean.html.clean_html``."""

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, PageItem):
            return item
        if item.get("page") is not None:  # the spider already cleaned it to tell it was an article
            return item
        data: bytes | str = item["body"]
        charset = item.get("charset")
        if charset:  # the HTTP header names a charset the page itself may not repeat
            try:
                item["body"].decode("utf-8")
            except UnicodeDecodeError:
                try:
                    data = decode(item["body"], declared=charset)
                except (UndecodableError, LookupError):
                    data = item["body"]
        try:
            item["page"] = clean_html(data, item["url"])
        except CleaningError as err:
            raise Skip("not_article", err.reason) from None
        return item


class RelevancePipeline(_Pipeline):
    """Keeps only articles about the movement (terms in ``crawler/relevance.yaml``)."""

    def __init__(self, crawler) -> None:  # type: ignore[no-untyped-def]
        super().__init__(crawler)
        self.relevance = default_relevance()

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, PageItem):
            return item
        page = item["page"]
        verdict = self.relevance.judge(page.title, page.text)
        item["verdict"] = verdict
        if not verdict.relevant:
            raise Skip("off_topic", verdict.reason())
        return item


def _serialise(session, url: str, content_hash: str) -> None:  # type: ignore[no-untyped-def]
    """On PostgreSQL, make concurrent stores of one URL or one content wait for each other.

    ``add_page`` looks before it writes; two crawler processes storing the same article
    at the same moment (one under its print URL) would both find nothing and both insert.
    Transaction-scoped advisory locks, taken in a fixed order, make the second one wait and
    then see the first one's article.  SQLite needs none: it has one writer at a time, and a
    stale read makes the write fail and the pipeline retry.
    """
    if session.get_bind().dialect.name != "postgresql":
        return
    from sqlalchemy import text

    for key in sorted({f"url:{url}", f"content:{content_hash}"}):
        session.execute(text("select pg_advisory_xact_lock(hashtext(:key))"), {"key": key})


OUTCOMES = {"new": "stored", "revision": "revised", "unchanged": "unchanged", "duplicate": "duplicate"}


class StorePipeline(_Pipeline):
    """One transaction per page: article (``store.articles.add_page``), fetch state and frontier row."""

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, PageItem):
            return item
        from store.articles import add_page
        from store.db import transaction

        spider = self.crawler.spider
        frontier = spider.frontier
        for attempt in range(3):
            try:
                with transaction(frontier.engine) as session:
                    _serialise(session, item["url"], item["page"].content_hash)
                    result = add_page(session, item["page"], item["url"], fetched_at=item["fetched_at"])
                    fetch = Fetch(
                        status=item["status"],
                        etag=item["etag"],
                        last_modified=item["last_modified"],
                        lastmod=item["lastmod"],
                        kind="article",
                        article_id=result.article_id,
                        also=item["also"],
                    )
                    outcome = OUTCOMES[result.outcome.value]
                    frontier.finish(
                        session, item["frontier_url"], outcome, fetch, f"article {result.article_id}"
                    )
                break
            except (IntegrityError, OperationalError):
                # Another process stored the same URL or content a moment ago (shared crawl), or
                # SQLite was busy: the retry sees its commit and ends as unchanged/duplicate.
                if attempt == 2:
                    raise
        return item
