"""``antq demo``: the whole job on the bundled demo corpus, through the same functions a
real run uses (ingest → extract → store → export)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

DEMO_SITE = Path(__file__).resolve().parents[1] / "corpus" / "demo" / "site"


def run_demo(db: str | None, output: Path, console: Any) -> int:
    from sqlmodel import Session

    from antq.pipeline import extract_stored, ingest_paths
    from export.writer import StatusFilter, write
    from store.db import open_store, resolve_url

    if not DEMO_SITE.is_dir():
        console.print(f"[red]error:[/] the demo corpus is missing: {DEMO_SITE}")
        return 2
    engine = open_store(db)
    console.print(f"database: {resolve_url(db)}")
    ingested = ingest_paths(engine, [DEMO_SITE])
    console.print(f"ingest:   {ingested.line()}")
    extracted = extract_stored(engine)
    console.print(f"extract:  {extracted.line()}")
    with Session(engine) as session, output.open("w", encoding="utf-8") as out:
        count = write(session, out, "json", StatusFilter.all)
    console.print(f"export:   {count} articles → {output}")
    for error in ingested.errors + extracted.errors:
        console.print(f"  skipped {error}", markup=False)
    return 0
