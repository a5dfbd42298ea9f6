"""Text tidying shared by the HTML and plain-text paths.

Evidence spans point into the cleaned text, so every page must come out in one normal
form: NFC (windows-1258 and some editors write tone marks as combining characters),
entities decoded, invisible characters gone, one paragraph per line group with a blank
line between paragraphs.
"""

from __future__ import annotations

import html
import re
import unicodedata

# Characters that render as nothing or as a plain space; editors and CMSs sprinkle them.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_ENTITY = re.compile(r"&(?:#\d{2,6}|#x[0-9a-fA-F]{2,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")


def tidy_line(text: str) -> str:
    """One paragraph on one line: entities decoded, spaces collapsed, NFC.

    Entities are decoded again because pages often escape twice (``&amp;quot;``), which
    lxml leaves as a literal ``&quot;``.
    """
    if "&" in text and _ENTITY.search(text):
        text = html.unescape(text)
    text = _CONTROL.sub("", text.translate(_INVISIBLE))
    text = _SPACES.sub(" ", text.replace("\r", " ").replace("\n", " "))
    return unicodedata.normalize("NFC", text).strip()


def tidy_text(text: str) -> str:
    """Tidy a plain-text article, keeping its line structure.

    Lines are tidied one by one; runs of blank lines shrink to one so paragraphs stay
    separated the way the author wrote them.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [tidy_line(line) for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)


def join_paragraphs(paragraphs: list[str]) -> str:
    """Paragraphs separated by one blank line, the layout every later stage expects."""
    return "\n\n".join(p for p in paragraphs if p)


def same_text(a: str, b: str) -> bool:
    """Equal up to case, spacing and trailing punctuation (title vs. first paragraph)."""
    return fold(a) == fold(b)


def fold(text: str) -> str:
    """The comparison key of :func:`same_text`."""
    return " ".join(tidy_line(text).casefold().split()).rstrip(" .:;,-–—")


def fold_ascii(text: str) -> str:
    """Lower-case ASCII skeleton ("Dân trí" → "dantri") to compare site names with hosts."""
    decomposed = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    return "".join(c for c in decomposed if c.isascii() and c.isalnum())
