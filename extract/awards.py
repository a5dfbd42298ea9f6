"""Awards: distinctions given or announced, one record per (type, issuer) per article.

Reading is anchored on the distinction nouns (rules labelled ``type:<Type>``), so donations,
scholarships, gifts and flowers ("trao tặng kinh phí", "tặng hoa") never become awards.  Around
each noun, the construction rules say who is who:

* ``of_issuer``      "Bằng khen của Bộ trưởng Bộ Công an, của Chủ tịch UBND tỉnh" (a list);
* ``agent_passive``  "được Bộ Công an tặng Kỷ niệm chương";
* ``issuer_grants``  "UBND tỉnh tặng Cờ thi đua" (the clause before the verb is a body);
* ``presents``       "Đại tá X trao Giấy khen" (a person before the verb hands it over);
* ``receives``       "Công an xã A đón nhận Huân chương" (the clause before receives it);
* ``recipients_for`` "... cho 2 cá nhân", "... cho tập thể Công an phường A".

Mentions of one award (body and photo caption, "Bằng khen của UBND tỉnh" and "Bằng khen của Chủ
tịch UBND tỉnh", "giấy khen của UBND huyện" and "của UBND huyện A") merge on type and issuer
with the posts (``issuer_titles``) stripped; a mention naming no issuer joins the same-type
award it fits (same kind of recipients, presenter from the issuing body), else stands alone.
A generic "khen thưởng" counts only with a named issuer, as type ``Khen thưởng``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from extract.document import Document, Sentence
from extract.events import rule_matches
from extract.places import fold
from extract.records import Award, Evidence, Official, RecipientKind, RecordBase
from extract.ruleset import RuleSet

TYPE_PREFIX = "type:"
_EDGE_L, _EDGE_R = r"(?<![^\W\d_])", r"(?![^\W\d_])"
_TOKEN = re.compile(r"[^\W_]+|\d+")
_SPACES = re.compile(r" +")
_QUOTED_NAME = re.compile(r" +[“\"][^”\"]{2,80}[”\"]")
# Between coordinated distinctions: "Bằng khen, Giấy khen", "Bằng khen và Giấy khen".
_COORDINATION = re.compile(r"\s*(?:,|và|,\s*và)?\s*", re.IGNORECASE)


@dataclass
class _Mention:
    """One distinction noun in the text, with what its sentence says about it."""

    type: str
    rule: str
    confidence: float
    start: int
    end: int  # end of the distinction and its proper name
    sentence: Sentence
    name: str | None = None
    issuer: str | None = None
    construction: str | None = None
    recipients: list[str] = field(default_factory=list)
    recipient_count: int | None = None
    recipient_kind: RecipientKind | None = None
    presenter: str | None = None
    left_clause: str = ""
    extra_issuers: list[str] = field(default_factory=list)  # "Bằng khen của A, của B": B here


def extract(document: Document, rules: RuleSet, found: dict[str, list[RecordBase]]) -> list[Award]:
    """Awards of the article, merged per (type, issuer), in order of first mention."""
    lex = _Lexicon.of(rules)
    officials = [o for o in found.get("officials", []) if isinstance(o, Official)]
    mentions = _type_mentions(document, rules, lex)
    for sentence_mentions in _by_sentence(mentions):
        _read_sentence(document, rules, lex, sentence_mentions, officials)
    kept = [
        m
        for m in mentions
        if (m.type != lex.generic_type or m.issuer) and not lex.proposal.search(m.left_clause.split(",")[-1])
    ]
    return _merge(kept, rules, lex)


# ---------------------------------------------------------------------------------------------
# Word lists


@dataclass(frozen=True)
class _Lexicon:
    """The rule set's word lists as compiled regexes (built once per rule-set object)."""

    generic_type: str
    named_types: frozenset[str]
    issuer_start: re.Pattern[str]  # a head, a title or a level word at a position
    issuer_piece: re.Pattern[str]  # any multi-word piece an issuer phrase may contain
    titles: re.Pattern[str]
    deputy: re.Pattern[str]
    openers: re.Pattern[str]  # "Dịp này", "Tại ..." before a clause's subject
    stop: re.Pattern[str]  # a word that ends an issuer or recipient phrase, at a position
    name_word: re.Pattern[str]
    individual: re.Pattern[str]
    collective: re.Pattern[str]
    determiners: re.Pattern[str]
    number: re.Pattern[str]
    numbers: dict[str, int]
    traps: re.Pattern[str]
    proposal: re.Pattern[str]
    person_title: re.Pattern[str]
    not_name_starts: frozenset[str]
    high_issuers: tuple[re.Pattern[str], ...]
    type_order: tuple[str, ...]
    levels: re.Pattern[str]
    place_nouns: re.Pattern[str]

    @staticmethod
    def of(rules: RuleSet) -> _Lexicon:
        cached = _LEXICONS.get(id(rules))
        if cached is None or cached[0] is not rules:
            cached = _LEXICONS[id(rules)] = (rules, _build_lexicon(rules))
        return cached[1]


