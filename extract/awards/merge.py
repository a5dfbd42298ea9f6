"""One record per (type, issuing body): mentions of one award merged.

Mentions of one award (body and photo caption, "Bằng khen của UBND tỉnh" and "Bằng khen của Chủ
tịch UBND tỉnh", "giấy khen của UBND huyện" and "của UBND huyện A", "quyết định của Chủ tịch nước"
and "thay mặt lãnh đạo Đảng, Nhà nước") merge on type and issuer with the posts
(``issuer_titles``) stripped and one name per granting authority (setting ``same_issuers``).

Mentions are folded in three rounds, so that what the text says outright decides the issuer:

1. mentions naming their issuer ("Giấy khen của Chủ tịch UBND phường"), the body's before the
   headline's, as headlines shorten names ("Thủ tướng tặng bằng khen"); the distinction's own
   wording ("của", "do", "được ... tặng") wins over a clause subject's when it says more ("Bộ Công
   an tặng Bằng khen" in a caption, "Bằng khen của Bộ trưởng Bộ Công an" in the body);
2. mentions whose issuer is only guessed, the body of an envoy handing the award over ("Đại diện
   lãnh đạo UBND phường A trao giấy khen"): they join an award of the same type from the same
   body, or the one award of that type whose issuer is said (and recipients fit), keeping its
   issuer; beside several such awards they add none (a caption of one of them, "Lãnh đạo Công an
   tỉnh tặng Bằng khen ..." beside "Bằng khen của Bộ Công an" and "UBND tỉnh tặng Bằng khen");
   else they stand alone;
3. mentions naming no issuer: they join the same-type award they fit (same kind of recipients,
   presenter from the issuer's body), else stand alone; in the headline, naming a kind the body
   only proposes or rules on ("Tặng Kỷ niệm chương ..." over a guideline), they only join.

A generic "khen thưởng" from the body that also grants a named distinction in the article ("UBND
phường A tổ chức ngày hội và khen thưởng ..." beside "giấy khen của Chủ tịch UBND phường") is that
distinction, not another award; the one body an article says commends lends itself to the named
distinctions it gives no issuer; the rest take the issuer the law gives their kind, if any
(setting ``conventional_issuers``: "Huân chương" is the President's).
"""

from __future__ import annotations

import re

from extract.awards.lexicon import Lexicon
from extract.awards.mentions import Mention
from extract.document import Document
from extract.records import Award, RecipientKind
from extract.ruleset import RuleSet
from extract.spelling import fold


def issuer_core(issuer: str, lex: Lexicon) -> str:
    """The issuing body: "Chủ tịch UBND tỉnh" and "UBND tỉnh" are one issuer, and so are "UBND xã
    A" and "Xã A", "Chủ tịch nước" and "Nhà nước"."""
    # "Công an TP A" and "Công an thành phố A": the level spelled out
    issuer = lex.level_short_re.sub(lambda m: lex.level_short[m.group().rstrip(". ")] + " ", issuer).strip()
    folded = fold(issuer.strip())
    if folded in lex.same_issuers:
        return lex.same_issuers[folded]
    issuer = lex.cased(issuer.strip())  # "giám đốc công an tỉnh" is "Giám đốc Công an tỉnh"
    core = lex.titles.sub("", issuer) or issuer
    # "UBND xã A" and "Xã A tặng ...": the people's committee is the unit's authority
    bare = _PEOPLES_COMMITTEE.sub("", core)
    return fold(bare if lex.levels.match(bare) else core)


_PEOPLES_COMMITTEE = re.compile(r"^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+")


def _same_body(a: str, b: str) -> bool:
    """Cores of one body: equal, or one the other's start ("UBND huyện" and "UBND huyện A")."""
    if not a or not b:
        return False
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer == shorter or longer.startswith(shorter + " ")


def _compatible(a: RecipientKind | None, b: RecipientKind | None) -> bool:
    return a is None or b is None or a == b


def _same_recipients(award: Award, m: Mention) -> bool:
    """Whether a mention handing over an award may be that award: recipients of one kind, and no
    other count or other named recipients ("UBND huyện trao Giấy khen cho 6 tập thể" is not the
    "Giấy khen của Công an huyện" given to 4)."""
    counts = (award.recipient_count, m.recipient_count)
    if not _compatible(award.recipient_kind, m.recipient_kind) or (
        None not in counts and counts[0] != counts[1]
    ):
        return False
    named = {fold(r) for r in award.recipients}
    return not (named and m.recipients and named.isdisjoint(fold(r) for r in m.recipients))


