"""Downloads: the dataset, and the events a timeline shows, in the export's own formats.

Both go through ``export.writer`` so a download has the bytes ``antq export`` would write:
the whole store through ``write``; a timeline's events as export articles holding only those
events, through ``write_articles``.  The file is written to
a spooled temporary file (memory up to a few MB, then disk) and streamed from there.
"""

from __future__ import annotations

import io
import tempfile
from collections.abc import Iterable, Iterator
from typing import IO

from export.models import ExportedArticle, ExportedEvent
from extract.records import ArticleInfo
from review.timeline import TimelineEvent
from store.models import EventRow

MEDIA_TYPES = {"json": "application/json", "jsonl": "application/x-ndjson", "csv": "text/csv"}
CHUNK = 64 * 1024


def timeline_articles(pairs: Iterable[tuple[TimelineEvent, EventRow]]) -> Iterator[ExportedArticle]:
    """The shown events grouped by article, in the order they are shown."""
    by_article: dict[int, ExportedArticle] = {}
    for event, row in pairs:
        article = by_article.get(event.article_id)
        if article is None:
            info = ArticleInfo(
                id=str(event.article_id),
                url=event.url,
                title=event.title,
                published=event.published,
                source=event.source,
            )
            article = by_article[event.article_id] = ExportedArticle(article=info)
        article.events.append(ExportedEvent.model_validate(row, from_attributes=True))
    yield from by_article.values()


def spooled() -> tuple[IO[bytes], IO[str]]:
    raw = tempfile.SpooledTemporaryFile(max_size=4 * 1024 * 1024)
    text = io.TextIOWrapper(raw, encoding="utf-8", newline="", write_through=True)  # type: ignore[arg-type]
    return raw, text


def stream(raw: IO[bytes]) -> Iterator[bytes]:
    """Read the spooled file from the start in chunks, closing it at the end."""
    try:
        raw.seek(0)
        while chunk := raw.read(CHUNK):
            yield chunk
    finally:
        raw.close()
