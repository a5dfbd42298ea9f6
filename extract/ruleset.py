"""Rule sets kept as data: loaded from ``extract/rules/<kind>.v<N>.yaml`` and validated once.

A rule set is named ``<kind>.v<N>`` (``officials.v1``).  A revised set is added as a new
file beside the old one; old versions stay loadable so stored records can always be
traced to the rules that produced them.  Every record says ``ruleset`` and ``rule``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

if TYPE_CHECKING:
    from extract.document import Document

RULES_DIR = Path(__file__).parent / "rules"
_NAME = re.compile(r"^(?P<kind>[a-z_]+)\.v(?P<version>\d+)$")


class RuleSetError(ValueError):
    """A rule file that cannot be used; the message names the file and the fault."""


class PatternRule(BaseModel):
    """One pattern: a spaCy token pattern or a regular expression, never both."""

    model_config = ConfigDict(extra="forbid")

    id: str
    label: str | None = None
    pattern: list[dict[str, Any]] | None = None
    regex: str | None = None
    confidence: float = Field(default=0.8, ge=0, le=1)
    note: str | None = None

    @model_validator(mode="after")
    def _one_engine(self) -> PatternRule:
        if (self.pattern is None) == (self.regex is None):
            raise ValueError(f"rule {self.id!r} needs exactly one of 'pattern' or 'regex'")
        if self.regex is not None:
            try:
                re.compile(self.regex)
            except re.error as exc:
                raise ValueError(f"rule {self.id!r}: bad regex: {exc}") from exc
        if self.pattern is not None:
            _check_token_pattern(self.id, self.pattern)
        return self


def _check_token_pattern(rule_id: str, pattern: list[dict[str, Any]]) -> None:
    """spaCy's own validation of a token pattern, so a typo fails at load, not silently."""
    from spacy.matcher import Matcher
    from spacy.vocab import Vocab

    if not pattern:
        raise ValueError(f"rule {rule_id!r}: empty token pattern")
    try:
        Matcher(Vocab(), validate=True).add(rule_id, [pattern])
    except ValueError as exc:  # spaCy's MatchPatternError is a ValueError
        first = str(exc).strip().splitlines()
        raise ValueError(f"rule {rule_id!r}: bad token pattern: {' '.join(first[-2:])}") from None


