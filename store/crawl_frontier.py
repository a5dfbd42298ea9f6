"""The crawl's memory in the store: which URLs to visit, which are done, what each one was.

This is the store-backed implementation of the crawler's frontier protocol
(:class:`crawler.frontier.Frontier`); ``antq crawl`` hands :data:`BACKEND` to the crawler
(:mod:`antq.crawling`), so the crawler itself never imports the store.

Why the store and not Scrapy's ``JOBDIR``: Scrapy writes its disk queue's state and its
seen-set only on a clean shutdown, so a SIGKILL loses them.  Here every page's outcome is
committed with the page itself (the article, its fetch state and its frontier row in the same
transaction), and the links a page yields are committed no later than that page's row, so a
crawl restarted after any kill re-visits exactly the pages that were not done, and stores none
twice.  Writes are batched (a few dozen pages per transaction, none waiting more than
``ANTQ_BATCH_SECONDS``): one transaction per page cost more than fetching the page.  With a
Redis frontier the request queue lives in Redis, but this table still says what is done, so
several processes share one crawl and resume it the same way (they commit every page at once).
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import time
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from sqlalchemy import and_, bindparam, event, func, or_, text, update
from sqlalchemy import select as sa_select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError
from sqlmodel import Session, select

from clean.page import FetchedPage
from crawler.frontier import (
    ERRORS,
    SETTLED,
    CrawlBusy,
    CrawlSpec,
    Fetch,
    FrontierUnavailable,
    Link,
    Outcome,
    Visit,
    aware,
)
from store.articles import add_pages
from store.crawl_state import DONE, PENDING, Crawl, CrawlRun, FrontierEntry, UrlState
from store.db import StoreError, open_store, transaction
from store.models import utcnow

STALE_AFTER = dt.timedelta(seconds=60)  # a run silent this long is taken for dead
DEAD_RUNS_TTL = 5.0  # seconds between re-reading which runs are dead


def _sqlite_normal_sync(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


@cache
def store_engine(db: str | None) -> Engine:
    """One engine per process, shared by every crawler in it (migrations run once).

    On SQLite the crawler commits with ``synchronous=NORMAL``: in WAL mode a commit then
    survives the process being killed (the write is in the operating system's hands), and
    only a power cut may lose the last commits, which leaves a consistent store whose
    frontier simply fetches those pages again.  A full sync per page (~5 ms here) would
    cap the crawl near 100 pages/s.
    """
    for attempt in range(3):
        try:
            engine = open_store(db)
            break
        except StoreError:
            # Processes starting together on a new database race to create its schema; the
            # loser's migration rolled back, and a second look finds the schema in place.
            if attempt == 2:
                raise
            time.sleep(0.5 + attempt)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_normal_sync)
        engine.dispose()  # connections opened by the migration step get the pragma too
    return engine


class StoreBackend:
    """Opens :class:`StoreFrontier` frontiers in the store at a database URL (a
    :class:`crawler.frontier.FrontierBackend`); stateless, engines are shared per process."""

    def check(self, location: str | None) -> None:
        self._engine(location)

    def frontier(self, location: str | None, spec: CrawlSpec, on_outcome: Outcome | None) -> StoreFrontier:
        return StoreFrontier(
            engine=self._engine(location),
            key=spec.key,
            spider=spec.spider,
            distributed=spec.distributed,
            frontier_label=spec.label,
            revalidate_after=spec.revalidate_after,
            on_outcome=on_outcome,
            batch_size=spec.batch_size,
        )

    @staticmethod
    def _engine(location: str | None) -> Engine:
        try:
            return store_engine(location)
        except StoreError as err:
            raise FrontierUnavailable(str(err)) from err


BACKEND = StoreBackend()


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _insert(engine: Engine):  # type: ignore[no-untyped-def]
    if engine.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert


# What the store made of an article, as the frontier records it.
OUTCOMES = {"new": "stored", "revision": "revised", "unchanged": "unchanged", "duplicate": "duplicate"}

_FRONTIER = FrontierEntry.__table__  # type: ignore[attr-defined]
_URLS = UrlState.__table__  # type: ignore[attr-defined]
# Queries built once: a link's planning runs on nearly every page, and building a statement
# costs more than SQLite answering it.  What planning needs to know about a URL (Frontier._plan):
_STATES = sa_select(
    _URLS.c.url,
    _URLS.c.kind,
    _URLS.c.outcome,
    _URLS.c.etag,
    _URLS.c.last_modified,
    _URLS.c.sitemap_lastmod,
    _URLS.c.last_fetched,
).where(_URLS.c.url.in_(bindparam("urls", expanding=True)))
_QUEUED = sa_select(_FRONTIER.c.url).where(
    _FRONTIER.c.crawl_id == bindparam("crawl"), _FRONTIER.c.url.in_(bindparam("urls", expanding=True))
)
_SETTLED = sa_select(_URLS.c.url).where(
    _URLS.c.url.in_(bindparam("urls", expanding=True)),
    _URLS.c.kind == "article",
    _URLS.c.outcome.in_(sorted(SETTLED)),
)


@dataclass
class _Insert:
    """New frontier rows: the links one page yielded."""

    rows: list[dict[str, Any]]
    inserted: dict[str, str] = field(default_factory=dict)  # url → status, when written through


@dataclass
class _Finish:
    """A URL done, with what the server said about it."""

    url: str
    outcome: str
    fetch: Fetch | None
    detail: str
    at: dt.datetime


@dataclass
class _Store:
    """An article to store; its frontier row is finished with what the store made of it."""

    page: FetchedPage
    url: str  # the frontier URL
    fetch: Fetch
    at: dt.datetime


_Op = _Insert | _Finish | _Store


@dataclass
class StoreFrontier:
    """One process's handle on one crawl (``key``) in the store (a :class:`crawler.frontier.Frontier`).

    Writes wait in memory and are committed together, ``batch_size`` finished pages per
    transaction (or sooner, when the spider calls :meth:`flush` on its timer): the links a page
    yielded, the page's article and its frontier row are always in the same commit or a later
    one than the rows they depend on, in the order they were made.  A kill loses only the
    uncommitted pages, whose rows are still pending: the next run fetches them again and the
    store, which looks before it writes, keeps each article once.  A shared crawl
    (``distributed``) writes through: its peers must see a row before they claim it.
    """

    engine: Engine
    key: str
    spider: str
    distributed: bool = False
    frontier_label: str = "store"
    revalidate_after: dt.timedelta = dt.timedelta(hours=24)
    on_outcome: Outcome | None = None
    batch_size: int = 1  # finished pages per commit; 1 commits every page at once
    crawl_id: int = 0
    run_id: int = 0
    resumed: bool = False
    host: str = field(default_factory=socket.gethostname)
    pid: int = field(default_factory=os.getpid)
    _dead: tuple[float, frozenset[int]] = (0.0, frozenset())
    _queued: set[str] = field(default_factory=set)  # URLs this process knows are in the frontier
    _done: set[str] = field(default_factory=set)  # URLs this process marked done
    _ops: list[_Op] = field(default_factory=list)  # writes not committed yet, in order
    _waiting: int = 0  # finished pages among them
    _unsaved: set[str] = field(default_factory=set)  # URLs whose fetch state is among them

    @property
    def write_through(self) -> bool:
        return self.distributed or self.batch_size <= 1

    # -- opening and closing ---------------------------------------------------------------
    def open(self, seeds: Iterable[Link], fresh: bool = False) -> list[Visit]:
        """Join the unfinished crawl of this key, or start one; returns the visits to make now."""
        for _attempt in range(3):
            try:
                with transaction(self.engine) as session:
                    self._open(session, fresh)
                break
            except IntegrityError:  # another process opened the same crawl a moment ago
                fresh = False
                continue
        self.add(seeds)
        return self.pending(claimable_only=self.distributed)

    def _open(self, session: Session, fresh: bool) -> None:
        crawl = session.exec(select(Crawl).where(Crawl.open_key == self.key)).first()
        if crawl is not None and fresh:
            crawl.open_key, crawl.finished_at, crawl.outcome = None, utcnow(), "abandoned"
            session.add(crawl)
            session.flush()
            crawl = None
        self.resumed = crawl is not None
        if crawl is None:
            crawl = Crawl(key=self.key, open_key=self.key)
            session.add(crawl)
            session.flush()
        elif not self.distributed:
            busy = self._live_runs(session, crawl.id)  # type: ignore[arg-type]
            if busy:
                run = busy[0]
                raise CrawlBusy(
                    f"another antq crawl (pid {run.pid} on {run.host}) is running this crawl; wait for it "
                    "to end, or share the crawl between processes with --frontier redis://HOST:PORT/N"
                )
        run = CrawlRun(
            crawl_id=crawl.id,  # type: ignore[arg-type]
            spider=self.spider,
            host=self.host,
            pid=self.pid,
            frontier=self.frontier_label,
        )
        session.add(run)
        session.flush()
        self.crawl_id, self.run_id = crawl.id, run.id  # type: ignore[assignment]

    def _live_runs(self, session: Session, crawl_id: int) -> list[CrawlRun]:
        runs = session.exec(
            select(CrawlRun).where(CrawlRun.crawl_id == crawl_id, CrawlRun.finished_at.is_(None))  # type: ignore[union-attr]
        ).all()
        return [r for r in runs if r.id != self.run_id and not self._is_dead(r)]

    def _is_dead(self, run: CrawlRun) -> bool:
        if run.finished_at is not None:
            return True
        if run.host == self.host:
            return not _pid_alive(run.pid) or run.pid == self.pid
        beat = aware(run.heartbeat_at) or utcnow()
        return utcnow() - beat > STALE_AFTER

    def heartbeat(self) -> None:
        with transaction(self.engine) as session:
            session.exec(update(CrawlRun).where(CrawlRun.id == self.run_id).values(heartbeat_at=utcnow()))  # type: ignore[call-overload]

    def close(self, reason: str, stats: dict, deliberate: bool) -> bool:
        """Record this run; finish the crawl when nothing is pending (or the stop was deliberate).

        Returns whether the crawl is finished (False: the next run of the same crawl resumes it).
        """
        self.flush()
        with transaction(self.engine) as session:
            run = session.get(CrawlRun, self.run_id)
            if run is not None:
                run.finished_at, run.reason, run.stats = utcnow(), reason, stats
                session.add(run)
            crawl = session.get(Crawl, self.crawl_id)
            left = self._count_pending(session)
            others = self._live_runs(session, self.crawl_id)
            # Nothing left: finished, whoever else is still closing.  Stopped on purpose with pages
            # left: finished unless peers are still working on them.
            finished = crawl is not None and (left == 0 or (deliberate and not others))
            if finished and crawl is not None:
                crawl.open_key, crawl.finished_at, crawl.outcome = None, utcnow(), reason
                session.add(crawl)
        return finished

    # -- the queue -----------------------------------------------------------------------
    def _count_pending(self, session: Session) -> int:
        return session.exec(
            select(func.count()).where(
                FrontierEntry.crawl_id == self.crawl_id, FrontierEntry.status == PENDING
            )
        ).one()

    def pending(self, claimable_only: bool = False) -> list[Visit]:
        self.flush()
        with Session(self.engine) as session:
            query = select(FrontierEntry).where(
                FrontierEntry.crawl_id == self.crawl_id, FrontierEntry.status == PENDING
            )
            if claimable_only:
                query = query.where(self._claimable())
            rows = session.exec(query.order_by(FrontierEntry.priority.desc(), FrontierEntry.id)).all()  # type: ignore[attr-defined]
        return [Visit(r.url, r.kind, r.priority, r.depth, aware(r.lastmod), r.headers) for r in rows]

    def pending_count(self) -> int:
        self.flush()
        with Session(self.engine) as session:
            return self._count_pending(session)

    def add(self, links: Iterable[Link], parent: tuple[str, Fetch, str] | None = None) -> list[Visit]:
        """Queue the links this crawl has not seen; returns those to request now.

        A stored article is not queued for download again unless its sitemap ``lastmod`` is
        newer than what antq has, or its validators are older than ``revalidate_after`` (then it
        is re-checked with a conditional request).  ``parent`` = (url, fetch, outcome) marks the
        page the links came from as done in the same transaction.
        """
        unique: dict[str, Link] = {}
        for link in links:
            if link.url in self._queued:  # queued by this process already: no need to ask the store
                continue
            if link.url not in unique or (link.lastmod and not unique[link.url].lastmod):
                unique[link.url] = link
        if not unique and parent is None:
            return []
        insert: _Insert | None = None
        visits: list[Visit] = []
        if unique:
            if not self._unsaved.isdisjoint(unique):
                self.flush()  # what this process learned about these URLs must be readable
            insert, visits = self._plan_rows(unique)
            self._ops.append(insert)
            self._queued.update(unique)
        if parent is not None:
            self._finish(parent[0], parent[2], parent[1], "")
        self._maybe_flush()
        if self.write_through and insert is not None:
            # Shared with peers: request only what this process inserted (a peer requests the rest).
            visits = [v for v in visits if insert.inserted.get(v.url) == PENDING]
        return visits

    def _plan_rows(self, unique: dict[str, Link]) -> tuple[_Insert, list[Visit]]:
        urls = list(unique)
        queued: set[str] = set()
        states: dict[str, Any] = {}
        known = self._with_state(urls)
        if known or self.resumed or self.distributed:
            with self.engine.connect() as conn:
                for chunk in _chunks(urls, 500):
                    if self.resumed or self.distributed:  # else every row of this crawl is in _queued
                        queued.update(
                            conn.execute(_QUEUED, {"crawl": self.crawl_id, "urls": chunk}).scalars()
                        )
                for chunk in _chunks(sorted(known), 500):
                    states.update((row.url, row) for row in conn.execute(_STATES, {"urls": chunk}))
        now = utcnow()
        rows = []
        visits = []
        for url in urls:
            if url in queued:
                continue
            link = unique[url]
            fetch, headers = self._plan(link, states.get(url), now)
            lastmod = aware(link.lastmod)
            rows.append(
                {
                    "crawl_id": self.crawl_id,
                    "url": url,
                    "kind": link.kind,
                    "depth": link.depth,
                    "priority": link.priority,
                    "lastmod": lastmod,
                    "headers": headers,
                    "status": PENDING if fetch else DONE,
                    "outcome": None if fetch else "known",
                    "updated_at": now,
                }
            )
            if fetch:
                visits.append(Visit(url, link.kind, link.priority, link.depth, lastmod, headers))
        return _Insert(rows), visits

    def _with_state(self, urls: list[str]) -> set[str]:
        """Those of ``urls`` antq has a fetch state for, asked with a bare DB-API query.

        Nearly every page brings a link this process has not seen; through SQLAlchemy, asking
        the store about it costs ten times what SQLite takes to answer.  Usually the answer is
        "none of them", and only the URLs found are read in full (``_STATES``).
        """
        mark = "?" if self.engine.dialect.paramstyle == "qmark" else "%s"
        found: set[str] = set()
        raw = self.engine.raw_connection()
        try:
            cursor = raw.cursor()
            for chunk in _chunks(urls, 500):
                marks = ", ".join([mark] * len(chunk))
                cursor.execute(f"SELECT url FROM {_URLS.name} WHERE url IN ({marks})", chunk)
                found.update(row[0] for row in cursor.fetchall())
            cursor.close()
        finally:
            raw.close()  # back to the pool, which ends the read transaction
        return found

    def _plan(self, link: Link, state: Any, now: dt.datetime) -> tuple[bool, dict[str, str] | None]:
        """(fetch?, conditional headers) for a link, from what antq knows about its URL (a crawl_url row)."""
        if state is not None and state.outcome == "gone" and link.lastmod is None:
            return False, None  # a 404/410 is not asked again unless a sitemap lists it anew
        if state is None or state.kind != "article" or state.outcome not in SETTLED:
            return True, None
        headers = {}
        if state.etag:
            headers["If-None-Match"] = state.etag
        if state.last_modified:
            headers["If-Modified-Since"] = state.last_modified
        lastmod = aware(link.lastmod)
        if lastmod is not None:
            seen = aware(state.sitemap_lastmod) or aware(state.last_fetched)
            return (seen is None or lastmod > seen), headers or None
        fetched = aware(state.last_fetched)
        stale = fetched is None or now - fetched >= self.revalidate_after
        return bool(headers) and stale, headers or None

    def settled_articles(self, urls: Iterable[str]) -> set[str]:
        """Those of ``urls`` that antq holds as articles it need not fetch again."""
        wanted = set(urls)
        if not self._unsaved.isdisjoint(wanted):
            self.flush()
        found: set[str] = set()
        with self.engine.connect() as conn:
            for chunk in _chunks(list(wanted), 500):
                found.update(conn.execute(_SETTLED, {"urls": chunk}).scalars())
        return found

    # -- claiming and finishing ------------------------------------------------------------
    def _dead_runs(self) -> frozenset[int]:
        at, dead = self._dead
        if time.monotonic() - at < DEAD_RUNS_TTL:
            return dead
        with Session(self.engine) as session:
            runs = session.exec(select(CrawlRun).where(CrawlRun.crawl_id == self.crawl_id)).all()
        dead = frozenset(r.id for r in runs if r.id != self.run_id and self._is_dead(r))  # type: ignore[misc]
        self._dead = (time.monotonic(), dead)
        return dead

    def _claimable(self):  # type: ignore[no-untyped-def]
        return or_(
            FrontierEntry.run_id.is_(None),  # type: ignore[union-attr]
            FrontierEntry.run_id == self.run_id,
            FrontierEntry.run_id.in_(self._dead_runs()),  # type: ignore[union-attr]
        )

    def claim(self, url: str) -> bool:
        """Take a pending URL for this process; False when it is done or another live process has it."""
        if not self.distributed:  # only this process writes the crawl: its own memory is the truth
            return url not in self._done
        with transaction(self.engine) as session:
            result = session.exec(
                update(FrontierEntry)  # type: ignore[call-overload]
                .where(and_(FrontierEntry.crawl_id == self.crawl_id, FrontierEntry.url == url))
                .where(FrontierEntry.status == PENDING)
                .where(self._claimable())
                .values(run_id=self.run_id, updated_at=utcnow())
            )
            return result.rowcount > 0

    def done(self, url: str, outcome: str, fetch: Fetch | None = None, detail: str = "") -> None:
        """Mark ``url`` done with ``outcome`` and remember what the server said (committed with the batch)."""
        self._finish(url, outcome, fetch, detail)
        self._maybe_flush()

    def store(self, page: FetchedPage, url: str, fetch: Fetch) -> None:
        """Store an article (``store.articles.add_pages``) and mark its frontier ``url`` done, in one commit.

        The outcome (stored, revised, unchanged, duplicate) is reported when the batch is committed.
        """
        self._done.update((url, *fetch.also))
        self._unsaved.update((url, *fetch.also, *fetch.aliases))
        self._ops.append(_Store(page, url, fetch, utcnow()))
        self._waiting += 1
        self._maybe_flush()

    def _finish(self, url: str, outcome: str, fetch: Fetch | None, detail: str) -> None:
        # A declared canonical URL (an alias) is not done for claims: a request for it already on
        # its way is still fetched once, and so gets its own validators.
        self._done.update((url, *(fetch.also if fetch else ())))
        if fetch is not None:
            self._unsaved.update((url, *fetch.also, *fetch.aliases))
        self._ops.append(_Finish(url, outcome, fetch, detail, utcnow()))
        self._waiting += 1

    # -- committing ------------------------------------------------------------------------
    def _maybe_flush(self) -> None:
        if self.write_through or self._waiting >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        """Commit the waiting writes in one transaction, then report their outcomes.

        When the batch fails (a page the database refuses), each write is tried on its own, and a
        page that still fails is recorded as an ``error`` instead of holding up the others.
        """
        if not self._ops:
            return
        ops, self._ops, self._waiting = self._ops, [], 0
        reports: list[tuple[str, str, str]] = []
        try:
            try:
                reports = self._write(ops)
            except SQLAlchemyError:
                for i, op in enumerate(ops):  # find the page that spoils the batch
                    try:
                        reports += self._write_alone(op)
                    except SQLAlchemyError:  # the store itself fails: the rest waits for the next try
                        self._ops[:0] = ops[i:]
                        self._waiting += sum(not isinstance(o, _Insert) for o in ops[i:])
                        raise
        finally:
            if not self._ops:
                self._unsaved.clear()
            for report in reports:  # what was committed, whatever happened to the rest
                self._report(*report)

    def _write_alone(self, op: _Op) -> list[tuple[str, str, str]]:
        try:
            return self._write([op])
        except SQLAlchemyError as err:
            if not isinstance(op, _Store):
                raise
            detail = f"cannot store the article: {type(err).__name__}: {err.args[0] if err.args else err}"
            return self._write([_Finish(op.url, "error", Fetch(), detail[:500], op.at)])

    def _write(self, ops: list[_Op]) -> list[tuple[str, str, str]]:
        for attempt in range(3):
            try:
                with transaction(self.engine) as session:
                    return self._apply(session, ops)
            except (IntegrityError, OperationalError):
                # Another process stored the same URL or content a moment ago (shared crawl), or
                # SQLite was busy: the retry sees its commit and ends as unchanged/duplicate.
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def _apply(self, session: Session, ops: list[_Op]) -> list[tuple[str, str, str]]:
        conn = session.connection()
        reports: list[tuple[str, str, str]] = []
        inserts = [op for op in ops if isinstance(op, _Insert)]
        if inserts:
            self._insert_rows(conn, inserts)
            for op in inserts:
                for row in op.rows:
                    if row["status"] == DONE and (not self.write_through or row["url"] in op.inserted):
                        reports.append((row["url"], "known", "stored before and unchanged since"))
        stores = [op for op in ops if isinstance(op, _Store)]
        results = {}
        if stores:
            _serialise(conn, stores)
            results = dict(zip(map(id, stores), add_pages(session, [op.page for op in stores]), strict=True))
        finishes = []
        for op in ops:
            if isinstance(op, _Store):
                result = results[id(op)]
                fetch = replace(op.fetch, article_id=result.article_id)
                outcome = OUTCOMES[result.outcome.value]
                finishes.append(_Finish(op.url, outcome, fetch, f"article {result.article_id}", op.at))
            elif isinstance(op, _Finish):
                finishes.append(op)
        if finishes:
            self._finish_rows(conn, finishes)
            self._remember_rows(conn, finishes)
            reports += [(f.url, f.outcome, f.detail) for f in finishes]
        return reports

    def _insert_rows(self, conn: Connection, inserts: list[_Insert]) -> None:
        rows = [row for op in inserts for row in op.rows]
        if not rows:
            return
        statement = _insert(self.engine)(_FRONTIER).on_conflict_do_nothing(index_elements=["crawl_id", "url"])
        if not self.write_through:
            conn.execute(statement, rows)
            return
        inserted = dict(conn.execute(statement.returning(_FRONTIER.c.url, _FRONTIER.c.status), rows).all())
        for op in inserts:
            op.inserted = {row["url"]: inserted[row["url"]] for row in op.rows if row["url"] in inserted}

    def _finish_rows(self, conn: Connection, finishes: list[_Finish]) -> None:
        statement = (
            update(_FRONTIER)
            .where(
                _FRONTIER.c.crawl_id == self.crawl_id,
                _FRONTIER.c.url == bindparam("done_url"),
                _FRONTIER.c.status == PENDING,
            )
            .values(
                status=DONE,
                outcome=bindparam("done_outcome"),
                run_id=self.run_id,
                updated_at=bindparam("done_at"),
            )
        )
        conn.execute(
            statement,
            [
                {"done_url": url, "done_outcome": f.outcome, "done_at": f.at}
                for f in finishes
                for url in (f.url, *((*f.fetch.also, *f.fetch.aliases) if f.fetch else ()))
            ],
        )

    def _remember_rows(self, conn: Connection, finishes: list[_Finish]) -> None:
        """Upsert the fetch state of every URL, runs of rows of one shape per statement, in order.

        An alias (the page's declared canonical URL) gets a state only when it has none: what the
        server said about the fetched URL (its validators) is not what it would say about the alias.
        """
        run: list[dict[str, Any]] = []
        shape: tuple[tuple[str, ...], bool, bool] | None = None
        for f in finishes:
            if f.fetch is None:
                continue
            rows = [(_state_values(url, f.outcome, f.fetch, f.at), False) for url in (f.url, *f.fetch.also)]
            rows += [(_alias_values(url, f.outcome, f.fetch, f.at), True) for url in f.fetch.aliases]
            for values, alias in rows:
                this = (tuple(values), values.get("article_id") is not None, alias)
                if this != shape and run:
                    conn.execute(_state_statement(self.engine.dialect.name, *shape), run)  # type: ignore[misc]
                    run = []
                shape = this
                run.append(values)
        if run:
            conn.execute(_state_statement(self.engine.dialect.name, *shape), run)  # type: ignore[misc]

    def _report(self, url: str, outcome: str, detail: str) -> None:
        if self.on_outcome is not None:
            self.on_outcome(url, outcome, detail)


def _state_values(url: str, outcome: str, fetch: Fetch, now: dt.datetime) -> dict[str, Any]:
    """The crawl_url columns a fetch sets: all of them, only the time for a 304, less for an error."""
    if outcome in ERRORS and fetch.status is None:
        return {"url": url, "outcome": outcome, "last_fetched": now}
    if fetch.status == 304:  # nothing new but the time we asked
        values: dict[str, Any] = {"url": url, "last_fetched": now, "status_code": 304}
    else:
        values = {
            "url": url,
            "outcome": outcome,
            "status_code": fetch.status,
            "last_fetched": now,
            "kind": fetch.kind,
            "etag": fetch.etag,
            "last_modified": fetch.last_modified,
            "article_id": fetch.article_id,
        }
    if fetch.lastmod is not None:
        values["sitemap_lastmod"] = aware(fetch.lastmod)
    return values


@cache
def _state_statement(dialect: str, columns: tuple[str, ...], with_article: bool, alias: bool):  # type: ignore[no-untyped-def]
    """The crawl_url upsert for rows of one shape (built once: building it costs more than running it)."""
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    statement = insert(_URLS)
    if alias:
        return statement.on_conflict_do_nothing(index_elements=["url"])
    changes = {
        k: statement.excluded[k] for k in columns if k != "url" and (k != "article_id" or with_article)
    }
    return statement.on_conflict_do_update(index_elements=["url"], set_=changes)


def _alias_values(url: str, outcome: str, fetch: Fetch, now: dt.datetime) -> dict[str, Any]:
    """What an alias learns from the page that named it: its outcome and article, no validators."""
    return {
        "url": url,
        "outcome": outcome,
        "kind": fetch.kind,
        "article_id": fetch.article_id,
        "last_fetched": now,
    }


def _serialise(conn: Connection, stores: list[_Store]) -> None:
    """On PostgreSQL, make concurrent stores of one URL or one content wait for each other.

    ``add_pages`` looks before it writes; two crawler processes storing the same article
    at the same moment (one under its print URL) would both find nothing and both insert.
    Transaction-scoped advisory locks, taken in a fixed order, make the second one wait and
    then see the first one's article.  SQLite needs none: it has one writer at a time, and a
    stale read makes the write fail and the batch retry.
    """
    if conn.dialect.name != "postgresql":
        return
    keys = {f"url:{op.page.url}" for op in stores} | {f"content:{op.page.page.content_hash}" for op in stores}
    for key in sorted(keys):
        conn.execute(text("select pg_advisory_xact_lock(hashtext(:key))"), {"key": key})


def _chunks(items: list[str], size: int) -> Iterable[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
