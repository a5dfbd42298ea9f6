"""Awards: distinctions given or announced, one record per (type, issuer) per article.

Reading goes sentence by sentence, in modules with one job each:

* :mod:`~extract.awards.mentions`: the distinction nouns (rules labelled ``type:<Type>``) and
  their proper names; donations, scholarships, gifts and flowers have none, so never count;
* :mod:`~extract.awards.issuers`: who grants them ("Bằng khen của ...", "UBND tỉnh tặng ...",
  "được ... tặng", "Thừa ủy quyền của ...");
* :mod:`~extract.awards.recipients`: who receives them ("cho 2 cá nhân", "A đón nhận ...");
* :mod:`~extract.awards.people`: who hands them over, named as the officials extractor named him;
* :mod:`~extract.awards.merge`: one record per type and issuing body.

This module reads one sentence: coordinated distinctions ("Bằng khen, Giấy khen của A") share
what follows the last; a later object of the same verb ("... cho 3 tập thể và Bằng khen cho 5
cá nhân") shares the verb's subject and presenter.  A generic "khen thưởng" counts only with a
named issuer, as type ``Khen thưởng``, not one only guessed from who hands it over ("Lãnh đạo
UBND tỉnh và Công an tỉnh A khen thưởng các tập thể" in a caption), not one paid in money
("khen thưởng 2 triệu đồng"), and not in a look back over past years ("5 năm qua, Công an tỉnh
đã khen thưởng 120 tập thể"); one in a proposal, a plan or an aim ("đề nghị ... tặng", "sẽ khen
thưởng") does not, nor distinctions counted vaguely with no issuer ("được tặng nhiều
bằng khen, giấy khen", "gần 180 Kỷ niệm chương, bằng khen đã được trao"), nor the rules of the
emulation law ("Kỷ niệm chương chỉ tặng một lần cho cá nhân").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from extract.awards.issuers import assign_issuers, clause_start, find_issuers
from extract.awards.lexicon import Lexicon
from extract.awards.mentions import Clause, Mention, by_sentence, find_mentions
from extract.awards.merge import merge
from extract.awards.people import find_presenter, presenter_after
from extract.awards.recipients import find_recipients
from extract.document import Document
from extract.records import Award, Official, RecordBase
from extract.ruleset import RuleSet

_PASSIVE = frozenset({"agent_passive", "agent_commends"})
# Between coordinated distinctions: "Bằng khen, Giấy khen", "Bằng khen và Giấy khen".
# "Bằng khen và Giấy khen", "02 Kỷ niệm chương, 03 Giấy khen của A": one list, one issuer
_COORDINATION = re.compile(r"\s*(?:,|và|,\s*và)?\s*(?:\d+\s+)?", re.IGNORECASE)


def extract(document: Document, rules: RuleSet, found: dict[str, list[RecordBase]]) -> list[Award]:
    """Awards of the article, merged per (type, issuer), in order of first mention."""
    lex = Lexicon.of(rules)
    officials = [o for o in found.get("officials", []) if isinstance(o, Official)]
    mentions = find_mentions(document, rules, lex)
    headline = document.headline
    before: _Previous | None = None
    for sentence_mentions in by_sentence(mentions):
        before = _read_sentence(document, rules, lex, sentence_mentions, officials, before)
        for m in sentence_mentions:
            m.in_headline = headline is not None and m.sentence.start == headline.start
    named_in_body = any(m.type != lex.generic_type and not m.in_headline for m in mentions)
    kept = [
        m
        for m in mentions
        if (
            m.type != lex.generic_type
            or (
                m.issuer
                and not m.guessed
                and not lex.retrospective.search(m.left_clause)
                and not (m.in_headline and named_in_body)  # "A khen thưởng 36 tập thể" over the body's list
            )
        )
        and not m.proposed
        and not m.paid
        and not (m.issuer is None and lex.vague.search(m.left_clause))  # "được tặng nhiều bằng khen"
        and not lex.norm.match(document.text, m.end, m.sentence.end)  # "Kỷ niệm chương chỉ tặng ..."
        and not lex.conditions.search(m.left_clause)  # "là căn cứ để khen thưởng", "tiêu chuẩn xét tặng"
        and not _legal_item(document.text, m, lex)  # "a) Đã được tặng thưởng Huân chương ..."
    ]
    # Kinds the body speaks of without giving them (proposals, rules): a headline naming one
    # ("Tặng Kỷ niệm chương ...") announces no award of its own.
    untold = {m.type for m in mentions if not m.in_headline and m not in kept}
    return merge(kept, document, rules, lex, untold)


def _legal_item(text: str, m: Mention, lex: Lexicon) -> bool:
    """Whether the line of the mention is an item or an article of a legal text ("a) Đã được tặng
    ...", "Điều 5. Tiêu chuẩn tặng Bằng khen"): criteria, not an award given."""
    line = text.rfind("\n", 0, m.start) + 1  # "Điều 5." may stand as a sentence of its own
    return lex.legal_item.match(text, line, m.start) is not None


@dataclass(frozen=True, slots=True)
class _Previous:
    """What the previous distinctions of the sentence were given: where, by whom, handed by whom."""

    clause_start: int
    end: int  # end of the last distinction (and its name) in the text
    issuers: list[str]
    construction: str | None
    presenter: str | None
    guessed: bool
    proposed: bool


def _shared_issuer(
    left: str, start: int, coordinated: bool, previous: _Previous, rules: RuleSet, lex: Lexicon
) -> tuple[list[str], str | None]:
    """An issuer carried over from the previous distinctions of the sentence, if the grammar shares it.

    * ``shared_subject``: a second verb with the same subject ("UBND tỉnh tặng Cờ thi đua cho A và
      tặng Bằng khen cho B");
    * a clause that is only its verb after ';' ("UBND tỉnh tặng Bằng khen cho A; tặng Giấy khen cho
      B"): the same subject;
    * ``coordinated_object``: a second object of the same verb, the verb left out ("UBND tỉnh tặng
      Cờ thi đua cho 3 tập thể và Bằng khen cho 5 cá nhân").  Only a subject or a mandate is
      shared: "Bằng khen của A cho X và Giấy khen cho Y" says nothing of who grants the Giấy khen.
    """
    if not previous.issuers:
        return [], None
    if previous.clause_start == start and rules.compiled["shared_subject"].search(left):
        return previous.issuers[:1], "shared_subject"
    if (
        previous.clause_start < start
        and previous.construction in lex.shared_constructions
        and rules.compiled["subjectless_clause"].match(left[start:])
    ):
        return previous.issuers[:1], "shared_subject"  # "A tặng X cho B; tặng Y cho C"
    if (
        previous.clause_start < start
        and previous.construction in lex.shared_constructions
        and _BARE_OBJECT.fullmatch(left, start) is not None
    ):
        return previous.issuers[:1], "shared_subject"  # "A tặng X cho B; Y cho C": the verb left out
    if coordinated and previous.construction in lex.shared_constructions:
        return previous.issuers[:1], "coordinated_object"
    return [], None


# A clause that is only the distinction (and its count), after ';': "A tặng X cho B; 12 Y cho C".
_BARE_OBJECT = re.compile(r"\s*(?:\d+\s+)?[“\"]?")
# A comma-separated item that is only a quoted title ("“Đơn vị Quyết thắng”"), or the opening quote
# of the distinction itself: it continues the list the clause's verb governs.
_QUOTED_ITEM = re.compile(r"\s*(?:[“”\"][^“”\"]*[“”\"])?\s*[“”\"]?\s*")


def _proposed(clause: str, lex: Lexicon) -> bool:
    """Whether the clause before a distinction proposes it rather than gives it ("đề nghị tặng ...").

    A proposal verb counts in the last comma-separated part only ("Năm qua, A đề nghị ..., UBND tỉnh
    tặng Bằng khen": given), unless the parts after it are only quoted titles of one list ("bình xét
    A đạt “Lao động tiên tiến”, “Cờ thi đua” của Bộ Tư lệnh": all proposed).
    """
    for part in reversed(clause.split(",")):
        if lex.proposal.search(part):
            return True
        if not _QUOTED_ITEM.fullmatch(part):
            return False
    return False


def _same_list(text: str, end: int, start: int, rules: RuleSet) -> bool:
    """Whether the distinctions ending at ``end`` and starting at ``start`` are items of one list,
    with no verb of their own between them, ';' and quotes allowed ("... cho A; “Cờ thi đua” ...")."""
    between = re.sub(r"[“”\"]", "", text[end:start]).replace(";", ",")
    return rules.compiled["coordinated_object"].fullmatch(between) is not None


def _read_sentence(
    document: Document,
    rules: RuleSet,
    lex: Lexicon,
    mentions: list[Mention],
    officials: Sequence[Official],
    before: _Previous | None = None,
) -> _Previous | None:
    """Fill issuer, recipients and presenter of the distinctions of one sentence; return what its
    last distinctions were given, for a next sentence that opens with its verb (see
    :func:`_carried_over`)."""
    text = document.text
    sentence = mentions[0].sentence
    before = _carried_over(text, sentence.start, before, rules, lex)
    # Coordinated distinctions share what follows the last: "Bằng khen, Giấy khen của A, B".
    groups: list[list[Mention]] = []
    for m in mentions:
        if groups and _COORDINATION.fullmatch(text[groups[-1][-1].end : m.start]):
            groups[-1].append(m)
        else:
            groups.append([m])
    previous: _Previous | None = None
    for group in groups:
        left = text[sentence.start : group[0].start]
        start = clause_start(left, lex)
        # "Ban Tổ chức trao giải Nhất, giải Nhì và Giấy khen": the verb's subject grants all it lists
        clause = lex.other_objects.sub("", left[start:])
        c = Clause(text, sentence, group, left, clause)
        issuers, construction, after, guessed = find_issuers(c, rules, lex, officials)
        # A second object of the same verb, the verb left out: "... cho A và Bằng khen cho B".
        coordinated = previous is not None and bool(
            rules.compiled["coordinated_object"].fullmatch(text, previous.end, group[0].start)
        )
        if not issuers and previous is not None:
            issuers, construction = _shared_issuer(left, start, coordinated, previous, rules, lex)
            guessed = previous.guessed and bool(issuers)
        if not issuers and previous is None and before is not None and before.issuers:
            if rules.compiled["subjectless_clause"].match(_without_adverbial(left, lex)):  # "Tặng ..."
                issuers, construction, guessed = before.issuers[:1], "shared_subject", before.guessed
        assign_issuers(group, issuers, construction, lex)
        recipients = find_recipients(c, after, construction, rules, lex)
        # "A được B tặng", "A nhận ...": the subject receives; nobody in it hands anything over.
        received = construction in _PASSIVE or rules.compiled["receives"].search(left) is not None
        presenter = None if received else find_presenter(clause, rules, lex, officials)
        if presenter is None and not received and (whole := clause_start(left, lex, dashes=False)) < start:
            presenter = find_presenter(left[whole:], rules, lex, officials)  # "Đại tá X – Phó ... trao"
        if presenter is None:  # "Bằng khen của UBND tỉnh được đồng chí A ... trao cho ..."
            presenter = presenter_after(text, after, sentence.end, rules, lex, officials)
        if presenter is None and coordinated and previous is not None:
            presenter = previous.presenter  # "Đại tá X trao Bằng khen cho A và Giấy khen cho B"
        if presenter is None and construction == "shared_subject" and previous is None and before is not None:
            presenter = before.presenter
        proposed = _proposed(clause, lex) or (
            previous is not None
            and previous.proposed
            and _same_list(text, previous.end, group[0].start, rules)
        )
        previous = _Previous(start, group[-1].end, issuers, construction, presenter, guessed, proposed)
        # "trao khen thưởng ... 10 triệu đồng": money, no distinction; its giver still grants what a
        # next clause gives without a subject ("Đồng thời, tặng giấy khen cho ...")
        paid = group[0].type == lex.generic_type and bool(
            lex.traps.search(text, group[-1].end, min(sentence.end, group[-1].end + 60))
        )
        for m in group:
            m.paid = paid
            m.proposed = proposed
            m.guessed = guessed and m.issuer is not None
            m.left_clause = clause
            if recipients is not None:
                m.recipients, m.recipient_count, m.recipient_kind = recipients
            m.presenter = presenter
    return previous


def _carried_over(
    text: str, start: int, before: _Previous | None, rules: RuleSet, lex: Lexicon
) -> _Previous | None:
    """What the previous sentence's distinctions were given, when that sentence stands right before
    ``start`` and its issuer was a clause's subject or a mandate: "A, Bộ trưởng Bộ Công an, đã tặng
    Kỷ niệm chương cho B. Tặng Bằng khen cho 10 cá nhân." (the verb's subject is left out, the
    same).  Not across a paragraph, and not an issuer said with "của" (it is its distinction's)."""
    if before is None or before.construction not in lex.shared_constructions:
        return None
    return before if _SENTENCE_END.fullmatch(text, before.end, start) else None


# A short opening adverbial and its comma: "Đồng thời, ", "Bên cạnh đó, ", "Theo đó, ".
_ADVERBIAL = re.compile(r"([^,]{1,20}),\s*")


def _without_adverbial(left: str, lex: Lexicon) -> str:
    """The clause without a short opening adverbial that names no issuer ("Đồng thời, tặng Giấy
    khen ..." is a verb-first clause as "Tặng Giấy khen ..." is)."""
    m = _ADVERBIAL.match(left)
    if m is None or lex.issuer_start.search(m.group(1)) or any(c.isdigit() for c in m.group(1)):
        return left
    return left[m.end() :]


# From a distinction to the start of the next sentence: the rest of its sentence, on the same line.
_SENTENCE_END = re.compile(r"[^.!?\n]*[.!?][ \t]*")
