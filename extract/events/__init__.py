"""Events: the gatherings an article reports, one record per event type per article (one per
commune when communes listed as the subject each hold it: :func:`~extract.events.where.co_hosts`).

A news report usually covers one main event ("Chiều 29/1, Ban Chỉ đạo ... phường A tổ chức hội
nghị tổng kết ... năm 2025") and then refers back to it ("Tại hội nghị, ...", "phát biểu tại
ngày hội").  Reading goes in four steps, each in its module:

* :mod:`~extract.events.mentions`: every trigger (rules labelled with an event type) and
  back-reference, grouped by type;
* :mod:`~extract.events.anchors`: per type, the mention that reports the event (an organising
  verb beats a leading date, which beats a cue such as "tại" or the headline); topics of another
  event and reviewed activities report none;
* :mod:`~extract.events.when`: its date and the period it covers;
* :mod:`~extract.events.where`: its organiser and location, the location then resolved to
  official units before and after 2025 (:mod:`extract.places`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from extract import places
from extract.document import Document
from extract.events.anaphors import find_anaphor, report_site
from extract.events.anchors import anchor, confirmed, elsewhere
from extract.events.article import Article
from extract.events.mentions import Mention, find_mentions
from extract.events.when import Earlier, event_date, period
from extract.events.where import co_hosts, location, organizer
from extract.records import Event, EventType, RecordBase
from extract.ruleset import RuleSet
from extract.spelling import fold

__all__ = ["Mention", "extract"]


def extract(document: Document, rules: RuleSet, found: dict[str, list[RecordBase]]) -> list[Event]:
    """One :class:`Event` per event type the article reports, in order of first appearance."""
    article = Article(document, rules)
    by_type: dict[EventType, list[Mention]] = {}
    for m in find_mentions(article):
        by_type.setdefault(m.type, []).append(m)
    anchored: list[tuple[Mention, int, list[Mention]]] = []
    for group in by_type.values():
        chosen, strength = anchor(article, [m for m in group if not m.backref])
        if chosen is not None and strength <= 1 and not confirmed(article, chosen, group):
            continue  # only a headline names it, and the body reports nothing
        if chosen is not None:
            chosen = _lead_of_headline(article, chosen, group)
            related = [
                m for m in group if m.sentence is not chosen.sentence and not elsewhere(article, m, group)
            ]
            anchored.append((chosen, strength, related))
    # In text order, so that a follow-on ("Ngay sau hội nghị, ...") can take an earlier event's day.
    anchored.sort(key=lambda a: a[0].start)
    events: list[Event] = []
    earlier: list[tuple[int, dt.date | None]] = []
    for chosen, strength, related in anchored:
        event = _build(article, chosen, strength, related, earlier)
        if _festival_ceremony(article, chosen, event):
            if any(e.type is EventType.ngay_hoi and e.date == event.date for e in events):
                continue  # the headline's festival day, reported by its ceremony
            event = event.model_copy(update={"type": EventType.ngay_hoi})
        if event.date is None and _past_reference(article, chosen, earlier):
            continue
        earlier.append((chosen.start, event.date))
        hosts = co_hosts(article, chosen)
        # "xã A, huyện B và xã C, huyện D đã tổ chức Ngày hội ...": one festival in each commune
        events.extend(_build(article, chosen, strength, related, earlier, host) for host in hosts)
        if not hosts:
            events.append(event)
    if not events:
        # no trigger reports one: a gathering referred to only anaphorically ("Dự lễ có ...")
        referred = find_anaphor(article)
        if referred is not None:
            site = report_site(article, referred)
            related = [referred] if site is not referred else []
            events.append(_build(article, site, 1, related, earlier))
    events.sort(key=lambda e: e.evidence.start)
    return events


def _festival_ceremony(article: Article, chosen: Mention, event: Event) -> bool:
    """Whether a ceremony is a commune's festival day: "Tối 16/8, xã A tổ chức Lễ kỷ niệm 80 năm
    Ngày truyền thống CAND và 20 năm Ngày hội Toàn dân bảo vệ ANTQ", "xã B tổ chức lễ mít tinh kỷ
    niệm 15 năm Ngày hội ...": a commune or ward marks the festival day with it; a province or its
    police force holding the same ceremony holds no festival day (setting ``festival_ceremonies``).
    """
    spec = article.settings.get("festival_ceremonies")
    if not spec or chosen.rule not in spec["rules"] or event.type is not EventType.khac or not event.location:
        return False
    trigger = article.text[chosen.start : chosen.end]
    if not article.words.festival_ceremony.search(trigger):
        return False
    if not any(fold(event.location).startswith(fold(level) + " ") for level in spec["levels"]):
        return False
    return (
        article.rules.compiled["anniversary"].search(article.text, chosen.end, chosen.sentence.end)
        is not None
    )


def _past_reference(article: Article, chosen: Mention, earlier: Earlier) -> bool:
    """Whether an undated gathering after a dated one is only referred to, not reported.

    A report dates its event ("Tối 14/8, phường A tổ chức Ngày hội ...") and ties any other it
    reports to a day ("Chiều cùng ngày, ...", "Trước đó, chiều 13/1, ..."); a gathering of another
    type named later in a sentence with no date at all is one held before or elsewhere ("Tại hội
    nghị tổng kết năm 2024, phường được tặng Giấy khen", "Trong năm, xã đã tổ chức thành công Ngày
    hội ...").  Several days ("từ ngày 12 đến 14/8") or "vừa qua" are dates the sentence does say;
    the headline names the article's own events.
    """
    s = chosen.sentence
    if not any(day is not None for at, day in earlier if at < chosen.start):
        return False
    if s is article.document.headline or article.dates_in(s):
        return False
    return article.words.follow_on.match(article.text, s.start, chosen.start) is None


def _lead_of_headline(article: Article, chosen: Mention, group: Sequence[Mention]) -> Mention:
    """The lead's reading of an event the headline names ("Hội nghị tổng kết ..." / "Sáng 12/8, ...").

    A lead opening with a date and naming no other event type reports the headline's event: its
    date, organiser and place are read there, at its own mention of the type ("tổ chức hội nghị")
    or, failing one, over the whole sentence.
    """
    lead = article.lead
    if chosen.sentence is not article.document.headline or lead is None or not article.leading_date(lead):
        return chosen
    others = article.primary_by_sentence.get(lead.start, [])
    if any(m.type is not chosen.type for m in others):
        return chosen
    own = next((m for m in group if m.sentence is lead), None)
    if own is not None:
        return replace(own, rule=chosen.rule, confidence=chosen.confidence, backref=False)
    return replace(chosen, start=lead.end, end=lead.end, sentence=lead)


def _as_written(article: Article, unit: places.UnitMention) -> str:
    """The location as the article writes it: an abbreviated level or an acronym stays as written
    ("TP.HCM", "TP Cần Thơ", "TPHCM"), as gold keeps it; a full level word is lowercased and a
    qualifier between level and name dropped ("Xã biên giới A" is "xã A")."""
    written = " ".join(article.text[unit.start : unit.end].split())
    abbreviated = fold(unit.level) in article.settings.get("level_spelled", {})
    if abbreviated or not fold(written).startswith(fold(unit.level)):
        return written
    return " ".join(p for p in (unit.level.lower(), unit.name) if p)


def _build(
    article: Article,
    anchor: Mention,
    strength: int,
    related: Sequence[Mention],
    earlier: Earlier,
    host: places.UnitMention | None = None,
) -> Event:
    """The event ``anchor`` reports; ``host``: the unit holding it, when several each hold one."""
    own_year, covered = period(article, anchor)
    for m in related:
        if covered is not None:
            break
        _, covered = period(article, m, after_trigger=False)
    if anchor.type.value not in article.setting_list("own_year_types"):
        own_year = None
    elif own_year is None and article.document.published is None and covered and covered.isdigit():
        # no publication date: the year the sentence gives ("Sáng 29-2, ... tổ chức phát động phong
        # trào ... năm 2024") dates a gathering of its own year better than nothing
        own_year = int(covered)
    date = event_date(article, anchor, related, own_year, earlier)
    by = organizer(article, anchor)
    unit = host or location(article, anchor, by)
    admin_old = admin_new = None
    level = ""
    name = ""
    if unit is not None:
        level = article.settings.get("level_spelled", {}).get(fold(unit.level), unit.level.lower())
        # spelled out to resolve the unit ("TP.HCM": "thành phố Hồ Chí Minh"); the record keeps it as written
        name = article.settings.get("name_spelled", {}).get(fold(unit.name), unit.name)
        tiers = article.settings.get("unit_tiers", {})
        bodies = article.rules.lexicon("seat_bodies")
        context = places.build_context(article.text, article.units, tiers, unit, bodies=bodies)
        resolved = places.resolve(level, name, tiers, context, article.document.published)
        admin_old, admin_new = places.as_dict(resolved.old), places.as_dict(resolved.new)
    return Event(
        type=anchor.type,
        date=date,
        location=_as_written(article, unit) if unit else None,
        organizer=_as_written(article, host) if host else by.text if by else None,
        period=covered,
        admin_old=admin_old,
        admin_new=admin_new,
        evidence=article.document.evidence(anchor.sentence),
        rule=anchor.rule,
        ruleset=article.rules.name,
        confidence=round(anchor.confidence * (1.0 if strength >= 2 else 0.8), 3),
    )
