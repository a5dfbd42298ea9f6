"""Trigger mentions of event types, and the generic words that refer back to them.

Rules labelled with an event type find triggers ("hội nghị tổng kết", "Ngày hội Toàn dân bảo
vệ ANTQ"); earlier rules claim overlapping text, and "claim:*" rules claim text without a trigger
("kỷ niệm 15 năm Ngày hội").  Setting ``backrefs`` lists generic words ("hội nghị") that refer
back to an event of a type the article has a trigger of.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from extract.document import Sentence
from extract.events.article import Article
from extract.records import EventType
from extract.spelling import fold

# Rules labelled "claim:*" find text that looks like a trigger but reports no event ("kỷ niệm 15
# năm Ngày hội"): they claim it, so no trigger counts there, and yield no mention.
CLAIM_PREFIX = "claim:"


@dataclass(frozen=True, slots=True)
class Mention:
    """A trigger (or back-reference) of an event type in one sentence."""

    type: EventType
    rule: str
    confidence: float
    start: int
    end: int
    sentence: Sentence
    backref: bool = False


def find_mentions(article: Article) -> list[Mention]:
    """Triggers in rule order (earlier rules claim overlapping text), then back-references."""
    document, rules = article.document, article.rules
    claimed: list[tuple[int, int]] = []
    out: list[Mention] = []
    valid = {t.value for t in EventType}
    for rule in rules.patterns:
        claims = (rule.label or "").startswith(CLAIM_PREFIX)
        if rule.label not in valid and not claims:
            continue
        for start, end in rules.find(rule, document):
            if any(s < end and start < e for s, e in claimed):
                continue
            claimed.append((start, end))
            if claims:
                continue
            sentence = document.sentence_at(start)
            out.append(Mention(EventType(rule.label), rule.id, rule.confidence, start, end, sentence))
    out = _generic_types(article, out)
    out += _joint_reviews(article, out, claimed)
    for review, verb_end in _verb_joined_reviews(article, claimed):
        # "tổ chức lễ kỷ niệm 70 năm ... và tổng kết 10 năm ...": one gathering, which is the review;
        # the ceremony named first is no other event, nor is it where the headline names it
        first = [m for m in out if m.type is EventType.khac and verb_end <= m.start < review.start]
        named = {document.lowered[m.start : m.end] for m in first}
        out = [
            m
            for m in out
            if not (m.type is EventType.khac and (m in first or document.lowered[m.start : m.end] in named))
        ]
        out.append(review)
    types_found = {m.type for m in out}
    lowered = document.lowered
    for etype, words in article.settings.get("backrefs", {}).items():
        if EventType(etype) not in types_found:
            continue
        for word in words:
            at = lowered.find(word.lower())
            while at >= 0:
                end = at + len(word)
                free = not any(s < end and at < e for s, e in claimed)
                if free and _word_edges(article.text, at, end):
                    sentence = document.sentence_at(at)
                    out.append(Mention(EventType(etype), "backref", 0.5, at, end, sentence, True))
                at = lowered.find(word.lower(), end)
    out.sort(key=lambda m: m.start)
    for m in out:
        if not m.backref:
            article.primary_by_sentence.setdefault(m.sentence.start, []).append(m)
    return out


JOINT_RULE = "joint_review"
_CLAUSE_END = re.compile(r"[.;:\n]")
_JOINT_SPAN = 250  # characters after a review trigger its conference's name may run


def _joint_reviews(article: Article, found: list[Mention], claimed: list[tuple[int, int]]) -> list[Mention]:
    """A conference named for two reviews ("hội nghị sơ kết 5 năm ... và tổng kết phong trào ...
    năm 2019"): the second, joined by "và" in the name's clause, is an event of its own type
    (setting ``joint_reviews``: type -> the bare word naming it)."""
    words = article.settings.get("joint_reviews", {})
    text, out = article.text, []
    for m in found:
        if m.type.value not in words:
            continue
        stop = _CLAUSE_END.search(text, m.end, min(len(text), m.end + _JOINT_SPAN))
        end = stop.start() if stop else min(len(text), m.end + _JOINT_SPAN)
        for etype, word in words.items():
            if etype == m.type.value:
                continue
            joined = re.search(rf"(?i)\svà\s+({re.escape(word)})(?!\w)", text[m.end : end])
            if joined is None:
                continue
            start, stop_at = m.end + joined.start(1), m.end + joined.end(1)
            if any(s < stop_at and start < e for s, e in claimed):
                continue
            claimed.append((start, stop_at))
            out.append(Mention(EventType(etype), JOINT_RULE, m.confidence, start, stop_at, m.sentence))
    return out


VERB_JOINED_RULE = "verb_joined_review"


def _verb_joined_reviews(article: Article, claimed: list[tuple[int, int]]) -> list[tuple[Mention, int]]:
    """A review named bare as the second object of an organising verb: "Hội A đã tổ chức kỷ niệm
    95 năm Ngày thành lập ... và sơ kết phong trào ... năm 2025" holds a review, though no "hội
    nghị" names it (setting ``verb_joined_reviews``: type -> the bare word).  The object before
    "và" is any activity, so only the verb's clause is read; whether the verb is live (not "kế
    hoạch tổ chức ...") is for the anchor to judge (rule ``VERB_JOINED_RULE``).  Each comes with
    the end of its verb, where the first object starts."""
    words = article.settings.get("verb_joined_reviews", {})
    if not words:
        return []
    document, text, out = article.document, article.text, []
    joins = {etype: re.compile(rf"(?i)\svà\s+({re.escape(word)})(?!\w)") for etype, word in words.items()}
    for verb in article.words.organize.finditer(text):
        limit = min(len(text), verb.end() + _JOINT_SPAN)
        stop = _CLAUSE_END.search(text, verb.end(), limit)
        end = stop.start() if stop else limit
        for etype, join in joins.items():
            joined = join.search(text[verb.end() : end])
            if joined is None:
                continue
            start, stop_at = verb.end() + joined.start(1), verb.end() + joined.end(1)
            if any(s < stop_at and start < e for s, e in claimed):
                continue
            claimed.append((start, stop_at))
            sentence = document.sentence_at(start)
            out.append(
                (Mention(EventType(etype), VERB_JOINED_RULE, 0.8, start, stop_at, sentence), verb.end())
            )
    return out


def _word_edges(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is whole words (no letter glued on either side)."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or after.isalnum())


def _names_topic(article: Article, words: list[str]) -> bool:
    """Whether the article's text contains one of ``words`` (case and spelling folded)."""
    folded = article.folded_text
    return any(fold(w) in folded for w in words)


def _generic_types(article: Article, found: list[Mention]) -> list[Mention]:
    """Generic triggers take the type of the festival the article names in full (setting
    ``generic_triggers``): "Tại Ngày hội, ..." in an article whose only full name is "Ngày hội
    Biên phòng toàn dân" refers to that festival, not to the ANTQ day.  An article that names no
    festival in full and never names the movement (setting ``generic_topics``: words of it, any
    one of which will do) means some other "ngày hội" by the bare word, an election's say."""
    out = found
    topics = article.settings.get("generic_topics", {})
    for generic, named in article.settings.get("generic_triggers", {}).items():
        types = {m.type for m in found if m.rule in named}
        if not types and generic in topics and not _names_topic(article, topics[generic]):
            # "ngày hội của cử tri" in an election story: no festival of the movement is meant
            out = [m for m in out if m.rule != generic]
            continue
        if len(types) != 1:
            continue  # none named, or several: the generic word keeps its own type
        (named_type,) = types
        out = [replace(m, type=named_type) if m.rule == generic else m for m in out]
    return out
