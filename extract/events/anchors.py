"""Which mention reports an event: the anchor of a type's mentions, and how surely it reports one.

A mention reports an event when an organising verb governs it ("Ban Chỉ đạo ... tổ chức hội
nghị"), when a date opens its sentence, when a cue shows the event took place ("phát biểu tại
ngày hội"), or when it is the article's headline.  It reports none when it is only the topic of
another event ("hội nghị tổng kết 20 năm tổ chức Ngày hội"), an activity reviewed over a period
("Năm 2024, các xã đã tổ chức Ngày hội"), or a count of gatherings ("tổ chức 25 hội nghị", "có trên
300 điểm tổ chức Ngày hội").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extract import dates, places
from extract.document import Sentence
from extract.events.article import Article
from extract.events.mentions import JOINT_RULE, VERB_JOINED_RULE, Mention
from extract.events.where import tier_rank
from extract.spelling import fold

PERIOD_PREFIX = "period:"
_CLAUSE_BREAK = re.compile(r"[;:]")
# An ellipsis before a capital ends a sentence the splitter kept whole ("... trật tự...Sáng 8-12, ...").
_ELLIPSIS_BREAK = re.compile(rf"(?:\.\.\.|…)(?=\s*{places.UPPER_CLASS})")
# How far before a trigger a count of the places holding it may stand ("Toàn quốc có trên 5.800
# điểm cấp cơ sở xã, phường, thị trấn tổ chức ngày hội").
_COUNT_REACH = 80
# A headline opening on its verb: "Tổ chức Ngày hội ..." (only spaces and quotes before the verb).
_OPENING_VERB = re.compile(r"[\s“\"']*\w")
# Punctuation that opens a clause (for a verb with no subject before it).
_CLAUSE_PUNCT = re.compile(r"[,;:(–]|\s-\s")
# Before a date that opens a clause: a comma or dash ending the text before it.
_CLAUSE_OPEN = re.compile(r"(?:,|\s-|–)\s*$")
# Where the clause after a trigger ends (its verb, if any, stands before this).
_AFTER_CLAUSE = re.compile(r"[,;:]")
# The longest line that may be a caption naming a gathering (see :func:`caption`).
_CAPTION_CHARS = 250
# What may stand before a trigger opening its line: quotes and spaces.
_CAPTION_OPENING = " “\"'"
# "được" right before an organising verb after a trigger: "Hội nghị ... được tổ chức tại Hà Nội".
_PASSIVE = re.compile(r"(?<!\w)được\s+(?=\w)")
# How far into a clause a period still opens it ("Năm 2024, ...", "Trong giai đoạn 2021 - 2025, ...").
_OPENING_CHARS = 16


def anchor(article: Article, primary: Sequence[Mention]) -> tuple[Mention | None, int]:
    """The mention that reports the event, and how strongly (see :func:`strength`).

    A lead sentence with both a verb and a date ("Tối 22/8, Ủy ban ... tổ chức Ngày hội", or a
    date opening a later clause: "Kỷ niệm 20 năm ..., tối 15/8, phường A tổ chức Ngày hội") beats
    a headline that only has the verb; a body sentence with the verb beats a headline with it,
    unless a date opens the lead (the headline's event is read there, see ``_lead_of_headline``);
    so does a dated body sentence with only a cue ("Bộ trưởng dự hội nghị tổng kết ... chiều 17.12").
    """
    best: tuple[Mention | None, int] = (None, 0)
    headline = article.document.headline
    titled = _headline_units(article, primary)
    for m in primary:
        if titled and _elsewhere(article, m, titled):
            continue  # a teaser or a neighbour's event: the headline's is held in its own unit
        score = strength(article, m)
        if score == 3 and (article.leading_date(m.sentence) or clause_date(article, m)):
            score = 4
        over_headline = (
            score == best[1]
            and (score == 3 or (score >= 1 and bool(article.dates_in(m.sentence))))
            and best[0] is not None
            and best[0].sentence is headline
            and not (article.lead is not None and article.leading_date(article.lead))
        )
        if score > best[1] or over_headline:
            best = (m, score)  # the body says more than the headline it summarises
        if score == 4:
            break
    return best


def elsewhere(article: Article, m: Mention, group: Sequence[Mention]) -> bool:
    """Whether ``m`` is about another place than the headline's event of its type (see
    ``_elsewhere``): it neither reports nor dates that event."""
    titled = _headline_units(article, group)
    return bool(titled) and _elsewhere(article, m, titled)


def _headline_units(article: Article, primary: Sequence[Mention]) -> dict[str, set[str]]:
    """Named units of the headline (folded text -> tiers) when it names this event type."""
    headline = article.document.headline
    if headline is None or not any(m.sentence is headline for m in primary):
        return {}
    tiers = article.settings.get("unit_tiers", {})
    return {
        fold(u.text): set(tiers.get(fold(u.level), ()))
        for u in article.units
        if headline.start <= u.start < headline.end and u.name
    }


def _elsewhere(article: Article, m: Mention, titled: dict[str, set[str]]) -> bool:
    """Whether ``m``'s sentence names units of the headline's tiers, none of them the headline's:
    "Xã A tổ chức Ngày hội ..." then, among related articles, "Sáng 5/8, xã B tổ chức Ngày hội"."""
    if m.sentence is article.document.headline:
        return False
    tiers = article.settings.get("unit_tiers", {})
    wanted = set().union(*titled.values())
    named = {
        fold(u.text)
        for u in article.units
        if m.sentence.start <= u.start < m.sentence.end
        and u.name
        and wanted & set(tiers.get(fold(u.level), ()))
    }
    return bool(named) and not named & set(titled)


def confirmed(article: Article, chosen: Mention, group: Sequence[Mention]) -> bool:
    """Whether an event only the headline names is reported by the body.

    "Tổ chức Ngày hội ... trang trọng, ý nghĩa" over a plan ("Theo kế hoạch tổ chức Ngày hội ...")
    reports none; a body mention with a cue ("Phát biểu tại Ngày hội", "Dự Hội nghị") does, and so
    does a lead opening on a date.  Under a task headline ("Tổ chức Ngày hội ... năm 2024") a cue is
    not enough: "Tại ngày hội, các đơn vị tổ chức ..." describes what the plan asks for; an
    attendance cue is ("Dự Ngày hội có các đồng chí ...": a plan never says who came).
    """
    headline = article.document.headline
    if chosen.sentence is not headline:
        return True
    if article.lead is not None and article.leading_date(article.lead):
        return True  # "Sáng 9/8, tại sân vận động xã A, ...": the lead dates the headline's event
    needed = 2 if task_headline(article, chosen) else 1
    for m in group:
        if m.sentence is headline:
            continue
        window = article.text[max(m.sentence.start, m.start - 30) : m.start]
        if article.words.attended.search(window):
            return True  # "Dự Ngày hội có ...": somebody came
        if m.backref:
            if needed == 1 and article.words.cue_before.search(window):
                return True
        elif strength(article, m) >= needed:
            return True
    return False


def task_headline(article: Article, m: Mention) -> bool:
    """Whether ``m`` is in a headline that opens on an organising verb, with no subject ("Tổ chức
    Ngày hội ..."): a headline naming a task, not reporting an event."""
    s = m.sentence
    if s is not article.document.headline:
        return False
    before = article.text[s.start : m.start]
    return bool(_OPENING_VERB.match(before)) and article.words.organize.match(before.strip()) is not None


def clause_date(article: Article, m: Mention) -> bool:
    """Whether a date opens the clause of ``m`` before it: "..., tối 15/8, phường A tổ chức ngày hội"."""
    text = article.text
    for d in article.dates_in(m.sentence):
        if d.end > m.start or not text[d.end : d.end + 2].lstrip().startswith(","):
            continue
        if _CLAUSE_OPEN.search(text, m.sentence.start, d.start):
            return True
    return False


def strength(article: Article, m: Mention) -> int:
    """How surely this mention reports the event: 3 verb, 2 leading date, 1 cue or headline, 0 none.

    A verb belongs to the nearest trigger after it ("tổ chức hội nghị triển khai kế hoạch tổ
    chức Ngày hội": the first "tổ chức" is the hội nghị's); a verb after a plan or request word
    ("kế hoạch tổ chức", "yêu cầu ... tổ chức") organises nothing yet.  Strict types (other
    gatherings) need their verb right before them and are no event of their own inside
    another event ("Trong khuôn khổ Ngày hội, ... tổ chức hội thi").
    """
    if embedded(article, m) or reviewed(article, m) or article.upcoming(m.sentence):
        return 0  # a topic, a reviewed activity, or a plan dated after publication
    text, s = article.text, m.sentence
    prev, nxt = neighbours(article, m)
    if m.rule == JOINT_RULE:
        # "hội nghị sơ kết ... và tổng kết ...": reported as surely as the conference it names
        return strength(article, prev) if prev is not None else 0
    seg_start = prev.end if prev is not None else s.start
    seg_end = nxt.start if nxt is not None else s.end
    before = text[seg_start : m.start]
    if m.rule == VERB_JOINED_RULE:
        # "... đã tổ chức kỷ niệm ... và sơ kết ...", "tổ chức Ngày hội ... và tổng kết ...": held
        # by the nearest organising verb before it, or not at all (a date or a cue alone does not
        # make "kiểm tra và sơ kết" a review held, nor "kế hoạch tổ chức ... và sơ kết")
        verbs = list(article.words.organize.finditer(text, s.start, m.start))
        if not verbs:
            return 0
        at = verbs[-1].start()
        return 3 if live_verb(article, text[at : m.start], at, s) else 0
    headline = 1 if s is article.document.headline else 0
    strict = article.setting_list("strict_types")
    # a generic trigger that took the type of the festival the article names ("Tại Ngày hội, ..." in
    # an article about "Ngày hội Biên phòng toàn dân") is that festival: a cue reports it
    if m.type.value in strict and m.rule not in article.settings.get("generic_triggers", {}):
        if prev is not None and prev.type.value not in strict:
            return 0
        act = article.act_rule(m.rule)
        if act is not None:
            return _act(article, m, act)
        window = int(article.settings.get("strict_verb_window", 40))
        near = max(seg_start, m.start - window)
        if live_verb(article, text[near : m.start], near, s) or _held_by(article, m, seg_end):
            return 3
        if planned(article, before, seg_start):
            # "Sáng 5/3, xã ban hành kế hoạch tổ chức hội nghị ...", "chuẩn bị Đại hội ...": the day
            # dates the plan, not the gathering planned
            return 0
        if prev is None and (_leading_date_of(article, m) or _at_then_date(article, m)):
            return 2
        return max(headline, caption(article, m))
    # A verb after the trigger is its own only when no other trigger follows ("được tổ chức").
    after = text[m.end : seg_end] if nxt is None else ""
    # ... and only in the trigger's own clause: "Tại ngày hội, các đơn vị tổ chức các hoạt động"
    # has the verb of another subject
    after = _AFTER_CLAUSE.split(after, maxsplit=1)[0]
    if task_headline(article, m):
        before = ""  # "Tổ chức Ngày hội ...": a headline with no subject names a task, reports nothing
    if planned(article, before, seg_start):
        # the verb nearest the trigger is planned ("làm việc về công tác chuẩn bị tổ chức Ngày hội",
        # "tổ chức giao ban rà soát công tác chuẩn bị tổ chức Ngày hội"): the object of a plan
        return 0
    # "Ngày hội được tổ chức nhằm ...": a verb after the trigger stating its aim reports nothing
    aim = article.words.purpose.search(after) is not None
    if live_verb(article, before, seg_start, s) or (live_verb(article, after, m.end) and not aim):
        return 3
    if prev is None and article.leading_date(s):
        return 2
    if article.words.cue_before.search(before) or _turnout(article, before, after) or _of_unit(article, m):
        return 1
    return max(headline, caption(article, m))


def _act(article: Article, m: Mention, act: dict[str, bool]) -> int:
    """How surely an act of giving or praising reports a ceremony (setting ``act_rules``).

    "Sáng 5/3, Tỉnh đoàn tổ chức tuyên dương 30 cá nhân", "Ngày 3/9, Công an huyện A trao 40 suất
    học bổng ...": handing over or praising on a day is done at a ceremony, which news reports
    by the act alone.  Undated, the same words list a task ("Đồng thời, tổ chức khen thưởng kịp
    thời ...") or recall an act, so the sentence must say a date, or be the lead for a rule that
    allows it (``act["lead"]``: the article's own report, dated or not), or, with
    ``act["after_report"]``, follow a dated sentence that names no gathering (it goes on with that
    day's news, :meth:`Article.report_before`).  A plan word before the act ("kế hoạch tổ chức
    tuyên dương", "sẽ trao") or a reporting verb ("Ngày 9/2, ông A cho biết đã trao ...": the day is
    the news's) reports none.  In a headline it names the event, as any trigger does.
    """
    s, text = m.sentence, article.text
    if s is article.document.headline:
        return 1
    if _governed(article, m.start) or article.words.report.search(text, s.start, m.start):
        return 0
    held = article.words.organize.search(text, max(s.start, m.start - 12), m.start)
    if _subjectless(article, held.start() if held else m.start, s):
        return 0  # "Đồng thời, tổ chức khen thưởng kịp thời ...": a task listed, in an undated sentence
    if (
        article.dates_in(s)
        or (act.get("lead") and s is article.lead)
        or (act.get("after_report") and article.report_before(s) is not None)
    ):
        return 3 if held else 2
    return 0


_OF_UNIT = re.compile(r"[”\"]?\s*(?:\([^()]{1,12}\)\s*)?(?:năm\s+\d{4}[”\"]?\s+)?")


def _of_unit(article: Article, m: Mention) -> bool:
    """Whether the trigger names one commune's own gathering of a year: "không khí “Ngày hội ...”
    năm 2025 tại xã A", "Tiết mục văn nghệ trong “Ngày hội ...” năm 2025 của xã A" (lexicon
    ``held_at_cues``), "“Ngày hội ...” “điểm” của Bộ Công an tại xã A" (a pilot festival, lexicon
    ``pilot_words``): a feature article reports it though it dates no day."""
    gap = _OF_UNIT.match(article.text, m.end)
    if gap is None or article.words.plan.search(m.sentence.text):
        return False  # "Dự kiến, Ngày hội ... tại xã A sẽ diễn ra ...": a plan
    start = gap.end()
    if (pilot := article.words.pilot.match(article.text, start)) is not None:
        start = pilot.end()  # '“Ngày hội ...” “điểm” của Bộ Công an tại xã A': the pilot's host
    cue = article.words.held_at.match(article.text, start, start + 8)
    if cue is None:
        return False
    at = cue.end()
    return any(u.start == at and u.name and tier_rank(article, u) == 0 for u in article.units)


def _turnout(article: Article, before: str, after: str) -> bool:
    """Whether a trigger opening its sentence goes on to count who came: "Buổi tuyên truyền thu hút
    hơn 200 người dân tham gia" (lexicon ``turnout_verbs``); a plan says "thu hút đông đảo Nhân dân"."""
    return not before.strip(_CAPTION_OPENING) and article.words.turnout.match(after) is not None


def _held_by(article: Article, m: Mention, seg_end: int) -> bool:
    """Whether the trigger's clause goes on to say it was held: by whom ("Chương trình gặp mặt ...
    do Công an thành phố phối hợp ... tổ chức sáng 13/8": an agent word, a body, then a live
    organising verb) or in the passive ("Tại Hội nghị ... lần thứ 79 được tổ chức trọng thể tại
    Hà Nội").

    A strict type's verb must otherwise stand before it.  A verb stating the aim ("tổ chức nhằm
    ..."), a plan ("do xã A dự kiến tổ chức", "sẽ được tổ chức") or a habit ("được tổ chức hằng
    năm") reports nothing.
    """
    text, words = article.text, article.words
    clause = _AFTER_CLAUSE.split(text[m.end : seg_end], maxsplit=1)[0]
    if words.purpose.search(clause) or words.review.search(clause):
        return False
    for agent in words.agent.finditer(clause):
        rest = clause[agent.end() :]
        if words.heads.match(rest) or words.unit_heads.match(rest):
            return live_verb(article, rest, m.end + agent.end())
    passive = _PASSIVE.search(clause)
    if passive is None:
        return False
    rest = clause[passive.end() :]
    return words.organize.match(rest) is not None and live_verb(article, rest, m.end + passive.end())


_AT_END = re.compile(r"\S+\s+$")


def _leading_date_of(article: Article, m: Mention) -> bool:
    """Whether a date opening the sentence introduces the strict trigger ``m``.

    After a reporting verb the day is the news's (lexicon ``report_verbs``): "Ngày 28/9, Công an
    huyện A cho biết, đã ra mắt mô hình ..." still reports the launch (undated, see when.py), but a
    gathering named there as the place of what is reported ("Ngày 1/11, UBND tỉnh A cho biết, ...
    khen thưởng vận động viên đạt thành tích tại Đại hội Thể thao ... lần thứ 3") was held before.
    """
    text, lead = article.text, article.leading_date(m.sentence)
    if lead is None:
        return False
    if lead.end > m.start or article.words.report.search(text, lead.end, m.start) is None:
        return True
    last = _AT_END.search(text, lead.end, m.start)
    return last is None or not article.words.location_marker.fullmatch(last.group())


def _at_then_date(article: Article, m: Mention) -> bool:
    """Whether the sentence opens on "Tại <trigger ...>," and a day opens its main clause: "Tại Lễ
    kỷ niệm ..., sáng 17-8, lực lượng CAND đã vinh dự đón nhận ..." reports the ceremony that day."""
    s, text = m.sentence, article.text
    if not article.words.location_marker.fullmatch(text[s.start : m.start].lstrip(_CAPTION_OPENING)):
        return False
    return any(
        d.kind is dates.DateKind.day and d.start >= m.end and text[m.end : d.start].rstrip().endswith(",")
        for d in article.dates_in(s)
    )


def caption(article: Article, m: Mention) -> int:
    """1 when ``m`` opens a line of its own that names the gathering with no verb (a photo caption
    or an opening line: "Hội nghị trực tuyến toàn quốc tổng kết công tác ... năm 2024."), else 0.

    The trigger must be capitalised (the gathering's head noun opening the line) and the line
    short, with no plan word ("Hội nghị ... sẽ diễn ra ...") and no predicate after the trigger
    ("Ngày hội ... là dịp để ...": a statement about the gathering, lexicon ``caption_stops``).
    """
    s, text = m.sentence, article.text
    if s is article.document.headline or len(s.text) > _CAPTION_CHARS:
        return 0
    if text[s.start : m.start].strip(_CAPTION_OPENING) or not text[m.start : m.start + 1].isupper():
        return 0
    alone = not text[: s.start].strip(" \t") or text[: s.start].rstrip(" \t").endswith("\n")
    alone = alone and (not text[s.end :].strip(" \t") or text[s.end :].lstrip(" \t").startswith("\n"))
    if (
        not alone
        or article.words.plan.search(s.text)
        or article.words.caption_stop.search(text, m.end, s.end)
    ):
        return 0
    return 1


def embedded(article: Article, m: Mention) -> bool:
    """Whether ``m`` is the topic of an earlier trigger of its clause, of another type.

    "hội nghị tổng kết 20 năm tổ chức Ngày hội ...": one review event, no festival of its own
    (setting ``embedding_types``).
    """
    if m.rule == JOINT_RULE:
        return False  # "hội nghị sơ kết ... và tổng kết ...": a second review, not a topic
    prev, _ = neighbours(article, m)
    if prev is None or prev.type is m.type or prev.type.value not in article.setting_list("embedding_types"):
        return False
    return not _CLAUSE_BREAK.search(article.text, prev.end, m.start)


def reviewed(article: Article, m: Mention) -> bool:
    """Whether ``m`` is an activity reviewed over a period rather than a gathering reported.

    "Năm 2024, các xã đã tổ chức Ngày hội ...", "20 năm qua, Ngày hội được tổ chức ...": a
    period opening the trigger's clause or a review cue before the trigger, in a sentence that
    dates nothing ("vừa qua" dates a report); "đã tổ chức 25 hội nghị": a count before it;
    "tổ chức diễn đàn ... được 1.700 buổi": sessions counted after it; "từ tháng 6, ... tổ chức
    Ngày hội ..., kéo dài từ tháng 7": a campaign of months.
    """
    s, text = m.sentence, article.text
    breaks = [*_CLAUSE_BREAK.finditer(text, s.start, m.start)]
    breaks += _ELLIPSIS_BREAK.finditer(text, s.start, m.start)
    clause_start = max((b.end() for b in breaks), default=s.start)
    before = text[clause_start : m.start]
    clause_end = next((b.start() for b in _CLAUSE_BREAK.finditer(text, m.end, s.end)), s.end)
    if article.words.held_at_many.search(text, m.end, clause_end):
        return True  # "Ngày hội được tổ chức tại 76 đơn vị cấp xã": many festivals
    if article.words.held_many_times.search(text, m.end, clause_end):
        return True  # "tổ chức diễn đàn ... được 1.700 buổi": many sessions
    if article.words.campaign.search(text, clause_start, clause_end):
        return True  # "từ tháng 6, ... triển khai tổ chức Ngày hội ...": a campaign of months
    near = before[-_COUNT_REACH:]
    if article.words.counted.search(before) or article.words.counted_subject.search(near):
        return True
    if article.dates_in(s):
        return False
    if article.words.review.search(before):
        return True
    opening = before[:_OPENING_CHARS]
    return any(
        (found := article.rules.compiled[r.id].search(before)) is not None and found.start() < len(opening)
        for r in article.rules.patterns
        if (r.label or "").startswith(PERIOD_PREFIX)
    )


def planned(article: Article, segment: str, offset: int) -> bool:
    """Whether the last organising verb of ``segment`` is governed by a plan or request word, or
    the segment ends on one ("Chuẩn bị Ngày hội ...", "chuẩn bị cho Ngày hội")."""
    if article.words.plan_before.search(segment):
        return True
    verbs = list(article.words.organize.finditer(segment))
    if not verbs:
        return False
    return _governed(article, offset + verbs[-1].start())


def _governed(article: Article, at: int) -> bool:
    """Whether a plan or request word governs the organising verb at ``at`` ("kế hoạch tổ chức",
    "về tổ chức"): read in the 40 characters before it, within its sentence, as a headline above
    the lead ("... điều tra 350 vụ việc" / "Ngày 15/1, ... tổ chức") has no word for it."""
    window = re.split(r"[.;!?\n]", article.text[max(0, at - 40) : at])[-1]
    return bool(article.words.plan.search(window) or article.words.nominal.search(window))


def live_verb(article: Article, segment: str, offset: int, sentence: Sentence | None = None) -> bool:
    """Whether ``segment`` has an organising verb not governed by a plan or request word.

    With ``sentence``, a verb opening its clause with no subject ("Đồng thời, tổ chức lễ ra mắt
    ...", "...; tổ chức gặp mặt, giao lưu") in a sentence that dates nothing is a task listed in
    a plan or a programme, not a gathering reported.
    """
    words = article.words
    for verb in words.organize.finditer(segment):
        at = offset + verb.start()
        if _governed(article, at):
            continue  # "kế hoạch tổ chức", "về tổ chức": organising planned or talked about
        if sentence is not None and _subjectless(article, at, sentence):
            continue
        return True
    return False


def _subjectless(article: Article, at: int, sentence: Sentence) -> bool:
    """Whether the verb at ``at`` opens its clause (after connectives only) in an undated sentence."""
    if article.dates_in(sentence) or article.words.follow_on.match(article.text, sentence.start, at):
        return False  # dated, or tied to the day of an event before ("Dịp này, tổ chức lễ ra mắt ...")
    clause = _CLAUSE_PUNCT.split(article.text[sentence.start : at])[-1]
    return article.words.connective.fullmatch(clause) is not None


def neighbours(article: Article, m: Mention) -> tuple[Mention | None, Mention | None]:
    """The primary triggers before and after ``m`` in its sentence."""
    same = article.primary_by_sentence.get(m.sentence.start, [])
    before = [o for o in same if o.end <= m.start]
    after = [o for o in same if o.start >= m.end]
    return (before[-1] if before else None), (after[0] if after else None)
