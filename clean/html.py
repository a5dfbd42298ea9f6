"""One HTML news page in, one :class:`CleanedPage` out (or a :class:`CleaningError`).

How the article is found, and why:

1. **Body container.**  A known body selector (:data:`clean.xpaths.BODY_ATTRIBUTES`), else
   the element holding most paragraph text (readability's idea, kept small).  The brief
   says "cleaned with trafilatura"; trafilatura is not the first path because, measured on
   the shared pages, it drops the lead paragraph (sapo) these sites print outside the body
   on 3 of 5 pages in every mode, keeps half of a Tuổi Trẻ body with ``favor_precision``,
   and keeps app banners and credits (details in :mod:`clean.fallback`).  It remains the
   fallback for pages that declare an article but whose body no rule finds, and the
   yardstick: ``tests/test_clean_trafilatura.py`` fails when trafilatura finds a body
   paragraph on a shared page that this path loses.
2. **Lines.**  The region around title and body is read as lines in reading order, one per
   block element or ``<br>``, so a photo caption never runs into the next paragraph.
   Teaser boxes, tags, share bars (:data:`clean.xpaths.JUNK_CLASS_PARTS`), link-dense
   lines and boilerplate lines are left out.  A related-articles box in the middle of the
   body is cut out as a block and the body goes on after it; the same heading after the
   body ends it (:mod:`clean.related`).
3. **Lead.**  Long lines between the title and the body are the sapo.
4. **Date.**  Declared metadata first, else the dateline next to the title
   (:func:`clean.dates.pick_dateline`); never a year found in the body.
5. **Listing pages** (a page of teasers) have no body container and no article metadata:
   they are rejected with a reason instead of producing a text of teasers.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

from lxml import etree
from lxml import html as lxml_html

from clean.dates import PubDate, parse_dateline, pick_dateline
from clean.encoding import UndecodableError, decode, looks_binary
from clean.fallback import trafilatura_paragraphs
from clean.lines import (
    MAX_LINK_SHARE,
    Line,
    LineWalker,
    common_ancestor,
    direct_text_len,
    link_len,
    text_len,
)
from clean.metadata import PageMeta, read_metadata
from clean.page import CleanedPage, CleaningError
from clean.related import body_paragraphs, related_boxes
from clean.text import fold, join_paragraphs, same_text, tidy_line
from clean.xpaths import (
    BLOCK_TAGS,
    BODY_ATTRIBUTES,
    FURNITURE_TAGS,
    JUNK_CLASS_PARTS,
    JUNK_TYPE_PARTS,
    SAPO_ATTRIBUTES,
    TITLE_SEPARATORS,
)

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
"""Pages above this size are rejected: no news article is that big, and parsing one costs seconds."""

_MIN_BODY_CHARS = 150  # a known body container with less text is an empty template
_MIN_SCORED_BODY_CHARS = 150  # a short news item ("tin vắn") is two sentences
_LONG_SINGLE_PARAGRAPH = 400  # one paragraph this long is an article, not a teaser
_MIN_LEAD_CHARS = 60
_MAX_HEADER_LINES = 15  # lines between headline and body: byline, dateline, lead, share bar
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>", re.IGNORECASE)
_JUNK = re.compile("|".join(re.escape(p) for p in JUNK_CLASS_PARTS))
_JUNK_TYPE = re.compile("|".join(re.escape(p) for p in JUNK_TYPE_PARTS), re.IGNORECASE)
_PARSER = lxml_html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True)


_HEADING_CANDIDATES = etree.XPath(
    "//body//*[self::h1 or self::h2 or self::h3 or self::h4 or self::div or self::p or self::span"
    " or self::td or self::strong or self::b or self::font or self::a]"
    "[string-length(normalize-space(.)) <= $limit]"
)
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4"})
_TITLE_CLASS = re.compile(r"title|tieude|tieu-de|headline", re.IGNORECASE)
_WANTED_ATTRIBUTES = frozenset(BODY_ATTRIBUTES) | frozenset(SAPO_ATTRIBUTES)
_WITH_ATTRIBUTES = etree.XPath("//*[@class or @id or @itemprop]")


def clean_html(
    data: bytes | str,
    url: str | None = None,
    *,
    label: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> CleanedPage:
    """Main text, title, date, URL and site of one news page.

    ``label`` names the page in errors (a path); it defaults to the URL.  Raises
    :class:`CleaningError` with a one-line reason for pages that are not articles.
    """
    where = label or url or "page"
    raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    if len(raw) > max_bytes:
        raise CleaningError(
            where,
            f"page is {len(raw) / 2**20:.1f} MB, over the {max_bytes / 2**20:.0f} MB limit for one article",
        )
    if not raw.strip():
        raise CleaningError(where, "empty page")
    if isinstance(data, bytes | bytearray | memoryview) and looks_binary(raw):
        raise CleaningError(where, "binary data, not an HTML page")
    try:
        source = data if isinstance(data, str) else decode(raw)
    except UndecodableError as err:
        raise CleaningError(where, str(err)) from None
    # One normal form before parsing, so headings compare equal to declared titles (windows-1258
    # pages and some editors write tone marks as combining characters).
    tree = _parse(unicodedata.normalize("NFC", source), where)
    meta = read_metadata(tree)
    page_url = url or meta.url
    article = _Article(tree, meta, page_url)
    paragraphs = article.paragraphs()
    if not paragraphs:
        raise CleaningError(where, article.why_not())
    title = article.title
    if title and paragraphs and same_text(paragraphs[0], title):
        paragraphs = paragraphs[1:]
    text = join_paragraphs(([title] if title else []) + paragraphs)
    published = article.published()
    return CleanedPage(
        text=text,
        title=title,
        url=page_url,
        source=_host(page_url),
        published=published.date if published else None,
        published_at=published.at if published else None,
        raw=raw,
    )


def _parse(source: str, where: str) -> lxml_html.HtmlElement:
    source = _XML_DECLARATION.sub("", source, count=1)
    try:
        tree = lxml_html.document_fromstring(source, parser=_PARSER)
    except (etree.ParserError, ValueError) as err:
        raise CleaningError(where, f"not an HTML page ({err})") from None
    if tree is None or (tree.find("body") is None and not tree.text_content().strip()):
        raise CleaningError(where, "HTML page has no content")
    return tree


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    return host or None


class _Article:
    """The parts of one parsed page: title element, body container, lines around them."""

    def __init__(self, tree: lxml_html.HtmlElement, meta: PageMeta, url: str | None) -> None:
        self.tree = tree
        self.meta = meta
        self.url = url
        self.marked = _index_attributes(tree)
        self.title, self.title_el = self._title()
        self._junk_cache: dict[etree._Element, bool] = {}
        self._keep: set[etree._Element] = set()
        self._boxes: set[etree._Element] = set()
        self._protect(self.title_el)
        self.body = self._body()
        self._protect(self.body)
        if self.body is not None:
            self._boxes = related_boxes(self.body, self._keep)
            self._junk_cache.clear()
        self.lines: list[Line] = []
        self.title_at: int | None = None
        self.body_span: tuple[int, int] | None = None
        self.sapo_spans: list[tuple[int, int]] = []
        self._read_region()

    def _protect(self, el: etree._Element | None) -> None:
        """Title and body and their ancestors are never junk, whatever their class says."""
        if el is not None:
            self._keep.add(el)
            self._keep.update(el.iterancestors())
            self._junk_cache.clear()

    # -- title -------------------------------------------------------------------------
    def _title(self) -> tuple[str | None, etree._Element | None]:
        """The visible headline when it agrees with a declared one, else the declared one.

        Declared titles carry site names in ways no list foresees ("Headline | Công an tỉnh
        X"), so each is also tried cut at its separators, and a cut that is printed on the
        page as a heading wins.
        """
        declared = self.meta.titles()
        variants = _title_variants(declared)
        headings = [
            (tidy_line(h.text_content()), h)
            for h in self.tree.iter("h1")
            if 5 <= len(h.text_content().strip()) <= 400
        ]
        for text, el in headings:
            if any(same_text(text, v) for v in variants) or any(d.startswith(text) for d in declared):
                return text, el
        if variants:
            limit = max(len(v) for v in variants) + 40
            shown = [(el, fold(el.text_content())) for el in _HEADING_CANDIDATES(self.tree, limit=limit)]
            for variant in variants:
                el = _find_heading(shown, fold(variant))
                if el is not None:
                    return variant, el
        if declared:
            return declared[0], None
        if len(headings) == 1:
            return headings[0]
        return None, None

    # -- body --------------------------------------------------------------------------
    def _body(self) -> etree._Element | None:
        for row in BODY_ATTRIBUTES:
            found = [el for el in self.marked.get(row, ()) if text_len(el) >= _MIN_BODY_CHARS]
            outermost = [el for el in found if not any(a in found for a in el.iterancestors())]
            if 1 <= len(outermost) <= 2:  # more: a class repeated on teaser items
                return max(outermost, key=text_len)
        return self._scored_body()

    def _scored_body(self) -> etree._Element | None:
        """The element under which most paragraph text sits (paragraphs not in junk or links).

        A teaser of a listing page is one paragraph under a headline link, so a guessed body
        needs two paragraphs, or one long one.
        """
        scores: dict[etree._Element, float] = {}
        units: dict[etree._Element, int] = {}
        for el in self.tree.iter("p", "h2", "h3", "h4", "li", "blockquote", "pre", "div", "td", "section"):
            if el.tag in {"div", "td", "section"}:
                length, links = direct_text_len(el), 0
                holder, count = el, 1 + sum(1 for c in el if c.tag == "br") // 2
            else:
                length, links = text_len(el), link_len(el)
                holder, count = el.getparent(), 1
            if length < 40 or links > length * MAX_LINK_SHARE or holder is None:
                continue
            if self._in_junk(el):
                continue
            scores[holder] = scores.get(holder, 0.0) + length
            units[holder] = units.get(holder, 0) + count
            grand = holder.getparent()
            if grand is not None:
                scores[grand] = scores.get(grand, 0.0) + length / 2
                units[grand] = units.get(grand, 0) + count
        if not scores:
            return None
        best = max(scores, key=scores.__getitem__)
        score = scores[best]
        enough = score >= _LONG_SINGLE_PARAGRAPH or (
            units.get(best, 0) >= 2 and score >= _MIN_SCORED_BODY_CHARS
        )
        if not enough or _is_teaser_list(best):
            return None
        return best

    def _in_junk(self, el: etree._Element) -> bool:
        chain = [el, *el.iterancestors()]
        return any(self._is_junk(a) for a in chain)

    def _is_junk(self, el: etree._Element) -> bool:
        cached = self._junk_cache.get(el)
        if cached is None:
            cached = self._junk_cache[el] = self._junk_uncached(el)
        return cached

    def _junk_uncached(self, el: etree._Element) -> bool:
        if el in self._keep or el.tag not in BLOCK_TAGS:
            return False
        if el.tag in FURNITURE_TAGS or el in self._boxes:
            return True
        marker = f"{el.get('class', '')} {el.get('id', '')}".lower()
        if marker.strip() and _JUNK.search(marker):
            return True
        kind = el.get("type")
        return bool(kind and _JUNK_TYPE.search(kind))

    # -- lines ---------------------------------------------------------------------------
    def _read_region(self) -> None:
        anchors = [el for el in (self.title_el, self.body) if el is not None]
        if not anchors:
            return
        region = common_ancestor(anchors)
        if region is self.body and self.body is not None and self.body.getparent() is not None:
            region = self.body.getparent()
        sapos = self._sapo_elements(region) if self.title_el is None else []
        marks = {el: None for el in (self.title_el, self.body, *sapos) if el is not None}
        walker = LineWalker(self._is_junk, marks)
        walker.walk(region)
        self.lines = walker.lines
        if self.title_el is not None and self.title_el in walker.spans:
            self.title_at = walker.spans[self.title_el][0]
        if self.body is not None:
            self.body_span = walker.spans.get(self.body)
        self.sapo_spans = [walker.spans[el] for el in sapos if el in walker.spans]

    def _sapo_elements(self, region: etree._Element) -> list[etree._Element]:
        """Lead containers inside the region, outside and before the body (no title anchor)."""
        if self.body is None:
            return []
        inside = set(self.body.iter())
        order = {el: i for i, el in enumerate(region.iter())}
        body_pos = order.get(self.body, 0)
        found = []
        for row in SAPO_ATTRIBUTES:
            for el in self.marked.get(row, ()):
                if el in order and el not in inside and order[el] < body_pos:
                    found.append(el)
        return found[:1]

    # -- results -----------------------------------------------------------------------
    def paragraphs(self) -> list[str]:
        """Lead plus body paragraphs, or the trafilatura fallback for declared articles."""
        if self.body_span is not None:
            body = self._body_lines()
            if body:
                return self._lead(body) + body
        if self.meta.declares_article:
            return self._trafilatura_paragraphs()
        return []

    def _body_lines(self) -> list[str]:
        start, end = self.body_span or (0, 0)
        return body_paragraphs(self.lines[start:end])

    def _lead(self, body: list[str]) -> list[str]:
        if self.body_span is None:
            return []
        if self.title_at is not None and self.title_at < self.body_span[0]:
            candidates = self.lines[self.title_at + 1 : self.body_span[0]]
        else:
            candidates = [line for s, e in self.sapo_spans for line in self.lines[s:e]]
        if len(candidates) > _MAX_HEADER_LINES:  # a page of teasers, not a headline block
            return []
        lead = []
        for line in candidates:
            if (
                line.is_content
                and len(line.text) >= _MIN_LEAD_CHARS
                and len(line.text.split()) >= 10
                and parse_dateline(line.text) is None
                and not any(same_text(line.text, b) for b in body[:3])
                and not (self.title and same_text(line.text, self.title))
            ):
                lead.append(line.text)
        return lead

    def _trafilatura_paragraphs(self) -> list[str]:
        return trafilatura_paragraphs(lxml_html.tostring(self.tree, encoding="unicode"), self.url)

    def published(self) -> PubDate | None:
        declared = self.meta.published()
        if declared:
            return declared
        if not self.lines:
            return None
        # Junk lines count here: sites put the dateline in their share/tool bar.
        texts = [line.text for line in self.lines]
        body_at = self.body_span[0] if self.body_span else None
        return pick_dateline(texts, self.title_at, body_at)

    def why_not(self) -> str:
        headline_links = sum(1 for a in self.tree.iter("a") if len(a.text_content().strip()) >= 25)
        if self.body is None and not self.meta.declares_article and headline_links >= 5:
            return "no article text: this looks like a listing or index page, not an article"
        return "no article text found in the page (only menus, links or too little text)"


def _find_heading(shown: list[tuple[etree._Element, str]], folded: str) -> etree._Element | None:
    """The element showing a title: a heading or "title" block first (breadcrumbs and teaser
    links repeat titles too), else the innermost of the first elements with that text."""
    matches = [el for el, text in shown if text == folded]
    if not matches:
        return None
    headings = [el for el in matches if el.tag in _HEADING_TAGS or _TITLE_CLASS.search(el.get("class", ""))]
    if headings:
        return headings[0]
    first = matches[0]
    inner = [el for el in matches if first in el.iterancestors()]
    return inner[-1] if inner else first


def _index_attributes(tree: lxml_html.HtmlElement) -> dict[tuple[str, str], list[etree._Element]]:
    """Elements carrying the body and lead markers of :mod:`clean.xpaths`, in one pass.

    Classes match as whole tokens ("detail-content" is not "detail-content-wrapper").
    """
    index: dict[tuple[str, str], list[etree._Element]] = {}
    for el in _WITH_ATTRIBUTES(tree):
        keys = [("class", token) for token in el.get("class", "").split()]
        keys += [("id", el.get("id", "")), ("itemprop", el.get("itemprop", ""))]
        for key in keys:
            if key in _WANTED_ATTRIBUTES:
                index.setdefault(key, []).append(el)
    return index


def _title_variants(declared: list[str]) -> list[str]:
    """Each declared title, then its cuts at separators: longest first, leading part first."""
    out: list[str] = []
    for title in declared:
        seps = list(TITLE_SEPARATORS.finditer(title))
        cuts = [title]
        for head, tail in zip(reversed(seps), seps, strict=True):
            cuts += [title[: head.start()], title[tail.end() :]]
        for cut in cuts:
            if len(cut) >= 10 and not any(same_text(cut, seen) for seen in out):
                out.append(cut)
    return out


def _is_teaser_item(el: etree._Element) -> bool:
    """One teaser of a list: it or its parent repeats among siblings that carry headline links."""
    for node in (el, el.getparent()):
        parent = node.getparent() if node is not None else None
        if parent is None:
            continue
        signature = (node.tag, node.get("class"))
        twins = [s for s in parent if (s.tag, s.get("class")) == signature]
        with_headline = sum(1 for s in twins if any(len(a.text_content().strip()) >= 20 for a in s.iter("a")))
        if len(twins) >= 3 and with_headline >= 3:
            return True
    return False


def _is_teaser_list(el: etree._Element) -> bool:
    """Many headline links with short texts under them: a list of teasers, not an article."""
    if _is_teaser_item(el):
        return True
    headline_links = sum(1 for a in el.iter("a") if len(a.text_content().strip()) >= 25)
    if headline_links < 4:
        return False
    paragraphs = sum(1 for p in el.iter("p") if len(p.text_content().strip()) >= 40)
    return headline_links >= 0.5 * max(paragraphs, 1) or link_len(el) > 0.35 * max(text_len(el), 1)
