"""When an event happened and what period it covers.

* date: the anchor sentence's date expression, resolved against the publication date
  (:mod:`extract.dates`); several days or "vừa qua" give ``None``.  A sentence with none takes
  the date of what it follows on ("Ngay sau hội nghị, ...", "Cùng ngày, ...": the day of the
  event reported before it), else a related sentence's opening date, else, for a headline, the
  date opening the lead ("Sáng 12/8, ...").
* period: the first period after the trigger ("năm 2025", "giai đoạn 2023 - 2025"), stopping,
  for review events, where the plan for next year begins.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from extract import dates
from extract.events.anchors import reviewed
from extract.events.article import Article
from extract.events.mentions import Mention

PERIOD_PREFIX = "period:"
_PARENS = re.compile(r"\s*\([^()]*\)")

# (position of an anchor, its resolved date) of the events read before, in text order
Earlier = Sequence[tuple[int, dt.date | None]]


def event_date(
    article: Article, anchor: Mention, related: Sequence[Mention], own_year: int | None, earlier: Earlier
) -> dt.date | None:
    """The anchor's date (see the module docstring for the fallbacks).

    Of the anchor's dates, the one opening a clause before the trigger wins ("..., Ngày 28-8,
    Ban Chỉ đạo ... tổ chức"), else the first: a page's "cập nhật ... ngày" stamp glued to
    the lead, or a date later in the sentence, is not the event's.
    """
    text = article.text
    found = article.dates_in(anchor.sentence)
    if found:
        leading = [
            d for d in found if d.end <= anchor.start and text[d.end : d.end + 2].lstrip().startswith(",")
        ]
        chosen = leading[-1] if leading else found[0]
        if chosen.kind in (dates.DateKind.range, dates.DateKind.vague):
            return None
        if chosen.end <= anchor.start and article.words.report.search(text, chosen.end, anchor.start):
            return None  # "Ngày 28/9, Công an huyện A cho biết, đã ra mắt ...": the report's day
        return article.resolve(chosen, own_year)
    act = article.act_rule(anchor.rule) or {}
    if act.get("after_report") and (report := article.report_before(anchor.sentence)) is not None:
        return article.resolve(report, own_year)  # the day of the news the act goes on with
    if article.words.follow_on.match(text, anchor.sentence.start, anchor.start):
        before = [day for at, day in earlier if at < anchor.start]
        if before:
            return before[-1]
    for m in related:
        if reviewed(article, m):
            continue  # "Đến ngày 31/7, 100% khu dân cư đã tổ chức Ngày hội": many, not this one
        lead = article.leading_date(m.sentence)
        if lead is not None:
            return article.resolve(lead, own_year)
    if anchor.sentence is article.document.headline and article.lead is not None:
        lead = article.leading_date(article.lead)
        if lead is not None:
            return article.resolve(lead, own_year)
    return None


def period(article: Article, mention: Mention, after_trigger: bool = True) -> tuple[int | None, str | None]:
    """(own year written right after the trigger, period covered) read after the trigger."""
    s = mention.sentence
    tail = article.text[mention.end if after_trigger else s.start : s.end]
    if after_trigger and mention.type.value in article.setting_list("review_types"):
        stop = article.words.period_stop.search(tail)
        if stop is not None:
            tail = tail[: stop.start()]
    best: tuple[re.Match[str], str] | None = None
    for rule in article.rules.patterns:
        if not (rule.label or "").startswith(PERIOD_PREFIX):
            continue
        m = article.rules.compiled[rule.id].search(tail)
        if m is not None and (best is None or m.start() < best[0].start()):
            best = (m, rule.label.removeprefix(PERIOD_PREFIX))
    if best is None:
        return None, None
    m, kind = best
    if kind == "range":
        covered = f"{m['y1']}-{m['y2']}"
    elif kind == "part":
        covered = " ".join(m.group().split())
    else:
        covered = m["y1"]
    adjacent = not _PARENS.sub("", tail[: m.start()]).strip(" “”\"'")
    own_year = int(m["y1"]) if kind == "year" and adjacent else None
    return own_year, covered
