"""Vietnamese numerals, written with digits or with words, read as numbers.

Vietnamese writes ``33.100`` for 33100 and ``1,5`` for 1.5 (the dot groups thousands, the comma
marks decimals), pads small counts with a zero (``01 cá nhân``), mixes digits with scale words
(``1,5 tỷ``) and spells numbers out (``hai mươi lăm``).  The numeral system is grammar fixed by
the language, not an extraction rule, so it lives here as constants (as spaCy keeps its
``lex_attrs``); which numerals make a figure is decided by ``rules/figures.v1.yaml``.

Word numerals are read strictly, so that ordinary words which happen to be numerals are left
alone: "năm" after "mười"/"mươi" is "year" ("mười năm" is ten years; fifteen is "mười lăm"),
"tư" and "mốt" are digits only after "mươi", and a scale word with no count before it
("hàng trăm") is no number at all.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

# Digit words as they stand alone or before "trăm", "mươi", a scale.
DIGIT_WORDS: dict[str, int] = {
    "không": 0,  # only as "không trăm" (1.050 = "một nghìn không trăm năm mươi")
    "một": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "bẩy": 7,  # northern spelling
    "tám": 8,
    "chín": 9,
}
# The last digit after "mươi" (tens from 20): "hai mươi mốt" 21, "hai mươi tư" 24, "hai mươi lăm" 25.
# "năm" is not among them: "hai mươi năm" is twenty years.
AFTER_TENS: dict[str, int] = {
    "một": 1,
    "mốt": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "tư": 4,
    "lăm": 5,
    "nhăm": 5,
    "sáu": 6,
    "bảy": 7,
    "bẩy": 7,
    "tám": 8,
    "chín": 9,
}
# The last digit after "mười" (10-19): "mười một" 11, "mười lăm" 15; never "mốt", "tư" or "năm".
AFTER_TEN: dict[str, int] = {k: v for k, v in AFTER_TENS.items() if k not in {"mốt", "tư"}}
TEN = "mười"  # the number ten, and the tens word of 10-19
TENS = "mươi"  # the tens word from 20 on
TEN_TIMES = "chục"  # "hai chục" = 20, "3 chục" = 30
HUNDRED = "trăm"
ZERO_TENS = frozenset({"linh", "lẻ"})  # "một trăm linh năm" = 105
HALF = "rưỡi"  # "hai triệu rưỡi" = 2.500.000, "trăm rưỡi" = 150
SCALES: dict[str, float] = {
    "nghìn": 1e3,
    "ngàn": 1e3,  # southern
    "vạn": 1e4,  # old, still in money
    "triệu": 1e6,
    "tỷ": 1e9,
    "tỉ": 1e9,  # old spelling
}

_DIGITS = re.compile(r"^\d+(?:[.,]\d+)*$")


def _thousands(groups: list[str]) -> float | None:
    """``["33", "100"]`` as 33100, when every group after the first has three digits."""
    if len(groups[0]) > 3 or any(len(g) != 3 for g in groups[1:]):
        return None
    return float("".join(groups))


def parse_digits(text: str, *, whole: bool = False) -> float | None:
    """A number written with digits, in Vietnamese convention: ``33.100`` → 33100, ``1,5`` → 1.5.

    A single ``.`` followed by three digits groups thousands, any other single ``.`` is a decimal
    point (some pages write ``1.5``); when both marks occur the last one is the decimal mark.
    ``whole`` says the number counts things: a lone ``,`` before three digits (``1,500`` in an
    English-style page) then groups thousands instead of marking 1.5 things.
    Returns None when ``text`` is not such a number.
    """
    if not _DIGITS.match(text):
        return None
    dots, commas = text.count("."), text.count(",")
    if dots and commas:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        grouping = "." if decimal == "," else ","
        head, _, tail = text.rpartition(decimal)
        if grouping in tail or head.count(decimal):
            return None
        integer = _thousands(head.split(grouping))
        return None if integer is None else integer + float("0." + tail)
    if not dots and not commas:
        return float(text)
    mark = "." if dots else ","
    groups = text.split(mark)
    if len(groups) > 2:
        return _thousands(groups)
    head, tail = groups
    as_thousands = len(tail) == 3 and (mark == "." or whole)
    if as_thousands:
        return _thousands(groups)
    return float(f"{head}.{tail}")


def _at(words: Sequence[str], i: int) -> str:
    return words[i] if i < len(words) else ""


def _group(words: Sequence[str], i: int) -> tuple[float, int] | None:
    """A number below a thousand starting at ``words[i]``: digits, or words up to "trăm".

    Returns its value and the index after it, or None.
    """
    first = _at(words, i)
    digits = parse_digits(first)
    if digits is not None:
        if _at(words, i + 1) == TEN_TIMES:
            return digits * 10, i + 2
        return digits, i + 1
    value, j, matched = 0.0, i, False
    if first in DIGIT_WORDS and _at(words, i + 1) == HUNDRED:
        value, j, matched = DIGIT_WORDS[first] * 100.0, i + 2, True
        nxt = _at(words, j)
        if nxt in ZERO_TENS and DIGIT_WORDS.get(_at(words, j + 1), 0) > 0:
            return value + DIGIT_WORDS[words[j + 1]], j + 2
        if nxt == HALF:
            return value + 50, j + 1
    word = _at(words, j)
    if word == TEN:
        value += 10
        unit = AFTER_TEN.get(_at(words, j + 1))
        return (value + unit, j + 2) if unit else (value, j + 1)
    if DIGIT_WORDS.get(word, 0) >= 2 and _at(words, j + 1) == TENS:
        value += DIGIT_WORDS[word] * 10
        unit = AFTER_TENS.get(_at(words, j + 2))
        return (value + unit, j + 3) if unit else (value, j + 2)
    if DIGIT_WORDS.get(word, 0) >= 1 and _at(words, j + 1) == TEN_TIMES:
        return value + DIGIT_WORDS[word] * 10, j + 2
    if matched:
        return value, j
    if DIGIT_WORDS.get(word, 0) >= 1:
        return float(DIGIT_WORDS[word]), j + 1
    return None


def read_numeral(words: Sequence[str], start: int = 0) -> tuple[float, int] | None:
    """The longest numeral starting at ``words[start]`` and the index just after it.

    ``words`` are lower-cased tokens (syllables, digit strings, punctuation).  Handles digits
    with scales ("1,5 tỷ", "3 triệu 500 nghìn"), words ("hai mươi lăm", "một trăm linh năm",
    "ba nghìn hai trăm") and halves ("hai triệu rưỡi").  None when no numeral starts there.
    """
    first = _group(words, start)
    if first is None:
        return None
    current, j = first
    total, last_scale = 0.0, math.inf
    while (scale := SCALES.get(_at(words, j), 0.0)) and scale < last_scale:
        j += 1
        while SCALES.get(_at(words, j), 0.0) > scale:  # "nghìn tỷ"
            scale *= SCALES[words[j]]
            j += 1
        total += current * scale
        current, last_scale = 0.0, scale
        if _at(words, j) == HALF:
            return total + scale / 2, j + 1
        nxt = _group(words, j)
        if nxt is None:
            break
        value, k = nxt
        if 0 < SCALES.get(_at(words, k), 0.0) < scale:
            current, j = value, k  # "3 triệu 500 nghìn": the next group has its own, smaller scale
            continue
        if _at(words, j + 1) == HUNDRED and parse_digits(_at(words, j)) is None:
            return total + value, k  # "một nghìn hai trăm" = 1200
        break
    return total + current, j


def parse(text: str) -> float | None:
    """A whole string read as one numeral ("1,5 tỷ", "hai mươi lăm", "33.100"), else None."""
    words = re.findall(r"\d+(?:[.,]\d+)*|\w+", text.lower())
    found = read_numeral(words)
    if found is None or found[1] != len(words):
        return None
    return found[0]
