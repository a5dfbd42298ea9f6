"""Streaming export: articles are read in batches, written one by one, in id order.

Nothing holds the whole database in memory, and the same store always gives the same
bytes (deterministic order, sorted keys inside fixed field order).
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from enum import Enum
from typing import IO, Any

from sqlmodel import Session, col, select

from export.models import EXPORTED, ExportedArticle
from extract.records import ArticleInfo
from store.models import ROW_CLASSES, Article, ReviewStatus, Revision


class StatusFilter(str, Enum):
    accepted = "accepted"
    all = "all"


FORMATS = ("json", "jsonl", "csv")
_ACCEPTED = (ReviewStatus.accepted, ReviewStatus.edited)


def iter_articles(
    session: Session, status: StatusFilter = StatusFilter.all, batch: int = 200
) -> Iterator[ExportedArticle]:
    """Export objects for every article (current revision), oldest first."""
    last_id = 0
    while True:
        rows = session.exec(
            select(Article, Revision)
            .join(Revision, Revision.id == Article.current_revision_id)
            .where(Article.id > last_id)
            .order_by(Article.id)
            .limit(batch)
        ).all()
        if not rows:
            return
        revision_ids = [rev.id for _, rev in rows]
        per_revision: dict[int, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
        for kind, row_class in ROW_CLASSES.items():
            query = select(row_class).where(col(row_class.revision_id).in_(revision_ids))
            if status is StatusFilter.accepted:
                query = query.where(col(row_class.status).in_(_ACCEPTED))
            for row in session.exec(query.order_by(row_class.id)):
                per_revision[row.revision_id][kind].append(row)
        for article, revision in rows:
            records = per_revision.get(revision.id, {})  # type: ignore[arg-type]
            yield ExportedArticle(
                article=ArticleInfo(
                    id=str(article.id),
                    url=article.url,
                    title=revision.title,
                    published=revision.published,
                    source=article.source,
                ),
                **{
                    kind: [
                        EXPORTED[kind].model_validate(row, from_attributes=True)
                        for row in records.get(kind, [])
                    ]
                    for kind in ROW_CLASSES
                },
            )
        session.expunge_all()
        last_id = rows[-1][0].id  # type: ignore[assignment]


def _dump(article: ExportedArticle) -> str:
    return json.dumps(article.model_dump(mode="json"), ensure_ascii=False)


CSV_COLUMNS = [
    "article_id", "url", "title", "published", "source", "kind", "record_id", "status", "confidence",
    "rule", "ruleset", "evidence", "evidence_start", "evidence_end",
    "name", "rank", "positions",
    "value", "total", "figure_kind", "qualifier", "unit", "head",
    "type", "award_name", "issuer", "recipients", "recipient_count", "recipient_kind", "presenter",
    "date", "location", "organizer", "period",
]  # fmt: skip


def _csv_rows(article: ExportedArticle) -> Iterator[dict[str, Any]]:
    info = article.article
    for kind in ROW_CLASSES:
        for record in getattr(article, kind):
            data = record.model_dump(mode="json")
            evidence = data.pop("evidence")
            row = {
                "article_id": info.id, "url": info.url, "title": info.title,
                "published": info.published.isoformat() if info.published else None,
                "source": info.source, "kind": kind, "record_id": data.pop("id"),
                "evidence": evidence["text"],
                "evidence_start": evidence["start"], "evidence_end": evidence["end"],
            }  # fmt: skip
            if kind == "figures":
                data["figure_kind"] = data.pop("kind")
            if kind == "awards":
                data["award_name"] = data.pop("name")
            for key, value in data.items():
                if key in CSV_COLUMNS:
                    row[key] = "; ".join(value) if isinstance(value, list) else value
            yield row


def write_articles(articles: Iterable[ExportedArticle], out: IO[str], fmt: str = "json") -> int:
    """Write the given export articles in ``fmt``; returns how many were written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    count = 0
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        for article in articles:
            writer.writerows(_csv_rows(article))
            count += 1
        return count
    if fmt == "json":
        out.write("[")
    for article in articles:
        if fmt == "json":
            out.write(",\n" if count else "\n")
        out.write(_dump(article))
        if fmt == "jsonl":
            out.write("\n")
        count += 1
    if fmt == "json":
        out.write("\n]\n" if count else "]\n")
    return count


def write(session: Session, out: IO[str], fmt: str = "json", status: StatusFilter = StatusFilter.all) -> int:
    """Write the whole store's export to ``out``; returns the number of articles written."""
    return write_articles(iter_articles(session, status), out, fmt)
