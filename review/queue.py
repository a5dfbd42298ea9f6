"""The review queue: records by status, filtered, ordered by confidence (least sure first).

Order is the key (confidence, kind, id) across the four record tables; pages are keyset
pages ("after this key"), so page 500 costs what page 1 costs, and each table is read
through its (status, confidence, id) index.  Only records of an article's current revision
are listed: a changed article gets fresh records, and reviewing the old ones is wasted work.

Filters:
- ``kind``: one record kind, or all;
- ``status``: pending by default, or any one status, or all;
- ``source``: the article's source (site);
- ``province``: ``old:NN`` / ``new:NN`` — an event's own administrative unit; for the other
  kinds, the units of any (not rejected) event of the same article;
- ``date_from`` / ``date_to``: the article's publication date;
- ``min_conf`` / ``max_conf``: the record's confidence.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import asdict, dataclass, replace
from typing import Any

from sqlalchemy import and_, func, or_
from sqlmodel import Session, col, select

from review.places import parse_key
from store.models import ROW_CLASSES, Article, EventRow, ReviewStatus, Revision, StoredRecord
from store.review import json_text

KINDS = tuple(ROW_CLASSES)
RANK = {kind: n for n, kind in enumerate(KINDS)}


class BadFilter(ValueError):
    """A filter value the queue cannot use; ``str()`` tells the user which and why."""


@dataclass(frozen=True)
class QueueFilter:
    kind: str | None = None
    status: str | None = ReviewStatus.pending.value  # None: every status
    source: str | None = None
    province: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    min_conf: float | None = None
    max_conf: float | None = None

    @classmethod
    def parse(cls, params: Mapping[str, Any]) -> QueueFilter:
        """From query or form values (strings; empty means unset)."""

        def text(name: str) -> str | None:
            value = params.get(name)
            return value.strip() or None if isinstance(value, str) else None

        kind = text("kind")
        if kind is not None and kind not in ROW_CLASSES:
            raise BadFilter(f"unknown kind {kind!r}; choose one of {', '.join(KINDS)}")
        status = text("status") or ReviewStatus.pending.value
        if status == "all":
            status = None
        elif status not in ReviewStatus.__members__:
            raise BadFilter(f"unknown status {status!r}; choose pending, accepted, rejected, edited or all")
        province = text("province")
        try:
            parse_key(province)
        except ValueError as exc:
            raise BadFilter(str(exc)) from None
        return cls(
            kind=kind,
            status=status,
            source=text("source"),
            province=province,
            date_from=_date(text("date_from"), "date_from"),
            date_to=_date(text("date_to"), "date_to"),
            min_conf=_confidence(text("min_conf"), "min_conf"),
            max_conf=_confidence(text("max_conf"), "max_conf"),
        )

    def params(self) -> dict[str, str]:
        """Query parameters that give this filter back (unset values left out)."""
        out = {}
        for name, value in asdict(self).items():
            if name == "status":
                value = value or "all"
                if value == ReviewStatus.pending.value:
                    continue
            if value is not None:
                out[name] = value.isoformat() if isinstance(value, dt.date) else str(value)
        return out

    def kinds(self) -> tuple[str, ...]:
        return (self.kind,) if self.kind else KINDS

    def with_kind(self, kind: str | None) -> QueueFilter:
        return replace(self, kind=kind)


def _date(value: str | None, name: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise BadFilter(f"{name}: {value!r} is not a date (YYYY-MM-DD)") from None


def _confidence(value: str | None, name: str) -> float | None:
    if value is None:
        return None
    try:
        number = float(value)
    except ValueError:
        raise BadFilter(f"{name}: {value!r} is not a number") from None
    if not 0.0 <= number <= 1.0:
        raise BadFilter(f"{name}: confidence is between 0 and 1, not {value}")
    return number


@dataclass(frozen=True, order=True)
class Key:
    """A record's place in the queue order."""

    confidence: float
    rank: int
    id: int

    def encode(self) -> str:
        return f"{self.confidence!r}_{self.rank}_{self.id}"

    @classmethod
    def decode(cls, text: str) -> Key:
        try:
            confidence, rank, record_id = text.split("_")
            return cls(float(confidence), int(rank), int(record_id))
        except ValueError:
            raise BadFilter(f"not a queue position: {text!r}") from None

    @classmethod
    def of(cls, kind: str, row: StoredRecord) -> Key:
        return cls(float(row.confidence), RANK[kind], int(row.id))  # type: ignore[attr-defined,arg-type]


