"""Dates written in news text ("Chiều 29/1", "ngày 15-7", "Sáng 1.7"), resolved to full dates.

Vietnamese reports seldom write the year of the event they report: "Chiều 29/1, ... tổ chức
hội nghị".  The year is the publication year, or the year before when the day/month falls
after the publication date (an article of 2 January about "ngày 30/12").  Failing a
publication date, an event's own "năm X" ("Ngày hội ... năm 2024") gives the year.  The year
of the period an event reviews (a tổng kết of 2023, held in 2024) never does: callers pass
``own_year`` only for event kinds whose "năm X" is their own year.

The expressions are data: rules of the events rule set labelled ``date:day``,
``date:range``, ``date:relative`` and ``date:vague``; regex groups ``d``, ``m``, ``y`` and
``rel`` carry the parts.  Settings ``relative_days`` maps ``rel`` words to day offsets from
the publication date, lexicon ``future_markers`` lists words after a date that place it
after publication ("ngày 5/8 tới"); setting ``upcoming_days`` (read by the callers) how far
ahead a date with no year is still to come rather than last year's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from extract.ruleset import RuleSet

LABEL_PREFIX = "date:"


class DateKind(StrEnum):
    day = "day"  # one day, maybe without year: "Chiều 29/1"
    range = "range"  # several days: "từ ngày 1 đến 3/8" (events over days get no date)
    relative = "relative"  # relative to publication: "sáng nay", "hôm qua"
    vague = "vague"  # said but not dated: "vừa qua", "mới đây"


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression found in the text, with the parts it states."""

    start: int
    end: int
    kind: DateKind
    rule: str
    day: int | None = None
    month: int | None = None
    year: int | None = None
    offset: int | None = None
    future: bool = False


def find_dates(text: str, rules: RuleSet, base: int = 0) -> list[DateMention]:
    """Date expressions in ``text`` (offsets shifted by ``base``), longest first on overlap."""
    found: list[tuple[int, int, str, DateKind, dict[str, str | None]]] = []
    for rule in rules.patterns:
        if not (rule.label or "").startswith(LABEL_PREFIX) or rule.regex is None:
            continue
        kind = DateKind(rule.label.removeprefix(LABEL_PREFIX))
        for m in rules.compiled[rule.id].finditer(text):
            found.append((m.start(), m.end(), rule.id, kind, m.groupdict()))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    offsets = {str(k).lower(): int(v) for k, v in rules.settings.get("relative_days", {}).items()}
    future_words = tuple(w.lower() for w in rules.lexicon("future_markers"))
    out: list[DateMention] = []
    last_end = -1
    for start, end, rule_id, kind, groups in found:
        if start < last_end:
            continue
        last_end = end
        after = text[end : end + 12].lstrip(" ,)").lower()
        out.append(
            DateMention(
                start=base + start,
                end=base + end,
                kind=kind,
                rule=rule_id,
                day=_int(groups.get("d")),
                month=_int(groups.get("m")),
                year=_int(groups.get("y")),
                offset=offsets.get((groups.get("rel") or "").lower()),
                future=any(after.startswith(w) for w in future_words),
            )
        )
    return out


def _int(text: str | None) -> int | None:
    return int(text) if text else None


def resolve(
    mention: DateMention,
    published: dt.date | None,
    own_year: int | None = None,
    upcoming_days: int = 0,
) -> dt.date | None:
    """The full date ``mention`` stands for, or None when the text does not pin one day.

    Year: as written; else the event's own year (``own_year``) when given; else the publication
    year, minus one when that would put the day after publication, unless marked "tới" or at
    most ``upcoming_days`` after it ("từ ngày 2/7" in an article of 20 May is still to come).
    """
    if mention.kind is DateKind.relative:
        if published is None or mention.offset is None:
            return None
        return published + dt.timedelta(days=mention.offset)
    if mention.kind is not DateKind.day or mention.day is None or mention.month is None:
        return None
    year = mention.year
    if year is None and own_year is not None and (published is None or own_year <= published.year):
        year = own_year
    if year is None and published is not None:
        year = published.year
        candidate = _date(year, mention.month, mention.day)
        ahead = (candidate - published).days if candidate is not None else 0
        if ahead > upcoming_days and not mention.future:
            year -= 1
    if year is None:
        return None
    return _date(year, mention.month, mention.day)


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:  # "31/2", or a number pair that was not a date after all
        return None
