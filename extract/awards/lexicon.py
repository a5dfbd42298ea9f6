"""The awards rule set's word lists, compiled once into the regexes the readers use."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from extract.ruleset import RuleSet
from extract.spelling import fold

EDGE_L, EDGE_R = r"(?<![^\W\d_])", r"(?![^\W\d_])"
TOKEN = re.compile(r"[^\W_]+|\d+")


@dataclass(frozen=True)
class Lexicon:
    """The rule set's word lists as compiled regexes (built once per rule-set object)."""

    generic_type: str
    named_types: frozenset[str]
    issuer_start: re.Pattern[str]  # a head, a title or a level word at a position
    issuer_piece: re.Pattern[str]  # any multi-word piece an issuer phrase may contain
    bare_excluded: re.Pattern[str]  # heads no issuer starts with when "của" is missing ("Trường")
    lowercase_piece: re.Pattern[str]  # a head or title written in lowercase ("giám đốc", "công an")
    canonical: dict[str, str]  # lowercased head or title -> as the lexicon writes it
    country: re.Pattern[str]  # " CHXHCN Việt Nam" ending an issuer: the country, no part of it
    titles: re.Pattern[str]
    purpose_named: re.Pattern[str]  # "Ban Chỉ đạo": a body named by its purpose, then its level
    granting_posts: re.Pattern[str]  # "Thủ tướng Chính phủ": a post that grants in its own name
    deputy: re.Pattern[str]
    openers: re.Pattern[str]  # "Dịp này", "Tại ..." before a clause's subject
    envoys: re.Pattern[str]  # "Đại diện lãnh đạo" before the body whose envoy hands an award over
    envoy_inside: re.Pattern[str]  # the same words inside a subject ("Tại buổi lễ lãnh đạo Sở A trao")
    stop: re.Pattern[str]  # a word that ends an issuer or recipient phrase, at a position
    recipient_stop: re.Pattern[str]  # a word that ends a recipient phrase only ("thuộc", "hy sinh")
    tally: re.Pattern[str]  # "lượt" between a count and its noun ("63 lượt tập thể")
    name_word: re.Pattern[str]
    distinction: re.Pattern[str]  # a distinction noun at a position ("Huy hiệu", "bằng khen")
    name_opener: re.Pattern[str]  # " bảo vệ": a lowercase start of a named distinction's name
    title_opener: re.Pattern[str]  # " vì sự nghiệp": a title any distinction may carry
    individual: re.Pattern[str]
    collective: re.Pattern[str]
    determiners: re.Pattern[str]
    number: re.Pattern[str]
    numbers: dict[str, int]
    traps: re.Pattern[str]
    proposal: re.Pattern[str]
    vague: re.Pattern[str]  # "nhiều", "gần 180" right before a distinction: a tally, no award
    grants: re.Pattern[str]  # a granting verb ("đã tặng", "trao") at the start of what it is matched on
    norm: re.Pattern[str]  # "chỉ tặng" right after a distinction: a rule of the law, no award
    retrospective: re.Pattern[str]  # "năm qua" before a generic "khen thưởng": a look back
    mandate_fillers: re.Pattern[str]  # "lãnh đạo" between "thay mặt" and the body it names
    mandate_parties: re.Pattern[str]  # "Đảng" in "thay mặt lãnh đạo Đảng, Nhà nước": no issuer alone
    agent_parties: re.Pattern[str]  # "Đảng" in "được Đảng và Nhà nước tặng": the same, as an agent
    same_issuers: dict[str, str]  # folded issuer -> folded name of its granting authority
    person_title: re.Pattern[str]
    title_before: re.Pattern[str]  # a rank or form of address ending where a name starts
    not_name_starts: frozenset[str]
    high_issuers: tuple[re.Pattern[str], ...]
    type_order: tuple[str, ...]
    levels: re.Pattern[str]
    place_nouns: re.Pattern[str]
    shared_constructions: frozenset[str]  # issuers a later, verbless object inherits
    body_granted_types: frozenset[str]  # "Cờ thi đua": the body grants it, not the head of the body
    speech: re.Pattern[str]  # "cho biết," ending a clause of reported speech
    list_opener: re.Pattern[str]  # "gồm" ending the text before a colon: the list of what is granted
    comma: re.Pattern[str]  # a comma between parts, not inside a name ("phòng, chống tội phạm")
    compound_comma: re.Pattern[str]  # ", chống": the comma of such a name, at a position
    other_objects: re.Pattern[str]  # "giải Nhất, giải Nhì và ": other things given before a distinction
    level_short: dict[str, str]  # "TP" -> "thành phố": an abbreviated level word
    level_short_re: re.Pattern[str]  # "TP" or "TP." as a word, before a name
    objects_after: re.Pattern[str]  # " và tiền thưởng": another thing given, right after a distinction
    conditions: re.Pattern[str]  # "là căn cứ để", "tiêu chuẩn xét": a condition or criterion, no award
    legal_item: re.Pattern[str]  # "a) ", "Điều 5.": a line of a legal text
    # (type, proper-name pattern, issuers) of settings sole_grantors_named, compiled once
    sole_grantors_named: tuple[tuple[str, re.Pattern[str], tuple[str, ...]], ...]
    # (type, proper-name pattern or None, issuer) of settings conventional_issuers, compiled once
    conventional_issuers: tuple[tuple[str, re.Pattern[str] | None, str], ...]

    def cased(self, text: str) -> str:
        """The text with lowercase heads and titles written as the lexicon writes them ("giám đốc
        công an tỉnh" -> "Giám đốc Công an tỉnh"), same length, so spans read on it quote the text."""

        def canonical(m: re.Match[str]) -> str:
            before = _LAST_WORD.search(text, 0, m.start())
            if before is not None and before.group(1)[0].isupper():
                return m.group()  # "trưởng" of "Bộ trưởng": a word of a capitalised name
            word = self.canonical.get(m.group(), m.group())
            return word if len(word) == len(m.group()) else m.group()

        return self.lowercase_piece.sub(canonical, text)

    @staticmethod
    def of(rules: RuleSet) -> Lexicon:
        cached = _LEXICONS.get(id(rules))
        if cached is None or cached[0] is not rules:
            cached = _LEXICONS[id(rules)] = (rules, _build_lexicon(rules))
        return cached[1]


