"""The units the officials reader works on: syllable tokens, lexicon phrases, tagged chunks.

A sentence is cut into syllables and punctuation (:func:`tokenize`), each with its spelling key
(:func:`extract.spelling.fold`), so lexicon entries match whatever the case, encoding or tone
placement ("Tỉnh uỷ viên" and "tỉnh ủy viên").  Names of the Central Highlands keep their
apostrophe or hyphen inside one token ("H’Loan", "K'Brơi", "Y-Moan").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from extract.document import Sentence
from extract.spelling import fold

# A syllable keeps an apostrophe joining letters ("H’Loan"), and a hyphen after a one- or
# two-letter prefix ("Y-Moan"); a longer word before a hyphen is a word of its own ("Tâm-Phó
# Giám đốc" written without spaces), and "2020-2025" stays three tokens.  Single letters joined
# by dots are one abbreviation ("T.Ư" for Trung ương), not a clause end, and so is a capitalised
# abbreviation ending on one ("UVT.Ư" for Ủy viên Trung ương).  Letters joined by "&" are one
# abbreviated sector ("Sở GD&ĐT", "LĐTB&XH"), not a conjunction.
TOKEN = re.compile(
    r"[^\W\d_]+&[^\W\d_]+(?!\w)|[^\W\d_](?:\.[^\W\d_])+(?!\w)|[^\W\d_]{2,}\.[^\W\d_](?!\w)|[^\W\d_]{1,2}-[^\W\d_]+|\w+(?:['’]\w+)*|[^\w\s]"
)


class Token(NamedTuple):
    """One syllable or punctuation mark, with its spelling key and offsets in the article text.

    A named tuple: a sentence makes dozens, and a tuple is built several times faster than a
    frozen dataclass (immutable, compared and hashed by its fields all the same)."""

    text: str
    key: str
    start: int
    end: int


def tokenize(sentence: Sentence) -> list[Token]:
    base, key, new = sentence.start, syllable_key, tuple.__new__
    return [
        new(Token, (t := m.group(), key(t), base + m.start(), base + m.end()))
        for m in TOKEN.finditer(sentence.text)
    ]


@lru_cache(maxsize=65536)
def syllable_key(syllable: str) -> str:
    """Spelling key of one syllable; the same few thousand syllables recur in every article."""
    return fold(syllable)


class Phrases:
    """Lexicon entries of one or more syllables, matched on spelling keys, longest first."""

    def __init__(self, entries: Iterable[str]) -> None:
        self._by_first: dict[str, list[tuple[str, ...]]] = {}
        self.original: dict[tuple[str, ...], str] = {}
        for entry in entries:
            keys = tuple(TOKEN.findall(fold(entry)))
            if keys and keys not in self.original:
                self.original[keys] = entry
                self._by_first.setdefault(keys[0], []).append(keys)
        for options in self._by_first.values():
            options.sort(key=len, reverse=True)

    def match(self, tokens: Sequence[Token], i: int) -> tuple[str, ...] | None:
        """The longest entry starting at token ``i``, as its key tuple."""
        if i >= len(tokens) or tokens[i].key not in self._by_first:
            return None  # the common case, kept cheap: most syllables start no entry
        return next(self.matches(tokens, i), None)

    def matches(self, tokens: Sequence[Token], i: int) -> Iterator[tuple[str, ...]]:
        """Every entry starting at token ``i``, longest first."""
        if i >= len(tokens):
            return
        for keys in self._by_first.get(tokens[i].key, ()):
            end = i + len(keys)
            if end <= len(tokens) and all(tokens[i + n].key == k for n, k in enumerate(keys)):
                yield keys

    def __contains__(self, keys: tuple[str, ...]) -> bool:
        return keys in self.original

    @property
    def first_keys(self) -> frozenset[str]:
        """The keys an entry can start with: a token with another key starts none."""
        return frozenset(self._by_first)


@dataclass(frozen=True, slots=True)
class Chunk:
    """A tagged span of tokens ``[start, end)`` of one sentence (tags: see officials.v1.yaml)."""

    tag: str
    start: int
    end: int
    via_pos: bool = False


# A callable giving, for a run of tokens [start, end), the run offsets where underthesea starts a
# proper-noun word reaching the end of the run (asked only when lexicons cannot split the run).
PosStarts = Callable[[int, int], set[int]]
