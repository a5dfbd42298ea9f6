"""Merging: mentions of one person become one record, positions deduplicated in first-seen order.

"Đại tá Phạm Văn A, Phó Giám đốc Công an tỉnh" and "đồng chí Phó Giám đốc Công an tỉnh Phạm A"
are one person: same name, or a shorter form with the same surname and given name.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from extract.document import Document
from extract.names import same_person
from extract.officials.grammar import Grammar, Mention
from extract.records import Official
from extract.spelling import fold


@dataclass
class _Person:
    mentions: list[Mention] = field(default_factory=list)

    @property
    def name(self) -> str:
        return max((m.name for m in self.mentions), key=lambda n: len(n.split()))


def _merge_positions(mentions: Iterable[Mention]) -> list[str]:
    """Positions in the order first seen, as first written.

    A later one that extends a kept one with a named place ("... tỉnh Điện Biên") replaces it; one
    that adds only a level word ("Bí thư Đảng ủy" then "Bí thư Đảng ủy xã") names nothing new; one
    that adds the ministry after a comma ("Cục trưởng Cục A, Bộ Công an") is the same post, written whole.
    """
    out: list[str] = []
    for position in (p for m in mentions for p in m.positions):
        key = fold(position)
        for n, kept in enumerate(out):
            kept_key = fold(kept)
            if key == kept_key or kept_key.startswith((key + " ", key + ",")):
                break
            if key.startswith(kept_key + ","):  # "Cục trưởng Cục A" then "..., Bộ Công an"
                out[n] = position
                break
            if key.startswith(kept_key + " "):
                added = position.split()[len(kept.split()) :]
                if any(word[:1].isupper() for word in added):
                    out[n] = position
                break
        else:
            out.append(position)
    return out


def _trim_run_on_names(mentions: Sequence[Mention]) -> None:
    """A name read with a capitalised word run on after it is the name written alone elsewhere.

    "Chủ tịch UBND tỉnh Lê Văn A Lễ tại Lễ kỷ niệm ..." reads "Lê Văn A Lễ"; when the article
    also writes "Lê Văn A" (three syllables or more) on its own, that is the person's name.  Only
    a name the sentence goes on after in lower case ran on: "Lê Thị Thu Hà, Chủ tịch ..." beside
    "Lê Thị Thu" is two people.
    """
    names = {tuple(fold(m.name).split()): m.name for m in mentions}
    for mention in mentions:
        words = fold(mention.name).split()
        if not _run_on(mention):
            continue
        for n in range(len(words) - 1, 2, -1):
            if (shorter := names.get(tuple(words[:n]))) is not None:
                mention.name = shorter
                break


def _run_on(mention: Mention) -> bool:
    """Whether the sentence goes on in lower case right after the mention's name."""
    text = mention.sentence.text
    at = text.find(mention.name)
    rest = text[at + len(mention.name) :].lstrip() if at >= 0 else ""
    return rest[:1].islower()


def merge(mentions: Sequence[Mention], grammar: Grammar, document: Document) -> list[Official]:
    """One record per person; evidence is the richest mention written with the full name."""
    _trim_run_on_names(mentions)
    people: list[_Person] = []
    for mention in mentions:
        same = (p for p in people if any(same_person(mention.name, m.name) for m in p.mentions))
        person = next(same, None)
        if person is None:
            people.append(person := _Person())
        person.mentions.append(mention)
    records = []
    for person in people:
        name = person.name
        full = [m for m in person.mentions if fold(m.name) == fold(name)]
        best = max(full, key=lambda m: len(m.positions))  # max keeps the first of equals
        confidence = max(
            min(m.rule.confidence, grammar.lex.confidence_via_pos) if m.via_pos else m.rule.confidence
            for m in person.mentions
        )
        records.append(
            Official(
                name=name,
                rank=next((m.rank for m in person.mentions if m.rank), None),
                positions=_merge_positions(person.mentions),
                evidence=document.evidence(best.sentence),
                rule=best.rule.id,
                ruleset=grammar.rules.name,
                confidence=confidence,
            )
        )
    return records
