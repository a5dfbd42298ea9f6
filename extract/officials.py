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
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from extract.document import Document, Sentence
from extract.names import NameModel, PlaceLevel, Strength, admin_gazetteer, is_name_syllable, spelling_key
from extract.records import Official, RecordBase
from extract.ruleset import PatternRule, RuleSet, RuleSetError

_TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")
_CLAUSE_END = frozenset(";.!?…")
_ROMAN_OR_NUMBER = re.compile(r"^(?:[IVXLC]+|\d+)$")
_LEVEL_KINDS = {
    "levels_province": PlaceLevel.province,
    "levels_province_or_district": PlaceLevel.province_or_district,
    "levels_district": PlaceLevel.district,
    "levels_ward": PlaceLevel.ward,
    "levels_village": PlaceLevel.village,
}


@dataclass(frozen=True, slots=True)
class Token:
    """One syllable or punctuation mark, with its spelling key and offsets in the article text."""

    text: str
    key: str
    start: int
    end: int


def tokenize(sentence: Sentence) -> list[Token]:
    return [
        Token(m.group(), _syllable_key(m.group()), sentence.start + m.start(), sentence.start + m.end())
        for m in _TOKEN.finditer(sentence.text)
    ]


@lru_cache(maxsize=65536)
def _syllable_key(syllable: str) -> str:
    """Spelling key of one syllable; the same few thousand syllables recur in every article."""
    return spelling_key(syllable)


class Phrases:
    """Lexicon entries of one or more syllables, matched on spelling keys, longest first."""

    def __init__(self, entries: Iterable[str]) -> None:
        self._by_first: dict[str, list[tuple[str, ...]]] = {}
        self.original: dict[tuple[str, ...], str] = {}
        for entry in entries:
            keys = tuple(_TOKEN.findall(spelling_key(entry)))
            if keys and keys not in self.original:
                self.original[keys] = entry
                self._by_first.setdefault(keys[0], []).append(keys)
        for options in self._by_first.values():
            options.sort(key=len, reverse=True)

    def match(self, tokens: Sequence[Token], i: int) -> tuple[str, ...] | None:
        """The longest entry starting at token ``i``, as its key tuple."""
        if i >= len(tokens) or tokens[i].key not in self._by_first:
            return None  # the common case, kept cheap: most syllables start no entry
        return next(self.matches(tokens, i), None)

    def matches(self, tokens: Sequence[Token], i: int) -> Iterator[tuple[str, ...]]:
        """Every entry starting at token ``i``, longest first."""
        if i >= len(tokens):
            return
        for keys in self._by_first.get(tokens[i].key, ()):
            end = i + len(keys)
            if end <= len(tokens) and all(tokens[i + n].key == k for n, k in enumerate(keys)):
                yield keys

    def __contains__(self, keys: tuple[str, ...]) -> bool:
        return keys in self.original


@dataclass(frozen=True, slots=True)
class Chunk:
    """A tagged span of tokens ``[start, end)`` of one sentence."""

    tag: str
    start: int
    end: int
    via_pos: bool = False


@dataclass
class Mention:
    """One reading of an official in one sentence, before mentions of a person are merged."""

    name: str
    rank: str | None
    positions: list[str]
    sentence: Sentence
    rule: PatternRule
    via_pos: bool = False


# A callable giving, for a run of tokens [start, end), the run offsets where underthesea starts a
# proper-noun word reaching the end of the run (asked only when lexicons cannot split the run).
PosStarts = Callable[[int, int], set[int]]


def _is_code(text: str) -> bool:
    """Codes and numbers inside a body: "PC06", "35", "ANTT" (no lower-case letter)."""
    return text.isalnum() and not any(c.islower() for c in text) and (len(text) > 1 or text.isdigit())


