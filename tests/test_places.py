"""Administrative units: finding them in text and resolving them to old (pre-2025) and new codes.

Resolution uses the real tables bundled with ``vietnamadminunits``, so the places here are real
units (none taken from the development articles).
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from extract import places
from extract.ruleset import latest, load

RULES = load(latest("events"))
LEVELS = RULES.lexicon("unit_levels")
TIERS = RULES.settings["unit_tiers"]
BODIES = RULES.lexicon("seat_bodies")
BEFORE, AFTER = dt.date(2024, 5, 1), dt.date(2025, 8, 1)


def resolve(text: str, published: dt.date | None = None) -> places.Resolution:
    """Resolve the first unit of ``text``, with the rest of ``text`` as its context."""
    mentions = places.find_units(text, LEVELS, RULES.lexicons.get("unit_name_stops", []))
    target = mentions[0]
    context = places.build_context(text, mentions, TIERS, target, bodies=BODIES)
    level = RULES.settings["level_spelled"].get(target.level.lower(), target.level)  # "Q." is "quận"
    return places.resolve(level, target.name, TIERS, context, published)


LEAD = "Tin tức địa phương. " * 20  # past the title and lead: what follows is no lead


# (text, units found as "level name")
FIND = [
    (
        "Ban Chỉ đạo xã Tả Phìn (huyện Sìn Hồ, tỉnh Lai Châu) tổ chức",
        ["xã Tả Phìn", "huyện Sìn Hồ", "tỉnh Lai Châu"],
    ),
    ("Ban Chỉ đạo xây dựng phong trào tỉnh tổ chức", ["tỉnh"]),  # level with no name: implicit unit
    ("Nhân dân phường 5 và Thị trấn Yên Lạc", ["phường 5", "Thị trấn Yên Lạc"]),
    ("Thành phố Hồ Chí Minh", ["Thành phố Hồ Chí Minh"]),
    ("quản lý xã hội", []),  # "xã" inside "xã hội" is a level word with no name, then nothing else
    # abbreviations with their dot, glued to the name or not
    ("(P.Bến Thành, Q.1, TP.HCM)", ["P. Bến Thành", "Q. 1", "TP. HCM"]),
    ("H.Đắk Mil, TX. Buôn Hồ, TT.Đu, X.Tân Lập", ["H. Đắk Mil", "TX. Buôn Hồ", "TT. Đu", "X. Tân Lập"]),
    ("ông Nguyễn Văn P. và 3 p. sau", []),  # an initial, a lowercase "p.": no unit named
    # a hyphen inside a province's name, not after a unit's ("xã A - điểm sáng ...")
    ("tỉnh Bà Rịa - Vũng Tàu và tỉnh Bà Rịa-Vũng Tàu", ["tỉnh Bà Rịa - Vũng Tàu", "tỉnh Bà Rịa-Vũng Tàu"]),
    ("Xã Tân Lập - Điểm sáng", ["Xã Tân Lập"]),
    # a line in capitals: the name is the longest start the tables know, else none
    ("XÃ TẢ PHÌN TỔ CHỨC NGÀY HỘI TOÀN DÂN", ["XÃ TẢ PHÌN"]),
    ("XÃ MÂY HỒNG TỔ CHỨC NGÀY HỘI", []),
    # highland names glue syllables with an apostrophe, straight or curly, maybe lowercase after it
    ("xã Đưng K’Nớ và huyện Ea H'leo, buôn Đắk R’Moan", ["xã Đưng K’Nớ", "huyện Ea H'leo"]),
    ("Xã Tân Lập’ là", ["Xã Tân Lập"]),  # a closing quote is no apostrophe
]


@pytest.mark.parametrize(("text", "expected"), FIND)
def test_find_units(text: str, expected: list[str]) -> None:
    found = [u.text for u in places.find_units(text, LEVELS) if u.name or expected == [u.text]]
    assert found == expected


# (text, units found) with the rule set's stop words: a stop word opens a name when a capitalised
# word follows; it ends one the tables know ("Tân Hội"), not one they do not ("xã Tân Lập Hội ...")
STOPPED = [
    ("phường Tân Hội, tỉnh Lai Châu", ["phường Tân Hội", "tỉnh Lai Châu"]),
    ("của phường Tân Hội nói riêng", ["phường Tân Hội"]),
    ("xã Tân Lập Hội Nông dân xã", ["xã Tân Lập"]),
    ("xã Tân Lập UBND xã", ["xã Tân Lập"]),
    ("xã Đoàn Kết và thành phố Hội An", ["xã Đoàn Kết", "thành phố Hội An"]),
]


@pytest.mark.parametrize(("text", "expected"), STOPPED)
def test_find_units_with_stop_words(text: str, expected: list[str]) -> None:
    found = places.find_units(text, LEVELS, RULES.lexicon("unit_name_stops"))
    assert [u.text for u in found if u.name] == expected


# (text, units found): a qualifier between level and name is no part of the name; acronyms
QUALIFIED = [
    ("tại xã biên giới Ía Mơ, huyện Chư Prông", ["xã Ía Mơ", "huyện Chư Prông"]),
    ("xã vùng cao Pà Cò và huyện đảo Cô Tô", ["xã Pà Cò", "huyện Cô Tô"]),
    ("các xã biên giới của tỉnh", ["tỉnh"]),  # no name after the qualifier: nothing skipped
    ("Công an TPHCM và UBND TP.HCM", ["thành phố Hồ Chí Minh", "TP. HCM"]),
]


@pytest.mark.parametrize(("text", "expected"), QUALIFIED)
def test_find_units_with_qualifiers_and_acronyms(text: str, expected: list[str]) -> None:
    found = places.find_units(
        text,
        LEVELS,
        qualifiers=RULES.lexicon("unit_qualifiers"),
        acronyms=RULES.settings["unit_acronyms"],
    )
    assert [u.text for u in found if u.name or u.level == "tỉnh"] == expected


def test_capitals_hold_every_vietnamese_capital() -> None:
    """The shared class matches each capital (with any tone) and no lowercase letter."""
    for word in ["Ủy", "Ấp", "Ơn", "Ưng", "Ỵ", "Đắk", "Ê", "Ổ", "Ặ", "Zô"]:
        assert re.match(places.UPPER_CLASS, word), word
    for word in ["ủy", "ấp", "đắk", "a"]:
        assert not re.match(places.UPPER_CLASS, word), word
    assert len(places.UPPER) == 26 + 1 + 66  # A-Z, Đ, 12 vowels x 6 tones less the plain A E I O U Y


# (text, publication date, old unit fields, new unit fields) — None: not resolved
RESOLVE = [
    (  # a ward of Hà Giang, which joined Tuyên Quang in 2025
        "phường Minh Khai (thành phố Hà Giang)",
        BEFORE,
        {
            "province": "Tỉnh Hà Giang",
            "district": "Thành phố Hà Giang",
            "ward": "Phường Minh Khai",
            "ward_code": "00697",
        },
        {"province": "Tỉnh Tuyên Quang", "ward": "Phường Hà Giang 2"},
    ),
    (  # namesakes in three provinces: the district written beside it decides
        "xã Tả Phìn (huyện Sìn Hồ, tỉnh Lai Châu)",
        BEFORE,
        {"province": "Tỉnh Lai Châu", "district": "Huyện Sìn Hồ", "ward": "Xã Tả Phìn"},
        {"province": "Tỉnh Lai Châu"},
    ),
    (
        "xã Tả Phìn, thị xã Sa Pa",
        BEFORE,
        {"province": "Tỉnh Lào Cai", "ward": "Xã Tả Phìn"},
        {"province": "Tỉnh Lào Cai", "ward": "Xã Tả Phìn"},
    ),
    ("xã Tả Phìn", BEFORE, None, None),  # ambiguous without context: no guess
    (  # after the reorganisation the text names the new unit
        "phường Hoàn Kiếm",
        AFTER,
        None,
        {"province": "Thành phố Hà Nội", "ward": "Phường Hoàn Kiếm", "ward_code": "00070"},
    ),
    (  # a district: the old map knows it, the new map only its province
        "huyện Sìn Hồ",
        BEFORE,
        {"province": "Tỉnh Lai Châu", "district": "Huyện Sìn Hồ", "ward": None},
        {"province": "Tỉnh Lai Châu", "ward": None},
    ),
    ("tỉnh Hà Giang", BEFORE, {"province": "Tỉnh Hà Giang"}, {"province": "Tỉnh Tuyên Quang"}),
    (  # the province written as a bare name counts as context
        "thị trấn Yên Lạc (Vĩnh Phúc)",
        BEFORE,
        {"province": "Tỉnh Vĩnh Phúc", "ward": "Thị trấn Yên Lạc"},
        {"province": "Tỉnh Phú Thọ"},
    ),
    ("xã Không Có Thật", BEFORE, None, None),
    (  # glued abbreviations, spelled out to be looked up
        "P.Bến Thành, Q.1, TP.HCM",
        BEFORE,
        {"province": "Thành phố Hồ Chí Minh", "district": "Quận 1", "ward": "Phường Bến Thành"},
        {"province": "Thành phố Hồ Chí Minh", "ward": "Phường Bến Thành"},
    ),
    (  # a numbered ward: the city written after it decides among the country's "Phường 6"
        "phường 6, TP.Tân An, tỉnh Long An",
        BEFORE,
        {"province": "Tỉnh Long An", "district": "Thành phố Tân An", "ward": "Phường 6"},
        {"province": "Tỉnh Tây Ninh"},
    ),
    ("phường 6", BEFORE, None, None),
    (  # the only "xã Bình Khánh" of the 2025 map lies elsewhere: the province written beside it wins
        "xã Bình Khánh (tỉnh Lạng Sơn)",
        AFTER,
        None,
        {"province": "Tỉnh Lạng Sơn", "ward": None},
    ),
    (  # a commune the tables lack: the district and province written beside it
        "xã Không Có Thật (huyện Sìn Hồ, tỉnh Lai Châu)",
        BEFORE,
        {"province": "Tỉnh Lai Châu", "district": "Huyện Sìn Hồ", "ward": None},
        {"province": "Tỉnh Lai Châu", "ward": None},
    ),
    (  # ... or the province of the title
        "Lai Châu: Ngày hội ở xã Không Có Thật",
        AFTER,
        None,
        {"province": "Tỉnh Lai Châu", "ward": None},
    ),
    (  # ... or the one a local body is named after; a neighbour is none
        "Ngày hội ở xã Không Có Thật. " + LEAD + "Dự có Phó Giám đốc Công an tỉnh Lai Châu.",
        AFTER,
        None,
        {"province": "Tỉnh Lai Châu"},
    ),
    ("Ngày hội ở xã Không Có Thật. " + LEAD + "Xã giáp ranh với tỉnh Lai Châu.", AFTER, None, None),
    (  # after 2025, a commune merged away, named with its province: the old map, and what it became
        "xã Tân Triều (Hà Nội)",
        AFTER,
        {"province": "Thành phố Hà Nội", "district": "Huyện Thanh Trì", "ward": "Xã Tân Triều"},
        {"province": "Thành phố Hà Nội"},
    ),
    (  # the name before the last renaming
        "tỉnh Thừa Thiên Huế",
        BEFORE,
        {"province": "Thành phố Huế"},
        {"province": "Thành phố Huế"},
    ),
    (
        "tỉnh Bà Rịa-Vũng Tàu",
        BEFORE,
        {"province": "Tỉnh Bà Rịa - Vũng Tàu"},
        {"province": "Thành phố Hồ Chí Minh"},
    ),
    (  # an older article's level: Mộc Châu was a huyện before it became a thị xã
        "huyện Mộc Châu (Sơn La)",
        BEFORE,
        {"province": "Tỉnh Sơn La", "district": "Thị xã Mộc Châu"},
        {"province": "Tỉnh Sơn La"},
    ),
]


@pytest.mark.parametrize(("text", "published", "old", "new"), RESOLVE)
def test_resolve_old_and_new(text: str, published: dt.date, old: dict | None, new: dict | None) -> None:
    got = resolve(text, published)
    for unit, expected in ((got.old, old), (got.new, new)):
        if expected is None:
            assert unit is None
        else:
            assert unit is not None
            assert {k: getattr(unit, k) for k in expected} == expected


def test_level_must_match() -> None:
    # "Sìn Hồ" is a district and (since 2025) a commune, never a ward-level "phường".
    assert resolve("phường Sìn Hồ", BEFORE) == places.Resolution(None, None)


def test_empty_or_unknown_level_never_crashes() -> None:
    assert places.resolve("tỉnh", "", TIERS) == places.Resolution(None, None)
    assert places.resolve("thôn", "Bản Mới", TIERS) == places.Resolution(None, None)


def test_hamlet_lies_in_the_commune_written_beside_it() -> None:
    text = "bản Nà Khoang (Đứa Mòn, Sông Mã, Sơn La)"
    hamlet = places.UnitMention("bản", "Nà Khoang", 0, len("bản Nà Khoang"))
    context = places.build_context(text, places.find_units(text, LEVELS), TIERS, hamlet)
    got = places.resolve("bản", "Nà Khoang", TIERS, context, BEFORE)
    assert got.old is not None and (got.old.ward, got.old.district) == ("Xã Đứa Mòn", "Huyện Sông Mã")
    assert got.new is not None and got.new.province == "Tỉnh Sơn La"


def test_as_dict_drops_empty_fields() -> None:
    got = resolve("tỉnh Hà Giang", BEFORE)
    assert places.as_dict(got.old) == {"province": "Tỉnh Hà Giang", "province_code": "02"}
    assert places.as_dict(None) is None


def test_lookups_are_cached_and_fast() -> None:
    import time

    resolve("phường Minh Khai (thành phố Hà Giang)", BEFORE)  # tables built
    start = time.perf_counter()
    for _ in range(200):
        resolve("phường Minh Khai (thành phố Hà Giang)", BEFORE)
    assert (time.perf_counter() - start) / 200 < 0.005
