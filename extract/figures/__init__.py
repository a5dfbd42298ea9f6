"""Figures: the counts, percentages, ratios and amounts of money an article reports.

A figure is a numeral and the noun phrase it counts: "30 tổ bảo vệ ANTT ở cơ sở", "30/30 khu dân
cư", "trên 94% khu dân cư", "gần 1 tỷ đồng".  Most numerals in these articles are something else
— dates, periods, years, document numbers, names with digits, ages, anniversaries, measurements —
so the work is in saying no.  Each numeral found by a pattern of the rule set is read with
:mod:`extract.numbers` (two joined by a range word, "từ 12 đến 18 người", are read as one), then
kept only when

1. it is not quoted inside a short name ("2 quản, 2 tích cực") nor glued to letters or hyphens;
2. the word before it is not a date, ordinal, clause or name word (``traps_before``: "năm 2025",
   "lần thứ 2", "số 09", "Ban Chỉ đạo 138") nor a vague word ("hàng trăm"); after a place or team
   word (``numbered_names``: "thôn 3", "tổ 5") it names the place unless a counted noun follows
   ("cho Công an phường 17 nguồn tin");
3. it is not a year or a phone number (after a phone word only a count of a listed noun is kept:
   "đường dây nóng 113" is the line, "qua đường dây nóng 54 cuộc gọi" a count), "d/m" is not a
   date ("Chiều 29/1") and "24/24", "24/7" are round the clock;
4. what follows is a noun phrase (``unit_stops`` end it) that is not a time, an age or a measure
   (``non_count_units``: "6 tháng", "78 năm"; ``measurement_units``: "12 m", "3 tấn");
5. a lone number word counts a listed noun ("hai cá nhân", not "hai con số", not "cuối năm xã"),
   and a head noun no lexicon lists is a noun to underthesea ("200 bóng đèn", not "3 sạch"; and
   not "2 quản" listed with "2 tích cực").  Only the few sentences that need it pay for underthesea.

A percentage or ratio with no noun after it counts the subject of its clause ("Tỷ lệ hộ gia đình
ký cam kết đạt 93,7%": "hộ gia đình"; "Tỷ lệ hài lòng của người dân": "người dân"), repeats the
figure just before it ("…, tỷ lệ đạt 96,4%"), or, opening a clause on its verb with no figure
before, the subject of the clause before the comma ("tội phạm … giảm rõ rệt, giảm 5,83%").  A bare
count takes the noun a count word names before it ("nâng tổng số mô hình lên 120").
Everything language-specific is in the newest ``rules/figures.v*.yaml``; this package is the generic reader
(:mod:`.lexicon` compiles the rule set, :mod:`.reader` reads one sentence).
The same figure repeated in an article (a photo caption repeating the body) is kept once, with the
bound the body writes ("hơn 4.000 tin" after a headline's "4.000 tin"); two equal figures of one
sentence are two ("14 người chết, 14 người bị thương"), and so are two body sentences whose units
differ by a classifier ("lắp 30 camera", later "thêm 30 mắt camera").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract import numbers
from extract.document import Document, Sentence
from extract.figures.lexicon import CompiledRules, compile_rules
from extract.figures.reader import Numeral, SentenceReader, Unit
from extract.records import Figure, FigureKind, RecordBase
from extract.ruleset import RuleSet

__all__ = ["CompiledRules", "compile_rules", "extract"]

_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class _Found:
    """A figure found in a sentence, with the spans later checks need."""

    numeral: Numeral
    unit: Unit | None
    known: bool  # the head is listed (or came from a listed figure)
    fields: dict[str, object]


def _forward_unit(
    sentence: SentenceReader, numeral: Numeral, slogans: list[tuple[int, int]]
) -> tuple[Unit | None, bool, bool] | None:
    """The unit after ``numeral``, whether it is money, whether its head is listed; None: no figure."""
    r, keys = sentence.rules, sentence.keys
    if (numeral.percent or numeral.total is not None) and (n := r.copulas.starts(keys, numeral.end)):
        # "100% là đồng bào dân tộc Tày": the noun after the copula; else read on as before
        after = sentence.unit(numeral.end + n)
        if after is not None and sentence.known_head(after):
            return after, False, True
        if after is not None and r.settings.tag_unknown_heads:
            tagged, tag = sentence.tagged_head(after)
            if tag in r.settings.noun_tags:
                return tagged, False, False
    unit = sentence.unit(numeral.end)
    if unit is None and sentence.opens_quote(numeral.end):
        unit = sentence.unit(numeral.end + 1)  # 'xây dựng 23 “Công an phường kiểu mẫu”': the quote names it
    if unit is None:
        return None, False, True
    currency = sentence.currency(unit)
    if currency is not None:
        return currency, True, True  # "1 tỷ đồng"; "3 đồng chí" is people
    if _time_word(r, keys, unit.head_first):
        if (numeral.percent or numeral.total is not None) and sentence.time_adverbial(unit):
            return None, False, True  # "81,5% năm 2022": the noun is elsewhere
        return None  # "100% các năm"
    if numeral.single_word and not sentence.counts_noun(numeral, unit):
        return None  # a lone number word must count a listed noun: not "hai con số"
    if sentence.known_head(unit) or not r.settings.tag_unknown_heads:
        return unit, False, sentence.known_head(unit)
    tagged, tag = sentence.tagged_head(unit)
    if tag in r.settings.measure_tags:
        return None  # "12 m", "2,3 km"
    if tag in r.settings.verb_tags and _beyond_slogans(numeral, r.settings.slogan_max_value):
        return tagged, False, False  # "1.500 móc khóa": no slogan counts that high
    if tag and tag not in r.settings.noun_tags:
        if numeral.total is None and not numeral.percent:
            slogans.append((numeral.first, tagged.head_last))
        return None, False, False  # not a noun: "3 sạch", "đạt 5 tốt", "98% hài lòng"
    return tagged, False, False


def _time_word(rules: CompiledRules, keys: list[str], j: int) -> bool:
    """Whether token ``j`` starts a time, age or figure of speech, not a longer listed noun.

    "6 tháng", "78 năm" are times; "2.500 ngày công" (workdays given) is a count: a listed noun
    longer than the time word wins.
    """
    n = rules.non_count_units.starts(keys, j)
    return bool(n) and rules.nouns.starts(keys, j) <= n


def _implied_head(rules: CompiledRules, kind: FigureKind) -> str | None:
    """The head of an amount of money written with no currency ("ngân sách hỗ trợ 1 tỷ 250 triệu").

    Nothing is written, so the unit stays empty; the head names the currency the amount is in,
    so that the figure is known by its head like any other amount of money.
    """
    return rules.settings.implied_currency if kind is FigureKind.money else None


def _beyond_slogans(numeral: Numeral, slogan_max: float | None) -> bool:
    """Whether a count written in digits is too large for a numbered slogan ("5 không, 3 sạch")."""
    return (
        slogan_max is not None
        and numeral.total is None
        and not numeral.percent
        and not numeral.single_word
        and numeral.value >= slogan_max
    )


def _unit_before(
    sentence: SentenceReader, numeral: Numeral, before: list[_Found]
) -> tuple[Unit | None, bool]:
    """The unit of a percentage or ratio written before it, and whether its head is listed.

    The clause's subject (:meth:`SentenceReader.subject`), else, for a bare rate word or a bracket,
    the unit of the last figure before it in the sentence that is no amount of money.
    """
    unit, refers_back = sentence.subject(numeral)
    if unit is not None:
        return unit, sentence.known_head(unit)
    if refers_back:
        for figure in reversed(before):
            if figure.unit is not None and figure.fields["kind"] is not FigureKind.money:
                return figure.unit, figure.known
        if not before and (unit := sentence.previous_subject(numeral)) is not None:
            return unit, sentence.known_head(unit)  # "tội phạm ... giảm rõ rệt, giảm 5,83%"
    return None, True


def _all_of(sentence: SentenceReader, numeral: Numeral, unit: Unit) -> bool:
    """Whether a "d/m"-shaped ratio is "all of" a common noun: "7/7 trạm y tế", "5/5 chợ".

    A day and month with no date word before them and a lowercase noun after them is rare; the
    same number twice before one is the commonest ratio of the movement's reports.  Other shapes
    with a noun no lexicon lists stay dates ("Quốc khánh 2/9 các xã ...").
    """
    return numeral.value == numeral.total and sentence.tokens[unit.first].text[:1].islower()


def _figure(
    sentence: SentenceReader, numeral: Numeral, before: list[_Found], slogans: list[tuple[int, int]]
) -> _Found | None:
    """The figure for ``numeral``, or None when it is not one.

    ``before`` are the figures found earlier in the sentence (a bare rate may restate the last);
    ``slogans`` collects numbers followed by no noun, for :meth:`SentenceReader.in_slogan`.
    """
    r, keys = sentence.rules, sentence.keys
    if sentence.is_trap(numeral):
        return None
    if numeral.total is None and not numeral.percent and _time_word(r, keys, numeral.end):
        return None  # "6 tháng", "78 năm", "hai con số"; "81,5% năm 2022" is read on
    if r.measurement_units.starts(keys, numeral.end):
        return None  # "12 m", "150 m2", "8 kg": measurements, not figures of the movement
    if numeral.total is not None and not numeral.percent and _time_word(r, keys, numeral.end):
        return None  # "trực 24/24 giờ", "7/7 ngày": round the clock, not a ratio
    if numeral.single_word and not (
        r.nouns.starts(keys, numeral.end) or r.classifiers.starts(keys, numeral.end)
    ):
        return None  # a lone number word counts only a listed noun ("năm thực hiện" is a year)
    forward = _forward_unit(sentence, numeral, slogans)
    if forward is None:
        return None
    unit, money, known = forward
    if unit is None and not money and (label := sentence.label(numeral)) is not None:
        unit, known = label, True  # "Số tổ tự quản: 126", "Ấp đạt chuẩn an toàn: 40/45"
    after = unit.last + 1 if unit is not None else numeral.end
    if numeral.total is not None:
        if numeral.value > numeral.total:
            return None
        if sentence.is_date_shape(numeral) and (
            unit is None or not (known or _all_of(sentence, numeral, unit))
        ):
            return None  # "1/5 Ban ..." reads as a date; "8/8 cơ sở giáo dục" as a ratio
    from_subject = (
        unit is None and (numeral.percent or numeral.total is not None) and r.settings.subject_units
    )
    if from_subject:
        unit, known = _unit_before(sentence, numeral, before)
    value = numeral.value
    if numeral.total is not None:
        kind = FigureKind.ratio
    elif numeral.percent:
        kind = FigureKind.percent
    elif money or (unit is None and numeral.scaled and value >= 1e6 and sentence.money_nearby(numeral.first)):
        kind = FigureKind.money
    elif unit is None and (unit := sentence.counted_subject(numeral)) is None:
        return None  # a bare number; but "nâng tổng số mô hình lên 120" counts models
    else:
        kind = FigureKind.count
        if not value.is_integer() and numeral.written and not numeral.scaled:
            value = numbers.parse_digits(numeral.written, whole=True) or value  # "1,500 hội viên"
    confidence = r.ruleset.rule(numeral.rule).confidence - (0.0 if known else 0.15)
    confidence -= r.settings.subject_unit_penalty if from_subject and unit is not None else 0.0
    fields: dict[str, object] = {
        "value": value,
        "total": numeral.total,
        "kind": kind,
        "qualifier": sentence.qualifier(numeral, after),
        "unit": sentence.span_text(unit.first, unit.last) if unit else None,
        "head": sentence.span_text(unit.head_first, unit.head_last) if unit else _implied_head(r, kind),
        "rule": numeral.rule,
        "confidence": round(max(0.0, confidence), 3),
    }
    return _Found(numeral, unit, known, fields)


def extract(document: Document, rules: RuleSet, found: dict[str, list[RecordBase]]) -> list[Figure]:
    """Figures of ``document``, one per (kind, value, total, head noun), in text order."""
    compiled = compile_rules(rules)
    figures: list[Figure] = []
    seen: list[_Key] = []
    for sentence in document.sentences:
        if not _DIGIT.search(sentence.text) and not compiled.words.search(sentence.text):
            continue
        reader = SentenceReader(document, sentence, compiled)
        here: list[_Found] = []
        slogans: list[tuple[int, int]] = []
        for numeral in reader.numerals():
            if (figure := _figure(reader, numeral, here, slogans)) is not None:
                here.append(figure)
        for figure in here:
            if (
                figure.unit is not None
                and not figure.known
                and reader.in_slogan(figure.numeral, figure.unit, slogans)
            ):
                continue
            fields = figure.fields
            found = _Key(
                sentence.start,
                fields["kind"],
                fields["value"],
                fields["total"],
                *_heads(reader, figure.unit),
                display=_display(document, sentence),
            )
            # two equal figures of one sentence are two ("14 người chết, 14 người bị thương"),
            # unless the second restates the first word for word ("có 120 hộ, trong đó 120 hộ ...")
            same = next((i for i, k in enumerate(seen) if k.repeated_by(found, sentence.start)), None)
            record = Figure(evidence=document.evidence(sentence), ruleset=rules.name, **fields)
            if same is None:
                seen.append(found)
                figures.append(record)
            else:
                if found.classified and not seen[same].classified:
                    # "83 loại mô hình" says more than "83 mô hình"; the other one is dropped
                    seen[same], figures[same], record = found, record, figures[same]
                if figures[same].qualifier is None and record.qualifier is not None:
                    # a headline rounds ("4.000 tin"), the body bounds it ("hơn 4.000 tin")
                    figures[same] = figures[same].model_copy(update={"qualifier": record.qualifier})
    return figures


@dataclass(frozen=True, slots=True)
class _Key:
    """What a figure is known by when it is repeated (a headline or caption repeating the body)."""

    sentence: int  # where the sentence starts: a repeat is in another sentence
    kind: object
    value: object
    total: object
    head: tuple[str, ...]  # the head noun's keys, without a leading classifier
    unit: tuple[str, ...]  # the unit's keys, without a leading classifier
    classified: bool  # the unit starts with a classifier ("loại mô hình", "quả lựu đạn")
    display: bool = False  # in the headline or a caption line, where figures are repeated short

    def repeated_by(self, other: _Key, sentence: int) -> bool:
        """Whether ``other``, found in the sentence starting at ``sentence``, repeats this figure.

        In another sentence, :meth:`same_figure` decides.  In the same sentence only a restatement
        with the very same unit is a repeat: "Thôn có 120 hộ, trong đó 120 hộ đã ký cam kết" is one
        figure, "4 người chết, 4 người bị thương" two (the units differ).
        """
        if self.sentence != sentence:
            return self.same_figure(other)
        return bool(self.unit) and (self.kind, self.value, self.total, self.unit, self.classified) == (
            other.kind,
            other.value,
            other.total,
            other.unit,
            other.classified,
        )

    def same_figure(self, other: _Key) -> bool:
        """The same number of the same thing; a classifier written in one only may differ.

        A headline often adds or drops the classifier the body writes ("29 quả lựu đạn" / "29
        lựu đạn", "83 mô hình" / "83 loại mô hình"); then equal units past the classifier are
        enough, or, when one of the two is a headline or caption, one unit starting with the
        other's head.  Two body sentences with a classifier in one only are two figures ("lắp 30
        camera", later "bố trí thêm 30 mắt camera giám sát").  Otherwise the heads must be equal
        ("30 tổ" is not "30 tổ dân phố").
        """
        if (self.kind, self.value, self.total) != (other.kind, other.value, other.total):
            return False
        if not (self.classified or other.classified):
            return self.head == other.head
        if self.unit == other.unit:
            return True
        return (self.display or other.display) and (
            _starts(self.unit, other.head) or _starts(other.unit, self.head)
        )


def _display(document: Document, sentence: Sentence) -> bool:
    """Whether ``sentence`` is the headline or a caption: a whole line not ended like a sentence."""
    headline = document.headline
    if headline is not None and headline.start == sentence.start:
        return True
    text = document.text
    line_start = text.rfind("\n", 0, sentence.start) + 1
    line_end = text.find("\n", sentence.end)
    rest = text[sentence.end : line_end if line_end >= 0 else len(text)]
    whole_line = not text[line_start : sentence.start].strip() and not rest.strip()
    return whole_line and not sentence.text.rstrip().endswith((".", "!", "?", "…", ";"))


def _starts(words: tuple[str, ...], prefix: tuple[str, ...]) -> bool:
    return bool(prefix) and words[: len(prefix)] == prefix


def _heads(reader: SentenceReader, unit: Unit | None) -> tuple[tuple[str, ...], tuple[str, ...], bool]:
    """(head keys, unit keys, whether a classifier was dropped) of ``unit``, for :class:`_Key`."""
    if unit is None:
        return (), (), False
    keys = reader.keys
    first = unit.head_first
    n = reader.rules.classifiers.starts(keys, first)
    if not n or first + n > unit.last:
        return tuple(keys[first : unit.head_last + 1]), tuple(keys[first : unit.last + 1]), False
    first += n
    head = tuple(keys[first : max(unit.head_last, first) + 1])
    return head, tuple(keys[first : unit.last + 1]), True
