"""Run every record kind's extractor over one article.

Each kind lives in its own package (``extract/officials/`` ...) exposing
``extract(document, ruleset) -> list[Record]``; this module composes them, in the order
that lets later kinds reuse earlier ones (awards name presenters found as officials).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from importlib import import_module

from extract import ruleset as rulesets
from extract.document import Document
from extract.records import ArticleInfo, Extraction, RecordBase

KINDS: tuple[str, ...] = ("officials", "figures", "awards", "events")

Extractor = Callable[..., list[RecordBase]]


def current_rulesets() -> dict[str, str]:
    """The rule-set name each kind uses now (the newest version on disk)."""
    return {kind: rulesets.latest(kind) for kind in KINDS}


def extract_document(
    document: Document,
    article: ArticleInfo,
    versions: Mapping[str, str] | None = None,
) -> Extraction:
    """All records of one article.  ``versions`` picks rule sets by name (default: newest)."""
    chosen = dict(current_rulesets(), **(versions or {}))
    found: dict[str, list[RecordBase]] = {}
    for kind in KINDS:
        module = import_module(f"extract.{kind}")
        found[kind] = module.extract(document, rulesets.load(chosen[kind]), found)
    return Extraction(article=article, **found)


def extract_text(
    text: str,
    published: dt.date | None = None,
    *,
    title: str | None = None,
    article: ArticleInfo | None = None,
    versions: Mapping[str, str] | None = None,
) -> Extraction:
    """Convenience entry point: records of a cleaned text (no store, no HTML)."""
    document = Document(text=text, published=published, title=title)
    info = article or ArticleInfo(id="text", title=title, published=published)
    return extract_document(document, info, versions)