class Grammar:
    """The chunker and the construction rules of one rule set, compiled once."""

    def __init__(self, rules: RuleSet) -> None:
        lex = rules.lexicon
        settings = rules.settings
        self.rules = rules
        self.ranks = Phrases(lex("ranks"))
        self.markers = Phrases(lex("markers"))
        self.titles = Phrases(lex("titles"))
        self.credit_labels = Phrases(lex("credit_labels"))
        self.credit_prefixes = Phrases(lex("credit_prefixes"))
        self.heads = Phrases(lex("post_heads"))
        self.prefixes = Phrases(lex("post_prefixes"))
        self.suffixes = Phrases(lex("post_suffixes"))
        self.needing_body = Phrases(lex("heads_needing_body"))
        self.open_heads = Phrases(lex("open_heads"))
        self.bodies = Phrases(lex("bodies"))
        self.open_bodies = Phrases(lex("open_bodies"))
        self.org_words = Phrases(lex("org_words"))
        self.joiners = frozenset(spelling_key(w) for w in lex("org_joiners"))
        self.tail_words = Phrases(lex("post_tail_words"))
        self.separators = frozenset(spelling_key(w) for w in lex("separators"))
        self.levels = Phrases(w for name in _LEVEL_KINDS for w in lex(name))
        self.level_kind = {
            keys: kind for name, kind in _LEVEL_KINDS.items() for keys in Phrases(lex(name)).original
        }
        self.max_complement = int(settings.get("max_complement_tokens", 24))
        self.names = NameModel(
            lex("surnames"),
            lex("not_name_first"),
            lex("not_official_names"),
            int(settings.get("min_name_syllables", 2)),
            int(settings.get("max_name_syllables", 4)),
            admin_gazetteer() if settings.get("gazetteer", True) else None,
        )
        self.use_pos = bool(settings.get("pos_fallback", True))
        self.confidence_via_pos = float(settings.get("confidence_via_pos", 0.7))
        self.constructions = _constructions(rules)
        trigger_words = sorted(
            {spelling_key(w) for w in (*lex("ranks"), *lex("post_heads"))}, key=len, reverse=True
        )
        self.trigger = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, trigger_words)) + r")(?!\w)")

    # -- chunking -------------------------------------------------------------------------------

    def chunk(self, toks: Sequence[Token], pos: PosStarts | None) -> list[Chunk]:
        """Tag every token of a sentence; consecutive tokens of one phrase share a chunk."""
        out: list[Chunk] = []
        i, clause_start = 0, True
        while i < len(toks):
            tok = toks[i]
            # Inside "Name, post, post" the posts already have their person: no name is split
            # off a place at their end ("Đại úy Lò Văn A - Trưởng Công an xã Nà Khoa").
            named = _after_name(out)
            if tok.text in _CLAUSE_END or tok.text == ":":
                out.append(Chunk(":" if tok.text == ":" else ";", i, i + 1))
                i, clause_start = i + 1, True
                continue
            if (after := self._aside(toks, i)) > i:
                i = after
                continue
            if tok.key in self.separators:
                out.append(Chunk(",", i, i + 1))
                i, clause_start = i + 1, tok.text == "("
                continue
            step = self._credit(toks, i) or self._marker(toks, i, clause_start)
            if step:
                out.append(step)
                i, clause_start = step.end, False
                continue
            if rank := self.ranks.match(toks, i):
                out.append(Chunk("R", i, i + len(rank)))
                i, clause_start = i + len(rank), False
                continue
            post = self._post(toks, i, pos, split_names=not named)
            if post:
                out.extend(post)
                i, clause_start = post[-1].end, False
                continue
            if (skip := self._title(toks, i)) > i:
                i = skip
                continue
            chunk = self._name_run(toks, i)
            out.append(chunk)
            i, clause_start = chunk.end, False
        return out

    def _credit(self, toks: Sequence[Token], i: int) -> Chunk | None:
        label = self.credit_labels.match(toks, i)
        if label and i + len(label) < len(toks) and toks[i + len(label)].text == ":":
            return Chunk("C", i, i + len(label) + 1)
        prefix = self.credit_prefixes.match(toks, i)
        if prefix and toks[i].text[0].isupper():
            return Chunk("C", i, i + len(prefix))
        return None

    def _marker(self, toks: Sequence[Token], i: int, clause_start: bool) -> Chunk | None:
        """ "ông", "đồng chí"; capitalised only where a clause starts ("Bà Rịa" is a place)."""
        marker = self.markers.match(toks, i)
        if marker and (clause_start or toks[i].text[0].islower()):
            return Chunk("M", i, i + len(marker))
        return None

    def _title(self, toks: Sequence[Token], i: int) -> int:
        """Index after academic titles ("PGS.TS") that stand before a name; ``i`` when none."""
        j = i
        while (title := self.titles.match(toks, j)) or (j > i and toks[j].text in ".-"):
            j += len(title) if title else 1
            if j >= len(toks):
                return i
        return j if j > i and is_name_syllable(toks[j].text) else i

    def _starts_phrase(self, toks: Sequence[Token], i: int) -> bool:
        """Whether a rank or a post ("Phó Giám đốc") starts at ``i``: a name run ends there.

        A prefix counts only before a head: "Nguyên" and "Quyền" are also given names.
        """
        if self.ranks.match(toks, i) or self.heads.match(toks, i):
            return True
        j = i
        while prefix := self.prefixes.match(toks, j):
            j += len(prefix)
        return j > i and self.heads.match(toks, j) is not None

    def _aside(self, toks: Sequence[Token], i: int) -> int:
        """Index after a short parenthesis with no post or credit ("(thứ hai từ trái sang)"); else ``i``.

        Photo captions put such asides between a name and its post; they are read through.
        """
        if toks[i].text != "(":
            return i
        for j in range(i + 1, min(len(toks), i + 12)):
            if toks[j].text == ")":
                return j + 1
            if toks[j].text in "(:;" or self._starts_phrase(toks, j) or self.credit_labels.match(toks, j):
                return i
        return i

    def _run_end(self, toks: Sequence[Token], i: int) -> int:
        j = i
        while j < len(toks) and is_name_syllable(toks[j].text) and not self._starts_phrase(toks, j):
            j += 1
        return j

    def _level_before(self, toks: Sequence[Token], i: int) -> bool:
        return any(i - n >= 0 and tuple(t.key for t in toks[i - n : i]) in self.level_kind for n in (1, 2, 3))

    def _name_run(self, toks: Sequence[Token], i: int) -> Chunk:
        """A capitalised run outside a post: a name candidate (N, n) or other text (x)."""
        end = self._run_end(toks, i)
        if end == i or toks[i].key in self.names.not_first:  # "Theo Trần Văn A": the name starts after
            return Chunk("x", i, i + 1)
        if self._level_before(toks, i):  # "xã Lê Lợi": a place
            return Chunk("x", i, end)
        words = [t.text for t in toks[i:end]]
        strength = self.names.strength(words)
        if strength is None or self.names.gazetteer.is_place(None, words):  # "Hà Giang - Chủ tịch ..."
            return Chunk("x", i, end)
        return Chunk("N" if strength is Strength.strong else "n", i, end)

    def _post(
        self, toks: Sequence[Token], i: int, pos: PosStarts | None, split_names: bool = True
    ) -> list[Chunk] | None:
        """A post phrase at ``i``, and the name that ends it when one is written after it."""
        start = i
        while prefix := self.prefixes.match(toks, start):
            start += len(prefix)
        best: list[Chunk] | None = None
        # "Trưởng đoàn" is a head, and so is "Trưởng" before the body "Đoàn đại biểu Quốc hội":
        # every head that matches is tried, the reading that goes furthest is kept.
        for head in self.heads.matches(toks, start):
            j = start + len(head)
            if suffix := self.suffixes.match(toks, j):
                j += len(suffix)
            # "Trưởng thôn Nà Phát": a head ending in a level word is followed by its place.
            level = self.level_kind.get(head[-1:])
            end, name, has_body = self._complement(toks, j, head in self.open_heads, pos, level, split_names)
            if head in self.needing_body and not has_body:
                continue
            reading = [Chunk("P", i, end), name] if name else [Chunk("P", i, end)]
            if best is None or reading[-1].end > best[-1].end:
                best = reading
        return best

    def _complement(
        self,
        toks: Sequence[Token],
        j: int,
        open_topic: bool,
        pos: PosStarts | None,
        head_level: PlaceLevel | None = None,
        split_names: bool = True,
    ) -> tuple[int, Chunk | None, bool]:
        """Body and place after a post head: (end, name written after them, whether a body was read).

        Capitalised syllables, codes and known bodies belong to the body; lowercase topic words
        only after a body that takes a topic ("Ban Chỉ đạo xây dựng phong trào ..."); after a level
        word comes its place, and a personal name may be split off the end of that place.
        """
        k = end = j
        seen_level = has_body = False
        limit = min(len(toks), j + self.max_complement)
        if head_level is not None:
            run_end = self._run_end(toks, j)
            if run_end > j:
                name = self._split_name(toks, j, run_end, head_level, pos) if split_names else None
                if name:
                    return name.start, name, True
                k = end = run_end
            seen_level = True
        while k < limit:
            tok = toks[k]
            body = self.bodies.match(toks, k)
            if body and len(body) == 1 and not tok.text[0].isupper():
                body = None  # "tổ", "phòng", "ban" in lowercase are ordinary words
            level = self.levels.match(toks, k)
            titled = tok.text[0].isupper()
            org = self.org_words.match(toks, k)
            if org and not (titled or (open_topic and not seen_level)):
                org = None
            if seen_level and not level:
                body = org = None
            longest = max(len(body or ()), len(org or ()))
            if level and (len(level) > longest or (len(level) == longest and not titled)):
                place_start = k + len(level)
                if place_start < len(toks) and toks[place_start].text == "." and level == ("tp",):
                    place_start += 1
                run_end = self._run_end(toks, place_start)
                if run_end == place_start and run_end < len(toks) and toks[run_end].text.isdigit():
                    run_end += 1  # "phường 5"
                elif run_end > place_start:
                    kind = self.level_kind[level]
                    name = self._split_name(toks, place_start, run_end, kind, pos) if split_names else None
                    if name:
                        return name.start, name, has_body
                k = end = run_end
                seen_level = True
                continue
            if seen_level:
                if tail := self._tail(toks, k) or self._next_level(toks, k):
                    k = end = tail
                    continue
                break
            if body and len(body) >= len(org or ()):
                k = end = k + len(body)
                has_body = True
                open_topic = open_topic or body in self.open_bodies
                continue
            if org:
                k = end = k + len(org)
                has_body = has_body or titled
                continue
            if is_name_syllable(tok.text):
                run_end = self._run_end(toks, k)
                name = self._split_name(toks, k, run_end, None, pos) if split_names else None
                if name:
                    return name.start, name, has_body
                k = end = run_end
                has_body = True
                continue
            if _is_code(tok.text):
                k = end = k + 1
                has_body = True
                continue
            if self._joins_topic(toks, k, open_topic):
                k += 1  # "và", "về", a comma between topic words: kept only if a topic word follows
                continue
            if tail := self._tail(toks, k):
                k = end = tail
                continue
            break
        return end, None, has_body

    def _joins_topic(self, toks: Sequence[Token], k: int, open_topic: bool) -> bool:
        """A joiner between words of one body.

        "phòng, chống tội phạm, tệ nạn xã hội" after a body that takes a topic; "Sở Văn hóa, Thể
        thao và Du lịch" between capitalised body words.
        """
        tok = toks[k]
        if k + 1 >= len(toks) or self.org_words.match(toks, k + 1) is None:
            return False
        titled = toks[k + 1].text[0].isupper()
        if tok.key in self.joiners:
            return open_topic or titled
        if tok.text != ",":
            return False
        return (open_topic and not titled) or (titled and k > 0 and toks[k - 1].text[0].islower())

    def _next_level(self, toks: Sequence[Token], k: int) -> int:
        """End of ", tỉnh Lạng Sơn" continuing a place ("huyện Đình Lập, tỉnh Lạng Sơn"); 0 when none."""
        if toks[k].text != ",":
            return 0
        level = self.levels.match(toks, k + 1)
        if level is None or not toks[k + 1].text[:1].islower():
            return 0
        run_end = self._run_end(toks, k + 1 + len(level))
        return run_end if run_end > k + 1 + len(level) else 0

    def _tail(self, toks: Sequence[Token], k: int) -> int:
        """End of "khóa XV" / "nhiệm kỳ 2020 - 2025" after a post; 0 when none."""
        word = self.tail_words.match(toks, k)
        if word and k + len(word) < len(toks) and _ROMAN_OR_NUMBER.match(toks[k + len(word)].text):
            return k + len(word) + 1
        return 0

    def _split_name(
        self, toks: Sequence[Token], start: int, end: int, level: PlaceLevel | None, pos: PosStarts | None
    ) -> Chunk | None:
        words = [t.text for t in toks[start:end]]
        asker = (lambda: pos(start, end)) if pos and self.use_pos else None
        split = self.names.split_place_name(words, level, asker)
        if split.name_start >= len(words):
            return None
        # A name split off a post's place is decided (surname, gazetteer or POS): tag it certain.
        return Chunk("N", start + split.name_start, end, via_pos=split.via_pos)

    # -- constructions --------------------------------------------------------------------------

    def mentions(self, document: Document, sentence: Sentence) -> list[Mention]:
        """Officials read in one sentence, in text order."""
        if not self.trigger.search(spelling_key(sentence.text)):
            return []
        toks = tokenize(sentence)
        pos = _pos_starts(document, sentence, toks) if self.use_pos else None
        chunks = self.chunk(toks, pos)
        tags = "".join(c.tag for c in chunks)
        found: list[tuple[int, int, int, PatternRule]] = []
        for priority, (rule, regex) in enumerate(self.constructions):
            found.extend((m.start(), priority, m.end(), rule) for m in regex.finditer(tags) if m.group())
        found.sort(key=lambda f: (f[0], f[1], -f[2]))
        claimed = [False] * len(tags)
        out: list[Mention] = []
        for start, _, end, rule in found:
            if any(claimed[start:end]):
                continue
            claimed[start:end] = [True] * (end - start)
            if rule.label == "official":
                out.append(self._mention(document, sentence, toks, chunks[start:end], rule))
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
            return " ".join(document.text[toks[chunk.start].start : toks[chunk.end - 1].end].split())

        name = next(c for c in chunks if c.tag in "Nn")
        rank = next((c for c in chunks if c.tag == "R"), None)
        rank_text = self.ranks.original[tuple(t.key for t in toks[rank.start : rank.end])] if rank else None
        return Mention(
            name=text(name),
            rank=rank_text,
            positions=[text(c) for c in chunks if c.tag == "P"],
            sentence=sentence,
            rule=rule,
            via_pos=name.via_pos,
        )


