"""An article prepared for the rules: its text, sentences and syllable tokens.

Vietnamese writes one syllable per space-separated token, so a syllable tokenizer is
exact and cheap; the rule engine (spaCy's Matcher over a ``Doc`` of syllables) runs on
that.  Word segmentation and POS from underthesea are slower and are asked for only on
the sentences a rule needs them for (:meth:`Document.pos`).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from extract.records import Evidence
from extract.spelling import fold

# Abbreviations after which a full stop does not end a sentence ("TP. Hà Nội", "ThS. Lê").
_ABBREVIATIONS = frozenset(
    {"tp", "tt", "p", "q", "ths", "ts", "pgs", "gs", "bs", "ks", "th.s", "nxb", "st", "v.v", "tx", "h", "x"}
)
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]*\s+(?=[\"“‘(]*[A-ZĐÀ-Ỹ0-9])")
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|\w+|[^\w\s]", re.UNICODE)


# Syllables either side of the word of interest that underthesea tags (see Document.pos).
POS_WINDOW = 10


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence as a character span of the article text."""

    start: int
    end: int
    text: str


# A line ending so (after closing quotes or brackets) is a whole sentence.  A colon or a
# semicolon ends no sentence: the list it opens or goes on with is read with it ("các đồng chí
# Ủy viên Ban Thường vụ Tỉnh ủy:\nLê Văn A, ...;\nTrần B, ...").
_LINE_END = re.compile(r"[.!?…][\"”’)\]]*$")
# A line opening so is a unit of its own: a list entry, a bullet, a credit or a source.
_UNIT_START = re.compile(r"[-+•*–—]|\d+[.)]\s|\(?(?:Ảnh|ẢNH|Bài|Nguồn|Theo|Thực hiện|PV|CTV|Video|Clip)\b")
# A line holding a credit ("Bài, ảnh: A", "(Ảnh: B)", "Nguồn: C") ends its unit whatever follows.
_CREDIT = re.compile(r"(?:^|[(\s])(?:ảnh|bài|nguồn|thực hiện|tin|clip|video)\s*:", re.IGNORECASE)
# Words after which a sentence cannot stop: a line ending on one was broken inside a sentence.
_OPEN_WORDS = frozenset(
    {
        "và", "của", "tại", "với", "cho", "là", "các", "những", "do", "ở", "về", "từ", "đến",
        "trong", "theo", "cùng", "gồm", "như", "nhằm", "để", "được", "bị", "có", "đã", "đang",
        "sẽ", "chí", "ông", "bà", "thay", "tá", "tướng", "úy", "uý", "đốc", "tịch", "thư",
    }
)  # fmt: skip
# Narrowest wrap width (characters) a text is taken to be hard-wrapped at.
_MIN_WRAP_WIDTH = 40
# Widest wrap looked for when no line is known to go on: texts are wrapped at 60–100 columns.
_MAX_WRAP_WIDTH = 110
# Words a personal name follows: the last syllable of a rank or of a form of address.
_NAME_OPENERS = frozenset({"tá", "tướng", "úy", "uý", "chí", "ông", "bà", "anh", "chị"})
# Syllables inside a personal name, never at its end ("Nguyễn Văn\nAn", "Lê Thị\nB").
_NAME_MIDDLE = frozenset({"Văn", "Thị"})


def split_sentences(text: str) -> list[Sentence]:
    """Split into units of text (see :func:`_blocks`), then on sentence-final punctuation before
    a capital.  A unit spanning a wrapped line keeps the line break inside its text, so its
    offsets still point into ``text`` exactly."""
    sentences: list[Sentence] = []
    for base, end in _blocks(text):
        chunk = text[base:end]
        cut = 0
        for m in _SENTENCE_END.finditer(chunk):
            before = chunk[cut : m.start()].rstrip('.!?…"”’)')
            # "(TP. Tuy Hòa)": an abbreviation opening a parenthesis or a quote is still one
            last_word = before.rsplit(None, 1)[-1].lower().lstrip("(“\"‘'[") if before.split() else ""
            if last_word in _ABBREVIATIONS:
                continue
            _append(sentences, text, base + cut, base + m.start())
            cut = m.end()
        _append(sentences, text, base + cut, base + len(chunk))
    return sentences


