"""How records read on a page: one-line summaries, numbers in Vietnamese style, evidence spans.

Everything here returns plain strings; the templates escape them (autoescape is on), so an
article containing ``<script>`` is shown as text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from extract.records import Evidence

EVENT_TYPES = {
    "ngay_hoi": "Ngày hội",
    "tong_ket": "Tổng kết",
    "so_ket": "Sơ kết",
    "trien_khai": "Triển khai",
    "khac": "Khác",
}
QUALIFIERS = {"over": "hơn", "under": "gần", "approx": "khoảng"}
KIND_LABELS = {"officials": "official", "figures": "figure", "awards": "award", "events": "event"}


OPTION_LABELS = {("events", "type"): EVENT_TYPES, ("figures", "qualifier"): QUALIFIERS}


def option_label(kind: str, field: str, value: Any) -> str:
    """A coded value as a reviewer reads it: ``tong_ket`` → "Tổng kết (tong_ket)"."""
    label = OPTION_LABELS.get((kind, field), {}).get(value) if isinstance(value, str) else None
    return f"{label} ({value})" if label else str(value)


def number(value: float | None) -> str:
    """33100 → '33.100', 1.5 → '1,5' (Vietnamese separators)."""
    if value is None:
        return ""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    whole, _, frac = f"{value:,.2f}".rstrip("0").partition(".")
    return whole.replace(",", ".") + ("," + frac if frac else "")


def _value(value: Any) -> str:
    return getattr(value, "value", value) or ""


def figure_text(record: Any) -> str:
    parts = []
    qualifier = _value(record.qualifier)
    if qualifier:
        parts.append(QUALIFIERS.get(qualifier, qualifier))
    amount = number(record.value)
    if record.total is not None:
        amount += "/" + number(record.total)
    if _value(record.kind) == "percent":
        amount += "%"
    parts.append(amount)
    if record.unit or record.head:
        parts.append(record.unit or record.head)
    return " ".join(parts)


def summary(kind: str, record: Any) -> str:
    """One line naming the record, as a reviewer would say it."""
    if kind == "officials":
        name = " ".join(p for p in (record.rank, record.name) if p)
        return name + (" — " + "; ".join(record.positions) if record.positions else "")
    if kind == "figures":
        return figure_text(record)
    if kind == "awards":
        text = record.name or record.type
        if record.issuer:
            text += f" — {record.issuer}"
        if record.recipients:
            text += " → " + "; ".join(record.recipients)
        return text
    if kind == "events":
        parts = [EVENT_TYPES.get(_value(record.type), _value(record.type))]
        if record.date:
            parts.append(record.date.strftime("%d/%m/%Y"))
        if record.location:
            parts.append(record.location)
        if record.period:
            parts.append(f"({record.period})")
        return " · ".join(parts)
    return str(record.id)


@dataclass(frozen=True)
class Highlight:
    """The article text cut around the evidence span; ``found`` is False when it is not there."""

    before: str
    marked: str
    after: str
    found: bool


def highlight(text: str, evidence: Evidence | None) -> Highlight:
    """Locate the evidence by its offsets, else by its text (older revisions shift offsets)."""
    if evidence is None:
        return Highlight(text, "", "", False)
    start, end = evidence.start, evidence.end
    if not (0 <= start <= end <= len(text)) or text[start:end] != evidence.text:
        found = text.find(evidence.text) if evidence.text else -1
        if found < 0:
            return Highlight(text, "", "", False)
        start, end = found, found + len(evidence.text)
    return Highlight(text[:start], text[start:end], text[end:], True)


def snippet(text: str, limit: int = 220) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# Money is written with a scale word: 1.300.000 đồng is "1,3 triệu đồng", 4,2e12 "4.200 tỷ".
SCALES = ((1e9, ("tỷ", "tỉ")), (1e6, ("triệu",)), (1e3, ("nghìn", "ngàn")))


def _number_forms(value: float) -> list[str]:
    """How a figure's number may be written in the sentence, most specific first."""
    forms = []
    for scale, words in SCALES:
        if value >= scale:
            forms += [f"{number(value / scale)} {word}" for word in words]
    forms.append(number(value))
    if float(value).is_integer() and value >= 1000:
        forms.append(str(int(value)))  # "2300" as well as "2.300"
    return forms


