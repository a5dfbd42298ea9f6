"""Adding cleaned pages to the store: new article, new revision, or nothing to do."""

from __future__ import annotations

import datetime as dt
import zlib
from dataclasses import dataclass
from enum import Enum

from sqlmodel import Session, func, select

from clean.page import CleanedPage
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


def known_url(session: Session, url: str) -> bool:
    return session.exec(select(Article.id).where(Article.url == url)).first() is not None
