"""Officials: named people holding a post, one record per person per article (ANNOTATION.md).

A sentence is read in three steps, each driven by ``rules/officials.v1.yaml``:

1. chunking: syllable tokens become chunks, each written as one tag letter: a rank (R), an
   address marker (M, "đồng chí"), a personal name (N with a known surname, n otherwise), a post
   phrase (P: head "Phó Giám đốc" + body "Công an tỉnh" + place "Điện Biên"), a credit label (C),
   separators; a post read right before a name splits "place + name" runs on the way;
2. constructions: the rule set's regular expressions run over the tag string ("R[Nn](?:,P)+"
   is "Đại tá Lê Văn A, Phó Giám đốc ..."); the leftmost match wins, ties go to the earlier rule;
3. merging: mentions of one person (same name, or a shorter form with the same surname and
   given name) become one record, positions deduplicated in the order first seen.

Names alone, bylines and credits never make a record: a post or a rank must be attached.
A ranked name alone on a closing line is the author's signature, not an official (see
:func:`is_signature`).
"""

from __future__ import annotations

import re

from extract.document import Document
from extract.officials.grammar import Grammar, Mention
from extract.officials.merge import merge
from extract.records import Official, RecordBase
from extract.ruleset import RuleSet
from extract.spelling import fold

_SENTENCE_END = (".", "!", "?", "…")

__all__ = ["Grammar", "Mention", "extract", "grammar_for", "merge"]

_GRAMMARS: dict[int, tuple[RuleSet, Grammar]] = {}


def grammar_for(rules: RuleSet) -> Grammar:
    """The compiled grammar of a rule set, built once per rule-set object."""
    cached = _GRAMMARS.get(id(rules))
    if cached is None or cached[0] is not rules:
        if len(_GRAMMARS) > 16:
            _GRAMMARS.clear()
        cached = _GRAMMARS[id(rules)] = (rules, Grammar(rules))
    return cached[1]


def extract(document: Document, rules: RuleSet, found: dict[str, list[RecordBase]]) -> list[Official]:
    """Officials of an article; ``found`` (earlier kinds) is not needed: officials come first."""
    grammar = grammar_for(rules)
    mentions = [
        m
        for sentence in document.sentences
        for m in grammar.mentions(document, sentence)
        if not is_signature(document, m)
    ]
    return merge(mentions, grammar, document)


def is_signature(document: Document, mention: Mention) -> bool:
    """Whether ``mention`` is a police author's signature closing the article.

    Police portals sign with a rank, a name and the author's unit: "Trung úy Lê Văn A (Công an
    huyện B)", "Đại úy Trần C - Phòng Tham mưu".  Such a line is the whole line, holds no post
    and nothing after the unit, and no line after it ends like a sentence (it closes the body).
    A caption "Thiếu tá D (bìa phải) trao quà ..." goes on after its bracket and is read.
    """
    if mention.positions or mention.rank is None:
        return False
    text, sentence = document.text, mention.sentence
    line_start = text.rfind("\n", 0, sentence.start) + 1
    line_end = text.find("\n", sentence.end)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end].strip()
    if line.endswith(_SENTENCE_END) or any(
        later.strip().endswith(_SENTENCE_END) for later in text[line_end:].splitlines()
    ):
        return False
    signed = re.compile(
        rf"{re.escape(fold(mention.rank))}\s+{re.escape(fold(mention.name))}\s*(?:\([^()]*\)|[-–][^()]*)?"
    )
    return signed.fullmatch(fold(line)) is not None
