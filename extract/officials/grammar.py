"""Constructions: the rule set's regular expressions over a sentence's chunk tags.

"R[Nn](?:,P)+" is "Đại tá Lê Văn A, Phó Giám đốc ..."; the leftmost match wins, ties go to the
earlier rule.  Label ``official`` makes a :class:`Mention` of the N/n, R and P chunks of the match;
label ``reject`` claims the chunks so that no other rule can use them (bylines, credits);
label ``list_header`` marks posts shared by every person of the list after a colon ("các đồng chí
Ủy viên Ban Thường vụ Tỉnh ủy: A - Trưởng Ban Tuyên giáo Tỉnh ủy; B - Giám đốc Công an tỉnh").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from extract.document import Document, Sentence
from extract.officials.chunker import Chunker
from extract.officials.lexicon import Lexicon
from extract.officials.tokens import Chunk, PosStarts, Token, tokenize
from extract.ruleset import PatternRule, RuleSet, RuleSetError
from extract.spelling import fold

_LABELS = frozenset({"official", "reject", "list_header"})
_TAG_ALPHABET = frozenset("RMNnPCg,&:;x")


@dataclass
class Mention:
    """One reading of an official in one sentence, before mentions of a person are merged."""

    name: str
    rank: str | None
    positions: list[str]
    sentence: Sentence
    rule: PatternRule
    via_pos: bool = False


class Grammar:
    """The lexicons, the chunker and the construction rules of one rule set, compiled once."""

    def __init__(self, rules: RuleSet) -> None:
        self.rules = rules
        self.lex = Lexicon(rules)
        self.chunker = Chunker(self.lex)
        self.constructions = _constructions(rules)
        words = {fold(w) for w in (*rules.lexicon("ranks"), *rules.lexicon("post_heads"))}
        words |= {
            f"{fold(p)} {fold(h)}"
            for p in rules.lexicon("post_prefixes")
            for h in rules.lexicon("deputy_heads")
        }
        # One branch per shared prefix, not one alternative per word: a sentence is searched
        # character by character, and a flat alternation tried every word at every character.
        self.trigger = re.compile(r"(?<!\w)" + trie_pattern(words) + r"(?!\w)")

    def mentions(self, document: Document, sentence: Sentence) -> list[Mention]:
        """Officials read in one sentence, in text order."""
        if not self.trigger.search(fold(sentence.text)):
            return []
        toks = tokenize(sentence)
        pos = _pos_starts(document, sentence, toks) if self.lex.use_pos else None
        chunks = self.chunker.chunk(toks, pos)
        tags = "".join(c.tag for c in chunks)
        found: list[tuple[int, int, int, PatternRule]] = []
        headers: list[tuple[int, list[str]]] = []  # (index of the list's colon, shared posts)
        for priority, (rule, regex) in enumerate(self.constructions):
            for m in _matches_at_every_start(regex, tags):
                if rule.label == "list_header":
                    posts = [_text(document, toks, c) for c in chunks[m.start() : m.end()] if c.tag == "P"]
                    headers.append((m.end(), posts))
                else:
                    found.append((m.start(), priority, m.end(), rule))
        found.sort(key=lambda f: (f[0], f[1], -f[2]))
        claimed = [False] * len(tags)
        out: list[Mention] = []
        for start, _, end, rule in found:
            if any(claimed[start:end]):
                continue
            claimed[start:end] = [True] * (end - start)
            if rule.label == "official":
                # an entry of a list takes the posts of the header its list opens with: the last
                # colon before it must be that header's ("các đồng chí Ủy viên Bộ Chính trị: A, ...;
                # B, ...; Cùng dự có các đồng chí: C, ..." gives C no header post)
                last_colon = tags.rfind(":", 0, start)
                shared = [posts for colon, posts in headers if colon == last_colon]
                for mention in self._mentions(document, sentence, toks, chunks[start:end], rule):
                    if shared and tags[start - 1] in ":;":  # an entry of a list after a header
                        mention.positions = [*shared[-1], *mention.positions]
                    out.append(mention)
        return out

    def _mentions(
        self,
        document: Document,
        sentence: Sentence,
        toks: Sequence[Token],
        chunks: Sequence[Chunk],
        rule: PatternRule,
    ) -> list[Mention]:
        """One mention per name of a match ("A và B, Phó Giám đốc ..." names two people): each
        name with the rank written right before it and every post of the match."""
        out = []
        posts = [c for c in chunks if c.tag == "P"]  # every name of the match shares them
        group: list[Chunk] = []
        for chunk in chunks:
            if chunk.tag in "Nn":
                ranks = [c for c in group if c.tag == "R"][-1:]
                out.append(self._mention(document, sentence, toks, [*ranks, chunk, *posts], rule))
                group = []
            else:
                group.append(chunk)
        return out

    def _mention(
        self,
        document: Document,
        sentence: Sentence,
        toks: Sequence[Token],
        chunks: Sequence[Chunk],
        rule: PatternRule,
    ) -> Mention:
        def text(chunk: Chunk) -> str:
            return _text(document, toks, chunk)

        name = next(c for c in chunks if c.tag in "Nn")
        rank = next((c for c in chunks if c.tag == "R"), None)
        rank_keys = tuple(t.key for t in toks[rank.start : rank.end]) if rank else None
        return Mention(
            name=text(name),
            rank=self.lex.ranks.original[rank_keys] if rank_keys else None,
            positions=[text(c) for c in chunks if c.tag == "P"],
            sentence=sentence,
            rule=rule,
            via_pos=name.via_pos,
        )


def trie_pattern(words: Iterable[str]) -> str:
    """A regex matching exactly ``words`` (as ``a|b|...`` does, backtracking included), with
    common prefixes written once: ``rank|ranker`` becomes ``rank(?:er)?``."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return "(?:" + emit(trie) + ")"


