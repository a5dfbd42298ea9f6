"""How records read on a page: one-line summaries, numbers in Vietnamese style, evidence spans.

Everything here returns plain strings; the templates escape them (autoescape is on), so an
article containing ``<script>`` is shown as text.
"""

from __future__ import annotations

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
