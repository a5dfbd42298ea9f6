"""The crawl's memory in the store: which URLs to visit, which are done, what each one was.

Why the store and not Scrapy's ``JOBDIR``: Scrapy writes its disk queue's state and its
seen-set only on a clean shutdown, so a SIGKILL loses them.  Here every page's outcome is
committed with the page itself (the article, its fetch state and its frontier row in one
transaction), and the links a page yields are committed with that page's row, so a crawl
restarted after any kill re-visits exactly the pages that were not done, and stores none
twice.  With a Redis frontier the request queue lives in Redis, but this table still says
what is done, so several processes share one crawl and resume it the same way.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache

from sqlalchemy import and_, event, or_, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from store.crawl_state import DONE, PENDING, Crawl, CrawlRun, FrontierEntry, UrlState
from store.db import StoreError, open_store, transaction
from store.models import utcnow

VIETNAM = dt.timezone(dt.timedelta(hours=7), "ICT")
STALE_AFTER = dt.timedelta(seconds=60)  # a run silent this long is taken for dead
DEAD_RUNS_TTL = 5.0  # seconds between re-reading which runs are dead

# What became of a page.  The progress line and the summary count these groups.
KEPT = frozenset({"stored", "revised"})
SKIPPED = frozenset(
    {"unchanged", "duplicate", "off_topic", "not_article", "not_modified", "known", "robots", "offsite",
     "filtered", "absent", "hub"}
)  # fmt: skip
ERRORS = frozenset({"gave_up", "gone", "http_error", "error"})
# An article with one of these outcomes is not downloaded again unless something says it changed.
SETTLED = frozenset(
    {"stored", "revised", "unchanged", "duplicate", "off_topic", "not_article", "not_modified"}
)

Outcome = Callable[[str, str, str], None]  # (url, outcome, detail)


class CrawlBusy(RuntimeError):
    """Another live process is running the same crawl without a shared frontier."""


@dataclass(frozen=True)
class Link:
    """A URL a page points at, already canonical, with the role the crawler expects it to play."""

    url: str
    kind: str  # robots, sitemap, feed, listing, article, page
    priority: int = 0
    depth: int = 0
    lastmod: dt.datetime | None = None


@dataclass(frozen=True)
class Visit:
    """A URL to request now, with the conditional headers that make a re-check cheap."""

    url: str
    kind: str
    priority: int
    depth: int
    lastmod: dt.datetime | None
    headers: dict[str, str] | None


@dataclass
class Fetch:
    """What the server said about a URL: status and validators."""

    status: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    lastmod: dt.datetime | None = None
    kind: str | None = None  # article or hub
    article_id: int | None = None
    also: tuple[str, ...] = ()  # other spellings reached (a redirect's target)


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


def aware(moment: dt.datetime | None) -> dt.datetime | None:
    """Sitemap and feed times without a zone are Vietnamese local time."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=VIETNAM)


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