def _matches_at_every_start(regex: re.Pattern[str], tags: str) -> Iterator[re.Match[str]]:
    """The match starting at each position where one starts, overlaps included.

    A match another rule claims must not hide a shorter one inside it: in "thừa ủy quyền của
    Chủ tịch nước, Bí thư Tỉnh ủy Lê Văn A trao" the reject claims "gP", and "P,PN" from the
    mandating post would hide the "PN" after it.
    """
    pos = 0
    while pos < len(tags) and (m := regex.search(tags, pos)):
        if m.group():
            yield m
        pos = m.start() + 1


def _text(document: Document, toks: Sequence[Token], chunk: Chunk) -> str:
    """The text of a chunk, spaces normalised."""
    return " ".join(document.text[toks[chunk.start].start : toks[chunk.end - 1].end].split())


def _constructions(rules: RuleSet) -> list[tuple[PatternRule, re.Pattern[str]]]:
    """The rule set's patterns, checked: regexes over the tag string, labelled official or reject."""
    out = []
    for rule in rules.patterns:
        if rule.regex is None:
            raise RuleSetError(f"{rules.name}: rule {rule.id!r} must be a 'regex' over chunk tags")
        if rule.label not in _LABELS:
            raise RuleSetError(
                f"{rules.name}: rule {rule.id!r} has label {rule.label!r}; use one of {sorted(_LABELS)}"
            )
        letters = set(re.sub(r"\\.|\(\?[:!=<]*|[\[\]()|*+?{}^$\d]", "", rule.regex))
        if unknown := letters - _TAG_ALPHABET:
            raise RuleSetError(
                f"{rules.name}: rule {rule.id!r} uses {''.join(sorted(unknown))!r}, "
                f"which are not chunk tags ({''.join(sorted(_TAG_ALPHABET))})"
            )
        out.append((rule, rules.compiled[rule.id]))
    return out


def _pos_starts(document: Document, sentence: Sentence, toks: Sequence[Token]) -> PosStarts:
    """Run offsets where underthesea begins a proper noun (Np) that ends with the run."""

    def starts(start: int, end: int) -> set[int]:
        words = document.pos(sentence)
        run_end = toks[end - 1].end
        begins = {w_start for _, tag, w_start, w_end in words if tag == "Np" and w_end == run_end}
        return {n for n in range(end - start) if toks[start + n].start in begins}

    return starts
