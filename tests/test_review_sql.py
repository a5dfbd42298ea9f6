"""No SQL built from strings: the review app's queries are SQLAlchemy expressions with bound
parameters; what a user types in a filter reaches the database as a value, never as SQL."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from sqlmodel import Session, col, func, select

from store.models import ROW_CLASSES, Article, EventRow
from store.review import json_text
from tests.conftest import ROOT
from tests.test_review_helpers import api_login, client_for, filled_sqlite

SQL_CALLS = {"execute", "exec", "exec_driver_sql", "text", "literal_column", "executescript"}
CHECKED = sorted([*(ROOT / "review").glob("*.py"), ROOT / "bench" / "review.py", ROOT / "store" / "users.py"])
ATTACKS = [
    "' OR '1'='1",
    "x'); DROP TABLE figure; --",
    '" OR 1=1 --',
    "%' OR source LIKE '%",
    "1; DELETE FROM audit_entry",
]


def _built(node: ast.expr) -> bool:
    """An f-string, a concatenation, ``%`` or ``.format()``: a string put together at run time."""
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(part, ast.FormattedValue) for part in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        return True
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format"


def built_sql(path: Path) -> list[tuple[str, int]]:
    """Calls that hand the database a string made at run time, as (file, line)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if name in SQL_CALLS and _built(node.args[0]):
            found.append((path.name, node.lineno))
    return found


def test_the_check_sees_sql_put_together_from_strings(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "conn.execute(f'SELECT * FROM t WHERE a = {a}')\n"
        "session.exec(text('SELECT ' + columns))\n"
        "conn.exec_driver_sql('DELETE FROM {}'.format(table))\n"
        "conn.execute(select(T).where(T.a == a))\n"  # an expression: fine
        "conn.execute('PRAGMA optimize')\n",  # a constant: fine
        encoding="utf-8",
    )
    assert sorted(line for _, line in built_sql(sample)) == [1, 2, 3]


def test_no_sql_is_built_from_strings() -> None:
    assert CHECKED and not [hit for path in CHECKED for hit in built_sql(path)]


def test_the_one_literal_json_key_is_an_identifier() -> None:
    """``json_text`` writes its key into the SQL (so the expression indexes match); it takes
    constants of the code only, and refuses anything but an identifier."""
    assert json_text(col(EventRow.admin_old), "province_code", "sqlite") is not None
    for bad in ["province_code' OR '1'='1", "a b", "x'); --"]:
        with pytest.raises(ValueError):
            json_text(col(EventRow.admin_old), bad, "postgresql")


def _counts(engine) -> dict[str, int]:  # type: ignore[no-untyped-def]
    with Session(engine) as s:
        tables = {**ROW_CLASSES, "articles": Article}
        return {name: s.exec(select(func.count()).select_from(row)).one() for name, row in tables.items()}


@pytest.mark.parametrize("attack", ATTACKS)
def test_filter_values_reach_the_database_as_values(tmp_path: Path, attack: str) -> None:
    db = filled_sqlite(tmp_path, 3)
    with client_for(db) as c:
        api_login(c, "lan")
        engine = c.app.state.engine
        before = _counts(engine)
        for url, params in [
            ("/api/records", {"source": attack}),
            ("/api/records", {"source": attack, "kind": "figures", "status": "all"}),
            ("/api/figures", {"subject": attack, "period": attack, "verdict": "all"}),
            ("/api/timeline", {"type": attack}),
            ("/queue", {"source": attack}),
            ("/figures", {"subject": attack}),
        ]:
            response = c.get(url, params=params)
            assert response.status_code in (200, 422), (url, response.text[:200])
            if url == "/api/records":
                assert response.json()["items"] == [] and response.json()["total"] == 0
            if url == "/api/figures":
                assert response.json()["groups"] == []
        for url, params in [
            ("/api/records", {"province": attack}),
            ("/api/records", {"min_conf": attack}),
            ("/api/records", {"date_from": attack}),
            ("/api/records", {"kind": attack}),
            ("/api/records", {"after": attack}),
        ]:
            assert c.get(url, params=params).status_code == 422, params
        assert _counts(engine) == before
