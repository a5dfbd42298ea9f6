"""People around a distinction: the presenter who hands it over, and persons who cannot issue it.

The officials found earlier in the pipeline name them; failing that, a personal name read from
the clause's subject ("Đại tá X, ... trao Giấy khen").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extract.awards.lexicon import Lexicon
from extract.names import is_name_syllable, same_person
from extract.records import Official
from extract.ruleset import RuleSet
from extract.spelling import fold


def names_person(text: str, lex: Lexicon, officials: Sequence[Official]) -> bool:
    if lex.person_title.search(text):
        return True
    return official_in(text, lex, officials) is not None


def official_in(text: str, lex: Lexicon, officials: Sequence[Official]) -> tuple[int, str] | None:
    """The last official named in ``text`` (position, name).

    A two-syllable name right after a level word is a place ("huyện Thạch Sơn"), whatever a list
    of officials says; a full name there is a person ("Phó Chủ tịch UBND tỉnh Lê Thị Hoa").
    """
    folded = fold(text)
    best: tuple[int, str] | None = None
    for o in officials:
        name = fold(o.name)
        at = folded.rfind(name)
        while at >= 0:
            words_before = folded[:at].split()
            place_like = len(name.split()) <= 2 and bool(words_before) and lex.levels.match(words_before[-1])
            if not place_like:
                if best is None or at > best[0]:
                    best = (at, o.name)
                break
            at = folded.rfind(name, 0, at)
    return best


def find_presenter(clause: str, rules: RuleSet, lex: Lexicon, officials: Sequence[Official]) -> str | None:
    """The named person handing the distinction over ("Đại tá X, ... trao Giấy khen").

    Officials found earlier name him, by the name he has in their records (the longest form); failing
    that, a personal name read from the subject.
    """
    verb = rules.compiled["presents"].search(clause) or rules.compiled["issuer_grants"].search(clause)
    if verb is None:
        return None
    return person_in(clause[: verb.start()], lex, officials)


def presenter_after(
    text: str, pos: int, limit: int, rules: RuleSet, lex: Lexicon, officials: Sequence[Official]
) -> str | None:
    """The person of "Bằng khen của UBND tỉnh được đồng chí A, Phó Chủ tịch UBND tỉnh trao cho ...",
    after the distinction (construction ``presented_by``, absent from older rule sets)."""
    pattern = rules.compiled.get("presented_by")
    m = pattern.match(text, pos, limit) if pattern is not None else None
    return person_in(m.group("agent"), lex, officials) if m is not None else None


def person_in(subject: str, lex: Lexicon, officials: Sequence[Official]) -> str | None:
    """The person a phrase names: an official of the article, else a personal name read from it."""
    best = official_in(subject, lex, officials)
    if best is not None:
        return best[1]
    name = _name_fallback(subject, lex)
    if name is None:
        return None
    # "Đại tá Trần Bình trao": the short form of an official found in the article is that official.
    known = next((o.name for o in officials if same_person(name, o.name)), name)
    return max((known, name), key=lambda n: len(n.split()))


def _name_fallback(subject: str, lex: Lexicon) -> str | None:
    """The last personal name of the subject: 3-4 capitalised syllables, or 2 right after a rank or
    a form of address ("Đại tá Trần Bình", "bà Lò Hoa"; not "tỉnh Bà Rịa - Vũng Tàu").

    Runs that start like a post or a body ("Phó Chủ", "Công an") or follow a level word
    ("tỉnh Bắc Ninh") are not names.
    """
    runs: list[tuple[list[str], str, bool]] = []  # (syllables, word before the run, titled)
    current: list[str] = []
    before = ""
    previous = ""
    titled = False
    for tok in re.finditer(r"\S+", subject):
        raw = tok.group()
        word = raw.strip(",.;:()")
        if is_name_syllable(word) and not raw.startswith("("):
            if not current and lex.person_title.fullmatch(word) and not lex.levels.match(previous):
                previous = word.lower()  # "Bà H’Yên Niê": the name follows
                titled = True
                continue
            if not current:
                before = previous
                titled = titled or lex.title_before.search(subject, 0, tok.start()) is not None
            current.append(word)
            if raw.endswith((",", ";", ":", ")")):
                runs.append((current, before, titled))
                current, titled = [], False
        elif current:
            runs.append((current, before, titled))
            current, titled = [], False
        else:
            titled = False
        previous = word.lower()
    if current:
        runs.append((current, before, titled))
    names = [
        r
        for r, prev, titled in runs
        if (3 <= len(r) <= 4 or (titled and len(r) == 2))
        and r[0] not in lex.not_name_starts
        and not lex.levels.match(prev)
    ]
    return " ".join(names[-1]) if names else None
