"""Write the golden files for the cleaning stage: ``python tests/golden/regenerate.py``.

One small JSON per article page of the shared corpus (``../shared/corpus/html``) under
``tests/golden/clean/``: title, publication date and time, the first and last 80
characters of the cleaned text, and snippets the text must not contain.  The snippets are
chosen here from the page itself: headline links outside the article (navigation,
related-article teasers) and boilerplate labels that occur on the page.

Real article text stays in ``../shared``: the golden files hold SHA-256 digests of the
title, the text's ends and the snippets, never the text.  The test reads the page at run
time, finds the snippets again among the page's own candidates (:func:`snippet_candidates`)
by their digests, and checks them.  Never edit the outputs by hand; rerun this script after
a deliberate change and review the diff.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from lxml import html as lxml_html

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from clean.html import clean_html  # noqa: E402
from clean.text import tidy_line  # noqa: E402

SHARED_HTML = ROOT.parent / "shared" / "corpus" / "html"
GOLDEN = Path(__file__).resolve().parent / "clean"
EDGE = 80
TEASERS = 8
# Labels of page furniture; kept as must-not-contain when the page has them.
LABELS = (
    "Tin liên quan",
    "Tin cùng chuyên mục",
    "Bình luận",
    "Chia sẻ",
    "Tải ứng dụng",
    "Đọc tiếp",
    "TIN MỚI",
)


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def snippet_candidates(raw: bytes) -> tuple[list[str], list[str]]:
    """(labels on the page, link texts of 30+ characters), in page order, without repeats."""
    tree = lxml_html.fromstring(raw.decode("utf-8", errors="replace"))
    links: list[str] = []
    for a in tree.iter("a"):
        text = tidy_line(a.text_content())
        if len(text) >= 30 and text not in links:
            links.append(text)
    page_text = tidy_line(tree.text_content())
    return [label for label in LABELS if label in page_text], links


def golden_record(name: str, meta: dict) -> dict:
    """The golden record of one shared article page, as the cleaner produces it now."""
    raw = (SHARED_HTML / name).read_bytes()
    page = clean_html(raw, url=meta["url"])
    labels, links = snippet_candidates(raw)
    outside = [text for text in links if text not in page.text]
    step = max(1, len(outside) // TEASERS)
    teasers = outside[::step][:TEASERS]
    return {
        "page": name,
        "title_sha256": digest(page.title or ""),
        "published": page.published.isoformat() if page.published else None,
        "published_at": page.published_at.isoformat() if page.published_at else None,
        "source": page.source,
        "text_start_sha256": digest(page.text[:EDGE]),
        "text_end_sha256": digest(page.text[-EDGE:]),
        "must_not_contain_sha256": [
            digest(text) for text in [label for label in labels if label not in page.text] + teasers
        ],
    }


def article_pages() -> dict[str, dict]:
    pages = json.loads((SHARED_HTML / "pages.json").read_text(encoding="utf-8"))
    return {name: meta for name, meta in pages.items() if meta.get("page_type") == "article"}


def main() -> None:
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for name, meta in sorted(article_pages().items()):
        record = golden_record(name, meta)
        out = GOLDEN / f"{Path(name).stem}.json"
        out.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
