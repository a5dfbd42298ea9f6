"""The edit form of a record, derived from its model in ``extract.records``.

Inputs are plain text (numbers too), so the server — not the browser — decides what is
valid, with the same model the extractor uses: the form cannot drift from the schema.
Lists are edited one item per line; the administrative units of an event as their six
``AdminUnit`` parts.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

from extract.records import RECORD_KINDS, AdminUnit
from store.review import EDITABLE, InvalidEdit

ADMIN_PARTS = tuple(AdminUnit.model_fields)
ADMIN_FIELDS = {"admin_old", "admin_new"}


@dataclass(frozen=True)
class FieldSpec:
    name: str
    widget: str  # text | select | lines | admin
    required: bool
    options: tuple[str, ...] = ()
    hint: str = ""


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """(inner type, optional?) of ``X | None``."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return (args[0] if len(args) == 1 else annotation), True
    return annotation, False


def specs(kind: str) -> list[FieldSpec]:
    model = RECORD_KINDS[kind]
    out = []
    for name in EDITABLE[kind]:
        info = model.model_fields[name]
        inner, optional = _unwrap(info.annotation)
        required = info.is_required()
        hint = info.description or ""
        if name in ADMIN_FIELDS:
            out.append(FieldSpec(name, "admin", False, ADMIN_PARTS, hint))
        elif isinstance(inner, type) and issubclass(inner, Enum):
            out.append(FieldSpec(name, "select", not optional, tuple(m.value for m in inner), hint))
        elif typing.get_origin(inner) is list:
            out.append(FieldSpec(name, "lines", required, (), hint or "one per line"))
        else:
            if inner is dt.date:
                hint = hint or "YYYY-MM-DD"
            out.append(FieldSpec(name, "text", required, (), hint))
    return out


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def form_values(kind: str, fields: Mapping[str, Any]) -> dict[str, str]:
    """Input values (strings) from the record's JSON fields (``store.review.fields_of``)."""
    values = {}
    for spec in specs(kind):
        value = fields.get(spec.name)
        if spec.widget == "lines":
            values[spec.name] = "\n".join(value or [])
        elif spec.widget == "admin":
            for part in ADMIN_PARTS:
                values[f"{spec.name}.{part}"] = _text((value or {}).get(part))
        else:
            values[spec.name] = _text(value)
    return values


def parse(kind: str, form: Mapping[str, Any]) -> dict[str, Any]:
    """Changes from submitted values; empty means null. The model validates them afterwards."""
    changes: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for spec in specs(kind):
        if spec.widget == "admin":
            unit = {
                part: (str(form.get(f"{spec.name}.{part}") or "").strip() or None) for part in ADMIN_PARTS
            }
            for part in ADMIN_PARTS:
                code = unit[part]
                if part.endswith("_code") and code is not None and not code.isdigit():
                    errors[f"{spec.name}.{part}"] = "an administrative code is digits only"
            changes[spec.name] = AdminUnit(**unit).model_dump() if any(unit.values()) else None
            continue
        if spec.name not in form:
            continue
        raw = str(form.get(spec.name) or "")
        if spec.widget == "lines":
            changes[spec.name] = [line.strip() for line in raw.splitlines() if line.strip()]
        else:
            changes[spec.name] = raw.strip() or None
    if errors:
        raise InvalidEdit(errors)
    return changes
