"""Administrative units named in an article, resolved to official codes before and after 2025.

Articles name places the way people say them: "xã Tân Lập", "phường Minh Khai (thành phố
Hà Giang)", and, since the 1 July 2025 reorganisation, the new units ("phường Hoàn Kiếm" of the
34-province map).  This module finds such mentions (:func:`find_units`) and resolves one
(:func:`resolve`) with the data bundled in ``vietnamadminunits``:

* ``admin_old``: the unit as written in the pre-2025 (63-province) map, with province,
  district and ward codes;
* ``admin_new``: the unit it became (or already is) in the 2025 (34-province) map.

We read the package's bundled tables rather than call its fuzzy ``parse_address``: the parser
matches keywords anywhere in the string ("xã Tân Lập, huyện Đan Phượng" becomes "Xã Đan
Phượng"), cannot be told
the unit level we already know, and ``convert_address`` geocodes online (ArcGIS) as soon as it
thinks a street is present.  Exact (level, name) lookups, disambiguated by the other units the
article names, are both stricter and ~100x cheaper.  Tables load once, lazily, on first use.

Unit levels (``xã``, ``phường``, ``huyện``...) are data of the calling rule set, passed in as a
mapping ``level word -> tiers`` (``ward``, ``district``, ``province``).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from extract.records import AdminUnit
from extract.spelling import fold

#: Date the 2025 reorganisation took effect; later articles name the new units.
REORGANISED = dt.date(2025, 7, 1)


def _vietnamese_capitals() -> str:
    """Every capital letter of Vietnamese text: A-Z, Đ, and each vowel with each tone mark.

    ``[A-ZĐ]`` misses "Ủy", "Ấp", "Ơn": a regex class for "a capitalised word" must hold all
    of them, precomposed (NFC) as news text writes them.
    """
    vowels = "aăâeêioôơuưy"
    tones = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
    letters = {unicodedata.normalize("NFC", v + t).upper() for v in vowels for t in tones}
    letters |= set("ABCDEFGHIJKLMNOPQRSTUVWXYZĐ")
    return "".join(sorted(letters))


#: The capitals of Vietnamese (see :func:`_vietnamese_capitals`); ``UPPER_CLASS`` is their regex class.
UPPER = _vietnamese_capitals()
UPPER_CLASS = f"[{UPPER}]"


@dataclass(frozen=True, slots=True)
class UnitMention:
    """An administrative unit as written: ``level`` word and proper ``name`` ("xã", "Tân Lập")."""

    level: str
    name: str
    start: int
    end: int

    @property
    def text(self) -> str:
        return " ".join(part for part in (self.level, self.name) if part)


# A syllable of a name; highland names glue two with an apostrophe, straight or curly, and the
# part after it may be lowercase ("Đưng K’Nớ", "Ea H'leo", "Đắk R’Lấp").
_SYLLABLE = r"[^\W_]+(?:['’ʼ‘][^\W_]+)*"
_NEXT_WORD = re.compile(rf"[ \t\u00a0]+({_SYLLABLE})")
_GLUED_WORD = re.compile(rf"[ \t\u00a0]*({_SYLLABLE})")


def _opens_name(text: str, pos: int, stops: frozenset[str]) -> bool:
    """Whether a stop word is the first syllable of a name: the next word is capitalised and no
    stop ("xã Nhân Đạo", "thành phố Hội An", "xã Đoàn Kết"; not "xã Công an", "xã Nhân dân")."""
    nxt = _NEXT_WORD.match(text, pos)
    if nxt is None:
        return False
    token = nxt.group(1)
    return token[0].isupper() and token not in stops


def find_units(
    text: str,
    levels: Sequence[str],
    stop_names: Sequence[str] = (),
    lowered: str | None = None,
    qualifiers: Sequence[str] = (),
    acronyms: Mapping[str, Sequence[str]] | None = None,
) -> list[UnitMention]:
    """Every "level Name" in ``text``: a level word (any case) then capitalised syllables.

    A level word with no capitalised name after it ("Ban Chỉ đạo ... tỉnh") is kept with an empty
    name: the caller learns that the unit is only implicit.  ``stop_names`` are capitalised words
    that end a name ("xã A UBND ..." does not name "A UBND").  ``lowered`` is ``text.lower()`` when
    the caller has it: level words are looked up in it, case-sensitively, which is much faster.
    ``qualifiers`` are lowercase words that may stand between the level and the name ("xã biên
    giới A", "xã vùng cao B"): the unit is still "xã A".  ``acronyms`` are whole words that name a
    unit with its level ("TPHCM" -> ("thành phố", "Hồ Chí Minh")).
    """
    if not levels:
        return []
    lowered = text.lower() if lowered is None else lowered
    if len(lowered) != len(text):  # a rare character whose lowercase is longer: no shortcut
        lowered = "".join(c.lower()[0] for c in text)
    stops = frozenset(stop_names)
    qualifier = _qualifier_pattern(tuple(qualifiers)) if qualifiers else None
    out: list[UnitMention] = []
    for m in _level_pattern(tuple(levels)).finditer(lowered):
        pos, words = m.end(), []
        glued = lowered[pos - 1] == "."  # "P.Bến Thành", "TP. Tân An", "Q.1": an abbreviation
        if glued and not text[m.start()].isupper():
            continue  # "p." inside a sentence is no level
        if qualifier is not None and (q := qualifier.match(text, pos)) is not None:
            pos = q.end()  # "xã biên giới A": the qualifier is no part of the name
        while (w := (_GLUED_WORD if glued and not words else _NEXT_WORD).match(text, pos)) is not None:
            token = w.group(1)
            if not (token[0].isupper() or token.isdigit()):
                break
            if token in stops and (words or not _opens_name(text, w.end(), stops)):
                if not (words and _known_name([*words, token])):
                    break  # "xã Tân Lập UBND ...", but "xã Nhân Đạo", "thành phố Hội An" are names
            words.append(token)
            pos = w.end()
        if len(words) > 2 and all(len(w) > 1 and w.isupper() for w in words[:3]):
            words, pos = _caps_name(text, words, m.end())
        name = " ".join(words)
        if words:
            name, pos = _hyphenated(text, name, pos)
        level = text[m.start() : m.end()]
        out.append(UnitMention(level=level, name=name, start=m.start(), end=pos if words else m.end()))
    if acronyms:
        taken = [(u.start, u.end) for u in out]
        out.extend(
            u for u in _acronym_units(text, acronyms) if not any(s < u.end and u.start < e for s, e in taken)
        )
        out.sort(key=lambda u: u.start)
    return out


def _acronym_units(text: str, acronyms: Mapping[str, Sequence[str]]) -> list[UnitMention]:
    """Units written as one acronym word ("TPHCM"): level and name as the mapping spells them."""
    out: list[UnitMention] = []
    for word, (level, name) in acronyms.items():
        for m in re.finditer(rf"(?<![^\W_]){re.escape(word)}(?![^\W_])", text):
            out.append(UnitMention(level=level, name=name, start=m.start(), end=m.end()))
    return out


@lru_cache(maxsize=8)
def _qualifier_pattern(qualifiers: tuple[str, ...]) -> re.Pattern[str]:
    """Lowercase qualifiers between a level and a capitalised name ("xã biên giới A")."""
    words = "|".join(re.escape(q) for q in sorted(qualifiers, key=len, reverse=True))
    return re.compile(rf"[ \t\u00a0]+(?:{words})(?=[ \t\u00a0]+{UPPER_CLASS})")


def _known_name(words: Sequence[str]) -> bool:
    """Whether the tables know these words as a unit's name: a stop word may end one ("phường An
    Hội", "xã Tân Đoàn"), where a body or an event would otherwise open ("xã A Hội Nông dân")."""
    t = tables()
    key = canonical(" ".join(words))
    return (
        key in t.old_wards or key in t.new_wards or key in t.old_district_by_name or key in _known_provinces()
    )


def _caps_name(text: str, words: list[str], start: int) -> tuple[list[str], int]:
    """A unit in a line written in capitals ("XÃ XUÂN THÁI TỔ CHỨC NGÀY HỘI ..."): every word looks
    like a name, so the name is the longest start (up to four words) the tables know; none: no
    name at all rather than the whole line."""
    for n in range(min(4, len(words)), 0, -1):
        if _known_name(words[:n]):
            end = start
            for w in words[:n]:
                end = text.index(w, end) + len(w)
            return words[:n], end
    return [], start


_HYPHEN_TAIL = re.compile(r"[ \t\u00a0]*-[ \t\u00a0]*[^\W\d_]+(?:[ \t\u00a0]+[^\W\d_]+){0,2}")
_WORD = re.compile(r"[^\W\d_]+")


def _hyphenated(text: str, name: str, pos: int) -> tuple[str, int]:
    """A province whose name holds a hyphen ("Bà Rịa - Vũng Tàu", "Bà Rịa-Vũng Tàu"): the whole
    name when the tables know it, else the name before the hyphen ("xã A - điểm sáng")."""
    tail = _HYPHEN_TAIL.match(text, pos)
    if tail is None:
        return name, pos
    ends = [w.end() for w in _WORD.finditer(text, pos, tail.end())]
    for end in reversed(ends):
        whole = name + text[pos:end]
        if canonical(whole) in _known_provinces():
            return whole, end
    return name, pos


@lru_cache(maxsize=8)
def _level_pattern(levels: tuple[str, ...]) -> re.Pattern[str]:
    # An abbreviation written with its dot ("tp.") may be glued to the name: no word edge after it.
    alternatives = "|".join(
        re.escape(lv.lower()) + ("" if lv.endswith(".") else r"(?![^\W\d_])")
        for lv in sorted(levels, key=len, reverse=True)
    )
    return re.compile(rf"(?<![^\W\d_])(?:{alternatives})")


# ---------------------------------------------------------------------------------------------
# Reference tables (lazy, cached)


@dataclass(frozen=True, slots=True)
class _Ward:
    province_key: str
    district_key: str | None
    key: str
    entry: dict[str, Any]


class _Tables:
    """Indexes over the package's JSON: (type, folded name) -> candidates, old -> new keys."""

    def __init__(self) -> None:
        data = _package_data()
        legacy = json.loads((data / "parser_legacy.json").read_text(encoding="utf-8"))
        new = json.loads((data / "parser_from_2025.json").read_text(encoding="utf-8"))
        conv = json.loads((data / "converter_2025.json").read_text(encoding="utf-8"))

        self.old_provinces: dict[str, dict[str, Any]] = legacy["DICT_PROVINCE"]
        self.old_districts: dict[str, dict[str, dict[str, Any]]] = legacy["DICT_PROVINCE_DISTRICT"]
        self.new_provinces: dict[str, dict[str, Any]] = new["DICT_PROVINCE"]

        self.old_province_by_name = _by_name(
            (fold(v["provinceShort"]), k) for k, v in self.old_provinces.items()
        )
        self.new_province_by_name = _by_name(
            (fold(v["provinceShort"]), k) for k, v in self.new_provinces.items()
        )
        self.old_district_by_name: dict[str, list[tuple[str, str]]] = {}
        for pkey, districts in self.old_districts.items():
            for dkey, d in districts.items():
                self.old_district_by_name.setdefault(_short(d["districtShort"]), []).append((pkey, dkey))

        self.old_wards: dict[str, list[_Ward]] = {}
        seen: set[str] = set()
        for table in ("NO_ACCENTED", "ACCENTED", "SHORT_ACCENTED"):
            for pkey, districts in legacy[f"DICT_PROVINCE_DISTRICT_WARD_{table}"].items():
                for dkey, wards in districts.items():
                    for wkey, w in wards.items():
                        if w["wardCode"] in seen or not isinstance(w.get("wardShort"), str):
                            continue
                        seen.add(w["wardCode"])
                        self.old_wards.setdefault(_short(w["wardShort"]), []).append(
                            _Ward(pkey, dkey, wkey, w)
                        )
        self.new_wards: dict[str, list[_Ward]] = {}
        seen.clear()
        for table in ("NO_ACCENTED", "ACCENTED", "SHORT_ACCENTED"):
            for pkey, wards in new[f"DICT_PROVINCE_WARD_{table}"].items():
                for wkey, w in wards.items():
                    if w["wardCode"] in seen or not isinstance(w.get("wardShort"), str):
                        continue
                    seen.add(w["wardCode"])
                    self.new_wards.setdefault(_short(w["wardShort"]), []).append(_Ward(pkey, None, wkey, w))
        self.new_ward_by_key = {(w.province_key, w.key): w for ws in self.new_wards.values() for w in ws}

        # old province key -> new province key; "prov_district_ward" -> new ward key
        self.province_moves = {old: newk for newk, olds in conv["DICT_PROVINCE"].items() for old in olds}
        self.ward_moves: dict[str, tuple[str, str]] = {}
        for newp, wards in conv["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
            for new_ward, olds in wards.items():
                for old in olds:
                    self.ward_moves[old] = (newp, new_ward)
        for newp, splits in conv["DICT_PROVINCE_WARD_DIVIDED"].items():
            for old, options in splits.items():
                default = next((o for o in options if o["isDefaultNewWard"]), options[0] if options else None)
                if default is not None:
                    self.ward_moves.setdefault(old, (newp, default["newWardKey"]))


_NUMBERED = re.compile(r"^(?:phường|quận) 0*(\d+)$")


def _short(name: str) -> str:
    """A table's short name as articles write it after the level: "Phường 6" is "6" ("phường 6")."""
    key = fold(name)
    numbered = _NUMBERED.match(key)
    return numbered.group(1) if numbered else key


def _package_data() -> Path:
    """The package's data folder, found without importing it.

    Importing ``vietnamadminunits`` loads its parsers: three JSON files, hundreds of regexes and
    geopy (an SSL context for online geocoding) — about 0.5 s we do not need.
    """
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("vietnamadminunits is not installed; install the project's dependencies")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def _by_name(pairs: Any) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for name, key in pairs:
        out.setdefault(name, []).append(key)
    return out


@lru_cache(maxsize=1)
def tables() -> _Tables:
    """The reference tables, built on first use (~0.15 s) and kept for the process."""
    return _Tables()


# ---------------------------------------------------------------------------------------------
# Resolution


@dataclass(frozen=True, slots=True)
class Context:
    """What the article says around a unit: names of districts and provinces it mentions.

    ``near_*`` are the ones written right next to the unit ("xã A (huyện B, tỉnh C)") and weigh
    more than those mentioned anywhere in the article.
    """

    districts: frozenset[str] = frozenset()
    provinces: frozenset[str] = frozenset()
    near_districts: frozenset[str] = frozenset()
    near_provinces: frozenset[str] = frozenset()
    lead_provinces: frozenset[str] = frozenset()  # named in the title and lead ("Hà Giang: ...")
    # named as the seat of a local body ("Công an tỉnh A", "Ban Chỉ đạo 138 huyện B"): the article's
    # own places, unlike a neighbour it mentions ("giáp ranh với tỉnh C")
    home_districts: frozenset[str] = frozenset()
    home_provinces: frozenset[str] = frozenset()
    # the first bare name in brackets after the unit: "bản A (B, C, D)" lies in B
    near_first: str = ""


def build_context(
    text: str,
    mentions: Sequence[UnitMention],
    tiers: Mapping[str, Sequence[str]],
    target: UnitMention | None = None,
    near_chars: int = 80,
    lead_chars: int = 300,
    window_chars: int = 300,
    bodies: Sequence[str] = (),
) -> Context:
    """Districts and provinces the article names: as "huyện X"/"tỉnh Y" and as bare province names.

    Bare names count only when they are known provinces ("(Bắc Mê, Hà Giang)", "Hà Giang: ..."),
    and only in the lead or near the unit: scanning a whole article for 97 names costs more than
    the rest of the event reading.  ``bodies`` are the local bodies whose seat is the unit after
    them in the same clause ("Công an tỉnh A", "Phó Chủ tịch UBND huyện B"): those units are the
    article's own places (``home_*``), unlike a neighbour it mentions ("giáp ranh với tỉnh C").
    """
    districts: set[str] = set()
    provinces: set[str] = set()
    near_d: set[str] = set()
    near_p: set[str] = set()
    home_d: set[str] = set()
    home_p: set[str] = set()
    first = ""
    body_before = _body_pattern(tuple(bodies)) if bodies else None
    for m in mentions:
        if not m.name or m is target:
            continue
        kinds = tiers.get(fold(m.level), ())
        near = target is not None and 0 <= m.start - target.end <= near_chars
        key = canonical(m.name)
        home = (
            bool(kinds)
            and body_before is not None
            and body_before.search(text, max(0, m.start - 40), m.start) is not None
        )
        if "district" in kinds:
            districts.add(key)
            if near:
                near_d.add(key)
            if home:
                home_d.add(key)
        if "province" in kinds:
            provinces.add(key)
            if near:
                near_p.add(key)
            if home:
                home_p.add(key)
    # Bare province names: in the title and lead ("Hà Giang: ..."), and around the unit.
    lead = set(_province_names_in(text[:lead_chars]))
    lead |= {
        canonical(m.name)
        for m in mentions
        if m.name and m.start < lead_chars and "province" in tiers.get(fold(m.level), ())
    }
    provinces |= lead
    if target is not None:
        provinces |= _province_names_in(text[max(0, target.start - window_chars) : target.end + window_chars])
        window = text[target.end : target.end + near_chars]
        if window.lstrip().startswith("("):
            inside = window[window.index("(") + 1 :].split(")", 1)[0]
            for part in re.split(r"[,;–]|\s-\s", inside):
                words = fold(part)
                if any(
                    words.startswith(lv + " ") or (lv.endswith(".") and words.startswith(lv)) for lv in tiers
                ):
                    continue  # "(huyện B, tỉnh C)": read above, as the level says
                if words:  # a bare name ("(B, C)") may be either
                    near_d.add(canonical(words))
                    near_p.add(canonical(words))
                    first = first or canonical(words)
    return Context(
        frozenset(districts),
        frozenset(provinces),
        frozenset(near_d),
        frozenset(near_p),
        frozenset(lead & _known_provinces()),
        frozenset(home_d),
        frozenset(home_p & _known_provinces()),
        first,
    )


@lru_cache(maxsize=8)
def _body_pattern(bodies: tuple[str, ...]) -> re.Pattern[str]:
    """A local body, then the rest of its clause up to the unit: "Ban Chỉ đạo 138 huyện C"."""
    words = "|".join(re.escape(b) for b in sorted(bodies, key=len, reverse=True))
    return re.compile(rf"(?i)(?<![^\W_])(?:{words})[^.;:,()]*$")


#: Other spellings of province names: acronyms and names before the last renaming.
_PROVINCE_ALIASES = {
    "hcm": "hồ chí minh",
    "tphcm": "hồ chí minh",
    "thừa thiên huế": "huế",
    "thừa thiên - huế": "huế",
}


def canonical(name: str) -> str:
    """A unit name as the tables spell it: folded, one spacing of hyphens, acronyms expanded."""
    key = fold(name)
    if key.isdigit():  # "phường 06"
        return str(int(key))
    if "-" in key:
        key = re.sub(r"\s*-\s*", " - ", key)
    return _PROVINCE_ALIASES.get(key, key)


@lru_cache(maxsize=1)
def _known_provinces() -> frozenset[str]:
    t = tables()
    return frozenset(t.old_province_by_name) | frozenset(t.new_province_by_name)


@lru_cache(maxsize=16)
def _province_names_in(text: str) -> frozenset[str]:
    """Known province names written anywhere (old and new maps), folded; cached per article."""
    return frozenset(_province_pattern().findall(fold(text)))


@lru_cache(maxsize=1)
def _province_pattern() -> re.Pattern[str]:
    t = tables()
    names = set(t.old_province_by_name) | set(t.new_province_by_name)
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![^\W\d_])(?:{alternatives})(?![^\W\d_])")


def province_at(text: str, pos: int) -> UnitMention | None:
    """A known province written bare at ``pos`` ("tại Hà Nội, ..."), as a unit with no level."""
    window = text[pos : pos + 40]
    m = _province_pattern().match(fold(window))
    if m is None or fold(window[: m.end()]) != m.group():
        return None
    return UnitMention(level="", name=window[: m.end()], start=pos, end=pos + m.end())


@dataclass(frozen=True, slots=True)
class Resolution:
    """A unit resolved to the old map (when it existed there) and to the 2025 map."""

    old: AdminUnit | None
    new: AdminUnit | None


def resolve(
    level: str,
    name: str,
    tiers: Mapping[str, Sequence[str]],
    context: Context = Context(),
    published: dt.date | None = None,
) -> Resolution:
    """Resolve "level name" (e.g. "xã", "Tân Lập") to old and new official units.

    Articles published from 1 July 2025 are read against the new map first; earlier or undated
    ones against the old map first.  Returns ``Resolution(None, None)`` when the unit is unknown
    or ambiguous in its context: a wrong code is worse than none.
    """
    # A bare name ("tại Hà Nội") is only ever resolved as a province.
    kinds = tuple(tiers.get(fold(level), ())) if level else ("province",)
    if not name:
        return Resolution(None, None)
    new_first = published is not None and published >= REORGANISED
    if kinds:
        found = _resolve_cached(kinds, fold(level), canonical(name), context, new_first)
        if found.old is not None or found.new is not None or _too_coarse(kinds, context):
            return found
    # Unknown here (a place the tables lack, a hamlet): the units it lies in, as the text names them.
    tier = "district" if "district" in kinds else "ward" if kinds else "hamlet"
    return _resolve_parent(context, new_first, tier)


def _too_coarse(kinds: tuple[str, ...], ctx: Context) -> bool:
    """A province-level unit has no parent to fall back on."""
    return all(k == "province" for k in kinds)


_DISTRICT_LEVELS = (
    ("district", "huyện"),
    ("district", "quận"),
    ("district", "thị xã"),
    ("district", "thành phố"),
)


@lru_cache(maxsize=1024)
def _resolve_parent(ctx: Context, new_first: bool, tier: str) -> Resolution:
    """The unit the article places an unresolved one in: written beside it ("xã A (huyện B)",
    "bản A (B, C, D)"), else the only district a local body of the article is named after, the
    only province of the title and lead, the only province a local body is named after.

    ``tier`` is the unresolved unit's ("hamlet", "ward", "district"): only units above it count,
    and bare names beside it are read as communes only for a hamlet.  Each step needs exactly one
    resolvable unit: two candidates are no answer.
    """
    districts = tier != "district"
    steps: list[tuple[frozenset[str], tuple[tuple[str, str], ...]]] = [
        (frozenset({ctx.near_first} if tier == "hamlet" and ctx.near_first else ()), (("ward", ""),)),
        (ctx.near_districts if districts else frozenset(), _DISTRICT_LEVELS),
        (ctx.near_provinces, (("province", "tỉnh"), ("province", "thành phố"))),
        (ctx.home_districts if districts else frozenset(), _DISTRICT_LEVELS),
        (ctx.lead_provinces, (("province", "tỉnh"), ("province", "thành phố"))),
        (ctx.home_provinces, (("province", "tỉnh"), ("province", "thành phố"))),
    ]
    for names, attempts in steps:
        found: list[Resolution] = []
        for name in names:
            for kind, level in attempts:
                r = _resolve_cached((kind,), level, name, ctx, new_first)
                if r.old is not None or r.new is not None:
                    if r not in found:
                        found.append(r)
                    break
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            return Resolution(None, None)
    return Resolution(None, None)


@lru_cache(maxsize=4096)
def _resolve_cached(
    kinds: tuple[str, ...], level: str, name: str, context: Context, new_first: bool
) -> Resolution:
    maps = ((_resolve_new, False), (_resolve_old, True))
    for attempt, old in maps[::-1] if not new_first else maps:
        for kind in kinds:
            found = attempt(kind, level, name, context)
            if found is not None:
                return found
        if any(_known(kind, level, name, old, context) for kind in kinds):
            # Ambiguous in the map the article most likely uses: guessing from the other map
            # would pick a namesake elsewhere in the country.
            break
    return Resolution(None, None)


def _known(kind: str, level: str, name: str, old: bool, ctx: Context = Context()) -> bool:
    """Whether a map has any unit of this level and name (in the province the context names)."""
    t = tables()
    if kind == "ward":
        wards = t.old_wards if old else t.new_wards
        return any(
            _type_ok(w.entry["wardType"], level) and _consistent(w.province_key, ctx, old)
            for w in wards.get(name, [])
        )
    if kind == "district":
        return old and any(_consistent(p, ctx, old) for p, _ in t.old_district_by_name.get(name, []))
    if kind == "province":
        return name in (t.old_province_by_name if old else t.new_province_by_name)
    return False


def _score(province_key: str, district_key: str | None, ctx: Context, old: bool) -> int:
    t = tables()
    if old:
        pname = fold(t.old_provinces[province_key]["provinceShort"])
    else:
        pname = fold(t.new_provinces[province_key]["provinceShort"])
    score = 3 * (pname in ctx.near_provinces) + (pname in ctx.provinces)
    if not old:
        # An old province name the article uses ("tỉnh Hà Giang") points at the province it joined.
        olds = [k for k, v in t.province_moves.items() if v == province_key]
        names = {fold(t.old_provinces[k]["provinceShort"]) for k in olds if k in t.old_provinces}
        score += 3 * bool(names & ctx.near_provinces) + bool(names & ctx.provinces)
    if district_key is not None:
        dname = _short(t.old_districts[province_key][district_key]["districtShort"])
        score += 6 * (dname in ctx.near_districts) + 2 * (dname in ctx.districts)
    return score


def _pick(cands: list[Any], scores: list[int]) -> Any | None:
    """The single best-scoring candidate, or None on a tie (ambiguous without more context)."""
    if not cands:
        return None
    best = max(scores)
    winners = [c for c, s in zip(cands, scores, strict=True) if s == best]
    return winners[0] if len(winners) == 1 else None


def _type_ok(entry_type: str, level: str) -> bool:
    """The table's type is the level written; a bare name ("" level) takes any type."""
    return not level or fold(entry_type) == level


#: Units move up a level over the years (a xã becomes a thị trấn or a phường, a huyện a thị xã):
#: an older article's level, when the tables know the unit only one step up.
_UPGRADES = {
    "xã": ("thị trấn", "phường"),
    "thị trấn": ("phường",),
    "huyện": ("thị xã", "thành phố"),
    "thị xã": ("thành phố",),
}


def _consistent(province_key: str, ctx: Context, old: bool) -> bool:
    """Whether a candidate lies in the province the context names (any, when it names none).

    A unit written beside its province ("xã A (tỉnh B)") must lie there; else, when the title or
    lead names provinces ("Hà Giang: ..."), in one of them: a lone namesake elsewhere in the
    country is no answer.  Provinces named further on may be neighbours or visitors: no test.
    """
    known = _known_provinces()
    wanted = ctx.near_provinces & known or ctx.lead_provinces
    if not wanted:
        return True
    return bool(_province_names(province_key, old) & wanted)


@lru_cache(maxsize=256)
def _province_names(province_key: str, old: bool) -> frozenset[str]:
    """Folded names of a province in both maps: itself, and what it became or was made of."""
    t = tables()
    if old:
        names = {fold(t.old_provinces[province_key]["provinceShort"])}
        newk = t.province_moves.get(province_key)
        if newk in t.new_provinces:
            names.add(fold(t.new_provinces[newk]["provinceShort"]))
        return frozenset(names)
    names = {fold(t.new_provinces[province_key]["provinceShort"])}
    names |= {
        fold(t.old_provinces[k]["provinceShort"])
        for k, v in t.province_moves.items()
        if v == province_key and k in t.old_provinces
    }
    return frozenset(names)


def _resolve_old(kind: str, level: str, name: str, ctx: Context) -> Resolution | None:
    t = tables()
    if kind == "ward":
        wards = [w for w in t.old_wards.get(name, []) if _consistent(w.province_key, ctx, old=True)]
        cands = [w for w in wards if _type_ok(w.entry["wardType"], level)]
        for up in _UPGRADES.get(level, ()) if not cands else ():
            cands = [w for w in wards if _type_ok(w.entry["wardType"], up)]
            if cands:
                break
        ward = _pick(cands, [_score(w.province_key, w.district_key, ctx, old=True) for w in cands])
        if ward is None:
            return None
        return Resolution(_old_unit(ward.province_key, ward.district_key, ward), _moved(ward))
    if kind == "district":
        found = [(p, d) for p, d in t.old_district_by_name.get(name, []) if _consistent(p, ctx, old=True)]
        pairs = [(p, d) for p, d in found if _type_ok(t.old_districts[p][d]["districtType"], level)]
        for up in _UPGRADES.get(level, ()) if not pairs else ():
            pairs = [(p, d) for p, d in found if _type_ok(t.old_districts[p][d]["districtType"], up)]
            if pairs:
                break
        pair = _pick(pairs, [_score(p, None, ctx, old=True) for p, _ in pairs])
        if pair is None:
            return None
        return Resolution(_old_unit(pair[0], pair[1], None), _new_province_of(pair[0]))
    if kind == "province":
        keys = t.old_province_by_name.get(name, [])
        if len(keys) != 1:
            return None
        return Resolution(_old_unit(keys[0], None, None), _new_province_of(keys[0]))
    return None


def _resolve_new(kind: str, level: str, name: str, ctx: Context) -> Resolution | None:
    t = tables()
    if kind == "ward":
        cands = [
            w
            for w in t.new_wards.get(name, [])
            if _type_ok(w.entry["wardType"], level) and _consistent(w.province_key, ctx, old=False)
        ]
        ward = _pick(cands, [_score(w.province_key, None, ctx, old=False) for w in cands])
        if ward is None:
            return None
        return Resolution(None, _new_unit(ward.province_key, ward))
    if kind == "province":
        keys = t.new_province_by_name.get(name, [])
        if len(keys) != 1:
            return None
        return Resolution(None, _new_unit(keys[0], None))
    return None


def _old_unit(pkey: str, dkey: str | None, ward: _Ward | None) -> AdminUnit:
    t = tables()
    p = t.old_provinces[pkey]
    d = t.old_districts[pkey][dkey] if dkey else None
    return AdminUnit(
        province=p["province"],
        province_code=p["provinceCode"],
        district=d["district"] if d else None,
        district_code=d["districtCode"] if d else None,
        ward=ward.entry["ward"] if ward else None,
        ward_code=ward.entry["wardCode"] if ward else None,
    )


def _new_unit(pkey: str, ward: _Ward | None) -> AdminUnit:
    p = tables().new_provinces[pkey]
    return AdminUnit(
        province=p["province"],
        province_code=p["provinceCode"],
        ward=ward.entry["ward"] if ward else None,
        ward_code=ward.entry["wardCode"] if ward else None,
    )


def _new_province_of(old_pkey: str) -> AdminUnit | None:
    newp = tables().province_moves.get(old_pkey)
    return _new_unit(newp, None) if newp else None


def _moved(ward: _Ward) -> AdminUnit | None:
    """The 2025 ward an old ward became (the package's default when it was split)."""
    t = tables()
    move = t.ward_moves.get(f"{ward.province_key}_{ward.district_key}_{ward.key}")
    if move is None:
        return _new_province_of(ward.province_key)
    newp, new_ward = move
    target = t.new_ward_by_key.get((newp, new_ward))
    return _new_unit(newp, target)


def as_dict(unit: AdminUnit | None) -> dict[str, Any] | None:
    """A unit as stored on a record (``None`` stays ``None``; empty fields dropped)."""
    if unit is None:
        return None
    return {k: v for k, v in unit.model_dump().items() if v is not None}
