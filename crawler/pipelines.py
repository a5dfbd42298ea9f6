"""Item pipelines: read (clean, judge relevance) → keep the relevant → store.

The reading is the same cleaning as ``antq ingest`` (``crawler.reader.read_page``), done in a
worker process so the Scrapy process keeps fetching.  Each step that rejects a page raises
:class:`Skip` with the outcome the frontier records (``not_article``, ``off_topic``); the
spider's ``item_dropped`` handler marks the page done.  The store step hands the article to
the frontier, which commits it with its fetch state and frontier row in the same
transaction (a batch of pages per transaction), so a kill before the commit leaves the page
pending and a kill after leaves it done.
"""

from __future__ import annotations

from typing import Any

from scrapy.exceptions import DropItem

from crawler.frontier import Fetch, FetchedPage
from crawler.items import PageItem
from crawler.reader import shared as shared_reader
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
    """Bytes → :class:`~clean.page.CleanedPage` and its relevance verdict (``crawler.reader``)."""

    def __init__(self, crawler) -> None:  # type: ignore[no-untyped-def]
        super().__init__(crawler)
        self.reader = shared_reader(crawler.settings.getint("ANTQ_READERS"))

    async def process_item(self, item: Any) -> Any:
        if not isinstance(item, PageItem):
            return item
        if item.get("page") is not None:  # the spider already read it to tell it was an article
            return item
        reading = await self.reader.read(item["body"], item["url"], item.get("charset"))
        if reading.page is None:
            raise Skip("not_article", reading.reason)
        item["page"], item["verdict"] = reading.page, reading.verdict
        return item


class RelevancePipeline(_Pipeline):
    """Keeps only articles about the movement (terms in ``crawler/relevance.yaml``)."""

    def __init__(self, crawler) -> None:  # type: ignore[no-untyped-def]
        super().__init__(crawler)
        self.relevance = default_relevance()

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, PageItem):
            return item
        verdict = item.get("verdict")
        if verdict is None:  # cleaned by someone else than the reader
            page = item["page"]
            verdict = item["verdict"] = self.relevance.judge(page.title, page.text)
        if not verdict.relevant:
            raise Skip("off_topic", verdict.reason())
        return item


class StorePipeline(_Pipeline):
    """The article, its fetch state and its frontier row, committed together by the frontier."""

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, PageItem):
            return item
        fetch = Fetch(
            status=item["status"],
            etag=item["etag"],
            last_modified=item["last_modified"],
            lastmod=item["lastmod"],
            kind="article",
            also=item["also"],
            aliases=item["aliases"],
        )
        page = FetchedPage(item["page"], item["url"], item["fetched_at"])
        self.crawler.spider.frontier.store(page, item["frontier_url"], fetch)
        return item
