"""Our own body finder against trafilatura on the real shared pages (read at run time, never copied).

:mod:`clean.html` finds the body itself and calls trafilatura only as a fallback
(:mod:`clean.fallback` says why).  That choice holds only while our text loses nothing
trafilatura finds, so on every shared article page each paragraph of trafilatura's default
extraction (the options of our fallback) must be in our text, unless it is listed in
:data:`NOT_BODY` with the reason it is not article text.  The list is exact: a new
difference, in either direction, fails the test and has to be looked at.

What our text has and trafilatura's lacks is not checked here (it is the lead paragraph on
three pages and photo captions; see :mod:`clean.fallback`).
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from pathlib import Path

import pytest

from clean.encoding import decode
from clean.fallback import trafilatura_paragraphs
from clean.html import clean_html

SHARED_HTML = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "html"

pytestmark = pytest.mark.skipif(
    not (SHARED_HTML / "pages.json").is_file(), reason="shared corpus not present"
)

# Paragraphs trafilatura keeps that ours leaves out, per page: how many, and why none is body text.
NOT_BODY: dict[str, list[str]] = {
    "baochinhphu_article.html": ["the outlet's name in capitals, from the app-download banner of the footer"],
    "cafef_article.html": ["the name of the outlet the article is taken from, in the source credit after it"],
}
_SENTENCE_END = re.compile(r"[.!?…;:][\"”’)]?$")


def _articles() -> list[tuple[str, str]]:
    if not (SHARED_HTML / "pages.json").is_file():
        return []
    pages = json.loads((SHARED_HTML / "pages.json").read_text(encoding="utf-8"))
    return sorted((name, meta["url"]) for name, meta in pages.items() if meta.get("page_type") == "article")


ARTICLES = _articles()


def squeeze(text: str) -> str:
    return " ".join(text.split())


def reads_as_body_text(paragraph: str) -> bool:
    """A sentence, or a line of some length: what an article's body (and its subheadings) is made of.

    Labels, outlet names and menu entries are a few syllables without a full stop.
    """
    return len(paragraph.split()) >= 8 or _SENTENCE_END.search(paragraph) is not None


@cache
def compared(name: str, url: str) -> tuple[str, list[str]]:
    """Our text and trafilatura's paragraphs for one page, both from the same decoded NFC source."""
    html = unicodedata.normalize("NFC", decode((SHARED_HTML / name).read_bytes()))
    return clean_html(html, url=url).text, trafilatura_paragraphs(html, url)


@pytest.mark.parametrize(("name", "url"), ARTICLES, ids=[n for n, _ in ARTICLES])
def test_our_text_holds_every_body_paragraph_trafilatura_finds(name: str, url: str) -> None:
    ours, theirs = compared(name, url)
    assert theirs, "trafilatura found nothing: the comparison would prove nothing"
    missing = [p for p in theirs if squeeze(p) not in squeeze(ours)]
    body = [p for p in missing if reads_as_body_text(p)]
    assert not body, f"trafilatura finds body text that we lose: {body}"
    assert len(missing) == len(NOT_BODY.get(name, [])), f"new difference, explain it in NOT_BODY: {missing}"


@pytest.mark.parametrize(
    ("paragraph", "body"),
    [
        ("BÁO ĐIỆN TỬ TỈNH ĐỒI MÂY", False),
        ("Nhịp sống đô thị", False),
        ("Quyết định có hiệu lực từ ngày 01/4/2026.", True),
        ("Nhiều mô hình hay, cách làm sáng tạo ở cơ sở", True),  # a subheading of the body
        ("Ảnh: Minh Khoa", False),
    ],
)
def test_reads_as_body_text(paragraph: str, body: bool) -> None:
    assert reads_as_body_text(paragraph) is body