_LEXICONS: dict[int, tuple[RuleSet, Lexicon]] = {}
_LAST_WORD = re.compile(r"(\S+)\s+$")


def alternation(words: Sequence[str]) -> str:
    """Longest first; an empty list matches nothing (never the empty string)."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"


def _build_lexicon(rules: RuleSet) -> Lexicon:
    heads, titles = rules.lexicon("issuer_heads"), rules.lexicon("issuer_titles")
    levels = rules.lexicon("unit_levels")
    numbers = {w: i + 1 for i, w in enumerate(rules.lexicon("number_words"))}
    return Lexicon(
        generic_type=rules.settings.get("generic_type", "Khen thưởng"),
        named_types=frozenset(rules.settings.get("named_types", [])),
        issuer_start=re.compile(
            rf"(?!(?:{alternation(rules.lexicon('not_bodies'))}){EDGE_R})"
            rf"(?:{alternation([*heads, *titles])}){EDGE_R}"
        ),
        bare_excluded=re.compile(rf"(?:{alternation(rules.lexicon('bare_excluded_heads'))}){EDGE_R}"),
        issuer_piece=re.compile(
            rf"(?:{alternation([*heads, *titles, *levels, *rules.lexicon('sector_names')])}){EDGE_R}"
        ),
        lowercase_piece=re.compile(
            rf"{EDGE_L}(?:{alternation([w.lower() for w in [*heads, *titles]])}){EDGE_R}"
        ),
        canonical={w.lower(): w for w in [*titles, *heads]},
        country=re.compile(rf"\s+(?:{alternation(rules.lexicon('country_names'))})$"),
        titles=re.compile(
            rf"^(?:(?:{alternation(rules.lexicon('deputy_words'))})\s+)?(?:{alternation(titles)}){EDGE_R}\s*"
        ),
        purpose_named=re.compile(rf"(?:{alternation(rules.lexicon('purpose_named_bodies'))})"),
        granting_posts=re.compile(rf"^(?:{alternation(rules.lexicon('granting_posts'))}){EDGE_R}"),
        envoys=re.compile(rf"(?i)^(?:(?:{alternation(rules.lexicon('envoy_words'))}){EDGE_R}\s*)+"),
        envoy_inside=re.compile(
            rf"(?i){EDGE_L}(?:(?:{alternation(rules.lexicon('envoy_words'))}){EDGE_R}\s*)+(?=\S)"
        ),
        deputy=re.compile(rf"^(?:{alternation(rules.lexicon('deputy_words'))}){EDGE_R}"),
        openers=re.compile(rf"(?i)^(?:(?:{alternation(rules.lexicon('clause_openers'))}){EDGE_R}\s*)+"),
        stop=re.compile(rf"(?:{alternation(rules.lexicon('phrase_stops'))}){EDGE_R}"),
        tally=re.compile(rf"(?i)^(?:{alternation(rules.lexicon('tally_words'))})\s+"),
        recipient_stop=re.compile(rf"(?:{alternation(rules.lexicon('recipient_stops'))}){EDGE_R}"),
        distinction=re.compile(rf"(?i)(?:{alternation(_distinction_nouns(rules))}){EDGE_R}"),
        name_opener=re.compile(rf" +(?:{alternation(rules.settings.get('name_openers', []))}){EDGE_R}"),
        title_opener=re.compile(rf" +(?:{alternation(rules.settings.get('title_openers', []))}){EDGE_R}"),
        name_word=re.compile(rf"(?:{alternation(rules.settings.get('name_words', []))}){EDGE_R}"),
        individual=re.compile(rf"(?i)^(?:{alternation(rules.lexicon('individual_nouns'))}){EDGE_R}"),
        collective=re.compile(rf"^(?:{alternation(rules.lexicon('collective_nouns'))}){EDGE_R}"),
        determiners=re.compile(rf"(?i)^(?:(?:{alternation(rules.lexicon('recipient_determiners'))})\s+)+"),
        number=re.compile(rf"(?i)^(?P<n>\d+|{alternation(list(numbers))})\s+"),
        numbers=numbers,
        traps=re.compile(rf"(?i){EDGE_L}(?:{alternation(rules.lexicon('traps'))}){EDGE_R}"),
        vague=re.compile(
            rf"(?i){EDGE_L}(?:{alternation(rules.lexicon('vague_quantifiers'))}"
            rf"|(?:{alternation(rules.lexicon('approx_quantifiers'))})\s+\d[\d.,]*"
            rf"|được\s+(?:{alternation(rules.lexicon('vague_agents'))})"
            rf"\s+(?:{alternation(rules.lexicon('granting_verbs'))}))\s+$"
        ),
        grants=re.compile(
            rf"(?i)(?:(?:đã|cũng|vừa|đồng thời)\s+)*(?:{alternation(rules.lexicon('granting_verbs'))})"
            r"(?![^\W\d_])"
        ),
        # after the closing quote of a name its class may follow: "“Huân chương Quân công” hạng ba để tặng"
        norm=re.compile(
            rf"[”\"]?(?:\s+hạng\s+[^\W\d_]+)?\s+(?:{alternation(rules.lexicon('norm_words'))}){EDGE_R}",
            re.IGNORECASE,
        ),
        retrospective=re.compile(
            rf"(?i){EDGE_L}(?:{alternation(rules.lexicon('retrospective_words'))}){EDGE_R}"
        ),
        mandate_fillers=re.compile(rf"(?i)^(?:{alternation(rules.lexicon('mandate_fillers'))}){EDGE_R}\s*"),
        mandate_parties=re.compile(rf"^(?:{alternation(rules.lexicon('mandate_parties'))})$"),
        agent_parties=re.compile(rf"^(?:{alternation(rules.lexicon('agent_parties'))})$"),
        same_issuers={
            fold(name): fold(group[0]) for group in rules.settings.get("same_issuers", []) for name in group
        },
        proposal=re.compile(rf"{EDGE_L}(?:{alternation(rules.lexicon('proposal_words'))}){EDGE_R}"),
        person_title=re.compile(rf"{EDGE_L}(?:{alternation(rules.lexicon('person_titles'))}){EDGE_R}"),
        title_before=re.compile(rf"{EDGE_L}(?:{alternation(rules.lexicon('person_titles'))})\s*$"),
        not_name_starts=frozenset(rules.lexicon("not_name_starts")),
        high_issuers=tuple(re.compile(p) for p in rules.settings.get("high_issuers", [])),
        type_order=tuple(rules.settings.get("type_order", [])),
        levels=re.compile(rf"(?i)^(?:{alternation(levels)}){EDGE_R}"),
        shared_constructions=frozenset(rules.settings.get("shared_constructions", [])),
        body_granted_types=frozenset(rules.settings.get("body_granted_types", [])),
        speech=re.compile(rf"{EDGE_L}(?:{alternation(rules.lexicon('speech_verbs'))})\s*,\s*"),
        list_opener=re.compile(rf"{EDGE_L}(?:{alternation(rules.lexicon('list_openers'))})\s*$"),
        comma=re.compile(rf",(?!\s*(?:{alternation(rules.lexicon('comma_compounds'))}){EDGE_R})\s*"),
        compound_comma=re.compile(rf",\s*(?=(?:{alternation(rules.lexicon('comma_compounds'))}){EDGE_R})"),
        other_objects=re.compile(
            rf"(?i){EDGE_L}(?:(?:\d+\s+)?(?:{alternation(rules.lexicon('other_objects'))}){EDGE_R}"
            rf"(?:\s+[^\s,;:]+){{0,3}}?\s*(?:,\s*(?:và\s+)?|\s+(?:và|cùng)\s+))+$"
        ),
        level_short=(short := _level_abbreviations(rules)),
        level_short_re=re.compile(rf"{EDGE_L}(?:{alternation(list(short))})(?:\.\s*|\s+|$)"),
        objects_after=re.compile(
            rf"\s*(?:,\s*(?:và\s+)?|\s+(?:và|cùng|cùng với|kèm|kèm theo)\s+)"
            rf"(?:{alternation(rules.lexicon('other_objects'))}){EDGE_R}"
        ),
        conditions=re.compile(
            rf"(?i){EDGE_L}(?:{alternation(rules.lexicon('condition_words'))}){EDGE_R}"
            rf"|{EDGE_L}(?:{alternation(rules.lexicon('condition_heads'))})\s*[“\"]?\s*$"
        ),
        legal_item=re.compile(rules.settings.get("legal_item", "(?!)")),
        sole_grantors_named=tuple(
            (e["type"], re.compile(e["name"]), tuple(e["issuers"]))
            for e in rules.settings.get("sole_grantors_named", [])
        ),
        conventional_issuers=tuple(
            (e["type"], re.compile(e["name"]) if e.get("name") else None, e["issuer"])
            for e in rules.settings.get("conventional_issuers", [])
        ),
        place_nouns=re.compile(rf"^(?:{alternation(rules.lexicon('place_nouns'))}){EDGE_R}"),
    )


def _level_abbreviations(rules: RuleSet) -> dict[str, str]:
    """Lexicon ``level_abbreviations`` ("TP:thành phố") as a mapping."""
    return dict(entry.split(":", 1) for entry in rules.lexicon("level_abbreviations"))


def _distinction_nouns(rules: RuleSet) -> list[str]:
    """The distinction classes the rule set reads (labels ``type:<Type>``), generic one included."""
    return [r.label.removeprefix("type:") for r in rules.patterns if (r.label or "").startswith("type:")]
