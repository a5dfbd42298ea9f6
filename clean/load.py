"""Files in, cleaned pages out: ``.txt`` articles and saved ``.html``/``.htm`` pages.

The plain-text format is the seeds': an optional first line `` date YYYY-MM-DD Title``
(leading space), then the article; `` date YYYY-MM Title`` gives the month only.  Without that
line there is no title, and the date comes from a visible dateline near the top
(:func:`clean.dates.pick_dateline`).

Every failure is a :class:`CleaningError` naming the file and saying, in one line, what
is wrong with it; nothing here should end in a traceback for bad input.
"""

from __future__ import annotations

import datetime as dt
import gzip
import re
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from lxml import etree

from clean.dates import guess_title_line, pick_dateline
from clean.encoding import UndecodableError, decode, looks_binary
from clean.html import DEFAULT_MAX_BYTES, clean_html
from clean.page import CleanedPage, CleaningError
from clean.text import tidy_line, tidy_text

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")
_DATE_LINE = re.compile(r"^\s*date\s+(\d{4})-(\d{2})(?:-(\d{2}))?(?:\s+(.*))?$")
_HTML_START = re.compile(rb"^\s*(?:<!doctype\s+html|<html|<\?xml[^>]*>\s*<!doctype\s+html)", re.IGNORECASE)


def load_file(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> CleanedPage:
    """Clean one file, choosing the reader by its suffix."""
    path = Path(path)
    where = str(path)
    name = path.name.lower()
    if not path.exists():
        raise CleaningError(where, "no such file")
    if path.is_dir():
        raise CleaningError(where, "is a folder, not a file")
    if not name.endswith(TEXT_SUFFIXES + HTML_SUFFIXES):
        raise CleaningError(
            where, f"unsupported file type (expected {', '.join(TEXT_SUFFIXES + HTML_SUFFIXES)})"
        )
    data = _read(path, max_bytes)
    if not data.strip():
        raise CleaningError(where, "empty file")
    if looks_binary(data):
        raise CleaningError(where, "binary data, not a text or HTML file")
    try:
        if name.endswith(HTML_SUFFIXES) or _HTML_START.match(data[:512]):
            return clean_html(data, label=where, max_bytes=max_bytes)
        return clean_text(data, label=where)
    except (etree.LxmlError, RecursionError, UnicodeError) as err:
        raise CleaningError(where, f"cannot read the page ({type(err).__name__}: {err})") from None


def clean_text(data: bytes | str, *, label: str = "text") -> CleanedPage:
    """A plain-text article; the optional ``date`` line gives date and title."""
    raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    try:
        decoded = data if isinstance(data, str) else decode(raw)
    except UndecodableError as err:
        raise CleaningError(label, str(err)) from None
    first, _, rest = decoded.lstrip("\ufeff").partition("\n")
    header = _DATE_LINE.match(first)
    if header:
        year, month, day, title_part = header.groups()
        shown = f"{year}-{month}" + (f"-{day}" if day else "")
        try:
            published = dt.date(int(year), int(month), int(day or 1))
        except ValueError:
            raise CleaningError(label, f"first line has an impossible date {shown}") from None
        title = tidy_line(title_part or "") or None
        body = tidy_text(rest).strip("\n")
        if not body:
            raise CleaningError(label, "no article text after the date line")
        text = f"{title}\n\n{body}" if title else body
        if day is None:
            # " date 2024-08 Title": the month only; the day comes from a dateline of that month
            # in the body, or stays unknown (a guessed day would date the article's events wrongly)
            lines = body.split("\n")
            found = pick_dateline(lines, None, None)
            same = found is not None and (found.date.year, found.date.month) == (
                published.year,
                published.month,
            )
            return CleanedPage(
                text=text,
                title=title,
                published=found.date if same else None,
                published_at=found.at if same else None,
                raw=raw,
            )
        return CleanedPage(text=text, title=title, published=published, raw=raw)
    text = tidy_text(decoded).strip("\n")
    if not text:
        raise CleaningError(label, "empty file")
    lines = text.split("\n")
    found = pick_dateline(lines, guess_title_line(lines), None)
    return CleanedPage(
        text=text,
        published=found.date if found else None,
        published_at=found.at if found else None,
        raw=raw,
    )


def iter_paths(paths: Iterable[str | Path]) -> Iterator[Path | CleaningError]:
    """Files to clean: files as given, folders expanded recursively in sorted order.

    A path that does not exist yields a :class:`CleaningError` in its place so a batch can
    report it and go on.  Hidden files and folders (".git") are skipped.
    """
    for item in paths:
        path = Path(item)
        if not path.exists():
            yield CleaningError(str(path), "no such file or folder")
        elif path.is_dir():
            found = [
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.name.lower().endswith(TEXT_SUFFIXES + HTML_SUFFIXES)
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            ]
            yield from sorted(found, key=lambda p: p.relative_to(path).as_posix())
        else:
            yield path


def iter_pages(paths: Iterable[str | Path]) -> Iterator[CleanedPage | CleaningError]:
    """Clean every file under ``paths``; failures come back as errors, in order."""
    for item in iter_paths(paths):
        if isinstance(item, CleaningError):
            yield item
            continue
        try:
            yield load_file(item)
        except CleaningError as err:
            yield err


def _read(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, refusing (not reading) files over ``max_bytes``; gzip is unpacked."""
    where = str(path)
    size = path.stat().st_size
    if size > max_bytes:
        raise CleaningError(
            where, f"file is {size / 2**20:.1f} MB, over the {max_bytes / 2**20:.0f} MB limit"
        )
    try:
        if path.name.lower().endswith(".gz"):
            with gzip.open(path, "rb") as fh:
                data = fh.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise CleaningError(where, f"unpacked page is over the {max_bytes / 2**20:.0f} MB limit")
            return data
        return path.read_bytes()
    except (gzip.BadGzipFile, zlib.error, EOFError):
        raise CleaningError(where, "not a valid gzip file") from None
    except OSError as err:
        raise CleaningError(where, f"cannot read the file ({err.strerror or err})") from None