class RuleSet(BaseModel):
    """Lexicons and patterns of one record kind, in one version."""

    model_config = ConfigDict(extra="forbid", ignored_types=(cached_property,))

    name: str
    description: str = ""
    lexicons: dict[str, list[str]] = Field(default_factory=dict)
    settings: dict[str, Any] = Field(default_factory=dict)
    patterns: list[PatternRule] = Field(default_factory=list)

    @field_validator("name")
    @classmethod
    def _versioned(cls, name: str) -> str:
        if not _NAME.match(name):
            raise ValueError(f"rule-set name {name!r} must look like 'kind.vN'")
        return name

    @model_validator(mode="after")
    def _unique_ids(self) -> RuleSet:
        seen: set[str] = set()
        for rule in self.patterns:
            if rule.id in seen:
                raise ValueError(f"duplicate rule id {rule.id!r}")
            seen.add(rule.id)
        return self

    @model_validator(mode="after")
    def _prefilter_names_regex_rules(self) -> RuleSet:
        """``settings.prefilter`` maps regex rule ids to lowercase literals (see :meth:`finditer`).

        A literal with a capital letter would never be found in the lowercased text, and the rule
        would silently never run: refused here instead.
        """
        prefilter = self.settings.get("prefilter", {})
        if not isinstance(prefilter, dict):
            raise ValueError("setting 'prefilter' must map rule ids to lists of words")
        regex_ids = {r.id for r in self.patterns if r.regex is not None}
        for rule_id, literals in prefilter.items():
            if rule_id not in regex_ids:
                raise ValueError(f"prefilter names {rule_id!r}, which is not a regex rule of this set")
            if not isinstance(literals, list) or not literals:
                raise ValueError(f"prefilter of {rule_id!r} must be a non-empty list of words")
            for literal in literals:
                if not isinstance(literal, str) or not literal.strip():
                    raise ValueError(f"prefilter of {rule_id!r} has an empty word")
                if literal != literal.lower():
                    raise ValueError(f"prefilter word {literal!r} of {rule_id!r} must be lowercase")
        return self

    @property
    def kind(self) -> str:
        return self.name.split(".")[0]

    def lexicon(self, name: str) -> list[str]:
        """A word list by name.  A list the newest set of the kind added after this one is empty
        here, so records of an older set can still be made with today's code; any other missing
        list is an error (a typo, or a list the code needs and the newest set lacks)."""
        found = self.lexicons.get(name)
        if found is not None:
            return found
        if name in _later_lexicons(self.name):
            return []
        raise RuleSetError(f"rule set {self.name} has no lexicon {name!r}")

    @cached_property
    def compiled(self) -> dict[str, re.Pattern[str]]:
        """Regex rules compiled once, by rule id."""
        return {r.id: re.compile(r.regex) for r in self.patterns if r.regex is not None}

    @cached_property
    def matcher(self):  # type: ignore[no-untyped-def]
        """spaCy Matcher of the token-pattern rules, built once, over the shared syllable vocabulary."""
        from spacy.matcher import Matcher

        from extract.document import shared_vocab

        matcher = Matcher(shared_vocab())
        for rule in self.patterns:
            if rule.pattern is not None:
                matcher.add(rule.id, [rule.pattern])
        return matcher

    @cached_property
    def _lower_words(self) -> dict[str, tuple[str, ...]]:
        """Token patterns that only spell lowercase syllables in turn (``[{LOWER: ngày}, {LOWER:
        hội}]``), by rule id: :meth:`find` reads them off the text, with no spaCy Doc."""
        out = {}
        for rule in self.patterns:
            if rule.pattern and all(
                set(token) == {"LOWER"} and isinstance(token["LOWER"], str) and token["LOWER"]
                for token in rule.pattern
            ):
                out[rule.id] = tuple(token["LOWER"] for token in rule.pattern)
        return out

    def find(self, rule: PatternRule | str, document: Document) -> Iterator[tuple[int, int]]:
        """Character spans of a rule's matches in text order, whichever engine the rule uses.

        Token patterns run spaCy's Matcher over the article's syllables (``Document.doc``);
        overlapping matches of one rule keep the longest, as spaCy's ``filter_spans`` does.
        """
        rule = self.rule(rule) if isinstance(rule, str) else rule
        if rule.regex is not None:
            for m in self.finditer(rule, document):
                yield m.start(), m.end()
            return
        words = self._lower_words.get(rule.id)
        if words is not None:
            yield from _lower_sequence(words, document)
            return
        from spacy.util import filter_spans

        doc = document.doc
        key = doc.vocab.strings[rule.id]
        spans = [doc[s:e] for match_id, s, e in self.matcher(doc) if match_id == key]
        for span in sorted(filter_spans(spans), key=lambda sp: sp.start):
            yield document.char_span(span)

    def finditer(self, rule: PatternRule | str, document: Document) -> Iterator[re.Match[str]]:
        """Matches of a regex rule in an article, in text order.

        Setting ``prefilter`` maps a rule id to lowercase words the rule cannot match without
        ("ngày hội" for the festival triggers); such a rule scans only the sentences that hold one
        of them, which spares most regexes most of the text.  A rule without an entry scans the
        whole text.
        """
        rule = self.rule(rule) if isinstance(rule, str) else rule
        if rule.regex is None:
            raise RuleSetError(f"rule {rule.id!r} of {self.name} is a token pattern, not a regex")
        regex = self.compiled[rule.id]
        text, lowered = document.text, document.lowered
        literals = self.settings.get("prefilter", {}).get(rule.id)
        if not literals or len(lowered) != len(text):  # a lowercase that changes length: no offsets
            yield from regex.finditer(text)
            return
        windows: set[tuple[int, int]] = set()
        for literal in literals:
            at = lowered.find(literal)
            while at >= 0:
                sentence = document.sentence_at(at)
                windows.add((sentence.start, sentence.end))
                at = lowered.find(literal, sentence.end)
        for start, end in sorted(windows):
            yield from regex.finditer(text, start, end)

    def rule(self, rule_id: str) -> PatternRule:
        for rule in self.patterns:
            if rule.id == rule_id:
                return rule
        raise RuleSetError(f"rule set {self.name} has no rule {rule_id!r}")


