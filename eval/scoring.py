"""Precision, recall and F1 per record kind, attribute accuracies, and the report they make.

Counting follows ANNOTATION.md "Scoring": one-to-one matches per article, summed over articles
(micro-average).  A prediction that pairs with no gold record is a false positive, so a record
extracted twice costs one false positive.  A gold record marked ``optional`` is neither a reward
nor a penalty: a prediction matching it is set aside, and leaving it out is not a miss.
Attributes are scored as accuracy over the matched (true positive) pairs only, so they say how
good a found record is, independently of how many were found.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from eval.gold import KINDS, GoldArticle
from eval.matching import MATCHERS, Record, assign, fold, fold_chars


def _same_text(gold: Any, pred: Any) -> bool:
    return fold(gold) == fold(pred)


def _same_value(gold: Any, pred: Any) -> bool:
    return (gold or None) == (pred or None)


def _same_text_set(gold: Any, pred: Any) -> bool:
    return {fold(item) for item in gold or []} == {fold(item) for item in pred or []}


Compare = Callable[[Any, Any], bool]

# Attributes scored per kind: (field, how to compare, gold default when the key is absent).
ATTRIBUTES: dict[str, tuple[tuple[str, Compare, Any], ...]] = {
    "officials": (("rank", _same_text, None), ("positions", _same_text_set, [])),
    "figures": (("qualifier", _same_value, None), ("kind", _same_value, "count")),
    "awards": (("type", _same_text, None),),
    "events": (("location", _same_text, None),),
}
PUBLISHED = "article.published"


@dataclass
class Counts:
    """True positives, false positives and misses of one kind; sums over articles."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        if self.tp + self.fp == 0:
            return 1.0 if self.fn == 0 else 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        if self.tp + self.fn == 0:
            return 1.0 if self.fp == 0 else 0.0
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Accuracy:
    """Share of matched records whose attribute agrees with gold."""

    correct: int = 0
    total: int = 0

    def add(self, other: Accuracy) -> None:
        self.correct += other.correct
        self.total += other.total

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    def to_dict(self) -> dict[str, Any]:
        accuracy = None if self.value is None else round(self.value, 4)
        return {"correct": self.correct, "total": self.total, "accuracy": accuracy}


@dataclass(frozen=True)
class Mismatch:
    """A false positive or a miss, with the sentence an editor reads to judge it.

    For a false positive the evidence is the prediction's own; gold has no evidence, so for a
    miss it is the first sentence holding the record's words (``evidence_guessed``).
    """

    kind: str
    status: str  # "false positive" | "miss"
    record: dict[str, Any]
    evidence: str | None = None
    evidence_guessed: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "status": self.status,
            "record": self.record,
            "evidence": self.evidence,
            "evidence_guessed": self.evidence_guessed,
        }


@dataclass
class KindResult:
    """How one kind's gold and predicted records of one article paired up."""

    pairs: list[tuple[Record, Record]]
    false_positives: list[Record]
    misses: list[Record]
    optional_matched: int

    @property
    def counts(self) -> Counts:
        return Counts(tp=len(self.pairs), fp=len(self.false_positives), fn=len(self.misses))


def score_kind(kind: str, gold: Sequence[Record], pred: Sequence[Record]) -> KindResult:
    """Pair one article's records of one kind; required gold first, leftovers against optional gold."""
    match = MATCHERS[kind]
    required = [g for g in gold if not g.get("optional")]
    optional = [g for g in gold if g.get("optional")]
    first = assign(required, pred, match)
    second = assign(optional, pred, match, pred_indices=first.unmatched_pred)
    return KindResult(
        pairs=[(required[g], pred[p]) for g, p in first.pairs],
        false_positives=[pred[p] for p in second.unmatched_pred],
        misses=[required[g] for g in first.unmatched_gold],
        optional_matched=len(second.pairs),
    )


def attribute_accuracy(kind: str, pairs: Sequence[tuple[Record, Record]]) -> dict[str, Accuracy]:
    out: dict[str, Accuracy] = {}
    for name, same, default in ATTRIBUTES[kind]:
        acc = Accuracy()
        for gold, pred in pairs:
            acc.total += 1
            acc.correct += same(gold.get(name, default), pred.get(name))
        out[f"{kind}.{name}"] = acc
    return out


@dataclass
class ArticleScore:
    """Everything measured on one article."""

    id: str
    counts: dict[str, Counts]
    attributes: dict[str, Accuracy]
    optional_matched: dict[str, int]
    mismatches: list[Mismatch] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kinds": {kind: c.to_dict() for kind, c in self.counts.items()},
            "optional_matched": self.optional_matched,
            "mismatches": [m.to_dict() for m in self.mismatches],
        }


