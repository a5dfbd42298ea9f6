"""The demo corpus is well formed: what pages.json promises exists, links resolve, gold matches its page.

The corpus is both the input of ``antq demo`` and the site the crawler tests serve, so a broken
link, a gold record that names someone absent from the page, or a windows-1258 page saved as
UTF-8 would make those tests fail for the wrong reason.  These checks read the files only.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re
import unicodedata
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime
from functools import cache
from pathlib import Path
from types import ModuleType
from urllib.robotparser import RobotFileParser

import lxml.html
import pytest

DEMO = Path(__file__).resolve().parents[1] / "corpus" / "demo"
SITE = DEMO / "site"
PAGE_TYPES = {"article", "listing", "offtopic"}
EVENT_TYPES = {"ngay_hoi", "tong_ket", "so_ket", "trien_khai", "khac"}
FIGURE_KINDS = {"count", "percent", "ratio", "money"}
QUALIFIERS = {"over", "under", "approx"}
RECIPIENT_KINDS = {"individual", "collective"}
# ANNOTATION.md's award classes; a Party badge ("Huy hiệu") only ever as an optional record.
AWARD_TYPES = {
    "Huân chương",
    "Huy chương",
    "Kỷ niệm chương",
    "Bằng khen",
    "Giấy khen",
    "Cờ thi đua",
    "Khen thưởng",
}
RANKS = {
    "Thiếu úy",
    "Trung úy",
    "Thượng úy",
    "Đại úy",
    "Thiếu tá",
    "Trung tá",
    "Thượng tá",
    "Đại tá",
    "Thiếu tướng",
    "Trung tướng",
    "Thượng tướng",
    "Đại tướng",
}
GOLD_KEYS = {"id", "url", "published", "events", "officials", "figures", "awards"}
GOLD_OPTIONAL_KEYS = {"models", "not_officials", "not_figures", "not_awards", "notes"}
RECORD_KEYS = {
    "events": ({"type", "date", "location"}, {"period", "organizer", "optional"}),
    "officials": ({"name", "rank", "positions"}, {"optional"}),
    "figures": ({"value", "kind", "head", "unit"}, {"total", "qualifier", "optional"}),
    "awards": (
        {"type", "issuer"},
        {"name", "recipients", "recipient_count", "recipient_kind", "presenter", "optional"},
    ),
}
NUMBER_WORDS = {
    1: "một",
    2: "hai",
    3: "ba",
    4: "bốn",
    5: "năm",
    6: "sáu",
    7: "bảy",
    8: "tám",
    9: "chín",
    10: "mười",
}
_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)
_DMY = re.compile(r"\b(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\b")


def _pages() -> list[dict]:
    return json.loads((DEMO / "pages.json").read_text(encoding="utf-8"))


PAGES = _pages()
ARTICLES = [p for p in PAGES if p["page_type"] == "article"]
LISTINGS = [p for p in PAGES if p["page_type"] == "listing"]


def _id(page: dict) -> str:
    return Path(page["path"]).stem[:48]


def served(path: str) -> Path:
    return SITE / path.lstrip("/")


@cache
def page_text(path: str) -> str:
    """The decoded page source, NFC, as a reader of the declared (or, failing that, UTF-8) charset sees it."""
    data = served(path).read_bytes()
    match = _DECLARED.search(data[:4096])
    charset = match.group(1).decode("ascii") if match else "utf-8"
    return unicodedata.normalize("NFC", data.decode(charset))


@cache
def page_tree(path: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(page_text(path))


@cache
def visible_text(path: str) -> str:
    tree = page_tree(path)
    for node in tree.xpath("//script|//style"):
        node.drop_tree()
    return unicodedata.normalize("NFC", " ".join(tree.text_content().split()))


def internal_links(path: str) -> set[str]:
    links = {href.split("#")[0] for href in page_tree(path).xpath("//a/@href")}
    return {href for href in links if href.startswith("/") and href.endswith(".html")}


@cache
def robots() -> RobotFileParser:
    parser = RobotFileParser()
    parser.parse((SITE / "robots.txt").read_text(encoding="utf-8").splitlines())
    return parser


@cache
def make_cp1258() -> ModuleType:
    spec = importlib.util.spec_from_file_location("demo_make_cp1258", DEMO / "make_cp1258.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def gold_of(page: dict) -> dict:
    return json.loads((DEMO / page["gold"]).read_text(encoding="utf-8"))


def vn_number(value: float) -> str:
    """A number as Vietnamese news write it: 2.318, 98,5, 4.200."""
    whole, _, decimals = f"{value:.2f}".rstrip("0").rstrip(".").partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return f"{grouped},{decimals}" if decimals else grouped


def renderings(figure: dict) -> set[str]:
    """Ways the page may write a gold figure's number."""
    value = figure["value"]
    if figure["kind"] == "ratio":
        return {f"{vn_number(value)}/{vn_number(figure['total'])}"}
    forms = {vn_number(value)}
    if float(value).is_integer() and int(value) in NUMBER_WORDS:
        forms |= {NUMBER_WORDS[int(value)], f"0{int(value)}"}
    for scale, word in ((1_000_000_000, "tỷ"), (1_000_000, "triệu")):
        if value >= scale:
            forms.add(f"{vn_number(value / scale)} {word}")
    if figure["kind"] == "percent":
        forms = {f"{form}%" for form in forms}
    return forms


