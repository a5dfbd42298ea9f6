"""Database tables.  Record tables derive from the record classes in ``extract.records``,
so a record's fields are declared once; here they gain identity, article links and the
review state an editor changes.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any

from sqlalchemy import JSON, Index, LargeBinary, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from extract.records import Award, Event, Figure, Official


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class ReviewStatus(str, Enum):
    pending = "pending"
    accepted = "accepted"
    rejected = "rejected"
    edited = "edited"


class Article(SQLModel, table=True):
    """One article, identified by its canonical URL; its content lives in revisions."""

    id: int | None = Field(default=None, primary_key=True)
    url: str = Field(unique=True, index=True, max_length=2048)
    source: str | None = Field(default=None, index=True, max_length=255)
    created_at: dt.datetime = Field(default_factory=utcnow)
    current_revision_id: int | None = Field(default=None, index=True)


class Revision(SQLModel, table=True):
    """A version of an article's content; a changed page adds one, never overwrites."""

    __table_args__ = (UniqueConstraint("article_id", "content_hash", name="uq_revision_content"),)

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    number: int = 1
    content_hash: str = Field(index=True, max_length=64)
    title: str | None = Field(default=None, sa_type=Text)
    published: dt.date | None = Field(default=None, index=True)
    published_at: dt.datetime | None = None
    fetched_at: dt.datetime = Field(default_factory=utcnow)
    language: str = Field(default="vi", max_length=16)
    text: str = Field(sa_type=Text)
    raw_html: bytes | None = Field(default=None, sa_type=LargeBinary, description="zlib-compressed original")


class StoredRecord(SQLModel):
    """Columns every stored record has besides its kind's fields."""

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    revision_id: int = Field(foreign_key="revision.id", index=True)
    status: ReviewStatus = Field(default=ReviewStatus.pending, index=True)
    version: int = Field(default=1, description="Bumped on every change; guards concurrent edits.")
    created_at: dt.datetime = Field(default_factory=utcnow)
    updated_at: dt.datetime = Field(default_factory=utcnow)


class OfficialRow(StoredRecord, Official, table=True):
    __tablename__ = "official"


class FigureRow(StoredRecord, Figure, table=True):
    __tablename__ = "figure"


class AwardRow(StoredRecord, Award, table=True):
    __tablename__ = "award"


class EventRow(StoredRecord, Event, table=True):
    __tablename__ = "event"


ROW_CLASSES: dict[str, type[StoredRecord]] = {
    "officials": OfficialRow,
    "figures": FigureRow,
    "awards": AwardRow,
    "events": EventRow,
}


class ExtractionRun(SQLModel, table=True):
    """Marks a revision as extracted by one rule-set version, even when it found nothing."""

    __tablename__ = "extraction_run"
    __table_args__ = (UniqueConstraint("revision_id", "ruleset", name="uq_extraction_run"),)

    id: int | None = Field(default=None, primary_key=True)
    revision_id: int = Field(foreign_key="revision.id", index=True)
    ruleset: str = Field(max_length=64)
    records: int = 0
    at: dt.datetime = Field(default_factory=utcnow)


class AuditEntry(SQLModel, table=True):
    """Who changed which record when, and what it was before and after."""

    __tablename__ = "audit_entry"
    __table_args__ = (Index("ix_audit_record", "record_kind", "record_id"),)

    id: int | None = Field(default=None, primary_key=True)
    record_kind: str = Field(max_length=16)
    record_id: int
    action: str = Field(max_length=16)
    actor: str = Field(max_length=128)
    at: dt.datetime = Field(default_factory=utcnow)
    before: dict[str, Any] | None = Field(default=None, sa_type=JSON)
    after: dict[str, Any] | None = Field(default=None, sa_type=JSON)
