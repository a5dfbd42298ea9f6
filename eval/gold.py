"""Gold annotations as the evaluation reads them (format: ANNOTATION.md "Gold-only fields").

One JSON file per article, named like the article's text file.  Records stay plain dicts: the
gold format is looser than the record classes (no evidence, optional flags, missing keys mean
null), and the matcher reads both through ``Mapping.get``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

KINDS: tuple[str, ...] = ("officials", "figures", "awards", "events")


class GoldError(ValueError):
    """A gold file or directory that cannot be scored against; the message says which and why."""


@dataclass(frozen=True)
class GoldArticle:
    """One article's hand annotation."""

    id: str
    published: str | None
    records: dict[str, list[dict[str, Any]]]
    traps: dict[str, list[str]] = field(default_factory=dict)

    @staticmethod
    def is_optional(record: dict[str, Any]) -> bool:
        return bool(record.get("optional"))


def parse_gold(data: Any, source: str) -> GoldArticle:
    """A gold article from its decoded JSON; ``source`` names the file in error messages."""
    if not isinstance(data, dict):
        raise GoldError(f"{source}: expected a JSON object with 'officials', 'figures', ... lists")
    records: dict[str, list[dict[str, Any]]] = {}
    for kind in KINDS:
        items = data.get(kind) or []
        if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
            raise GoldError(f"{source}: '{kind}' must be a list of objects")
        records[kind] = items
    traps = {key: list(data[key]) for key in ("not_officials", "not_figures", "not_awards") if key in data}
    published = data.get("published")
    return GoldArticle(
        id=str(data.get("id") or Path(source).stem),
        published=str(published) if published else None,
        records=records,
        traps=traps,
    )


def load_gold(path: Path) -> GoldArticle:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: cannot read the gold file ({exc})") from exc
    except json.JSONDecodeError as exc:
        raise GoldError(f"{path}: not valid JSON (line {exc.lineno}: {exc.msg})") from exc
    return parse_gold(data, str(path))


def gold_files(gold_dir: Path) -> list[Path]:
    """The gold files of a directory, in name order so reports are stable."""
    if not gold_dir.is_dir():
        raise GoldError(f"{gold_dir}: no such gold directory")
    files = sorted(gold_dir.glob("*.json"))
    if not files:
        raise GoldError(f"{gold_dir}: no gold files (*.json) in this directory")
    return files
