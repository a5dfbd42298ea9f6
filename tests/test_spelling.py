"""The one spelling key every extractor compares Vietnamese words with (extract/spelling.py)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract.spelling import fold

# (as written, key)
KEYS = [
    ("Tỉnh Uỷ", "tỉnh ủy"),  # case and old tone placement
    ("Hoà  Bình", "hòa bình"),  # spacing
    ("THUỶ\u00a0NGUYÊN", "thủy nguyên"),  # no-break space, capitals
    ("khoẻ", "khỏe"),
    ("quý", "quý"),  # "qu": the tone stays on the next vowel
    ("Huỳnh", "huỳnh"),
    ("hoàng", "hoàng"),  # a final consonant: one placement only, nothing moves
    ("thuyền", "thuyền"),
    ("Ðại tá", "đại tá"),  # Icelandic eth typed for Đ
    (unicodedata.normalize("NFD", "Tỉnh ủy viên"), "tỉnh ủy viên"),  # decomposed diacritics
    (unicodedata.normalize("NFD", "Hoà Sơn"), "hòa sơn"),
]


@pytest.mark.parametrize(("text", "key"), KEYS)
def test_fold(text: str, key: str) -> None:
    assert fold(text) == key


def test_diacritics_stay_distinct() -> None:
    """Only the evaluation drops diacritics; rules need "bà" and "ba" apart."""
    assert fold("bà") != fold("ba") and fold("Tổ") != fold("tỏ")


@given(st.text(alphabet="aAoOuUyYqhàáảãạòóỏõọùúủũụỳýỷỹỵèéẻẽẹ ĐđÐ\u00a0", max_size=20))
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)