_LABELS = frozenset({"official", "reject"})
_TAG_ALPHABET = frozenset("RMNnPC,:;x")


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


def _after_name(chunks: Sequence[Chunk]) -> bool:
    """Whether the chunks so far end in "Name, post, ..., " (separators and posts after a name)."""
    for chunk in reversed(chunks):
        if chunk.tag in "Nn":
            return True
        if chunk.tag not in ",P":
            return False
    return False


def _pos_starts(document: Document, sentence: Sentence, toks: Sequence[Token]) -> PosStarts:
    """Run offsets where underthesea begins a proper noun (Np) that ends with the run."""

    def starts(start: int, end: int) -> set[int]:
        words = document.pos(sentence)
        run_end = toks[end - 1].end
        begins = {w_start for _, tag, w_start, w_end in words if tag == "Np" and w_end == run_end}
        return {n for n in range(end - start) if toks[start + n].start in begins}

    return starts


# -- merging --------------------------------------------------------------------------------------


@dataclass
class _Person:
    mentions: list[Mention] = field(default_factory=list)

    @property
    def name(self) -> str:
        return max((m.name for m in self.mentions), key=lambda n: len(n.split()))


def _same_person(a: str, b: str) -> bool:
    """Same name, or a shorter one with its surname and given name ("Nguyễn Tâm" of "Nguyễn Văn Tâm")."""
    ka, kb = spelling_key(a).split(), spelling_key(b).split()
    if ka == kb:
        return True
    short, long = sorted((ka, kb), key=len)
    if len(short) < 2 or short[0] != long[0] or short[-1] != long[-1]:
        return False
    rest = iter(long[1:-1])
    return all(word in rest for word in short[1:-1])


