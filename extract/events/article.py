"""One article as the event readers see it: text, rule set, and what several of them ask for.

Date expressions per sentence, the administrative units named anywhere, and the primary
triggers of each sentence are computed once here and shared by the anchor, date and place
readers.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cached_property
from typing import TYPE_CHECKING

from extract import dates, places
from extract.document import Document, Sentence
from extract.events.words import Words
from extract.ruleset import RuleSet
from extract.spelling import fold

if TYPE_CHECKING:
    from extract.events.mentions import Mention

GUARD_PREFIX = "guard:"
# How far into a sentence a date still "opens" it ("BBK - Chiều 02/8, ...").
_LEADING_CHARS = 12
# ... or a news source's tag before a dash, however long ("(Cadn.com.vn) - Ngày 5-10, ...").
_SOURCE_TAG = re.compile(r"\(?[\w.&]+(?:\s[\w.&]+){0,3}\)?\s*[-–—]+\s*")
# A day and month written with digits ("2/7", "15-7", "1.7"), inside a date range.
_DAY_MONTH = re.compile(r"(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})(?!\d)")


class Article:
    """The article, its rule set and the per-article caches of the event readers."""

    def __init__(self, document: Document, rules: RuleSet) -> None:
        self.document = document
        self.text = document.text
        self.rules = rules
        self.settings = rules.settings
        self.words = Words.of(rules)
        self.primary_by_sentence: dict[int, list[Mention]] = {}  # sentence start -> triggers
        self._dates: dict[int, list[dates.DateMention]] = {}

    def setting_list(self, name: str) -> list[str]:
        return list(self.settings.get(name, []))

    def dates_in(self, sentence: Sentence) -> list[dates.DateMention]:
        """Date expressions dating the event, not a document ("Quyết định số ... ngày 28/12")."""
        cached = self._dates.get(sentence.start)
        if cached is not None:
            return cached
        guards = [
            self.rules.compiled[r.id] for r in self.rules.patterns if (r.label or "").startswith(GUARD_PREFIX)
        ]
        out = []
        for d in dates.find_dates(sentence.text, self.rules, base=sentence.start):
            before = self.text[max(sentence.start, d.start - 40) : d.start]
            if not any(g.search(before) for g in guards):
                out.append(d)
        self._dates[sentence.start] = out
        return out

    @property
    def upcoming_days(self) -> int:
        return int(self.settings.get("upcoming_days", 0))

    def resolve(self, mention: dates.DateMention, own_year: int | None = None) -> dt.date | None:
        """``mention`` resolved against the publication date (see :func:`dates.resolve`)."""
        return dates.resolve(mention, self.document.published, own_year, self.upcoming_days)

    def upcoming(self, sentence: Sentence) -> bool:
        """Whether the sentence dates something after publication: a plan, not a report.

        "Ngày hội ... tổ chức từ ngày 2/7, đến ngày 10/8" in an article of 20 May.
        """
        published = self.document.published
        if published is None:
            return False
        for d in self.dates_in(sentence):
            if d.kind is dates.DateKind.range:
                first = _DAY_MONTH.search(self.text, d.start, d.end)  # the range's first day
                if first is None:
                    continue
                day_month = (int(first[1]), int(first[2]))
                d = dates.DateMention(d.start, d.end, dates.DateKind.day, d.rule, *day_month)
            day = self.resolve(d) if d.kind is dates.DateKind.day else None
            if day is not None and day > published:
                return True
        return False

    def leading_date(self, sentence: Sentence) -> dates.DateMention | None:
        """A date expression opening the sentence ("Chiều 29/1, ...", "BBK - Ngày 2/2, ...",
        "(Cadn.com.vn) - Ngày 5-10, ...")."""
        for d in self.dates_in(sentence):
            if d.start - sentence.start <= _LEADING_CHARS or _SOURCE_TAG.fullmatch(
                self.text, sentence.start, d.start
            ):
                return d
        return None

    def act_rule(self, rule: str) -> dict[str, bool] | None:
        """Setting ``act_rules`` of a trigger rule: None when its trigger names a gathering, not an
        act of giving or praising."""
        return self.settings.get("act_rules", {}).get(rule)

    def report_before(self, sentence: Sentence) -> dates.DateMention | None:
        """The opening date of the body sentence right before ``sentence`` when that sentence names
        no gathering of its own: the day of the news an undated act goes on with ("Sáng 3/11, UBND
        phường A đã biểu dương một người dân ... UBND phường A tổ chức trao giấy khen ...")."""
        before = self.document.previous(sentence)
        if before is None or before is self.document.headline or self.primary_by_sentence.get(before.start):
            return None
        return self.leading_date(before)

    @cached_property
    def units(self) -> list[places.UnitMention]:
        """Administrative units named in the text, but for a level word and a name's first word
        that together name a body (lexicon ``body_units``: "Tỉnh Đoàn Đông Lâm" is the province's
        youth union, no province "Đoàn Đông Lâm"; "xã Đoàn Kết" stays a commune)."""
        found = places.find_units(
            self.text,
            self.rules.lexicon("unit_levels"),
            self.rules.lexicon("unit_name_stops"),
            lowered=self.document.lowered,
            qualifiers=self.rules.lexicon("unit_qualifiers"),
            acronyms=self.settings.get("unit_acronyms", {}),
        )
        bodies = {fold(b) for b in self.rules.lexicon("body_units")}
        return [u for u in found if not u.name or fold(f"{u.level} {u.name.split()[0]}") not in bodies]

    @cached_property
    def folded_text(self) -> str:
        """The whole text folded (:func:`fold`), to ask whether the article names a word at all."""
        return fold(self.text)

    @cached_property
    def lead(self) -> Sentence | None:
        """The first sentence after the headline: where a report gives its event's date."""
        sentences = self.document.sentences
        headline = self.document.headline
        index = 1 if headline is not None else 0
        return sentences[index] if index < len(sentences) else None
