"""What a figure counts, reduced to a key that two articles' wordings share.

"tổ bảo vệ ANTT ở cơ sở" and "tổ bảo vệ an ninh trật tự" both become "tổ bảo vệ antt": the
unit is lower-cased, common long forms are folded to the abbreviation articles also use,
and the phrase is cut where the noun phrase ends and its context starts (a preposition or
verb: "ở cơ sở", "trên địa bàn", "được thành lập").  When there is no unit, the head noun is
the subject.  Language data only; no names or places.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Long forms folded to the abbreviation (either spelling then gives one key).
ABBREVIATIONS = {
    "an ninh trật tự": "antt",
    "an ninh tổ quốc": "antq",
    "an ninh, trật tự": "antt",
    "phòng cháy chữa cháy": "pccc",
    "phòng cháy, chữa cháy": "pccc",
    "an toàn giao thông": "atgt",
    "phòng, chống tội phạm": "phòng chống tội phạm",
    "tệ nạn xã hội": "tnxh",
}

# Words that end the counted noun phrase: what follows is where/when/how, not what.
CUT_WORDS = frozenset(
    {
        "ở",
        "tại",
        "trên",
        "của",
        "thuộc",
        "trong",
        "được",
        "đã",
        "đang",
        "với",
        "cho",
        "và",
        "là",
        "nhằm",
        "để",
        "theo",
        "từ",
        "đến",
        "khi",
        "nay",
        "này",
        "đó",
        "góp",
        "tham",
        "hoạt",
    }
)

MAX_WORDS = 6  # syllables kept: enough for "tổ bảo vệ antt", short of any context
_PUNCT = re.compile(r"[^\w\s]")


@lru_cache(maxsize=65536)
def subject(unit: str | None, head: str | None = None) -> str | None:
    """The comparable subject of a figure, or None when it names nothing."""
    text = unit or head
    if not text:
        return None
    text = unicodedata.normalize("NFC", text).lower()
    for long, short in ABBREVIATIONS.items():
        text = text.replace(long, short)
    words = _PUNCT.sub(" ", text).split()
    kept: list[str] = []
    for word in words:
        if kept and word in CUT_WORDS:
            break
        kept.append(word)
    return " ".join(kept[:MAX_WORDS]) or None
