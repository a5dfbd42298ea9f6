"""The cleaner on real saved pages of the shared corpus (read at run time, never copied).

Checks against the expectations shipped with the pages (``pages.json``, the fundus
expected file) and against the golden files written by ``tests/golden/regenerate.py``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from lxml import html as lxml_html

from clean.dates import LOCAL_TZ
from clean.html import clean_html
from clean.load import load_file
from clean.page import CleanedPage, CleaningError
from clean.text import tidy_line

ROOT = Path(__file__).resolve().parents[1]
SHARED_HTML = ROOT.parent / "shared" / "corpus" / "html"
GOLDEN = ROOT / "tests" / "golden" / "clean"
DEMO = ROOT / "corpus" / "demo"

pytestmark = pytest.mark.skipif(
    not (SHARED_HTML / "pages.json").is_file(), reason="shared corpus not present"
)


def _pages(kind: str) -> list[tuple[str, dict]]:
    if not (SHARED_HTML / "pages.json").is_file():
        return []
    pages = json.loads((SHARED_HTML / "pages.json").read_text(encoding="utf-8"))
    return sorted((name, meta) for name, meta in pages.items() if meta.get("page_type") == kind)


ARTICLES = _pages("article")
LISTINGS = _pages("category_list")
_CACHE: dict[str, CleanedPage] = {}


def cleaned(name: str, url: str) -> CleanedPage:
    if name not in _CACHE:
        _CACHE[name] = clean_html((SHARED_HTML / name).read_bytes(), url=url)
    return _CACHE[name]


def expected_time(value: str) -> tuple[dt.datetime, bool]:
    """pages.json times: ISO with or without zone (naive = local time), maybe without seconds."""
    at = dt.datetime.fromisoformat(value)
    if at.tzinfo is None:
        at = at.replace(tzinfo=LOCAL_TZ)
    return at, re.search(r"\d{2}:\d{2}:\d{2}", value) is not None


@pytest.mark.parametrize(("name", "meta"), ARTICLES, ids=[n for n, _ in ARTICLES])
def test_article_page(name: str, meta: dict) -> None:
    page = cleaned(name, meta["url"])
    assert page.title
    if meta.get("title"):
        assert page.title == meta["title"]
    assert page.text.startswith(page.title + "\n\n")
    at, has_seconds = expected_time(meta["published_at"])
    assert page.published_at is not None
    got = page.published_at if has_seconds else page.published_at.replace(second=0)
    assert got == at
    assert page.published == at.astimezone(LOCAL_TZ).date()
    assert page.source == meta["site"]
    for snippet in meta.get("content_contains", []):
        assert snippet in page.text


@pytest.mark.parametrize(("name", "meta"), LISTINGS, ids=[n for n, _ in LISTINGS])
def test_listing_page_is_refused(name: str, meta: dict) -> None:
    with pytest.raises(CleaningError, match="listing"):
        clean_html((SHARED_HTML / name).read_bytes(), url=meta["url"])


def test_vnexpress_expected_paragraphs() -> None:
    expected = json.loads((SHARED_HTML / "vnexpress_2025_10_22.expected.json").read_text(encoding="utf-8"))[
        "V1"
    ]
    meta = dict(ARTICLES)["vnexpress_2025_10_22.html"]
    page = cleaned("vnexpress_2025_10_22.html", meta["url"])
    assert page.title == expected["title"]
    body = expected["body"]
    wanted = body["summary"] + [p for section in body["sections"] for p in section["paragraphs"]]
    paragraphs = page.text.split("\n\n")
    for paragraph in wanted:
        assert paragraph in paragraphs  # whole paragraphs, nothing glued to them
    # Beyond title, paragraphs and the author's signature there is nothing: no teasers, no menu.
    extra = [p for p in paragraphs[1:] if p not in wanted]
    assert extra == expected["authors"]


@pytest.mark.parametrize(("name", "meta"), ARTICLES, ids=[n for n, _ in ARTICLES])
def test_golden(name: str, meta: dict) -> None:
    """Title, dates, the text's ends and the snippets left out, against digests (no real text here)."""
    from tests.golden.regenerate import EDGE, digest, snippet_candidates

    path = GOLDEN / f"{Path(name).stem}.json"
    assert path.is_file(), f"missing golden file: run python tests/golden/regenerate.py ({path.name})"
    golden = json.loads(path.read_text(encoding="utf-8"))
    page = cleaned(name, meta["url"])
    assert digest(page.title or "") == golden["title_sha256"]
    assert (page.published.isoformat() if page.published else None) == golden["published"]
    assert (page.published_at.isoformat() if page.published_at else None) == golden["published_at"]
    assert page.source == golden["source"]
    assert digest(page.text[:EDGE]) == golden["text_start_sha256"]
    assert digest(page.text[-EDGE:]) == golden["text_end_sha256"]
    labels, links = snippet_candidates((SHARED_HTML / name).read_bytes())
    on_page = {digest(text): text for text in labels + links}
    wanted = golden["must_not_contain_sha256"]
    assert wanted and all(d in on_page for d in wanted), "the saved page changed: regenerate the golden files"
    assert [on_page[d] for d in wanted if on_page[d] in page.text] == []


