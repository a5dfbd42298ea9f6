"""Running one crawl process: :func:`main` with a frontier backend, and the options it reads.

Scrapy runs on Twisted's reactor, which cannot be started twice in one process; so every
crawl runs in a fresh interpreter, which the composing program starts (``antq crawl`` runs
``python -m antq.crawling``, which calls :func:`main` with the store's frontier backend).
The process draws the progress line and prints the summary on stderr; ``--summary-json``
leaves the figures in a file for programs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

if TYPE_CHECKING:
    from crawler.frontier import FrontierBackend

# Exit codes: 0 every page fetched was dealt with; 1 the crawl ran but some pages failed (gave up,
# HTTP errors, not stored) or one of several spiders could not start; 2 the crawl could not start
# at all.  A page that is gone (404/410) is counted among the errors of the summary but does not
# fail the crawl: sites delete articles, and a crawl that met one still did its whole job.
EXIT_FAILED = 1
EXIT_SETUP = 2  # the crawl could not start: bad source name, store, Redis, a crawl already running


@dataclass
class CrawlOptions:
    """What ``antq crawl`` asks for; turned into the child's command line by :meth:`argv`."""

    urls: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    db: str | None = None
    max_pages: int | None = None
    frontier: str | None = None
    fresh: bool = False
    progress: bool = True
    verbose: bool = False
    impolite_loopback: bool = False
    settings: dict[str, str] = field(default_factory=dict)
    summary_json: Path | None = None

    def argv(self) -> list[str]:
        args: list[str] = []
        for url in self.urls:
            args += ["--url", url]
        args += list(self.sources)
        if self.db:
            args += ["--db", self.db]
        if self.max_pages:
            args += ["--max-pages", str(self.max_pages)]
        if self.frontier:
            args += ["--frontier", self.frontier]
        if self.fresh:
            args.append("--fresh")
        if not self.progress:
            args.append("--no-progress")
        if self.verbose:
            args.append("--verbose")
        if self.impolite_loopback:
            args.append("--impolite-loopback")
        for name, value in self.settings.items():
            args += ["--set", f"{name}={value}"]
        if self.summary_json:
            args += ["--summary-json", str(self.summary_json)]
        return args


# -- the child ------------------------------------------------------------------------------
def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m antq.crawling", description="Run antq crawls (one process)."
    )
    parser.add_argument(
        "sources", nargs="*", help="Source spiders (see `antq sources`); NAME:ARG passes ARG."
    )
    parser.add_argument("--url", action="append", default=[], help="Crawl this site with the generic spider.")
    parser.add_argument("--db", help="Store database URL.")
    parser.add_argument("--max-pages", type=int, help="Stop after this many fetched pages.")
    parser.add_argument("--frontier", help="redis://HOST:PORT/N to share the crawl between processes.")
    parser.add_argument("--fresh", action="store_true", help="Start over instead of resuming.")
    parser.add_argument("--no-progress", action="store_true", help="No live progress line.")
    parser.add_argument("--verbose", action="store_true", help="A line per URL; Scrapy logs at INFO.")
    parser.add_argument(
        "--impolite-loopback", action="store_true", help="Benchmark: no politeness on loopback."
    )
    parser.add_argument(
        "--set", action="append", default=[], metavar="NAME=VALUE", help="Override a setting."
    )
    parser.add_argument("--summary-json", type=Path, help="Write the summary as JSON here.")
    return parser


def _say(message: str) -> None:
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


def _redacted(url: str) -> str:
    parts = urlsplit(url)
    netloc = parts.hostname or ""
    if parts.port:
        netloc += f":{parts.port}"
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def _targets(args: argparse.Namespace) -> list[tuple[str, dict[str, str]]]:
    targets: list[tuple[str, dict[str, str]]] = []
    if args.url:
        targets.append(("generic", {"url": ",".join(args.url)}))
    for source in args.sources:
        name, _, arg = source.partition(":")
        targets.append((name, {"only": arg} if arg else {}))
    return targets