@dataclass(frozen=True)
class QueueItem:
    kind: str
    row: StoredRecord
    source: str | None
    published: dt.date | None
    title: str | None

    @property
    def key(self) -> Key:
        return Key.of(self.kind, self.row)


@dataclass(frozen=True)
class QueuePage:
    items: list[QueueItem]
    next_key: Key | None
    prev_key: Key | None


def province_code(scheme: str, dialect: str) -> Any:
    """An event's province code in ``scheme`` (old / new), as the expression index has it."""
    column = col(EventRow.admin_old) if scheme == "old" else col(EventRow.admin_new)
    return json_text(column, "province_code", dialect)


def conditions(row: type[StoredRecord], flt: QueueFilter, dialect: str) -> list[Any]:
    """WHERE terms of ``flt`` for one record table (joined with Article and Revision)."""
    terms: list[Any] = []
    if flt.status is not None:
        terms.append(col(row.status) == ReviewStatus(flt.status))
    if flt.source is not None:
        terms.append(col(Article.source) == flt.source)
    if flt.date_from is not None:
        terms.append(col(Revision.published) >= flt.date_from)
    if flt.date_to is not None:
        terms.append(col(Revision.published) <= flt.date_to)
    if flt.min_conf is not None:
        terms.append(col(row.confidence) >= flt.min_conf)  # type: ignore[attr-defined]
    if flt.max_conf is not None:
        terms.append(col(row.confidence) <= flt.max_conf)  # type: ignore[attr-defined]
    place = parse_key(flt.province)
    if place is not None:
        scheme, code = place
        if row is EventRow:
            terms.append(province_code(scheme, dialect) == code)
        else:
            events = select(EventRow.article_id).where(
                province_code(scheme, dialect) == code, col(EventRow.status) != ReviewStatus.rejected
            )
            terms.append(col(row.article_id).in_(events))
    return terms


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def _after(row: type[StoredRecord], kind: str, key: Key, forward: bool) -> Any:
    """Keyset term: records strictly after (or before) ``key`` in queue order."""
    confidence, record_id = col(row.confidence), col(row.id)  # type: ignore[attr-defined]
    rank = RANK[kind]
    if forward:
        if rank > key.rank:
            return confidence >= key.confidence
        if rank < key.rank:
            return confidence > key.confidence
        return and_(confidence >= key.confidence, or_(confidence > key.confidence, record_id > key.id))
    if rank < key.rank:
        return confidence <= key.confidence
    if rank > key.rank:
        return confidence < key.confidence
    return and_(confidence <= key.confidence, or_(confidence < key.confidence, record_id < key.id))


def _with_article(row: type[StoredRecord], *columns: Any):  # type: ignore[no-untyped-def]
    """Records joined with their article, when theirs is the article's current revision.

    One join term, on an indexed column: joining on article id *and* revision makes
    PostgreSQL multiply two selectivities, expect almost no rows, and sort every pending
    record instead of reading the queue index in order up to the page's end.
    """
    return (
        select(*columns)
        .select_from(row)
        .join(Article, col(Article.current_revision_id) == col(row.revision_id))
    )


def _joined(row: type[StoredRecord], *columns: Any):  # type: ignore[no-untyped-def]
    return _with_article(row, *columns).join(Revision, col(Revision.id) == col(row.revision_id))


