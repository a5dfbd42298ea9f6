"""trafilatura, as the fallback of :mod:`clean.html` and as the yardstick its own path is held to.

The project brief says pages are cleaned "with trafilatura".  :mod:`clean.html` finds the
body itself first, because trafilatura 2.3, run on the five shared article pages
(``../shared/corpus/html``) and compared paragraph by paragraph with our text:

* drops the lead paragraph (sapo) on 3 of 5 pages, in its default, ``favor_precision`` and
  ``favor_recall`` modes alike (Tuổi Trẻ, VnExpress and Báo Chính phủ print the lead
  outside the body container, as a heading or in a block of its own);
* with ``favor_precision=True`` keeps 3.2 of the 5.7 thousand characters of the Tuổi Trẻ
  body that its default mode keeps;
* with ``favor_recall=True`` adds page furniture (a list of provinces, a date and a time as
  paragraphs on Báo Chính phủ);
* in its default mode keeps an app banner and a source credit, and (``include_images=False``)
  drops photo captions, which name officials and awards.

What trafilatura is good at is *not losing body text*, so it stays in two roles: the
fallback for pages that declare an article (JSON-LD, ``article:published_time``) but whose
body no rule of ours finds, and the reference ``tests/test_clean_trafilatura.py`` checks
on every shared page: each paragraph trafilatura's default extraction finds that is a
sentence of body text is in our text too.  That check found a real loss: short body
sentences holding a date ("Quyết định có hiệu lực từ ngày 01/4/2026.") were dropped as datelines
(now :func:`clean.related.is_body_dateline` requires a dateline not to end as a sentence).
"""

from __future__ import annotations

from clean.text import tidy_line
from clean.xpaths import BOILERPLATE_LINES

TRAFILATURA_OPTIONS = {
    "include_comments": False,
    "include_tables": True,
    "include_images": False,
    "deduplicate": True,
}
"""One set of options for the fallback and for the comparison test, so both see the same extraction."""


def trafilatura_paragraphs(html: str, url: str | None = None) -> list[str]:
    """trafilatura's main text of one page, one tidied paragraph per item, boilerplate lines left out.

    ``html`` is a string: trafilatura cleans an lxml tree in place, and the caller's tree is
    still needed afterwards.
    """
    import trafilatura  # imported on first use: it costs ~0.35 s at start-up and most pages never need it

    text = trafilatura.extract(html, url=url, **TRAFILATURA_OPTIONS)
    if not text:
        return []
    lines = [tidy_line(line) for line in text.split("\n")]
    return [line for line in lines if line and not BOILERPLATE_LINES.match(line)]
