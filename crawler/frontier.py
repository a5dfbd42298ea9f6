"""The crawl's memory as the crawler sees it: plain types and the protocol a frontier keeps.

The crawler decides what to visit and reports what became of each page; *where* that is
remembered is not its business.  :class:`Frontier` says what the spider, the pipelines and the
extensions ask of a frontier, and :class:`FrontierBackend` how one is opened.  The composing
program hands a backend to :func:`crawler.run.main` (``antq crawl`` hands the store's,
``store.crawl_frontier``, which keeps the frontier beside the articles so crawls are
incremental and resume after any kill).  Nothing here imports a later stage.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol

from clean.page import FetchedPage

VIETNAM = dt.timezone(dt.timedelta(hours=7), "ICT")

# What became of a page.  The progress line and the summary count these groups.
KEPT = frozenset({"stored", "revised"})
SKIPPED = frozenset(
    {"unchanged", "duplicate", "off_topic", "not_article", "not_modified", "known", "robots", "offsite",
     "filtered", "absent", "hub"}
)  # fmt: skip
ERRORS = frozenset({"gave_up", "gone", "http_error", "error"})
# An article with one of these outcomes is not downloaded again unless something says it changed.
SETTLED = frozenset(
    {"stored", "revised", "unchanged", "duplicate", "not_article", "off_topic", "not_modified"}
)

Outcome = Callable[[str, str, str], None]  # (url, outcome, detail)


class CrawlBusy(RuntimeError):
    """Another live process is running the same crawl without a shared frontier."""


class FrontierUnavailable(RuntimeError):
    """The frontier cannot be opened (no backend, or its database refuses); the message says why."""


@dataclass(frozen=True)
class Link:
    """A URL a page points at, already canonical, with the role the crawler expects it to play."""

    url: str
    kind: str  # robots, sitemap, feed, listing, article, page
    priority: int = 0
    depth: int = 0
    lastmod: dt.datetime | None = None


@dataclass(frozen=True)
class Visit:
    """A URL to request now, with the conditional headers that make a re-check cheap."""

    url: str
    kind: str
    priority: int
    depth: int
    lastmod: dt.datetime | None
    headers: dict[str, str] | None


@dataclass
class Fetch:
    """What the server said about a URL: status and validators."""

    status: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    lastmod: dt.datetime | None = None
    kind: str | None = None  # article or hub
    article_id: int | None = None
    also: tuple[str, ...] = ()  # other spellings that served this response (a redirect's target)
    aliases: tuple[str, ...] = ()  # the page's declared canonical URL, not fetched itself


@dataclass(frozen=True)
class CrawlSpec:
    """Which crawl a frontier is for, and how it commits."""

    key: str  # what identifies the crawl across restarts: the spider and its start URLs
    spider: str
    distributed: bool = False  # shared with other processes (a Redis request queue)
    label: str = "store"  # where the request queue lives, for the run record ('store' or the Redis URL)
    revalidate_after: dt.timedelta = dt.timedelta(hours=24)
    batch_size: int = 1  # finished pages per commit; 1 commits every page at once


class Frontier(Protocol):
    """One process's handle on one crawl: what to visit, what is done, what each URL was."""

    distributed: bool
    crawl_id: int
    run_id: int
    resumed: bool

    @property
    def write_through(self) -> bool:
        """True when every write is committed at once (no timer needed)."""
        ...

    def open(self, seeds: Iterable[Link], fresh: bool = False) -> list[Visit]: ...

    def add(self, links: Iterable[Link], parent: tuple[str, Fetch, str] | None = None) -> list[Visit]: ...

    def pending(self, claimable_only: bool = False) -> list[Visit]: ...

    def pending_count(self) -> int: ...

    def settled_articles(self, urls: Iterable[str]) -> set[str]: ...

    def claim(self, url: str) -> bool: ...

    def done(self, url: str, outcome: str, fetch: Fetch | None = None, detail: str = "") -> None: ...

    def store(self, page: FetchedPage, url: str, fetch: Fetch) -> None: ...

    def flush(self) -> None: ...

    def heartbeat(self) -> None: ...

    def close(self, reason: str, stats: dict, deliberate: bool) -> bool: ...


class FrontierBackend(Protocol):
    """Opens frontiers at a location (``ANTQ_DB``: a database URL, or None for the default).

    Set as the ``ANTQ_FRONTIER_BACKEND`` setting by :func:`crawler.run.main`.  Both methods
    raise :class:`FrontierUnavailable` with a message for the user when the location cannot
    be used.
    """

    def check(self, location: str | None) -> None: ...

    def frontier(self, location: str | None, spec: CrawlSpec, on_outcome: Outcome | None) -> Frontier: ...


def aware(moment: dt.datetime | None) -> dt.datetime | None:
    """Sitemap and feed times without a zone are Vietnamese local time."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=VIETNAM)
