"""Visible text of an element tree as lines in reading order, one per block.

A line ends at every block element and ``<br>``, so a photo caption never runs into the
paragraph after it; each line remembers how much of it is link text (navigation and
teasers are mostly links) and whether it sits in a junk block (teasers, share bars).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from lxml import etree

from clean.text import tidy_line
from clean.xpaths import BLOCK_TAGS, BOILERPLATE_LINES, SKIP_TAGS

MAX_LINK_SHARE = 0.5
"""Lines with more link text than this are navigation or teasers."""


@dataclass(slots=True)
class Line:
    """One block of visible text in reading order."""

    text: str
    link_share: float
    junk: bool

    @property
    def is_content(self) -> bool:
        return not self.junk and self.link_share <= MAX_LINK_SHARE and not BOILERPLATE_LINES.match(self.text)


class LineWalker:
    """Turns an element tree into :class:`Line` objects, one per block, in reading order."""

    def __init__(self, is_junk: Callable[[etree._Element], bool], marks: dict[etree._Element, None]) -> None:
        self.is_junk = is_junk
        self.marks = marks
        self.spans: dict[etree._Element, tuple[int, int]] = {}
        self.lines: list[Line] = []
        self._parts: list[str] = []
        self._chars = 0
        self._link_chars = 0
        self._junk = False

    def walk(self, el: etree._Element) -> None:
        try:
            self._walk(el, in_link=False, junk=False)
        except RecursionError:
            pass  # absurdly deep markup: keep the lines read so far
        self._flush()

    def _add(self, text: str | None, in_link: bool, junk: bool) -> None:
        if not text:
            return
        if not self._parts:
            self._junk = junk
        self._parts.append(text)
        n = len(text.strip())
        self._chars += n
        if in_link:
            self._link_chars += n

    def _flush(self) -> None:
        if self._parts:
            text = tidy_line("".join(self._parts))
            if text:
                share = self._link_chars / self._chars if self._chars else 0.0
                self.lines.append(Line(text, share, self._junk))
        self._parts, self._chars, self._link_chars = [], 0, 0

    def _walk(self, el: etree._Element, in_link: bool, junk: bool) -> None:
        tag = el.tag
        if not isinstance(tag, str) or tag in SKIP_TAGS:
            return
        marked = el in self.marks
        block = tag in BLOCK_TAGS
        if block or marked:
            self._flush()
        start = len(self.lines)
        junk = junk or self.is_junk(el)
        in_link = in_link or (tag == "a" and el.get("href") is not None)
        self._add(el.text, in_link, junk)
        for child in el:
            self._walk(child, in_link, junk)
            self._add(child.tail, in_link, junk)
        if block or marked:
            self._flush()
        if marked:
            self.spans[el] = (start, len(self.lines))


def common_ancestor(elements: Iterable[etree._Element]) -> etree._Element:
    elements = list(elements)
    chains = [[el, *el.iterancestors()][::-1] for el in elements]
    common = chains[0][0]
    for level in zip(*chains, strict=False):
        if all(node is level[0] for node in level):
            common = level[0]
        else:
            break
    return common


def text_len(el: etree._Element) -> int:
    return len(" ".join(el.text_content().split()))


def link_len(el: etree._Element) -> int:
    return sum(len(" ".join(a.text_content().split())) for a in el.iter("a"))


def direct_text_len(el: etree._Element) -> int:
    """Text written directly in ``el`` or its inline children (old portals: text + <br> in a div)."""
    total = len((el.text or "").strip())
    for child in el:
        if isinstance(child.tag, str) and child.tag not in BLOCK_TAGS and child.tag not in SKIP_TAGS:
            total += len(" ".join(child.text_content().split()))
        total += len((child.tail or "").strip())
    return total
