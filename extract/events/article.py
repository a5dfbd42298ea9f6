"""One article as the event readers see it: text, rule set, and what several of them ask for.

Date expressions per sentence, the administrative units named anywhere, and the primary
triggers of each sentence are computed once here and shared by the anchor, date and place
readers.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from extract import dates, places
from extract.document import Document, Sentence
from extract.events.words import Words
from extract.ruleset import RuleSet

if TYPE_CHECKING:
    from extract.events.mentions import Mention

GUARD_PREFIX = "guard:"
# How far into a sentence a date still "opens" it ("BBK - Chiều 02/8, ...").
_LEADING_CHARS = 12


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

    def leading_date(self, sentence: Sentence) -> dates.DateMention | None:
        """A date expression opening the sentence ("Chiều 29/1, ...", "BBK - Ngày 2/2, ...")."""
        for d in self.dates_in(sentence):
            if d.start - sentence.start <= _LEADING_CHARS:
                return d
        return None

    @cached_property
    def units(self) -> list[places.UnitMention]:
        return places.find_units(
            self.text,
            self.rules.lexicon("unit_levels"),
            self.rules.lexicons.get("unit_name_stops", []),
            lowered=self.document.lowered,
        )

    @cached_property
    def lead(self) -> Sentence | None:
        """The first sentence after the headline: where a report gives its event's date."""
        sentences = self.document.sentences
        headline = self.document.headline
        index = 1 if headline is not None else 0
        return sentences[index] if index < len(sentences) else None
