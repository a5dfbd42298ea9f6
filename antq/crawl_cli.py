"""``antq crawl`` and ``antq sources``: thin commands over :mod:`antq.crawling` and :mod:`crawler`.

Registered in :mod:`antq.cli`.  Scrapy and the store are imported inside the commands, and
the crawl itself runs in a child process (Twisted's reactor cannot restart in one process).
"""

from __future__ import annotations

from typing import Annotated

import typer


def crawl(
    sources: Annotated[
        list[str] | None,
        typer.Argument(
            help="Known sources to crawl (see `antq sources`); NAME:ARG passes ARG, e.g. congan:hanoi."
        ),
    ] = None,
    url: Annotated[
        list[str] | None, typer.Option("--url", help="Crawl any news site from this URL (repeatable).")
    ] = None,
    max_pages: Annotated[
        int | None, typer.Option("--max-pages", min=1, help="Stop after this many pages.")
    ] = None,
    db: Annotated[
        str | None,
        typer.Option("--db", help="Database URL (default: $ANTQ_DB, else sqlite:///antq.db here)."),
    ] = None,
    extract: Annotated[
        bool, typer.Option("--extract", help="Extract records from the new articles afterwards.")
    ] = False,
    frontier: Annotated[
        str | None,
        typer.Option(
            "--frontier", help="redis://HOST:PORT/N: share the crawl between processes and machines."
        ),
    ] = None,
    fresh: Annotated[
        bool, typer.Option("--fresh", help="Start over instead of resuming an unfinished crawl.")
    ] = False,
    progress: Annotated[bool, typer.Option("--progress/--no-progress", help="Live progress line.")] = True,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="A line per URL and what became of it.")
    ] = False,
    setting: Annotated[
        list[str] | None, typer.Option("--set", metavar="NAME=VALUE", help="Override a Scrapy setting.")
    ] = None,
) -> None:
    """Crawl news sites into the store: only articles about the movement are kept.

    Polite by default (robots.txt, one request at a time per site, AutoThrottle).  A crawl
    stopped by Ctrl-C or killed resumes where it was when the same command runs again; a
    later crawl downloads only what is new or changed.  Exits 1 when some pages failed
    (gone, gave up, HTTP errors, not stored: each on an error line, counted in the summary).
    """
    from antq.crawling import CrawlOptions
    from antq.crawling import crawl as run_crawl

    if not sources and not url:
        raise typer.BadParameter("give --url URL or source names (`antq sources` lists them)")
    overrides: dict[str, str] = {}
    for item in setting or []:
        name, sep, value = item.partition("=")
        if not sep:
            raise typer.BadParameter(f"--set expects NAME=VALUE, got {item!r}")
        overrides[name.strip()] = value
    options = CrawlOptions(
        urls=list(url or []),
        sources=list(sources or []),
        db=db,
        max_pages=max_pages,
        frontier=frontier,
        fresh=fresh,
        progress=progress,
        verbose=verbose,
        settings=overrides,
    )
    code = run_crawl(options)  # 0 all pages done, 1 some pages failed, 2 the crawl could not start
    if code not in (0, 1):
        raise typer.Exit(code)
    if extract:
        from rich.console import Console

        from antq.pipeline import extract_stored
        from store.db import StoreError, open_store

        console = Console(stderr=True, highlight=False, soft_wrap=True)
        try:
            engine = open_store(db)
        except StoreError as exc:
            console.print(f"[red]error:[/] {exc}")
            raise typer.Exit(2) from None
        summary = extract_stored(engine, _errors_to(console))
        console.print(f"extract: {summary.line()}")
        if summary.errors:
            code = 1
    if code:
        raise typer.Exit(code)


def _errors_to(console):  # type: ignore[no-untyped-def]
    def report(status: str, message: str) -> None:
        if status == "error":
            console.print(f"[red]error:[/] {message}")

    return report


def sources() -> None:
    """List the known sources: name, what it is, its sites, and how it is read."""
    from rich.console import Console
    from rich.table import Table

    from crawler.sources import catalogue

    table = Table(title="Sources for `antq crawl NAME`", show_lines=False)
    table.add_column("name", style="bold")
    table.add_column("source")
    table.add_column("sites")
    table.add_column("reads")
    for entry in catalogue():
        table.add_row(entry.name, entry.title, entry.sites, entry.reads)
    Console().print(table)
