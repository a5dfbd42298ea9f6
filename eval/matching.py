"""When a predicted record counts as a gold record, and the one-to-one pairing of the two lists.

The rules are those of ANNOTATION.md "Scoring": officials match on the name, figures on value,
total and head noun, awards on issuer (type when the gold issuer is unknown), events on type and
date.  Records are compared as plain mappings (gold JSON, or a predicted record dumped with
``model_dump(mode="json")``) so the same code scores files and live extractions.

A match function returns a score: 0 means "not the same record"; above 0, higher means a closer
pair (the key fields agree and so do some attributes).  The score only orders candidates for the
greedy assignment, it never turns a non-match into a match.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

Record = Mapping[str, Any]
MatchFn = Callable[[Record, Record], float]

# Letters whose base form NFD does not expose.
_EXTRA_FOLDS = {"đ": "d", "Đ": "d"}


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    """One character, lower-cased without its diacritics; always one character long."""
    if char in _EXTRA_FOLDS:
        return _EXTRA_FOLDS[char]
    base = unicodedata.normalize("NFD", char)[0].lower()
    return base if len(base) == 1 else char


def fold_chars(text: str) -> str:
    """Length-preserving fold of an NFC text, so an index found in it is an index of ``text``.

    Dropping every diacritic also removes the difference between old and new tone placement
    ("uỷ"/"ủy", "hoà"/"hòa"): the tone mark is what moves, and it is gone.
    """
    return "".join(_fold_char(c) for c in unicodedata.normalize("NFC", text))


def fold(text: str | None) -> str:
    """Spelling key for comparisons: case, diacritics, tone placement and spacing folded."""
    if not text:
        return ""
    return " ".join(fold_chars(text).split())


def _words(text: str | None) -> list[str]:
    return re.findall(r"\w+", fold(text))


def _contains_words(haystack: list[str], needle: list[str]) -> bool:
    """Whether ``needle`` occurs as whole consecutive words of ``haystack``.

    Whole words matter once diacritics are folded: "tổ" becomes "to", a prefix of "toàn".
    """
    n = len(needle)
    return n > 0 and any(haystack[i : i + n] == needle for i in range(len(haystack) - n + 1))


def _same_number(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    try:
        return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(a)))
    except (TypeError, ValueError):
        return False


def head_matches(gold: Record, pred: Record) -> bool:
    """The prediction's unit starts with or contains the gold head noun, or its own head equals it.

    Gold without a head falls back to its unit; gold with neither accepts any unit.
    """
    head = _words(gold.get("head") or gold.get("unit"))
    if not head:
        return True
    if _words(pred.get("head")) == head:
        return True
    return _contains_words(_words(pred.get("unit")), head)


def match_official(gold: Record, pred: Record) -> float:
    if not fold(gold.get("name")) or fold(gold.get("name")) != fold(pred.get("name")):
        return 0.0
    return 1.0 + 0.1 * (fold(gold.get("rank")) == fold(pred.get("rank")))


def match_figure(gold: Record, pred: Record) -> float:
    if not _same_number(gold.get("value"), pred.get("value")):
        return 0.0
    if not _same_number(gold.get("total"), pred.get("total")):
        return 0.0
    if not head_matches(gold, pred):
        return 0.0
    unit_exact = fold(gold.get("unit")) == fold(pred.get("unit"))
    return 1.0 + 0.1 * unit_exact + 0.05 * (gold.get("qualifier") == pred.get("qualifier"))


def match_award(gold: Record, pred: Record) -> float:
    same_type = bool(fold(gold.get("type"))) and fold(gold.get("type")) == fold(pred.get("type"))
    issuer = fold(gold.get("issuer"))
    if issuer:
        return (1.0 + 0.1 * same_type) if issuer == fold(pred.get("issuer")) else 0.0
    return 1.0 if same_type else 0.0


def match_event(gold: Record, pred: Record) -> float:
    if gold.get("type") != pred.get("type"):
        return 0.0
    gold_date = gold.get("date")
    if gold_date is not None and str(gold_date) != str(pred.get("date")):
        return 0.0
    same_place = fold(gold.get("location")) == fold(pred.get("location"))
    return 1.0 + 0.1 * same_place + 0.05 * (gold_date is not None)


MATCHERS: dict[str, MatchFn] = {
    "officials": match_official,
    "figures": match_figure,
    "awards": match_award,
    "events": match_event,
}


@dataclass(frozen=True)
class Assignment:
    """A one-to-one pairing: ``pairs`` of (gold index, prediction index), and what is left over."""

    pairs: list[tuple[int, int]]
    unmatched_gold: list[int]
    unmatched_pred: list[int]


def assign(
    gold: Sequence[Record], pred: Sequence[Record], match: MatchFn, pred_indices: Sequence[int] | None = None
) -> Assignment:
    """Greedy one-to-one assignment, best score first, ties broken by list order (deterministic).

    Greedy is optimal here in practice: match functions are near-binary, so competing candidates
    for one gold record are interchangeable repeats.  ``pred_indices`` restricts the predictions
    considered (used to pair leftovers with optional gold records).
    """
    candidates = list(range(len(pred))) if pred_indices is None else list(pred_indices)
    scored = [
        (-score, g, p)
        for g, gold_record in enumerate(gold)
        for p in candidates
        if (score := match(gold_record, pred[p])) > 0
    ]
    scored.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, g, p in scored:
        if g in used_gold or p in used_pred:
            continue
        used_gold.add(g)
        used_pred.add(p)
        pairs.append((g, p))
    pairs.sort()
    return Assignment(
        pairs=pairs,
        unmatched_gold=[g for g in range(len(gold)) if g not in used_gold],
        unmatched_pred=[p for p in candidates if p not in used_pred],
    )
