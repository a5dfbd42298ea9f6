"""Saving extracted records and finding what still needs extracting."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from sqlalchemy import and_, exists
from sqlmodel import Session, select

from extract.records import Extraction
from store.models import ROW_CLASSES, Article, ExtractionRun, Revision


def pending_revisions(session: Session, rulesets: Sequence[str], batch: int = 200) -> Iterator[Revision]:
    """Current revisions not yet extracted by every rule set in ``rulesets``, oldest first."""
    last_id = 0
    while True:
        missing = [
            ~exists().where(and_(ExtractionRun.revision_id == Revision.id, ExtractionRun.ruleset == name))
            for name in rulesets
        ]
        from sqlalchemy import or_

        query = (
            select(Revision)
            .join(Article, Article.current_revision_id == Revision.id)
            .where(Revision.id > last_id, or_(*missing))
            .order_by(Revision.id)
            .limit(batch)
        )
        rows = session.exec(query).all()
        if not rows:
            return
        yield from rows
        last_id = rows[-1].id  # type: ignore[assignment]


def done_rulesets(session: Session, revision_id: int) -> set[str]:
    return set(session.exec(select(ExtractionRun.ruleset).where(ExtractionRun.revision_id == revision_id)))


def save_extraction(
    session: Session, revision: Revision, extraction: Extraction, rulesets: dict[str, str]
) -> int:
    """Store the records of kinds whose rule set has not run on this revision yet.

    Records from older rule-set versions, and their reviews, are left untouched.
    Returns the number of records added.
    """
    done = done_rulesets(session, revision.id)  # type: ignore[arg-type]
    added = 0
    for kind, row_class in ROW_CLASSES.items():
        name = rulesets[kind]
        if name in done:
            continue
        records = getattr(extraction, kind)
        for record in records:
            data = record.model_dump(mode="python")
            data["evidence"] = record.evidence
            row = row_class(**data, article_id=revision.article_id, revision_id=revision.id)
            session.add(row)
        session.add(ExtractionRun(revision_id=revision.id, ruleset=name, records=len(records)))  # type: ignore[arg-type]
        added += len(records)
    session.flush()
    return added
