"""Bytes to text: the declared charset when it fits, detection when it does not.

Vietnamese pages come in UTF-8, windows-1258 (tone marks as combining characters, so the
result is NFC-normalised by the caller) and, on old portals, a declared charset that is
simply wrong.  The order below is what survives all three:

1. a byte-order mark wins;
2. bytes that are valid UTF-8 are UTF-8, whatever the page declares (legacy single-byte
   text almost never validates as UTF-8, while pages saved as UTF-8 with a stale
   ``charset=windows-1252`` are common);
3. the declared charset (``<meta charset>``, http-equiv, XML declaration) if it decodes;
4. charset-normalizer's best guess;
5. UTF-8 with replacement when only a handful of bytes are broken (a truncated download).
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

# Declarations live in the first few KB; scanning further only finds charsets of embedded widgets.
_SNIFF_BYTES = 4096
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)"""
    rb"""|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:\-]+)""",
    re.IGNORECASE,
)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Labels browsers treat as another charset (WHATWG encoding standard).
_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "ascii": "cp1252", "us-ascii": "cp1252"}
# At most this share of broken bytes is repaired with U+FFFD instead of rejecting the file.
_MAX_BROKEN_SHARE = 0.001


class UndecodableError(ValueError):
    """No charset turns these bytes into text."""


def declared_charset(data: bytes) -> str | None:
    """The charset a page names for itself, as a Python codec name, or None."""
    match = _DECLARED.search(data[:_SNIFF_BYTES])
    if not match:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii", "ignore").strip().lower()
    label = _ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode(data: bytes, declared: str | None = None) -> str:
    """Decode page or file bytes to ``str`` (not yet NFC: the caller tidies).

    ``declared`` overrides the in-document declaration (e.g. an HTTP Content-Type).
    Raises :class:`UndecodableError` when nothing fits.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        utf8_error = err
    charset = declared or declared_charset(data)
    if charset and charset not in {"utf-8", "utf-16", "utf-32"}:
        try:
            return data.decode(charset)
        except (UnicodeDecodeError, LookupError):
            pass
    guess = from_bytes(data[:200_000]).best()
    if guess is not None and guess.encoding and guess.encoding not in {"utf_8", "ascii"}:
        try:
            return data.decode(guess.encoding)
        except (UnicodeDecodeError, LookupError):
            pass
    text = data.decode("utf-8", errors="replace")
    if text.count("\ufffd") <= max(3, len(data) * _MAX_BROKEN_SHARE):
        return text
    raise UndecodableError(
        f"cannot decode the bytes as text (not UTF-8 near byte {utf8_error.start}, "
        f"declared charset {charset or 'none'} does not fit either)"
    )


# Control bytes that never occur in text (tab, LF, CR, FF and ESC aside).
_BINARY_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def looks_binary(data: bytes) -> bool:
    """True for images, archives, PDFs and other non-text bytes.

    Text in any charset we accept (UTF-16/32 come with a BOM) has no NUL bytes and next to
    no other C0 controls; binary files are full of them within the first few KB.
    """
    head = data[:8192]
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return False
    if not head:
        return False
    controls = len(head) - len(head.translate(None, _BINARY_BYTES))
    return b"\x00" in head or controls / len(head) > 0.01


# Tone marks windows-1258 writes as combining characters after the (possibly accented) letter.
_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")


def encode_windows_1258(text: str) -> bytes:
    """Encode Vietnamese text as a windows-1258 editor does.

    Python's ``cp1258`` codec only maps single code points, so "ộ" fails; the code page
    has "ô" and a combining dot below, which is what Vietnamese legacy pages contain.
    Used to write test pages and demo corpora in that charset.
    """
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONE_MARKS))
            tones = "".join(c for c in parts if c in _TONE_MARKS)
            out += base.encode("cp1258", errors="replace") + tones.encode("cp1258")
    return bytes(out)
