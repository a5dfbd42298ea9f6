"""Distinction nouns in the text ("Bằng khen", "Huân chương Bảo vệ Tổ quốc hạng Ba").

Reading is anchored on them (rules labelled ``type:<Type>``), so donations, scholarships, gifts
and flowers ("trao tặng kinh phí", "tặng hoa") never become awards.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extract.awards.lexicon import TOKEN, Lexicon
from extract.document import Document, Sentence
from extract.records import RecipientKind
from extract.ruleset import RuleSet

TYPE_PREFIX = "type:"
_SPACES = re.compile(r" +")
_QUOTED_NAME = re.compile(r" +[“\"][^”\"]{2,80}[”\"]")


@dataclass
class Mention:
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
    guessed: bool = False  # the issuer is the presenter's body or read through "thay mặt lãnh đạo"
    proposed: bool = False  # "đề nghị tặng ...": proposed or aimed at, not given
    in_headline: bool = False  # the headline repeats the body; alone it reports no award
    paid: bool = False  # a generic "khen thưởng 2 triệu đồng": money, no distinction


@dataclass(frozen=True, slots=True)
class Clause:
    """Coordinated distinctions of one sentence and the text before them, as the readers see it."""

    text: str  # the article text
    sentence: Sentence
    group: list[Mention]  # "Bằng khen, Giấy khen": distinctions sharing what follows the last
    left: str  # from the sentence start to the first distinction
    clause: str  # the end of ``left`` from where its clause starts

    @property
    def end(self) -> int:
        """Where the last distinction (and its proper name) ends in the text."""
        return self.group[-1].end


def find_mentions(document: Document, rules: RuleSet, lex: Lexicon) -> list[Mention]:
    text = document.text
    claimed: list[tuple[int, int]] = []
    out: list[Mention] = []
    for rule in rules.patterns:
        if not (rule.label or "").startswith(TYPE_PREFIX) or rule.regex is None:
            continue
        award_type = rule.label.removeprefix(TYPE_PREFIX)
        for m in rules.finditer(rule, document):
            if any(s < m.end() and m.start() < e for s, e in claimed):
                continue
            claimed.append((m.start(), m.end()))
            sentence = document.sentence_at(m.start())
            mention = Mention(award_type, rule.id, rule.confidence, m.start(), m.end(), sentence)
            if award_type in lex.named_types or lex.title_opener.match(text, m.end(), sentence.end):
                name_end = _name_end(text, m.end(), sentence.end, lex)
                if name_end > m.end():
                    mention.name = f"{award_type}{text[m.end() : name_end]}"
                    mention.end = name_end
            out.append(mention)
    out.sort(key=lambda m: m.start)
    return out


# The year a distinction is given for, after its name ("Cờ thi đua xuất sắc năm 2023 của A").
_YEAR_TAIL = re.compile(r"\s+năm\s+\d{4}(?![^\W\d_])")


def _name_end(text: str, pos: int, limit: int, lex: Lexicon) -> int:
    """End of a distinction's proper name ("Bảo vệ Tổ quốc hạng Ba", "xuất sắc", "Vì an ninh Tổ quốc").

    A name starts with a capitalised word, a name word or a lowercase opener ("Huân chương bảo
    vệ Tổ quốc", "Bằng khen vì sự nghiệp bảo vệ an ninh Tổ quốc") and runs to punctuation, a stop
    word ("cho", "của", "năm"...) or an issuer ("Cờ thi đua UBND tỉnh" has no name).
    """
    quoted = _QUOTED_NAME.match(text, pos, limit)
    if quoted is not None:  # Kỷ niệm chương “Vì an ninh Tổ quốc”
        return quoted.end()
    opener = lex.name_opener.match(text, pos, limit) or lex.title_opener.match(text, pos, limit)
    end = cursor = opener.end() if opener else pos
    while cursor < limit:
        gap = _SPACES.match(text, cursor)
        if gap is None or gap.end() >= limit:
            break
        at = gap.end()
        if lex.stop.match(text, at) or lex.issuer_start.match(text, at):
            break
        word = lex.name_word.match(text, at) or TOKEN.match(text, at)
        if word is None:
            break
        if end == pos and not (word.group()[0].isupper() or word.re is lex.name_word):
            break
        end = cursor = word.end()
    year = _YEAR_TAIL.match(text, end, limit)
    return year.end() if year is not None else end  # "Cờ thi đua xuất sắc năm 2023 của ..."


def by_sentence(mentions: list[Mention]) -> list[list[Mention]]:
    groups: dict[int, list[Mention]] = {}
    for m in mentions:
        groups.setdefault(m.sentence.start, []).append(m)
    return list(groups.values())
