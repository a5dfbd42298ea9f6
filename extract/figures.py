"""Figures: the counts, percentages, ratios and amounts of money an article reports.

A figure is a numeral and the noun phrase it counts: "30 tổ bảo vệ ANTT ở cơ sở", "30/30 khu dân
cư", "trên 94% khu dân cư", "gần 1 tỷ đồng".  Most numerals in these articles are something else
— dates, periods, years, document numbers, names with digits, ages, anniversaries — so the work
is in saying no.  Each numeral found by a pattern of the rule set is read with
:mod:`extract.numbers`, then kept only when

1. it is not quoted inside a short name ("2 quản, 2 tích cực") nor glued to letters or hyphens;
2. the word before it is not a date, ordinal, clause or name word (``traps_before``: "năm 2025",
   "lần thứ 2", "số 09", "Ban Chỉ đạo 138") nor a vague word ("hàng trăm");
3. it is not a year or a phone number, and "d/m" is not a date ("Chiều 29/1");
4. what follows is a noun phrase (``unit_stops`` end it) that is not a time or an age
   (``non_count_units``: "6 tháng", "78 năm");
5. a lone number word counts a listed noun ("hai cá nhân", not "hai con số"), and a head noun no
   lexicon lists is a noun to underthesea ("200 bóng đèn", not "3 sạch").  Only the few
   sentences that need it pay for underthesea.

Everything language-specific is in ``rules/figures.v1.yaml``; this module is the generic reader.
The same figure repeated in an article (a photo caption repeating the body) is kept once.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from extract import numbers
from extract.document import Document, Sentence
from extract.records import Figure, FigureKind, Qualifier, RecordBase
from extract.ruleset import RuleSet, RuleSetError

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|\w+|[^\w\s]")
# Old tone placement on open syllables ("hoà", "khoá", "uỷ") written the new way ("hòa", "khóa", "ủy").
_OLD_TONES = {
    old: new
    for base, vowel in (("o", "a"), ("o", "e"), ("u", "y"))
    for old, new in zip(
        (base + unicodedata.normalize("NFC", vowel + mark) for mark in "\u0300\u0301\u0309\u0303\u0323"),
        (unicodedata.normalize("NFC", base + mark) + vowel for mark in "\u0300\u0301\u0309\u0303\u0323"),
        strict=True,
    )
}
_DIGIT = re.compile(r"\d")

V = TypeVar("V")


@lru_cache(maxsize=65536)
def word_key(word: str) -> str:
    """How lexicon entries and text tokens are compared: lower case, NFC, one tone placement."""
    key = unicodedata.normalize("NFC", word).lower()
    tail = key[-2:]
    if tail in _OLD_TONES and not key.endswith("q" + tail):  # "quý" is not "qúy"
        key = key[:-2] + _OLD_TONES[tail]
    return key


def _keys_of(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """:func:`word_key` of each token span of ``text``, lower-casing the text once when that is safe."""
    lowered = text.lower()
    if len(lowered) != len(text) or not unicodedata.is_normalized("NFC", text):
        return [word_key(text[a:b]) for a, b in spans]
    keys = []
    for a, b in spans:
        key = lowered[a:b]
        if key[-2:] in _OLD_TONES:
            key = word_key(key)
        keys.append(key)
    return keys


def _keys(phrase: str) -> tuple[str, ...]:
    return tuple(word_key(t) for t in _TOKEN.findall(phrase))


class Phrases(Generic[V]):
    """A lexicon of phrases matched on whole tokens, longest first."""

    def __init__(self, entries: Iterable[tuple[str, V]]) -> None:
        self._values: dict[tuple[str, ...], V] = {}
        for phrase, value in entries:
            keys = _keys(phrase)
            if keys:
                self._values.setdefault(keys, value)
        self._lengths = sorted({len(k) for k in self._values}, reverse=True)

    def at(self, keys: Sequence[str], i: int) -> tuple[int, V | None]:
        """Length and value of the longest phrase starting at ``keys[i]`` ((0, None) if none)."""
        for n in self._lengths:
            if i + n <= len(keys) and (value := self._values.get(tuple(keys[i : i + n]))) is not None:
                return n, value
        return 0, None

    def before(self, keys: Sequence[str], i: int) -> tuple[int, V | None]:
        """Length and value of the longest phrase ending just before ``keys[i]``."""
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


# Every lexicon a figures rule set has; a name outside this set is a typo that would be ignored.
_LEXICONS = frozenset(
    {
        "qualifier_over",
        "qualifier_under",
        "qualifier_approx",
        "traps_before",
        "trap_exceptions",
        "vague_before",
        "date_words",
        "non_count_units",
        "currencies",
        "money_context",
        "percent_signs",
        "article_numerals",
        "unit_stops",
        "unit_stops_in_words",
        "unit_keeps",
        "determiners",
        "nouns",
        "classifiers",
        "head_prefixes",
        "admin_levels",
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
    qualifiers: Phrases[Qualifier]
    traps_before: Phrases[bool]
    trap_exceptions: Phrases[bool]
    vague_before: Phrases[bool]
    date_words: Phrases[bool]
    non_count_units: Phrases[bool]
    currencies: Phrases[bool]
    money_context: Phrases[bool]
    percent_signs: Phrases[bool]
    article_numerals: frozenset[str]
    unit_stops: Phrases[bool]
    unit_stops_in_words: Phrases[bool]
    unit_keeps: Phrases[bool]
    determiners: Phrases[bool]
    nouns: Phrases[bool]
    classifiers: Phrases[bool]
    head_prefixes: Phrases[bool]
    admin_levels: Phrases[bool]

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
            qualifiers=Phrases(qualifiers),
            traps_before=_listed(lex("traps_before")),
            trap_exceptions=_listed(lex("trap_exceptions")),
            vague_before=_listed(lex("vague_before")),
            date_words=_listed(lex("date_words")),
            non_count_units=_listed(lex("non_count_units")),
            currencies=_listed(lex("currencies")),
            money_context=_listed(lex("money_context")),
            percent_signs=_listed(lex("percent_signs")),
            article_numerals=frozenset(word_key(w) for w in lex("article_numerals")),
            unit_stops=_listed(lex("unit_stops")),
            unit_stops_in_words=_listed(lex("unit_stops_in_words")),
            unit_keeps=_listed(lex("unit_keeps")),
            determiners=_listed(lex("determiners")),
            nouns=_listed(lex("nouns")),
            classifiers=_listed(lex("classifiers")),
            head_prefixes=_listed(lex("head_prefixes")),
            admin_levels=_listed(lex("admin_levels")),
        )


_compiled: dict[int, CompiledRules] = {}


def compile_rules(rules: RuleSet) -> CompiledRules:
    """Compiled form of ``rules``, built on first use (rule sets are loaded once per process)."""
    found = _compiled.get(id(rules))
    if found is None or found.ruleset is not rules:
        found = _compiled[id(rules)] = CompiledRules.build(rules)
    return found


@dataclass(frozen=True, slots=True)
class _Token:
    text: str
    start: int
    end: int
    key: str

    @property
    def is_word(self) -> bool:
        return self.text[0].isalpha()

    @property
    def is_number(self) -> bool:
        return self.text[0].isdigit()


@dataclass(frozen=True, slots=True)
class _Numeral:
    """A numeral found in a sentence, as token indices ``[first, end)`` (percent sign included)."""

    rule: str
    first: int
    end: int
    value: float
    total: float | None = None
    percent: bool = False
    scaled: bool = False  # a scale word was read ("1,5 tỷ")
    written: str = ""  # the digits as written, for year, phone and English-grouping checks
    written_total: str = ""  # the same for the total of a ratio
    single_word: str = ""  # the one numeral word when written as a lone word ("hai")


@dataclass(frozen=True, slots=True)
class _Unit:
    """Token spans of the counted noun phrase and of its head."""

    first: int
    last: int
    head_first: int
    head_last: int


class _Sentence:
    """One sentence read for figures: its tokens and the numerals found in it."""

    def __init__(self, document: Document, sentence: Sentence, rules: CompiledRules) -> None:
        self.document, self.sentence, self.rules = document, sentence, rules
        self.text = sentence.text
        spans = [m.span() for m in _TOKEN.finditer(self.text)]
        self.keys = _keys_of(self.text, spans)
        self.tokens = [
            _Token(self.text[a:b], a, b, key) for (a, b), key in zip(spans, self.keys, strict=True)
        ]
        self._index = {t.start: i for i, t in enumerate(self.tokens)}
        self.quoted = [m.span() for m in rules.quoted.finditer(self.text)]

    # -- finding numerals -------------------------------------------------------------------

    def numerals(self) -> Iterator[_Numeral]:
        """Ratios first, then digits, then words; a token belongs to one numeral only."""
        taken: set[int] = set()
        for numeral in self._ratios():
            taken.update(range(numeral.first, numeral.end))
            yield numeral
        for numeral in self._digits(taken):
            taken.update(range(numeral.first, numeral.end))
            yield numeral
        for numeral in self._words(taken):
            taken.update(range(numeral.first, numeral.end))
            yield numeral

    def _ratios(self) -> Iterator[_Numeral]:
        for m in self.rules.ratio.finditer(self.text):
            first, last = self._index.get(m.start("value")), self._index.get(m.start("total"))
            value, total = numbers.parse_digits(m["value"]), numbers.parse_digits(m["total"])
            if first is not None and last is not None and value is not None and total is not None:
                yield _Numeral(
                    "ratio", first, last + 1, value, total, written=m["value"], written_total=m["total"]
                )

    def _digits(self, taken: set[int]) -> Iterator[_Numeral]:
        for m in self.rules.number.finditer(self.text):
            first = self._index.get(m.start("number"))
            if first is None or first in taken:
                continue
            read = numbers.read_numeral(self.keys, first)
            if read is None:
                continue
            value, end = read
            yield self._with_percent("number", first, end, value, written=m["number"], single_word="")

    def _words(self, taken: set[int]) -> Iterator[_Numeral]:
        for m in self.rules.words.finditer(self.text):
            first = self._index.get(m.start())
            if first is None or first in taken:
                continue
            read = numbers.read_numeral(self.keys, first)
            if read is None:
                continue
            value, end = read
            single = self.keys[first] if end == first + 1 else ""
            yield self._with_percent("number_words", first, end, value, written="", single_word=single)

    def _with_percent(
        self, rule: str, first: int, end: int, value: float, *, written: str, single_word: str
    ) -> _Numeral:
        """The numeral ``[first, end)``, with a "%" or "phần trăm" after it taken in."""
        sign = self.rules.percent_signs.starts(self.keys, end)
        scaled = end - first > 1
        return _Numeral(
            rule,
            first,
            end + sign,
            value,
            percent=bool(sign),
            scaled=scaled,
            written=written,
            single_word=single_word,
        )

    # -- deciding ---------------------------------------------------------------------------

    def _inside_quotes(self, char: int) -> bool:
        return any(start < char < end for start, end in self.quoted)

    def _opens_clause(self, i: int) -> bool:
        return i == 0 or not (self.tokens[i - 1].is_word or self.tokens[i - 1].is_number)

    def is_trap(self, numeral: _Numeral) -> bool:
        """Whether the context says this numeral is no quantity (see the module docstring)."""
        r, keys, i = self.rules, self.keys, numeral.first
        first = self.tokens[i]
        if self._inside_quotes(first.start):
            return True
        if r.traps_before.ends(keys, i) and not r.trap_exceptions.ends(keys, i):
            return True
        if r.vague_before.ends(keys, i):
            return True
        if numeral.single_word in r.article_numerals:
            return True
        if numeral.rule == "number_words" and r.settings.names_capitalised:
            if first.text[0].isupper() and not self._opens_clause(i):
                return True  # "quận Hai Bà Trưng", "huyện Ba Vì"
        written = numeral.written
        if numeral.total is None and not numeral.percent and self._is_year(written):
            return True
        if written.startswith("0") and len(_DIGIT.findall(written)) >= r.settings.phone_min_digits:
            return True
        return numeral.total is not None and self._is_date(numeral)

    def _is_year(self, written: str) -> bool:
        """A bare four-digit year ("2025"); "2.025" would be a count."""
        s = self.rules.settings
        return len(written) == 4 and written.isdigit() and s.year_min <= int(written) <= s.year_max

    def is_date_shape(self, numeral: _Numeral) -> bool:
        s = self.rules.settings
        total = numeral.total or 0
        return 1 <= numeral.value <= s.date_max_day and 1 <= total <= s.date_max_month

    def _is_date(self, numeral: _Numeral) -> bool:
        """A month and year ("12/2025") always; a day and month ("29/1") after a date word."""
        if self._is_year(numeral.written_total):
            return True
        return self.is_date_shape(numeral) and bool(self.rules.date_words.ends(self.keys, numeral.first))

    def unit(self, start: int) -> _Unit | None:
        """The noun phrase from token ``start``: up to punctuation, a number or a stop word.

        A comma followed by a listed noun continues it ("cơ quan, doanh nghiệp"); a kept phrase
        overrides a stop ("tổ bảo vệ ANTT ở cơ sở").
        """
        r, keys, tokens = self.rules, self.keys, self.tokens
        j, last, count = start, -1, 0
        while j < len(tokens) and count < r.settings.max_unit_words:
            token = tokens[j]
            if not token.is_word:
                noun = self._listed_after_comma(j) if last >= 0 else 0
                if noun:
                    last, j, count = j + noun, j + 1 + noun, count + noun
                    continue
                break
            keep = r.nouns.starts(keys, j) or (r.unit_keeps.starts(keys, j) if last >= 0 else 0)
            if keep:  # a listed noun is whole even when a syllable of it is a stop ("thiết bị")
                last, j, count = j + keep - 1, j + keep, count + keep
                continue
            if r.unit_stops.starts(keys, j) and not self._inside_word(j, last):
                break
            last, j, count = j, j + 1, count + 1
        if last < 0:
            return None
        head_first, head_last = self._head(start, last)
        return _Unit(start, last, head_first, head_last)

    def _inside_word(self, j: int, last: int) -> bool:
        """Whether the stop syllable at ``j`` ends a word begun before it ("đăng ký", "thực hiện").

        Asked of underthesea only for the listed ambiguous syllables, after a syllable that no
        lexicon closes, so most units never need it.
        """
        r, keys = self.rules, self.keys
        if last < 0 or last != j - 1 or not r.unit_stops_in_words.starts(keys, j):
            return False
        if r.nouns.ends(keys, j) or r.unit_keeps.ends(keys, j):
            return False  # "hộ gia đình | ký cam kết": a listed word ends right before
        starts = {start for _, _, start, _ in self.document.pos(self.sentence)}
        return self.sentence.start + self.tokens[j].start not in starts

    def _listed_after_comma(self, j: int) -> int:
        """Length of a listed noun standing alone after a comma at ``j`` ("xã, phường trên ..."), else 0.

        Alone means followed by punctuation, a stop word or the end: in "loại mô hình, tổ chức 45
        buổi" the words after the comma start a new clause.
        """
        r, keys, tokens = self.rules, self.keys, self.tokens
        if tokens[j].text != "," or j + 1 >= len(tokens) or not tokens[j + 1].is_word:
            return 0
        noun = r.nouns.starts(keys, j + 1)
        after = j + 1 + noun
        if noun and (
            after >= len(tokens)
            or (not tokens[after].is_word and not tokens[after].is_number)
            or r.unit_stops.starts(keys, after)
        ):
            return noun
        return 0

    def _head(self, first: int, last: int) -> tuple[int, int]:
        """The head noun inside ``[first, last]``: past determiners, compounds and classifiers whole."""
        r, keys = self.rules, self.keys
        h = first
        while h < last and (n := r.determiners.starts(keys, h)) and h + n <= last:
            h += n
        prefix = r.head_prefixes.starts(keys, h)
        if prefix and (level := r.admin_levels.starts(keys, h + prefix)):
            return h, min(last, h + prefix + level - 1)  # "UBND xã"
        noun = r.nouns.starts(keys, h)
        classifier = r.classifiers.starts(keys, h)
        if classifier and noun <= classifier and h + classifier <= last:
            counted = r.nouns.starts(keys, h + classifier)
            if counted:
                return h, min(last, h + classifier + counted - 1)  # "loại mô hình", "lượt người"
        if noun or classifier:
            return h, min(last, h + max(noun, classifier) - 1)
        return h, h

    def whole_words(self, *spans: tuple[int, int]) -> bool:
        """Whether each token span ``(first, last)`` is a run of whole underthesea words."""
        words = self.document.pos(self.sentence)
        starts = {start for _, _, start, _ in words}
        ends = {end for _, _, _, end in words}
        base = self.sentence.start
        return all(
            base + self.tokens[first].start in starts and base + self.tokens[last].end in ends
            for first, last in spans
        )

    def currency(self, unit: _Unit) -> _Unit | None:
        """The currency word heading ``unit``, as a unit of its own ("tỷ đồng" counts "đồng")."""
        r, h = self.rules, unit.head_first
        n = r.currencies.starts(self.keys, h)
        if not n or r.nouns.starts(self.keys, h) > n:
            return None
        return _Unit(h, h + n - 1, h, h + n - 1)

    def counts_noun(self, numeral: _Numeral, unit: _Unit) -> bool:
        """Whether a lone number word ("hai", "năm") counts its noun, as a numeral must.

        Only a listed noun will do (not "hai con số"), and with ``segment_number_words`` both
        must be whole words to underthesea ("năm bản lề" is a year, not five "bản").
        """
        r, h = self.rules, unit.head_first
        if not (r.nouns.starts(self.keys, h) or r.classifiers.starts(self.keys, h)):
            return False
        if not r.settings.segment_number_words:
            return True
        return self.whole_words((numeral.first, numeral.first), (unit.head_first, unit.head_last))

    def tagged_head(self, unit: _Unit) -> _Unit | None:
        """``unit`` with its head set to underthesea's word there, or None when that is no noun.

        For heads the lexicon does not know ("bóng đèn", "chuyến"); rejects adjectives and
        verbs that follow a number inside slogans ("3 sạch", "đạt 5 tốt").
        """
        base = self.sentence.start
        head_start = base + self.tokens[unit.head_first].start
        for _, tag, start, end in self.document.pos(self.sentence):
            if start == head_start:
                if not tag.startswith("N") or tag == "Np":
                    return None  # not a noun, or a name ("1 2 3 Tiếp" in page furniture)
                last = unit.head_first
                while last < unit.last and base + self.tokens[last + 1].end <= end:
                    last += 1
                return _Unit(unit.first, unit.last, unit.head_first, last)
        return unit  # underthesea split the text elsewhere: keep the syllable head

    def known_head(self, unit: _Unit) -> bool:
        r, h = self.rules, unit.head_first
        return any(lex.starts(self.keys, h) for lex in (r.nouns, r.classifiers, r.head_prefixes))

    def span_text(self, first: int, last: int) -> str:
        return self.text[self.tokens[first].start : self.tokens[last].end]

    def money_nearby(self, i: int) -> bool:
        window = self.rules.settings.money_context_words
        return any(self.rules.money_context.starts(self.keys, j) for j in range(max(0, i - window), i))


def _figure(sentence: _Sentence, numeral: _Numeral) -> dict[str, object] | None:
    """The fields of a figure for ``numeral``, or None when it is not one."""
    r, keys = sentence.rules, sentence.keys
    if sentence.is_trap(numeral) or r.non_count_units.starts(keys, numeral.end):
        return None  # "6 tháng", "78 năm", "hai con số"
    if numeral.single_word and not (
        r.nouns.starts(keys, numeral.end) or r.classifiers.starts(keys, numeral.end)
    ):
        return None  # a lone number word counts only a listed noun ("năm thực hiện" is a year)
    unit = sentence.unit(numeral.end)
    money, known = False, True
    if unit is not None:
        currency = sentence.currency(unit)
        if currency is not None:
            money, unit = True, currency  # "1 tỷ đồng"; "3 đồng chí" is people
        elif r.non_count_units.starts(keys, unit.head_first):
            return None  # "100% các năm"
        elif numeral.single_word and not sentence.counts_noun(numeral, unit):
            return None  # a lone number word must count a listed noun: not "hai con số"
        elif not sentence.known_head(unit):
            known = False
            if r.settings.tag_unknown_heads:
                unit = sentence.tagged_head(unit)  # None unless it is a noun: not "3 sạch"
    value = numeral.value
    if numeral.total is not None:
        if numeral.value > numeral.total:
            return None
        if sentence.is_date_shape(numeral) and (unit is None or not known):
            return None  # "1/5 Ban ..." reads as a date; "8/8 cơ sở giáo dục" as a ratio
        kind = FigureKind.ratio
    elif numeral.percent:
        kind = FigureKind.percent
    elif money or (unit is None and numeral.scaled and value >= 1e6 and sentence.money_nearby(numeral.first)):
        kind = FigureKind.money
    elif unit is None:
        return None
    else:
        kind = FigureKind.count
        if not value.is_integer() and numeral.written and not numeral.scaled:
            value = numbers.parse_digits(numeral.written, whole=True) or value  # "1,500 hội viên"
    _, qualifier = r.qualifiers.before(keys, numeral.first)
    confidence = r.ruleset.rule(numeral.rule).confidence - (0.0 if known else 0.15)
    return {
        "value": value,
        "total": numeral.total,
        "kind": kind,
        "qualifier": qualifier,
        "unit": sentence.span_text(unit.first, unit.last) if unit else None,
        "head": sentence.span_text(unit.head_first, unit.head_last) if unit else None,
        "head_key": " ".join(keys[unit.head_first : unit.head_last + 1]) if unit else "",
        "rule": numeral.rule,
        "confidence": round(max(0.0, confidence), 3),
    }


def extract(document: Document, rules: RuleSet, found: dict[str, list[RecordBase]]) -> list[Figure]:
    """Figures of ``document``, one per (kind, value, total, head noun), in text order."""
    compiled = compile_rules(rules)
    figures: list[Figure] = []
    seen: set[tuple[object, ...]] = set()
    for sentence in document.sentences:
        if not _DIGIT.search(sentence.text) and not compiled.words.search(sentence.text):
            continue
        reader = _Sentence(document, sentence, compiled)
        for numeral in reader.numerals():
            fields = _figure(reader, numeral)
            if fields is None:
                continue
            key = (fields["kind"], fields["value"], fields["total"], fields.pop("head_key"))
            if key in seen:
                continue
            seen.add(key)
            figures.append(Figure(evidence=document.evidence(sentence), ruleset=rules.name, **fields))
    return figures
