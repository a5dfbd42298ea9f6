"""Review operations and accounts on SQLite and the real PostgreSQL: versions, audit, undo, bulk."""

from __future__ import annotations

import datetime as dt
import warnings

import pytest
from sqlalchemy import inspect, text
from sqlmodel import Session, col, func, select

from review.queue import province_code
from review.sample import fill
from store.db import open_store, transaction
from store.models import ROW_CLASSES, AuditEntry, EventRow, FigureRow, OfficialRow, ReviewStatus
from store.review import (
    EDITABLE,
    InvalidEdit,
    Item,
    NothingToUndo,
    RecordNotFound,
    UnknownKind,
    VersionConflict,
    _apply,
    accept,
    bulk_accept,
    edit,
    get_record,
    history,
    reject,
    undo,
)
from store.users import AccountError, User, add_user, verify


@pytest.fixture
def engine(db_url: str):  # type: ignore[no-untyped-def]
    engine = open_store(db_url)
    fill(engine, 3)
    yield engine
    engine.dispose()


@pytest.fixture
def sqlite_engine(sqlite_url: str):  # type: ignore[no-untyped-def]
    """For rules that do not depend on the database (validation): one engine is enough."""
    engine = open_store(sqlite_url)
    fill(engine, 3)
    yield engine
    engine.dispose()


def _first(engine, row_class):  # type: ignore[no-untyped-def]
    with Session(engine) as session:
        return session.exec(select(row_class).order_by(col(row_class.id))).first()


def _audits(engine) -> int:  # type: ignore[no-untyped-def]
    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(AuditEntry)).one()


def test_migration_adds_accounts_and_queue_indexes(engine) -> None:  # type: ignore[no-untyped-def]
    inspector = inspect(engine)
    assert "user_account" in inspector.get_table_names()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # SQLite cannot reflect the expression indexes (checked below)
        for table in ("official", "figure", "award", "event"):
            indexes = {ix["name"]: ix["column_names"] for ix in inspector.get_indexes(table)}
            assert indexes[f"ix_{table}_queue"] == ["status", "confidence", "id"]
    catalog = (
        "SELECT indexname FROM pg_indexes WHERE tablename = 'event'"
        if engine.dialect.name == "postgresql"
        else "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'event'"
    )
    with engine.connect() as conn:
        names = set(conn.execute(text(catalog)).scalars())
    assert {"ix_event_admin_old_province", "ix_event_admin_new_province"} <= names


def test_province_filters_read_the_expression_index(sqlite_engine) -> None:  # type: ignore[no-untyped-def]
    """The filter must be written exactly as the index, or SQLite scans every event."""
    for scheme in ("old", "new"):
        query = select(EventRow.article_id).where(province_code(scheme, "sqlite") == "08")
        sql = str(query.compile(sqlite_engine, compile_kwargs={"literal_binds": True}))
        with sqlite_engine.connect() as conn:
            plan = " ".join(str(row) for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql))
        assert f"ix_event_admin_{scheme}_province" in plan, plan


def test_accept_and_reject_bump_the_version_and_are_audited(engine) -> None:  # type: ignore[no-untyped-def]
    figure = _first(engine, FigureRow)
    with transaction(engine) as s:
        row = accept(s, "figures", figure.id, 1, "lan")
    assert (row.status, row.version) == (ReviewStatus.accepted, 2)
    with transaction(engine) as s:
        row = reject(s, "figures", figure.id, 2, "minh")
    assert (row.status, row.version) == (ReviewStatus.rejected, 3)
    with Session(engine) as s:
        entries = history(s, "figures", figure.id)
    assert [(e.action, e.actor, e.before["status"], e.after["status"]) for e in entries] == [
        ("accept", "lan", "pending", "accepted"),
        ("reject", "minh", "accepted", "rejected"),
    ]
    assert entries[0].before["version"] == 1 and entries[0].after["version"] == 2
    assert entries[0].at.tzinfo is not None


def test_stale_version_is_a_conflict_and_writes_nothing(engine) -> None:  # type: ignore[no-untyped-def]
    official = _first(engine, OfficialRow)
    with transaction(engine) as s:
        accept(s, "officials", official.id, 1, "lan")
    before = _audits(engine)
    with pytest.raises(VersionConflict) as caught, transaction(engine) as s:
        reject(s, "officials", official.id, 1, "minh")
    conflict = caught.value
    assert conflict.current["version"] == 2 and conflict.current["status"] == "accepted"
    assert "version 1" in str(conflict) and "now version 2" in str(conflict)
    assert _audits(engine) == before
    assert _first(engine, OfficialRow).status == ReviewStatus.accepted


def test_the_conditional_update_catches_a_change_after_the_read(engine) -> None:  # type: ignore[no-untyped-def]
    """Reviewer A read version 1; B saves before A's UPDATE runs: A's UPDATE matches no row."""
    with Session(engine) as s:
        stale = s.exec(select(FigureRow).order_by(col(FigureRow.id))).first()
        s.expunge(stale)
    with transaction(engine) as s:
        accept(s, "figures", stale.id, 1, "minh")
    with pytest.raises(VersionConflict) as caught, transaction(engine) as s:
        _apply(s, "figures", stale, 1, "lan", "reject", ReviewStatus.rejected)
    assert caught.value.current["status"] == "accepted"
    assert _first(engine, FigureRow).status == ReviewStatus.accepted


