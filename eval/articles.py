"""Article texts for evaluation and benchmarks, read through the cleaning stage.

``clean.load.load_file`` is the project's one way to turn a saved ``.txt``/``.html`` into a
:class:`~clean.page.CleanedPage`; the evaluation must see exactly what production sees, so
it has no reader of its own.
"""

from __future__ import annotations

from pathlib import Path

from clean.load import load_file
from clean.page import CleanedPage

# Tried in this order for a gold stem; the first that exists is the article.
TEXT_SUFFIXES: tuple[str, ...] = (".txt", ".html", ".htm", ".html.gz")


def find_text(text_dir: Path, stem: str) -> Path | None:
    """The article file for a gold stem: ``<stem>.txt`` first, then the saved HTML page.

    Looked up beside the gold first, then anywhere below ``text_dir`` (a saved site keeps
    its pages in section folders).
    """
    for suffix in TEXT_SUFFIXES:
        candidate = text_dir / f"{stem}{suffix}"
        if candidate.is_file():
            return candidate
    for suffix in TEXT_SUFFIXES:
        for candidate in sorted(text_dir.rglob(f"{stem}{suffix}")):
            if candidate.is_file():
                return candidate
    return None


def is_article_file(path: Path) -> bool:
    return path.is_file() and path.name.lower().endswith(TEXT_SUFFIXES)


def load_article(path: Path) -> CleanedPage:
    """The cleaned page of a saved article file, as the cleaning stage produces it."""
    return load_file(path)
