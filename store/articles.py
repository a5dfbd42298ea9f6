"""Adding cleaned pages to the store: new article, new revision, or nothing to do."""

from __future__ import annotations

import datetime as dt
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from enum import Enum

from sqlalchemy import bindparam, insert, update
from sqlalchemy.engine import Connection
from sqlmodel import Session, func, select

from clean.page import CleanedPage, FetchedPage
from store.models import Article, Revision, utcnow


class Outcome(str, Enum):
    new = "new"
    revision = "revision"
    unchanged = "unchanged"
    duplicate = "duplicate"


@dataclass(frozen=True)
class AddResult:
    outcome: Outcome
    article_id: int
    revision_id: int


def compress(raw: bytes | None) -> bytes | None:
    return None if raw is None else zlib.compress(raw, 6)


def decompress(blob: bytes | None) -> bytes | None:
    return None if blob is None else zlib.decompress(blob)


VIETNAM = dt.timezone(dt.timedelta(hours=7), "ICT")


def _aware(moment: dt.datetime | None) -> dt.datetime | None:
    """A naive time from a Vietnamese page is local time (UTC+7)."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=VIETNAM)


def add_page(
    session: Session, page: CleanedPage, url: str, fetched_at: dt.datetime | None = None
) -> AddResult:
    """Store ``page`` under canonical ``url``.

    The same content under any URL is stored once; a changed page at a known URL becomes
    a new revision (records of older revisions, and their reviews, are kept).
    """
    digest = page.content_hash
    article = session.exec(select(Article).where(Article.url == url)).first()
    if article is not None:
        same = session.exec(
            select(Revision).where(Revision.article_id == article.id, Revision.content_hash == digest)
        ).first()
        if same is not None:
            return AddResult(Outcome.unchanged, article.id, same.id)  # type: ignore[arg-type]
    else:
        elsewhere = session.exec(select(Revision).where(Revision.content_hash == digest)).first()
        if elsewhere is not None:
            return AddResult(Outcome.duplicate, elsewhere.article_id, elsewhere.id)  # type: ignore[arg-type]
        article = Article(url=url, source=page.source)
        session.add(article)
        session.flush()
    number = (
        session.exec(select(func.max(Revision.number)).where(Revision.article_id == article.id)).one() or 0
    ) + 1
    revision = Revision(
        article_id=article.id,  # type: ignore[arg-type]
        number=number,
        content_hash=digest,
        title=page.title,
        published=page.published,
        published_at=_aware(page.published_at),
        fetched_at=_aware(fetched_at) or utcnow(),
        language=page.language,
        text=page.text,
        raw_html=compress(page.raw),
    )
    session.add(revision)
    session.flush()
    article.current_revision_id = revision.id
    if page.source and not article.source:
        article.source = page.source
    session.add(article)
    session.flush()
    return AddResult(Outcome.new if number == 1 else Outcome.revision, article.id, revision.id)  # type: ignore[arg-type]


@dataclass(eq=False)
class _ArticleRef:
    id: int | None
    url: str
    source: str | None
    new: bool
    number: int | None = None  # highest revision number; None until read
    current: _RevisionRef | None = None


@dataclass(eq=False)
class _RevisionRef:
    article: _ArticleRef
    values: dict = field(default_factory=dict)
    id: int | None = None


_ARTICLE = Article.__table__  # type: ignore[attr-defined]
_REVISION = Revision.__table__  # type: ignore[attr-defined]
_CHUNK = 500  # SQLite caps the parameters of one statement


def _chunks(items: list, size: int = _CHUNK) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def add_pages(session: Session, pages: Sequence[FetchedPage]) -> list[AddResult]:
    """:func:`add_page` for many pages at once, in the caller's transaction; one result per page.

    The result is what calling :func:`add_page` on each page in order would give (a page
    repeating an earlier one of the same batch is ``unchanged`` or ``duplicate``), but the
    store is read with a few ``IN`` queries and written with one multi-row statement per
    table, without ORM objects: the crawler stores its pages this way, a batch per commit,
    at a fraction of the cost of one :func:`add_page` per page.
    """
    if not pages:
        return []
    conn = session.connection()
    articles = _known_articles(conn, list({p.url for p in pages}))
    first_of_hash: dict[str, tuple[_ArticleRef, _RevisionRef]] = {}
    revision_of: dict[tuple[int, str], _RevisionRef] = {}
    _known_revisions(conn, list({p.page.content_hash for p in pages}), articles, first_of_hash, revision_of)

    planned: list[tuple[Outcome | None, _ArticleRef, _RevisionRef]] = []  # None: a revision written
    new_revisions: list[_RevisionRef] = []
    for page, url, fetched_at in pages:
        digest = page.content_hash
        article = articles.get(url)
        if article is not None:
            same = revision_of.get((id(article), digest))
            if same is not None:
                planned.append((Outcome.unchanged, article, same))
                continue
        else:
            elsewhere = first_of_hash.get(digest)
            if elsewhere is not None:
                planned.append((Outcome.duplicate, *elsewhere))
                continue
            article = articles[url] = _ArticleRef(None, url, page.source, new=True, number=0)
        revision = _RevisionRef(article, _revision_values(page, fetched_at))
        revision_of[(id(article), digest)] = revision
        first_of_hash.setdefault(digest, (article, revision))
        new_revisions.append(revision)
        if page.source and not article.source:
            article.source = page.source
        article.current = revision
        planned.append((None, article, revision))

    _number(conn, new_revisions)
    _write(conn, new_revisions)
    return [
        AddResult(
            outcome or (Outcome.new if revision.values["number"] == 1 else Outcome.revision),
            article.id,  # type: ignore[arg-type]
            revision.id,  # type: ignore[arg-type]
        )
        for outcome, article, revision in planned
    ]


def _known_articles(conn: Connection, urls: list[str]) -> dict[str, _ArticleRef]:
    found: dict[str, _ArticleRef] = {}
    columns = (_ARTICLE.c.id, _ARTICLE.c.url, _ARTICLE.c.source)
    for chunk in _chunks(urls):
        for row in conn.execute(select(*columns).where(_ARTICLE.c.url.in_(chunk))):
            found[row.url] = _ArticleRef(row.id, row.url, row.source, new=False)
    return found


def _known_revisions(
    conn: Connection,
    hashes: list[str],
    articles: dict[str, _ArticleRef],
    first_of_hash: dict[str, tuple[_ArticleRef, _RevisionRef]],
    revision_of: dict[tuple[int, str], _RevisionRef],
) -> None:
    """Stored revisions with these contents: the first of each content, and those of ``articles``."""
    by_id = {a.id: a for a in articles.values()}
    columns = (_REVISION.c.id, _REVISION.c.article_id, _REVISION.c.content_hash)
    for chunk in _chunks(hashes):
        query = select(*columns).where(_REVISION.c.content_hash.in_(chunk)).order_by(_REVISION.c.id)
        for row in conn.execute(query):
            article = by_id.get(row.article_id) or _ArticleRef(row.article_id, "", None, new=False)
            revision = _RevisionRef(article, id=row.id)
            first_of_hash.setdefault(row.content_hash, (article, revision))
            if row.article_id in by_id:
                revision_of[(id(article), row.content_hash)] = revision


def _revision_values(page: CleanedPage, fetched_at: dt.datetime | None) -> dict:
    return {
        "content_hash": page.content_hash,
        "title": page.title,
        "published": page.published,
        "published_at": _aware(page.published_at),
        "fetched_at": _aware(fetched_at) or utcnow(),
        "language": page.language,
        "text": page.text,
        "raw_html": compress(page.raw),
    }


def _number(conn: Connection, revisions: list[_RevisionRef]) -> None:
    """Revision numbers: one past the highest stored (or given earlier in the batch) per article."""
    unread = list({r.article.id for r in revisions if r.article.number is None})
    highest: dict[int, int] = {}
    for chunk in _chunks(unread):
        query = (
            select(_REVISION.c.article_id, func.max(_REVISION.c.number))
            .where(_REVISION.c.article_id.in_(chunk))
            .group_by(_REVISION.c.article_id)
        )
        highest.update((article_id, number or 0) for article_id, number in conn.execute(query))
    for revision in revisions:
        article = revision.article
        if article.number is None:
            article.number = highest.get(article.id, 0)  # type: ignore[arg-type]
        article.number += 1
        revision.values["number"] = article.number


def _write(conn: Connection, revisions: list[_RevisionRef]) -> None:
    if not revisions:
        return
    fresh = list({id(r.article): r.article for r in revisions if r.article.new}.values())
    if fresh:
        now = utcnow()
        rows = [{"url": a.url, "source": a.source, "created_at": now} for a in fresh]
        statement = insert(_ARTICLE).returning(_ARTICLE.c.id, sort_by_parameter_order=True)
        for article, (article_id,) in zip(fresh, conn.execute(statement, rows), strict=True):
            article.id = article_id
    rows = [{**r.values, "article_id": r.article.id} for r in revisions]
    statement = insert(_REVISION).returning(_REVISION.c.id, sort_by_parameter_order=True)
    for revision, (revision_id,) in zip(revisions, conn.execute(statement, rows), strict=True):
        revision.id = revision_id
    touched = list({id(r.article): r.article for r in revisions}.values())
    conn.execute(
        update(_ARTICLE)
        .where(_ARTICLE.c.id == bindparam("article_id"))
        .values(current_revision_id=bindparam("revision_id"), source=bindparam("article_source")),
        [
            {"article_id": a.id, "revision_id": a.current.id, "article_source": a.source}  # type: ignore[union-attr]
            for a in touched
        ],
    )


def known_url(session: Session, url: str) -> bool:
    return session.exec(select(Article.id).where(Article.url == url)).first() is not None
