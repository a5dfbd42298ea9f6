"""A gathering the article refers to only anaphorically, when no trigger reports one.

A report of a ceremony or a conference may never name it in full: the headline names what was
done ("Trao Kỷ niệm chương ... cho 7 cá nhân", "Nhiều tập thể được khen thưởng ...") and the body
refers back to the gathering ("Dự lễ có các đồng chí ...", "Tại buổi lễ, ...", "Tham dự hội nghị
có ...", "Hội nghị đã trao tặng ...").  Such a phrase opening its sentence says the gathering took
place (rules labelled ``anaphor``); its head noun gives the type (setting ``anaphor_types``): a
ceremony is ``khac``; a conference (setting ``anaphor_reviewing``) reviews a period when the article
says "tổng kết" / "sơ kết", opens a sentence on a period already past ("Năm 2018, công tác ... có
bước phát triển") or counts the years reviewed ("5 năm qua, ..."), else it is ``khac``.

The event is read where the article reports it: the first sentence before the phrase that opens on
a day (its date, organiser and place), else the phrase's own sentence.  Used only when no trigger anchors an
event: an article reporting a named event refers back to that one.
"""

from __future__ import annotations

import re
from dataclasses import replace

from extract import dates
from extract.document import Sentence
from extract.events.anchors import PERIOD_PREFIX, live_verb, reviewed
from extract.events.article import Article
from extract.events.mentions import Mention
from extract.records import EventType

ANAPHOR_LABEL = "anaphor"
# What may stand before an anaphor opening its sentence: quotes, dashes, spaces.
_OPENING = " \t“\"'-–"
# How far before the phrase its organising verb stands ("tổ chức hội nghị").
_VERB_REACH = 12
# How far into a sentence a period still opens it ("Năm 2018, ...").
_PERIOD_OPENING = 6


def find_anaphor(article: Article) -> Mention | None:
    """The first anaphoric reference to a gathering that opens its sentence, typed, or None."""
    rules, document = article.rules, article.document
    heads = article.settings.get("anaphor_types", {})
    anywhere = set(article.setting_list("anaphor_anywhere"))
    for rule in rules.patterns:
        if rule.label != ANAPHOR_LABEL:
            continue
        for start, end in rules.find(rule, document):
            sentence = document.sentence_at(start)
            if article.upcoming(sentence):
                continue
            if rule.id in anywhere:
                if not _held_that_day(article, sentence, start):
                    continue
            elif article.text[sentence.start : start].strip(_OPENING):
                continue
            phrase = document.lowered[start:end]
            head = next((h for h in sorted(heads, key=len, reverse=True) if h in phrase), None)
            if head is None:
                continue
            etype = _type(article, head, heads[head])
            m = Mention(etype, rule.id, rule.confidence, start, end, sentence)
            if reviewed(article, m):
                continue
            return m
    return None


def _held_that_day(article: Article, sentence: Sentence, start: int) -> bool:
    """Whether the phrase at ``start`` follows a live organising verb in a sentence opening on a
    day: "Sáng 5/3, Công an huyện A tổ chức hội nghị ..." (not "kế hoạch tổ chức hội nghị")."""
    day = article.leading_date(sentence)
    if day is None or day.kind is not dates.DateKind.day:
        return False
    near = max(sentence.start, start - _VERB_REACH)
    return live_verb(article, article.text[near:start], near, sentence)


def report_site(article: Article, m: Mention) -> Mention:
    """Where the event is read: the first sentence before ``m`` opening on a day ("Sáng 12/4,
    Công an huyện A long trọng đón nhận Huân chương ..."), naming no trigger and no plan, else
    ``m`` itself (a byline or an undated lead says nothing of the gathering)."""
    for sentence in article.document.sentences:
        if sentence.start >= m.sentence.start:
            break
        if sentence is article.document.headline or article.primary_by_sentence.get(sentence.start):
            continue
        day = article.leading_date(sentence)
        if day is None or day.kind is not dates.DateKind.day or article.upcoming(sentence):
            continue
        return replace(m, start=sentence.end, end=sentence.end, sentence=sentence)
    return m


def _type(article: Article, head: str, etype: str) -> EventType:
    if head not in article.setting_list("anaphor_reviewing"):
        return EventType(etype)
    lowered = article.document.lowered
    if "sơ kết" in lowered:
        return EventType.so_ket
    if "tổng kết" in lowered:
        return EventType.tong_ket
    past = _past_period(article)
    if past is not None:
        return EventType.so_ket if past == "part" else EventType.tong_ket
    if _years_counted(article):
        return EventType.tong_ket
    return EventType(etype)


def _years_counted(article: Article) -> bool:
    """Whether the article counts the years it reviews ("5 năm qua", "sáu năm qua")."""
    settings = article.settings
    numbers = "|".join(re.escape(w) for w in settings.get("anaphor_numbers", []))
    spans = "|".join(re.escape(w) for w in settings.get("anaphor_spans", []))
    if not spans:
        return False
    counted = re.compile(rf"(?i)(?<!\w)(?:\d{{1,2}}|{numbers or '(?!)'})\s+(?:{spans})(?!\w)")
    return counted.search(article.text) is not None


def _past_period(article: Article) -> str | None:
    """The kind of the first period opening a sentence that is already past at publication
    ("Năm 2018, ..." in an article of 2019; "6 tháng đầu năm 2024, ..."), or None."""
    published = article.document.published
    rules = [r for r in article.rules.patterns if (r.label or "").startswith(PERIOD_PREFIX)]
    for sentence in article.document.sentences:
        if any(d.kind is dates.DateKind.day for d in article.dates_in(sentence)):
            continue
        for rule in rules:
            found = article.rules.compiled[rule.id].search(sentence.text)
            if found is None or found.start() > _PERIOD_OPENING:
                continue
            last = int(found.groupdict().get("y2") or found["y1"])
            kind = rule.label.removeprefix(PERIOD_PREFIX)
            if published is None or last < published.year or (kind == "part" and last == published.year):
                return kind
    return None