# Small numbers are often spelled out ("hai mô hình"); a spelled number counts only right
# before the figure's unit, since "năm" is also "year" and "một" also "a".
NUMBER_WORDS = dict(enumerate(("một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười"), 1))


def _occurrences(form: str, text: str, lowered: str, spelled: bool) -> Iterator[tuple[int, int]]:
    """Where ``form`` stands in ``text`` as a whole number (or a whole word), by plain search:
    a regular expression per figure would be compiled anew for every value on a page."""
    haystack = lowered if spelled else text
    start = haystack.find(form)
    while start >= 0:
        end = start + len(form)
        before = text[start - 1] if start else " "
        after, next_ = text[end : end + 1], text[end + 1 : end + 2]
        if spelled:
            whole = not before.isalnum() and not after.isalnum()
        else:
            whole = not (before.isdigit() or before in ".,/") and not (
                after.isdigit() or after == "/" or (after in ".," and next_.isdigit())
            )
        if whole:
            yield start, end
        start = haystack.find(form, start + 1)


def _figure_spans(record: Any, text: str) -> list[tuple[int, int]]:
    """Places of the figure's number in ``text``, with its total, "%" and unit when written there."""
    numbers = _number_forms(record.value)
    if record.total is not None:
        numbers = [f"{a}/{b}" for a in numbers for b in _number_forms(record.total)] + numbers
    tail = "%" if _value(record.kind) == "percent" else ""
    lowered = text.lower()
    if len(lowered) != len(text):  # a rare letter whose lower case is longer: no spelled numbers
        lowered = ""
    words = [w.lower() for w in (record.unit, record.head) if w]
    spelled = NUMBER_WORDS.get(int(record.value)) if float(record.value).is_integer() else None
    forms = [(form, False) for form in numbers]
    if spelled and record.total is None and lowered:
        forms.append((spelled, True))
    found: list[tuple[int, int, int]] = []  # (-score, start, end)
    for form, is_word in forms:
        for start, end in _occurrences(form, text, lowered, is_word):
            if tail and text.startswith(tail, end):
                end += len(tail)
            lead = end
            while lead < len(text) and text[lead] == " ":
                lead += 1
            score = 0
            for n, word in enumerate(words):
                if text[lead : lead + len(word)].lower() == word:
                    end, score = lead + len(word), 2 - n
                    break
            if score or not is_word:
                found.append((-score, start, end))
    return [(start, end) for _, start, end in sorted(found)]


def focus_span(kind: str, record: Any, text: str) -> tuple[int, int] | None:
    """Where in the evidence ``text`` the record's own words are: a figure's number and unit,
    an official's name.  None when they cannot be found (the whole sentence stays marked)."""
    if kind == "figures":
        spans = _figure_spans(record, text)
        return spans[0] if spans else None
    if kind == "officials" and record.name:
        start = text.find(record.name)
        return (start, start + len(record.name)) if start >= 0 else None
    return None


@dataclass(frozen=True)
class Focus:
    """The evidence cut around the record's own words (``focus`` is empty when not found)."""

    before: str
    focus: str
    after: str


def focus(kind: str, record: Any, text: str) -> Focus:
    span = focus_span(kind, record, text)
    if span is None:
        return Focus(text, "", "")
    start, end = span
    return Focus(text[:start], text[start:end], text[end:])


def excerpt(kind: str, record: Any, text: str, limit: int = 160) -> Focus:
    """At most ``limit`` characters of the evidence around the record's own words, for the queue."""
    cut = focus(kind, record, text)
    if len(text) <= limit:
        return cut
    if not cut.focus:
        return Focus(snippet(text, limit), "", "")
    room = max(limit - len(cut.focus), 0)
    before = cut.before[-(room // 2) :] if room // 2 else ""
    after = cut.after[: room - len(before)]
    if len(before) < len(cut.before):  # start and end on whole words
        before = "…" + before.partition(" ")[2] if " " in before else "…"
    if len(after) < len(cut.after):
        after = (after.rpartition(" ")[0] if " " in after.strip() else after).rstrip() + "…"
    return Focus(before, cut.focus, after)
