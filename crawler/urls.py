"""URLs as the crawler compares them: one canonical spelling per page, and a guess at its role.

The rules live in ``crawler/links.yaml`` so a new CMS's URL shape is a data change.  Two
spellings of one page (``?utm_source=…``, ``#comments``, reordered query) must meet in one
frontier row and one stored article, so every URL is canonicalised before it is queued,
looked up or stored.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import yaml
from w3lib.url import canonicalize_url

LINKS_FILE = Path(__file__).with_name("links.yaml")


class RulesError(ValueError):
    """A data file of the crawler is malformed; the message names the file and the entry."""


@dataclass(frozen=True)
class LinkRules:
    tracking_exact: frozenset[str]
    tracking_prefixes: tuple[str, ...]
    article: tuple[re.Pattern[str], ...]
    pagination: tuple[re.Pattern[str], ...]
    pagination_text: frozenset[str]
    skip_extensions: tuple[str, ...]
    skip: tuple[re.Pattern[str], ...]
    feed_types: frozenset[str]
    feed: tuple[re.Pattern[str], ...]


def _patterns(data: dict, key: str, path: Path) -> tuple[re.Pattern[str], ...]:
    out = []
    for raw in data.get(key) or []:
        try:
            out.append(re.compile(raw, re.IGNORECASE))
        except re.error as err:
            raise RulesError(f"{path}: {key}: bad pattern {raw!r}: {err}") from None
    return tuple(out)


def load_rules(path: Path = LINKS_FILE) -> LinkRules:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if data.get("version") != 1:
        raise RulesError(f"{path}: expected 'version: 1'")
    tracking = data.get("tracking_params") or {}
    return LinkRules(
        tracking_exact=frozenset(p.lower() for p in tracking.get("exact") or []),
        tracking_prefixes=tuple(p.lower() for p in tracking.get("prefixes") or []),
        article=_patterns(data, "article_url", path),
        pagination=_patterns(data, "pagination_url", path),
        pagination_text=frozenset(t.strip().lower() for t in data.get("pagination_text") or []),
        skip_extensions=tuple(e.lower() for e in data.get("skip_extensions") or []),
        skip=_patterns(data, "skip_url", path),
        feed_types=frozenset(t.lower() for t in data.get("feed_types") or []),
        feed=_patterns(data, "feed_url", path),
    )


@cache
def rules() -> LinkRules:
    return load_rules()


def _is_tracking(name: str, link_rules: LinkRules) -> bool:
    name = name.lower()
    return name in link_rules.tracking_exact or name.startswith(link_rules.tracking_prefixes)


# The same URLs come back on every page (menus, related articles): their answers are kept, up
# to this many, so a long crawl's memory stays bounded.
_REMEMBERED = 1 << 16


@lru_cache(maxsize=_REMEMBERED)
def canonical(url: str) -> str:
    """The URL with fragment and tracking parameters gone, host lower-cased, query sorted.

    >>> canonical("HTTP://Example.VN:80/a/b.html?utm_source=fb&id=2#top")
    'http://example.vn/a/b.html?id=2'
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    netloc = host if port is None or (scheme, port) in {("http", 80), ("https", 443)} else f"{host}:{port}"
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    link_rules = rules()
    query = [
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k, link_rules)
    ]
    rebuilt = urlunsplit((scheme, netloc, parts.path or "/", urlencode(query), ""))
    return canonicalize_url(rebuilt, keep_fragments=False)


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def site_of(host: str) -> str:
    """``www.x.vn`` and ``x.vn`` are one site; subdomains of it belong to it too."""
    return host.removeprefix("www.")


def same_site(url: str, domains: tuple[str, ...] | list[str]) -> bool:
    host = host_of(url)
    return any(host == d or host.endswith("." + d) for d in domains)


def is_loopback(url: str) -> bool:
    host = host_of(url)
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@lru_cache(maxsize=_REMEMBERED)
def worth_fetching(url: str) -> bool:
    """http(s) pages only: no images, documents, scripts, log-in or search forms."""
    link_rules = rules()
    if not url.startswith(("http://", "https://")):
        return False
    path = urlsplit(url).path.lower()
    if path.endswith(link_rules.skip_extensions):
        return False
    return not any(p.search(url) for p in link_rules.skip)


@lru_cache(maxsize=_REMEMBERED)
def looks_like_article(url: str, extra: re.Pattern[str] | None = None) -> bool:
    if extra is not None and extra.search(url):
        return True
    return any(p.search(url) for p in rules().article)


def looks_like_pagination(url: str, text: str = "", rel: str = "") -> bool:
    if "next" in rel.lower().split():
        return True
    if text.strip().lower() in rules().pagination_text:
        return True
    return any(p.search(url) for p in rules().pagination)


def looks_like_feed(url: str, mime: str = "") -> bool:
    if mime and mime.lower() in rules().feed_types:
        return True
    return any(p.search(url) for p in rules().feed)