def _settings(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from scrapy.settings import Settings

    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    if args.db:
        settings.set("ANTQ_DB", args.db, priority="cmdline")
    if args.max_pages:
        settings.set("ANTQ_MAX_PAGES", args.max_pages, priority="cmdline")
    if args.fresh:
        settings.set("ANTQ_FRESH", True, priority="cmdline")
    if args.verbose:
        settings.set("ANTQ_VERBOSE", True, priority="cmdline")
        settings.set("LOG_LEVEL", "INFO", priority="cmdline")
    if args.no_progress:
        settings.set("ANTQ_PROGRESS_INTERVAL", 0, priority="cmdline")
    elif not sys.stderr.isatty():
        settings.set("ANTQ_PROGRESS_INTERVAL", 10.0, priority="default")  # a line every 10 s in logs
    for item in args.set:
        name, sep, value = item.partition("=")
        if not sep:
            raise SystemExit(f"error: --set expects NAME=VALUE, got {item!r}")
        settings.set(name.strip(), _value(value), priority="cmdline")
    if args.impolite_loopback:
        settings.set("ANTQ_IMPOLITE_LOOPBACK", True, priority="cmdline")
    return settings


def _redis_problem(frontier: str) -> str | None:
    """Why the Redis server at ``frontier`` cannot be used, or None when it answers."""
    import redis

    try:
        client = redis.Redis.from_url(frontier, socket_connect_timeout=5, socket_timeout=5)
        try:
            client.ping()
        finally:
            client.close()
    except (redis.RedisError, OSError, ValueError) as err:
        return str(err) or type(err).__name__
    return None


def _value(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return text


def _impolite(settings, targets: list[tuple[str, dict[str, str]]]) -> str | None:  # type: ignore[no-untyped-def]
    """Lift per-site politeness for loopback-only crawls (the benchmark); an error message otherwise."""
    from crawler.urls import is_loopback

    urls = [u for name, kw in targets if name == "generic" for u in kw["url"].split(",")]
    if len(urls) == 0 or len(targets) != 1 or not all(is_loopback(u) for u in urls):
        return "--impolite-loopback is only for crawls of loopback addresses (127.0.0.0/8, ::1, localhost)"
    settings.set("DOWNLOAD_DELAY", 0, priority="cmdline")
    settings.set("AUTOTHROTTLE_ENABLED", False, priority="cmdline")
    settings.set("CONCURRENT_REQUESTS_PER_DOMAIN", 16, priority="cmdline")
    return None


def _redis_settings(settings, frontier: str, spider: str, kwargs: dict[str, str]):  # type: ignore[no-untyped-def]
    prefix = os.environ.get("ANTQ_FRONTIER_PREFIX", "antq")
    digest = hashlib.sha1(json.dumps([spider, sorted(kwargs.items())]).encode()).hexdigest()[:12]
    own = settings.copy()
    own.set("SCHEDULER", "scrapy_redis.scheduler.Scheduler", priority="cmdline")
    own.set("DUPEFILTER_CLASS", "scrapy_redis.dupefilter.RFPDupeFilter", priority="cmdline")
    own.set("REDIS_URL", frontier, priority="cmdline")
    own.set("SCHEDULER_QUEUE_KEY", f"{prefix}:{spider}:{digest}:requests", priority="cmdline")
    own.set("SCHEDULER_DUPEFILTER_KEY", f"{prefix}:{spider}:{digest}:seen", priority="cmdline")
    own.set("ANTQ_FRONTIER", frontier, priority="cmdline")
    own.set("ANTQ_FRONTIER_LABEL", _redacted(frontier), priority="cmdline")
    return own


def _limit_in_flight(settings, spidercls, kwargs: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    """Take from the scheduler only what this process can fetch now.

    Scrapy pulls up to ``CONCURRENT_REQUESTS`` requests from the scheduler into its own
    per-site queues.  With a shared Redis queue one process would hoard a site's requests
    while fetching them one at a time, and ``--max-pages`` would overshoot by the hoard.  So
    the process asks for at most per-site concurrency × sites requests at once.
    """
    from crawler.urls import host_of

    if "url" in kwargs:
        sites = len({host_of(u) for u in kwargs["url"].split(",")})
    elif kwargs.get("only"):
        sites = len(kwargs["only"].split(","))
    else:
        sites = max(1, len(getattr(spidercls, "allowed_domains", []) or []))
    per_site = settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN")
    limit = min(settings.getint("CONCURRENT_REQUESTS"), per_site * sites)
    settings.set("CONCURRENT_REQUESTS", max(1, limit), priority="cmdline")


def main(argv: Sequence[str] | None = None, *, backend: FrontierBackend) -> int:
    """Run the crawls ``argv`` asks for, their frontiers opened by ``backend``; returns the exit code."""
    args = _parser().parse_args(argv)
    targets = _targets(args)
    if not targets:
        _say("error: nothing to crawl: give --url URL or source names (`antq sources` lists them)")
        return EXIT_SETUP
    for url in args.url:
        parts = urlsplit(url.strip())
        if parts.scheme not in {"http", "https"} or not parts.hostname:
            _say(f"error: --url expects a web address such as https://baochinhphu.vn/, got {url!r}")
            return EXIT_SETUP
    settings = _settings(args)
    settings.set("ANTQ_FRONTIER_BACKEND", backend, priority="cmdline")
    if args.impolite_loopback and (problem := _impolite(settings, targets)):
        _say(f"error: {problem}")
        return EXIT_SETUP

    import warnings

    # scrapy-redis 0.9 still passes the spider to the stats collector; nothing for users to act on.
    warnings.filterwarnings("ignore", message=".*'spider' argument.*", module=r"scrapy_redis(\..*)?")

    from scrapy.crawler import Crawler, CrawlerProcess
    from scrapy.spiderloader import SpiderLoader

    from crawler.extensions import BOARD
    from crawler.frontier import CrawlBusy, FrontierUnavailable

    loader = SpiderLoader.from_settings(settings)
    known = set(loader.list())
    unknown = [name for name, _ in targets if name not in known]
    if unknown:
        _say(f"error: unknown source {', '.join(unknown)}; `antq sources` lists the known ones")
        return EXIT_SETUP
    try:
        backend.check(settings.get("ANTQ_DB"))
    except FrontierUnavailable as err:
        _say(f"error: {err}")
        return EXIT_SETUP
    if args.frontier and not args.frontier.startswith(("redis://", "rediss://", "unix://")):
        _say(f"error: --frontier expects redis://HOST:PORT/N, got {args.frontier!r}")
        return EXIT_SETUP
    if args.frontier and (problem := _redis_problem(args.frontier)):
        # Checked here: once Scrapy has started, a refused connection surfaces only as
        # "Engine slot not assigned".
        _say(f"error: cannot reach the Redis frontier {_redacted(args.frontier)}: {problem}")
        return EXIT_SETUP
    BOARD.live = sys.stderr.isatty() and settings.getfloat("ANTQ_PROGRESS_INTERVAL") > 0

    from crawler import reader

    reader.shared(settings.getint("ANTQ_READERS")).start()  # cleaning workers boot while Scrapy does
    process = CrawlerProcess(settings)
    failures: list[str] = []

    def failed(failure, name: str) -> None:  # type: ignore[no-untyped-def]
        if failure.check(CrawlBusy, FrontierUnavailable, ValueError):
            failures.append(f"{name}: {failure.getErrorMessage()}")
        elif failure.check(ConnectionError) or "redis" in type(failure.value).__module__:
            failures.append(f"{name}: cannot reach the Redis frontier {_redacted(args.frontier or '')}: "
                            f"{failure.getErrorMessage()}")  # fmt: skip
        else:
            failures.append(f"{name}: {failure.type.__name__}: {failure.getErrorMessage()}")

    for i, (name, kwargs) in enumerate(targets):
        own = _redis_settings(settings, args.frontier, name, kwargs) if args.frontier else settings.copy()
        _limit_in_flight(own, loader.load(name), kwargs)
        # Each crawler gets its own settings (its own Redis keys); the first installs the reactor.
        crawler = Crawler(loader.load(name), own, init_reactor=i == 0)
        process.crawl(crawler, **kwargs).addErrback(failed, name)
    try:
        process.start()
    finally:
        reader.shutdown()

    summary = BOARD.summary()
    summary["failures"] = failures
    _report(summary)
    if args.summary_json:
        args.summary_json.write_text(json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8")
    return exit_status(summary, failures)


def exit_status(summary: dict[str, Any], failures: list[str]) -> int:
    """The crawl's exit code from its summary (see ``EXIT_FAILED``): gone pages fail nothing."""
    if failures and not summary["runs"]:
        return EXIT_SETUP
    failed_pages = summary["errors"] - summary["outcomes"].get("gone", 0)
    return EXIT_FAILED if failures or failed_pages else 0


def _report(summary: dict[str, Any]) -> None:
    from crawler.extensions import BOARD

    if BOARD.live:
        sys.stderr.write("\r\033[K")
    for failure in summary["failures"]:
        _say(f"error: {failure}")
    if not summary["runs"] and summary["failures"]:
        return
    _say(
        f"crawl: {summary['fetched']} fetched, {summary['kept']} kept, {summary['skipped']} skipped, "
        f"{summary['errors']} errors in {summary['seconds']:.1f} s "
        f"({summary['pages_per_second']:.1f} pages/s)"
    )
    if summary["outcomes"]:
        _say("  outcomes: " + ", ".join(f"{n} {o}" for o, n in summary["outcomes"].items()))
    for run in summary["runs"]:
        if not run["finished"] and run["pending"]:
            _say(
                f"  {run['spider']}: stopped ({run['reason']}) with {run['pending']} pages pending; "
                "run the same command again to resume"
            )
