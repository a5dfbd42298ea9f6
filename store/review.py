"""Review operations on stored records: accept, reject, edit, undo, bulk accept.

Every operation names the ``version`` the reviewer saw.  The row is changed only while it
still has that version (one conditional UPDATE, so two reviewers racing cannot both win);
otherwise :class:`VersionConflict` carries the record as it is now, and nothing is written.
Every change adds an :class:`AuditEntry` with who, when, and the state before and after,
in the caller's transaction — a change and its audit line commit together or not at all.

The state kept in the audit (a *snapshot*) is the review status, the version and the
record's editable fields, which is exactly what undo needs to restore.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Index, String, func, literal_column, update
from sqlmodel import Session, col, select

from extract.records import RECORD_KINDS, RecordBase
from store.models import ROW_CLASSES, AuditEntry, ReviewStatus, StoredRecord, utcnow

# The queue lists one status by confidence, then id (migration 0002 creates these indexes;
# declared here so the tables' metadata matches the migrated schema).
QUEUE_INDEXES = [
    Index(f"ix_{row.__tablename__}_queue", row.status, row.confidence, row.id)  # type: ignore[attr-defined]
    for row in ROW_CLASSES.values()
]


def json_text(column: Any, key: str, dialect: str) -> Any:
    """``column ->> key``, written exactly as migration 0002's expression indexes on
    ``event.admin_old/admin_new ->> province_code`` are, so filters by province use them.

    ``key`` is a constant of the code (an identifier), never user input.
    """
    if not key.isidentifier():
        raise ValueError(f"not a JSON key: {key!r}")
    if dialect == "postgresql":
        return column.op("->>", return_type=String)(literal_column(f"'{key}'"))
    return func.json_extract(column, literal_column(f"'$.{key}'"), type_=String)


PROVENANCE = tuple(RecordBase.model_fields)  # evidence, rule, ruleset, confidence: never edited
EDITABLE: dict[str, tuple[str, ...]] = {
    kind: tuple(name for name in model.model_fields if name not in PROVENANCE)
    for kind, model in RECORD_KINDS.items()
}


class ReviewError(Exception):
    """A review action that cannot be done; ``str()`` is written for the reviewer."""


class UnknownKind(ReviewError):
    pass


class RecordNotFound(ReviewError):
    pass


class VersionConflict(ReviewError):
    """Someone changed the record since the reviewer loaded it; ``current`` is its state now."""

    def __init__(self, kind: str, record_id: int, expected: int, current: dict[str, Any]) -> None:
        super().__init__(
            f"{kind} #{record_id} was changed by someone else: you saw version {expected}, "
            f"it is now version {current['version']} ({current['status']}). Nothing was overwritten."
        )
        self.kind = kind
        self.record_id = record_id
        self.expected = expected
        self.current = current


class InvalidEdit(ReviewError):
    """The edited fields do not fit the record schema; ``errors`` maps field → message."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(f"{name}: {message}" for name, message in errors.items()))
        self.errors = errors


class NothingToUndo(ReviewError):
    pass


def row_class(kind: str) -> type[StoredRecord]:
    try:
        return ROW_CLASSES[kind]
    except KeyError:
        raise UnknownKind(f"unknown record kind {kind!r}; choose one of {', '.join(ROW_CLASSES)}") from None


def fields_of(kind: str, row: StoredRecord) -> dict[str, Any]:
    """The editable fields of ``row`` as JSON values (dates as ISO strings, enums as values)."""
    model = RECORD_KINDS[kind]
    data = {name: getattr(row, name) for name in model.model_fields}
    record = model.model_validate(data)
    dumped = record.model_dump(mode="json", include=set(EDITABLE[kind]))
    return {name: dumped.get(name) for name in EDITABLE[kind]}


def snapshot(kind: str, row: StoredRecord) -> dict[str, Any]:
    """The reviewable state of a record, as kept in the audit."""
    status = row.status.value if isinstance(row.status, ReviewStatus) else str(row.status)
    return {"status": status, "version": row.version, "fields": fields_of(kind, row)}


def get_record(session: Session, kind: str, record_id: int) -> StoredRecord:
    row = session.get(row_class(kind), record_id, populate_existing=True)
    if row is None:
        raise RecordNotFound(f"there is no {kind} record #{record_id}")
    return row


def validate_fields(kind: str, row: StoredRecord, changes: Mapping[str, Any]) -> dict[str, Any]:
    """Editable fields after ``changes``, validated by the record model of ``extract.records``.

    Returns Python values ready for the table (enums, dates, dicts).
    """
    editable = EDITABLE[kind]
    errors = {name: "this field cannot be edited" for name in changes if name not in editable}
    if errors:
        raise InvalidEdit(errors)
    model = RECORD_KINDS[kind]
    data = {name: getattr(row, name) for name in model.model_fields}
    data.update(changes)
    try:
        record = model.model_validate(data)
    except ValidationError as exc:
        raise InvalidEdit(
            {".".join(str(p) for p in err["loc"]) or "record": err["msg"] for err in exc.errors()}
        ) from None
    return {name: getattr(record, name) for name in editable}