_LEXICONS: dict[int, tuple[RuleSet, _Lexicon]] = {}


def _alternation(words: Sequence[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _build_lexicon(rules: RuleSet) -> _Lexicon:
    heads, titles = rules.lexicon("issuer_heads"), rules.lexicon("issuer_titles")
    levels = rules.lexicon("unit_levels")
    numbers = {w: i + 1 for i, w in enumerate(rules.lexicon("number_words"))}
    return _Lexicon(
        generic_type=rules.settings.get("generic_type", "Khen thưởng"),
        named_types=frozenset(rules.settings.get("named_types", [])),
        issuer_start=re.compile(rf"(?:{_alternation([*heads, *titles])}){_EDGE_R}"),
        issuer_piece=re.compile(rf"(?:{_alternation([*heads, *titles, *levels])}){_EDGE_R}"),
        titles=re.compile(
            rf"^(?:(?:{_alternation(rules.lexicon('deputy_words'))})\s+)?(?:{_alternation(titles)}){_EDGE_R}\s*"
        ),
        deputy=re.compile(rf"^(?:{_alternation(rules.lexicon('deputy_words'))}){_EDGE_R}"),
        openers=re.compile(rf"(?i)^(?:(?:{_alternation(rules.lexicon('clause_openers'))}){_EDGE_R}\s*)+"),
        stop=re.compile(rf"(?:{_alternation(rules.lexicon('phrase_stops'))}){_EDGE_R}"),
        name_word=re.compile(rf"(?:{_alternation(rules.settings.get('name_words', []))}){_EDGE_R}"),
        individual=re.compile(rf"(?i)^(?:{_alternation(rules.lexicon('individual_nouns'))}){_EDGE_R}"),
        collective=re.compile(rf"^(?:{_alternation(rules.lexicon('collective_nouns'))}){_EDGE_R}"),
        determiners=re.compile(rf"(?i)^(?:(?:{_alternation(rules.lexicon('recipient_determiners'))})\s+)+"),
        number=re.compile(rf"(?i)^(?P<n>\d+|{_alternation(list(numbers))})\s+"),
        numbers=numbers,
        traps=re.compile(rf"(?i){_EDGE_L}(?:{_alternation(rules.lexicon('traps'))}){_EDGE_R}"),
        proposal=re.compile(rf"{_EDGE_L}(?:{_alternation(rules.lexicon('proposal_words'))}){_EDGE_R}"),
        person_title=re.compile(rf"{_EDGE_L}(?:{_alternation(rules.lexicon('person_titles'))}){_EDGE_R}"),
        not_name_starts=frozenset(rules.lexicon("not_name_starts")),
        high_issuers=tuple(re.compile(p) for p in rules.settings.get("high_issuers", [])),
        type_order=tuple(rules.settings.get("type_order", [])),
        levels=re.compile(rf"(?i)^(?:{_alternation(levels)}){_EDGE_R}"),
        place_nouns=re.compile(rf"^(?:{_alternation(rules.lexicon('place_nouns'))}){_EDGE_R}"),
    )


# ---------------------------------------------------------------------------------------------
# Mentions


def _type_mentions(document: Document, rules: RuleSet, lex: _Lexicon) -> list[_Mention]:
    text = document.text
    lowered = text.lower()
    claimed: list[tuple[int, int]] = []
    out: list[_Mention] = []
    for rule in rules.patterns:
        if not (rule.label or "").startswith(TYPE_PREFIX) or rule.regex is None:
            continue
        award_type = rule.label.removeprefix(TYPE_PREFIX)
        for m in rule_matches(document, rules, rule, lowered):
            if any(s < m.end() and m.start() < e for s, e in claimed):
                continue
            claimed.append((m.start(), m.end()))
            sentence = document.sentence_at(m.start())
            mention = _Mention(award_type, rule.id, rule.confidence, m.start(), m.end(), sentence)
            if award_type in lex.named_types:
                name_end = _name_end(text, m.end(), sentence.end, lex)
                if name_end > m.end():
                    mention.name = f"{award_type}{text[m.end() : name_end]}"
                    mention.end = name_end
            out.append(mention)
    out.sort(key=lambda m: m.start)
    return out


def _name_end(text: str, pos: int, limit: int, lex: _Lexicon) -> int:
    """End of a distinction's proper name ("Bảo vệ Tổ quốc hạng Ba", "xuất sắc", "Vì an ninh Tổ quốc").

    A name starts with a capitalised word or a name word and runs to punctuation, a stop word
    ("cho", "của", "năm"...) or an issuer ("Cờ thi đua UBND tỉnh" has no name).
    """
    quoted = _QUOTED_NAME.match(text, pos, limit)
    if quoted is not None:  # Kỷ niệm chương “Vì an ninh Tổ quốc”
        return quoted.end()
    end = cursor = pos
    while cursor < limit:
        gap = _SPACES.match(text, cursor)
        if gap is None or gap.end() >= limit:
            break
        at = gap.end()
        if lex.stop.match(text, at) or lex.issuer_start.match(text, at):
            break
        word = lex.name_word.match(text, at) or _TOKEN.match(text, at)
        if word is None:
            break
        if end == pos and not (word.group()[0].isupper() or word.re is lex.name_word):
            break
        end = cursor = word.end()
    return end


def _by_sentence(mentions: list[_Mention]) -> list[list[_Mention]]:
    groups: dict[int, list[_Mention]] = {}
    for m in mentions:
        groups.setdefault(m.sentence.start, []).append(m)
    return list(groups.values())


# ---------------------------------------------------------------------------------------------
# Reading one sentence


def _read_sentence(
    document: Document,
    rules: RuleSet,
    lex: _Lexicon,
    mentions: list[_Mention],
    officials: Sequence[Official],
) -> None:
    """Fill issuer, recipients and presenter of the distinctions of one sentence."""
    text = document.text
    sentence = mentions[0].sentence
    # Coordinated distinctions share what follows the last: "Bằng khen, Giấy khen của A, B".
    groups: list[list[_Mention]] = []
    for m in mentions:
        if groups and _COORDINATION.fullmatch(text[groups[-1][-1].end : m.start]):
            groups[-1].append(m)
        else:
            groups.append([m])
    previous: tuple[int, list[str], str | None] | None = None  # clause start, issuers, construction
    for group in groups:
        left = text[sentence.start : group[0].start]
        start = _clause_start(left)
        clause = left[start:]
        issuers, construction, after = _issuers(text, group, left, clause, sentence, rules, lex, officials)
        if not issuers and previous is not None and previous[0] == start and previous[1]:
            if rules.compiled["shared_subject"].search(left):  # "... cho A và tặng Bằng khen cho B"
                issuers, construction = previous[1][:1], "shared_subject"
        previous = (start, issuers, construction)
        _assign_issuers(group, issuers, construction, lex)
        recipients = _recipients(text, group, left, clause, after, sentence, construction, rules, lex)
        presenter = _presenter(clause, rules, lex, officials)
        for m in group:
            m.left_clause = clause
            if recipients is not None:
                m.recipients, m.recipient_count, m.recipient_kind = recipients
            m.presenter = presenter


def _issuers(
    text: str,
    group: list[_Mention],
    left: str,
    clause: str,
    sentence: Sentence,
    rules: RuleSet,
    lex: _Lexicon,
    officials: Sequence[Official],
) -> tuple[list[str], str | None, int]:
    """(issuers, construction rule id, where the issuer list ends) of coordinated distinctions."""
    first, last = group[0], group[-1]
    generic = first.type == lex.generic_type
    issuers, after = _issuers_after(text, last.end, sentence.end, rules, lex)
    construction = "of_issuer" if issuers else None
    if not issuers:
        passive = "agent_commends" if generic else "agent_passive"
        agent = _agent_passive(left, rules.compiled[passive], lex)
        if agent:
            issuers, construction = [agent], passive
    if not issuers and not rules.compiled["receives"].search(left):
        verb_rule = "issuer_commends" if generic else "issuer_grants"
        subject = _subject_issuer(clause, rules.compiled[verb_rule], lex, officials)
        if subject:
            issuers, construction = [subject], verb_rule
    if not issuers:
        mandate = _on_behalf(left, rules, lex)
        if mandate:
            issuers, construction = [mandate], "on_behalf"
    if generic and issuers and lex.traps.search(text[last.end : min(sentence.end, last.end + 60)]):
        return [], None, after  # "khen thưởng 2 triệu đồng": money, not a distinction
    return issuers, construction, after


def _recipients(
    text: str,
    group: list[_Mention],
    left: str,
    clause: str,
    after: int,
    sentence: Sentence,
    construction: str | None,
    rules: RuleSet,
    lex: _Lexicon,
) -> Recipients | None:
    """Who receives: "cho ..." after the award, else the subject of "nhận", "được ... tặng"."""
    recipients = _recipients_after(text, after, sentence.end, rules, lex)
    if recipients is None and group[0].type == lex.generic_type:  # "đã khen thưởng 5 tập thể"
        recipients = _parse_recipients(text[group[-1].end : sentence.end], lex)
    if recipients is None:
        recipients = _recipients_before(left, rules, lex)
    if recipients is None and construction in ("agent_passive", "agent_commends"):
        passive = rules.compiled[construction].search(clause)  # "Công an xã A được ... tặng"
        subject = _subject_of(clause[: passive.start()], lex) if passive else ""
        recipients = _parse_recipients(subject, lex) if subject else None
    return recipients


def _clause_start(left: str) -> int:
    """Where the clause ending at the distinction starts: after the last ';' or ':', or a dateline.

    Commas do not end it: "Đại tá X, Phó Giám đốc Công an tỉnh trao ..." is one clause.
    """
    cut = 0
    for m in re.finditer(r";\s*|:\s*|^[^,]{0,40}\s[–-]\s", left):
        cut = m.end()
    return cut


def _scan_issuer(text: str, pos: int, limit: int, lex: _Lexicon, allow_level_start: bool) -> int:
    """End of the issuer phrase starting at ``pos`` (== pos when none starts there).

    An issuer is heads, titles and level words read whole ("Chủ tịch", "UBND", "tỉnh"), capitalised
    syllables and digits, and the one lowercase syllable that completes a capitalised word of a
    body's name ("Sở Tư pháp", "Bộ Chỉ huy Quân sự tỉnh") when no lowercase word follows it.
    """
    starts = lex.issuer_start.match(text, pos) or (allow_level_start and lex.levels.match(text[pos:limit]))
    if not starts:
        return pos
    end = cursor = pos
    after_capital = False
    while cursor < limit:
        while cursor < limit and text[cursor] == " ":
            cursor += 1
        if cursor >= limit or lex.stop.match(text, cursor):
            break
        piece = lex.issuer_piece.match(text, cursor)
        if piece is not None and piece.end() <= limit:
            end = cursor = piece.end()
            after_capital = piece.group().split()[-1][0].isupper()  # "Bộ" + "đội Biên phòng"
            continue
        tok = _TOKEN.match(text, cursor)
        if tok is None or tok.end() > limit:
            break
        word = tok.group()
        if word[0].isupper() or word.isdigit():
            end = cursor = tok.end()
            after_capital = word[0].isupper()
            continue
        if after_capital and _closes_name(text, tok.end(), limit, lex):
            end = cursor = tok.end()
            after_capital = False
            continue
        break
    return end


def _closes_name(text: str, pos: int, limit: int, lex: _Lexicon) -> bool:
    """After a lowercase syllable: is what follows still part of a name (capital, level, end)?"""
    rest = text[pos:limit].lstrip(" ")
    if not rest or not rest[0].isalnum():
        return True
    if lex.stop.match(rest) or lex.levels.match(rest):
        return True
    return rest[0].isupper()


def _issuers_after(text: str, pos: int, limit: int, rules: RuleSet, lex: _Lexicon) -> tuple[list[str], int]:
    """The issuer list after a distinction ("của A, của B và C"); returns it and where it ends."""
    m = rules.compiled["of_issuer"].match(text, pos, limit)
    if m is None:
        # "Bằng khen UBND tỉnh": an issuer head right after the distinction, without "của".
        start = pos + len(text[pos:limit]) - len(text[pos:limit].lstrip(" "))
        end = _scan_issuer(text, start, limit, lex, allow_level_start=False)
        if end > start and lex.issuer_start.match(text, start):
            return [text[start:end]], end
        return [], pos
    issuers: list[str] = []
    cursor = m.end()
    first = True
    while True:
        end = _scan_issuer(text, cursor, limit, lex, allow_level_start=not first)
        if end == cursor:
            break
        issuers.append(text[cursor:end])
        first = False
        sep = re.compile(r"\s*(?:,\s*(?:và\s+)?|\s+và\s+)(?:của\s+)?").match(text, end, limit)
        if sep is None:
            cursor = end
            break
        cursor = sep.end()
    return issuers, cursor if issuers else pos


def _agent_passive(left: str, passive_re: re.Pattern[str], lex: _Lexicon) -> str | None:
    m = passive_re.search(left)
    if m is None:
        return None
    agent = m.group("agent")
    end = _scan_issuer(agent, 0, len(agent), lex, allow_level_start=False)
    return agent if end == len(agent) else None


def _on_behalf(left: str, rules: RuleSet, lex: _Lexicon) -> str | None:
    m = rules.compiled["on_behalf"].search(left)
    if m is None:
        return None
    end = _scan_issuer(left, m.end(), len(left), lex, allow_level_start=False)
    return left[m.end() : end] if end > m.end() else None


def _subject_issuer(
    clause: str, verb_re: re.Pattern[str], lex: _Lexicon, officials: Sequence[Official]
) -> str | None:
    """The body before a granting verb ("Bộ Công an đã trao tặng"), never a person."""
    verb = verb_re.search(clause)
    if verb is None:
        return None
    subject = clause[: verb.start()].rstrip(" ,")
    # The subject is the last comma-separated part that starts with an issuer head.
    parts = [p.strip() for p in re.split(r",\s*", subject)]
    candidate = parts[-1] if parts else ""
    candidate = lex.openers.sub("", candidate)
    if not candidate or _names_person(candidate, lex, officials):
        return None
    end = _scan_issuer(candidate, 0, len(candidate), lex, allow_level_start=False)
    if end == 0 or candidate[end:].strip():
        return None
    if lex.deputy.match(candidate):  # a deputy hands over, the body does not grant
        return None
    return candidate


def _names_person(text: str, lex: _Lexicon, officials: Sequence[Official]) -> bool:
    if lex.person_title.search(text):
        return True
    return _official_in(text, lex, officials) is not None


def _official_in(text: str, lex: _Lexicon, officials: Sequence[Official]) -> tuple[int, str] | None:
    """The last official named in ``text`` (position, name).

    A two-syllable name right after a level word is a place ("huyện Thạch Sơn"), whatever a list
    of officials says; a full name there is a person ("Phó Chủ tịch UBND tỉnh Lê Thị Hoa").
    """
    folded = fold(text)
    best: tuple[int, str] | None = None
    for o in officials:
        name = fold(o.name)
        at = folded.rfind(name)
        while at >= 0:
            words_before = folded[:at].split()
            place_like = len(name.split()) <= 2 and bool(words_before) and lex.levels.match(words_before[-1])
            if not place_like:
                if best is None or at > best[0]:
                    best = (at, o.name)
                break
            at = folded.rfind(name, 0, at)
    return best


def _assign_issuers(
    group: list[_Mention], issuers: list[str], construction: str | None, lex: _Lexicon
) -> None:
    """Distribute issuers over coordinated distinctions.

    One distinction: it gets every issuer (several awards).  Several distinctions and several
    issuers: the higher distinctions go to the high issuers (ministries, province), the lower to
    the rest, as the emulation law assigns them.  The mention records the first issuer; extra
    ones become copies of the mention.
    """
    if not issuers:
        return
    if len(group) == 1 or len(issuers) == 1:
        pairs = [(m, iss) for m in group for iss in issuers]
    else:
        order = {t: i for i, t in enumerate(lex.type_order)}
        ranked = sorted(group, key=lambda m: order.get(m.type, len(order)))
        high = [i for i in issuers if any(p.search(i) for p in lex.high_issuers)]
        low = [i for i in issuers if i not in high]
        pairs = []
        if high and low:
            top = ranked[: len(ranked) - 1] if len(ranked) > 1 else ranked
            pairs += [(m, iss) for m in top for iss in high]
            pairs += [(ranked[-1], iss) for iss in low]
        else:
            pairs = [(m, iss) for m, iss in zip(group, issuers, strict=False)]
    extra: dict[int, list[str]] = {}
    for m, iss in pairs:
        extra.setdefault(id(m), []).append(iss)
    for m in group:
        assigned = extra.get(id(m), [])
        if assigned:
            m.issuer = assigned[0]
            m.construction = construction
            m.extra_issuers.extend(assigned[1:])


# ---------------------------------------------------------------------------------------------
# Recipients and presenter


Recipients = tuple[list[str], int | None, RecipientKind | None]


def _recipients_after(text: str, pos: int, limit: int, rules: RuleSet, lex: _Lexicon) -> Recipients | None:
    rest = text[pos:limit]
    stop = re.search(r"[;]", rest)
    rest = rest[: stop.start()] if stop else rest
    m = rules.compiled["recipients_for"].search(rest)
    if m is None or m.start() > 120:
        return None
    return _parse_recipients(rest[m.end() :], lex)


def _recipients_before(left: str, rules: RuleSet, lex: _Lexicon) -> Recipients | None:
    m = rules.compiled["receives"].search(left)
    if m is None:
        return None
    subject = left[: m.start()]
    subject = _subject_of(subject, lex)
    return _parse_recipients(subject, lex) if subject else None


def _subject_of(left: str, lex: _Lexicon) -> str:
    """The subject of the clause ending ``left``: after ';', ':' and an opener phrase with its comma."""
    clause = re.split(r"[;:]\s*", left)[-1]
    parts = [p.strip() for p in clause.split(",")]
    while len(parts) > 1 and lex.openers.match(parts[0]):  # "Tại buổi lễ, 5 tập thể ..."
        parts = parts[1:]
    return ", ".join(parts).strip(" ,")


def _parse_recipients(phrase: str, lex: _Lexicon) -> Recipients | None:
    """Names, count and kind of "2 cá nhân", "tập thể Công an phường A", "xã B và 3 tập thể"."""
    for tok in _TOKEN.finditer(phrase):
        if tok.start() > 0 and lex.stop.match(phrase, tok.start()):
            phrase = phrase[: tok.start()]
            break
    phrase = re.split(r"[.;:()“”\"]", phrase)[0].strip(" ,")
    if not phrase:
        return None
    names: list[str] = []
    counts: list[int | None] = []
    kinds: set[RecipientKind] = set()
    for part in re.split(r",\s*|\s+và\s+", phrase):
        part = lex.determiners.sub("", part.strip())
        if not part:
            continue
        count = None
        num = lex.number.match(part)
        if num is not None:
            raw = num.group("n").lower()
            count = int(raw) if raw.isdigit() else lex.numbers.get(raw)
            part = part[num.end() :]
        if (noun := lex.individual.match(part)) is not None:
            if (
                count is None
                and names
                and kinds == {RecipientKind.individual}
                and not noun.group()[0].isupper()
            ):
                continue  # "ông A, tổ trưởng tổ dân phố B": the post of the person just named
            kinds.add(RecipientKind.individual)
            rest = _proper(part[noun.end() :].strip(), lex)
            if rest and count is None:
                names.append(rest)
        elif (noun := lex.collective.match(part)) is not None:
            kinds.add(RecipientKind.collective)
            rest = part[noun.end() :].strip()
            named = bool(rest) and (rest[0].isupper() or rest[0].isdigit() or bool(lex.levels.match(rest)))
            if count is None and named:
                # "Công an xã A", "xã B": the noun belongs to the name; "tập thể C": it does not.
                whole = part[0].isupper() or lex.levels.match(part) or lex.place_nouns.match(part)
                names.append(_proper(part if whole else rest, lex))
        elif count is None and _is_person(part, lex):
            kinds.add(RecipientKind.individual)
            names.append(part)
        else:
            continue
        counts.append(count)
    if not kinds:
        return None
    kind = next(iter(kinds)) if len(kinds) == 1 else None
    total = sum(c for c in counts if c is not None) if counts and all(c is not None for c in counts) else None
    if total is None and names and len(names) == len(counts):
        total = len(names)
    return names, total, kind


def _proper(text: str, lex: _Lexicon) -> str:
    """The leading proper name of a phrase: capitalised words, digits, unit and body nouns.

    "xã A vinh dự" gives "xã A"; "Đảng bộ phường" stays whole ("bộ", "phường" belong to it).
    """
    end = pos = 0
    while pos < len(text):
        at = pos + len(text[pos:]) - len(text[pos:].lstrip())
        rest = text[at:]
        piece = lex.collective.match(rest) or lex.levels.match(rest) or lex.individual.match(rest)
        if piece is not None:
            end = pos = at + piece.end()
            continue
        tok = _TOKEN.match(text, at)
        if tok is None or not (tok.group()[0].isupper() or tok.group().isdigit()):
            break
        end = pos = tok.end()
    return text[:end]


def _is_person(part: str, lex: _Lexicon) -> bool:
    """2-4 capitalised syllables that do not start a post or a body: "Nguyễn Văn A"."""
    words = part.split()
    return 2 <= len(words) <= 4 and all(w[0].isupper() for w in words) and words[0] not in lex.not_name_starts


def _presenter(clause: str, rules: RuleSet, lex: _Lexicon, officials: Sequence[Official]) -> str | None:
    """The named person handing the distinction over ("Đại tá X, ... trao Giấy khen").

    Officials found earlier name him; failing that, a personal name read from the subject.
    """
    verb = rules.compiled["presents"].search(clause) or rules.compiled["issuer_grants"].search(clause)
    if verb is None:
        return None
    subject = clause[: verb.start()]
    best = _official_in(subject, lex, officials)
    return best[1] if best is not None else _name_fallback(subject, lex)


def _name_fallback(subject: str, lex: _Lexicon) -> str | None:
    """The last personal name of the subject: 3-4 capitalised syllables, or 2 after a rank.

    Runs that start like a post or a body ("Phó Chủ", "Công an") or follow a level word
    ("tỉnh Bắc Ninh") are not names.
    """
    titled = lex.person_title.search(subject) is not None
    runs: list[tuple[list[str], str]] = []  # (syllables, word before the run)
    current: list[str] = []
    before = ""
    previous = ""
    for tok in re.finditer(r"\S+", subject):
        raw = tok.group()
        word = raw.strip(",.;:()")
        if word and word[0].isupper() and word.isalpha() and not raw.startswith("("):
            if not current:
                before = previous
            current.append(word)
            if raw.endswith((",", ";", ":", ")")):
                runs.append((current, before))
                current = []
        elif current:
            runs.append((current, before))
            current = []
        previous = word.lower()
    if current:
        runs.append((current, before))
    names = [
        r
        for r, prev in runs
        if (3 <= len(r) <= 4 or (titled and len(r) == 2))
        and r[0] not in lex.not_name_starts
        and not lex.levels.match(prev)
    ]
    return " ".join(names[-1]) if names else None


# ---------------------------------------------------------------------------------------------
# Merging


def _issuer_core(issuer: str, lex: _Lexicon) -> str:
    """The issuing body: "Chủ tịch UBND tỉnh" and "UBND tỉnh" are one issuer."""
    core = lex.titles.sub("", issuer.strip())
    return fold(core or issuer)


def _compatible(a: RecipientKind | None, b: RecipientKind | None) -> bool:
    return a is None or b is None or a == b


def _merge(mentions: list[_Mention], rules: RuleSet, lex: _Lexicon) -> list[Award]:
    """One record per (type, issuing body); mentions without an issuer join the award they fit."""
    awards: list[Award] = []
    cores: list[str] = []
    issuerless: list[_Mention] = []
    for m in mentions:
        if not m.issuer:
            issuerless.append(m)
            continue
        for issuer in [m.issuer, *m.extra_issuers]:
            _add(awards, cores, m, issuer, rules, lex)
    for m in issuerless:
        same = [a for a in awards if a.type == m.type]
        fits = [a for a in same if _compatible(a.recipient_kind, m.recipient_kind)]
        by_body = [a for a in fits if a.issuer and _issuer_core(a.issuer, lex) in fold(m.left_clause)]
        target = (by_body or fits or (same if len(same) == 1 else []) or [None])[0]
        if target is None:
            awards.append(_award(m, None, rules))
            cores.append("")
        else:
            _absorb(target, m)
    awards.sort(key=lambda a: a.evidence.start)
    return awards


def _add(
    awards: list[Award], cores: list[str], m: _Mention, issuer: str, rules: RuleSet, lex: _Lexicon
) -> None:
    core = _issuer_core(issuer, lex)
    for i, a in enumerate(awards):
        if a.type != m.type or not cores[i]:
            continue
        if core == cores[i]:
            _absorb(a, m)
            return
        longer, shorter = (core, cores[i]) if len(core) > len(cores[i]) else (cores[i], core)
        if longer.startswith(shorter + " "):  # "UBND huyện" then "UBND huyện A": the same body
            if core is longer:
                a.issuer, cores[i] = issuer, core
            _absorb(a, m)
            return
    awards.append(_award(m, issuer, rules))
    cores.append(core)


def _award(m: _Mention, issuer: str | None, rules: RuleSet) -> Award:
    factor = 1.0 if issuer else 0.8
    return Award(
        type=m.type,
        name=m.name,
        issuer=issuer,
        recipients=list(m.recipients),
        recipient_count=m.recipient_count,
        recipient_kind=m.recipient_kind,
        presenter=m.presenter,
        evidence=Evidence(text=m.sentence.text, start=m.sentence.start, end=m.sentence.end),
        rule=m.construction or m.rule,
        ruleset=rules.name,
        confidence=round(m.confidence * factor, 3),
    )


def _absorb(a: Award, m: _Mention) -> None:
    """Fold one more mention of the same award into its record."""
    for r in m.recipients:
        if fold(r) not in {fold(x) for x in a.recipients}:
            a.recipients.append(r)
    if m.recipient_count is not None:
        a.recipient_count = max(a.recipient_count or 0, m.recipient_count)
    if a.recipient_kind is None:
        a.recipient_kind = m.recipient_kind
    if a.presenter is None:
        a.presenter = m.presenter
    if m.name and (a.name is None or len(m.name) > len(a.name)):
        a.name = m.name