def _lower_sequence(words: tuple[str, ...], document: Document) -> Iterator[tuple[int, int]]:
    """Character spans of runs of tokens whose lowercase spells ``words``, as spaCy's Matcher and
    ``filter_spans`` give them for such a pattern: every match has the same length, so the leftmost
    of overlapping ones is kept.  A token's lowercase is ``str.lower`` of its text (spaCy's LOWER)."""
    text, lowered = document.text, document.lowered
    n, first = len(words), words[0]
    # ``lowered`` lowercases each character alone except a capital sigma (its final form depends
    # on the letters around it): only a word without sigma may be looked up in it.
    if len(lowered) != len(text) or any(c in w for w in words for c in "σς"):
        tokens = document._tokens
        taken = -1
        for i in range(len(tokens) - n + 1):
            if i >= taken and all(text[slice(*tokens[i + k])].lower() == words[k] for k in range(n)):
                taken = i + n
                yield tokens[i][0], tokens[i + n - 1][1]
        return
    taken_end = -1
    at = lowered.find(first)
    while at >= 0:
        if at >= taken_end and (span := _run_at(words, text, lowered, at)):
            taken_end = span[1]
            yield span
        at = lowered.find(first, at + 1)


def _run_at(words: tuple[str, ...], text: str, lowered: str, at: int) -> tuple[int, int] | None:
    """The span of ``words`` as whole tokens of ``Document._tokens`` from character ``at``, or None.

    No token holds a space, so tokenizing from the space before ``at`` cuts the text as tokenizing
    the whole of it does: only that stretch is read."""
    from extract.document import _TOKEN

    chunk = at
    while chunk > 0 and not text[chunk - 1].isspace():
        chunk -= 1
    k = 0
    for m in _TOKEN.finditer(text, chunk):
        start, end = m.span()
        if k == 0:
            if end <= at:
                continue
            if start != at:
                return None  # a token straddles ``at``
        if lowered[start:end] != words[k]:
            return None
        k += 1
        if k == len(words):
            return at, end
    return None


def available(kind: str | None = None, rules_dir: Path = RULES_DIR) -> list[str]:
    """Names of the rule sets on disk, oldest version first."""
    names = []
    # Read on every extraction (``latest``): a plain listing, not pathlib's glob machinery, which
    # cost more than some record kinds.  Every name ``_NAME`` accepts matches "*.v*.yaml".
    try:
        entries = os.listdir(rules_dir)
    except (FileNotFoundError, NotADirectoryError):
        entries = []
    for entry in entries:
        if not entry.endswith(".yaml"):
            continue
        m = _NAME.match(entry.removesuffix(".yaml"))
        if m and (kind is None or m["kind"] == kind):
            names.append((m["kind"], int(m["version"]), m.group(0)))
    return [n for _, _, n in sorted(names)]


def latest(kind: str, rules_dir: Path = RULES_DIR) -> str:
    """The newest rule-set name of a kind: what extraction uses unless told otherwise."""
    names = available(kind, rules_dir)
    if not names:
        raise RuleSetError(f"no rule set for {kind!r} in {rules_dir}")
    return names[-1]


@cache
def _later_lexicons(name: str) -> frozenset[str]:
    """Lexicons of the newest shipped set of ``name``'s kind, when ``name`` is an older one."""
    try:
        newest = latest(name.split(".")[0])
    except RuleSetError:
        return frozenset()  # a kind not shipped with antq (a test's own rules folder)
    return frozenset() if newest == name else frozenset(load(newest).lexicons)


@cache
def load(name: str, rules_dir: Path = RULES_DIR) -> RuleSet:
    """Load and validate a rule set by name (``figures.v1``); cached per process."""
    path = rules_dir / f"{name}.yaml"
    if not path.is_file():
        raise RuleSetError(f"rule set {name!r} not found (looked for {path})")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        ruleset = RuleSet.model_validate(data)
    except (yaml.YAMLError, ValueError) as exc:
        raise RuleSetError(f"{path}: {exc}") from exc
    if ruleset.name != name:
        raise RuleSetError(f"{path}: declares name {ruleset.name!r}, expected {name!r}")
    return ruleset
