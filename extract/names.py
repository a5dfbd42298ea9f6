"""Vietnamese personal names: what a name looks like, and where a place ends and a name begins.

A personal name is 2–4 capitalised syllables, usually opening with a surname (Nguyễn, Lò,
Giàng, Ksor...).  Capitalised runs are also places and organisations, so a run is only a name
*candidate*: the officials rules accept it from its context (a rank, "đồng chí", a post next to
it).  The surname lexicon makes a candidate certain, and it is what splits the run that follows
a post ("UBND tỉnh Điện Biên Lò Văn A": place "Điện Biên", name "Lò Văn A"); the gazetteer of
administrative units keeps places such as "huyện Hoàng Su Phì" from being read as people.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

from extract.spelling import fold

_JOINERS = re.compile(r"['’-]")


def is_name_syllable(token: str) -> bool:
    """A capitalised syllable: an upper-case letter then lower-case letters ("Hờ", "Y").

    Names of the Central Highlands join a prefix with an apostrophe or a hyphen, and the part
    after it may be capitalised too: "H’Loan", "K'Brơi", "Y-Moan", "M’gar".
    """
    if "'" not in token and "’" not in token and "-" not in token:  # the common case, no regex
        return _capitalised(token)
    first, *rest = _JOINERS.split(token)
    return _capitalised(first) and all(_capitalised(p) or (p.isalpha() and p.islower()) for p in rest)


def _capitalised(part: str) -> bool:
    return part.isalpha() and part[0].isupper() and (len(part) == 1 or part[1:].islower())


class Strength(Enum):
    """How sure a capitalised run is a personal name, before context is read."""

    strong = "strong"  # opens with a known surname
    weak = "weak"  # shaped like a name; needs a rank, a marker or a list position to count


class PlaceLevel(Enum):
    """Which gazetteer a level word points to ("tỉnh" → provinces, "xã" → wards)."""

    province = "province"
    province_or_district = "province_or_district"
    district = "district"
    ward = "ward"
    village = "village"  # thôn, bản...: no gazetteer, names are split on surnames alone
    # schools and the like, often named after a historical figure ("Trường THPT Lê Quý Đôn"):
    # the run after the word is their name; a holder's name can only follow it
    named = "named"


@dataclass(frozen=True)
class Gazetteer:
    """Spelling keys of administrative-unit names, per level (old and 2025 units together)."""

    provinces: frozenset[str] = frozenset()
    districts: frozenset[str] = frozenset()
    wards: frozenset[str] = frozenset()

    def is_place(self, level: PlaceLevel | None, words: Sequence[str]) -> bool:
        """Whether ``words`` name a unit of ``level`` (None: a province or district, no level written)."""
        if not words:
            return False
        key = fold(" ".join(words))
        if level is PlaceLevel.province:
            return key in self.provinces
        if level in (PlaceLevel.province_or_district, None):
            return key in self.provinces or key in self.districts
        if level is PlaceLevel.district:
            return key in self.districts
        if level is PlaceLevel.ward:
            return key in self.wards
        return False


@lru_cache(maxsize=1)
def admin_gazetteer() -> Gazetteer:
    """Unit names shipped with the ``vietnamadminunits`` package (offline sqlite, read once).

    The package is a project dependency; without it the gazetteer is empty and names are split
    on the surname lexicon alone, which is weaker but still works.
    """
    spec = find_spec("vietnamadminunits")
    if spec is None or spec.origin is None:
        return Gazetteer()
    path = Path(spec.origin).parent / "data" / "dataset.db"
    if not path.is_file():
        return Gazetteer()
    queries = {
        "provinces": [
            "SELECT DISTINCT provinceShort FROM admin_units_legacy",
            "SELECT DISTINCT provinceShort FROM admin_units",
        ],
        "districts": ["SELECT DISTINCT districtShort FROM admin_units_legacy"],
        "wards": [
            "SELECT DISTINCT wardShort FROM admin_units_legacy",
            "SELECT DISTINCT wardShort FROM admin_units",
        ],
    }
    found: dict[str, frozenset[str]] = {}
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        for level, sqls in queries.items():
            found[level] = frozenset(
                fold(row[0]) for sql in sqls for row in db.execute(sql) if row[0] and row[0].strip()
            )
    return Gazetteer(**found)


@dataclass(frozen=True)
class Split:
    """A capitalised run cut in two: ``place`` syllables, then a name (empty when ``name_start == len``)."""

    name_start: int
    via_pos: bool = False


class NameModel:
    """The lexicons that tell a personal name from other capitalised runs."""

    def __init__(
        self,
        surnames: Iterable[str],
        not_first: Iterable[str],
        not_officials: Iterable[str],
        min_syllables: int = 2,
        max_syllables: int = 4,
        gazetteer: Gazetteer | None = None,
        *,
        prefixes: Iterable[str] = (),
        long_openers: Iterable[str] = (),
    ) -> None:
        self.surnames = frozenset(fold(s) for s in surnames)
        self.prefixes = tuple(fold(p) for p in prefixes)
        self.long_openers = frozenset(fold(w) for w in long_openers)
        self.not_first = frozenset(fold(s) for s in not_first)
        self.not_officials = frozenset(fold(s) for s in not_officials)
        self.min = min_syllables
        self.max = max_syllables
        self.gazetteer = gazetteer or Gazetteer()

    def strength(self, words: Sequence[str]) -> Strength | None:
        """Whether ``words`` can be a personal name, and how surely; None when it cannot."""
        # "K’Brơi", "H’Hiền": a prefixed given name may stand alone
        shortest = 1 if words and self._prefixed(words[0]) else self.min
        if not shortest <= len(words) <= self.max + 1 or not all(is_name_syllable(w) for w in words):
            return None
        first = fold(words[0])
        if len(words) > self.max and not (first in self.long_openers or self._prefixed(first)):
            return None  # only Central Highlands names run longer ("Y Thanh Hà Niê Kdăm")
        if first in self.not_first or fold(" ".join(words)) in self.not_officials:
            return None
        if first in self.surnames or self._prefixed(first):
            return Strength.strong
        if len(words) >= 3 and fold(words[1]) in ("văn", "thị"):
            return Strength.strong
        return Strength.weak

    def _opens_short_name(self, word: str, level: PlaceLevel) -> bool:
        """Whether a two-syllable run right after a level word is still a person's name.

        "H’Loan Byă" anywhere; "Y Ngọc" after a province or a district, whose names never open with
        "Y" (a commune may: "xã Y Tý").
        """
        if self._prefixed(word):
            return True
        big = level in (PlaceLevel.province, PlaceLevel.province_or_district, PlaceLevel.district)
        return big and fold(word) in self.long_openers

    def _prefixed(self, word: str) -> bool:
        """Whether a syllable opens with a given-name prefix ("H’Loan", "K'Brơi")."""
        return bool(self.prefixes) and fold(word).startswith(self.prefixes)

    def split_place_name(
        self,
        words: Sequence[str],
        level: PlaceLevel | None,
        pos_name_starts: Callable[[], set[int]] | None = None,
    ) -> Split:
        """Where the name starts in a run read after a post ("Điện Biên Lò Văn A" → 2).

        ``level`` is the level word before the run (None: none written).  ``pos_name_starts``,
        when given, lazily returns the run indices where underthesea starts a proper-noun word
        that reaches the end of the run; it is asked only when the lexicons cannot decide.
        """
        n = len(words)
        if level is PlaceLevel.named:
            later = [s for s in range(2, n - self.min + 1) if self.strength(words[s:]) is Strength.strong]
            return Split(_best_split(later, n)) if later else Split(n)
        if self.gazetteer.is_place(level, words):
            return Split(n)
        candidates: list[tuple[int, Strength]] = []
        for start in range(n - self.min + 1):
            strength = self.strength(words[start:])
            if strength is None:
                continue
            if start and self.gazetteer.is_place(level, words[:start]):
                return Split(start)
            candidates.append((start, strength))
        strong = [start for start, s in candidates if s is Strength.strong]
        if level is not None and 0 in strong:
            # After a level word a place is written: a run two strong names can read is a place
            # then a name when a place of two syllables or more can stand first ("ấp Cà Săng Danh
            # Thành": "Cà" and "Danh" both open names, the village is "Cà Săng").
            later = [start for start in strong if start >= 2]
            if later:
                return Split(_best_split(later, n))
        if 0 in strong and not (
            level is not None and n == self.min and not self._opens_short_name(words[0], level)
        ):
            # A shortest run right after a level word is the place, whatever its first syllable:
            # "Trưởng thôn Đồng Tâm", "Chủ tịch UBND huyện Thạch Sơn" (a unit the gazetteer may
            # not know, or a new one); news write officials' full names ("... huyện Trần Văn Đức").
            return Split(0)
        strong = [start for start in strong if start]
        if len(strong) == 1:
            return Split(strong[0])
        if not any(start for start, _ in candidates):
            return Split(n)  # no name can start after the place: nothing for the tagger to decide
        pos_starts = pos_name_starts() if pos_name_starts else set()
        if strong:
            agreed = [start for start in strong if start in pos_starts]
            if agreed:
                return Split(agreed[0], via_pos=True)
            return Split(_best_split(strong, n))
        for start, _ in candidates:
            if start and start in pos_starts:
                return Split(start, via_pos=True)
        return Split(n)


def _best_split(starts: Sequence[int], n: int) -> int:
    """Of the name starts in a run of ``n`` words, the one giving the likeliest place and name lengths."""
    return max(starts, key=lambda start: _split_score(start, n - start))


def _split_score(place_len: int, name_len: int) -> int:
    """Places are mostly 2 syllables and names 3: prefer the cut that gives those lengths."""
    return {1: 0, 2: 2, 3: 1}.get(place_len, 0) + {2: 1, 3: 2, 4: 1}.get(name_len, 0)


# Ê Đê and Gia Rai names open with a gender prefix and put the family name last ("Y Lâm Mlô
# Duôn", "H'Ngân Kdăm"); news shorten them to their first syllables ("Y Lâm").
_FRONT_NAMED = re.compile(r"^(?:y|a|h['’]\w+|k['’]\w+)$")


def same_person(a: str, b: str) -> bool:
    """Same name, or a shorter one with its surname and given name ("Nguyễn Tâm" of "Nguyễn Văn Tâm").

    A name opening with an Ê Đê or Gia Rai prefix is also shortened to its first syllables, the
    family name dropped ("Y Lâm" of "Y Lâm Mlô Duôn").
    """
    ka, kb = fold(a).split(), fold(b).split()
    if ka == kb:
        return True
    short, long = sorted((ka, kb), key=len)
    if len(short) >= 2 and len(long) >= 3 and _FRONT_NAMED.match(long[0]) and long[: len(short)] == short:
        return True
    if len(short) < 2 or short[0] != long[0] or short[-1] != long[-1]:
        return False
    rest = iter(long[1:-1])
    return all(word in rest for word in short[1:-1])
