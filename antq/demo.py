"""``antq demo``: the whole job on the bundled demo site, through the path a real crawl takes.

The demo site (``corpus/demo/site``: article pages, listings, a sitemap, a feed and a
robots.txt) is served on a loopback port; the generic spider crawls it into the store
(only articles about the movement are kept), the extractor runs on what was stored, and
the store is exported as JSON.  Nothing here is a separate toy path.
"""

from __future__ import annotations

import functools
import json
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

DEMO_SITE = Path(__file__).resolve().parents[1] / "corpus" / "demo" / "site"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1 (a free port) for the duration of the block; yields its URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def run_demo(db: str | None, output: Path, console: Any) -> int:
    from sqlmodel import Session

    from antq.crawling import CrawlOptions, crawl
    from antq.pipeline import extract_stored
    from export.writer import StatusFilter, write
    from store.db import StoreError, open_store, resolve_url

    if not DEMO_SITE.is_dir():
        console.print(f"[red]error:[/] the demo site is missing: {DEMO_SITE}")
        return 2
    if not output.parent.is_dir():  # said before the crawl, not after it
        console.print(f"[red]error:[/] cannot write {output}: no such folder {output.parent}")
        return 2
    try:
        engine = open_store(db)
    except StoreError as exc:
        console.print(f"[red]error:[/] {exc}")
        return 2
    console.print(f"database: {resolve_url(db)}")
    with serve_folder(DEMO_SITE) as url, tempfile.TemporaryDirectory() as tmp:
        console.print(f"crawl:    {url} (the demo site, served on loopback)")
        summary_path = Path(tmp) / "summary.json"
        options = CrawlOptions(
            urls=[url], db=db, impolite_loopback=True, progress=False, summary_json=summary_path, fresh=True
        )
        code = crawl(options)  # 1: some pages failed (listed below), the others were stored
        if code not in (0, 1):
            console.print(f"[red]error:[/] the crawl failed (exit {code})")
            return code
        summary = json.loads(summary_path.read_text(encoding="utf-8")) if summary_path.is_file() else {}
    extracted = extract_stored(engine)
    console.print(f"extract:  {extracted.line()}")
    try:
        with Session(engine) as session, output.open("w", encoding="utf-8") as out:
            count = write(session, out, "json", StatusFilter.all)
    except OSError as exc:
        console.print(f"[red]error:[/] cannot write {output}: {exc.strerror or exc}")
        return 2
    console.print(f"export:   {count} articles → {output}")
    for error in extracted.errors + list(summary.get("failures", [])):  # failed pages had their own lines
        console.print(f"  problem: {error}", markup=False)
    console.print("next:     antq serve   (review the records in your browser)")
    return 1 if code or extracted.errors else 0
