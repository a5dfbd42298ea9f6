"""Who grants a distinction: the constructions of the rule set around the distinction noun.

* ``of_issuer``      "Bằng khen của Bộ trưởng Bộ Công an, của Chủ tịch UBND tỉnh" (a list);
* ``by_issuer``      "Giấy khen do Giám đốc Công an tỉnh trao tặng" (the agent after "do");
* ``by_decision``    "Bằng khen theo Quyết định số 5 của Chủ tịch UBND tỉnh" (the decision's author);
* ``agent_passive``  "được Bộ Công an tặng Kỷ niệm chương";
* ``issuer_grants``  "UBND tỉnh tặng Cờ thi đua" (the clause before the verb is a body);
* ``on_behalf``      "Thừa ủy quyền của Chủ tịch nước, ..." (the mandating body grants);
* ``issuer_commends`` / ``agent_commends``: the same for the generic "khen thưởng".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extract.awards.lexicon import TOKEN, Lexicon
from extract.awards.mentions import Clause, Mention
from extract.awards.people import names_person
from extract.names import is_name_syllable, same_person
from extract.records import Official
from extract.ruleset import RuleSet
from extract.spelling import fold

# "Đồng chí", "ông", "bà" before a post in a subject.
_ADDRESS = re.compile(r"^(?:[Đđ]ồng chí|[Ôô]ng|[Bb]à)\s+")
_GAP = re.compile(r" +")
# A party before the body it governs with ("Đảng, Nhà nước", "Đảng và Nhà nước"), see mandate_parties.
_PARTY_BEFORE = re.compile(r"([^\W\d_]+)(?:\s*,\s*|\s+và\s+)")
# "... của <issuer>" ending a subject that is no issuer itself (a decision, a letter).
_OF_AT_END = re.compile(r"(?<![^\W\d_])của\s+((?:(?!\bcủa\b).)+)$")


def find_issuers(
    c: Clause, rules: RuleSet, lex: Lexicon, officials: Sequence[Official]
) -> tuple[list[str], str | None, int, bool]:
    """(issuers, construction rule id, where the issuer list ends, guessed) of coordinated distinctions.

    ``guessed``: the issuer is the body of whoever hands the distinction over ("Đại diện lãnh đạo
    UBND phường A trao giấy khen"), or read through "thay mặt lãnh đạo ...", not said to grant it;
    another mention of the award that names its issuer outright wins (see :mod:`.merge`).
    """
    text, left, clause, sentence, last = c.text, c.left, c.clause, c.sentence, c.group[-1]
    generic = c.group[0].type == lex.generic_type
    issuers, after, construction = _issuers_after(text, last.end, sentence.end, rules, lex, bare=not generic)
    issuers = [lex.country.sub("", _without_official(i, lex, officials)) for i in issuers]
    issuers = [_named_before(text, c.sentence.start, c.group[0].start, i, lex) for i in issuers]
    guessed = False
    if not issuers:
        passive = "agent_commends" if generic else "agent_passive"
        agents = _agent_passive(clause, rules.compiled[passive], lex, officials)
        if agents:
            issuers, construction = agents, passive
    if not issuers and (mandate := _on_behalf(clause, rules, lex)):
        # "Thừa ủy quyền của Bộ trưởng Bộ Công an, Đại tá X, Giám đốc Công an tỉnh trao ...": the
        # mandate of the clause names the issuer, not the post of the person handing it over
        (issuer, guessed), construction = mandate, "on_behalf"
        issuers = [issuer]
    if not issuers and not rules.compiled["receives"].search(left):
        verb_rule = "issuer_commends" if generic else "issuer_grants"
        subjects, guessed = _subject_issuers(clause, rules.compiled[verb_rule], lex, officials)
        if subjects:
            issuers, construction = subjects, verb_rule
    if not issuers and (mandate := _on_behalf(left, rules, lex)):
        (issuer, guessed), construction = mandate, "on_behalf"
        issuers = [issuer]
    return issuers, construction, after, guessed and bool(issuers)


def _named_before(text: str, start: int, end: int, issuer: str, lex: Lexicon) -> str:
    """The full name of a body the sentence names before its distinction and refers back to by its
    first words ("Trung ương Hội Nông dân Việt Nam tổ chức gặp mặt và trao Bằng khen của Trung
    ương hội": "Trung ương" is that body), else ``issuer`` as read."""
    at = text.find(issuer, start, end)
    while at >= 0:
        if at == start or not text[at - 1].isalnum():
            full = text[at : scan_issuer(text, at, end, lex, allow_level_start=False)]
            if (
                len(full) > len(issuer)
                and full[len(issuer)] == " "
                and lex.issuer_start.match(full, len(issuer) + 1)
            ):
                return full  # the body's own head follows the words ("Trung ương" + "Hội Nông dân ...")
        at = text.find(issuer, at + 1, end)
    return issuer


def clause_start(left: str, lex: Lexicon, dashes: bool = True) -> int:
    """Where the clause ending at the distinction starts: after the last ';' or ':', a dateline, or
    reported speech ("Ông A, Chủ tịch UBND xã cho biết, năm nay xã được ... tặng").  A colon
    opening the list of what the clause grants ("tặng thưởng ... như: 4 Huân chương") ends nothing.

    Other commas do not end it: "Đại tá X, Phó Giám đốc Công an tỉnh trao ..." is one clause.
    Without ``dashes`` a dash does not either: "Đại tá X – Phó Giám đốc Công an tỉnh trao ..." (a
    caption's name and post) is read whole for the person handing the award over.
    """
    cut = 0
    for m in re.finditer(r";\s*|:\s*|^[^,]{0,40}\s[–-]\s", left):
        if m.group()[0] not in ";:" and (not dashes or _dash_in_name(left, m.end(), lex)):
            continue
        if m.group()[0] == ":" and lex.list_opener.search(left, cut, m.start()):
            continue  # "... đã tặng thưởng nhiều phần thưởng cao quý như: 4 Huân chương": one clause
        cut = m.end()
    for m in lex.speech.finditer(left, cut):
        cut = m.end()
    return cut


def _dash_in_name(left: str, after: int, lex: Lexicon) -> bool:
    """Whether the dash ending before ``after`` joins the words of one body's name ("Hội đồng Thi
    đua - Khen thưởng tỉnh tặng ..."), not a dateline's place from its news."""
    dash = max(left.rfind("-", 0, after), left.rfind("–", 0, after))
    for start in range(max(0, dash - 40), dash):
        if start == 0 or left[start - 1] == " ":
            piece = lex.issuer_piece.match(left, start)
            if piece is not None and piece.end() > dash:
                return True
    return False


def scan_issuer(text: str, pos: int, limit: int, lex: Lexicon, allow_level_start: bool) -> int:
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
        if cursor >= limit or lex.stop.match(text, cursor) or lex.distinction.match(text, cursor):
            break  # "... của Chủ tịch nước và Huy hiệu ...": the next distinction is no part of it
        piece = lex.issuer_piece.match(text, cursor)
        if piece is not None and piece.end() <= limit:
            end = cursor = piece.end()
            after_capital = piece.group().split()[-1][0].isupper()  # "Bộ" + "đội Biên phòng"
            if lex.purpose_named.fullmatch(piece.group()):
                end = cursor = _purpose_end(text, cursor, limit, lex)
            continue
        if (bracket := _BRACKETED_NAME.match(text, cursor, limit)) is not None and (
            text[bracket.end()].isupper() or lex.levels.match(text[bracket.end() : limit])
        ):
            # "Nhà nước Cộng hòa dân chủ nhân dân (CHDCND) Lào", "Ủy ban nhân dân (UBND) tỉnh A"
            end = cursor = bracket.end()
            continue
        tok = TOKEN.match(text, cursor)
        if tok is None or tok.end() > limit:
            break
        word = tok.group()
        if (
            word in lex.level_short
            and (dot := _LEVEL_DOT.match(text, tok.end(), limit)) is not None
            and _name_after_dot(text, dot, limit)
        ):
            end = cursor = dot.end()  # "TP.Đông Lâm", "TP. Đông Lâm": the abbreviated level's dot
            after_capital = True
            continue
        if word[0].isupper() or word.isdigit():
            end = cursor = _joined_abbreviation(text, tok.end(), limit) if word.isupper() else tok.end()
            after_capital = word[0].isupper()
            continue
        if word == "và" and lex.issuer_start.match(text, tok.end() + 1):
            break  # "của Quận ủy A và Đoàn Thanh niên B": a second issuer, not a word of the first
        if after_capital and _closes_name(text, tok.end(), limit, lex):
            end = cursor = tok.end()
            after_capital = False
            continue
        break
    return end


# A bracketed abbreviation inside a name, the name going on with a capital after it.
_BRACKETED_NAME = re.compile(r"\([A-ZĐ][A-ZĐ&-]{1,11}\) +(?=[^\W\d_])")


# The dot after an abbreviated level word, a capitalised name after it ("TP.Đông Lâm", "TP. Đông Lâm").
_LEVEL_DOT = re.compile(r"\. ?(?=[^\W\d_])")


def _name_after_dot(text: str, dot: re.Match[str], limit: int) -> bool:
    """Whether a place's name follows the dot of an abbreviated level: a capital right after it
    ("TP.Đông Lâm"), or after its space two capitalised syllables ("TP. Đông Lâm", not "TP. Sau đó")."""
    words = text[dot.end() : limit].split(maxsplit=2)
    if not words or not words[0][:1].isupper():
        return False
    return not dot.group().endswith(" ") or (len(words) > 1 and words[1][:1].isupper())


# "-ĐT" of "GD-ĐT", "&XH" of "LĐ-TB&XH": a joined part of an abbreviated sector name.
_JOINED_PART = re.compile(r"[-&][^\W\d_]+")


def _joined_abbreviation(text: str, pos: int, limit: int) -> int:
    """End of an abbreviation whose capitalised parts are joined by '-' or '&' ("Bộ trưởng GD-ĐT",
    "Sở LĐ-TB&XH"), from the end ``pos`` of its first part: one word of the issuer, not cut at '-'."""
    while (part := _JOINED_PART.match(text, pos, limit)) is not None and part.group()[1:].isupper():
        pos = part.end()
    return pos


def _purpose_end(text: str, pos: int, limit: int, lex: Lexicon, most: int = 14) -> int:
    """After "Ban Chỉ đạo": the end of its purpose, read up to the level word it closes with ("xây
    dựng phong trào toàn dân bảo vệ an ninh Tổ quốc| tỉnh"); ``pos`` when no level word comes
    within ``most`` words, before a stop word, a distinction or punctuation."""
    cursor = pos
    for _ in range(most):
        gap = lex.compound_comma.match(text, cursor) or _GAP.match(text, cursor)  # "phòng, chống"
        if gap is None or gap.end() >= limit:
            return pos
        at = gap.end()
        level = lex.levels.match(text[at:limit])
        if level is not None and _closes_name(text, at + level.end(), limit, lex):
            return cursor  # not "xã hội" of "phòng, chống tội phạm và tệ nạn xã hội huyện A"
        if lex.stop.match(text, at) or lex.distinction.match(text, at):
            return pos
        tok = TOKEN.match(text, at)
        if tok is None or tok.end() > limit:
            return pos
        cursor = tok.end()
    return pos


def _closes_name(text: str, pos: int, limit: int, lex: Lexicon) -> bool:
    """After a lowercase syllable: is what follows still part of a name (capital, level, end)?"""
    rest = text[pos:limit].lstrip(" ")
    if not rest or not rest[0].isalnum():
        return True
    if lex.distinction.match(rest):
        return False
    if lex.stop.match(rest) or lex.levels.match(rest):
        return True
    return rest[0].isupper()


def _issuers_after(
    text: str, pos: int, limit: int, rules: RuleSet, lex: Lexicon, bare: bool = True
) -> tuple[list[str], int, str | None]:
    """The issuer list after a distinction ("của A, của B và C", "do A trao tặng"): the issuers,
    where the list ends and the construction that read it.  ``bare``: an issuer head right after
    it counts too ("Bằng khen UBND tỉnh"); not after the verb "khen thưởng", whose object is the
    one commended ("khen thưởng Ban chuyên án")."""
    construction = "of_issuer"
    m = rules.compiled["of_issuer"].match(text, pos, limit)
    if m is None and (gift := lex.objects_after.match(text, pos, limit)) is not None:
        # "giấy khen và tiền thưởng của Giám đốc Công an tỉnh": both are the issuer's
        m = rules.compiled["of_issuer"].match(text, gift.end(), limit)
    if m is None and (m := rules.compiled["by_issuer"].match(text, pos, limit)) is not None:
        construction = "by_issuer"
    decision = rules.compiled.get("by_decision")  # absent from older rule sets
    if m is None and decision is not None and (m := decision.match(text, pos, limit)) is not None:
        construction = "by_decision"  # "Bằng khen theo Quyết định số 5 của Chủ tịch UBND tỉnh"
    if m is None and not bare:
        return [], pos, None
    if m is None:
        # "Bằng khen UBND tỉnh": an issuer head right after the distinction, without "của".
        start = pos + len(text[pos:limit]) - len(text[pos:limit].lstrip(" "))
        end = scan_issuer(text, start, limit, lex, allow_level_start=False)
        if end > start and lex.issuer_start.match(text, start) and not lex.bare_excluded.match(text, start):
            return [text[start:end]], end, construction
        return [], pos, None
    party = _PARTY_BEFORE.match(text, m.end(), limit)
    if party is not None and lex.mandate_parties.match(party.group(1)):
        # "Huân chương ... của Đảng, Nhà nước": the party and the State, one issuer as written
        end = scan_issuer(text, party.end(), limit, lex, allow_level_start=False)
        if end > party.end():
            return [text[m.end() : end]], end, construction
    spans, cursor = _issuer_list(text, m.end(), limit, lex)
    if not spans:  # "giấy khen của giám đốc công an tỉnh": read as if capitalised, quoted as written
        spans, cursor = _issuer_list(_capitalised(text, m.end(), limit, lex), m.end(), limit, lex)
    issuers = [text[start:end] for start, end in spans]
    return (issuers, cursor, construction) if issuers else ([], pos, None)


def _capitalised(text: str, pos: int, limit: int, lex: Lexicon) -> str:
    """The text with the lowercase heads and titles between ``pos`` and ``limit`` capitalised."""
    return text[:pos] + lex.cased(text[pos:limit]) + text[limit:]


def _issuer_list(text: str, pos: int, limit: int, lex: Lexicon) -> tuple[list[tuple[int, int]], int]:
    """Spans of the issuers listed from ``pos`` ("A, của B và C") and where the list ends."""
    issuers: list[tuple[int, int]] = []
    cursor = pos
    first = True
    while True:
        end = scan_issuer(text, cursor, limit, lex, allow_level_start=not first)
        if end == cursor:
            break
        issuers.append((cursor, end))
        first = False
        sep = re.compile(r"\s*(?:,\s*(?:và\s+)?|\s+và\s+)(?:của\s+)?").match(text, end, limit)
        if sep is None:
            cursor = end
            break
        cursor = sep.end()
    return issuers, cursor


def _agent_passive(
    clause: str, passive_re: re.Pattern[str], lex: Lexicon, officials: Sequence[Official]
) -> list[str]:
    """The agents of "được A tặng", "được A, B và C khen thưởng" (each a whole issuer); of "được
    Thủ tướng Chính phủ Lý Văn B tặng", the post; "được Đảng và Nhà nước tặng" is one agent, the
    party governing with the State (lexicon ``agent_parties``)."""
    m = passive_re.search(clause)
    if m is None:
        return []
    agent = m.group("agent")
    agent = _post_before_name(agent, lex, officials) or agent
    if _whole_issuer(agent, lex):
        return [agent]
    if _party_and_body(agent, lex.agent_parties, lex):
        return [agent]  # "được Đảng và Nhà nước tặng thưởng": one issuer as written (setting same_issuers)
    agents = [a.strip() for a in re.split(r",\s*(?:và\s+)?|\s+và\s+", agent)]
    return agents if len(agents) > 1 and all(_whole_issuer(a, lex) for a in agents) else []


def _party_and_body(phrase: str, parties: re.Pattern[str], lex: Lexicon) -> bool:
    """Whether ``phrase`` is a party before the body it governs with ("Đảng và Nhà nước", "Đảng,
    Nhà nước"): one issuer as written, the body's (setting same_issuers)."""
    party = _PARTY_BEFORE.match(phrase)
    return (
        party is not None
        and bool(parties.match(party.group(1)))
        and _whole_issuer(phrase[party.end() :], lex)
    )


def _on_behalf(left: str, rules: RuleSet, lex: Lexicon) -> tuple[str, bool] | None:
    """The body a mandate names ("Thừa ủy quyền của Chủ tịch nước, ..."), and whether it is a guess.

    "Thay mặt lãnh đạo Đảng, Nhà nước, đồng chí A trao ...": the fillers ("lãnh đạo") are skipped and
    the parties that grant nothing of their own ("Đảng") passed over; the issuer so read is a guess.
    """
    m = rules.compiled["on_behalf"].search(left)
    if m is None:
        return None
    pos, guessed = m.end(), False
    filler = lex.mandate_fillers.match(left[pos:])
    if filler is not None:
        pos, guessed = pos + filler.end(), True
    first = pos
    while pos < len(left):
        end = scan_issuer(left, pos, len(left), lex, allow_level_start=False)
        if end > pos:
            return left[first:end], guessed  # "Đảng, Nhà nước" as written (setting same_issuers)
        party = re.match(r"([^\W\d_]+)(?:\s*,\s*|\s+và\s+)", left[pos:])
        if party is None or not lex.mandate_parties.match(party.group(1)):
            return None
        pos += party.end()
    return None


def _subject_issuers(
    clause: str, verb_re: re.Pattern[str], lex: Lexicon, officials: Sequence[Official]
) -> tuple[list[str], bool]:
    """The bodies before a granting verb ("Bộ Công an đã trao tặng"), never a person, and whether
    they may only hand the distinction over: an envoy's body ("Đại diện UBND phường A trao"), a body
    that "trao" without "tặng".

    Coordinated bodies each grant ("UBND tỉnh, Công an tỉnh và UBND huyện A khen thưởng ...").
    """
    verb = verb_re.search(clause)
    if verb is None:
        return [], False
    subject = clause[: verb.start()].rstrip(" ,")
    # The subject is the last comma-separated part that starts with an issuer head.
    parts = [p.strip() for p in lex.comma.split(subject)]  # not "Ban Chỉ đạo phòng, chống ..."
    if len(parts) > 1 and lex.mandate_parties.match(lex.openers.sub("", parts[-2]).strip()):
        # "Đảng, Nhà nước đã quyết định tặng thưởng ...": the party and the State, one issuer as written
        parts = [*parts[:-2], f"{lex.openers.sub('', parts[-2]).strip()}, {parts[-1]}"]
    if len(parts) > 1 and _place_of_previous(parts, lex):
        parts = parts[:-1]  # "Trưởng Công an xã A, huyện B trao": the commune's district, no issuer
    candidate = parts[-1] if parts else ""
    candidate = lex.openers.sub("", candidate)
    envoy = lex.envoys.match(candidate)
    candidate = lex.envoys.sub("", candidate)  # "Đại diện lãnh đạo UBND phường A trao": the body
    if envoy is None and not _whole_issuer(candidate, lex):
        # "Tại buổi tổng kết lãnh đạo Công đoàn ngành đã trao ...": an opener without its comma
        # (an opener, not a body granting beside the envoy: "Chủ tịch UBND huyện A và lãnh đạo Công an
        # huyện khen thưởng ..." names the one who grants first)
        inside = [
            m
            for m in lex.envoy_inside.finditer(candidate)
            if _whole_issuer(candidate[m.end() :], lex)
            and not lex.issuer_start.search(candidate[: m.start()])
        ]
        if inside:
            envoy, candidate = inside[-1], candidate[inside[-1].end() :]
    candidate = _ADDRESS.sub("", candidate)  # "Đồng chí Giám đốc Công an tỉnh tặng": the post grants
    apposed = _DASH.split(candidate)
    if len(apposed) == 2 and names_person(apposed[0], lex, officials) and _whole_issuer(apposed[1], lex):
        candidate = apposed[1]  # "Đại tá A - Giám đốc Công an tỉnh B đã trao": the post after the name
    if candidate and len(parts) > 1 and names_person(candidate, lex, officials):
        # "Giám đốc Công an tỉnh, Đại tá Lê Văn A trao ...": the post in apposition before the name
        candidate = _post_in_apposition(parts[-2], lex) or candidate
    deputy = lex.deputy.match(_ADDRESS.sub("", candidate))
    if deputy is not None:
        # a deputy hands over in the name of the body: "Phó Chủ tịch UBND huyện A trao giấy khen"
        # guesses UBND huyện A, as an envoy would
        body = lex.titles.sub("", _ADDRESS.sub("", candidate))
        if (split := _split_name(body, lex, officials)) is not None:
            body = split[0]  # "Phó Giám đốc Công an tỉnh Lê Văn A trao": not the name
        return ([body], True) if body and _whole_issuer(body, lex) else ([], False)
    if candidate and (post := _post_before_name(candidate, lex, officials)) is not None:
        candidate = post  # "Thủ tướng Chính phủ Phạm Minh Chính quyết định tặng": the post grants
    elif candidate and names_person(candidate, lex, officials):
        return [], False
    if not candidate:
        return [], False
    if _party_and_body(candidate, lex.mandate_parties, lex):
        return [candidate], envoy is not None  # "Đảng và Nhà nước tặng ...", "Đảng, Nhà nước tặng ..."
    pieces = re.split(r"\s+và\s+", candidate)
    if len(pieces) > 1 and all(_whole_issuer(p, lex) for p in pieces):
        bodies = _with_listed_before(pieces, parts, lex, officials)  # "UBND huyện A và UBND xã B khen thưởng"
    elif _whole_issuer(candidate, lex) or _named_unit(candidate, lex):
        bodies = _with_listed_before([candidate], parts, lex, officials)  # "UBND tỉnh, Công an tỉnh tặng"
    elif (decision := _OF_AT_END.search(candidate)) and _whole_issuer(decision.group(1), lex):
        bodies = [
            decision.group(1)
        ]  # "Quyết định số 5 của Chủ tịch UBND tỉnh tặng ...": the decision's author
    elif (body := _next_clause_subject(pieces, subject, lex, officials)) is not None:
        bodies = [body]  # "A tặng Cờ thi đua cho 3 tập thể và Công an tỉnh tặng Giấy khen ..."
    elif (body := _shared_verb_subject(candidate, lex, officials)) is not None:
        bodies = [body]  # "A đã trao 40 triệu đồng cho B và tặng Bằng khen cho ...": A's
    else:
        return [], False
    if any(lex.deputy.match(b) for b in bodies):  # a deputy's post among coordinated bodies
        return [], False
    # "Công an huyện A trao Giấy khen": a body that only hands over ("trao", not "tặng") may be the
    # presenter of another's award, as an envoy is
    hands_over = re.search(r"(?i)(?<![^\W\d_])trao\s+(?:\d+\s+)?$", verb.group()) is not None
    return bodies, envoy is not None or hands_over


_DASH = re.compile(r"\s[-–]\s")


def _place_of_previous(parts: list[str], lex: Lexicon) -> bool:
    """Whether the last part of a subject only locates the part before it: a lowercase level word
    and a name ("huyện B" of "Trưởng Công an xã A, huyện B") after a whole issuer."""
    last = parts[-1]
    # "Phó Trưởng Công an huyện A, tỉnh B": the deputy's post, read without "Phó"
    previous = lex.deputy.sub("", _ADDRESS.sub("", lex.openers.sub("", parts[-2]).strip())).strip()
    return (
        last[:1].islower()
        and _named_unit(last, lex)
        and _whole_issuer(previous, lex)
        and any(lex.levels.match(word) for word in previous.split())
    )


def _with_listed_before(
    bodies: list[str], parts: list[str], lex: Lexicon, officials: Sequence[Official]
) -> list[str]:
    """The subject's bodies with the whole issuers listed before them, comma by comma ("UBND tỉnh,
    Công an tỉnh, ..." before "UBND huyện A và UBND xã B"; "UBND tỉnh, Giám đốc Công an tỉnh đã
    tặng ..."): each grants.  The list ends at a part that is no issuer ("Tại hội nghị", a person)."""
    bodies = list(bodies)
    for part in reversed(parts[:-1]):
        part = part.strip()
        if lex.openers.match(part) or not _whole_issuer(part, lex) or names_person(part, lex, officials):
            break  # "Tại Hội nghị, Ban Giám đốc Công an tỉnh đã khen thưởng": a place, no issuer
        bodies.insert(0, part)
    return bodies


def _next_clause_subject(
    pieces: list[str], subject: str, lex: Lexicon, officials: Sequence[Official]
) -> str | None:
    """The body after the last "và" of a subject whose earlier part gave a distinction of its own
    ("UBND tỉnh tặng Cờ thi đua cho 3 tập thể| và |Công an tỉnh"; "được Bộ Công an tặng Cờ thi
    đua| và |Giám đốc Công an tỉnh"): "và" joins two clauses, the second with its own subject.
    That distinction may stand commas before the "và" ("A tặng Bằng khen 3 tập thể, 5 cá nhân và
    B tặng Giấy khen ..."): the whole ``subject`` before the last piece is searched."""
    if len(pieces) < 2:
        return None
    earlier = subject[: subject.rfind(pieces[-1])] if pieces[-1] in subject else " và ".join(pieces[:-1])
    if not lex.distinction.search(earlier):
        return None
    last = pieces[-1].strip()
    if not _whole_issuer(last, lex) or names_person(last, lex, officials):
        return None
    return last


def _shared_verb_subject(candidate: str, lex: Lexicon, officials: Sequence[Official]) -> str | None:
    """The subject of an earlier granting verb the verb after "và" shares ("UBND tỉnh A đã tặng
    thưởng 40 triệu đồng cho Công an huyện và| tặng Bằng khen ..."): one subject, two verbs.  An
    earlier distinction shares its issuer its own way (rule shared_subject)."""
    if not candidate.endswith(" và") or lex.distinction.search(candidate):
        return None
    first = lex.grants.search(candidate)
    if first is None:
        return None
    head = candidate[: first.start()].strip(" ,")
    return head if head and _whole_issuer(head, lex) and not names_person(head, lex, officials) else None


def _without_official(issuer: str, lex: Lexicon, officials: Sequence[Official]) -> str:
    """The issuer without the name of an official of the article holding the post ("Bằng khen của
    Bộ trưởng Bộ Công an Lê Văn A": the post grants).  Only an official's name is cut: three name
    syllables may end a body's name ("... Hồ Chí Minh")."""
    split = _split_name(issuer, lex, officials)
    if split is None:
        return issuer
    post, name = split
    known = any(same_person(name, o.name) or fold(name) == fold(o.name) for o in officials)
    return post if known else issuer


def _post_in_apposition(part: str, lex: Lexicon) -> str | None:
    """The part before a person's name in a subject ("Giám đốc Công an tỉnh" of "Giám đốc Công an
    tỉnh, Đại tá Lê Văn A trao ..."), when it is a post: a title or a granting post with its body,
    read whole.  A deputy's post is returned too; the caller makes its body a guess, as for "Phó
    Giám đốc Công an tỉnh trao ..."."""
    post = _ADDRESS.sub("", lex.openers.sub("", part.strip()))
    bare = lex.deputy.sub("", post).strip()
    if not (lex.titles.match(bare) or lex.granting_posts.match(bare)) or not _whole_issuer(bare, lex):
        return None
    return post


def _post_before_name(phrase: str, lex: Lexicon, officials: Sequence[Official]) -> str | None:
    """The post of "<post> <Name>" ("Chủ tịch UBND tỉnh Lê Văn A"), when it grants in its own name.

    The post starts with a title or is one of ``granting_posts`` ("Thủ tướng Chính phủ") and is a
    whole issuer; the name is an official's of the article, or 3-4 name syllables not after a level
    word, where they are a place ("UBND huyện Bắc Trà My"; "Ủy ban MTTQ Việt Nam" names no one).  A deputy's
    post grants nothing: he hands the distinction over.
    """
    split = _split_name(phrase, lex, officials)
    if split is None:
        return None
    post = split[0]
    if lex.deputy.match(post) or not (lex.titles.match(post) or lex.granting_posts.match(post)):
        return None
    return post


def _split_name(phrase: str, lex: Lexicon, officials: Sequence[Official]) -> tuple[str, str] | None:
    """(issuer, name) of "<issuer> <Name>" ("Công an tỉnh", "Lê Văn A"), when the phrase ends with a
    person's name: an official's of the article, or 3-4 name syllables not after a level word.

    An official's name is looked for first, at every length: a place's last syllable before it
    is a name syllable too ("Chủ tịch UBND tỉnh Đông Lâm Lê Văn A" is not "... Đông" and "Lâm Lê Văn A").
    """
    words = phrase.split()
    sizes = [
        size for size in (4, 3, 2) if len(words) > size and all(is_name_syllable(w) for w in words[-size:])
    ]
    for size in sizes:
        post, name = " ".join(words[:-size]), " ".join(words[-size:])
        known = any(same_person(name, o.name) or fold(name) == fold(o.name) for o in officials)
        if known and _whole_issuer(post, lex):
            return post, name
    for size in sizes:
        post, name = " ".join(words[:-size]), " ".join(words[-size:])
        if size >= 3 and not lex.levels.match(words[-size - 1]) and _whole_issuer(post, lex):
            return post, name
    return None


def _named_unit(phrase: str, lex: Lexicon) -> bool:
    """A unit named as the subject that grants: "Xã Mường Chanh tặng Giấy khen" (its authority)."""
    level = lex.levels.match(phrase)
    if level is None or not phrase[level.end() :].strip()[:1].isupper():
        return False
    end = scan_issuer(phrase, 0, len(phrase), lex, allow_level_start=True)
    return end > 0 and not phrase[end:].strip()


def whole_issuer(phrase: str, lex: Lexicon) -> bool:
    """Whether the whole phrase is one issuer ("UBND huyện A"), as the scanner reads it."""
    return _whole_issuer(phrase, lex)


def _whole_issuer(phrase: str, lex: Lexicon) -> bool:
    """Whether the whole phrase is one issuer ("UBND huyện A"), as the scanner reads it."""
    end = scan_issuer(phrase, 0, len(phrase), lex, allow_level_start=False)
    return end > 0 and not phrase[end:].strip()


def _in_turn(ranked: list[Mention], issuers: list[str]) -> list[tuple[Mention, str]]:
    """Issuers in the order written over distinctions from the highest: each issuer one, the first
    the surplus higher ones ("UBND huyện, Công an huyện tặng cờ, bằng khen, giấy khen": the district
    the flag and the certificate of merit, its police the commendation), the last issuer also any
    distinction left without one."""
    surplus = len(ranked) - len(issuers)
    if surplus > 0:
        return [(m, issuers[0]) for m in ranked[: surplus + 1]] + list(
            zip(ranked[surplus + 1 :], issuers[1:], strict=True)
        )
    pairs = list(zip(ranked, issuers, strict=False))
    return pairs + [(ranked[-1], iss) for iss in issuers[len(ranked) :]]


def assign_issuers(group: list[Mention], issuers: list[str], construction: str | None, lex: Lexicon) -> None:
    """Distribute issuers over coordinated distinctions.

    One distinction: it gets every issuer (several awards).  As many distinctions as issuers: each
    in turn ("Bộ Công an, UBND tỉnh, Giám đốc Công an tỉnh tặng Bằng khen, Cờ thi đua và Giấy
    khen").  Otherwise the higher distinctions go to the high issuers (ministries, province), the
    lower to the rest, as the emulation law assigns them.  The mention records the first issuer;
    extra ones become copies of the mention.
    """
    if not issuers:
        return
    if len(group) == 1 or len(issuers) == 1:
        pairs = [(m, iss) for m in group for iss in issuers]
    elif len(group) == len(issuers):  # "A, B, C tặng X, Y và Z": each in turn ("lần lượt")
        pairs = list(zip(group, issuers, strict=True))
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
            pairs = _in_turn(ranked, issuers)
    extra: dict[int, list[str]] = {}
    for m, iss in pairs:
        extra.setdefault(id(m), []).append(iss)
    for m in group:
        assigned = extra.get(id(m), [])
        # "cờ thi đua và bằng khen của Chủ tịch UBND tỉnh": the flag is the body's
        if m is not group[-1] and m.type in lex.body_granted_types:
            assigned = [_body_of(i, lex) for i in assigned]
        if assigned:
            m.issuer = assigned[0]
            m.construction = construction
            m.extra_issuers.extend(assigned[1:])


def _body_of(issuer: str, lex: Lexicon) -> str:
    """The body a head's post names ("UBND tỉnh" of "Chủ tịch UBND tỉnh"); a deputy's post or a
    post without a body after it stays as it is."""
    if lex.deputy.match(issuer):
        return issuer
    body = lex.titles.sub("", issuer, count=1)
    return body if body != issuer and _whole_issuer(body, lex) else issuer