@dataclass
class Frontier:
    """One process's handle on one crawl (``key``) in the store."""

    engine: Engine
    key: str
    spider: str
    distributed: bool = False
    frontier_label: str = "store"
    revalidate_after: dt.timedelta = dt.timedelta(hours=24)
    on_outcome: Outcome | None = None
    crawl_id: int = 0
    run_id: int = 0
    resumed: bool = False
    host: str = field(default_factory=socket.gethostname)
    pid: int = field(default_factory=os.getpid)
    _dead: tuple[float, frozenset[int]] = (0.0, frozenset())
    _queued: set[str] = field(default_factory=set)  # URLs this process knows are in the frontier
    _done: set[str] = field(default_factory=set)  # URLs this process marked done

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
        rows = session.exec(
            select(FrontierEntry.id).where(
                FrontierEntry.crawl_id == self.crawl_id, FrontierEntry.status == PENDING
            )
        ).all()
        return len(rows)

    def pending(self, claimable_only: bool = False) -> list[Visit]:
        with Session(self.engine) as session:
            query = select(FrontierEntry).where(
                FrontierEntry.crawl_id == self.crawl_id, FrontierEntry.status == PENDING
            )
            if claimable_only:
                query = query.where(self._claimable())
            rows = session.exec(query.order_by(FrontierEntry.priority.desc(), FrontierEntry.id)).all()  # type: ignore[attr-defined]
        return [Visit(r.url, r.kind, r.priority, r.depth, aware(r.lastmod), r.headers) for r in rows]

    def pending_count(self) -> int:
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
        visits: list[Visit] = []
        with transaction(self.engine) as session:
            if unique:
                visits = self._add(session, unique)
            if parent is not None:
                self.finish(session, parent[0], parent[2], parent[1])
        self._queued.update(unique)
        return visits

    def _add(self, session: Session, unique: dict[str, Link]) -> list[Visit]:
        urls = list(unique)
        queued: set[str] = set()
        states: dict[str, UrlState] = {}
        for chunk in _chunks(urls, 500):
            queued.update(
                session.exec(
                    select(FrontierEntry.url).where(
                        FrontierEntry.crawl_id == self.crawl_id,
                        FrontierEntry.url.in_(chunk),  # type: ignore[attr-defined]
                    )
                ).all()
            )
            states.update(
                (s.url, s)
                for s in session.exec(select(UrlState).where(UrlState.url.in_(chunk))).all()  # type: ignore[attr-defined]
            )
        now = utcnow()
        rows = []
        for url in urls:
            if url in queued:
                continue
            link = unique[url]
            fetch, headers = self._plan(link, states.get(url), now)
            rows.append(
                {
                    "crawl_id": self.crawl_id,
                    "url": url,
                    "kind": link.kind,
                    "depth": link.depth,
                    "priority": link.priority,
                    "lastmod": aware(link.lastmod),
                    "headers": headers,
                    "status": PENDING if fetch else DONE,
                    "outcome": None if fetch else "known",
                    "updated_at": now,
                }
            )
        if not rows:
            return []
        insert = _insert(self.engine)
        inserted: dict[str, str] = {}
        for start in range(0, len(rows), 500):  # SQLite caps the parameters of one statement
            statement = (
                insert(FrontierEntry)
                .values(rows[start : start + 500])
                .on_conflict_do_nothing(index_elements=["crawl_id", "url"])
                .returning(FrontierEntry.url, FrontierEntry.status)  # type: ignore[arg-type]
            )
            inserted.update((u, s) for u, s in session.execute(statement).all())
        visits = []
        for row in rows:
            status = inserted.get(row["url"])
            if status == PENDING:
                visits.append(
                    Visit(
                        row["url"], row["kind"], row["priority"], row["depth"], row["lastmod"], row["headers"]
                    )
                )
            elif status == DONE:
                self._report(row["url"], "known", "stored before and unchanged since")
        return visits

    def _plan(
        self, link: Link, state: UrlState | None, now: dt.datetime
    ) -> tuple[bool, dict[str, str] | None]:
        """(fetch?, conditional headers) for a link, from what antq knows about its URL."""
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

    def finish(
        self, session: Session, url: str, outcome: str, fetch: Fetch | None = None, detail: str = ""
    ) -> None:
        """Mark ``url`` done with ``outcome`` and remember what the server said, in ``session``."""
        now = utcnow()
        urls = (url, *(fetch.also if fetch else ()))
        self._done.update(urls)
        session.exec(
            update(FrontierEntry)  # type: ignore[call-overload]
            .where(FrontierEntry.crawl_id == self.crawl_id, FrontierEntry.url.in_(urls))  # type: ignore[attr-defined]
            .where(FrontierEntry.status == PENDING)
            .values(status=DONE, outcome=outcome, run_id=self.run_id, updated_at=now)
        )
        if fetch is not None:
            for each in urls:
                self._remember(session, each, outcome, fetch, now)
        self._report(url, outcome, detail)

    def done(self, url: str, outcome: str, fetch: Fetch | None = None, detail: str = "") -> None:
        with transaction(self.engine) as session:
            self.finish(session, url, outcome, fetch, detail)

    def _remember(self, session: Session, url: str, outcome: str, fetch: Fetch, now: dt.datetime) -> None:
        values = {
            "url": url,
            "outcome": outcome,
            "status_code": fetch.status,
            "last_fetched": now,
        }
        if fetch.status == 304:  # nothing new but the time we asked
            values = {"url": url, "last_fetched": now, "status_code": 304}
        else:
            values.update(
                kind=fetch.kind,
                etag=fetch.etag,
                last_modified=fetch.last_modified,
                article_id=fetch.article_id,
            )
        if fetch.lastmod is not None:
            values["sitemap_lastmod"] = aware(fetch.lastmod)
        if outcome in ERRORS and fetch.status is None:
            values = {"url": url, "outcome": outcome, "last_fetched": now}
        insert = _insert(self.engine)
        statement = insert(UrlState).values(values)
        changes = {k: statement.excluded[k] for k in values if k != "url"}
        if values.get("article_id") is None:
            changes.pop("article_id", None)
        session.exec(statement.on_conflict_do_update(index_elements=["url"], set_=changes))  # type: ignore[call-overload]

    def _report(self, url: str, outcome: str, detail: str) -> None:
        if self.on_outcome is not None:
            self.on_outcome(url, outcome, detail)


def _chunks(items: list[str], size: int) -> Iterable[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
