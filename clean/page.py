"""The cleaned page every later stage works from, and the error cleaning raises."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import NamedTuple


class CleaningError(ValueError):
    """A file or page that cannot become an article; ``str()`` is one line for the user."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


@dataclass(frozen=True)
class CleanedPage:
    """Main text, title and publication date of one article.

    ``text`` is NFC-normalised, entities decoded; it starts with the title as its own
    paragraph so evidence may point at the headline too.
    """

    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: dt.date | None = None
    published_at: dt.datetime | None = None
    raw: bytes | None = None
    language: str = "vi"

    @property
    def content_hash(self) -> str:
        """Identity of the content: re-ingesting the same text is a no-op."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


class FetchedPage(NamedTuple):
    """A cleaned page as it arrived: what the crawler hands on and the store adds.

    One type for both sides (``crawler.frontier.Frontier.store`` and ``store.articles.add_pages``)
    so the crawl and the store cannot drift apart on what a fetched page carries.
    """

    page: CleanedPage
    url: str  # the canonical URL the article is stored under
    fetched_at: dt.datetime | None = None