def _blocks(text: str) -> list[tuple[int, int]]:
    """Character spans of the units of ``text``: paragraphs, headings, captions, credits.

    Crawled text is sometimes hard-wrapped: a line break falls inside a sentence, even inside a
    name ("đồng chí Nguyễn Văn\nAn, Phó Giám đốc ...").  A line is joined to the next when it does
    not end like a sentence and the next line goes on with it: it opens in lower case, or this
    line ends on a comma, a dash or a word a sentence cannot stop on ("của", "đồng chí"), or in
    the middle of a name, or it is as long as the wrapped lines of the text (the wrap width,
    learnt from the lines continued in lower case).  A blank line, a list entry, a credit line
    and a short closing signature always stand alone.
    """
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    if len(lines) < 2:
        return lines
    joins = [_continues(text, a, b) for a, b in itertools.pairwise(lines)]
    lengths = [len(text[s:e].strip()) for s, e in lines]
    width = _wrap_width(
        [n for n, j in zip(lengths, joins, strict=False) if j in ("lower", "open")],
        [n for n, j in zip(lengths, joins, strict=False) if j != "break"],
        max(lengths),
    )
    if width >= _MIN_WRAP_WIDTH:  # short lines going on in lower case are line breaks, not a wrap
        for k, join in enumerate(joins):
            if (
                join in ("maybe", "dash")
                and 0.8 * width <= len(text[slice(*lines[k])].strip()) <= 1.1 * width
            ):
                joins[k] = "width"
    blocks = [lines[0]]
    for (start, end), join in zip(lines[1:], joins, strict=False):
        if join in ("lower", "open", "width"):
            blocks[-1] = (blocks[-1][0], end)
        else:
            blocks.append((start, end))
    return blocks


def _wrap_width(continued: list[int], unended: list[int], longest: int) -> int:
    """The width a text is wrapped at; 0 when it is not hard-wrapped.

    Lines of a hard wrap are nearly as long as one another: either at least two of the lines
    known to go on (``continued``) lie within 0.7–1.1 of their median, or one line is known to go
    on, the longest line is short (a wrap of at most ``_MAX_WRAP_WIDTH`` columns) and three lines
    not ended like a sentence (``unended``) come close to it.  A text of short paragraphs, whose
    lines end on a full stop, has no such run of open lines of one length.
    """
    if len(continued) >= 2:
        median = sorted(continued)[len(continued) // 2]
        if sum(0.7 * median <= n <= 1.1 * median for n in continued) >= 2:
            return median
    if continued and longest <= _MAX_WRAP_WIDTH and sum(n >= 0.8 * longest for n in unended) >= 3:
        return longest
    return 0


def _continues(text: str, a: tuple[int, int], b: tuple[int, int]) -> str:
    """How line ``b`` follows line ``a``: "break" (a new unit), "lower" (it goes on in lower
    case), "open" (``a`` cannot end there), "maybe" (only the wrap width can tell)."""
    first, second = text[slice(*a)].strip(), text[slice(*b)].strip()
    if _ends_on_prefix_abbreviation(first):
        return "open"  # "Đại tá, TS.\nLê Văn A", "tại TP.\nHòa Sơn": an abbreviation, not a full stop
    if _LINE_END.search(first):
        return "break"  # a line ended like a sentence
    if text.count("\n", a[1], b[0]) > 1:  # a blank line: a paragraph ends, unless on a comma
        return "open" if first.endswith(",") and not _CREDIT.search(first) else "break"
    if _CREDIT.search(first):
        return "break"
    if _UNIT_START.match(second):
        # a list entry, unless a dash in a hard wrap ("Nguyễn Văn A\n- Phó Giám đốc ...")
        dash = second[0] in "-–—" and not _UNIT_START.match(first)
        return "dash" if dash else "break"
    if first.isupper():
        return "break"  # a heading in capitals
    if b[1] == len(text.rstrip()) and len(second.split()) <= 5 and second.istitle() and second[-1].isalpha():
        return "break"  # a closing signature line ("Lê Văn A")
    if second[0].isalpha() and second[0].islower():
        return "lower"
    if second[0] in ",;:.)…":
        return "open"  # "đồng chí\nLê Văn A\n, Phó Giám đốc ...": the sentence goes on
    words = first.split()
    if first[-1] in ",;:(-–—" or words[-1] in _OPEN_WORDS or words[-1] in _NAME_MIDDLE:
        return "open"
    if second[0].isupper() and _name_opened(words):
        return "open"  # "Thiếu tá Huỳnh\nNhất Linh", "đồng chí Lê Huy\nChung"
    return "maybe"


def _ends_on_prefix_abbreviation(line: str) -> bool:
    """Whether a line ends on the dot of an abbreviation written before a name or a place."""
    words = line[:-1].replace(",", " ").split() if line.endswith(".") else []
    return bool(words) and words[-1].lower() in _ABBREVIATIONS - {"v.v", "st", "nxb"}


def _name_opened(words: list[str]) -> bool:
    """Whether a line ends on capitalised words after a rank or a form of address: a name that
    may go on over the line break."""
    k = len(words)
    while k > 0 and words[k - 1][:1].isupper() and words[k - 1][1:].islower():
        k -= 1
    return len(words) - 3 <= k < len(words) and k > 0 and words[k - 1] in _NAME_OPENERS


def _append(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, text[start:end]))


