"""Write the demo corpus's windows-1258 page(s) from their UTF-8 sources.

Old Vietnamese portals still serve windows-1258.  That code page has the letters â ê ô ă ơ ư đ
but only a few precomposed toned vowels, so real pages carry tone marks (grave, acute, tilde,
hook above, dot below) as separate combining bytes after the letter.  Encoding NFC text with
Python's ``cp1258`` codec would fail on most toned vowels; so each character is split into its
letter (recomposed with any circumflex, breve or horn) and its tone mark first.

The page source is kept as UTF-8 in ``src/<stem>.utf8.html`` so it can be read and edited; the
served bytes in ``site/`` are generated, never edited by hand.  Which pages are cp1258 is read
from ``pages.json`` (``"charset": "windows-1258"``).

Usage: ``python corpus/demo/make_cp1258.py`` (writes) or ``--check`` (exit 1 if out of date).
"""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHARSET = "windows-1258"
# Tone marks: the only combining characters windows-1258 encodes (bytes CC EC DE D2 F2).
TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")


def split_tones(text: str) -> str:
    """Text with every tone mark as a combining character after its (otherwise composed) letter."""
    out: list[str] = []
    for char in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", char)
        tones = "".join(c for c in parts if c in TONE_MARKS)
        if not tones:
            out.append(char)
            continue
        letter = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONE_MARKS))
        out.append(letter + tones)
    return "".join(out)


def encode_cp1258(text: str) -> bytes:
    """The bytes a windows-1258 page would carry; fails loudly on a character the code page lacks."""
    return split_tones(text).encode("cp1258")


def cp1258_pages(root: Path = HERE) -> list[tuple[Path, Path]]:
    """(UTF-8 source, served file) for every page pages.json marks as windows-1258."""
    pages = json.loads((root / "pages.json").read_text(encoding="utf-8"))
    pairs = []
    for page in pages:
        if page.get("charset") == CHARSET:
            served = root / "site" / page["path"].lstrip("/")
            source = root / "src" / f"{served.stem}.utf8.html"
            pairs.append((source, served))
    return pairs


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for source, served in cp1258_pages():
        text = source.read_text(encoding="utf-8")
        if f"charset={CHARSET}" not in text[:4096]:
            print(f"{source}: does not declare charset={CHARSET} in its first 4 KB", file=sys.stderr)
            return 2
        data = encode_cp1258(text)
        if check:
            if not served.exists() or served.read_bytes() != data:
                stale.append(served)
            continue
        served.parent.mkdir(parents=True, exist_ok=True)
        served.write_bytes(data)
        print(f"wrote {served.relative_to(HERE)} ({len(data)} bytes, {CHARSET})")
    for path in stale:
        print(
            f"out of date: {path.relative_to(HERE)} (run python corpus/demo/make_cp1258.py)", file=sys.stderr
        )
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
