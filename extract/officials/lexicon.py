"""The officials rule set's word lists, compiled once, and the questions the reader asks of them.

Every lexicon of ``rules/officials.v1.yaml`` becomes a :class:`~extract.officials.tokens.Phrases`
matched on spelling keys; level words keep which gazetteer they point to ("tỉnh" → provinces).
"""

from __future__ import annotations

from collections.abc import Sequence

from extract.names import NameModel, PlaceLevel, admin_gazetteer, is_name_syllable
from extract.officials.tokens import Phrases, Token
from extract.ruleset import RuleSet
from extract.spelling import fold

LEVEL_KINDS = {
    "levels_province": PlaceLevel.province,
    "levels_province_or_district": PlaceLevel.province_or_district,
    "levels_district": PlaceLevel.district,
    "levels_ward": PlaceLevel.ward,
    "levels_village": PlaceLevel.village,
    "levels_named": PlaceLevel.named,
}


class Lexicon:
    """Ranks, markers, post heads, bodies, levels and the name model of one rule set."""

    def __init__(self, rules: RuleSet) -> None:
        lex = rules.lexicon
        settings = rules.settings
        self.ranks = Phrases(lex("ranks"))
        self.markers = Phrases(lex("markers"))
        self.titles = Phrases(lex("titles"))
        self.credit_labels = Phrases(lex("credit_labels"))
        self.credit_prefixes = Phrases(lex("credit_prefixes"))
        self.heads = Phrases(lex("post_heads"))
        self.prefixes = Phrases(lex("post_prefixes"))
        # added in v2: heads read only after a prefix ("Phó Ban", "Phó phòng" for the deputy head)
        self.deputy_heads = Phrases(rules.lexicon("deputy_heads"))
        self.suffixes = Phrases(lex("post_suffixes"))
        self.needing_body = Phrases(lex("heads_needing_body"))
        self.open_heads = Phrases(lex("open_heads"))
        self.bodies = Phrases(lex("bodies"))
        self.open_bodies = Phrases(lex("open_bodies"))
        # added in v2: offices named by where they sit ("cơ quan đại diện Bộ A tại TP B")
        self.seated_bodies = Phrases(rules.lexicon("seated_bodies"))
        self.seat_words = frozenset(fold(w) for w in rules.lexicon("seat_words"))
        # added in v2: a department's post completed by its ministry after a comma ("Cục A, Bộ Công an")
        self.sub_units = Phrases(rules.lexicon("sub_units"))
        self.parent_bodies = Phrases(rules.lexicon("parent_bodies"))
        self.org_words = Phrases(lex("org_words"))
        self.joiners = frozenset(fold(w) for w in lex("org_joiners"))
        self.tail_words = Phrases(lex("post_tail_words"))
        self.separators = frozenset(fold(w) for w in lex("separators"))
        self.dashes = frozenset({"-", "–"})
        self.conjunctions = frozenset(fold(w) for w in lex("conjunctions"))
        # added in v2; an older rule set reads no copula
        self.copulas = Phrases(rules.lexicon("copulas"))
        self.levels = Phrases(w for name in LEVEL_KINDS for w in lex(name))
        self.level_kind = {
            keys: kind for name, kind in LEVEL_KINDS.items() for keys in Phrases(lex(name)).original
        }
        self.dotted_levels = Phrases(lex("dotted_levels"))
        self.governors = Phrases(lex("post_governors"))
        self.boards = Phrases(lex("boards"))
        self.award_links = frozenset(fold(w) for w in lex("award_links"))
        self.award_nouns = Phrases(lex("award_nouns"))
        self.award_window = int(settings.get("award_link_window", 12))
        self.unit_numbers = frozenset(fold(w) for w in lex("unit_number_words"))
        # added in v2; an older rule set reads no age between a name and its post
        self.age_words = frozenset(fold(w) for w in rules.lexicon("age_words"))
        self.max_complement = int(settings.get("max_complement_tokens", 24))
        self.names = NameModel(
            lex("surnames"),
            lex("not_name_first"),
            lex("not_official_names"),
            int(settings.get("min_name_syllables", 2)),
            int(settings.get("max_name_syllables", 4)),
            admin_gazetteer() if settings.get("gazetteer", True) else None,
            prefixes=lex("name_prefixes"),
            long_openers=lex("long_name_openers"),
        )
        # Keys a chunk other than a plain word can open with: a lowercase syllable with another key
        # is read as a plain word at once, without asking each lexicon (most syllables are such).
        self.openers = frozenset().union(
            *(
                p.first_keys
                for p in (
                    self.ranks,
                    self.markers,
                    self.titles,
                    self.credit_labels,
                    self.credit_prefixes,
                    self.heads,
                    self.prefixes,
                    self.copulas,
                    self.governors,
                )
            ),
            self.separators,
            self.conjunctions,
            self.award_links,
            {"("},
        )
        self.use_pos = bool(settings.get("pos_fallback", True))
        self.confidence_via_pos = float(settings.get("confidence_via_pos", 0.7))

    def starts_phrase(self, toks: Sequence[Token], i: int) -> bool:
        """Whether a rank or a post ("Phó Giám đốc") starts at ``i``: a name run ends there.

        A prefix counts only before a head: "Nguyên" and "Quyền" are also given names.
        """
        if self.ranks.match(toks, i) or self.heads.match(toks, i):
            return True
        j = i
        while prefix := self.prefixes.match(toks, j):
            j += len(prefix)
        return j > i and (
            self.heads.match(toks, j) is not None or self.deputy_heads.match(toks, j) is not None
        )

    def run_end(self, toks: Sequence[Token], i: int) -> int:
        """End of the capitalised run starting at ``i``, stopping before a rank or a post."""
        j = i
        while j < len(toks) and is_name_syllable(toks[j].text) and not self.starts_phrase(toks, j):
            j += 1
        return j

    def level_at(self, toks: Sequence[Token], k: int) -> tuple[str, ...] | None:
        """The level word at ``k``; an abbreviation ("P", "TP") only when a dot follows it."""
        level = self.levels.match(toks, k)
        if level is None:
            return None
        dotted = k + len(level) < len(toks) and toks[k + len(level)].text == "."
        if len(level) == 1 and len(level[0]) == 1 and not dotted:
            return None  # "P", "Q", "H" alone are no level words
        return level

    def level_before(self, toks: Sequence[Token], i: int) -> bool:
        """Whether a level word ("xã", "tổ dân phố") ends right before ``i``: what follows is a place."""
        return any(i - n >= 0 and tuple(t.key for t in toks[i - n : i]) in self.level_kind for n in (1, 2, 3))


def is_code(text: str) -> bool:
    """Codes and numbers inside a body: "PC06", "35", "ANTT", "GD-ĐT", "GD&ĐT" (no lower-case letter)."""
    bare = text
    for joiner in "-&":
        if joiner in bare[1:-1]:
            bare = bare.replace(joiner, "")
    return bare.isalnum() and not any(c.islower() for c in bare) and (len(bare) > 1 or bare.isdigit())