def _apply(
    session: Session,
    kind: str,
    row: StoredRecord,
    version: int,
    actor: str,
    action: str,
    status: ReviewStatus,
    values: dict[str, Any] | None = None,
    note: dict[str, Any] | None = None,
) -> StoredRecord:
    """Move ``row`` from ``version`` to the new state, audited; the one place records change."""
    if row.version != version:
        raise VersionConflict(kind, row.id, version, snapshot(kind, row))  # type: ignore[arg-type]
    before = snapshot(kind, row)
    table = type(row)
    now = utcnow()
    result = session.execute(
        update(table)
        .where(col(table.id) == row.id, col(table.version) == version)
        .values(status=status, version=version + 1, updated_at=now, **(values or {}))
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]  # lost a race after the read above
        current = get_record(session, kind, row.id)  # type: ignore[arg-type]
        raise VersionConflict(kind, row.id, version, snapshot(kind, current))  # type: ignore[arg-type]
    row = get_record(session, kind, row.id)  # type: ignore[arg-type]
    after = snapshot(kind, row)
    if note:
        after.update(note)
    session.add(
        AuditEntry(
            record_kind=kind, record_id=row.id, action=action, actor=actor, at=now, before=before, after=after
        )  # type: ignore[arg-type]
    )
    session.flush()
    return row


def accept(session: Session, kind: str, record_id: int, version: int, actor: str) -> StoredRecord:
    row = get_record(session, kind, record_id)
    return _apply(session, kind, row, version, actor, "accept", ReviewStatus.accepted)


def reject(session: Session, kind: str, record_id: int, version: int, actor: str) -> StoredRecord:
    row = get_record(session, kind, record_id)
    return _apply(session, kind, row, version, actor, "reject", ReviewStatus.rejected)


def edit(
    session: Session, kind: str, record_id: int, version: int, actor: str, changes: Mapping[str, Any]
) -> StoredRecord:
    """Change fields; the record becomes ``edited`` (an accepted record with corrections)."""
    row = get_record(session, kind, record_id)
    if row.version != version:
        raise VersionConflict(kind, record_id, version, snapshot(kind, row))
    values = validate_fields(kind, row, changes)
    return _apply(session, kind, row, version, actor, "edit", ReviewStatus.edited, values)


def history(session: Session, kind: str, record_id: int) -> list[AuditEntry]:
    """The record's audit entries, oldest first."""
    query = (
        select(AuditEntry)
        .where(AuditEntry.record_kind == kind, AuditEntry.record_id == record_id)
        .order_by(col(AuditEntry.id))
    )
    return list(session.exec(query))


def undoable(entries: Iterable[AuditEntry]) -> AuditEntry | None:
    """The latest change not undone yet: undo entries pop changes off a stack."""
    stack: list[AuditEntry] = []
    for entry in entries:
        if entry.action == "undo":
            undone = (entry.after or {}).get("undoes")
            stack = [e for e in stack if e.id != undone]
        else:
            stack.append(entry)
    return stack[-1] if stack else None


def undo(session: Session, kind: str, record_id: int, version: int, actor: str) -> StoredRecord:
    """Restore the state before the latest change that is not undone yet."""
    row = get_record(session, kind, record_id)
    if row.version != version:
        raise VersionConflict(kind, record_id, version, snapshot(kind, row))
    target = undoable(history(session, kind, record_id))
    if target is None or not target.before:
        raise NothingToUndo(f"{kind} #{record_id} has no change to undo")
    values = validate_fields(kind, row, target.before["fields"])
    status = ReviewStatus(target.before["status"])
    return _apply(session, kind, row, version, actor, "undo", status, values, note={"undoes": target.id})


@dataclass(frozen=True)
class Item:
    kind: str
    id: int
    version: int


@dataclass
class BulkResult:
    accepted: list[Item] = field(default_factory=list)
    unchanged: list[Item] = field(default_factory=list)
    conflicts: list[VersionConflict] = field(default_factory=list)
    missing: list[Item] = field(default_factory=list)


def bulk_accept(session: Session, items: Iterable[Item], actor: str) -> BulkResult:
    """Accept each record still at the version the reviewer saw; report the others.

    A record another reviewer changed meanwhile is left alone and listed in ``conflicts``;
    one already accepted at that version is ``unchanged``.
    """
    result = BulkResult()
    for item in items:
        try:
            row = get_record(session, item.kind, item.id)
        except RecordNotFound:
            result.missing.append(item)
            continue
        if row.version == item.version and row.status == ReviewStatus.accepted:
            result.unchanged.append(item)
            continue
        try:
            _apply(session, item.kind, row, item.version, actor, "bulk_accept", ReviewStatus.accepted)
        except VersionConflict as conflict:
            result.conflicts.append(conflict)
        else:
            result.accepted.append(item)
    return result
