"""Extensions: the live progress line, and the run record (heartbeat, Scrapy stats) in the frontier.

One process may run several spiders (``antq crawl cand baochinhphu``); they share one
progress line (:data:`BOARD`), and each records its own run.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, TextIO

from scrapy import signals
from twisted.internet.task import LoopingCall

from crawler.frontier import ERRORS, KEPT, SKIPPED

# Close reasons of a crawl stopped on purpose: it counts as finished even with URLs left.
DELIBERATE_PREFIXES = ("closespider_",)


@dataclass
class Board:
    """Counts of every crawler in this process, drawn as one line."""

    out: TextIO = sys.stderr
    live: bool = False  # redraw a single line in place (a terminal) instead of printing lines
    started: float = field(default_factory=time.monotonic)
    fetched: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)
    runs: list[dict[str, Any]] = field(default_factory=list)
    _drawn: bool = False

    def groups(self) -> tuple[int, int, int]:
        kept = sum(n for o, n in self.outcomes.items() if o in KEPT)
        skipped = sum(n for o, n in self.outcomes.items() if o in SKIPPED)
        errors = sum(n for o, n in self.outcomes.items() if o in ERRORS)
        return kept, skipped, errors

    def line(self) -> str:
        kept, skipped, errors = self.groups()
        elapsed = max(time.monotonic() - self.started, 1e-6)
        return (
            f"crawl: {self.fetched} fetched, {kept} kept, {skipped} skipped, {errors} errors, "
            f"{self.fetched / elapsed:.1f} pages/s"
        )

    def draw(self) -> None:
        if self.live:
            self.out.write("\r\033[K" + self.line())
            self._drawn = True
        else:
            self.out.write(self.line() + "\n")
        self.out.flush()

    def say(self, message: str) -> None:
        """A line of its own above the progress line."""
        if self._drawn:
            self.out.write("\r\033[K")
            self._drawn = False
        self.out.write(message + "\n")
        self.out.flush()

    def summary(self) -> dict[str, Any]:
        kept, skipped, errors = self.groups()
        elapsed = time.monotonic() - self.started
        return {
            "fetched": self.fetched,
            "kept": kept,
            "skipped": skipped,
            "errors": errors,
            "seconds": round(elapsed, 3),
            "pages_per_second": round(self.fetched / elapsed, 2) if elapsed > 0 else 0.0,
            "outcomes": dict(sorted(self.outcomes.items())),
            "problems": self.problems,
            "runs": self.runs,
        }


BOARD = Board()


class Progress:
    """Counts fetches and outcomes; redraws the line every ``ANTQ_PROGRESS_INTERVAL`` seconds."""

    _ticker: LoopingCall | None = None

    def __init__(self, crawler) -> None:  # type: ignore[no-untyped-def]
        self.crawler = crawler
        self.verbose = crawler.settings.getbool("ANTQ_VERBOSE")
        self.interval = crawler.settings.getfloat("ANTQ_PROGRESS_INTERVAL")
        self.limit = crawler.settings.getint("ANTQ_MAX_PAGES")  # --max-pages, per spider
        self.pages = 0

    @classmethod
    def from_crawler(cls, crawler):  # type: ignore[no-untyped-def]
        from crawler.spiders.generic import OUTCOME

        ext = cls(crawler)
        crawler.signals.connect(ext.response_received, signal=signals.response_received)
        crawler.signals.connect(ext.outcome, signal=OUTCOME)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        return ext

    def spider_opened(self, spider) -> None:  # type: ignore[no-untyped-def]
        if self.interval > 0 and Progress._ticker is None:
            Progress._ticker = LoopingCall(BOARD.draw)
            Progress._ticker.start(self.interval, now=False)

    def response_received(self, response, request, spider) -> None:  # type: ignore[no-untyped-def]
        if "frontier_url" not in request.meta:  # robots.txt fetched by Scrapy itself is not a page
            return
        BOARD.fetched += 1
        self.pages += 1
        if self.limit and self.pages == self.limit:
            from scrapy.utils.defer import deferred_from_coro

            # The reason Scrapy's own page limit gives: a deliberate stop, the crawl is finished.
            deferred_from_coro(self.crawler.engine.close_spider_async(reason="closespider_pagecount"))

    def outcome(self, url: str, outcome: str, detail: str) -> None:
        BOARD.outcomes[outcome] += 1
        if outcome in ERRORS:
            message = f"gave up: {url} ({detail})" if outcome == "gave_up" else f"{outcome}: {url} ({detail})"
            BOARD.problems.append(message)
            BOARD.say(message)
        elif self.verbose:
            BOARD.say(f"{outcome}: {url}" + (f" ({detail})" if detail else ""))


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, int | float | str | bool) or value is None:
        return value
    return str(value)


class RunRecorder:
    """Beats the run's heartbeat in the frontier and keeps Scrapy's stats with the run at the end."""

    def __init__(self, crawler) -> None:  # type: ignore[no-untyped-def]
        self.crawler = crawler
        self.every = crawler.settings.getfloat("ANTQ_HEARTBEAT")
        self.beat: LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler):  # type: ignore[no-untyped-def]
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self, spider) -> None:  # type: ignore[no-untyped-def]
        frontier = getattr(spider, "frontier", None)
        if frontier is not None and self.every > 0:
            self.beat = LoopingCall(frontier.heartbeat)
            self.beat.start(self.every, now=False)

    def spider_closed(self, spider, reason: str) -> None:  # type: ignore[no-untyped-def]
        if self.beat is not None and self.beat.running:
            self.beat.stop()
        frontier = getattr(spider, "frontier", None)
        if frontier is None:
            return
        frontier.flush()  # the last pages' outcomes belong in the stats kept with the run
        stats = _plain(self.crawler.stats.get_stats())
        deliberate = reason.startswith(DELIBERATE_PREFIXES)
        finished = frontier.close(reason, stats, deliberate)
        left = 0 if finished else frontier.pending_count()
        BOARD.runs.append(
            {
                "spider": spider.name,
                "crawl": frontier.crawl_id,
                "run": frontier.run_id,
                "resumed": frontier.resumed,
                "reason": reason,
                "finished": finished,
                "pending": left,
            }
        )