DEMO_PAGES = (
    json.loads((DEMO / "pages.json").read_text(encoding="utf-8")) if (DEMO / "pages.json").is_file() else []
)


@pytest.mark.skipif(not DEMO_PAGES, reason="the demo corpus has no pages.json")
@pytest.mark.parametrize("entry", DEMO_PAGES, ids=[e["path"].rsplit("/", 1)[-1] for e in DEMO_PAGES])
def test_demo_pages(entry: dict) -> None:
    """Demo articles (on- and off-topic) clean to their title and exact date; listings are refused."""
    path = DEMO / "site" / entry["path"].lstrip("/")
    if entry["page_type"] == "listing":
        with pytest.raises(CleaningError, match="listing"):
            load_file(path)
        return
    page = load_file(path)
    assert page.title == entry["title"]
    assert len(page.text) > len(page.title) + 100
    if entry["published_at"] is None:
        assert page.published is None and page.published_at is None
    else:
        at, _ = expected_time(entry["published_at"])
        assert page.published == at.date()
        assert page.published_at is not None and page.published_at.astimezone(LOCAL_TZ) == at


def _required(records: list[dict]) -> list[dict]:
    return [r for r in records if not r.get("optional")]


def gold_strings(gold: dict) -> list[str]:
    """What the required gold records quote from their page: names, posts, places, issuers, units."""
    out: list[str] = []
    for official in _required(gold["officials"]):
        out += [official["name"], *official["positions"]]
    for event in _required(gold["events"]):
        out += [v for k in ("location", "organizer") if (v := event.get(k))]
    for award in _required(gold["awards"]):
        out += [v for v in (award["issuer"], award.get("name"), award.get("presenter")) if v]
        out += award.get("recipients", [])
    out += [figure["unit"] for figure in _required(gold["figures"])]
    return out


DEMO_ARTICLES = [e for e in DEMO_PAGES if e.get("gold")]


@pytest.mark.parametrize(
    "entry", DEMO_ARTICLES, ids=[e["path"].rsplit("/", 1)[-1][:48] for e in DEMO_ARTICLES]
)
def test_demo_text_holds_what_the_gold_quotes(entry: dict) -> None:
    """Every required gold record can be found in the cleaned text: no body paragraph was lost."""
    gold = json.loads((DEMO / entry["gold"]).read_text(encoding="utf-8"))
    text = load_file(DEMO / "site" / entry["path"].lstrip("/")).text.casefold()
    assert [s for s in gold_strings(gold) if s.casefold() not in text] == []


INLINE_BOX_PAGE = "phong-trao-toan-dan/ngay-hoi-toan-dan-bao-ve-an-ninh-to-quoc-o-buon-ko-sir-i776402.html"


@pytest.mark.skipif(
    not (DEMO / "site" / INLINE_BOX_PAGE).is_file(), reason="demo page with an inline box is gone"
)
def test_demo_inline_related_box_keeps_the_body_after_it() -> None:
    """The demo page whose body holds a "Tin liên quan" box keeps every body paragraph around it."""
    path = DEMO / "site" / INLINE_BOX_PAGE
    tree = lxml_html.fromstring(path.read_bytes().decode("utf-8"))
    (body,) = tree.find_class("detail-content-body")
    (box,) = body.find_class("box-related-inline")
    paragraphs = [tidy_line(p.text_content()) for p in body.iter("p") if box not in p.iterancestors()]
    page = load_file(path)
    got = page.text.split("\n\n")
    assert [p for p in paragraphs if p in got] == paragraphs, "a body paragraph is missing or glued"
    assert got[-1] == paragraphs[-1]
    for teaser in box.iter("a"):
        assert tidy_line(teaser.text_content()) not in page.text


_METADATA = (
    re.compile(r"<meta\b[^>]*>", re.IGNORECASE),
    re.compile(r"<script[^>]*ld\+json[^>]*>.*?</script>", re.IGNORECASE | re.DOTALL),
    re.compile(r'itemprop="datePublished"', re.IGNORECASE),
)


@pytest.mark.parametrize(("name", "meta"), ARTICLES, ids=[n for n, _ in ARTICLES])
def test_visible_dateline_without_metadata(name: str, meta: dict) -> None:
    """With every declared date removed, the dateline printed next to the title gives the date."""
    html = (SHARED_HTML / name).read_text(encoding="utf-8")
    for pattern in _METADATA:
        html = pattern.sub("", html)
    page = clean_html(html)
    at, _ = expected_time(meta["published_at"])
    assert page.published == at.date()
    assert page.published_at is not None and page.published_at.replace(second=0) == at.replace(second=0)
    if meta.get("title"):
        assert page.title == meta["title"]