@lru_cache(maxsize=1)
def shared_vocab() -> Vocab:
    """One vocabulary for every Doc, so matchers built once can run on any article.

    It carries spaCy's Vietnamese lexical attributes (LOWER, NORM, LIKE_NUM with Vietnamese
    number words), which token patterns match on; no tokenizer or model is involved.
    """
    from spacy.lang.vi import VietnameseDefaults
    from spacy.vocab import create_vocab

    return create_vocab("vi", VietnameseDefaults)


def flatten_wraps(text: str) -> str:
    """``text`` with every line break inside a unit of text (a hard wrap, see :func:`_blocks`)
    turned into a space, character for character, so offsets stay valid.

    The rules then read "Bộ trưởng Bộ\nCông an" as the issuer it is, and "tiêu\nchí" as one
    unit, without each of them having to know about wrapped lines.
    """
    if "\n" not in text:
        return text
    chars: list[str] | None = None
    for start, end in _blocks(text):
        inner = text.find("\n", start, end)
        if inner < 0:
            continue
        if chars is None:
            chars = list(text)
        for i in range(inner, end):
            if text[i] in "\r\n":
                chars[i] = " "
    return text if chars is None else "".join(chars)


@dataclass
class Document:
    """Cleaned article text plus what every extractor needs to read it.

    ``text`` is what the rules read: the cleaned text with hard-wrapped lines flattened (see
    :func:`flatten_wraps`); ``source`` is the cleaned text as given, which evidence quotes.
    Both have the same length, so every offset points into either.
    """

    text: str
    published: dt.date | None = None
    title: str | None = None
    source: str = field(default="", repr=False)
    _pos_cache: dict[tuple[int, int], list[tuple[str, str, int, int]]] = field(
        default_factory=dict, repr=False
    )

    def __post_init__(self) -> None:
        self.source = self.text
        self.text = flatten_wraps(self.text)

    @cached_property
    def sentences(self) -> list[Sentence]:
        if self.text is self.source:
            return split_sentences(self.text)
        # split as written (line breaks mark units), read flattened
        return [Sentence(s.start, s.end, self.text[s.start : s.end]) for s in split_sentences(self.source)]

    @cached_property
    def headline(self) -> Sentence | None:
        """The article's headline when the text opens with it, else None.

        With a known ``title``, the first sentence that spells it; without one, a first line that
        is a whole paragraph, short, and not ended like a sentence (cleaned pages put the
        headline first).  A headline names the article's main event ("Phường A tổng kết ...").
        """
        if not self.sentences:
            return None
        first = self.sentences[0]
        if self.title is not None:
            return first if fold(first.text) == fold(self.title) else None
        line_end = self.source.find("\n", first.end)
        whole_line = not self.source[first.end : line_end if line_end >= 0 else len(self.source)].strip()
        if whole_line and len(first.text) <= 200 and not first.text.endswith((".", "!", "?", "…", ":")):
            return first
        return None

    @cached_property
    def lowered(self) -> str:
        """``text.lower()``, computed once: rules look their literal words up in it."""
        return self.text.lower()

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    @cached_property
    def _tokens(self) -> list[tuple[int, int]]:
        return [(m.start(), m.end()) for m in _TOKEN.finditer(self.text)]

    @cached_property
    def doc(self) -> Doc:
        """A spaCy Doc of syllables and punctuation; token ``i`` spans ``char_span_of(i)``."""
        spans = self._tokens
        words = [self.text[s:e] for s, e in spans]
        spaces = [(spans[i + 1][0] > e) if i + 1 < len(spans) else False for i, (_, e) in enumerate(spans)]
        return Doc(shared_vocab(), words=words, spaces=spaces)

    def char_span(self, span: Span) -> tuple[int, int]:
        """Character offsets in :attr:`text` of a span of :attr:`doc`."""
        return self._tokens[span.start][0], self._tokens[span.end - 1][1]

    def token_at(self, char: int) -> int:
        """Index of the first token starting at or after ``char``."""
        return bisect_left(self._tokens, (char, -1))

    def sentence_at(self, char: int) -> Sentence:
        """The sentence containing character ``char`` (binary search over sentence starts)."""
        i = bisect_right(self._sentence_starts, char) - 1
        if i >= 0 and char < self.sentences[i].end:
            return self.sentences[i]
        raise ValueError(f"character {char} is outside every sentence")

    def previous(self, sentence: Sentence) -> Sentence | None:
        """The sentence before ``sentence`` (binary search over sentence starts), None for the first."""
        i = bisect_left(self._sentence_starts, sentence.start)
        return self.sentences[i - 1] if i > 0 else None

    def evidence(self, sentence: Sentence) -> Evidence:
        """The sentence as the cleaned text writes it (line breaks and all)."""
        start, end = sentence.start, sentence.end
        return Evidence(text=self.source[start:end], start=start, end=end)

    def pos(self, sentence: Sentence, near: int | None = None) -> list[tuple[str, str, int, int]]:
        """underthesea words with POS tags and character offsets, for one sentence.

        Costly (a CRF over the sentence), so it is computed on demand and cached.  With ``near``
        (a character offset) a long sentence is tagged only in a window of syllables around it:
        the tagger's features look two words either side, so the words near the middle of the
        window get the tags they would get in the whole sentence, at a fraction of the cost.
        """
        whole = self._pos_cache.get((sentence.start, sentence.end))
        if whole is not None:
            return whole
        if near is not None:
            window = self._window(sentence, near)
            if window is not None:
                sentence = window
        key = (sentence.start, sentence.end)
        cached = self._pos_cache.get(key)
        if cached is not None:
            return cached
        from underthesea import pos_tag

        out: list[tuple[str, str, int, int]] = []
        cursor = sentence.start
        for word, tag in pos_tag(sentence.text):
            found = self.text.find(word, cursor, sentence.end)
            if found < 0:  # underthesea normalised the word; keep the cursor
                continue
            out.append((word, tag, found, found + len(word)))
            cursor = found + len(word)
        self._pos_cache[key] = out
        return out

    def _window(self, sentence: Sentence, near: int) -> Sentence | None:
        """The syllables within ``POS_WINDOW`` of ``near``, or None when the sentence is short."""
        spans = [(m.start(), m.end()) for m in re.finditer(r"\S+", sentence.text)]
        if len(spans) <= 2 * POS_WINDOW + 1:
            return None
        offset = near - sentence.start
        i = next((k for k, (_, e) in enumerate(spans) if e > offset), len(spans) - 1)
        first, last = max(0, i - POS_WINDOW), min(len(spans) - 1, i + POS_WINDOW)
        start, end = sentence.start + spans[first][0], sentence.start + spans[last][1]
        return Sentence(start, end, self.text[start:end])