def contains(haystack: str, needle: str) -> bool:
    return needle.casefold() in haystack.casefold()


# ---------------------------------------------------------------- pages.json


def test_pages_json_lists_every_html_file_once() -> None:
    paths = [p["path"] for p in PAGES]
    assert len(paths) == len(set(paths)), "a path is listed twice"
    on_disk = {"/" + str(f.relative_to(SITE)) for f in SITE.rglob("*.html")}
    assert set(paths) == on_disk, f"unlisted: {on_disk - set(paths)}, missing: {set(paths) - on_disk}"
    stems = [Path(p).stem for p in paths]
    assert len(stems) == len(set(stems)), "two pages share a file stem (gold files are named by stem)"


def test_corpus_has_the_promised_shape() -> None:
    counts = {kind: sum(p["page_type"] == kind for p in PAGES) for kind in PAGE_TYPES}
    assert counts["article"] >= 14 and counts["offtopic"] >= 2 and counts["listing"] == 2, counts
    charsets = [p["charset"] for p in PAGES]
    assert charsets.count("windows-1258") == 1 and charsets.count(None) == 1, charsets
    assert sum(p["published_at"] is None for p in ARTICLES) >= 1, "no undated article left"
    size = sum(f.stat().st_size for f in DEMO.rglob("*") if f.is_file())
    assert size < 2_000_000, f"the demo corpus grew to {size} bytes"


@pytest.mark.parametrize("page", PAGES, ids=_id)
def test_page_entry_is_well_formed(page: dict) -> None:
    assert page["page_type"] in PAGE_TYPES
    assert page["path"].startswith("/") and page["path"].endswith(".html")
    assert served(page["path"]).is_file()
    assert isinstance(page["title"], str) and page["title"].strip() == page["title"] != ""
    if page["published_at"] is not None:
        when = dt.datetime.fromisoformat(page["published_at"])
        assert when.utcoffset() == dt.timedelta(hours=7), "publication times are Vietnamese local time"
    assert ("gold" in page) == (page["page_type"] == "article")


@pytest.mark.parametrize("page", PAGES, ids=_id)
def test_page_declares_the_charset_pages_json_names(page: dict) -> None:
    data = served(page["path"]).read_bytes()
    match = _DECLARED.search(data[:4096])
    if page["charset"] is None:
        assert b"charset" not in data.lower(), "the undeclared page must not name any charset"
        assert data.decode("utf-8") != data.decode("ascii", "ignore"), "it should still hold Vietnamese"
    else:
        assert match, "no charset in the first 4 KB, where decoders look"
        assert match.group(1).decode().lower() == page["charset"]


@pytest.mark.parametrize("page", PAGES, ids=_id)
def test_title_is_the_pages_headline(page: dict) -> None:
    headlines = [" ".join(h.text_content().split()) for h in page_tree(page["path"]).xpath("//h1")]
    assert headlines == [page["title"]]


