"""Cleaning benchmark: pages/s and peak memory over real saved pages and the demo site.

Run: ``.venv/bin/python bench/cleaning.py [--repeat N]``.  Prints figures, asserts nothing.

The timed rounds run without tracemalloc (it slows allocation-heavy code such as lxml and
trafilatura about threefold) and after one warm-up page (the cleaner imports trafilatura on
first use); a last, separate round under tracemalloc measures the peak of Python allocations.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
import tracemalloc
from pathlib import Path

from clean.html import clean_html
from clean.page import CleaningError

ROOT = Path(__file__).resolve().parents[1]
SHARED_HTML = ROOT.parent / "shared" / "corpus" / "html"
DEMO_SITE = ROOT / "corpus" / "demo" / "site"


def pages() -> list[tuple[str, bytes]]:
    found: list[tuple[str, bytes]] = []
    if (SHARED_HTML / "pages.json").is_file():
        meta = json.loads((SHARED_HTML / "pages.json").read_text(encoding="utf-8"))
        found += [(name, (SHARED_HTML / name).read_bytes()) for name in sorted(meta)]
    found += [(str(p.relative_to(DEMO_SITE)), p.read_bytes()) for p in sorted(DEMO_SITE.rglob("*.html"))]
    return found


def clean_all(data: list[tuple[str, bytes]]) -> tuple[int, int]:
    """Clean every page once; (articles, refused)."""
    articles = refused = 0
    for _name, raw in data:
        try:
            clean_html(raw)
            articles += 1
        except CleaningError:
            refused += 1
    return articles, refused


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    data = pages()
    size = sum(len(raw) for _, raw in data)
    clean_all(data[:1])  # warm-up: imports done, not timed
    articles = refused = 0
    start = time.perf_counter()
    cpu = time.process_time()
    for _ in range(args.repeat):
        cleaned, skipped = clean_all(data)
        articles, refused = articles + cleaned, refused + skipped
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    tracemalloc.start()
    clean_all(data)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    n = len(data) * args.repeat
    print(f"pages: {len(data)} ({size / len(data) / 1024:.0f} KB mean), {args.repeat} rounds")
    print(f"cleaned {articles}, refused (listings) {refused}")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    mb_s = size * args.repeat / wall / 1e6
    print(f"throughput: {n / wall:.1f} pages/s wall, {n / cpu:.1f} pages/s CPU, {mb_s:.1f} MB/s")
    print(f"peak memory: tracemalloc {peak / 1e6:.1f} MB (one round), RSS {rss:.0f} MB")


if __name__ == "__main__":
    main()