def _merge_positions(mentions: Iterable[Mention]) -> list[str]:
    """Positions in the order first seen; one that extends another ("... tỉnh Điện Biên") replaces it."""
    out: list[str] = []
    for position in (p for m in mentions for p in m.positions):
        key = spelling_key(position)
        for n, kept in enumerate(out):
            kept_key = spelling_key(kept)
            if key == kept_key or kept_key.startswith(key + " "):
                break
            if key.startswith(kept_key + " "):
                out[n] = position
                break
        else:
            out.append(position)
    return out


def merge(mentions: Sequence[Mention], grammar: Grammar, document: Document) -> list[Official]:
    """One record per person; evidence is the richest mention written with the full name."""
    people: list[_Person] = []
    for mention in mentions:
        same = (p for p in people if any(_same_person(mention.name, m.name) for m in p.mentions))
        person = next(same, None)
        if person is None:
            people.append(person := _Person())
        person.mentions.append(mention)
    records = []
    for person in people:
        name = person.name
        full = [m for m in person.mentions if spelling_key(m.name) == spelling_key(name)]
        best = max(full, key=lambda m: len(m.positions))  # max keeps the first of equals
        confidence = max(
            min(m.rule.confidence, grammar.confidence_via_pos) if m.via_pos else m.rule.confidence
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
    mentions = [m for sentence in document.sentences for m in grammar.mentions(document, sentence)]
    return merge(mentions, grammar, document)