@pytest.mark.parametrize(
    ("kind", "changes", "field"),
    [
        ("figures", {"value": "nhiều"}, "value"),
        ("figures", {"kind": "weight"}, "kind"),
        ("figures", {"evidence": {"text": "x", "start": 0, "end": 1}}, "evidence"),
        ("figures", {"confidence": 1.0}, "confidence"),
        ("events", {"date": "2025-13-01"}, "date"),
        ("officials", {"name": None}, "name"),
        ("awards", {"recipient_count": "ba"}, "recipient_count"),
    ],
)
def test_edit_is_validated_by_the_record_model(sqlite_engine, kind: str, changes: dict, field: str) -> None:  # type: ignore[no-untyped-def,type-arg]
    row = _first(sqlite_engine, ROW_CLASSES[kind])
    with pytest.raises(InvalidEdit) as caught, transaction(sqlite_engine) as s:
        edit(s, kind, row.id, 1, "lan", changes)
    assert field in caught.value.errors
    assert _first(sqlite_engine, ROW_CLASSES[kind]).version == 1


def test_edit_converts_values_and_marks_the_record_edited(engine) -> None:  # type: ignore[no-untyped-def]
    event = _first(engine, EventRow)
    admin = {
        "province": "Tỉnh Mẫu",
        "province_code": "08",
        "district": None,
        "district_code": None,
        "ward": "xã Tân Hòa",
        "ward_code": "02345",
    }
    with transaction(engine) as s:
        row = edit(
            s, "events", event.id, 1, "lan", {"date": "2025-08-12", "type": "tong_ket", "admin_new": admin}
        )
    assert row.status == ReviewStatus.edited and row.version == 2
    saved = _first(engine, EventRow)
    assert saved.date == dt.date(2025, 8, 12) and saved.type.value == "tong_ket" and saved.admin_new == admin
    with Session(engine) as s:
        (entry,) = history(s, "events", event.id)
    assert entry.before["fields"]["type"] != "tong_ket" and entry.after["fields"]["date"] == "2025-08-12"
    assert set(entry.after["fields"]) == set(EDITABLE["events"])


def test_undo_walks_back_change_by_change(engine) -> None:  # type: ignore[no-untyped-def]
    figure = _first(engine, FigureRow)
    original = figure.value
    with transaction(engine) as s:
        accept(s, "figures", figure.id, 1, "lan")
        edit(s, "figures", figure.id, 2, "lan", {"value": 5120})
    with transaction(engine) as s:
        row = undo(s, "figures", figure.id, 3, "lan")
    assert (row.status, row.value, row.version) == (ReviewStatus.accepted, original, 4)
    with transaction(engine) as s:
        row = undo(s, "figures", figure.id, 4, "lan")
    assert (row.status, row.version) == (ReviewStatus.pending, 5)
    with pytest.raises(NothingToUndo), transaction(engine) as s:
        undo(s, "figures", figure.id, 5, "lan")
    with Session(engine) as s:
        actions = [e.action for e in history(s, "figures", figure.id)]
    assert actions == ["accept", "edit", "undo", "undo"]


def test_bulk_accept_skips_records_changed_meanwhile(engine) -> None:  # type: ignore[no-untyped-def]
    with Session(engine) as s:
        figures = s.exec(select(FigureRow).order_by(col(FigureRow.id)).limit(3)).all()
    with transaction(engine) as s:
        reject(s, "figures", figures[1].id, 1, "minh")  # someone else, after the list was shown
        accept(s, "figures", figures[2].id, 1, "minh")
    items = [Item("figures", f.id, 1) for f in figures] + [Item("figures", 10**9, 1)]
    with transaction(engine) as s:
        result = bulk_accept(s, items, "lan")
    assert [i.id for i in result.accepted] == [figures[0].id]
    assert [c.record_id for c in result.conflicts] == [figures[1].id, figures[2].id]
    assert [i.id for i in result.missing] == [10**9]
    with Session(engine) as s:
        assert s.get(FigureRow, figures[1].id).status == ReviewStatus.rejected  # not overwritten
        assert history(s, "figures", figures[0].id)[-1].action == "bulk_accept"
    with transaction(engine) as s:
        again = bulk_accept(s, [Item("figures", figures[0].id, 2)], "lan")
    assert again.unchanged and not again.accepted


def test_unknown_records_and_kinds(engine) -> None:  # type: ignore[no-untyped-def]
    with Session(engine) as s:
        with pytest.raises(RecordNotFound):
            get_record(s, "figures", 10**9)
        with pytest.raises(UnknownKind):
            get_record(s, "persons", 1)


def test_accounts(engine) -> None:  # type: ignore[no-untyped-def]
    with transaction(engine) as s:
        add_user(s, "lan", "mật-khẩu-dài", "admin")
        add_user(s, "minh", "another-pass")
    with Session(engine) as s:
        stored = s.exec(select(User).where(User.name == "lan")).one()
        assert stored.role == "admin" and stored.password_hash.startswith("$argon2id$")
        assert "mật-khẩu-dài" not in stored.password_hash
    for name, password, role, message in [
        ("lan", "whatever-long", "reviewer", "exists already"),
        ("hoa", "short", "reviewer", "shorter than"),
        ("hoa", "long-enough", "editor", "unknown role"),
        ("", "long-enough", "reviewer", "empty"),
        ("a b", "long-enough", "reviewer", "spaces"),
    ]:
        with pytest.raises(AccountError, match=message), transaction(engine) as s:
            add_user(s, name, password, role)
    with transaction(engine) as s:
        assert verify(s, "lan", "mật-khẩu-dài").name == "lan"  # type: ignore[union-attr]
        assert verify(s, "lan", "wrong-password") is None
        assert verify(s, "nobody", "mật-khẩu-dài") is None
        assert verify(s, "minh", "another-pass").role == "reviewer"  # type: ignore[union-attr]
