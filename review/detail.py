"""One record with what a reviewer needs beside it: its article, fields, history, undo."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlmodel import Session

from review.present import Focus, Highlight, focus, highlight, summary
from store.models import Article, AuditEntry, Revision, StoredRecord
from store.review import fields_of, get_record, history, undoable


@dataclass
class RecordView:
    kind: str
    row: StoredRecord
    fields: dict[str, Any]
    article: Article
    revision: Revision
    highlight: Highlight
    history: list[AuditEntry]
    can_undo: bool

    @property
    def focus(self) -> Focus:
        """The marked evidence cut around the record's own words (its number, its name)."""
        return focus(self.kind, self.row, self.highlight.marked)

    @property
    def summary(self) -> str:
        return summary(self.kind, self.row)

    @property
    def is_current(self) -> bool:
        return self.article.current_revision_id == self.revision.id


def load(session: Session, kind: str, record_id: int) -> RecordView:
    """Raises ``store.review.RecordNotFound`` / ``UnknownKind`` for a bad address."""
    row = get_record(session, kind, record_id)
    article = session.get(Article, row.article_id)
    revision = session.get(Revision, row.revision_id)
    assert article is not None and revision is not None  # foreign keys
    entries = history(session, kind, record_id)
    return RecordView(
        kind=kind,
        row=row,
        fields=fields_of(kind, row),
        article=article,
        revision=revision,
        highlight=highlight(revision.text, row.evidence),  # type: ignore[attr-defined]
        history=entries,
        can_undo=undoable(entries) is not None,
    )


def changes(entry: AuditEntry) -> list[tuple[str, Any, Any]]:
    """(what, before, after) for each value an audit entry changed, status first."""
    before, after = entry.before or {}, entry.after or {}
    out = []
    if before.get("status") != after.get("status"):
        out.append(("status", before.get("status"), after.get("status")))
    old, new = before.get("fields") or {}, after.get("fields") or {}
    for name in new:
        if old.get(name) != new.get(name):
            out.append((name, old.get(name), new.get(name)))
    return out