def merge(
    mentions: list[Mention],
    document: Document,
    rules: RuleSet,
    lex: Lexicon,
    untold: frozenset[str] | set[str] = frozenset(),
) -> list[Award]:
    """One record per (type, issuing body), in order of first mention.  ``untold``: kinds the body
    speaks of without giving them; a headline mention of one with no issuer stands for nothing."""
    awards: list[Award] = []
    cores: list[str] = []
    _drop_implausible_issuers(mentions, rules, lex)
    # the body before the headline, which shortens names ("Thủ tướng tặng bằng khen")
    for m in sorted(mentions, key=lambda m: m.in_headline):
        if m.issuer and not m.guessed:
            for issuer in [m.issuer, *m.extra_issuers]:
                _add(awards, cores, m, issuer, document, rules, lex)
    outright = len(awards)  # awards whose issuer the text says; guesses join only these
    for m in mentions:
        if m.issuer and m.guessed:
            for issuer in [m.issuer, *m.extra_issuers]:
                core = issuer_core(issuer, lex)
                same = [i for i, a in enumerate(awards) if a.type == m.type and _same_body(cores[i], core)]
                said = [
                    i
                    for i, a in enumerate(awards[:outright])
                    if a.type == m.type and cores[i] and _same_recipients(a, m)
                ]
                if same or len(said) == 1:  # "Đại diện Công an tỉnh trao Kỷ niệm chương ..." beside
                    _absorb(awards[(same or said)[0]], m)  # "Kỷ niệm chương của Bộ Công an"
                elif said:
                    continue  # a caption handing over one of several said awards of its kind: no new one
                else:
                    awards.append(_award(m, issuer, document, rules))
                    cores.append(core)
    for m in mentions:
        if m.issuer:
            continue
        same = [a for a in awards if a.type == m.type]
        fits = [a for a in same if _compatible(a.recipient_kind, m.recipient_kind)]
        by_body = [a for a in fits if a.issuer and issuer_core(a.issuer, lex) in fold(m.left_clause)]
        target = (by_body or fits or (same if len(same) == 1 else []) or [None])[0]
        if target is not None:
            _absorb(target, m)
        elif not (m.in_headline and m.type in untold):
            awards.append(_award(m, None, document, rules))
            cores.append("")
    _lend_generic_issuer(awards, cores, lex)
    _conventional_issuers(awards, lex)
    named = [(a, c) for a, c in zip(awards, cores, strict=True) if a.type != lex.generic_type]
    kept = [
        a
        for a, core in zip(awards, cores, strict=True)
        if a.type != lex.generic_type or not any(_same_body(core, c) for _, c in named)
    ]
    kept.sort(key=lambda a: a.evidence.start)
    return kept


_OUTRIGHT = frozenset({"of_issuer", "by_issuer", "by_decision", "agent_passive"})


def _drop_implausible_issuers(mentions: list[Mention], rules: RuleSet, lex: Lexicon) -> None:
    """A distinction only one authority grants (setting ``sole_grantors``: orders are the
    President's) has no other issuer unless the text says so outright ("của", "do", "được ... tặng").
    Setting ``sole_grantors_named``: the same for a distinction of one proper name ("Kỷ niệm chương
    Bảo vệ an ninh Tổ quốc" is the Ministry's, whoever in the province hands it over)."""
    sole = rules.settings.get("sole_grantors", {})
    for m in mentions:
        if m.issuer is None or m.construction in _OUTRIGHT:
            continue
        grantors = sole.get(m.type) or next(
            (
                issuers
                for kind, name, issuers in lex.sole_grantors_named
                if kind == m.type and m.name and name.search(m.name) is not None
            ),
            None,
        )
        if not grantors:
            continue
        allowed = {issuer_core(i, lex) for i in grantors}
        issuers = [i for i in [m.issuer, *m.extra_issuers] if issuer_core(i, lex) in allowed]
        m.issuer, m.extra_issuers = (issuers[0], issuers[1:]) if issuers else (None, [])
        m.guessed = m.guessed and m.issuer is not None


def _conventional_issuers(awards: list[Award], lex: Lexicon) -> None:
    """Awards no mention gives an issuer take the one the law gives their kind (setting
    ``conventional_issuers``): "Huân chương" is the President's.  The record says so in its rule."""
    for a in awards:
        if a.issuer is not None:
            continue
        for kind, name, issuer in lex.conventional_issuers:
            if kind == a.type and (name is None or name.search(a.name or "")):
                a.issuer, a.rule = issuer, "conventional_issuer"
                a.confidence = round(a.confidence * 0.8, 3)
                break


def _lend_generic_issuer(awards: list[Award], cores: list[str], lex: Lexicon) -> None:
    """Named distinctions of unknown issuer take the one body the article says commends
    ("UBND huyện đã khen thưởng 5 tập thể ... Lãnh đạo huyện trao Giấy khen cho các tập thể"): the
    generic "khen thưởng" is that distinction, and then merges into it."""
    generic = {c for a, c in zip(awards, cores, strict=True) if a.type == lex.generic_type and c}
    if len(generic) != 1:
        return
    body = generic.pop()
    issuer = next(a.issuer for a, c in zip(awards, cores, strict=True) if c == body and a.issuer)
    for i, a in enumerate(awards):
        if a.type != lex.generic_type and not cores[i]:
            a.issuer, cores[i] = issuer, body