def _fetch(session: Session, flt: QueueFilter, key: Key | None, forward: bool, limit: int) -> list[QueueItem]:
    """Up to ``limit`` items after/before ``key``, merged over the kinds, in queue order."""
    items: list[QueueItem] = []
    for kind in flt.kinds():
        row = ROW_CLASSES[kind]
        terms = conditions(row, flt, _dialect(session))
        if key is not None:
            terms.append(_after(row, kind, key, forward))
        confidence, record_id = col(row.confidence), col(row.id)  # type: ignore[attr-defined]
        order = (confidence, record_id) if forward else (confidence.desc(), record_id.desc())
        query = (
            _joined(row, row, Article.source, Revision.published, Revision.title)
            .where(*terms)
            .order_by(*order)
            .limit(limit)
        )
        for record, source, published, title in session.exec(query):
            items.append(QueueItem(kind, record, source, published, title))
    items.sort(key=lambda item: item.key, reverse=not forward)
    return items[:limit]


def page(
    session: Session, flt: QueueFilter, after: Key | None = None, before: Key | None = None, size: int = 50
) -> QueuePage:
    """One page of the queue, starting after ``after`` (or ending before ``before``)."""
    if before is not None:
        items = _fetch(session, flt, before, False, size + 1)
        more_before = len(items) > size
        items = list(reversed(items[:size]))
        next_key = items[-1].key if items else None
        return QueuePage(items, next_key, items[0].key if items and more_before else None)
    items = _fetch(session, flt, after, True, size + 1)
    more_after = len(items) > size
    items = items[:size]
    prev_key = None
    if after is not None and items and _fetch(session, flt, items[0].key, False, 1):
        prev_key = items[0].key
    return QueuePage(items, items[-1].key if more_after else None, prev_key)


def neighbours(session: Session, flt: QueueFilter, key: Key) -> tuple[QueueItem | None, QueueItem | None]:
    """The records before and after ``key`` in the filtered queue (for j/k on a record page)."""
    before = _fetch(session, flt, key, False, 1)
    after = _fetch(session, flt, key, True, 1)
    return (before[0] if before else None), (after[0] if after else None)


COUNT_CAP = 1_000


def count(session: Session, flt: QueueFilter, cap: int = COUNT_CAP) -> tuple[int, bool]:
    """Matching records counted up to ``cap``: (count, whether there are more).

    An exact count of 100,000 rows costs more than the page itself, and past a thousand the
    number changes no decision; the kinds share one budget, so a broad filter stops early.
    """
    total = 0
    for kind in flt.kinds():
        row = ROW_CLASSES[kind]
        dated = flt.date_from is not None or flt.date_to is not None
        inner = _joined(row, col(row.id)) if dated else _with_article(row, col(row.id))
        inner = inner.where(*conditions(row, flt, _dialect(session))).limit(cap + 1 - total).subquery()
        total += int(session.exec(select(func.count()).select_from(inner)).one())
        if total > cap:
            return cap, True
    return total, False


def matching_items(session: Session, flt: QueueFilter, cap: int) -> list[tuple[str, int, int]]:
    """(kind, id, version) of the first ``cap`` matching records, for bulk accept."""
    found: list[tuple[Key, str, int, int]] = []
    for kind in flt.kinds():
        row = ROW_CLASSES[kind]
        confidence, record_id = col(row.confidence), col(row.id)  # type: ignore[attr-defined]
        query = (
            _joined(row, record_id, col(row.version), confidence)
            .where(*conditions(row, flt, _dialect(session)))
            .order_by(confidence, record_id)
            .limit(cap)
        )
        for rid, version, conf in session.exec(query):
            found.append((Key(float(conf), RANK[kind], rid), kind, rid, version))
    found.sort()
    return [(kind, rid, version) for _, kind, rid, version in found[:cap]]


def sources(session: Session) -> list[str]:
    """Distinct article sources, for the filter menu (read through the source index)."""
    query = select(Article.source).where(col(Article.source).is_not(None)).distinct().order_by(Article.source)
    return [s for s in session.exec(query) if s]
