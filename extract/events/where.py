"""Who organised an event and where it happened.

* organizer: the body before "tổ chức", as written ("Ban Chỉ đạo ... phường A"), or after
  "do" following the trigger ("Hội nghị ... do UBND huyện A tổ chức"); with no organising verb,
  a body opening the trigger's clause ("UBND huyện A vừa tổng kết ...");
* location: the most specific unit where the event happens: "tại <unit>" in the anchor sentence;
  else a unit the trigger itself names ("Xã A tổng kết ..."); else the most local unit of the
  organiser and its partners ("Công an huyện A phối hợp với UBND xã B" happens in xã B); an
  organiser with a bare level ("Ban Chỉ đạo ... xã") names no unit, so the sentence must name a
  unit of that level for a location ("xã A, Ban Chỉ đạo ... xã tổ chức"), else the headline
  ("Xã A: ..."), else "tại" in the next sentence about the event.  A province found so (in a
  provincial body's name, bare after it: "Công an Quảng Nam", or in a venue's: "tại hội trường
  Công an tỉnh A") is whose the event is, not where, and gives no location, unless the headline
  makes the province the event's holder ("A tổng kết ..."; see ``_seat_only``); failing an
  organiser's unit, the unit the headline names for the event, then a ward-level unit the
  article keeps naming (for a provincial body's event, named with the event); a hamlet after
  "tại" ("tại bản A") when no commune is named, in place of a district, a province or nothing.
  An address chain ("phường 6, TP.Tân An, tỉnh Long An tổ chức") is organised by its first
  unit; units counted ("2 phường A, B") are no place.  With no organiser's unit: a unit closing
  the event's own name ("Hội nghị tổng kết ... huyện A vào chiều 24/1", "... của Công an huyện
  A"; a province there is whose, as above), then "tại" in the next sentence when the event is its
  subject ("Hội nghị được truyền hình ... tại Hà Nội").  A sentence ending on "tại" (a line break
  after it) reads on into the next lines for its place; "tại <venue>, Hà Nội" names a province bare.

Names are as written, an abbreviated level or acronym too ("TP.HCM", "TP Cần Thơ"); they are
spelled out only to resolve the unit (settings ``level_spelled`` and ``name_spelled``); a
qualifier between a full level word and the name is dropped ("xã biên giới A" is "xã A", lexicon
``unit_qualifiers``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract import places
from extract.events.article import Article
from extract.events.mentions import Mention
from extract.spelling import fold

_PARENS = re.compile(r"\s*\([^()]*\)")
_PARENT = re.compile(r",\s*(?=\S)")
# An organiser starts a clause: at the sentence start or after ", ; : –".
_CLAUSE_START = re.compile(r"(?:^|[,;:–]\s*|\s-\s*)$")
# Between "tại" and its unit: no sentence break and no ", Capitalised" (a new clause).
_LOCATION_GAP = re.compile(rf"[.;]|,\s+{places.UPPER_CLASS}")
_TIER_ORDER = {"ward": 0, "district": 1, "province": 2}
_CHAIN_LINK = re.compile(r"\s*,\s*")
_LIST_NEXT = re.compile(rf"\s*(?:,|và)\s*{places.UPPER_CLASS}")
# "của" right before a body: the body owns the event ("hội nghị ... của Công an tỉnh A").
_OWNER = re.compile(r"(?<![^\W\d_])của\s+$")
_HAMLET_SPAN = 60  # characters after "tại" a hamlet may start in ("tại nhà văn hóa thôn A")


@dataclass(frozen=True, slots=True)
class Organizer:
    """The organiser phrase as written, and where the phrase with its partners ends."""

    text: str
    start: int
    end: int
    full_end: int  # up to the verb: "Công an huyện A phối hợp với UBND xã B"


def organizer(article: Article, anchor: Mention) -> Organizer | None:
    """The body that organises the event, as written, with its span (and its partners')."""
    text, words, s = article.text, article.words, anchor.sentence
    for verb in words.organize.finditer(text, s.start, s.end):
        if verb.start() >= anchor.start:
            # "... do Ban Chỉ đạo X tổ chức": the organiser follows "do", after the trigger.
            agents = list(words.agent.finditer(text, anchor.end, verb.start()))
            if agents:
                return _clean_organizer(article, agents[-1].end(), verb.start())
            continue
        left = text[s.start : verb.start()]
        bodies = [h.start() for h in words.heads.finditer(left) if _CLAUSE_START.search(left[: h.start()])]
        units = [
            h.start() for h in words.unit_heads.finditer(left) if _CLAUSE_START.search(left[: h.start()])
        ]
        # A body opening a clause ("tại thôn A, xã B, Ban Chỉ đạo ... tổ chức"); a unit itself
        # only when no body does.
        starts = bodies[:1] or [_chain_start(article, s.start + u) - s.start for u in units[-1:]]
        if starts:
            return _clean_organizer(article, s.start + starts[0], verb.start())
    # No organising verb: a body opening the trigger's clause holds it ("UBND huyện A vừa tổng kết").
    left = text[s.start : anchor.start]
    bodies = [h.start() for h in words.heads.finditer(left) if _CLAUSE_START.search(left[: h.start()])]
    return _clean_organizer(article, s.start + bodies[0], anchor.start) if bodies else None


_JOINT_HOSTS = re.compile(r"\s+và\s+")
_OPENS_CLAUSE = re.compile(r"(?:^|[,;:]\s*)\Z")
_HOST_TAIL = re.compile(r"(?:\s+[^\W\d_]+){0,2}\s*")  # "... tỉnh A đã tổ chức": an adverb or two


def co_hosts(article: Article, anchor: Mention) -> list[places.UnitMention]:
    """Communes that each hold the event the same day: "Ngày 16/8, xã A, huyện B và xã C, huyện D
    đã tổ chức Ngày hội ..." reports one festival in xã A and one in xã C.  The subject opening
    the verb's clause is address chains joined by "và", each led by a ward-level unit, with no
    body among them (so "UBND xã A và Công an huyện B tổ chức" is one event with partners)."""
    text, s = article.text, anchor.sentence
    verb = article.words.organize.search(text, s.start, anchor.start)
    if verb is None:
        return []
    units = [u for u in article.units if s.start <= u.start < verb.start() and u.name]
    parts = _JOINT_HOSTS.split(text[s.start : verb.start()])
    if len(parts) < 2:
        return []
    joint = [fold(w) for w in article.rules.lexicon("co_host_joint")]
    hosts: list[places.UnitMention] = []
    pos = s.start
    for k, part in enumerate(parts):
        start = text.index(part, pos)
        pos = start + len(part)
        chain = [u for u in units if start <= u.start < pos]
        if not chain:
            return []
        if k == 0:  # the first host opens a clause ("Ngày 16/8, xã A, ...")
            chain = _chain_back(article, chain)
            if not _OPENS_CLAUSE.search(text[s.start : chain[0].start]):
                return []
        elif not re.fullmatch(r"(?:[^\W\d_]+\s+)?", text[start : chain[0].start]):
            return []  # "xã xã C" (a repeated level) is allowed, other words are not
        if _chain_back(article, chain) != chain or article.words.heads.search(text, chain[0].start, pos):
            return []
        tail = text[chain[-1].end : pos]
        if tail.strip() if k < len(parts) - 1 else not _HOST_TAIL.fullmatch(tail):
            return []
        if any(w in fold(tail) for w in joint):
            return []  # "xã A và xã B phối hợp tổ chức": one event held together
        if tier_rank(article, chain[0]) != 0:
            return []
        hosts.append(chain[0])
    return hosts


def _chain_back(article: Article, chain: list[places.UnitMention]) -> list[places.UnitMention]:
    """The last address chain of ``chain`` (units linked by commas): "Ngày 16/8, xã A, huyện B"."""
    k = len(chain) - 1
    while k > 0 and _CHAIN_LINK.fullmatch(article.text, chain[k - 1].end, chain[k].start):
        k -= 1
    return chain[k:]


def _chain_start(article: Article, start: int) -> int:
    """Where an address chain ending with the unit at ``start`` begins: "phường 6, TP.Tân An,
    tỉnh Long An tổ chức ..." is organised by the first unit, its parents written after it."""
    units = [u for u in article.units if u.name]
    i = next((k for k, u in enumerate(units) if u.start == start), None)
    while i is not None and i > 0 and _CHAIN_LINK.fullmatch(article.text, units[i - 1].end, units[i].start):
        i -= 1
    return units[i].start if i is not None else start


def _clean_organizer(article: Article, start: int, end: int) -> Organizer | None:
    """The organiser alone: without partners ("phối hợp với ..."), adverbs, parentheses, or
    the parent body after a comma ("Cục X, Bộ Công an")."""
    phrase = article.text[start:end]
    cut = article.words.cut.search(phrase)
    if cut is not None:
        phrase = phrase[: cut.start()]
    parent = _PARENT.search(phrase)
    last = 0
    while parent is not None:
        # "Đảng ủy, HĐND, UBND xã A": bare bodies listed before their unit are one organiser
        listed = article.words.heads.fullmatch(phrase[last : parent.start()].strip(" –-"))
        if article.words.heads.match(phrase, parent.end()) and not listed:
            phrase = phrase[: parent.start()]
            break
        last = parent.end()
        parent = _PARENT.search(phrase, parent.end())
    phrase = _PARENS.sub("", phrase).strip(" ,;:-–")
    return Organizer(phrase, start, start + len(phrase), end) if phrase else None


def location(article: Article, anchor: Mention, organizer: Organizer | None) -> places.UnitMention | None:
    """The unit where the event happens (see the module docstring for the order).

    A hamlet after "tại" ("tại bản A (B, C)") is the location when no commune is named for the
    event: it beats a district or province, and nothing.
    """
    found = _named_unit(article, anchor, organizer)
    if found is not None and tier_rank(article, found) == 0:
        return found
    if found is not None and anchor.sentence is not article.document.headline:
        # "tại tỉnh A, Bộ Công an tổ chức Ngày hội ...", then "Sự kiện được tổ chức tại ..., thành
        # phố B": the next sentence about the event names the more local unit
        closer = _next_sentence_place(article, anchor)
        if closer is not None and tier_rank(article, closer) < tier_rank(article, found):
            if not _remote(article, closer):
                return closer
    if found is None:
        about = anchor if _provincial(article, organizer) else None
        found = _titled_unit(article, anchor) or _dominant_unit(article, about)
        if found is not None:
            return found
    return _hamlet(article, anchor) or found


def _titled_unit(article: Article, anchor: Mention) -> places.UnitMention | None:
    """The unit the headline names for this event ("Xã A tổ chức Ngày hội ..."), of the fallback
    tiers, when the headline names the event's type: it beats units counted over the article
    (related-article teasers at the end may name another place more often)."""
    headline = article.document.headline
    if headline is None:
        return None
    if not any(m.type is anchor.type for m in article.primary_by_sentence.get(headline.start, [])):
        return None
    return _headline_unit(article, set(article.setting_list("fallback_tiers")))


def _hamlet(article: Article, anchor: Mention) -> places.UnitMention | None:
    """A hamlet, village or quarter right after a location marker of the anchor sentence."""
    levels = article.rules.lexicon("hamlet_levels")
    if not levels:
        return None
    text, s = article.text, anchor.sentence
    for marker in article.words.location_marker.finditer(text, s.start, s.end):
        end = min(s.end, marker.end() + _HAMLET_SPAN)
        for unit in places.find_units(text[marker.end() : end], levels):
            gap = text[marker.end() : marker.end() + unit.start]
            # a capitalised level word opens a proper name ("Làng Văn hóa ...", "Khối Nội chính")
            if unit.name and unit.level.islower() and not _LOCATION_GAP.search(gap):
                return places.UnitMention(
                    unit.level.lower(), unit.name, marker.end() + unit.start, marker.end() + unit.end
                )
            break
    return None


def _named_unit(article: Article, anchor: Mention, organizer: Organizer | None) -> places.UnitMention | None:
    """Steps 1-3 of the module docstring: "tại <unit>", the trigger's own unit, the organiser's."""
    text, s = article.text, anchor.sentence
    # 1. "tại <unit>" in the anchor sentence: after the trigger, else before it.
    marked, unit = _at_marker(article, s.start, s.end, anchor.start)
    if marked:
        return unit
    # 2. A unit the trigger itself names ("Xã Tân Lập tổng kết ...").
    own = [u for u in article.units if anchor.start <= u.start < anchor.end and u.name]
    if own:
        return _placed(article, own[0])
    # 3. The most local unit of the organiser and its partners.
    if organizer is not None:
        inside = [u for u in article.units if organizer.start <= u.start < organizer.full_end]
        named = [u for u in inside if u.name]
        if named:
            local = min(named, key=lambda u: tier_rank(article, u))
            # "2 phường A, B và Công an tỉnh C tổ chức": held across several units, none is the place
            return None if _several(article, local) else _placed(article, local)
        if inside:
            # "Ban Chỉ đạo ... tỉnh": the unit is implicit; only a unit of its tier the sentence
            # names counts ("xã A, Ban Chỉ đạo ... xã tổ chức", "... trên địa bàn tỉnh B").
            implicit = {t for u in inside for t in _tiers(article, u)}
            same = [
                u
                for u in article.units
                if s.start <= u.start < s.end and u.name and implicit & set(_tiers(article, u))
            ]
            if same:
                return _placed(article, same[0])
            # the headline names it ("Xã A: Sôi nổi Ngày hội ..." over "UBND xã tổ chức Ngày hội")
            titled = _headline_unit(article, implicit)
            if titled is not None:
                return _placed(article, titled)
            if anchor.sentence is not article.document.headline:
                return _next_sentence_place(article, anchor)
            return None
        seat = _bare_seat(article, organizer)
        if seat is not None:
            return _placed(article, seat)
    # 4. A unit closing the event's own name ("Hội nghị tổng kết công tác ... tỉnh A vào chiều 24/1").
    limit = min(s.end, anchor.end + 200)
    after = next((u for u in article.units if anchor.end <= u.start < limit and u.name), None)
    guest = article.words.heads.search(text, anchor.end, after.start) if after is not None else None
    if guest is not None and _OWNER.search(text, anchor.end, guest.start()):
        guest = None  # "hội nghị tổng kết ... của Công an tỉnh A": the event's owner, no guest
    if (
        after is not None
        and not _LOCATION_GAP.search(text, anchor.end, after.start)
        and guest is None  # "... có lãnh đạo UBND tỉnh A"
    ):
        return None if _several(article, after) else _placed(article, after)
    # 5. "tại <unit>" in the next sentence when the event is its subject ("Hội nghị được truyền
    # hình trực tuyến từ điểm cầu Bộ Công an tại Hà Nội").
    return _next_sentence_place(article, anchor)


def _seat_only(article: Article, unit: places.UnitMention) -> bool:
    """Whether a province named only in a body's name is no place of the event.

    A provincial body ("Công an tỉnh A", "Sở ... tỉnh B", "Tỉnh A đã tổ chức ...") holds its
    gatherings at its seat or a venue, which the text names or not ("tại hội trường Công an tỉnh
    A"); the province is whose the event is, not where in it, so no location is given unless the
    text says "tại tỉnh A" / "tại Hà Nội".  A headline that makes the province the holder of the
    event ("A tổng kết phong trào ...") does locate it there.  Units that may be districts
    ("thành phố", "TP") are left as they are.
    """
    if tier_rank(article, unit) < 2 or fold(unit.level) in article.settings.get("level_spelled", {}):
        return False
    headline = article.document.headline
    if headline is None:
        return True
    opening = headline.text.lstrip(" “\"'")
    for written in (f"{unit.level} {unit.name}", unit.name):
        if written.strip() and fold(opening[: len(written)]) == fold(written):
            rest = opening[len(written) :]
            return not (rest[:1].isspace() and rest.lstrip()[:1].islower())  # "A tổng kết": its verb
    return True


def _placed(article: Article, unit: places.UnitMention) -> places.UnitMention | None:
    """``unit`` as the event's place, or None when it is a province named as whose the event is."""
    return None if _seat_only(article, unit) else unit


def _provincial(article: Article, organizer: Organizer | None) -> bool:
    """Whether the organiser is a provincial body ("Công an tỉnh", "Sở ... tỉnh A"): its gathering
    is placed in a commune the story names often only when it names it with the event (see
    ``_dominant_unit``); a commune it goes to ("về xã tổ chức ...") still is."""
    if organizer is None:
        return False
    inside = [u for u in article.units if organizer.start <= u.start < organizer.full_end]
    return bool(inside) and min(tier_rank(article, u) for u in inside) == 2


def _next_sentence_place(article: Article, anchor: Mention) -> places.UnitMention | None:
    """ "tại <unit>" in the sentence after the anchor's when the event is its subject ("Hội nghị
    diễn ra tại thành phố A")."""
    text = article.text
    following = next((x for x in article.document.sentences if x.start >= anchor.sentence.end), None)
    backrefs = list(article.settings.get("backrefs", {}).get(anchor.type.value, []))
    backrefs += [fold(w) for w in article.rules.lexicon("event_subjects")]  # "Sự kiện diễn ra tại ..."
    # the trigger's own head repeated ("... tổ chức Hội thảo khoa học ...", then "Hội thảo được tổ chức
    # tại ..."): two words, as a gathering's name starts
    backrefs.append(" ".join(fold(text[anchor.start : anchor.end]).split()[:2]))
    if following is not None and any(
        b and fold(text[following.start : following.end]).startswith(b) for b in backrefs
    ):
        return _at_marker(article, following.start, following.end, following.start)[1]
    return None


def _remote(article: Article, unit: places.UnitMention) -> bool:
    """Whether ``unit`` is a remote point of an online event ("kết nối trực tuyến đến điểm cầu tại
    thành phố A"; lexicon ``remote_cues`` before it in its sentence), not where it is held."""
    s = article.document.sentence_at(unit.start)
    before = fold(article.text[s.start : unit.start])
    return any(fold(c) in before for c in article.rules.lexicon("remote_cues"))


def _headline_unit(article: Article, tiers: set[str]) -> places.UnitMention | None:
    """The one named unit of these tiers the headline names (none when it names several)."""
    headline = article.document.headline
    if headline is None:
        return None
    found = {
        fold(u.text): u
        for u in article.units
        if headline.start <= u.start < headline.end and u.name and tiers & set(_tiers(article, u))
    }
    return next(iter(found.values())) if len(found) == 1 else None


def _bare_seat(article: Article, organizer: Organizer) -> places.UnitMention | None:
    """A province named bare right after the organiser's body: "Công an Quảng Nam tổ chức ..."
    (written without its level, so located without one, like "tại Hà Nội"); a place only when the
    headline makes it the holder (``_seat_only``)."""
    head = article.words.heads.match(article.text, organizer.start)
    if head is None:
        return None
    rest = article.text[head.end() : organizer.end]
    at = head.end() + len(rest) - len(rest.lstrip())
    found = places.province_at(article.text, at)
    return found if found is not None and found.end <= organizer.end else None


def _at_marker(
    article: Article, start: int, end: int, trigger: int
) -> tuple[bool, places.UnitMention | None]:
    """The unit after "tại"/"ở" in ``text[start:end]``, markers after ``trigger`` first: (whether a
    marker names a place, that place; None when it names several)."""
    text = article.text
    # one character past the end: a sentence may end on "tại" and the line break after it
    markers = [mk for mk in article.words.location_marker.finditer(text, start, end + 1) if mk.start() < end]
    markers.sort(key=lambda mk: (mk.start() < trigger, mk.start()))
    for marker in markers:
        # "tại" closing a line broken off its place ("Chiều 8/8, tại\nthôn A\nxã B, ..."): read on
        dangling = not text[marker.end() : end].strip()
        seg_end = marker.end() + 60 if dangling else min(end, marker.end() + 60)
        unit = next((u for u in article.units if marker.end() <= u.start < seg_end and u.name), None)
        if unit is not None and not _LOCATION_GAP.search(text[marker.end() : unit.start]):
            unit = _address_of_venue(article, unit, end)
            venue = article.words.heads.search(text, max(marker.end(), unit.start - 30), unit.start)
            if venue is not None and _seat_only(article, unit):
                return True, None  # "tại hội trường Công an tỉnh A": a body's seat, no place said
            return True, None if _several(article, unit) else unit
        bare = places.province_at(text, marker.end())  # "tại Hà Nội"
        if bare is not None:
            return True, bare
        bare = _province_after_venue(text, marker.end(), min(end, marker.end() + 60))
        if bare is not None:
            return True, bare
        far = _address_after_long_venue(article, marker.end(), end) if unit is None else None
        if far is not None:
            return True, far
    return False, None


_ADDRESS_OPEN = re.compile(r"\s*[,(]\s*$")  # a unit opening an address: after ", " or "("
_ADDRESS_LINK = re.compile(r"\s*[,(]\s*")  # between a venue's unit and its address's (.fullmatch)
_ADDRESS_SPAN = 200  # characters a venue's long name may take before its address


def _address_of_venue(article: Article, unit: places.UnitMention, end: int) -> places.UnitMention:
    """A body's unit naming the venue ("tại trụ sở Công an tỉnh A") gives way to the more local
    unit of the address written right after it ("(phường B)", ", xã C")."""
    text = article.text
    if not article.words.heads.search(text, max(0, unit.start - 30), unit.start):
        return unit
    nxt = next((u for u in article.units if unit.end <= u.start < end and u.name), None)
    if (
        nxt is not None
        and _ADDRESS_LINK.fullmatch(text, unit.end, nxt.start)
        and tier_rank(article, nxt) < tier_rank(article, unit)
    ):
        return nxt
    return unit


def _address_after_long_venue(article: Article, start: int, end: int) -> places.UnitMention | None:
    """The first unit of an address after a venue's long name ("tại Công ty cổ phần ... , thôn A, xã
    B, tỉnh C"): it opens after a comma or bracket, in the same clause (no new capitalised clause
    or organising verb before it)."""
    limit = min(end, start + _ADDRESS_SPAN)
    u = next((u for u in article.units if start <= u.start < limit and u.name), None)
    if u is None:
        return None
    gap = article.text[start : u.start]
    if _LOCATION_GAP.search(gap) or article.words.organize.search(gap) or not _ADDRESS_OPEN.search(gap):
        return None
    return None if _several(article, u) else u


_VENUE_COMMA = re.compile(r"[,(]\s*")  # "tại sân vận động X, Hà Nội", "tại Hội trường Y (Hà Nội)"


def _province_after_venue(text: str, start: int, end: int) -> places.UnitMention | None:
    """A province named bare after a venue and a comma or bracket: "tại sân vận động Mỹ Đình, Hà
    Nội", "tại Hội trường Bộ Công an (Hà Nội)"."""
    stop = re.search(r"[.;]", text[start:end])
    end = start + stop.start() if stop else end
    comma = _VENUE_COMMA.search(text, start, end)  # only right after the venue, not a later clause
    return places.province_at(text, comma.end()) if comma is not None else None


def _several(article: Article, unit: places.UnitMention) -> bool:
    """Whether the unit opens a counted list ("2 phường A, B", "các xã A và B"), not "Ban Chỉ đạo
    138 huyện A tổ chức"."""
    text = article.text
    counted = article.words.counted.search(text, max(0, unit.start - 20), unit.start) is not None
    return counted and _LIST_NEXT.match(text, unit.end) is not None


def tier_rank(article: Article, unit: places.UnitMention) -> int:
    """0 for a ward-level unit, 1 district, 2 province (the most local first)."""
    return min(_TIER_ORDER.get(t, 2) for t in _tiers(article, unit))


def _tiers(article: Article, unit: places.UnitMention) -> list[str]:
    """The tiers a unit's level word may name ("thành phố": district or province); bare: province."""
    return list(article.settings.get("unit_tiers", {}).get(fold(unit.level), ["province"]))


def _dominant_unit(article: Article, about: Mention | None = None) -> places.UnitMention | None:
    """The ward-level unit the article keeps naming (setting ``fallback_min_mentions``), or its one
    commune referred to by its level alone.  With ``about`` (the event of a provincial body), a
    unit named often counts only if a sentence naming it also names the event's type ("Phường A
    là một trong 7 điểm tổ chức ngày hội ..."), not the scene of a case the body rewards."""
    tiers = article.settings.get("unit_tiers", {})
    wanted = set(article.setting_list("fallback_tiers"))
    counts: dict[str, list[places.UnitMention]] = {}
    for u in article.units:
        if u.name and set(tiers.get(fold(u.level), ())) & wanted:
            counts.setdefault(fold(u.text), []).append(u)
    ranked = sorted(counts.values(), key=len, reverse=True)
    if not ranked:
        return None
    if len(ranked) == 1 and _bare_level_named(article, ranked[0][0]):
        # the article's one commune, and the event's sentences refer to it by its level alone
        # ("Công an tỉnh về xã tổ chức tuyên truyền"): named once is enough
        return ranked[0][0]
    if len(ranked[0]) < int(article.settings.get("fallback_min_mentions", 2)):
        return None
    if about is not None and not any(_names_event(article, u, about) for u in ranked[0]):
        return None
    if len(ranked) > 1 and len(ranked[1]) == len(ranked[0]):
        return None  # two places named as often: no main one
    return ranked[0][0]


def _names_event(article: Article, unit: places.UnitMention, about: Mention) -> bool:
    """Whether the sentence naming ``unit`` holds a trigger of ``about``'s type."""
    s = article.document.sentence_at(unit.start)
    return any(m.type is about.type for m in article.primary_by_sentence.get(s.start, []))


def _bare_level_named(article: Article, unit: places.UnitMention) -> bool:
    """Whether the article refers to ``unit`` by its level word alone after a cue ("về xã tổ
    chức", "tại xã"; lexicon ``bare_unit_cues``), not in a compound ("xã hội"; lexicon
    ``bare_unit_compounds``) nor before a name."""
    cues = article.rules.lexicon("bare_unit_cues")
    if not cues:
        return False
    level = re.escape(unit.level.lower())
    words = "|".join(re.escape(c) for c in cues)
    compounds = "".join(f"{re.escape(c)}|" for c in article.rules.lexicon("bare_unit_compounds"))
    pattern = rf"(?<![^\W\d_])(?:{words})\s+{level}(?![^\W\d_])(?!\s+(?:{compounds}{places.UPPER_CLASS}))"
    return re.search(pattern, article.text) is not None
