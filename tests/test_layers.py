"""One-way data flow: crawl → clean → extract → store → review/export; no stage imports a later one.

Read from the source with ``ast`` (every ``import`` and ``from ... import``, at module level or
inside a function, ``TYPE_CHECKING`` blocks included), so a lazy import inside a function
counts as much as one at the top.  Only ``antq/``, the composing command line, may import
every stage; it is where a later stage is handed to an earlier one (``antq.crawling`` gives the
crawler the store's frontier).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Each stage and the packages that come after it in the flow, which it must not import.
LATER = {
    "crawler": {"store", "export", "review", "antq"},
    "clean": {"extract", "store", "export", "review", "antq"},
    "extract": {"store", "export", "review", "antq"},
    "store": {"export", "review", "antq"},
    "export": {"review", "antq"},
}


def imported_packages(path: Path) -> list[tuple[int, str]]:
    """(line, top-level package) of every absolute import in the module at ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name.split(".")[0]) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module.split(".")[0]))
    return found


def violations(package: str, forbidden: set[str]) -> list[str]:
    return [
        f"{path.relative_to(ROOT)}:{line} imports {name}"
        for path in sorted((ROOT / package).rglob("*.py"))
        for line, name in imported_packages(path)
        if name in forbidden
    ]


@pytest.mark.parametrize(("package", "forbidden"), sorted(LATER.items()), ids=sorted(LATER))
def test_no_stage_imports_a_later_one(package: str, forbidden: set[str]) -> None:
    assert (ROOT / package / "__init__.py").is_file()
    assert violations(package, forbidden) == []


def test_the_check_sees_lazy_and_type_checking_imports(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from store.db import StoreError\n"
        "def f():\n    import review.app\n    from . import sibling\n    return 1\n",
        encoding="utf-8",
    )
    assert imported_packages(module) == [(1, "typing"), (3, "store"), (5, "review")]
