"""What the crawler remembers between runs, kept in the store beside the articles.

* :class:`UrlState` — per canonical URL: validators (ETag, Last-Modified), sitemap lastmod,
  when it was last fetched and what came of it.  This is what makes a later crawl
  incremental: a stored article is not downloaded again unless something says it changed.
* :class:`Crawl` — one crawl of one site or source, which may span several processes
  (a resume after a kill, or several machines sharing a Redis frontier).
* :class:`FrontierEntry` — every URL a crawl has decided to visit, pending or done.  A page's
  outcome and the links it yielded are committed in the same transaction as the article,
  so a crawl killed at any moment resumes from exactly the pages not yet done.
* :class:`CrawlRun` — one process's part of a crawl, with Scrapy's stats as JSON.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from store.models import utcnow

PENDING = "pending"
DONE = "done"


class Crawl(SQLModel, table=True):
    """A crawl of one site or source; ``open_key`` is set while it is unfinished (one per key)."""

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(index=True, max_length=1024, description="What is crawled: a spider and its start URLs.")
    open_key: str | None = Field(
        default=None, unique=True, max_length=1024, description="= key until the crawl finishes; NULL after."
    )
    started_at: dt.datetime = Field(default_factory=utcnow)
    finished_at: dt.datetime | None = None
    outcome: str | None = Field(default=None, max_length=64)


class CrawlRun(SQLModel, table=True):
    """One crawler process working on a crawl."""

    __tablename__ = "crawl_run"

    id: int | None = Field(default=None, primary_key=True)
    crawl_id: int = Field(foreign_key="crawl.id", index=True)
    spider: str = Field(max_length=128)
    host: str = Field(max_length=255)
    pid: int
    frontier: str = Field(
        default="store", max_length=255, description="'store', or the Redis URL (no password)."
    )
    started_at: dt.datetime = Field(default_factory=utcnow)
    heartbeat_at: dt.datetime = Field(default_factory=utcnow)
    finished_at: dt.datetime | None = None
    reason: str | None = Field(default=None, max_length=64, description="Scrapy's close reason.")
    stats: dict[str, Any] | None = Field(default=None, sa_type=JSON)


class FrontierEntry(SQLModel, table=True):
    """A URL one crawl has queued; ``run_id`` is the process that took it."""

    __tablename__ = "crawl_frontier"
    __table_args__ = (
        UniqueConstraint("crawl_id", "url", name="uq_frontier_url"),
        Index("ix_frontier_status", "crawl_id", "status"),
    )

    id: int | None = Field(default=None, primary_key=True)
    crawl_id: int = Field(foreign_key="crawl.id")
    url: str = Field(max_length=2048)
    kind: str = Field(max_length=16, description="robots, sitemap, feed, listing, article or page.")
    depth: int = 0
    priority: int = 0
    lastmod: dt.datetime | None = Field(default=None, description="From the sitemap or feed that listed it.")
    headers: dict[str, str] | None = Field(
        default=None, sa_type=JSON, description="Conditional-request headers."
    )
    status: str = Field(default=PENDING, max_length=8, description="pending or done.")
    outcome: str | None = Field(default=None, max_length=32)
    run_id: int | None = Field(default=None, foreign_key="crawl_run.id")
    updated_at: dt.datetime = Field(default_factory=utcnow)


class UrlState(SQLModel, table=True):
    """The last thing antq learned about one canonical URL, across all crawls."""

    __tablename__ = "crawl_url"

    id: int | None = Field(default=None, primary_key=True)
    url: str = Field(unique=True, max_length=2048)
    kind: str | None = Field(default=None, max_length=16, description="article or hub, once fetched.")
    etag: str | None = Field(default=None, max_length=512)
    last_modified: str | None = Field(default=None, max_length=64, description="As the server sent it.")
    sitemap_lastmod: dt.datetime | None = None
    last_fetched: dt.datetime | None = None
    status_code: int | None = None
    outcome: str | None = Field(default=None, max_length=32)
    article_id: int | None = Field(default=None, foreign_key="article.id")
