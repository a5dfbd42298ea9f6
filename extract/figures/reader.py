"""One sentence read for figures: its numerals, whether each is a quantity, and what it counts.

The reader is generic; every word it decides on comes from the compiled rule set
(:mod:`extract.figures.lexicon`).  underthesea's POS tags (:meth:`Document.pos`, cached per
sentence) are asked for only where no lexicon decides: a head noun nobody listed, a lone number
word, a stop syllable that may end a word.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import NamedTuple

from extract import numbers
from extract.document import Document, Sentence
from extract.figures.lexicon import TOKEN, CompiledRules, word_key
from extract.records import Qualifier

# How many tokens before a comma a kept phrase may start ("về an ninh , trật tự").
_KEPT_REACH = 6
# How many words a bracketed abbreviation may have ("(TTXH)", "(BCĐ 138)" is no abbreviation).
_ABBREVIATION_WORDS = 2


class Token(NamedTuple):
    """A token of the sentence (a named tuple: built by the dozen per sentence, cheaper than a
    frozen dataclass, as immutable)."""

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
class Numeral:
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
    ranged: bool = False  # the lower bound of a range read as one numeral ("từ 12 đến 18 người")


@dataclass(frozen=True, slots=True)
class Unit:
    """Token spans of the counted noun phrase and of its head."""

    first: int
    last: int
    head_first: int
    head_last: int


class SentenceReader:
    """One sentence read for figures: its tokens and the numerals found in it."""

    def __init__(self, document: Document, sentence: Sentence, rules: CompiledRules) -> None:
        self.document, self.sentence, self.rules = document, sentence, rules
        self.text = sentence.text
        new, key = tuple.__new__, word_key
        self.tokens = [
            new(Token, (t := m.group(), m.start(), m.end(), key(t))) for m in TOKEN.finditer(self.text)
        ]
        self.keys = [t.key for t in self.tokens]
        self._index = {t.start: i for i, t in enumerate(self.tokens)}
        self.quoted = [m.span() for m in rules.quoted.finditer(self.text)]
        self.named = [m.span() for named in rules.named for m in named.finditer(self.text)]

    # -- finding numerals -------------------------------------------------------------------

    def numerals(self) -> list[Numeral]:
        """The numerals of the sentence in text order; a token belongs to one numeral only.

        Ratios are found first (their parts are digits too), then digits, then words.
        """
        taken: set[int] = set()
        found: list[Numeral] = []
        for numeral in self._ratios():
            taken.update(range(numeral.first, numeral.end))
            found.append(numeral)
        for numeral in self._hyphen_ranges():
            taken.update(range(numeral.first, numeral.end))
            found.append(numeral)
        for numeral in self._digits(taken):
            taken.update(range(numeral.first, numeral.end))
            found.append(numeral)
        for numeral in self._words(taken):
            taken.update(range(numeral.first, numeral.end))
            found.append(numeral)
        found.sort(key=lambda numeral: numeral.first)
        return self._ranges(found)

    def _ranges(self, found: list[Numeral]) -> list[Numeral]:
        """Two numerals joined by a range word ("từ 12 đến 18 người", "4 - 6%") read as one.

        The range keeps its lower bound as the value (see ``range_qualifier`` in the rule set),
        with the upper bound's scale when only that one has it ("từ 1 đến 2 tỷ đồng").  A lower
        bound with its own percent sign or unit is a figure of its own ("từ 4% xuống 2,5%").
        """
        out: list[Numeral] = []
        for high in found:
            low = out[-1] if out else None
            joiner = self.rules.range_joiners.starts(self.keys, low.end) if low is not None else 0
            if (
                low is None
                or not joiner
                or high.first != low.end + joiner
                or low.total is not None
                or high.total is not None
                or low.percent
                or low.ranged
            ):
                out.append(high)
                continue
            value = low.value
            if high.scaled and not low.scaled and high.written:
                base = numbers.parse_digits(high.written)
                value = low.value * high.value / base if base else value
            if value >= high.value:
                out.append(high)  # "3 - 2": a score, not a range
                continue
            out[-1] = Numeral(
                low.rule,
                low.first,
                high.end,
                value,
                percent=high.percent,
                scaled=low.scaled or high.scaled,
                written=low.written,
                single_word=high.single_word if low.single_word else "",
                ranged=True,
            )
        return out

    def _ratios(self) -> Iterator[Numeral]:
        for m in self.rules.ratio.finditer(self.text):
            first, last = self._index.get(m.start("value")), self._index.get(m.start("total"))
            value, total = numbers.parse_digits(m["value"]), numbers.parse_digits(m["total"])
            if first is not None and last is not None and value is not None and total is not None:
                yield Numeral(
                    "ratio", first, last + 1, value, total, written=m["value"], written_total=m["total"]
                )

    def _hyphen_ranges(self) -> Iterator[Numeral]:
        """Ranges glued by a hyphen ("3-5 người", "5-10%"), read as their lower bound.

        Only a rising range followed by a percent sign or a listed noun: "15-3" is a date,
        "2-1" a score, "3-5 tháng" a period.
        """
        pattern, r = self.rules.hyphen_range, self.rules
        if pattern is None:
            return
        for m in pattern.finditer(self.text):
            first, last = self._index.get(m.start("low")), self._index.get(m.start("high"))
            low, high = numbers.parse_digits(m["low"]), numbers.parse_digits(m["high"])
            if first is None or last is None or low is None or high is None or low >= high:
                continue
            numeral = self._with_percent(
                "hyphen_range", first, last + 1, low, written=m["low"], single_word=""
            )
            j = numeral.end
            if numeral.percent or r.nouns.starts(self.keys, j) or r.classifiers.starts(self.keys, j):
                yield replace(numeral, scaled=False, ranged=True)

    def _digits(self, taken: set[int]) -> Iterator[Numeral]:
        for m in self.rules.number.finditer(self.text):
            first = self._index.get(m.start("number"))
            if first is None or first in taken:
                continue
            read = numbers.read_numeral(self.keys, first)
            if read is None:
                continue
            value, end = read
            yield self._with_percent("number", first, end, value, written=m["number"], single_word="")

    def _words(self, taken: set[int]) -> Iterator[Numeral]:
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
    ) -> Numeral:
        """The numeral ``[first, end)``, with a "%" or "phần trăm" after it taken in."""
        sign = self.rules.percent_signs.starts(self.keys, end)
        scaled = end - first > 1
        return Numeral(
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

    def opens_quote(self, j: int) -> bool:
        """Whether token ``j`` opens a short quoted name ('15 “mắt thần”', '23 “Công an phường ...”')."""
        return j < len(self.tokens) and any(start == self.tokens[j].start for start, _ in self.quoted)

    def _opens_clause(self, i: int) -> bool:
        return i == 0 or not (self.tokens[i - 1].is_word or self.tokens[i - 1].is_number)

    def is_trap(self, numeral: Numeral) -> bool:
        """Whether the context says this numeral is no quantity (see the module docstring)."""
        r, keys, i = self.rules, self.keys, numeral.first
        first = self.tokens[i]
        if self._inside_quotes(first.start):
            return True
        if any(start <= first.start < end for start, end in self.named):
            return True  # "6 điều Bác Hồ dạy": the number opens a name
        if r.traps_before.ends(keys, i) and not r.trap_exceptions.ends(keys, i):
            return True
        if r.phone_words.ends(keys, i) and not self._counted_after_phone_word(numeral):
            return True  # "đường dây nóng 113"; but "qua đường dây nóng 54 cuộc gọi"
        if numeral.total is not None and self._round_the_clock(numeral):
            return True  # "trực 24/24", "24/7"
        if r.numbered_names.ends(keys, i) and not self._amount_after_name(numeral):
            return True  # "thôn 3", "Phường 12, Quận 3"; but "Công an phường 17 nguồn tin"
        if r.vague_before.ends(keys, i):
            return True
        if numeral.single_word in r.article_numerals:
            return True
        if numeral.single_word and r.number_word_compounds.ends(keys, i + 1):
            return True  # "cuối năm xã đạt": "năm" is the year
        if numeral.single_word and i > 0 and self.tokens[i - 1].is_number:
            return True  # "sơ kết 01 năm hoạt động": a number word after a number is a noun ("year")
        if numeral.rule == "number_words" and r.settings.names_capitalised:
            if first.text[0].isupper() and not self._opens_clause(i):
                return True  # "quận Hai Bà Trưng", "huyện Ba Vì"
        written = numeral.written
        if numeral.total is None and not numeral.percent and self._is_year(written):
            return True
        if written.startswith("0") and sum(c.isdigit() for c in written) >= r.settings.phone_min_digits:
            return True
        return numeral.total is not None and self._is_date(numeral)

    def _counted_after_phone_word(self, numeral: Numeral) -> bool:
        """Whether a number right after a phone word counts the listed noun after it.

        A hotline's number is followed by its owner or by nothing ("đường dây nóng 113 của Công an
        xã", "gọi hotline 1022."); a count is followed by what was counted ("đường dây nóng 54 cuộc
        gọi").  Short service numbers and numbers written like phones stay phone numbers.
        """
        r, keys, j = self.rules, self.keys, numeral.end
        if numeral.written in r.short_phone_numbers or numeral.total is not None or numeral.percent:
            return False
        return bool(r.nouns.starts(keys, j) or r.classifiers.starts(keys, j))

    def _round_the_clock(self, numeral: Numeral) -> bool:
        """Whether a ratio is "24/24" or "24/7" (round the clock) with no listed noun after it."""
        r, keys = self.rules, self.keys
        if r.round_the_clock.starts(keys, numeral.first) != numeral.end - numeral.first:
            return False
        return not (r.nouns.starts(keys, numeral.end) or r.classifiers.starts(keys, numeral.end))

    def _amount_after_name(self, numeral: Numeral) -> bool:
        """Whether a number after a place or team word is an amount, not the place's number.

        A counted noun after it ("mỗi tổ 5 người"), or money ("hỗ trợ mỗi tổ 2 triệu đồng"): no
        place is numbered with a scale word or a currency.
        """
        if numeral.scaled or self.rules.currencies.starts(self.keys, numeral.end):
            return True
        return self._counts_after(numeral.end)

    def _counts_after(self, j: int) -> bool:
        """Whether token ``j`` starts a counted noun: listed, or a common noun to underthesea.

        A place or level word ("xã", "khu phố"), a capitalised word or a measure after the number
        says the number names a place ("thôn 3 xã Tân Lập", "Phường 12 Quận 3").
        """
        r, keys, tokens = self.rules, self.keys, self.tokens
        if j >= len(tokens) or not tokens[j].is_word or tokens[j].text[0].isupper():
            return False
        if any(lex.starts(keys, j) for lex in (r.admin_levels, r.measurement_units, r.non_count_units)):
            return False
        if r.nouns.starts(keys, j) or r.classifiers.starts(keys, j):
            return True
        word = self._pos_word(j)
        return word is not None and word[0] in r.settings.noun_tags

    def _is_year(self, written: str) -> bool:
        """A bare four-digit year ("2025"); "2.025" would be a count."""
        s = self.rules.settings
        return len(written) == 4 and written.isdigit() and s.year_min <= int(written) <= s.year_max

    def is_date_shape(self, numeral: Numeral) -> bool:
        s = self.rules.settings
        total = numeral.total or 0
        return 1 <= numeral.value <= s.date_max_day and 1 <= total <= s.date_max_month

    def _is_date(self, numeral: Numeral) -> bool:
        """A month and year ("12/2025") always; a day and month ("29/1") after a date word."""
        if self._is_year(numeral.written_total):
            return True
        return self.is_date_shape(numeral) and bool(self.rules.date_words.ends(self.keys, numeral.first))

    def unit(self, start: int) -> Unit | None:
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
        return Unit(start, last, head_first, head_last)

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
        char = self.sentence.start + self.tokens[j].start
        starts = {start for _, _, start, _ in self.document.pos(self.sentence, near=char)}
        return char not in starts

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
        near = self.sentence.start + self.tokens[spans[0][0]].start
        words = self.document.pos(self.sentence, near=near)
        starts = {start for _, _, start, _ in words}
        ends = {end for _, _, _, end in words}
        base = self.sentence.start
        return all(
            base + self.tokens[first].start in starts and base + self.tokens[last].end in ends
            for first, last in spans
        )

    def currency(self, unit: Unit) -> Unit | None:
        """The currency word heading ``unit``, as a unit of its own ("tỷ đồng" counts "đồng")."""
        r, h = self.rules, unit.head_first
        n = r.currencies.starts(self.keys, h)
        if not n or r.nouns.starts(self.keys, h) > n:
            return None
        return Unit(h, h + n - 1, h, h + n - 1)

    def counts_noun(self, numeral: Numeral, unit: Unit) -> bool:
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

    def _pos_word(self, j: int) -> tuple[str, int] | None:
        """POS tag of the underthesea word starting at token ``j`` and the index of its last token.

        None when underthesea split the sentence elsewhere.  Runs the tagger on this sentence
        (cached on the document), so only asked when no lexicon decides.
        """
        base = self.sentence.start
        char = base + self.tokens[j].start
        for _, tag, start, end in self.document.pos(self.sentence, near=char):
            if start == char:
                last = j
                while last + 1 < len(self.tokens) and base + self.tokens[last + 1].end <= end:
                    last += 1
                return tag, last
            if start > char:
                break
        return None

    def tagged_head(self, unit: Unit) -> tuple[Unit, str]:
        """``unit`` with its head set to underthesea's word there, and that word's POS tag.

        For heads the lexicon does not know ("bóng đèn", "chuyến").  The tag tells nouns from the
        adjectives and verbs that follow a number inside slogans ("3 sạch", "đạt 5 tốt"), names
        ("1 2 3 Tiếp" in page furniture) and measures ("12 m").  The tag is "" when underthesea
        split the text elsewhere; the syllable head is kept then.
        """
        word = self._pos_word(unit.head_first)
        if word is None:
            return unit, ""
        tag, last = word
        return Unit(unit.first, unit.last, unit.head_first, min(last, unit.last)), tag

    def known_head(self, unit: Unit) -> bool:
        r, h = self.rules, unit.head_first
        return any(lex.starts(self.keys, h) for lex in (r.nouns, r.classifiers, r.head_prefixes))

    def time_adverbial(self, unit: Unit) -> bool:
        """Whether the words after a percentage are a time ("tăng từ 81,5% năm 2022"), not its noun."""
        n = self.rules.non_count_units.starts(self.keys, unit.first)
        return bool(n) and unit.first == unit.head_first

    # -- a unit written before the number ----------------------------------------------------

    def subject(self, numeral: Numeral) -> tuple[Unit | None, bool]:
        """The noun a percentage or ratio with no noun after it is of, and whether it refers back.

        Vietnamese often names the counted noun first, as the subject of the clause, after a rate
        or count word when there is one: "Tỷ lệ hộ gia đình ký cam kết đạt 93,7%", "đồng bào dân
        tộc thiểu số chiếm trên 80%", "số vụ phạm pháp hình sự giảm 18,6%".  The unit is that
        subject without the rate word, its head a listed noun or a noun to underthesea.  A rate
        word with no noun ("…, tỷ lệ đạt 96,4%"), a bracket ("giảm 12 vụ (giảm 8,5%)") and a clause
        with no subject ("7/7 thôn đạt tiêu chí, chiếm 100%") restate the figure just before: then
        no unit is returned and the flag is True.
        """
        return self._subject_before(numeral.first)

    def previous_subject(self, numeral: Numeral) -> Unit | None:
        """The subject of the clause before a comma, when the numeral's clause restates it.

        "tội phạm về trật tự xã hội giảm rõ rệt, giảm 5,83%": a clause opening on a restating verb
        (``restating_verbs``) with no figure before it in the sentence goes on about the subject
        of the clause before.  That clause must hold no number (else the figure before it is the
        one restated, or none at all).
        """
        r, keys, tokens = self.rules, self.keys, self.tokens
        start = self._clause_start(numeral.first)
        if start < 2 or tokens[start - 1].text != "," or not r.restating_verbs.starts(keys, start):
            return None
        if any(t.is_number for t in tokens[start : numeral.first]):
            return None
        if any(t.is_number for t in tokens[self._clause_start(start - 1) : start - 1]):
            return None
        unit, _ = self._subject_before(start - 1)
        return unit

    def counted_subject(self, numeral: Numeral) -> Unit | None:
        """The noun a bare count is of when a count word names it first in the clause.

        "nâng tổng số mô hình lên 120", "tổng số thành viên là 90": a count word
        (``count_markers``) opens a noun phrase (with its owner after "của", if any) that ends
        right before the number or before linking verbs (``count_links``) right before it.  Only a
        listed head will do, and no page counter ("Số lượt truy cập là 1.200").
        """
        r, keys, tokens = self.rules, self.keys, self.tokens
        start = self._clause_start(numeral.first)
        for k in range(start, numeral.first):
            n = r.count_markers.starts(keys, k)
            if not n or (k > start and tokens[k - 1].is_word and r.count_markers.ends(keys, k)):
                continue
            unit = self.unit(k + n) if k + n < numeral.first and tokens[k + n].is_word else None
            if unit is None or unit.last >= numeral.first or not self.known_head(unit):
                return None
            if r.page_counters.starts(keys, unit.first):
                return None  # "Số lượt truy cập là 1.200": a page counter
            j = unit.last + 1
            if r.possessives.starts(keys, j) and (owner := self.unit(j + 1)) is not None:
                j = owner.last + 1  # "tổng số thành viên của mô hình là 90"
            while j < numeral.first and r.count_links.starts(keys, j):
                j += r.count_links.starts(keys, j)
            return unit if j == numeral.first else None
        return None

    def _of_noun(self, s: int, end: int) -> Unit | None:
        """The noun a rate is of when its subject opens on no noun (a verb, an adjective).

        The listed noun after "của" ("Tỷ lệ hài lòng của người dân đạt 97,5%"), else the first
        listed noun in the subject, the object of its verb ("Tỷ lệ giải quyết tin báo đạt 95%").
        """
        r, keys, tokens = self.rules, self.keys, self.tokens
        for k in range(s, end - 1):
            if r.possessives.starts(keys, k) and tokens[k + 1].is_word:
                unit = self.unit(k + 1)
                if unit is not None and unit.last < end and self.known_head(unit):
                    return unit
                return None
        for k in range(s + 1, end):
            if not tokens[k].is_word:
                return None  # the subject ends at punctuation
            if r.nouns.starts(keys, k) and (unit := self.unit(k)) is not None and unit.last < end:
                return unit
        return None

    def _subject_before(self, end: int) -> tuple[Unit | None, bool]:
        """:meth:`subject` of the clause that ends before token ``end``."""
        r, keys, tokens = self.rules, self.keys, self.tokens
        start = self._clause_start(end)
        s, marked = start + r.subject_intros.starts(keys, start), False
        for k in range(s, end):
            # a rate word opens the subject, at the clause start or after a number ("Năm 2025 tỷ
            # lệ"), not inside a word ("dân tộc thiểu số chiếm")
            if (k == s or not tokens[k - 1].is_word) and (n := r.subject_markers.starts(keys, k)):
                s, marked = k + n, True
                while n := r.subject_markers.starts(keys, s):  # "tỷ lệ số hộ"
                    s += n
                break
        unit = self.unit(s) if s < end and tokens[s].is_word else None
        if (
            marked
            and (unit is None or not self.known_head(unit))
            and (of := self._of_noun(s, end)) is not None
        ):
            return of, False  # "tỷ lệ hài lòng của người dân": the people; "tỷ lệ giải quyết tin báo"
        if unit is None or unit.last >= end:
            # no subject: a rate word alone, a bracket, or a clause opening on its verb
            # (", chiếm 100%") goes on about the figure before
            bracketed = start > 0 and tokens[start - 1].text == "("
            return None, marked or bracketed or (start > 0 and s < end and tokens[s].is_word)
        if any(lex.starts(keys, unit.head_first) for lex in (r.non_count_units, r.measurement_units)):
            return None, False
        if self.known_head(unit):
            return unit, False
        tagged, tag = self.tagged_head(unit)
        return (tagged if tag in r.settings.noun_tags else None), False

    def _clause_start(self, i: int) -> int:
        """Index of the first token of the clause that token ``i`` is in.

        Clauses end at clause punctuation outside quotes; a comma between two listed nouns
        ("tỷ lệ cơ quan, doanh nghiệp đạt 98%") is inside a noun phrase, but not a comma before a
        longer phrase ("1.250 hộ với 5.100 nhân khẩu, đồng bào dân tộc thiểu số chiếm 65%").
        """
        r, keys = self.rules, self.keys
        skip_to = i
        for j in range(i - 1, -1, -1):
            if j >= skip_to:
                continue
            if (opening := self._abbreviation_before(j)) is not None:
                skip_to = opening  # "tội phạm về trật tự xã hội (TTXH) ở tỉnh A giảm 7,5%"
                continue
            if not r.clause_breaks.starts(keys, j) or self._inside_quotes(self.tokens[j].start):
                continue
            if keys[j] == "," and r.nouns.ends(keys, j) and self._listed_after_comma(j):
                continue
            if self._inside_kept(j):
                continue  # "số vụ việc về an ninh, trật tự giảm 30%": one noun phrase
            return j + 1
        return 0

    def _abbreviation_before(self, j: int) -> int | None:
        """The index of "(" when token ``j`` closes a bracketed abbreviation ("(TTXH)", "(ANTQ)").

        An abbreviation in brackets names what stands before it and ends no clause.
        """
        tokens = self.tokens
        if tokens[j].text != ")":
            return None
        for k in range(j - 1, max(-1, j - 1 - _ABBREVIATION_WORDS - 1), -1):
            if tokens[k].text == "(":
                inside = tokens[k + 1 : j]
                return k if inside and all(t.is_word and t.text.isupper() for t in inside) else None
        return None

    def _inside_kept(self, j: int) -> bool:
        """Whether token ``j`` (a comma) is inside a kept phrase of a unit ("về an ninh, trật tự")."""
        keeps, keys = self.rules.unit_keeps, self.keys
        return any(k + keeps.starts(keys, k) > j + 1 for k in range(max(0, j - _KEPT_REACH), j))

    # -- a unit written in a label before the number ------------------------------------------

    def label(self, numeral: Numeral) -> Unit | None:
        """The noun of a label-first line: "Số tổ tự quản: 126", "• Ấp đạt chuẩn an toàn: 40/45".

        Lists and reports name the counted noun in a label before a colon, after an optional rate
        or count word ("Số", "Tỷ lệ"); the words after its head ("đạt chuẩn an toàn") say what
        was counted and end the unit as they would after a number.  The label must be words only
        and its head a listed noun: "Hotline: 113" and "Ông A cho biết: 100%" count nothing.
        """
        r, keys, tokens = self.rules, self.keys, self.tokens
        mark = numeral.first - 1 - r.qualifiers.ends(keys, numeral.first)
        if mark < 1 or not r.label_marks.starts(keys, mark):
            return None
        s = self._clause_start(mark)
        while s < mark and not tokens[s].is_word:
            s += 1  # a bullet: "• Ấp ..."
        while n := r.subject_markers.starts(keys, s):
            s += n
        if s >= mark or mark - s > r.settings.max_unit_words or not all(t.is_word for t in tokens[s:mark]):
            return None
        unit = self.unit(s)
        if unit is None or unit.last >= mark or not self.known_head(unit):
            return None
        return unit

    # -- qualifiers and lists ----------------------------------------------------------------

    def qualifier(self, numeral: Numeral, after: int) -> Qualifier | None:
        """How the number is bounded: "trên 90", "khoảng 2.000"; "50 hộ trở lên" (token ``after``)."""
        r = self.rules
        if numeral.ranged:
            return r.settings.range_qualifier
        n, qualifier = r.qualifiers.before(self.keys, numeral.first)
        if qualifier is not None and r.comparatives.ends(self.keys, numeral.first) > n:
            qualifier = None  # "nhiều hơn 15 vụ", "cao hơn 8,48%": a difference, not a bound
        if n == 1 and self.keys[numeral.first - 1] == "trên" and r.on_surfaces.starts(self.keys, numeral.end):
            qualifier = None  # "tuyên truyền trên 12 tuyến đường": "on", not "over"
        if qualifier is None and r.qualifier_over_after.starts(self.keys, after):
            return Qualifier.over
        if qualifier is None and r.qualifier_under_after.starts(self.keys, after):
            return Qualifier.under
        return qualifier

    def in_slogan(self, numeral: Numeral, unit: Unit, slogans: list[tuple[int, int]]) -> bool:
        """Whether a count of an unknown noun is listed with a slogan ("2 quản, 2 tích cực").

        ``slogans`` are the token spans of numbers followed by an adjective or a verb, the
        numbered catchwords of a model's name; a noun listed right beside them is one too.
        """
        return any(
            self._joined(unit.last, first) or self._joined(last, numeral.first) for first, last in slogans
        )

    def _joined(self, left: int, right: int) -> bool:
        between = range(left + 1, right)
        return 0 < len(between) <= 2 and all(self.rules.list_joiners.starts(self.keys, k) for k in between)

    def span_text(self, first: int, last: int) -> str:
        """The words from token ``first`` to ``last``, one space between them."""
        return " ".join(self.text[self.tokens[first].start : self.tokens[last].end].split())

    def money_nearby(self, i: int) -> bool:
        window = self.rules.settings.money_context_words
        return any(self.rules.money_context.starts(self.keys, j) for j in range(max(0, i - window), i))
