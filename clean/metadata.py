"""What a page says about itself: <meta> tags, JSON-LD, canonical URL, <title>.

Read once per page into :class:`PageMeta`; :mod:`clean.html` then decides the title, the
date and whether the page is an article at all.  Only declared values are read here:
a date guessed from years in the body is worse than no date.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from lxml import html as lxml_html

from clean.dates import PubDate, parse_metadata_value
from clean.text import fold_ascii, same_text, tidy_line
from clean.xpaths import ARTICLE_TYPES, DATE_META_KEYS, SITE_NAME_HINTS, TITLE_META_KEYS, TITLE_SEPARATORS

# Trailing commas and control characters make many CMS JSON-LD blocks invalid JSON.
_TRAILING_COMMA = re.compile(r",\s*([}\]])")


@dataclass
class PageMeta:
    """Declared metadata of one page (lower-cased keys, first value wins)."""

    meta: dict[str, str] = field(default_factory=dict)
    articles: list[dict] = field(default_factory=list)  # JSON-LD objects of an article type
    canonical: str | None = None
    html_title: str | None = None

    @property
    def declares_article(self) -> bool:
        """The page says it is one article (JSON-LD NewsArticle, article:published_time ...)."""
        return bool(
            self.articles
            or "article:published_time" in self.meta
            or "datepublished" in self.meta
            or "articlebody" in self.meta
        )

    @property
    def url(self) -> str | None:
        """The page's own URL as declared: canonical link, og:url, JSON-LD url."""
        for candidate in (self.canonical, self.meta.get("og:url"), *(_jsonld_url(a) for a in self.articles)):
            if candidate and candidate.startswith(("http://", "https://")):
                return candidate
        return None

    @property
    def site_name(self) -> str | None:
        return self.meta.get("og:site_name") or self.meta.get("application-name")

    def published(self) -> PubDate | None:
        """Publication date from metadata, in the order of :data:`DATE_META_KEYS`, then JSON-LD."""
        for key in DATE_META_KEYS:
            value = self.meta.get(key)
            if value:
                found = parse_metadata_value(value, f"meta:{key}")
                if found:
                    return found
        for article in self.articles:
            value = article.get("datePublished")
            if isinstance(value, str):
                found = parse_metadata_value(value, "jsonld:datePublished")
                if found:
                    return found
        return None

    def titles(self) -> list[str]:
        """Declared titles, most trusted first, site-name suffixes removed."""
        raw = [self.meta.get(k) for k in TITLE_META_KEYS]
        raw += [a.get("headline") for a in self.articles if isinstance(a.get("headline"), str)]
        raw.append(self.html_title)
        out: list[str] = []
        for value in raw:
            if value:
                title = strip_site_name(tidy_line(value), self.site_name, self.url)
                if title and not any(same_text(title, seen) for seen in out):
                    out.append(title)
        return out


def read_metadata(tree: lxml_html.HtmlElement) -> PageMeta:
    """Collect <meta>, <link rel=canonical>, <title> and JSON-LD article objects."""
    page = PageMeta()
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        value = el.get("content")
        if key and value and value.strip() and key not in page.meta:
            page.meta[key] = value.strip()
    for el in tree.iter("time", "span", "div", "p"):
        prop = el.get("itemprop")
        if prop and prop.lower() in {"datepublished", "articlebody"} and prop.lower() not in page.meta:
            page.meta[prop.lower()] = (el.get("datetime") or el.get("content") or el.text_content()).strip()
    for el in tree.iter("time"):
        if el.get("pubdate") is not None and el.get("datetime") and "pubdate" not in page.meta:
            page.meta["pubdate"] = el.get("datetime", "").strip()
    for el in tree.iter("link"):
        if (el.get("rel") or "").lower() == "canonical" and el.get("href"):
            page.canonical = el.get("href", "").strip()
            break
    title_el = next(tree.iter("title"), None)
    if title_el is not None and title_el.text_content().strip():
        page.html_title = title_el.text_content().strip()
    for el in tree.iter("script"):
        if (el.get("type") or "").lower() == "application/ld+json" and el.text:
            page.articles.extend(_article_objects(el.text))
    return page


def strip_site_name(title: str, site_name: str | None, url: str | None) -> str:
    """ "Headline - Báo X" → "Headline": drop leading/trailing segments that name the site."""
    parts = TITLE_SEPARATORS.split(title)
    if len(parts) == 1:
        return title
    host = (urlsplit(url).hostname or "") if url else ""
    host_stem = fold_ascii(host.removeprefix("www.").split(".")[0])

    def names_site(segment: str) -> bool:
        s = segment.strip().lower()
        return bool(
            (site_name and same_text(segment, site_name))
            or (len(host_stem) > 2 and host_stem in fold_ascii(segment))
            or SITE_NAME_HINTS.search(s)
        )

    kept = parts[:]
    while len(kept) > 1 and names_site(kept[-1]):
        kept.pop()
    while len(kept) > 1 and names_site(kept[0]):
        kept.pop(0)
    if len(kept) == len(parts):
        return title
    # Re-cut the original string so the headline keeps its own punctuation ("8-3", "A: B").
    start = title.find(kept[0])
    end = title.rfind(kept[-1]) + len(kept[-1])
    return title[start:end].strip() if start >= 0 and end > start else title


def _article_objects(source: str) -> Iterator[dict]:
    try:
        data = json.loads(source, strict=False)
    except ValueError:
        try:
            data = json.loads(_TRAILING_COMMA.sub(r"\1", source), strict=False)
        except ValueError:
            return
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            types = item.get("@type")
            types = [types] if isinstance(types, str) else types if isinstance(types, list) else []
            if any(isinstance(t, str) and t.lower() in ARTICLE_TYPES for t in types):
                yield item
            graph = item.get("@graph")
            if isinstance(graph, list):
                stack.extend(graph)


def _jsonld_url(article: dict) -> str | None:
    for key in ("url", "mainEntityOfPage", "@id"):
        value = article.get(key)
        if isinstance(value, dict):
            value = value.get("@id") or value.get("url")
        if isinstance(value, str):
            return value
    return None
