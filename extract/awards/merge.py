"""One record per (type, issuing body): mentions of one award merged.

Mentions of one award (body and photo caption, "Bằng khen của UBND tỉnh" and "Bằng khen của Chủ
tịch UBND tỉnh", "giấy khen của UBND huyện" and "của UBND huyện A") merge on type and issuer
with the posts (``issuer_titles``) stripped; a mention naming no issuer joins the same-type
award it fits (same kind of recipients, presenter from the issuing body), else stands alone.
"""

from __future__ import annotations

from extract.awards.lexicon import Lexicon
from extract.awards.mentions import Mention
from extract.records import Award, Evidence, RecipientKind
from extract.ruleset import RuleSet
from extract.spelling import fold


def issuer_core(issuer: str, lex: Lexicon) -> str:
    """The issuing body: "Chủ tịch UBND tỉnh" and "UBND tỉnh" are one issuer."""
    core = lex.titles.sub("", issuer.strip())
    return fold(core or issuer)


def _compatible(a: RecipientKind | None, b: RecipientKind | None) -> bool:
    return a is None or b is None or a == b


def merge(mentions: list[Mention], rules: RuleSet, lex: Lexicon) -> list[Award]:
    """One record per (type, issuing body); mentions without an issuer join the award they fit."""
    awards: list[Award] = []
    cores: list[str] = []
    issuerless: list[Mention] = []
    for m in mentions:
        if not m.issuer:
            issuerless.append(m)
            continue
        for issuer in [m.issuer, *m.extra_issuers]:
            _add(awards, cores, m, issuer, rules, lex)
    for m in issuerless:
        same = [a for a in awards if a.type == m.type]
        fits = [a for a in same if _compatible(a.recipient_kind, m.recipient_kind)]
        by_body = [a for a in fits if a.issuer and issuer_core(a.issuer, lex) in fold(m.left_clause)]
        target = (by_body or fits or (same if len(same) == 1 else []) or [None])[0]
        if target is None:
            awards.append(_award(m, None, rules))
            cores.append("")
        else:
            _absorb(target, m)
    awards.sort(key=lambda a: a.evidence.start)
    return awards


def _add(
    awards: list[Award], cores: list[str], m: Mention, issuer: str, rules: RuleSet, lex: Lexicon
) -> None:
    core = issuer_core(issuer, lex)
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


def _award(m: Mention, issuer: str | None, rules: RuleSet) -> Award:
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


def _absorb(a: Award, m: Mention) -> None:
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
