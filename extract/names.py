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
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

# Old tone placement on the second vowel of a final "oa/oe/uy" ("hoà", "uỷ") moved to the first,
# so both spellings share one key.  "qu" keeps its tone on the next vowel ("quý").
_TONE_MOVES = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}  # fmt: skip
_OLD_TONE = re.compile(r"(?<!q)(" + "|".join(_TONE_MOVES) + r")(?!\w)")


def spelling_key(text: str) -> str:
    """Lower-case NFC text with one tone placement and single spaces: the key lexicons match on."""
    text = unicodedata.normalize("NFC", text).lower()
    return " ".join(_OLD_TONE.sub(lambda m: _TONE_MOVES[m.group(1)], text).split())


def is_name_syllable(token: str) -> bool:
    """A capitalised syllable: an upper-case letter then lower-case letters ("Hờ", "Y", "H'Hen")."""
    if not token or not token[0].isupper() or not token[0].isalpha():
        return False
    rest = [c for c in token[1:] if c not in "'’"]
    return all(c.isalpha() and c.islower() for c in rest) and not token.endswith(("'", "’"))


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
        key = spelling_key(" ".join(words))
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
                spelling_key(row[0]) for sql in sqls for row in db.execute(sql) if row[0] and row[0].strip()
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
    ) -> None:
        self.surnames = frozenset(spelling_key(s) for s in surnames)
        self.not_first = frozenset(spelling_key(s) for s in not_first)
        self.not_officials = frozenset(spelling_key(s) for s in not_officials)
        self.min = min_syllables
        self.max = max_syllables
        self.gazetteer = gazetteer or Gazetteer()

    def strength(self, words: Sequence[str]) -> Strength | None:
        """Whether ``words`` can be a personal name, and how surely; None when it cannot."""
        if not self.min <= len(words) <= self.max or not all(is_name_syllable(w) for w in words):
            return None
        first = spelling_key(words[0])
        if first in self.not_first or spelling_key(" ".join(words)) in self.not_officials:
            return None
        if first in self.surnames:
            return Strength.strong
        if len(words) >= 3 and spelling_key(words[1]) in ("văn", "thị"):
            return Strength.strong
        return Strength.weak

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
        if 0 in strong and not (level is PlaceLevel.village and n == self.min):
            # Without a gazetteer, a village is read as the place ("Trưởng thôn Đồng Tâm").
            return Split(0)
        strong = [start for start in strong if start]
        if len(strong) == 1:
            return Split(strong[0])
        pos_starts = pos_name_starts() if pos_name_starts and candidates else set()
        if strong:
            agreed = [start for start in strong if start in pos_starts]
            if agreed:
                return Split(agreed[0], via_pos=True)
            return Split(max(strong, key=lambda start: _split_score(start, n - start)))
        for start, _ in candidates:
            if start and start in pos_starts:
                return Split(start, via_pos=True)
        return Split(n)


def _split_score(place_len: int, name_len: int) -> int:
    """Places are mostly 2 syllables and names 3: prefer the cut that gives those lengths."""
    return {1: 0, 2: 2, 3: 1}.get(place_len, 0) + {2: 1, 3: 2, 4: 1}.get(name_len, 0)
