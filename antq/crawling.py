"""Crawls wired to the store: ``python -m antq.crawling`` is one crawl process, :func:`crawl` starts one.

The crawler (``crawler/``) knows nothing of the store: :func:`crawler.run.main` takes a frontier
backend, and this module, which may import every stage, hands it the store's
(:data:`store.crawl_frontier.BACKEND`), so the frontier and the kept articles are committed
to the store together.  Scrapy runs on Twisted's reactor, which cannot be started twice in
one process; so every crawl runs in a fresh interpreter (``antq crawl``, ``antq demo`` and the
tests call :func:`crawl`).
"""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Sequence

from crawler.run import CrawlOptions

__all__ = ["CrawlOptions", "crawl", "main"]


def crawl(options: CrawlOptions, *, env: dict[str, str] | None = None) -> int:
    """Run one crawl in a child process and wait for it; returns its exit code.

    Ctrl-C reaches the child too (same process group): it stops gracefully and the crawl can
    be resumed; the parent only waits for it.
    """
    command = [sys.executable, "-m", "antq.crawling", *options.argv()]
    child = subprocess.Popen(command, env=env)
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        return child.wait()
    finally:
        signal.signal(signal.SIGINT, previous)


def main(argv: Sequence[str] | None = None) -> int:
    """One crawl process (the child :func:`crawl` starts), its frontier in the store."""
    from crawler.run import main as run_main
    from store.crawl_frontier import BACKEND

    return run_main(argv, backend=BACKEND)


if __name__ == "__main__":
    sys.exit(main())
