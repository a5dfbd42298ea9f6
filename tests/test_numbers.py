"""Vietnamese numerals read by extract.numbers: digits in Vietnamese format, words, scales."""

from __future__ import annotations

import pytest

from extract.numbers import parse, parse_digits, read_numeral

# (as written, value) — None: not a numeral, or not one numeral as a whole.
PARSE = [
    # digits, Vietnamese grouping and decimals
    ("33.100", 33100),
    ("5.000", 5000),
    ("1.234.567", 1234567),
    ("98,5", 98.5),
    ("0,75", 0.75),
    ("01", 1),
    ("08", 8),
    ("100", 100),
    ("1.234,5", 1234.5),
    ("1,234.5", 1234.5),  # an English-style page: the last mark is the decimal one
    ("1.5", 1.5),  # a dot before one digit is a decimal point
    ("12.34.567", None),  # not a grouping
    # digits with scale words
    ("1,5 tỷ", 1.5e9),
    ("1 tỷ", 1e9),
    ("500 triệu", 5e8),
    ("2,3 triệu", 2.3e6),
    ("50 nghìn", 50000),
    ("50 ngàn", 50000),
    ("3 triệu 500 nghìn", 3.5e6),
    ("2 triệu rưỡi", 2.5e6),
    ("1.000 tỷ", 1e12),
    ("2 nghìn tỷ", 2e12),
    ("3 chục", 30),
    # words
    ("một", 1),
    ("hai", 2),
    ("bẩy", 7),
    ("mười", 10),
    ("mười hai", 12),
    ("mười lăm", 15),
    ("hai mươi", 20),
    ("hai mươi mốt", 21),
    ("hai mươi tư", 24),
    ("hai mươi lăm", 25),
    ("chín mươi chín", 99),
    ("một trăm", 100),
    ("một trăm linh năm", 105),
    ("hai trăm lẻ một", 201),
    ("ba trăm bốn mươi hai", 342),
    ("trăm rưỡi", None),  # no count before "trăm"
    ("hai chục", 20),
    ("một nghìn", 1000),
    ("ba nghìn hai trăm", 3200),
    ("một tỷ", 1e9),
    ("hai triệu rưỡi", 2.5e6),
    ("năm trăm nghìn", 500000),
    # words that are not (only) numerals
    ("mười năm", None),  # ten years; fifteen is "mười lăm"
    ("hai mươi năm", None),  # twenty years
    ("một nghìn năm", None),  # a thousand years
    ("hàng trăm", None),  # vague
    ("trăm", None),
    ("nghìn", None),
    ("tư", None),  # only after "mươi"
    ("lăm", None),
    ("không", None),  # "not"
    ("vài", None),
    ("", None),
]


@pytest.mark.parametrize(("text", "value"), PARSE)
def test_parse(text: str, value: float | None) -> None:
    assert parse(text) == value


# (digits, whole, value): ``whole`` says the number counts things.
DIGITS = [
    ("1,500", False, 1.5),
    ("1,500", True, 1500),  # 1.5 people cannot be: the comma groups thousands
    ("1,5", True, 1.5),  # not three digits after the comma: still a decimal
    ("1.500", False, 1500),
    ("33", True, 33),
    ("3a", False, None),
    ("", False, None),
    (",5", False, None),
]


@pytest.mark.parametrize(("text", "whole", "value"), DIGITS)
def test_parse_digits(text: str, whole: bool, value: float | None) -> None:
    assert parse_digits(text, whole=whole) == value


# (tokens, start, (value, end)): the longest numeral at ``start`` and where it ends.
READ = [
    (["có", "30", "tổ"], 1, (30, 2)),
    (["1,5", "tỷ", "đồng"], 0, (1.5e9, 2)),
    (["hai", "mươi", "lăm", "hộ"], 0, (25, 3)),
    (["mười", "năm", "qua"], 0, (10, 1)),  # stops before "năm" (years)
    (["10", "năm"], 0, (10, 1)),
    (["1", "tỷ", "2", "người"], 0, (1e9, 2)),  # "2" has no smaller scale: a new number
    (["hai", "con", "số"], 0, (2, 1)),
    (["con", "số"], 0, None),
    (["hai"], 5, None),
]


@pytest.mark.parametrize(("tokens", "start", "expected"), READ)
def test_read_numeral(tokens: list[str], start: int, expected: tuple[float, int] | None) -> None:
    assert read_numeral(tokens, start) == expected
