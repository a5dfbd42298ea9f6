"""Publication dates: metadata values and the visible datelines of Vietnamese news sites.

dateparser misses the forms these sites print ("Thứ bảy, 7/3/2026, 00:05 (GMT+7)",
"07-03-2026 - 00:01 AM", "30/03/2025 11:55 GMT +7"), so the forms are data here:
:data:`DATELINE_FORMATS` is a table of regexes with named groups, tested row by row in
``tests/test_clean_dates.py``.

Two rules keep dates honest:

* a date needs a year: "Chiều 29/1" in a body is an event, not a publication date;
* a page's "today" header (a dateline at the top of the page, above the site name or
  menu) is not the article's date: only a dateline after the title (before the body), or
  one directly above the title or the body, counts (:func:`pick_dateline`).

Times are in the article's local zone, Asia/Ho_Chi_Minh, unless the text names another.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

try:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    LOCAL_TZ: dt.tzinfo = ZoneInfo("Asia/Ho_Chi_Minh")
except (ImportError, ZoneInfoNotFoundError):  # no tz database: Vietnam has had UTC+7 without DST since 1975
    LOCAL_TZ = dt.timezone(dt.timedelta(hours=7), "Asia/Ho_Chi_Minh")

# Years outside this range in metadata are CMS placeholders (0001-01-01, 1970-01-01).
_YEARS = range(1990, 2100)


@dataclass(frozen=True, slots=True)
class PubDate:
    """A publication date; ``at`` is set (tz-aware, local zone) when the time is known."""

    date: dt.date
    at: dt.datetime | None = None
    origin: str = ""


# ---------------------------------------------------------------------------------------
# The formats, as data.  Each row: (name, regex with groups day, month, year and optional
# hour, minute, second, ampm, tz).  Matched case-insensitively.
_WEEKDAY = r"(?:(?:thứ\s*(?:hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])|chủ\s*nhật|cn|t[2-7])\s*[,|\-–]?\s*)"
_DMY = r"(?P<day>\d{1,2})\s*[/.\-]\s*(?P<month>\d{1,2})\s*[/.\-]\s*(?P<year>(?:19|20)\d{2})"
_DMY_WORDS = r"(?P<day>\d{1,2})\s+tháng\s+(?P<month>\d{1,2})\s*,?\s*năm\s+(?P<year>(?:19|20)\d{2})"
_TIME = (
    r"(?P<hour>[01]?\d|2[0-3])\s*[:hg]\s*(?P<minute>[0-5]\d)(?!\d)"
    r"(?:\s*:\s*(?P<second>[0-5]\d)(?:\.\d+)?)?"
    r"(?:\s*(?P<ampm>[ap]\.?m\.?|sa|ch)(?!\w))?"
)
_TZ = r"(?:\s*\(?\s*(?:gmt|utc)\s*(?P<tz>[+-]\s*\d{1,2}(?::?\d{2})?)?\s*\)?)?"
_SEP = r"\s*(?:[,|\-–—/]\s*)?(?:lúc\s+)?"

DATELINE_FORMATS: tuple[tuple[str, str], ...] = (
    # 2026-03-07T08:52:11.000 +07:00 / 2026-03-07 08:07 / 2026-03-07
    (
        "iso",
        r"(?<!\d)(?P<year>(?:19|20)\d{2})-(?P<month>\d{1,2})-(?P<day>\d{1,2})"
        r"(?:[T\s]+(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d)(?:\.\d+)?)?"
        r"\s*(?P<tz>Z|[+-]\d{2}:?\d{2})?)?(?!\d)",
    ),
    # Thứ bảy, 7/3/2026, 00:05 (GMT+7) / 07/03/2026 - 08:07 / 07-03-2026 - 00:01 AM / ngày 14/05/2025
    ("dmy_time", rf"(?<![\d/.\-]){_WEEKDAY}?(?:ngày\s+)?{_DMY}(?![\d/])(?:{_SEP}{_TIME})?{_TZ}"),
    # 08:07 07/03/2026 / 11:21 AM, Thứ Tư, 14/05/2025
    ("time_dmy", rf"(?<![\d:]){_TIME}{_TZ}{_SEP}{_WEEKDAY}?(?:ngày\s+)?{_DMY}(?![\d/])"),
    # Thứ Hai, ngày 7 tháng 3 năm 2026 (lúc 08:30)
    ("words", rf"{_WEEKDAY}?ngày\s+{_DMY_WORDS}(?:{_SEP}{_TIME})?{_TZ}"),
)
_COMPILED = tuple((name, re.compile(rx, re.IGNORECASE)) for name, rx in DATELINE_FORMATS)

# A dateline is a short line: the date plus at most a label or a byline ("Cập nhật:", "PV").
_MAX_DATELINE_CHARS = 120
_MAX_DATELINE_OTHER_WORDS = 8
_WORD = re.compile(r"[^\W\d_]+")
_SENTENCE_END = re.compile(r"(?:[.;…]|[.!?…][\"”’)])$")


def _offset(tz: str | None) -> dt.tzinfo:
    if not tz:
        return LOCAL_TZ
    tz = tz.replace(" ", "").upper()
    if tz == "Z":
        return dt.UTC
    sign = -1 if tz[0] == "-" else 1
    digits = tz[1:].replace(":", "")
    hours, minutes = (int(digits[:-2]), int(digits[-2:])) if len(digits) > 2 else (int(digits), 0)
    return dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))


def _from_match(m: re.Match[str], origin: str) -> PubDate | None:
    parts = m.groupdict()
    try:
        day = dt.date(int(parts["year"]), int(parts["month"]), int(parts["day"]))
    except ValueError:
        return None
    if day.year not in _YEARS:
        return None
    if parts.get("hour") is None:
        return PubDate(day, None, origin)
    hour = int(parts["hour"])
    ampm = (parts.get("ampm") or "").replace(".", "").lower()
    if ampm in {"pm", "ch"} and hour < 12:
        hour += 12
    elif ampm in {"am", "sa"} and hour == 12:
        hour = 0
    if hour > 23:
        return None
    at = dt.datetime.combine(
        day, dt.time(hour, int(parts["minute"]), int(parts.get("second") or 0)), _offset(parts.get("tz"))
    ).astimezone(LOCAL_TZ)
    return PubDate(at.date(), at, origin)


def _best_match(text: str) -> tuple[re.Match[str], str] | None:
    """The earliest match; among equally early ones the longest (it caught the time too)."""
    best: tuple[re.Match[str], str] | None = None
    for name, rx in _COMPILED:
        for m in rx.finditer(text):
            if _from_match(m, name) is None:
                continue
            if best is None or (m.start(), -m.end()) < (best[0].start(), -best[0].end()):
                best = (m, name)
            break
    return best


def parse_date(text: str, origin: str = "text") -> PubDate | None:
    """The first full date (with year) in ``text``, with its time when one is written."""
    found = _best_match(text)
    return _from_match(found[0], origin) if found else None


def parse_dateline(line: str) -> PubDate | None:
    """The date of a dateline: a short line that is a date plus at most a label or byline.

    Body sentences that contain a date ("Ngày 30/3/2025, Ban Chỉ đạo tổ chức ...") are not
    datelines.
    """
    line = line.strip()
    if not line or len(line) > _MAX_DATELINE_CHARS:
        return None
    found = _best_match(line)
    if not found:
        return None
    m, _ = found
    rest = line[: m.start()] + " " + line[m.end() :]
    if len(_WORD.findall(rest)) > _MAX_DATELINE_OTHER_WORDS:
        return None
    return _from_match(m, "dateline")


def parse_metadata_value(value: str, origin: str) -> PubDate | None:
    """A date from a ``<meta>`` or JSON-LD value: ISO 8601 mostly, sometimes a dateline."""
    return parse_date(value.strip(), origin)


def pick_dateline(lines: Sequence[str], title_at: int | None, body_at: int | None) -> PubDate | None:
    """The article's dateline among the lines that come before its body.

    ``lines`` are the page's text lines in reading order; ``title_at`` is the index of the
    title line, ``body_at`` of the first body line (None: unknown, then the first long
    line ends the header zone).  Accepted, in this order:

    1. the first dateline after the title and before the body;
    2. a dateline directly above the title, or directly above the body.

    A dateline followed by other header lines (site name, menu) and only then the title is
    the page's "today" header and is ignored.
    """
    if body_at is None:
        start = 0 if title_at is None else title_at + 1
        body_at = next((i for i in range(start, len(lines)) if _is_body_line(lines[i])), len(lines))
    if title_at is not None and title_at < body_at:
        for i in range(title_at + 1, body_at):
            found = parse_dateline(lines[i])
            if found:
                return found
    anchors = {a for a in (title_at, body_at) if a is not None}
    for anchor in sorted(anchors):
        above = _previous_nonempty(lines, anchor)
        if above is not None and above != title_at:
            found = parse_dateline(lines[above])
            if found:
                return found
    return None


def guess_title_line(lines: Sequence[str]) -> int | None:
    """In a plain-text page without a title line: the first headline-like line before the body.

    A headline has a few words, is not a dateline and is not a body paragraph.
    """
    for i, line in enumerate(lines):
        if _is_body_line(line):
            return None
        if len(line.split()) >= 5 and parse_dateline(line) is None:
            return i
    return None


def first_body_line(lines: Sequence[str]) -> int | None:
    """Index of the first line that reads like body text (a long paragraph)."""
    return next((i for i, line in enumerate(lines) if _is_body_line(line)), None)


def _is_body_line(line: str) -> bool:
    """Long, or a sentence of some length; a headline ends without a full stop."""
    line = line.rstrip()
    return len(line) >= 160 or (len(line.split()) >= 14 and _SENTENCE_END.search(line) is not None)


def _previous_nonempty(lines: Sequence[str], index: int) -> int | None:
    for i in range(index - 1, -1, -1):
        if lines[i].strip():
            return i
    return None