def _add(
    awards: list[Award],
    cores: list[str],
    m: Mention,
    issuer: str,
    document: Document,
    rules: RuleSet,
    lex: Lexicon,
) -> None:
    core = issuer_core(issuer, lex)
    for i, a in enumerate(awards):
        if a.type != m.type or not cores[i]:
            continue
        if _same_body(core, cores[i]):
            # "UBND huyện" then "UBND huyện A", "Thủ tướng" then "Thủ tướng Chính phủ": the longer
            # name; not "UBND tỉnh" then "Chủ tịch UBND tỉnh" (the same name, a post before it)
            longer_name = _same_body(fold(issuer), fold(a.issuer or "")) and len(issuer) > len(a.issuer or "")
            # a headline never rewords the body's issuer ("Chủ tịch UBND tỉnh A khen thưởng ..." over
            # the body's "Chủ tịch UBND tỉnh")
            if not m.in_headline:
                if _said_outright_over(m, a) and len(issuer) > len(a.issuer or ""):
                    a.issuer, cores[i], a.rule = issuer, core, m.construction or a.rule
                elif (len(core) > len(cores[i]) or longer_name) and not _said_outright_over_mention(a, m):
                    a.issuer, cores[i] = issuer, core
            _absorb(a, m)
            return
    if m.in_headline and (target := _headline_award(awards, cores, m, core, lex)) is not None:
        _absorb(target, m)
        return
    awards.append(_award(m, issuer, document, rules))
    cores.append(core)


def _headline_award(
    awards: list[Award], cores: list[str], m: Mention, core: str, lex: Lexicon
) -> Award | None:
    """The body's award a headline mention rewords, if any.

    A headline shortens or rewords the body's issuer: it keeps some of its words ("Hội Nông dân
    tặng Bằng khen ..." over "Trung ương Hội Nông dân Việt Nam trao Bằng khen ..."), or drops a
    level word ("Giám đốc Công an A tặng giấy khen ..." over "Giấy khen của Giám đốc Công an tỉnh
    A").  An issuer the body does not name is an award of its own ("26 đơn vị nhận cờ thi đua
    của UBND tỉnh" over the body's "Cờ thi đua của Chính phủ").
    """
    same = [(a, c) for a, c in zip(awards, cores, strict=True) if a.type == m.type and c]
    bare = _without_levels(core, lex)
    return next((a for a, c in same if f" {bare} " in f" {_without_levels(c, lex)} "), None)


def _without_levels(core: str, lex: Lexicon) -> str:
    """A folded issuer without its level words ("công an tỉnh a" -> "công an a")."""
    return " ".join(w for w in core.split() if not lex.levels.fullmatch(w))


def _said_outright_over(m: Mention, a: Award) -> bool:
    """Whether the mention names the award's issuer outright ("Bằng khen của Bộ trưởng Bộ Công an",
    "do", "được ... tặng") where the record so far only had it as a clause's subject ("Bộ Công an
    tặng Bằng khen ..." in a caption): the distinction's own wording of its issuer wins when it
    says more (a post, the full name), not a short form ("được Thủ tướng tặng" after "Thủ tướng
    Chính phủ tặng")."""
    return m.construction in _OUTRIGHT and a.rule not in _OUTRIGHT


def _said_outright_over_mention(a: Award, m: Mention) -> bool:
    """Whether the record names its issuer outright ("Bằng khen của Chủ tịch UBND tỉnh") where the
    mention only has it as a clause's subject ("Chủ tịch UBND tỉnh A quyết định tặng bằng khen"):
    the distinction's own wording stays, though the subject's name is longer."""
    return a.rule in _OUTRIGHT and m.construction not in _OUTRIGHT


def _award(m: Mention, issuer: str | None, document: Document, rules: RuleSet) -> Award:
    factor = 1.0 if issuer and not m.guessed else 0.9 if issuer else 0.8
    return Award(
        type=m.type,
        name=m.name,
        issuer=issuer,
        recipients=list(m.recipients),
        recipient_count=m.recipient_count,
        recipient_kind=m.recipient_kind,
        presenter=m.presenter,
        evidence=document.evidence(m.sentence),
        rule=m.construction or m.rule,
        ruleset=rules.name,
        confidence=round(m.confidence * factor, 3),
    )


def _absorb(a: Award, m: Mention) -> None:
    """Fold one more mention of the same award into its record."""
    for r in m.recipients:
        # "Công an tỉnh" and "Công an tỉnh A" in a caption and the body: one recipient, the longer name
        same = [i for i, x in enumerate(a.recipients) if _same_body(fold(x), fold(r))]
        if not same:
            a.recipients.append(r)
        elif len(r) > len(a.recipients[same[0]]):
            a.recipients[same[0]] = r
    if m.recipient_count is not None:
        a.recipient_count = max(a.recipient_count or 0, m.recipient_count)
    if a.recipient_count is not None and len(a.recipients) > a.recipient_count:
        a.recipient_count = len(a.recipients)  # more named than counted: each mention named others
    if a.recipient_kind is None:
        a.recipient_kind = m.recipient_kind
    if a.presenter is None:
        a.presenter = m.presenter
    if m.name and (a.name is None or len(m.name) > len(a.name)):
        a.name = m.name
