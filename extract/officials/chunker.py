"""Chunking: the tokens of a sentence become tagged chunks, one tag letter each.

R rank, M address marker, N/n personal name (certain / candidate), P post, C credit label,
g a word that makes the next post someone else's ("thừa ủy quyền", "Bằng khen của"),
"," separator, "&" conjunction ("và"), ":" colon, ";" clause end, x anything else.  The
construction rules of the rule set are regular expressions over the string of these letters
(:mod:`extract.officials.grammar`).
"""

from __future__ import annotations

from collections.abc import Sequence

from extract.names import Strength, is_name_syllable
from extract.officials.lexicon import Lexicon
from extract.officials.posts import PostReader
from extract.officials.tokens import Chunk, PosStarts, Token

_CLAUSE_END = frozenset(";.!?…")


class Chunker:
    """Tags the tokens of one sentence with the lexicons of one rule set."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.posts = PostReader(lex)

    def chunk(self, toks: Sequence[Token], pos: PosStarts | None) -> list[Chunk]:
        """Tag every token of a sentence; consecutive tokens of one phrase share a chunk."""
        out: list[Chunk] = []
        openers = self.lex.openers
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
            if tok.text[0].isdigit() and (after := self._age(toks, i, out)) > i:
                i = after
                continue
            if tok.key not in openers and not is_name_syllable(tok.text):
                # a plain word ("tổ chức", "2025"): what every reading below would make of it
                out.append(Chunk("x", i, i + 1))
                i, clause_start = i + 1, False
                continue
            if (after := self._aside(toks, i)) > i:
                i = after
                continue
            if tok.key in self.lex.conjunctions:  # "A và B, Phó Giám đốc ...": coordinated names
                out.append(Chunk("&", i, i + 1))
                i, clause_start = i + 1, False
                continue
            if out and out[-1].tag in "Nn" and (copula := self.lex.copulas.match(toks, i)):
                # "Thiếu tá Lê Văn A nguyên là Phó Trưởng Công an huyện": the name's own posts follow
                out.append(Chunk(",", i, i + len(copula)))
                i, clause_start = i + len(copula), False
                continue
            if tok.key in self.lex.separators:
                if out and out[-1].tag == "," and out[-1].end == i and tok.key == "kiêm":
                    out[-1] = Chunk(",", out[-1].start, i + 1)  # ", kiêm Trưởng ...": one break
                    i, clause_start = i + 1, False
                    continue
                out.append(Chunk(",", i, i + 1))
                i, clause_start = i + 1, tok.text == "("
                continue
            step = self._governor(toks, i) or self._credit(toks, i) or self._marker(toks, i, clause_start)
            if step:
                out.append(step)
                i, clause_start = step.end, False
                continue
            if rank := self.lex.ranks.match(toks, i):
                out.append(Chunk("R", i, i + len(rank)))
                i, clause_start = i + len(rank), False
                continue
            if board := self.lex.boards.match(toks, i):  # "Ban Giám đốc Công an tỉnh": a board, no post
                out.append(Chunk("x", i, i + len(board)))
                i, clause_start = i + len(board), False
                continue
            post = self.posts.read(toks, i, pos, split_names=not named)
            if post:
                out.extend(post)
                i, clause_start = post[-1].end, False
                continue
            if (skip := self._title(toks, i)) > i:
                i = skip
                continue
            chunk = self._name_run(toks, i, bool(out) and out[-1].tag == "M" and out[-1].end == i)
            out.append(chunk)
            i, clause_start = chunk.end, False
        return out

    def _governor(self, toks: Sequence[Token], i: int) -> Chunk | None:
        """ "thừa ủy quyền", "thay mặt", or "của" after a distinction: the post after them is not the
        post of the person named next ("Thừa ủy quyền của Chủ tịch nước, Thượng tướng X trao ...").
        """
        governor = self.lex.governors.match(toks, i)
        if governor:
            return Chunk("g", i, i + len(governor))
        if toks[i].key in self.lex.award_links and self._after_award(toks, i):
            return Chunk("g", i, i + 1)
        return None

    def _after_award(self, toks: Sequence[Token], i: int) -> bool:
        """Whether a distinction noun stands before ``i`` in its clause ("Bằng khen ... của")."""
        for j in range(i - 1, max(-1, i - self.lex.award_window - 1), -1):
            if toks[j].text in _CLAUSE_END or toks[j].text == ":":
                return False
            if self.lex.award_nouns.match(toks, j):
                return True
        return False

    def _credit(self, toks: Sequence[Token], i: int) -> Chunk | None:
        label = self.lex.credit_labels.match(toks, i)
        if label and i + len(label) < len(toks) and toks[i + len(label)].text == ":":
            return Chunk("C", i, i + len(label) + 1)
        prefix = self.lex.credit_prefixes.match(toks, i)
        if prefix and toks[i].text[0].isupper():
            return Chunk("C", i, i + len(prefix))
        return None

    def _marker(self, toks: Sequence[Token], i: int, clause_start: bool) -> Chunk | None:
        """ "ông", "đồng chí"; capitalised only where a clause starts ("Bà Rịa" is a place), or
        when a lowercase syllable ends it ("có Đồng chí A", which no place name is spelt like)."""
        marker = self.lex.markers.match(toks, i)
        if marker and (
            clause_start
            or toks[i].text[0].islower()
            or (len(marker) > 1 and toks[i + len(marker) - 1].text[0].islower())
        ):
            return Chunk("M", i, i + len(marker))
        return None

    def _title(self, toks: Sequence[Token], i: int) -> int:
        """Index after academic titles ("PGS.TS") that stand before a name; ``i`` when none."""
        j = i
        while (title := self.lex.titles.match(toks, j)) or (j > i and toks[j].text in ".-"):
            j += len(title) if title else 1
            if j >= len(toks):
                return i
        return j if j > i and is_name_syllable(toks[j].text) else i

    def _aside(self, toks: Sequence[Token], i: int) -> int:
        """Index after a short parenthesis with no post or credit ("(thứ hai từ trái sang)"); else ``i``.

        Photo captions put such asides between a name and its post; they are read through.  A
        bracket holding only capitalised syllables is no aside: it names the holder of the post
        before it ("đồng chí Phó Chủ tịch UBND tỉnh (Lê Văn A)") or a place the chunker reads.
        """
        if toks[i].text != "(":
            return i
        for j in range(i + 1, min(len(toks), i + 12)):
            if toks[j].text == ")":
                inside = toks[i + 1 : j]
                return i if len(inside) >= 2 and all(is_name_syllable(t.text) for t in inside) else j + 1
            if (
                toks[j].text in "(:;"
                or self.lex.starts_phrase(toks, j)
                or self.lex.credit_labels.match(toks, j)
            ):
                return i
        return i

    def _age(self, toks: Sequence[Token], i: int, out: Sequence[Chunk]) -> int:
        """Index after an age set off after a name ("ông Lê Văn A, 58 tuổi, Trưởng thôn ..."), its
        closing separator included; ``i`` when none.  The post after it is the name's."""
        if not (
            toks[i].text.isdigit()
            and i + 1 < len(toks)
            and toks[i + 1].key in self.lex.age_words
            and len(out) >= 2
            and out[-1].tag == ","
            and out[-2].tag in "Nn"
        ):
            return i
        j = i + 2
        return j + 1 if j < len(toks) and toks[j].key in self.lex.separators else j

    def _name_run(self, toks: Sequence[Token], i: int, after_marker: bool = False) -> Chunk:
        """A capitalised run outside a post: a name candidate (N, n) or other text (x).

        After a form of address the run is a person even when the form ends like a level word
        ("Già làng Đinh A": "làng" is no village there), or when it opens with a surname and
        spells a unit's name as well ("đồng chí Mai Sơn").
        """
        end = self.lex.run_end(toks, i)
        if end == i or toks[i].key in self.lex.names.not_first:  # "Theo Trần Văn A": the name starts after
            return Chunk("x", i, i + 1)
        if not after_marker and self.lex.level_before(toks, i):  # "xã Lê Lợi": a place
            return Chunk("x", i, end)
        words = [t.text for t in toks[i:end]]
        strength = self.lex.names.strength(words)
        if strength is None:
            return Chunk("x", i, end)
        # "Hà Giang - Chủ tịch ...": a unit's name is no person, unless a form of address names
        # one with a surname ("đồng chí Mai Sơn": a district's name too)
        marked = after_marker and strength is Strength.strong
        if not marked and self.lex.names.gazetteer.is_place(None, words):
            return Chunk("x", i, end)
        return Chunk("N" if strength is Strength.strong else "n", i, end)


def _after_name(chunks: Sequence[Chunk]) -> bool:
    """Whether the chunks so far end in "Name, post, ..., " (separators and posts after a name)."""
    for chunk in reversed(chunks):
        if chunk.tag in "Nn":
            return True
        if chunk.tag not in ",P":
            return False
    return False
