"""Post phrases: head ("Phó Giám đốc"), body ("Công an"), place ("tỉnh Điện Biên"), and the name after.

A post read right before a name also splits "place + name" runs on the way ("UBND tỉnh Điện
Biên Lò Văn A": place "Điện Biên", name "Lò Văn A"), with the surname lexicon, the gazetteer and,
when they cannot decide, underthesea's proper-noun tags.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extract.names import PlaceLevel, Strength, is_name_syllable
from extract.officials.lexicon import Lexicon, is_code
from extract.officials.tokens import Chunk, PosStarts, Token

_HEAD_ENDS = frozenset({"trưởng", "phó"})  # "Trưởng phòng", "Phó phòng": a department named in the head
_ROMAN_OR_NUMBER = re.compile(r"^(?:[IVXLC]+|\d+)$")
_OPENING_QUOTES = frozenset('“"')
_CLOSING_QUOTES = frozenset('”"')
# Levels whose places the gazetteer knows whole: a name may be split off them even inside a list.
_STRICT_LEVELS = frozenset({None, PlaceLevel.province, PlaceLevel.province_or_district})


class PostReader:
    """Reads the post phrase starting at a token, with the lexicons of one rule set."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex

    def read(
        self, toks: Sequence[Token], i: int, pos: PosStarts | None, split_names: bool = True
    ) -> list[Chunk] | None:
        """A post phrase at ``i``, and the name that ends it when one is written after it."""
        start = i
        while prefix := self.lex.prefixes.match(toks, start):
            start += len(prefix)
        best: list[Chunk] | None = None
        # "Trưởng đoàn" is a head, and so is "Trưởng" before the body "Đoàn đại biểu Quốc hội":
        # every head that matches is tried, the reading that goes furthest is kept.
        heads = list(self.lex.heads.matches(toks, start))
        if start > i:  # "Phó Ban Chỉ đạo", "Phó phòng Tham mưu": the deputy of a board or a division
            heads += self.lex.deputy_heads.matches(toks, start)
        for head in heads:
            j = start + len(head)
            if suffix := self.lex.suffixes.match(toks, j):
                j += len(suffix)
            # "Trưởng thôn Nà Phát": a head ending in a level word is followed by its place.
            level = next(
                (self.lex.level_kind[head[-n:]] for n in (3, 2, 1) if head[-n:] in self.lex.level_kind), None
            )
            end, name, has_body = self._complement(
                toks, j, head in self.lex.open_heads, pos, level, split_names
            )
            if head in self.lex.needing_body and not has_body:
                continue
            reading = [Chunk("P", i, end), name] if name else [Chunk("P", i, end)]
            if best is None or reading[-1].end > best[-1].end:
                best = reading
        if best and best[-1].tag == "P":
            if parent := self._parent(toks, best[-1].start, best[-1].end):
                best[-1] = Chunk("P", best[-1].start, parent)
            elif where := self._where(toks, best[-1].end):
                best.append(Chunk(",", best[-1].end, where))
        return best

    def _parent(self, toks: Sequence[Token], start: int, end: int) -> int:
        """End of ", Bộ Công an" closing a post in a department ("Cục trưởng Cục A, Bộ Công an;"); 0
        when none.  The ministry or police force a department belongs to is written after a comma,
        is no post on its own, and ends the clause: it completes the post as written."""
        if end + 2 >= len(toks) or toks[end].text != ",":
            return 0
        if not any(self._sub_unit(toks, start, k) for k in range(start, end)):
            return 0
        parent = self.lex.parent_bodies.match(toks, end + 1)
        if parent is None or not toks[end + 1].text[0].isupper():
            return 0
        k = end + 1 + len(parent)
        if level := self.lex.level_at(toks, k):
            k += len(level)
        k = self.lex.run_end(toks, k) if k < len(toks) and is_name_syllable(toks[k].text) else k
        return k if k == len(toks) or toks[k].text in ";.)" else 0

    def _sub_unit(self, toks: Sequence[Token], start: int, k: int) -> bool:
        """A department's word at ``k``: capitalised ("Cục", "Phòng"), or in a head ("Trưởng phòng");
        lowercase elsewhere it is an ordinary word ("phòng, chống tội phạm")."""
        if self.lex.sub_units.match(toks, k) is None:
            return False
        return toks[k].text[0].isupper() or (k > start and toks[k - 1].key in _HEAD_ENDS)

    def _where(self, toks: Sequence[Token], k: int) -> int:
        """End of ", huyện B, tỉnh C" after a post's place, and of the separator after it; 0 when none.

        It says where the unit lies and is no part of the post (a post is split on commas, and a
        place alone is no post), but it does not end the list of posts either: it is read as one
        separator ("Trưởng Công an phường A, quận B, Bí thư Chi bộ" holds two posts).
        """
        j = k
        while nxt := self._next_level(toks, j):
            j = nxt
        if j == k:
            return 0
        return j + 1 if j < len(toks) and toks[j].key in self.lex.separators else j

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
        seen_level = has_body = seated = False
        limit = min(len(toks), j + self.lex.max_complement)
        if head_level is not None:
            run_end = self.lex.run_end(toks, j)
            if run_end > j:
                name = self._split_name(toks, j, run_end, head_level, pos, strict=not split_names)
                if name:
                    return name.start, name, True
                k = end = self._village_number(toks, run_end, head_level)
            else:
                k = end = self._unit_number(toks, j)  # "Trưởng thôn số 4"
            seen_level = True
        while k < limit:
            tok = toks[k]
            body = self.lex.bodies.match(toks, k)
            if body and len(body) == 1 and not tok.text[0].isupper():
                body = None  # "tổ", "phòng", "ban" in lowercase are ordinary words
            level = self.lex.level_at(toks, k)
            titled = tok.text[0].isupper()
            org = self.lex.org_words.match(toks, k)
            if org and not (titled or (open_topic and not seen_level)):
                org = None
            if seen_level and not level:
                body = org = None
            longest = max(len(body or ()), len(org or ()))
            if level and (len(level) > longest or (len(level) == longest and not titled)):
                place_start = k + len(level)
                if (
                    place_start < len(toks)
                    and toks[place_start].text == "."
                    and level in self.lex.dotted_levels
                ):
                    place_start += 1  # "TP. Buôn Ma Thuột", "P.Bến Thành"
                run_end = self.lex.run_end(toks, place_start)
                if run_end == place_start and place_start < len(toks) and is_code(toks[place_start].text):
                    run_end = place_start + 1  # "TP.HCM", "TP HCM": a place written as an abbreviation
                if run_end == place_start:
                    run_end = self._unit_number(toks, place_start)  # "phường 5", "khu dân cư số 3"
                    if (
                        run_end == place_start
                        and open_topic
                        and self.lex.bodies.match(toks, k) == level  # "đội", "tổ": a team or a level
                        and self.lex.org_words.match(toks, run_end)
                    ):
                        # "Đội trưởng đội xây dựng phong trào ...": a team named by its topic, no unit
                        k = end = run_end
                        has_body = True
                        continue
                else:
                    kind = self.lex.level_kind[level]
                    name = self._split_name(toks, place_start, run_end, kind, pos, strict=not split_names)
                    if name:
                        return name.start, name, has_body
                    run_end = self._village_number(toks, run_end, kind)
                k = end = run_end
                seen_level = True
                continue
            if seen_level:
                # ", huyện B, tỉnh C" after the place is where it lies, no part of the post: a post
                # is split on commas (ANNOTATION.md), and a place alone is no post
                if tail := self._tail(toks, k):
                    k = end = tail
                    continue
                break
            if body and len(body) >= len(org or ()):
                k = end = k + len(body)
                has_body = True
                open_topic = open_topic or body in self.lex.open_bodies
                seated = seated or body in self.lex.seated_bodies
                continue
            if org:
                k = end = k + len(org)
                has_body = has_body or titled
                continue
            if is_name_syllable(tok.text):
                run_end = self.lex.run_end(toks, k)
                if run_end == k:  # a rank or another post starts here: "Bộ trưởng Bộ Công an Trung úy"
                    break
                name = self._split_name(toks, k, run_end, None, pos, strict=not split_names)
                if name:
                    return name.start, name, has_body
                k = end = run_end
                has_body = True
                continue
            if is_code(tok.text):
                k = end = k + 1
                # "138/CP": a code in two parts joined by a slash
                if (
                    k + 1 < limit
                    and toks[k].text == "/"
                    and is_code(toks[k + 1].text)
                    and toks[k].start == toks[k - 1].end
                ):
                    k = end = k + 2
                has_body = True
                continue
            if has_body and (closed := self._quoted(toks, k, limit)):
                k = end = closed  # "Ban Chỉ đạo “Thực hiện phong trào ...” Trung ương": a name in quotes
                continue
            if seated and tok.key in self.lex.seat_words and self.lex.level_at(toks, k + 1):
                k += 1  # "cơ quan đại diện Bộ A tại TP B": where the office sits names it
                continue
            if has_body and (closed := self._bracketed_unit(toks, k, limit)):
                k = end = closed  # "Phòng Cảnh sát ... (PC06) Công an tỉnh", "Cục ... (Bộ Công an)"
                continue
            if self._joins_topic(toks, k, open_topic, has_body):
                k += 1  # "và", "về", a comma between topic words: kept only if a topic word follows
                continue
            if tail := self._tail(toks, k):
                k = end = tail
                continue
            break
        return end, None, has_body

    def _quoted(self, toks: Sequence[Token], k: int, limit: int) -> int:
        """End of a quoted name ("“...”") opening at ``k`` inside a body; 0 when none does."""
        if toks[k].text not in _OPENING_QUOTES:
            return 0
        for j in range(k + 1, limit):
            if toks[j].text in _CLOSING_QUOTES:
                return j + 1 if j > k + 1 else 0
            if toks[j].text in ";:.!?":
                return 0
        return 0

    def _bracketed_unit(self, toks: Sequence[Token], k: int, limit: int) -> int:
        """End of a unit's code in brackets after its body ("Phòng Cảnh sát ... (PC06) Công an tỉnh");
        0 when the brackets hold anything else.  The body a unit belongs to, in brackets ("(Bộ Công
        an)", "(Công an tỉnh)"), is an aside the gold leaves out, and so is a name ("(Lê Văn A)")."""
        if toks[k].text != "(" or k + 2 >= limit:
            return 0
        close = next((j for j in range(k + 1, limit) if toks[j].text in "()"), 0)
        if not close or toks[close].text != ")":
            return 0
        inside = toks[k + 1 : close]
        if len(inside) == 1 and is_code(inside[0].text) and not inside[0].text.isdigit():
            return close + 1
        return 0

    def _joins_topic(self, toks: Sequence[Token], k: int, open_topic: bool, has_body: bool = False) -> bool:
        """A joiner between words of one body.

        "phòng, chống tội phạm, tệ nạn xã hội" after a body that takes a topic; "Sở Văn hóa, Thể
        thao và Du lịch" between capitalised body words; a dash between two fields of one board
        ("Ban Thi đua - Khen thưởng", "Đội Cảnh sát hình sự - kinh tế"), unless a post starts after it.
        """
        tok = toks[k]
        if k + 1 >= len(toks):
            return False
        if self.lex.org_words.match(toks, k + 1) is None:
            # a code after a dash or "về": "HĐND - UBND huyện", "quản lý hành chính về TTXH"
            code = is_code(toks[k + 1].text) and not toks[k + 1].text.isdigit()
            return has_body and code and (tok.key in self.lex.dashes or tok.key == "về")
        titled = toks[k + 1].text[0].isupper()
        if tok.key in self.lex.dashes:  # "Đội Cảnh sát hình sự - kinh tế - ma túy" after a topic-taking body
            return has_body and (titled or open_topic) and not self.lex.starts_phrase(toks, k + 1)
        if tok.key in self.lex.joiners:
            return open_topic or titled
        if tok.text != ",":
            return False
        return (open_topic and not titled) or (titled and k > 0 and toks[k - 1].text[0].islower())

    def _next_level(self, toks: Sequence[Token], k: int) -> int:
        """End of ", tỉnh Lạng Sơn" continuing a place ("huyện Đình Lập, tỉnh Lạng Sơn"); 0 when none."""
        if k >= len(toks) or toks[k].text != ",":
            return 0
        level = self.lex.levels.match(toks, k + 1)
        if level is None or not toks[k + 1].text[:1].islower():
            return 0
        run_end = self.lex.run_end(toks, k + 1 + len(level))
        return run_end if run_end > k + 1 + len(level) else 0

    def _village_number(self, toks: Sequence[Token], k: int, level: PlaceLevel | None) -> int:
        """End of the number closing a village's name ("thôn Kon Von 1", "buôn Ea Bar 2"); ``k``
        when none.  Only villages are numbered so; a number after a commune is something else."""
        if not (
            level is PlaceLevel.village
            and k < len(toks)
            and toks[k].text.isdigit()
            and len(toks[k].text) <= 2
        ):
            return k
        # the name ends there: punctuation, the end, the next level, or the holder's name ("Trưởng
        # thôn Ea Bar 2 Lê Văn A"); a lowercase word goes on ("Ea Bar 2 năm liền" counts years)
        after = k + 1
        if (
            after == len(toks)
            or not toks[after].text[0].isalnum()
            or self.lex.level_at(toks, after)
            or is_name_syllable(toks[after].text)
        ):
            return after
        return k

    def _unit_number(self, toks: Sequence[Token], k: int) -> int:
        """End of a unit's number after its level word ("5", "số 3", "II"); ``k`` when none."""
        j = k + 1 if k < len(toks) and toks[k].key in self.lex.unit_numbers else k
        if j < len(toks) and _ROMAN_OR_NUMBER.match(toks[j].text):
            return j + 1
        return k

    def _tail(self, toks: Sequence[Token], k: int) -> int:
        """End of "khóa XV" / "nhiệm kỳ 2020 - 2025" after a post; 0 when none."""
        word = self.lex.tail_words.match(toks, k)
        if word and k + len(word) < len(toks) and _ROMAN_OR_NUMBER.match(toks[k + len(word)].text):
            return k + len(word) + 1
        return 0

    def _split_name(
        self,
        toks: Sequence[Token],
        start: int,
        end: int,
        level: PlaceLevel | None,
        pos: PosStarts | None,
        strict: bool = False,
    ) -> Chunk | None:
        """The personal name ending a run read after a post, when one is written there.

        ``strict`` (the post follows a name already: "Đại úy Lò Văn A - Trưởng Công an xã Nà
        Khoa"): only a full name with a known surname, of three syllables or more, is split off,
        as in lists of "post Name, post Name" ("..., Trưởng ban Dân vận Tỉnh ủy Lê Thị B, ...");
        never off the place of a commune or a village, which the gazetteer may not know ("xã
        Đinh Trang Tây").
        """
        if strict and level not in _STRICT_LEVELS:
            return None
        words = [t.text for t in toks[start:end]]
        asker = (lambda: pos(start, end)) if pos and self.lex.use_pos and not strict else None
        split = self.lex.names.split_place_name(words, level, asker)
        if split.name_start >= len(words):
            return None
        if strict:
            name = words[split.name_start :]
            if len(name) < 3 or self.lex.names.strength(name) is not Strength.strong:
                return None
        # A name split off a post's place is decided (surname, gazetteer or POS): tag it certain.
        return Chunk("N", start + split.name_start, end, via_pos=split.via_pos)
