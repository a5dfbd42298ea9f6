"""Jobs that compose the stages: ingest files, extract stored articles, extract files.

Each job reports per item through a callback and never stops a batch for one bad
input: every file or article is its own transaction.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import Engine

from clean.page import CleanedPage, CleaningError

Report = Callable[[str, str], None]  # (status, message)


def _quiet(_status: str, _message: str) -> None:
    pass


@dataclass
class JobSummary:
    counts: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)

    def fail(self, message: str, report: Report) -> None:
        """Count and report one item that could not be done; the batch goes on."""
        self.counts["errors"] += 1
        self.errors.append(message)
        report("error", message)

    def line(self) -> str:
        parts = [f"{n} {what}" for what, n in sorted(self.counts.items())]
        return ", ".join(parts) or "nothing to do"


def file_url(path: Path, page: CleanedPage) -> str:
    """The page's own canonical URL when it declares one, else the file's URI."""
    return page.url or path.resolve().as_uri()


def ingest_paths(engine: Engine, paths: Iterable[str | Path], report: Report = _quiet) -> JobSummary:
    """Clean and store every ``.txt``/``.html`` file under ``paths``."""
    from clean.load import iter_paths, load_file
    from store.articles import add_page
    from store.db import transaction

    summary = JobSummary()
    for item in iter_paths(paths):
        if isinstance(item, CleaningError):
            summary.fail(str(item), report)
            continue
        try:
            page = load_file(item)
        except CleaningError as exc:
            summary.fail(str(exc), report)
            continue
        try:
            with transaction(engine) as session:
                result = add_page(session, page, file_url(item, page))
        except Exception as exc:  # the store said no; the batch goes on
            summary.fail(f"{item}: not stored: {exc.__class__.__name__}: {exc}", report)
            continue
        summary.counts[result.outcome.value] += 1
        report(result.outcome.value, f"{item} → article {result.article_id}")
    return summary


def extract_stored(engine: Engine, report: Report = _quiet) -> JobSummary:
    """Extract records for stored articles the current rule sets have not seen."""
    from sqlmodel import Session

    from extract.document import Document
    from extract.pipeline import current_rulesets, extract_document
    from extract.records import ArticleInfo
    from store.db import transaction
    from store.models import Article, Revision
    from store.records import pending_revisions, save_extraction

    rulesets = current_rulesets()
    summary = JobSummary()
    with Session(engine) as reader:
        todo = [(r.id, r.article_id) for r in pending_revisions(reader, list(rulesets.values()))]
    for revision_id, article_id in todo:
        try:
            with transaction(engine) as session:
                revision = session.get(Revision, revision_id)
                article = session.get(Article, article_id)
                if revision is None or article is None:  # deleted since the list was read
                    continue
                document = Document(text=revision.text, published=revision.published, title=revision.title)
                info = ArticleInfo(
                    id=str(article.id), url=article.url, title=revision.title,
                    published=revision.published, source=article.source,
                )  # fmt: skip
                extraction = extract_document(document, info, rulesets)
                added = save_extraction(session, revision, extraction, rulesets)
        except Exception as exc:  # one article's failure must not stop the batch
            summary.fail(f"article {article_id}: extraction failed: {exc.__class__.__name__}: {exc}", report)
            continue
        summary.counts["articles"] += 1
        summary.counts["records"] += added
        report("extracted", f"article {article_id}: {added} records")
    return summary


def extract_files(paths: Iterable[str | Path]) -> Iterator[dict]:
    """One JSON-ready object per input, in input order; a bad input yields an ``error`` object."""
    from clean.load import iter_paths, load_file
    from extract.document import Document
    from extract.pipeline import extract_document
    from extract.records import ArticleInfo

    for item in iter_paths(paths):
        if isinstance(item, CleaningError):
            yield {"article": {"id": item.source}, "error": item.reason}
            continue
        try:
            page = load_file(item)
        except CleaningError as exc:
            yield {"article": {"id": str(item)}, "error": exc.reason}
            continue
        info = ArticleInfo(
            id=Path(item).name.split(".")[0], url=page.url, title=page.title,
            published=page.published, source=page.source,
        )  # fmt: skip
        document = Document(text=page.text, published=page.published, title=page.title)
        try:
            extraction = extract_document(document, info)
        except Exception as exc:  # one file's failure must not stop the batch
            reason = f"extraction failed: {exc.__class__.__name__}: {exc}"
            yield {"article": {"id": str(item)}, "error": reason}
            continue
        yield extraction.model_dump(mode="json")
