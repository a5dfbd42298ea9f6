"""Downloader middlewares: the frontier's claim before a request, and retries that back off.

Scrapy's own retry middleware re-sends a failed request at once; a server answering 503
is better left alone a while, so :class:`BackoffRetryMiddleware` waits
``RETRY_BACKOFF_BASE × 2^attempt`` seconds (at most ``RETRY_BACKOFF_MAX``) before handing
the retry back to the scheduler.  The wait does not hold a download slot.
"""

from __future__ import annotations

from typing import Any

from scrapy import Request
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.task import deferLater


class AlreadyTaken(IgnoreRequest):
    """The URL is done, or another live process of a shared crawl is fetching it."""


class FrontierMiddleware:
    """Claims a URL in the frontier before it is fetched; a done or taken URL is not fetched."""

    def __init__(self, crawler) -> None:  # type: ignore[no-untyped-def]
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):  # type: ignore[no-untyped-def]
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        url = request.meta.get("frontier_url")
        if url is None or request.meta.get("claimed"):
            return
        frontier = getattr(self.crawler.spider, "frontier", None)
        if frontier is None:
            return
        if not frontier.claim(url):
            self.crawler.stats.inc_value("antq/already_taken")
            raise AlreadyTaken(f"{url} is done or taken by another crawler process")
        request.meta["claimed"] = True


class BackoffRetryMiddleware(RetryMiddleware):
    """Scrapy's retries (5xx, 408, 429, timeouts, dropped connections) with exponential backoff."""

    def __init__(self, settings) -> None:  # type: ignore[no-untyped-def]
        super().__init__(settings)
        self.backoff_base = settings.getfloat("RETRY_BACKOFF_BASE", 1.0)
        self.backoff_max = settings.getfloat("RETRY_BACKOFF_MAX", 60.0)

    def delay(self, request: Request) -> float:
        """Seconds to wait before ``request`` (the n-th retry of a URL) goes back to the scheduler."""
        attempt = request.meta.get("retry_times", 1)
        return min(self.backoff_max, self.backoff_base * 2 ** max(attempt - 1, 0))

    async def _wait(self, request: Request) -> None:
        delay = self.delay(request)
        if delay > 0:
            from twisted.internet import reactor  # the one Scrapy installed

            await maybe_deferred_to_future(deferLater(reactor, delay, lambda: None))

    async def process_response(self, request: Request, response: Response) -> Any:  # type: ignore[override]
        result = super().process_response(request, response)
        if isinstance(result, Request):
            await self._wait(result)
        return result

    async def process_exception(self, request: Request, exception: Exception) -> Any:  # type: ignore[override]
        result = super().process_exception(request, exception)
        if isinstance(result, Request):
            await self._wait(result)
        return result
