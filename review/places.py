"""Provinces, old (63, before 2025) and new (34, from the 2025 reorganisation), by official code.

Codes are reused across the two schemes for different provinces (old 15 is Yên Bái, new 15
is Lào Cai), so a province is always named with its scheme: ``old:15``, ``new:15``.  Records
carry the codes in ``Event.admin_old`` / ``Event.admin_new`` (see ``extract.records.AdminUnit``).

The lists come from vietnamadminunits' bundled SQLite file, read directly: importing the
package itself loads its parsers (most of a second), which a web page does not need.
"""

from __future__ import annotations

import importlib.util
import sqlite3
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

SCHEMES = {"old": "admin_units_legacy", "new": "admin_units"}
# One fixed statement per scheme: no SQL is put together from pieces, not even table names.
PROVINCE_QUERIES = {
    "old": "SELECT DISTINCT provinceCode, province, provinceShort FROM admin_units_legacy "
    "ORDER BY provinceCode",
    "new": "SELECT DISTINCT provinceCode, province, provinceShort FROM admin_units ORDER BY provinceCode",
}
SCHEME_LABELS = {"old": "trước 2025 (63 tỉnh)", "new": "từ 2025 (34 tỉnh)"}
UNKNOWN = "chưa xác định"


@dataclass(frozen=True)
class Province:
    scheme: str
    code: str
    name: str
    short: str

    @property
    def key(self) -> str:
        return f"{self.scheme}:{self.code}"

    @property
    def label(self) -> str:
        return f"{self.short} ({'cũ' if self.scheme == 'old' else '2025'})"


def _dataset() -> Path | None:
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "dataset.db"
    return path if path.is_file() else None


@cache
def provinces(scheme: str) -> tuple[Province, ...]:
    """All provinces of a scheme, by code; empty when the dataset is not installed."""
    path = _dataset()
    if path is None:
        return ()
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        rows = conn.execute(PROVINCE_QUERIES[scheme]).fetchall()
    return tuple(Province(scheme, code, name, short) for code, name, short in rows)


@cache
def by_key() -> dict[str, Province]:
    return {p.key: p for scheme in SCHEMES for p in provinces(scheme)}


def parse_key(key: str | None) -> tuple[str, str] | None:
    """``"old:08"`` → ("old", "08"); None for an empty value; ValueError for anything else."""
    if not key:
        return None
    scheme, _, code = key.partition(":")
    if scheme not in SCHEMES or not code.isdigit() or len(code) > 3:
        raise ValueError(f"unknown province {key!r}; expected old:NN or new:NN")
    return scheme, code


def province_name(scheme: str, code: str | None, written: str | None = None) -> str:
    """The short name of a province code, else the name as the record wrote it."""
    if code:
        province = by_key().get(f"{scheme}:{code}")
        if province is not None:
            return province.short
    return written or UNKNOWN


def unit_of(admin: dict[str, Any] | None, level: str) -> tuple[str | None, str | None]:
    """(code, name) of one level (province, district, ward) of an admin dict."""
    if not admin:
        return None, None
    return admin.get(f"{level}_code") or None, admin.get(level) or None
