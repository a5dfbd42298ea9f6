"""One spelling key for Vietnamese text, so that lexicons, gazetteers and merges agree.

The same word reaches us in several spellings that readers take for one:

* case: "Tỉnh Ủy" and "tỉnh ủy";
* how diacritics are encoded: precomposed "ủ" (NFC) or "u" + combining hook (NFD), as some
  editors and old encodings (VNI, TCVN3 converted) leave it, and the Icelandic "Ð" (U+00D0)
  typed for "Đ" (U+0110) on some keyboards;
* old and new tone placement on a final "oa", "oe", "uy": "hoà"/"hòa", "uỷ"/"ủy", "khoẻ"/"khỏe".
  The tone moves to the first vowel; "qu" keeps it on the next one ("quý"), and a syllable with
  a final consonant ("hoàng", "thuyền") has only one placement, so it is left alone;
* the apostrophe of Central Highlands names, typographic or straight: "H’Loan", "H'Loan";
* spacing: runs of spaces, tabs and no-break spaces.

:func:`fold` maps all of them to one key.  It keeps the diacritics themselves: "bà" and "ba",
"Tổ" and "tỏ" are different words for the rules (only the evaluation, comparing whole names,
drops them).
"""

from __future__ import annotations

import re
import unicodedata

# Old placement (tone on the second vowel of a final "oa/oe/uy") -> new (on the first).
_TONE_MOVES = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}  # fmt: skip
_OLD_TONE = re.compile(r"(?<!q)(" + "|".join(_TONE_MOVES) + r")(?!\w)")


def fold(text: str) -> str:
    """Lower-case NFC text with one tone placement and single spaces: the key lexicons match on.

    Length may change (spaces collapse, decomposed marks compose): use it on what is compared,
    never to find offsets in the original text.
    """
    text = unicodedata.normalize("NFC", text).lower()
    if "ð" in text:  # Icelandic eth ("Ð".lower()) typed for "đ"; str.translate would cost 100x more
        text = text.replace("ð", "đ")
    if "’" in text:  # "H’Loan" and "H'Loan"
        text = text.replace("’", "'")
    if "o" in text or "u" in text:  # most syllables cannot hold an old placement: skip the regex
        text = _OLD_TONE.sub(_move_tone, text)
    return " ".join(text.split())


def _move_tone(m: re.Match[str]) -> str:
    return _TONE_MOVES[m.group(1)]