@pytest.mark.parametrize("page", [p for p in PAGES if p["published_at"]], ids=_id)
def test_publication_date_is_visible_on_the_page(page: dict) -> None:
    day = dt.datetime.fromisoformat(page["published_at"]).date()
    shown = {dt.date(int(y), int(m), int(d)) for d, m, y in _DMY.findall(visible_text(page["path"]))}
    assert day in shown, f"{day} is not written on the page (found {sorted(shown)})"


def test_some_page_shows_a_current_date_header_that_is_not_its_publication_date() -> None:
    found = []
    for page in ARTICLES:
        before_title = page_text(page["path"]).split("<h1", 1)[0]
        body = before_title.split("<body", 1)[-1]
        dates = {
            dt.date(int(y), int(m), int(d))
            for d, m, y in _DMY.findall(lxml.html.fromstring(body).text_content())
        }
        published = page["published_at"] and dt.datetime.fromisoformat(page["published_at"]).date()
        if dates - {published}:
            found.append(page["path"])
    assert found, "the 'today' header trap is gone"


# ---------------------------------------------------------------- links, sitemap, feed, robots


@pytest.mark.parametrize("page", PAGES, ids=_id)
def test_internal_links_resolve_unless_robots_forbid_them(page: dict) -> None:
    broken = [
        href
        for href in internal_links(page["path"])
        if not served(href).is_file() and robots().can_fetch("*", href)
    ]
    assert not broken


@pytest.mark.parametrize("listing", LISTINGS, ids=_id)
def test_listing_links_the_articles_pages_json_says(listing: dict) -> None:
    links = page_tree(listing["path"]).xpath('//div[@class="news-list"]//h3/a/@href')
    assert links == listing["links"]
    assert all(served(link).is_file() for link in links)


def test_listings_together_reach_every_article_and_paginate() -> None:
    linked = {link for listing in LISTINGS for link in listing["links"]}
    assert linked == {p["path"] for p in ARTICLES}
    first, second = LISTINGS
    pager = page_tree(first["path"]).xpath('//div[@class="pagination"]//a')
    assert any("Trang 2" in a.text_content() and a.get("href") == second["path"] for a in pager)
    assert first["path"] in internal_links(second["path"])


def test_robots_disallows_admin_and_names_the_sitemap() -> None:
    assert not robots().can_fetch("*", "/admin/dang-nhap.html")
    assert robots().can_fetch("*", ARTICLES[0]["path"])
    assert robots().site_maps() == ["/sitemap.xml"]


def test_sitemap_lists_every_page_with_a_lastmod() -> None:
    ns = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = ET.parse(SITE / "sitemap.xml").getroot().findall("sm:url", ns)
    locs = [u.findtext("sm:loc", namespaces=ns) for u in urls]
    assert sorted(locs) == sorted(p["path"] for p in PAGES)
    for url in urls:
        lastmod = dt.datetime.fromisoformat(url.findtext("sm:lastmod", namespaces=ns))
        assert lastmod.utcoffset() is not None


def test_rss_items_link_articles_with_their_publication_time() -> None:
    by_path = {p["path"]: p for p in PAGES}
    items = ET.parse(SITE / "rss.xml").getroot().findall("channel/item")
    assert {i.findtext("link") for i in items} == {p["path"] for p in PAGES if p["page_type"] != "listing"}
    for item in items:
        page = by_path[item.findtext("link")]
        assert item.findtext("title") == page["title"]
        pub = item.findtext("pubDate")
        expected = page["published_at"] and dt.datetime.fromisoformat(page["published_at"])
        assert (parsedate_to_datetime(pub) if pub else None) == (expected or None)


# ---------------------------------------------------------------- encodings


