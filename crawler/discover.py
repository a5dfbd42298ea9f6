"""Where a site lists its articles: robots.txt ``Sitemap:`` lines, sitemaps, RSS/Atom feeds,
and the signals that tell an article page from a listing page.

Pure functions over bytes and selectors, so they are tested without a crawl.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

from lxml import etree
from parsel import Selector
from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import Sitemap

ARTICLE_TYPES = frozenset(
    {"article", "newsarticle", "reportagenewsarticle", "blogposting", "analysisnewsarticle"}
)
_ATOM = "{http://www.w3.org/2005/Atom}"
_XML_PARSER = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=True)


@dataclass(frozen=True)
class Entry:
    """A URL listed by a sitemap or feed, with the time the listing gives for it."""

    url: str
    lastmod: dt.datetime | None = None


def parse_time(value: str | None) -> dt.datetime | None:
    """W3C datetime (sitemaps, Atom) or RFC 822 (RSS); None when it is neither."""
    if not value:
        return None
    value = value.strip()
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None


def robots_sitemaps(text: str) -> list[str]:
    return [
        line.split(":", 1)[1].strip() for line in text.splitlines() if line.lower().startswith("sitemap:")
    ]


def sitemap_body(body: bytes) -> bytes:
    """The XML of a sitemap, gunzipped when it came compressed (``.xml.gz``)."""
    if body[:2] == b"\x1f\x8b":
        try:
            return gunzip(body, max_size=200 * 2**20)
        except OSError:
            return b""
    return body


def sitemap_entries(body: bytes) -> tuple[str, list[Entry]]:
    """('sitemapindex' | 'urlset' | '', entries)."""
    xml = sitemap_body(body)
    if b"<" not in xml[:2048]:
        return "", []
    try:
        sitemap = Sitemap(xml)
    except (etree.XMLSyntaxError, ValueError):
        return "", []
    kind = sitemap.type or ""
    if kind not in {"sitemapindex", "urlset"}:
        return "", []
    entries = []
    for item in sitemap:
        loc = (item.get("loc") or "").strip()
        if loc:
            entries.append(Entry(loc, parse_time(item.get("lastmod"))))
    return kind, entries


def feed_entries(body: bytes) -> list[Entry] | None:
    """Items of an RSS or Atom feed; None when the bytes are not a feed."""
    try:
        root = etree.fromstring(body.strip(), parser=_XML_PARSER)
    except (etree.XMLSyntaxError, ValueError):
        return None
    if root is None:
        return None
    tag = etree.QName(root).localname.lower()
    entries: list[Entry] = []
    if tag in {"rss", "rdf"}:
        for item in root.iter("item", "{*}item"):
            link = item.findtext("link") or item.findtext("{*}link") or ""
            if not link.strip():
                guid = item.find("guid")
                if guid is not None and guid.get("isPermaLink", "true") != "false":
                    link = guid.text or ""
            stamp = item.findtext("pubDate") or item.findtext("{*}date") or item.findtext("{*}updated")
            if link.strip():
                entries.append(Entry(link.strip(), parse_time(stamp)))
        return entries
    if tag == "feed":
        for item in root.iter(f"{_ATOM}entry", "entry"):
            href = ""
            for link in item.iter(f"{_ATOM}link", "link"):
                if link.get("rel", "alternate") == "alternate" and link.get("href"):
                    href = link.get("href", "")
                    break
            stamp = item.findtext(f"{_ATOM}updated") or item.findtext(f"{_ATOM}published")
            if href:
                entries.append(Entry(href.strip(), parse_time(stamp)))
        return entries
    return None


def _ld_types(blob: str) -> Iterator[str]:
    try:
        data = json.loads(blob)
    except (ValueError, TypeError):
        yield from (m.lower() for m in re.findall(r'"@type"\s*:\s*"([A-Za-z]+)"', blob))
        return
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, dict):
            kind = node.get("@type")
            for value in kind if isinstance(kind, list) else [kind]:
                if isinstance(value, str):
                    yield value.lower()
            stack.extend(v for k, v in node.items() if k in {"@graph", "mainEntity", "mainEntityOfPage"})


def declares_article(page: Selector) -> bool:
    """The page says it is an article: article metadata, or a schema.org article in JSON-LD.

    ``og:type=article`` alone does not count: several Vietnamese CMSs put it on every page,
    section listings included (seen on the saved Dân trí, NLĐ, CafeF and Báo Đầu tư lists).
    """
    if page.css('meta[property="article:published_time"], [itemprop="articleBody"]'):
        return True
    return any(
        kind in ARTICLE_TYPES
        for blob in page.css('script[type="application/ld+json"]::text').getall()
        for kind in _ld_types(blob)
    )


def canonical_link(page: Selector) -> str | None:
    href = page.css('link[rel="canonical"]::attr(href)').get()
    return href.strip() if href and href.strip() else None


def feed_links(page: Selector) -> list[tuple[str, str]]:
    """(href, type) of the feeds a page announces in its head."""
    out = []
    for link in page.css('link[rel="alternate"][href]'):
        kind = (link.attrib.get("type") or "").strip().lower()
        if "rss" in kind or "atom" in kind or "feed" in kind:
            out.append((link.attrib["href"], kind))
    return out
