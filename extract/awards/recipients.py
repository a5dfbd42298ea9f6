"""Who receives a distinction: "... cho 2 cá nhân", "Công an xã A đón nhận ...", "được ... tặng".

Constructions ``recipients_for`` and ``receives`` of the rule set; a recipient phrase gives
names, a count and a kind (individual or collective).
"""

from __future__ import annotations

import re

from extract.awards.issuers import whole_issuer
from extract.awards.lexicon import TOKEN, Lexicon
from extract.awards.mentions import Clause
from extract.records import RecipientKind
from extract.ruleset import RuleSet

# "-Huế" of "Thừa Thiên-Huế": a hyphen inside a capitalised name
_JOINED = re.compile(r"-[^\W\d_]*[^\W\d_a-zđ][^\W_]*")
# (names, count, kind) of the recipients of a distinction
Recipients = tuple[list[str], int | None, RecipientKind | None]


def find_recipients(
    c: Clause, after: int, construction: str | None, rules: RuleSet, lex: Lexicon
) -> Recipients | None:
    """Who receives: "cho ..." after the award (and its issuers, ending at ``after``), else the
    subject of "nhận", "được ... tặng"."""
    recipients = _recipients_after(c.text, after, c.sentence.end, rules, lex)
    if recipients is None and c.group[0].type == lex.generic_type:  # "đã khen thưởng 5 tập thể"
        recipients = parse_recipients(c.text[c.end : c.sentence.end], lex)
    if recipients is None:
        recipients = _recipients_before(c.left, rules, lex)
    if recipients is None and construction in ("agent_passive", "agent_commends"):
        passive = rules.compiled[construction].search(c.clause)  # "Công an xã A được ... tặng"
        subject = subject_of(c.clause[: passive.start()], lex) if passive else ""
        recipients = parse_recipients(subject, lex) if subject else None
    return recipients


def _recipients_after(text: str, pos: int, limit: int, rules: RuleSet, lex: Lexicon) -> Recipients | None:
    rest = text[pos:limit]
    stop = re.search(r"[;]", rest)
    rest = rest[: stop.start()] if stop else rest
    m = rules.compiled["recipients_for"].search(rest)
    if m is None or m.start() > 120:
        return None
    return parse_recipients(rest[m.end() :], lex)


def _recipients_before(left: str, rules: RuleSet, lex: Lexicon) -> Recipients | None:
    m = rules.compiled["receives"].search(left)
    if m is None:
        return None
    subject = left[: m.start()]
    subject = subject_of(subject, lex)
    return parse_recipients(subject, lex) if subject else None


def subject_of(left: str, lex: Lexicon) -> str:
    """The subject of the clause ending ``left``: after ';', ':' and an opener phrase with its comma."""
    clause = re.split(r"[;:]\s*", left)[-1]
    parts = [p.strip() for p in clause.split(",")]
    while len(parts) > 1 and lex.openers.match(parts[0]):  # "Tại buổi lễ, 5 tập thể ..."
        parts = parts[1:]
    return ", ".join(parts).strip(" ,")


# The last item of a list, after its comma or "và".
_LAST_ITEM = re.compile(r"(?:,\s*|\s+và\s+)([^,]+?)\s*$")


def _without_next_subject(phrase: str, rest: str, lex: Lexicon) -> str:
    """The recipient phrase without the subject of the next clause: "cho 3 tập thể và Công an tỉnh"
    before "tặng Giấy khen ..." ends at "3 tập thể" (the body grants the next award, receives none)."""
    last = _LAST_ITEM.search(phrase)
    if last is None or not lex.grants.match(rest) or not whole_issuer(last.group(1).strip(), lex):
        return phrase
    return phrase[: last.start()]