def test_cp1258_page_is_really_windows_1258() -> None:
    (page,) = [p for p in PAGES if p["charset"] == "windows-1258"]
    data = served(page["path"]).read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    decoded = data.decode("cp1258")
    assert "\u0301" in decoded and "\u0323" in decoded, "tone marks should be combining characters"
    ((source, target),) = make_cp1258().cp1258_pages(DEMO)
    assert target == served(page["path"])
    utf8 = source.read_text(encoding="utf-8")
    assert unicodedata.normalize("NFC", decoded) == unicodedata.normalize("NFC", utf8)
    assert make_cp1258().encode_cp1258(utf8) == data, "run python corpus/demo/make_cp1258.py"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Đồng", b"\xd0\xf4\xccng"),  # Đ, ô, then the grave accent as its own byte
        ("Bằng khen", b"B\xe3\xccng khen"),
        ("Huân chương", b"Hu\xe2n ch\xfd\xf5ng"),  # no tone: letters stay precomposed
        ("Kỷ niệm", b"Ky\xd2 ni\xea\xf2m"),  # hook above, dot below
    ],
)
def test_cp1258_encoder_splits_tone_marks(text: str, expected: bytes) -> None:
    assert make_cp1258().encode_cp1258(text) == expected
    assert unicodedata.normalize("NFC", expected.decode("cp1258")) == text


# ---------------------------------------------------------------- gold


@pytest.mark.parametrize("page", ARTICLES, ids=_id)
def test_gold_file_has_the_shared_format(page: dict) -> None:
    gold = gold_of(page)
    assert GOLD_KEYS <= gold.keys() <= GOLD_KEYS | GOLD_OPTIONAL_KEYS
    assert gold["id"] == Path(page["path"]).stem and gold["url"] == page["path"]
    published = page["published_at"] and dt.datetime.fromisoformat(page["published_at"]).date().isoformat()
    assert gold["published"] == (published or None)
    for kind, (required, optional) in RECORD_KEYS.items():
        for record in gold[kind]:
            assert required <= record.keys() <= required | optional, (kind, record)
            assert record.get("optional", True) is True, "write optional only when true"
    assert any(not e.get("optional") for e in gold["events"]), "every on-topic article reports an event"


@pytest.mark.parametrize("page", ARTICLES, ids=_id)
def test_gold_record_values_are_valid(page: dict) -> None:
    gold = gold_of(page)
    published = gold["published"] and dt.date.fromisoformat(gold["published"])
    for event in gold["events"]:
        assert event["type"] in EVENT_TYPES
        if event["date"] and published and not event.get("optional"):
            assert dt.date.fromisoformat(event["date"]) <= published, "reported before it happened"
    for official in gold["officials"]:
        assert official["rank"] is None or official["rank"] in RANKS
        assert official["positions"] and all(isinstance(p, str) and p for p in official["positions"])
    for figure in gold["figures"]:
        assert figure["kind"] in FIGURE_KINDS and figure.get("qualifier", "over") in QUALIFIERS
        assert ("total" in figure) == (figure["kind"] == "ratio")
        assert contains(figure["unit"], figure["head"]) or figure.get("optional"), figure
    for award in gold["awards"]:
        assert award["type"] in AWARD_TYPES or award.get("optional"), award
        assert award.get("recipient_kind", "individual") in RECIPIENT_KINDS
    names = [o["name"] for o in gold["officials"]]
    assert len(names) == len(set(names)), "one record per person"


@pytest.mark.parametrize("page", ARTICLES, ids=_id)
def test_gold_only_names_what_the_page_says(page: dict) -> None:
    """Every name, post, place, issuer, number and trap in the gold file is written on its page."""
    gold = gold_of(page)
    text = visible_text(page["path"])
    wanted: list[str] = []
    for official in gold["officials"]:
        wanted += [official["name"], *official["positions"]]
        if official["rank"]:
            assert f"{official['rank']} {official['name']}" in text, official
    for event in gold["events"]:
        wanted += [v for k in ("location", "organizer") if (v := event.get(k))]
    for award in gold["awards"]:
        wanted += [v for v in (award["issuer"], award.get("name"), award.get("presenter")) if v]
        wanted += award.get("recipients", [])
    for key in ("models", "not_officials", "not_figures", "not_awards"):
        wanted += gold.get(key, [])
    missing = [w for w in wanted if not contains(text, w)]
    assert not missing
    for figure in gold["figures"]:
        assert contains(text, figure["head"]), figure
        assert any(contains(text, form) for form in renderings(figure)), (figure, renderings(figure))


@pytest.mark.parametrize("page", ARTICLES, ids=_id)
def test_gold_traps_are_not_also_records(page: dict) -> None:
    gold = gold_of(page)
    names = {o["name"] for o in gold["officials"]}
    assert not names & set(gold.get("not_officials", []))
