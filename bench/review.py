"""Response times of the review app on a store of 100,000 records.

Run: ``.venv/bin/python bench/review.py [--records 100000] [--db sqlite:///path] [--repeat 15]``.

It fills a store with invented articles (``review.sample``: ~8 records per article) once and
keeps it (default ``$TMPDIR/antq-bench-review-<records>.db``; building 100,000 records takes a few
minutes), then asks each route ``--repeat`` times through the ASGI app in process (routing,
templates, JSON encoding included; no network) and prints the median and worst time per route
in milliseconds.  It asserts nothing; the target is < 200 ms for queue pages and the figure
check.  On PostgreSQL it runs ANALYZE first, as autovacuum would on a store in use.
``figures after a change`` is the figure check right after a review action, when its
per-process summary is rebuilt.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

# Run as a script, this file's folder comes first on sys.path; keep the project's packages first.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

from fastapi.testclient import TestClient  # noqa: E402
from sqlmodel import Session, col, func, select  # noqa: E402

from review.app import create_app  # noqa: E402
from review.sample import fill  # noqa: E402
from review.settings import Settings  # noqa: E402
from store.db import open_store, resolve_url, transaction  # noqa: E402
from store.models import ROW_CLASSES, Article, FigureRow  # noqa: E402
from store.users import add_user, verify  # noqa: E402

USER, PASSWORD = "bench", "bench-password"


def records_in(engine) -> int:  # type: ignore[no-untyped-def]
    with Session(engine) as session:
        return sum(session.exec(select(func.count()).select_from(row)).one() for row in ROW_CLASSES.values())


def prepare(db: str, records: int) -> None:
    engine = open_store(db)
    began = time.perf_counter()
    while (have := records_in(engine)) < records:
        with Session(engine) as session:
            start = session.exec(select(func.count()).select_from(Article)).one()
        print(f"filling {db}: {have} records, adding about {records - have} ...", flush=True)
        # ~7.5 records per invented article; the seed continues after the articles already there
        fill(engine, max(1, (records - have) * 2 // 15), seed=1000 + start)
    print(f"  {records_in(engine)} records ({time.perf_counter() - began:.0f} s to fill)", flush=True)
    with transaction(engine) as session:
        if verify(session, USER, PASSWORD) is None:
            add_user(session, USER, PASSWORD, "reviewer")
    if engine.dialect.name == "postgresql":
        # A store that has been in use has planner statistics (autovacuum keeps them); a bulk
        # load a moment ago may not yet, and the planner then guesses badly for filtered queues.
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("ANALYZE")
    engine.dispose()


def timed(client: TestClient, url: str, repeat: int) -> tuple[float, float, int]:
    times = []
    status = 0
    for _ in range(repeat):
        began = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - began) * 1000)
        status = response.status_code
    return statistics.median(times), max(times), status


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--db", default=None, help="database URL (default: a kept SQLite file in $TMPDIR)")
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    db = args.db or f"sqlite:///{Path(tempfile.gettempdir()) / f'antq-bench-review-{args.records}.db'}"
    prepare(db, args.records)

    client = TestClient(create_app(Settings(db=db, secret_key="bench", page_size=50)))
    login = client.post("/api/session", json={"name": USER, "password": PASSWORD})
    token = login.json()["csrf_token"]
    engine = client.app.state.engine  # type: ignore[attr-defined]
    with Session(engine) as session:
        total = records_in(engine)
        source = session.exec(select(Article.source).where(col(Article.source).is_not(None))).first()
        figure = session.exec(select(FigureRow).order_by(col(FigureRow.id).desc())).first()
    deep = client.get("/api/records?limit=200").json()
    cursor = deep["next"]
    for _ in range(20):  # walk ~4,000 records in, for a deep page
        page = client.get(f"/api/records?limit=200&after={cursor}").json()
        cursor = page["next"] or cursor
    routes = [
        ("queue, page 1", "/queue"),
        ("queue, figures only", "/queue?kind=figures"),
        ("queue, deep page (~4,000 in)", f"/queue?after={cursor}"),
        ("queue, one province", "/queue?province=old:08"),
        ("queue, one province, events", "/queue?kind=events&province=new:08"),
        ("queue, one source", f"/queue?source={source}"),
        ("queue, date range + confidence", "/queue?date_from=2024-01-01&date_to=2024-06-30&min_conf=0.8"),
        ("queue, accepted", "/queue?status=accepted"),
        ("api records", "/api/records"),
        ("record page", f"/records/figures/{figure.id}"),  # type: ignore[union-attr]
        ("figure check", "/figures"),
        ("figure check, one province", "/figures?province=old:08"),
        ("api figures", "/api/figures"),
        ("timeline, one province", "/timeline?province=old:08"),
        ("timeline, whole store", "/timeline"),
    ]
    print(f"{total} records, {resolve_url(db).split(':')[0]}, median and worst of {args.repeat} (ms):")
    began = time.perf_counter()
    client.get("/figures")  # the first request of a process builds the figure summary
    first = (time.perf_counter() - began) * 1000
    for name, url in routes:
        median, worst, status = timed(client, url, args.repeat)
        flag = "" if status == 200 else f"  (HTTP {status})"
        print(f"  {name:34s} {median:7.1f} {worst:7.1f}{flag}")
    rebuilds = []
    for _ in range(5):
        with Session(engine) as session:
            row = session.exec(select(FigureRow).where(FigureRow.status == "pending")).first()
        client.post(
            f"/api/records/figures/{row.id}/accept",
            json={"version": row.version},  # type: ignore[union-attr]
            headers={"X-CSRF-Token": token},
        )
        began = time.perf_counter()
        client.get("/figures")
        rebuilds.append((time.perf_counter() - began) * 1000)
    print(f"  {'figures after a change':34s} {statistics.median(rebuilds):7.1f} {max(rebuilds):7.1f}")
    print(f"  {'figure check, first of a process':34s} {first:7.1f}  (once per process: reads every figure)")


if __name__ == "__main__":
    main()
