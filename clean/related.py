"""Related-article boxes inside an article body, dropped as blocks so the body goes on after them.

Vietnamese news sites put a "Tin liên quan" / "Xem thêm" / "Bài liên quan" box of teaser
links between two body paragraphs, and the same heading again over the teasers after the
body.  The first must be cut out, the second ends the article; reading both as "the body
ends here" kept 847 of ~2000 characters of an inline-box page.  Three markups occur:

1. **A box with a telling class** (``box-related-inline``, ``type="RelatedOneNews"``): junk
   by :data:`clean.xpaths.JUNK_CLASS_PARTS`, so its lines are junk and its heading ends
   nothing (:func:`body_paragraphs` only breaks on a heading that is not junk).
2. **An unmarked container** (``<div>``, ``<table>``) that starts with the heading and holds
   only teasers (headline links, their dates, a lead under a bare title):
   :func:`related_boxes` finds it in the tree, and :mod:`clean.html` treats it as junk.
3. **A bare heading** among the body paragraphs (``<p><b>Tin liên quan:</b></p><ul>…``):
   no element holds the box, so lines decide.  The teaser lines after the heading are
   skipped; if what follows reads as body (enough text, few teasers in it) it is kept,
   otherwise the heading starts the closing teaser block and the body ends there.

Weak spot: in markup 3 a *single* closing teaser whose lead is over
:data:`MIN_BODY_AFTER_BOX` characters reads as body and is kept.
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from clean.dates import parse_dateline
from clean.lines import MAX_LINK_SHARE, Line, link_len, text_len
from clean.text import fold, tidy_line
from clean.xpaths import BLOCK_TAGS, RELATED_HEADINGS, SKIP_TAGS

MIN_BODY_AFTER_BOX = 150
"""Characters of plain text after a bare related heading that make it an inline box, not the end."""
_BODY_CHARS_PER_TEASER = 400  # a body may end with a teaser link or two; a teaser block alternates them
_HEADLINE_LINK = 20  # characters: shorter links are tags, names, "Xem tiếp"
_SHORT_ITEM = 40  # characters: a date, a view counter, "Video" under a teaser
_MAX_LEAD = 400  # characters: a teaser's lead under its title; longer is a body paragraph
_MAX_HEADING_CHARS = 80
_DATELINE_CHARS = 60
_SENTENCE_END = (".", "!", "?", "…", ";", '."', ".”", "!”", "?”")


def is_related_heading(text: str) -> bool:
    """ "Tin liên quan", "Xem thêm:", "» Bài liên quan" …: the heading of a teaser box."""
    return RELATED_HEADINGS.match(text) is not None


def is_body_dateline(text: str) -> bool:
    """A dateline repeated inside the body ("12/03/2026 09:15"), not a sentence that holds a date.

    "Quyết định có hiệu lực từ ngày 01/4/2026." is short and dated too, but it ends as a sentence.
    """
    text = text.strip()
    return len(text) <= _DATELINE_CHARS and not text.endswith(_SENTENCE_END) and bool(parse_dateline(text))


# -- markup 2: unmarked containers, found in the tree ------------------------------------------------


def related_boxes(body: etree._Element, keep: set[etree._Element]) -> set[etree._Element]:
    """Containers inside ``body`` that hold a related heading and nothing but teasers.

    ``keep`` (the title, the body and their ancestors) is never a box.  Each box is the
    largest such container, so a wrapper around heading and list goes with them.
    """
    boxes: set[etree._Element] = set()
    for el in body.iter():
        if not isinstance(el.tag, str) or el.tag in SKIP_TAGS:
            continue
        head = el.text
        if not head or len(head) > _MAX_HEADING_CHARS or not is_related_heading(tidy_line(head)):
            continue
        box = _box_around(el, body, keep)
        if box is not None:
            boxes.add(box)
    return boxes


def _box_around(
    heading: etree._Element, body: etree._Element, keep: set[etree._Element]
) -> etree._Element | None:
    head = fold(heading.text or "")
    block = heading  # the heading's own block: <strong> inside <p>, <span> inside <h3>
    if fold(heading.text_content()) == head:
        for parent in heading.iterancestors():
            if parent is body or parent in keep or fold(parent.text_content()) != head:
                break
            block = parent
        candidates = list(block.iterancestors())
    else:  # <div>Tin liên quan<ul>…</ul></div>: the heading's element is the box itself
        candidates = [heading, *heading.iterancestors()]
    box = None
    for el in candidates:
        if el is body or el in keep:
            break
        if el.tag not in BLOCK_TAGS:
            continue
        if not _holds_only_teasers(el, block, head):
            break
        box = el
    return box


def _holds_only_teasers(el: etree._Element, block: etree._Element, head: str) -> bool:
    """``el`` starts with the heading, and every other child is a teaser, its lead or a short label."""
    if not fold(el.text_content()).startswith(head):
        return False
    loose = len((el.text or "").strip()) + sum(len((c.tail or "").strip()) for c in el)
    if loose > _SHORT_ITEM:  # leads written between <br>s: left to the line rules
        return False
    previous: etree._Element | None = None
    seen_teaser = False
    for child in el:
        if not isinstance(child.tag, str) or child.tag in SKIP_TAGS:
            continue
        if child is block or block in child.iterdescendants():
            previous = None
            continue
        size = text_len(child)
        lead = previous is not None and _is_bare_title(previous) and size <= _MAX_LEAD
        if _starts_with_headline(child):
            seen_teaser = True
        elif size > _SHORT_ITEM and not lead:
            return False
        previous = child
    return seen_teaser


def _starts_with_headline(el: etree._Element) -> bool:
    """A teaser: its text opens with a headline link (a body paragraph only has links inside)."""
    first = next((a for a in el.iter("a") if a.get("href") is not None and a.text_content().strip()), None)
    if first is None:
        return False
    title = fold(first.text_content())
    return len(title) >= _HEADLINE_LINK and fold(el.text_content()).startswith(title)


def _is_bare_title(el: etree._Element) -> bool:
    """A teaser that is only its headline link (its lead is the next sibling)."""
    return _starts_with_headline(el) and text_len(el) <= link_len(el) + _SHORT_ITEM


# -- markup 3: a bare heading among the body lines ----------------------------------------------------


def body_paragraphs(lines: Sequence[Line]) -> list[str]:
    """The content lines of a body, with inline teaser boxes cut out and the closing block cut off."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.junk and is_related_heading(line.text):
            after = _after_teasers(lines, i + 1)
            if out and not _reads_as_body(lines[after:]):
                break  # the teaser block after the article
            i = after
            continue
        if line.is_content and not is_body_dateline(line.text):
            out.append(line.text)
        i += 1
    return out


def _after_teasers(lines: Sequence[Line], start: int) -> int:
    """Index of the first line after ``start`` that is neither a teaser nor a date under one."""
    i = start
    while i < len(lines) and (not lines[i].is_content or is_body_dateline(lines[i].text)):
        i += 1
    return i


def _reads_as_body(rest: Sequence[Line]) -> bool:
    """Text up to the next related heading is body: long enough, and not leads between teasers."""
    chars = teasers = 0
    for line in rest:
        if not line.junk and is_related_heading(line.text):
            break
        if line.is_content and not is_body_dateline(line.text):
            chars += len(line.text)
        elif not line.junk and line.link_share > MAX_LINK_SHARE and len(line.text) >= _HEADLINE_LINK:
            teasers += 1
    return chars >= MIN_BODY_AFTER_BOX and chars >= _BODY_CHARS_PER_TEASER * teasers