def parse_recipients(phrase: str, lex: Lexicon) -> Recipients | None:
    """Names, count and kind of "2 cá nhân", "tập thể Công an phường A", "xã B và 3 tập thể",
    "đồng chí Đại tá C" (the name, not the rank)."""
    for tok in TOKEN.finditer(phrase):
        at = tok.start()
        if at > 0 and (lex.stop.match(phrase, at) or lex.recipient_stop.match(phrase, at)):
            phrase = _without_next_subject(phrase[:at], phrase[at:], lex)
            break
    phrase = re.split(r"[.;:()“”\"]", phrase)[0].strip(" ,")
    if not phrase:
        return None
    names: list[str] = []
    counts: list[int | None] = []  # per item: its count, 1 for a named one, None when unknown
    kinds: set[RecipientKind] = set()
    counted_people = False  # a part counted people ("2 cán bộ"): a name after it is no new recipient
    for part in re.split(r",\s*|\s+và\s+", phrase):
        # "Đại tá A - Phó Giám đốc Công an tỉnh": the person, not his post
        part = lex.determiners.sub("", re.split(r"\s[-–]\s", part.strip())[0])
        if not part:
            continue
        count = None
        num = lex.number.match(part)
        if num is not None:
            raw = num.group("n").lower()
            count = int(raw) if raw.isdigit() else lex.numbers.get(raw)
            part = lex.tally.sub("", part[num.end() :])  # "63 lượt tập thể"
        rank = lex.person_title.match(part)
        named_person = count is None and (
            (rank is not None and _is_person(part[rank.end() :].strip(), lex)) or _is_person(part, lex)
        )
        if named_person and counted_people:
            break  # "cho 2 cán bộ nói trên, Đại tá A, Phó Giám đốc ... đã ghi nhận": the next clause
        if count is None and rank is not None and _is_person(part[rank.end() :].strip(), lex):
            kinds.add(RecipientKind.individual)  # "Thượng sĩ Nguyễn Văn A"
            names.append(part[rank.end() :].strip())
            count = 1
        elif (noun := lex.individual.match(part)) is not None:
            if (
                count is None
                and names
                and kinds == {RecipientKind.individual}
                and not noun.group()[0].isupper()
            ):
                continue  # "ông A, tổ trưởng tổ dân phố B": the post of the person just named
            kinds.add(RecipientKind.individual)
            rest = part[noun.end() :].strip()
            rest = _proper(rest[m.end() :].strip() if (m := lex.person_title.match(rest)) else rest, lex)
            if rest and count is None:
                names.append(rest)
                count = 1
            counted_people = counted_people or num is not None
        elif (noun := lex.collective.match(part)) is not None:
            kinds.add(RecipientKind.collective)
            rest = part[noun.end() :].strip()
            named = bool(rest) and (rest[0].isupper() or rest[0].isdigit() or bool(lex.levels.match(rest)))
            # "Ban bảo vệ dân phố phường A", "Tổ tự quản ... thôn B": a body named by its purpose
            named = named or (part[0].isupper() and len(_proper(part, lex, body=True)) > noun.end())
            if count is None and named:
                # "Công an xã A", "xã B": the noun belongs to the name; "tập thể C": it does not.
                whole = part[0].isupper() or lex.levels.match(part) or lex.place_nouns.match(part)
                names.append(_proper(part if whole else rest, lex, body=True))
                count = 1
        elif count is None and _is_person(part, lex):
            kinds.add(RecipientKind.individual)
            names.append(part)
            count = 1
        else:
            continue
        counts.append(count)
    if not kinds:
        return None
    kind = next(iter(kinds)) if len(kinds) == 1 else None
    # "Công an xã A, Công an phường B và 3 cá nhân": 5; "các tập thể, cá nhân": unknown
    total = sum(c for c in counts if c is not None) if counts and all(c is not None for c in counts) else None
    return names, total, kind


def _proper(text: str, lex: Lexicon, body: bool = False) -> str:
    """The leading proper name of a phrase: capitalised words, digits, unit and body nouns.

    "xã A vinh dự" gives "xã A"; "Đảng bộ phường" stays whole ("bộ", "phường" belong to it).
    A body's name (``body``) goes on through the lowercase words of its kind ("Phòng Cảnh sát
    hình sự", "Bệnh viện Đa khoa A") up to where the phrase ends or another capital follows, but
    not after a place's name ("Công an xã A tiêu biểu": the place ends it).
    """
    end = pos = 0
    in_place = False  # the capitals read last name a unit ("xã A"), no lowercase word goes on
    capital = False  # the last word read was capitalised
    while pos < len(text):
        at = pos + len(text[pos:]) - len(text[pos:].lstrip())
        rest = text[at:]
        level = lex.levels.match(rest)
        piece = lex.collective.match(rest) or level or lex.individual.match(rest)
        if piece is not None and end > 0 and piece.group()[0].islower() and level is None:
            if not lex.place_nouns.match(rest):
                break  # "Công an TP A tổ chức lễ ...": a verb or a common noun after the name
        if piece is not None:
            end = pos = at + piece.end()
            in_place = in_place or level is not None or lex.place_nouns.match(rest) is not None
            capital = piece.group()[0].isupper()
            continue
        tok = TOKEN.match(text, at)
        if tok is None:
            break
        if tok.group()[0].isupper() or tok.group().isdigit():
            end = pos = tok.end()
            capital = True
            if (joined := _JOINED.match(text, pos)) is not None:
                end = pos = joined.end()  # "Thừa Thiên-Huế"
            continue
        if body and capital and not in_place and (run := _lowercase_run(text, at, lex)):
            end = pos = run
            capital = False
            continue
        break
    return text[:end]


def _lowercase_run(text: str, at: int, lex: Lexicon, most: int = 6) -> int:
    """End of up to ``most`` lowercase words at ``at`` that go on a body's name: the phrase ends
    after them, or a capital or a level word follows ("Bệnh viện| Mắt", "Cảnh sát hình sự| Công
    an tỉnh"); 0 if not."""
    cursor = at
    if lex.determiners.match(text[at:]):
        return 0  # "Công an các huyện": no name
    for _ in range(most):
        tok = TOKEN.match(text, cursor)
        if tok is None or not tok.group()[0].islower() or lex.levels.match(text[cursor:]):
            return 0
        cursor = tok.end()
        rest = text[cursor:].lstrip(" ")
        if not rest or not rest[0].isalnum():
            return cursor
        if rest[0].isupper() or rest[0].isdigit() or lex.levels.match(rest) or lex.place_nouns.match(rest):
            return cursor  # "Trung tâm Y tế| huyện A", "Tổ tự quản| thôn B"
        cursor = len(text) - len(rest)
    return 0


def _is_person(part: str, lex: Lexicon) -> bool:
    """2-4 capitalised syllables that do not start a post or a body: "Nguyễn Văn A"."""
    words = part.split()
    return 2 <= len(words) <= 4 and all(w[0].isupper() for w in words) and words[0] not in lex.not_name_starts
