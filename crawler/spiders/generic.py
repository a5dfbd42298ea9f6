"""The news spider: sitemaps, feeds, listing pages and links in; candidate articles out.

:class:`NewsSpider` holds everything; a source is a subclass that only declares data
(name, domains, start URLs, feeds, sitemaps, and selectors where the generic reading of
links falls short).  :class:`GenericSpider` (``generic``) crawls any site from a URL.

Every URL goes through the frontier (:mod:`crawler.frontier`; the store's, under ``antq
crawl``) before it is requested: that is where duplicates are dropped, stored articles skipped
and a killed crawl resumed.  A page's links are committed in the same transaction as the page's own outcome or
an earlier one; the page bytes are cleaned in a worker process (:mod:`crawler.reader`).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import AsyncIterator, Iterable
from functools import cached_property
from typing import Any, ClassVar
from urllib.parse import urljoin

import scrapy
from scrapy import signals
from scrapy.exceptions import DontCloseSpider, IgnoreRequest
from scrapy.http import HtmlResponse, Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.response import get_base_url
from twisted.internet.error import TimeoutError as TwistedTimeoutError
from twisted.internet.task import LoopingCall
from twisted.python.failure import Failure

from crawler import discover
from crawler.frontier import CrawlSpec, Fetch, Frontier, FrontierUnavailable, Link, Visit
from crawler.items import PageItem
from crawler.middlewares import AlreadyTaken
from crawler.reader import Reader, Reading
from crawler.reader import shared as shared_reader
from crawler.urls import (
    canonical,
    host_of,
    looks_like_article,
    looks_like_feed,
    looks_like_pagination,
    same_site,
    site_of,
    worth_fetching,
)

# Request priorities: discovery sources first, then articles, then listings, then the rest.
PRIORITY = {"robots": 40, "feed": 30, "sitemap": 20, "article": 10, "listing": 5, "page": 0}
# How a crawl that stops on purpose ends: the crawl is finished even with URLs left.
DELIBERATE = ("closespider_", "finished_by_limit")

logger = logging.getLogger(__name__)


class NewsSpider(scrapy.Spider):
    """Base of every news spider; subclasses declare the class attributes below."""

    title: ClassVar[str] = ""  # the source's own name, shown by `antq sources`
    allowed_domains: ClassVar[tuple[str, ...]] = ()  # the source's sites (subdomains included)
    start_urls: ClassVar[tuple[str, ...]] = ()  # home or section pages to start from
    feeds: ClassVar[tuple[str, ...]] = ()  # RSS/Atom feeds
    sitemaps: ClassVar[tuple[str, ...]] = ()  # sitemaps, besides those robots.txt announces
    article_links: ClassVar[str | None] = None  # CSS selector of article links on listing pages
    pagination: ClassVar[str | None] = None  # CSS selector of next-page links on listing pages
    article_url: ClassVar[str | None] = None  # regex an article URL of this source matches
    follow_links: ClassVar[bool] = True  # also follow other same-site links (not only articles/pages)
    discover: ClassVar[bool] = True  # read robots.txt for sitemaps and pages' <link rel=alternate> feeds

    frontier: Frontier
    reader: Reader

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._article_re = re.compile(self.article_url, re.IGNORECASE) if self.article_url else None
        self._initial: list[Visit] = []
        self._requeued: set[str] = set()
        self._opened = False
        self._early: list[tuple[str, str, str]] = []
        self._committer: LoopingCall | None = None

    # -- set-up ------------------------------------------------------------------------
    @classmethod
    def from_crawler(cls, crawler, *args: Any, **kwargs: Any):  # type: ignore[no-untyped-def, override]
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider._open_frontier(crawler)
        crawler.signals.connect(spider._on_opened, signal=signals.spider_opened)
        crawler.signals.connect(spider._on_idle, signal=signals.spider_idle)
        crawler.signals.connect(spider._on_request_dropped, signal=signals.request_dropped)
        crawler.signals.connect(spider._on_item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(spider._on_item_error, signal=signals.item_error)
        crawler.signals.connect(spider._on_spider_error, signal=signals.spider_error)
        return spider

    def crawl_key(self) -> str:
        """What identifies this crawl across restarts: the spider and its start URLs."""
        return " ".join([self.name, *sorted(canonical(u) for u in self.start_urls)])

    def domains(self) -> tuple[str, ...]:
        return tuple(site_of(d.lower()) for d in self.allowed_domains)

    @cached_property
    def _domains(self) -> tuple[str, ...]:
        return self.domains()

    def seeds(self) -> list[Link]:
        links = [Link(canonical(u), "page", PRIORITY["listing"]) for u in self.start_urls]
        links += [Link(canonical(u), "feed", PRIORITY["feed"]) for u in self.feeds]
        links += [Link(canonical(u), "sitemap", PRIORITY["sitemap"]) for u in self.sitemaps]
        if self.discover:
            roots = {canonical(urljoin(u, "/robots.txt")) for u in self.start_urls}
            links += [Link(r, "robots", PRIORITY["robots"]) for r in sorted(roots)]
        return links

    def _open_frontier(self, crawler) -> None:  # type: ignore[no-untyped-def]
        settings = crawler.settings
        backend = settings.get("ANTQ_FRONTIER_BACKEND")
        if backend is None:
            raise FrontierUnavailable("no frontier backend: run crawls with `antq crawl`")
        spec = CrawlSpec(
            key=self.crawl_key(),
            spider=self.name,
            distributed=bool(settings.get("ANTQ_FRONTIER")),
            label=settings.get("ANTQ_FRONTIER_LABEL") or "store",
            revalidate_after=dt.timedelta(seconds=settings.getfloat("ANTQ_REVALIDATE_AFTER")),
            batch_size=settings.getint("ANTQ_BATCH_PAGES"),
        )
        self.frontier = backend.frontier(settings.get("ANTQ_DB"), spec, self._count_outcome)
        self.reader = shared_reader(settings.getint("ANTQ_READERS"))
        self._initial = self.frontier.open(self.seeds(), fresh=settings.getbool("ANTQ_FRESH"))

    def _count_outcome(self, url: str, outcome: str, detail: str) -> None:
        if not self._opened:  # outcomes decided while opening wait for the stats to exist
            self._early.append((url, outcome, detail))
            return
        self.crawler.stats.inc_value(f"antq/outcome/{outcome}")
        self.crawler.signals.send_catch_log(signal=OUTCOME, url=url, outcome=outcome, detail=detail)

    def _on_opened(self, spider: scrapy.Spider) -> None:
        if spider is not self:
            return
        self._opened = True
        early, self._early = self._early, []
        for args in early:
            self._count_outcome(*args)
        every = self.crawler.settings.getfloat("ANTQ_BATCH_SECONDS")
        if not self.frontier.write_through and every > 0:
            self._committer = LoopingCall(self._commit)
            self._committer.start(every, now=False)

    def _commit(self) -> None:
        """The timer's commit: no page waits in memory longer than ``ANTQ_BATCH_SECONDS``."""
        try:
            self.frontier.flush()
        except Exception:  # the store is failing; the next tick and the close try again
            logger.exception("could not commit the crawl's last pages to the store")

    async def start(self) -> AsyncIterator[Any]:
        for visit in self._initial:
            yield self.request_for(visit, dont_filter=True)

    # -- requests ------------------------------------------------------------------------
    def request_for(self, visit: Visit, dont_filter: bool = False) -> scrapy.Request:
        callback = {
            "robots": self.parse_robots,
            "sitemap": self.parse_sitemap,
            "feed": self.parse_feed,
        }.get(visit.kind, self.parse_page)
        meta: dict[str, Any] = {
            "frontier_url": visit.url,
            "kind": visit.kind,
            "depth": visit.depth,
            "lastmod": visit.lastmod,
        }
        statuses = [304] if visit.headers else []
        if visit.kind == "robots":
            meta["dont_obey_robotstxt"] = True  # reading robots.txt is always allowed
            statuses += [404, 410]
        if statuses:
            meta["handle_httpstatus_list"] = statuses
        return scrapy.Request(
            visit.url,
            callback=callback,
            errback=self.failed,
            priority=visit.priority,
            headers=visit.headers or None,
            meta=meta,
            dont_filter=dont_filter,
        )

    def follow(
        self, response: Response, links: Iterable[Link], parent_outcome: str | None
    ) -> list[scrapy.Request]:
        """Queue ``links`` in the frontier (marking this page done when ``parent_outcome``)."""
        parent = None
        if parent_outcome is not None:
            parent = (response.meta["frontier_url"], self.fetch_of(response, kind="hub"), parent_outcome)
        visits = self.frontier.add(links, parent=parent)
        return [self.request_for(v) for v in visits]

    def fetch_of(self, response: Response, kind: str | None = None) -> Fetch:
        headers = response.headers
        etag = headers.get(b"ETag")
        modified = headers.get(b"Last-Modified")
        also = tuple({canonical(response.url)} - {response.meta["frontier_url"]})
        return Fetch(
            status=response.status,
            etag=etag.decode("latin-1")[:512] if etag else None,
            last_modified=modified.decode("latin-1")[:64] if modified else None,
            lastmod=response.meta.get("lastmod"),
            kind=kind,
            also=also,
        )

    def _link(
        self, href: str, base: str, kind: str, depth: int, lastmod: dt.datetime | None = None
    ) -> Link | None:
        return self._checked(canonical(urljoin(base, href.strip())), kind, depth, lastmod)

    def _checked(self, url: str, kind: str, depth: int, lastmod: dt.datetime | None = None) -> Link | None:
        """A link to a canonical URL, unless it is not worth fetching or off the source's sites."""
        if not worth_fetching(url) or not same_site(url, self._domains):
            return None
        return Link(url, kind, PRIORITY[kind], depth, lastmod)

    # -- callbacks -----------------------------------------------------------------------
    def parse_robots(self, response: Response) -> list[scrapy.Request]:
        text = response.text if isinstance(response, TextResponse) and response.status == 200 else ""
        found = discover.robots_sitemaps(text) if text else []
        depth = response.meta["depth"] + 1
        if not found and not self.sitemaps:
            found = [urljoin(response.url, "/sitemap.xml")]  # the usual place, tried once
        links = [self._link(u, response.url, "sitemap", depth) for u in found]
        return self.follow(response, [link for link in links if link], "hub")

    def parse_sitemap(self, response: Response) -> list[scrapy.Request]:
        if response.status == 304:
            return self.follow(response, [], "not_modified")
        kind, entries = discover.sitemap_entries(response.body)
        if not kind:
            return self.follow(response, [], "absent")
        depth = response.meta["depth"] + 1
        role = "sitemap" if kind == "sitemapindex" else "article"
        links = [self._link(e.url, response.url, role, depth, e.lastmod) for e in entries]
        return self.follow(response, [link for link in links if link], "hub")

    def parse_feed(self, response: Response) -> list[scrapy.Request]:
        entries = discover.feed_entries(response.body)
        if entries is None:
            return self.follow(response, [], "absent")
        depth = response.meta["depth"] + 1
        links = [self._link(e.url, response.url, "article", depth, e.lastmod) for e in entries]
        return self.follow(response, [link for link in links if link], "hub")

    async def parse_page(self, response: Response) -> AsyncIterator[Any]:
        if response.status == 304:
            self.frontier.done(
                response.meta["frontier_url"], "not_modified", self.fetch_of(response, "article")
            )
            return
        if not isinstance(response, HtmlResponse):  # a feed or sitemap linked as a page, or a file
            if discover.feed_entries(response.body) is not None:
                outputs = self.parse_feed(response)
            elif discover.sitemap_entries(response.body)[0]:
                outputs = self.parse_sitemap(response)
            else:
                outputs = self.follow(response, [], "not_article")
            for output in outputs:
                yield output
            return
        # Links are queued at once, in the order pages arrive, whatever the cleaner takes below.
        for request in self.follow(response, self.page_links(response), None):
            yield request
        item = self.item_for(response)
        if not self.is_article(response):
            reading = await self.reads_as_article(item)
            if reading is None:
                self.frontier.done(item["frontier_url"], "hub", self.fetch_of(response, kind="hub"))
                return
            item["page"], item["verdict"] = reading.page, reading.verdict  # not cleaned a second time
        yield item

    # -- reading pages -------------------------------------------------------------------
    async def reads_as_article(self, item: PageItem) -> Reading | None:
        """No sign in the URL or the metadata: the cleaner decides.

        Many portals give articles short ids ("...-4172.html") and no article metadata; a page
        the cleaner turns into article text is an article (it refuses listings and index pages).
        Its links are followed all the same.  The reading is the one the pipelines would make
        (same bytes, URL and charset), and the item carries it so they do not make it again.
        """
        reading = await self.reader.read(item["body"], item["url"], item.get("charset"))
        return reading if reading.page is not None else None

    def is_article(self, response: HtmlResponse) -> bool:
        url = response.meta["frontier_url"]
        if self._article_re is not None and self._article_re.search(url):
            return True
        return discover.declares_article(response.selector) or looks_like_article(url)

    def page_links(self, response: HtmlResponse) -> list[Link]:
        """Links of a page, each with the role it plays: article, listing (next pages), feed, page.

        A listing page whose every article is already settled in the store is the end of the
        new material: its next pages are not followed (the incremental stop).
        """
        depth = response.meta["depth"] + 1
        chosen = self._selected(response, self.article_links)
        next_pages = self._selected(response, self.pagination)
        articles: list[Link] = []
        listings: list[Link] = []
        others: list[Link] = []
        seen: set[str] = {response.meta["frontier_url"]}
        # lxml's own iteration: the same anchors and texts as response.css("a[href]") and "::text",
        # at a fifth of the cost (a Selector per anchor and per text node adds up on every page).
        base = get_base_url(response)  # the page's <base href>, else its URL; looked up once
        for anchor in response.selector.root.iter("a"):
            href = anchor.get("href")
            if href is None:
                continue
            url = self._joined(base, href)
            if url is None:
                continue
            text = " ".join(anchor.itertext()).strip()
            rel = anchor.get("rel", "")
            if url in chosen or (self._article_re is not None and self._article_re.search(url)):
                kind = "article"
            elif self.article_links is None and looks_like_article(url):
                kind = "article"
            elif url in next_pages or looks_like_pagination(url, text, rel):
                kind = "listing"
            elif looks_like_feed(url):
                kind = "feed"
            elif self.follow_links:
                kind = "page"
            else:
                continue
            if url in seen:
                continue
            seen.add(url)
            link = self._checked(url, kind, depth)  # already absolute and canonical
            if link is not None:
                {"article": articles, "listing": listings}.get(kind, others).append(link)
        if self.discover:
            for href, _type in discover.feed_links(response.selector):
                link = self._link(href, response.url, "feed", depth)
                if link is not None:
                    others.append(link)
        if listings and articles and self.frontier_knows_all(articles):
            listings = []
        return articles + listings + others

    def frontier_knows_all(self, articles: list[Link]) -> bool:
        urls = {a.url for a in articles}
        return self.frontier.settled_articles(urls) == urls

    def _absolute(self, response: HtmlResponse, href: str) -> str | None:
        return self._joined(get_base_url(response), href)

    def _joined(self, base: str, href: str) -> str | None:
        try:
            return canonical(urljoin(base, href.strip()))
        except ValueError:
            return None

    def _selected(self, response: HtmlResponse, selector: str | None) -> set[str]:
        if not selector:
            return set()
        found = set()
        for node in response.css(selector):
            href = node.attrib.get("href") or node.css("a::attr(href)").get()
            url = self._absolute(response, href) if href else None
            if url:
                found.add(url)
        return found

    def item_for(self, response: HtmlResponse) -> PageItem:
        frontier_url = response.meta["frontier_url"]
        url = canonical(response.url)
        declared = discover.canonical_link(response.selector)
        if declared:
            target = self._absolute(response, declared)
            if target and same_site(target, self._domains) and target.split("/", 3)[-1] not in {"", "?"}:
                url = target
        fetch = self.fetch_of(response, "article")
        content_type = response.headers.get(b"Content-Type", b"").decode("latin-1").lower()
        charset = (
            content_type.split("charset=", 1)[1].split(";")[0].strip(" '\"")
            if "charset=" in content_type
            else None
        )
        return PageItem(
            url=url,
            frontier_url=frontier_url,
            also=tuple({canonical(response.url)} - {frontier_url}),
            aliases=tuple({url} - {frontier_url, canonical(response.url)}),
            body=response.body,
            charset=charset or None,
            status=response.status,
            etag=fetch.etag,
            last_modified=fetch.last_modified,
            lastmod=response.meta.get("lastmod"),
            fetched_at=dt.datetime.now(dt.UTC),
        )

    # -- failures and the end ------------------------------------------------------------
    def failed(self, failure: Failure) -> None:
        """A request that ended without a usable response: give-ups, 4xx/5xx, robots, off-site."""
        if failure.check(AlreadyTaken):
            return  # done already, or a peer process is on it: nothing to record here
        request = failure.request  # type: ignore[attr-defined]
        url = request.meta.get("frontier_url", canonical(request.url))
        kind = request.meta.get("kind", "page")
        if failure.check(HttpError):
            status = failure.value.response.status
            fetch = Fetch(status=status)
            if kind in {"sitemap", "feed"} and status in {404, 410}:
                self.frontier.done(url, "absent", fetch, f"HTTP {status}")
            elif status in {404, 410}:
                self.frontier.done(url, "gone", fetch, f"HTTP {status}")
            elif status >= 500 or status in {408, 429}:
                self.frontier.done(url, "gave_up", fetch, f"HTTP {status} after retries")
            else:
                self.frontier.done(url, "http_error", fetch, f"HTTP {status}")
        elif failure.check(IgnoreRequest):
            message = str(failure.value)
            outcome = (
                "robots"
                if "robots" in message.lower()
                else "offsite"
                if "offsite" in message.lower()
                else "filtered"
            )
            self.frontier.done(url, outcome, None, message)
        else:
            reason = "timed out" if failure.check(TwistedTimeoutError) else failure.getErrorMessage()
            self.frontier.done(url, "gave_up", Fetch(), f"{failure.type.__name__}: {reason}")

    def _on_request_dropped(self, request: scrapy.Request, spider: scrapy.Spider) -> None:
        if spider is self and "frontier_url" in request.meta:
            self.frontier.done(request.meta["frontier_url"], "filtered", None, "dropped by the scheduler")

    def _on_item_dropped(
        self, item: Any, response: Response, exception: Exception, spider: scrapy.Spider
    ) -> None:
        if spider is not self or not isinstance(item, PageItem):
            return
        outcome = getattr(exception, "outcome", "not_article")
        fetch = Fetch(
            status=item["status"],
            etag=item["etag"],
            last_modified=item["last_modified"],
            lastmod=item["lastmod"],
            kind="hub"
            if outcome == "not_article"
            else "article",  # not an article: visit it again next crawl
            also=item["also"],
            aliases=item["aliases"],
        )
        self.frontier.done(item["frontier_url"], outcome, fetch, str(exception))

    def _on_item_error(self, item: Any, response: Response, spider: scrapy.Spider, failure: Failure) -> None:
        if spider is self and isinstance(item, PageItem):
            self.frontier.done(item["frontier_url"], "error", Fetch(), failure.getErrorMessage())

    def _on_spider_error(self, failure: Failure, response: Response, spider: scrapy.Spider) -> None:
        if spider is self and "frontier_url" in response.meta:
            self.frontier.done(response.meta["frontier_url"], "error", Fetch(), failure.getErrorMessage())

    def _on_idle(self, spider: scrapy.Spider) -> None:
        """Pending rows with no request left: re-request them once (a shared crawl waits for peers)."""
        if spider is not self or self.crawler is None or self.crawler.engine is None:
            return
        visits = self.frontier.pending(claimable_only=self.frontier.distributed)
        # Alone, a row is re-requested once; shared, whatever no live peer holds is taken up.
        fresh = visits if self.frontier.distributed else [v for v in visits if v.url not in self._requeued]
        for visit in fresh:
            self._requeued.add(visit.url)
            self.crawler.engine.crawl(self.request_for(visit, dont_filter=True))
        if fresh:
            raise DontCloseSpider
        if self.frontier.distributed and self.frontier.pending_count():
            raise DontCloseSpider  # peers are still working on their pages

    def closed(self, reason: str) -> None:
        """Recorded by the run extension (it holds the stats), which commits the last pages."""
        if self._committer is not None and self._committer.running:
            self._committer.stop()


class GenericSpider(NewsSpider):
    """Any news site from one or more start URLs: ``-a url=https://site/`` (comma-separated)."""

    name = "generic"
    title = "Any news site (from --url)"

    def __init__(self, url: str = "", *args: Any, **kwargs: Any) -> None:
        urls = [u.strip() for u in url.split(",") if u.strip()]
        if not urls:
            raise ValueError("the generic spider needs a start URL: -a url=https://example.vn/")
        self.start_urls = tuple(canonical(u) for u in urls)  # type: ignore[misc]
        self.allowed_domains = tuple(sorted({site_of(host_of(u)) for u in self.start_urls}))  # type: ignore[misc]
        super().__init__(*args, **kwargs)


OUTCOME = object()  # signal: a URL got its outcome (url, outcome, detail) — the progress line listens
