"""The figures rule set compiled: lexicons as phrase matchers, settings validated.

Lexicon entries and text are compared token by token (syllables, digit strings, punctuation),
each through one spelling key, so "khoá" in the text matches "khóa" in the YAML.  A rule set is
compiled once per process and reused for every article.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from extract.records import Qualifier
from extract.ruleset import RuleSet, RuleSetError
from extract.spelling import fold

TOKEN = re.compile(r"\d+(?:[.,]\d+)*|\w+|[^\w\s]")

V = TypeVar("V")


@lru_cache(maxsize=65536)
def word_key(word: str) -> str:
    """How lexicon entries and text tokens are compared: the project's spelling key, cached per token.

    :func:`extract.spelling.fold`: lower case, NFC, one tone placement ("khoá" = "khóa"), "Ð" typed
    for "Đ".  Tokens hold no spaces, so its space folding never applies here.
    """
    return fold(word)


def keys_of(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """:func:`word_key` of each token span of ``text``."""
    return [word_key(text[a:b]) for a, b in spans]


def _keys(phrase: str) -> tuple[str, ...]:
    return tuple(word_key(t) for t in TOKEN.findall(phrase))


class Phrases(Generic[V]):
    """A lexicon of phrases matched on whole tokens, longest first."""

    def __init__(self, entries: Iterable[tuple[str, V]]) -> None:
        self._values: dict[tuple[str, ...], V] = {}
        for phrase, value in entries:
            keys = _keys(phrase)
            if keys:
                self._values.setdefault(keys, value)
        self._lengths = sorted({len(k) for k in self._values}, reverse=True)
        # Most tokens start and end no phrase: their first (last) word answers at once.
        self._firsts = frozenset(k[0] for k in self._values)
        self._lasts = frozenset(k[-1] for k in self._values)

    def at(self, keys: Sequence[str], i: int) -> tuple[int, V | None]:
        """Length and value of the longest phrase starting at ``keys[i]`` ((0, None) if none)."""
        if 0 <= i < len(keys) and keys[i] not in self._firsts:
            return 0, None
        for n in self._lengths:
            if i + n <= len(keys) and (value := self._values.get(tuple(keys[i : i + n]))) is not None:
                return n, value
        return 0, None

    def before(self, keys: Sequence[str], i: int) -> tuple[int, V | None]:
        """Length and value of the longest phrase ending just before ``keys[i]``."""
        if 0 < i <= len(keys) and keys[i - 1] not in self._lasts:
            return 0, None
        for n in self._lengths:
            if i - n >= 0 and (value := self._values.get(tuple(keys[i - n : i]))) is not None:
                return n, value
        return 0, None

    def starts(self, keys: Sequence[str], i: int) -> int:
        return self.at(keys, i)[0]

    def ends(self, keys: Sequence[str], i: int) -> int:
        return self.before(keys, i)[0]


def _listed(words: Iterable[str]) -> Phrases[bool]:
    """A lexicon where only membership matters."""
    return Phrases((word, True) for word in words)


class FigureSettings(BaseModel):
    """The ``settings`` block of a figures rule set; see the YAML for what each one means."""

    model_config = ConfigDict(extra="forbid")

    max_unit_words: int = 10
    year_min: int = 1900
    year_max: int = 2100
    phone_min_digits: int = 4
    date_max_day: int = 31
    date_max_month: int = 12
    money_context_words: int = 8
    names_capitalised: bool = True
    segment_number_words: bool = True
    tag_unknown_heads: bool = True
    noun_tags: frozenset[str] = frozenset({"N", "Nc", "Ny", "Nb", "FW"})
    measure_tags: frozenset[str] = frozenset({"Nu"})
    subject_units: bool = True
    subject_unit_penalty: float = 0.1
    range_qualifier: Qualifier | None = Qualifier.approx
    slogan_max_value: float | None = None
    verb_tags: frozenset[str] = frozenset()
    implied_currency: str | None = None


# Lexicons added after figures.v1: a rule set without them has them empty.
_OPTIONAL_PHRASES = (
    "phone_words",
    "round_the_clock",
    "comparatives",
    "restating_verbs",
    "on_surfaces",
    "count_markers",
    "count_links",
    "possessives",
    "page_counters",
)
# Lexicons of phrases where only membership matters; each is a field of CompiledRules.
_PHRASE_LEXICONS = (
    "traps_before",
    "numbered_names",
    "trap_exceptions",
    "vague_before",
    "number_word_compounds",
    "date_words",
    "non_count_units",
    "measurement_units",
    "currencies",
    "money_context",
    "percent_signs",
    "range_joiners",
    "unit_stops",
    "unit_stops_in_words",
    "unit_keeps",
    "determiners",
    "nouns",
    "classifiers",
    "head_prefixes",
    "admin_levels",
    "clause_breaks",
    "subject_markers",
    "subject_intros",
    "copulas",
    "label_marks",
    "list_joiners",
    "qualifier_over_after",
    "qualifier_under_after",
    *_OPTIONAL_PHRASES,
)
# Every lexicon a figures rule set has; a name outside this set is a typo that would be ignored.
_LEXICONS = frozenset(
    {
        *_PHRASE_LEXICONS,
        "qualifier_over",
        "qualifier_under",
        "qualifier_approx",
        "article_numerals",
        "short_phone_numbers",
    }
)


@dataclass(frozen=True)
class CompiledRules:
    """A figures rule set turned into matchers once, reused for every article."""

    ruleset: RuleSet
    settings: FigureSettings
    ratio: re.Pattern[str]
    number: re.Pattern[str]
    words: re.Pattern[str]
    quoted: re.Pattern[str]
    named: tuple[re.Pattern[str], ...]  # other "trap" patterns: a name a number opens ("6 điều Bác Hồ dạy")
    hyphen_range: re.Pattern[str] | None
    qualifiers: Phrases[Qualifier]
    article_numerals: frozenset[str]
    traps_before: Phrases[bool]
    numbered_names: Phrases[bool]
    trap_exceptions: Phrases[bool]
    vague_before: Phrases[bool]
    number_word_compounds: Phrases[bool]
    date_words: Phrases[bool]
    non_count_units: Phrases[bool]
    measurement_units: Phrases[bool]
    currencies: Phrases[bool]
    money_context: Phrases[bool]
    percent_signs: Phrases[bool]
    range_joiners: Phrases[bool]
    unit_stops: Phrases[bool]
    unit_stops_in_words: Phrases[bool]
    unit_keeps: Phrases[bool]
    determiners: Phrases[bool]
    nouns: Phrases[bool]
    classifiers: Phrases[bool]
    head_prefixes: Phrases[bool]
    admin_levels: Phrases[bool]
    clause_breaks: Phrases[bool]
    subject_markers: Phrases[bool]
    subject_intros: Phrases[bool]
    copulas: Phrases[bool]
    label_marks: Phrases[bool]
    list_joiners: Phrases[bool]
    qualifier_over_after: Phrases[bool]
    qualifier_under_after: Phrases[bool]
    phone_words: Phrases[bool]
    round_the_clock: Phrases[bool]
    comparatives: Phrases[bool]
    restating_verbs: Phrases[bool]
    on_surfaces: Phrases[bool]
    count_markers: Phrases[bool]
    count_links: Phrases[bool]
    possessives: Phrases[bool]
    page_counters: Phrases[bool]
    short_phone_numbers: frozenset[str]

    @classmethod
    def build(cls, rules: RuleSet) -> CompiledRules:
        try:
            settings = FigureSettings.model_validate(rules.settings)
        except ValidationError as exc:
            raise RuleSetError(f"rule set {rules.name}: bad settings: {exc}") from exc
        unknown = sorted(set(rules.lexicons) - _LEXICONS)
        if unknown:
            raise RuleSetError(
                f"rule set {rules.name}: unknown lexicons {unknown} (known: {sorted(_LEXICONS)})"
            )

        lex = rules.lexicon

        pattern = rules.compiled
        for needed in ("ratio", "number", "number_words", "quoted_name"):
            if needed not in pattern:
                raise RuleSetError(f"rule set {rules.name} needs a regex pattern with id {needed!r}")
        qualifiers = [
            *((w, Qualifier.over) for w in lex("qualifier_over")),
            *((w, Qualifier.under) for w in lex("qualifier_under")),
            *((w, Qualifier.approx) for w in lex("qualifier_approx")),
        ]
        return cls(
            ruleset=rules,
            settings=settings,
            ratio=pattern["ratio"],
            number=pattern["number"],
            words=pattern["number_words"],
            quoted=pattern["quoted_name"],
            named=tuple(pattern[r.id] for r in rules.patterns if r.label == "trap" and r.id != "quoted_name"),
            hyphen_range=pattern.get("hyphen_range"),  # added after figures.v1
            qualifiers=Phrases(qualifiers),
            article_numerals=frozenset(word_key(w) for w in lex("article_numerals")),
            short_phone_numbers=frozenset(lex("short_phone_numbers")),
            **{name: _listed(lex(name)) for name in _PHRASE_LEXICONS},
        )


_compiled: dict[int, CompiledRules] = {}


def compile_rules(rules: RuleSet) -> CompiledRules:
    """Compiled form of ``rules``, built on first use (rule sets are loaded once per process)."""
    found = _compiled.get(id(rules))
    if found is None or found.ruleset is not rules:
        found = _compiled[id(rules)] = CompiledRules.build(rules)
    return found
