"""Is an article about the movement?  A weighted term score from ``crawler/relevance.yaml``.

A news site publishes far more than the movement: the crawler reads every article it finds
but keeps only those whose title and text name the movement, its day, or the grassroots
security work it organises.  The terms are data so a reviewer can tune recall without code.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from crawler.urls import RulesError

RELEVANCE_FILE = Path(__file__).with_name("relevance.yaml")
_COMMAS = re.compile(r"[,，]")
_SPACES = re.compile(r"\s+")


def _normalise(text: str) -> str:
    return _SPACES.sub(" ", _COMMAS.sub(" ", unicodedata.normalize("NFC", text)))


@dataclass(frozen=True)
class Verdict:
    score: float
    threshold: float
    hits: dict[str, int] = field(default_factory=dict)

    @property
    def relevant(self) -> bool:
        return self.score >= self.threshold

    def reason(self) -> str:
        found = ", ".join(f"{t}×{n}" for t, n in sorted(self.hits.items())) or "no movement terms"
        return f"score {self.score:g} (need {self.threshold:g}): {found}"


@dataclass(frozen=True)
class Relevance:
    threshold: float
    title_weight: float
    max_hits: int
    weights: dict[str, float]
    pattern: re.Pattern[str]
    keys: dict[str, str]  # matched text (as compared) → term

    @classmethod
    def load(cls, path: Path = RELEVANCE_FILE) -> Relevance:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if data.get("version") != 1:
            raise RulesError(f"{path}: expected 'version: 1'")
        weights: dict[str, float] = {}
        keys: dict[str, str] = {}
        alternatives: list[tuple[int, str]] = []
        for i, entry in enumerate(data.get("terms") or []):
            term = _normalise(str(entry.get("term", ""))).strip()
            if not term or not isinstance(entry.get("weight"), int | float):
                raise RulesError(f"{path}: terms[{i}] needs a non-empty 'term' and a numeric 'weight'")
            if term in weights:
                raise RulesError(f"{path}: terms[{i}]: {term!r} is listed twice")
            weights[term] = float(entry["weight"])
            sensitive = bool(entry.get("case"))
            keys[term if sensitive else term.lower()] = term
            body = re.escape(term)
            alternatives.append((len(term), body if sensitive else f"(?i:{body})"))
        if not alternatives:
            raise RulesError(f"{path}: no terms")
        alternatives.sort(key=lambda a: -a[0])  # the longest of overlapping terms wins
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(a for _, a in alternatives) + r")(?!\w)")
        return cls(
            threshold=float(data.get("threshold", 1)),
            title_weight=float(data.get("title_weight", 1)),
            max_hits=int(data.get("max_hits_per_term", 3)),
            weights=weights,
            pattern=pattern,
            keys=keys,
        )

    def _terms(self, text: str) -> Counter[str]:
        found: Counter[str] = Counter()
        for match in self.pattern.finditer(_normalise(text)):
            hit = match.group(0)
            term = self.keys.get(hit) or self.keys.get(hit.lower())
            if term is not None:
                found[term] += 1
        return found

    def judge(self, title: str | None, text: str) -> Verdict:
        """Score ``title`` and ``text`` (the text may repeat the title; it is counted once)."""
        title = title or ""
        body = text[len(title) :] if title and text.startswith(title) else text
        in_body = self._terms(body)
        in_title = self._terms(title)
        score = sum(self.weights[t] * min(n, self.max_hits) for t, n in in_body.items())
        score += self.title_weight * sum(self.weights[t] for t in in_title)
        return Verdict(score=score, threshold=self.threshold, hits=dict(in_body + in_title))


@cache
def default() -> Relevance:
    return Relevance.load()