def score_article(gold: GoldArticle, prediction: Mapping[str, Any], text: str | None = None) -> ArticleScore:
    """Score one article.  ``prediction`` is an ``Extraction`` dumped with ``model_dump(mode="json")``."""
    counts: dict[str, Counts] = {}
    attributes: dict[str, Accuracy] = {}
    optional_matched: dict[str, int] = {}
    mismatches: list[Mismatch] = []
    for kind in KINDS:
        result = score_kind(kind, gold.records.get(kind, []), list(prediction.get(kind) or []))
        counts[kind] = result.counts
        optional_matched[kind] = result.optional_matched
        attributes.update(attribute_accuracy(kind, result.pairs))
        for record in result.false_positives:
            evidence = (record.get("evidence") or {}).get("text")
            shown = {k: v for k, v in record.items() if k != "evidence"}
            mismatches.append(Mismatch(kind, "false positive", shown, evidence))
        for record in result.misses:
            guess = locate(kind, record, text) if text else None
            mismatches.append(Mismatch(kind, "miss", dict(record), guess, guess is not None))
    article = prediction.get("article") or {}
    published = Accuracy(total=1, correct=_same_value(gold.published, article.get("published")))
    attributes[PUBLISHED] = published
    return ArticleScore(gold.id, counts, attributes, optional_matched, mismatches)


def _key_words(kind: str, record: Record) -> list[str]:
    """Text of a gold record likely written as such in its sentence, most telling first."""
    keys = {
        "officials": ("name",),
        "figures": ("unit", "head"),
        "awards": ("issuer", "type"),
        "events": ("location", "organizer"),
    }[kind]
    return [str(record[k]) for k in keys if record.get(k)]


def _number_forms(value: Any) -> list[str]:
    """Ways a gold number is written in Vietnamese text: 21500 as "21.500", 1 as "01"."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return []
    if not number.is_integer():
        return [f"{number:g}".replace(".", ",")]
    whole = int(number)
    return sorted({f"{whole:,}".replace(",", "."), str(whole), f"{whole:02d}"})


def _words_pattern(text: str) -> str:
    words = fold(text).split()
    return r"(?<!\w)" + r"\s+".join(re.escape(word) for word in words) + r"(?!\w)" if words else ""


def _preferred(kind: str, record: Record) -> list[str]:
    """Patterns (on folded text) that single out the right sentence among those holding the key."""
    if kind == "figures":
        return [rf"(?<![\d.,]){re.escape(n)}(?!\d)" for n in _number_forms(record.get("value"))]
    if kind == "awards" and record.get("type"):
        return [_words_pattern(str(record["type"]))]
    return []


def locate(kind: str, record: Record, text: str) -> str | None:
    """The first sentence holding a gold record's words, preferring one that also holds its number
    (figures) or its type (awards)."""
    from extract.document import split_sentences

    sentences = split_sentences(text)
    folded = [fold_chars(s.text) for s in sentences]
    preferred = [p for p in _preferred(kind, record) if p]
    for key in _key_words(kind, record):
        pattern = _words_pattern(key)
        holding = [i for i, f in enumerate(folded) if pattern and re.search(pattern, f)]
        best = [i for i in holding if any(re.search(p, folded[i]) for p in preferred)]
        if best or holding:
            return sentences[(best or holding)[0]].text
    return None


@dataclass
class EvalReport:
    """Scores over a set of articles; ``detail`` keeps every false positive and miss for display."""

    kinds: dict[str, Counts]
    attributes: dict[str, Accuracy]
    articles: list[ArticleScore]
    detail: bool = False

    @classmethod
    def from_articles(cls, articles: Sequence[ArticleScore], detail: bool = False) -> EvalReport:
        kinds = {kind: Counts() for kind in KINDS}
        attributes: dict[str, Accuracy] = {}
        for article in articles:
            for kind, counts in article.counts.items():
                kinds[kind].add(counts)
            for name, acc in article.attributes.items():
                attributes.setdefault(name, Accuracy()).add(acc)
        return cls(kinds=kinds, attributes=attributes, articles=list(articles), detail=detail)

    def f1(self) -> dict[str, float]:
        return {kind: counts.f1 for kind, counts in self.kinds.items()}

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "articles": len(self.articles),
            "kinds": {kind: counts.to_dict() for kind, counts in self.kinds.items()},
            "attributes": {name: acc.to_dict() for name, acc in self.attributes.items()},
        }
        if self.detail:
            out["per_article"] = [article.to_dict() for article in self.articles]
        return out

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)
